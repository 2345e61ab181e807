"""Metric pages, goal against result on profiles and compare: content, verdicts, fragments, query counts."""

import html
import json
import re
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.cache import cache

from apps.atlas.dataversion import data_version
from apps.atlas.models import Official, Target
from apps.atlas.people import group_people
from apps.atlas.series import build_series
from apps.dashboard import charts
from apps.dashboard.colors import PALETTE, CityColors, city_color, color_class
from apps.dashboard.units import human_amount, human_number
from apps.metrics import queries
from apps.metrics.sections import GOALS_PER_CELL, officials_over_time
from tests.factories import make_document
from tests.metric_atlas import add_metric_cities, add_metric_figures

HTMX = {"HTTP_HX_REQUEST": "true"}
EXTRA_CITIES = 60  # past one page of 50


@pytest.fixture(autouse=True)
def empty_cache():
    """Pages cache what they derive from all clusters; a count pinned here must not depend on test order."""
    cache.clear()


@pytest.fixture
def metrics(atlas):
    return add_metric_figures(atlas)


def page(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def figures(content):
    return [json.loads(html.unescape(raw)) for raw in re.findall(r"data-figure='([^']*)'", content)]


def ranking_rows(content):
    """[(rank, city slug, goal, result, verdict)] of the ranked table."""
    rows = re.findall(
        r'<td class="num">([^<]*)</td>\s*<th scope="row">.*?href="/cities/([\w-]+)/".*?</th>\s*'
        r'<td class="num">([^<]*)(?:<span[^>]*>[^<]*</span>)?</td>\s*<td class="num">([^<]*?)\s*(?:<span[^>]*>[^<]*</span>)?</td>\s*'
        r'<td><span class="verdict verdict-(\w+)">',
        content,
        re.S,
    )
    return [(rank, slug, goal.strip(), result.strip(), verdict) for rank, slug, goal, result, verdict in rows]


# Colours and numbers ----------------------------------------------------------------------------


def test_a_city_keeps_its_colour_whatever_else_is_shown(atlas):
    kunshan = atlas.cities["kunshan"]
    assert city_color(kunshan) in PALETTE
    assert city_color(kunshan) == city_color(SimpleNamespace(adcode=None, slug="kunshan"))
    assert color_class(kunshan) == f"city-color-{PALETTE.index(city_color(kunshan))}"
    # The adcode, when known, is the key: renaming a slug does not repaint a city.
    assert city_color(SimpleNamespace(adcode="320583", slug="a")) == city_color(
        SimpleNamespace(adcode="320583", slug="b")
    )
    assert len({city_color(SimpleNamespace(adcode=None, slug=f"city-{i}")) for i in range(100)}) == len(PALETTE)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("5000.0000"), "5,000"),
        (Decimal("52.345"), "52.3"),
        (Decimal("0.856"), "0.86"),
        (Decimal("-3.0000"), "-3"),
        (Decimal("15456"), "15,456"),
    ],
)
def test_numbers_are_written_for_people(value, text):
    assert human_number(value) == text


def test_money_is_shown_in_yi_yuan():
    assert human_amount(Decimal(5000) * 10**8, "元", "亿元") == "5,000亿元"
    assert human_amount(Decimal("52.3"), "%", "%") == "52.3%"
    assert human_amount(Decimal(2800), "count", "家") == "2,800家"


# /metrics/ --------------------------------------------------------------------------------------


def test_metric_list_counts_cities_with_goals_and_results(client, metrics):
    response = client.get("/metrics/")
    summaries = {
        (s["key"], s["measure"]): (s["goal_cities"], s["result_cities"]) for s in response.context["summaries"]
    }
    assert summaries == {
        ("gdp", "growth"): (3, 3),
        ("gdp", "level"): (3, 3),
        ("surveyed_unemployment", "share"): (2, 2),
    }
    assert 'href="/metrics/gdp/?measure=growth"' in response.content.decode()


def test_metric_page_defaults_to_the_taxonomy_measure_and_the_latest_year_with_results(client, metrics):
    response = client.get("/metrics/gdp/")
    assert (response.context["measure"], response.context["year"]) == ("level", 2023)
    assert [slug for _, slug, *_ in ranking_rows(response.content.decode())] == ["wuxi", "kunshan", "jiangyin"]


def test_cities_are_ranked_by_result_with_goal_verdict_and_revision(client, metrics):
    content = page(client, "/metrics/gdp/?measure=growth&year=2023")
    assert ranking_rows(content) == [
        ("1", "jiangyin", "6%左右", "6.1%", "met"),
        ("2", "wuxi", "4.5%左右", "6%", "met"),  # the goal a mid-year document lowered to 4.5
        ("3", "kunshan", "5.5%左右", "5%", "missed"),  # 5 is more than 5 % under 5.5
    ]
    assert content.count("修订 revised</span>") == 1
    assert figures(content)[0]["data"][1]["text"] == ["✓", "✓ 修订", "✗"]  # the ranking chart marks the same


def test_money_ranks_in_yi_yuan(client, metrics):
    rows = ranking_rows(page(client, "/metrics/gdp/?measure=level&year=2023"))
    assert rows == [
        ("1", "wuxi", "15,500亿元以上", "15,456亿元", "missed"),
        ("2", "kunshan", "5,000亿元以上", "5,140亿元", "met"),
        ("3", "jiangyin", "5,000亿元以上", "5,017亿元", "met"),
    ]


def test_a_final_figure_replaces_the_estimate_and_a_range_is_missed_below_its_low_end(client, metrics):
    rows = ranking_rows(page(client, "/metrics/gdp/?measure=growth&year=2022"))
    assert ("1", "jiangyin", "6–6.5%", "5.9%", "missed") in rows  # the estimate 6.2 would have met it


def test_met_share_in_sql_agrees_with_the_series(metrics):
    """queries.met_share_by_year writes apps.atlas.series.goal_met in SQL: both must judge alike."""
    for key, measure in [("gdp", "growth"), ("gdp", "level"), ("surveyed_unemployment", "share")]:
        rows = [
            row
            for row in queries.city_figures([metrics.cities[s].pk for s in ("kunshan", "wuxi", "jiangyin")])
            if (row.metric_key, row.measure) == (key, measure)
        ]
        judged = {}
        for series in build_series(rows):
            for point in series.years:
                if point.verdict() != "pending":
                    met, total = judged.get(point.year, (0, 0))
                    judged[point.year] = (met + (point.verdict() == "met"), total + 1)
        assert queries.met_share_by_year(key, measure) == [(year, *judged[year]) for year in sorted(judged)]
    assert queries.met_share_by_year("gdp", "growth") == [(2021, 2, 2), (2022, 1, 3), (2023, 2, 3)]


def test_metric_page_charts_the_top_cities_and_the_share_that_met(client, metrics):
    ranking, share = figures(page(client, "/metrics/gdp/?measure=level&year=2023"))
    goal, result = ranking["data"]
    assert result["y"] == ["无锡", "昆山", "江阴"] and result["x"] == [15456.0, 5140.0, 5017.0]
    assert goal["x"] == [15500.0, 5000.0, 5000.0] and goal["marker"]["pattern"]["shape"] == "/"
    shown = [metrics.cities[s] for s in ("wuxi", "kunshan", "jiangyin")]
    # 无锡 and 江阴 hash to one colour: on the chart the first by key keeps it and the other moves on.
    assert city_color(shown[0]) == city_color(shown[2])
    assert result["marker"]["color"] == [CityColors(shown)(city) for city in shown]
    assert len(set(result["marker"]["color"])) == 3 and result["marker"]["color"][1:] == [
        city_color(city) for city in shown[1:]
    ]
    assert ranking["layout"]["xaxis"]["title"]["text"] == "亿元"
    assert share["data"][0]["x"] == ["2021", "2022", "2023"] and share["data"][0]["y"] == [100.0, 0.0, 66.7]


def test_metric_page_fragment_is_the_results_region(client, metrics):
    content = page(client, "/metrics/gdp/?measure=growth&year=2022", **HTMX)
    assert content.strip().startswith('<section id="metric-results"') and "<html" not in content


def test_bad_choices_fall_back_with_notices(client, metrics):
    response = client.get("/metrics/gdp/?measure=bogus&year=1999")
    assert response.status_code == 200
    assert (response.context["measure"], response.context["year"]) == ("level", 2023)
    assert len(response.context["notices"]) == 2
    assert client.get("/metrics/gdp/?year=abc").status_code == 200
    assert client.get("/metrics/no_such_metric/").status_code == 404
    assert "暂无该指标的数据" in page(client, "/metrics/rd_intensity/")  # in the taxonomy, no figures yet


def test_metric_page_pages_through_every_city(client, metrics):
    add_metric_cities(metrics, EXTRA_CITIES)
    content = page(client, "/metrics/gdp/?measure=level&year=2023")
    assert len(ranking_rows(content)) == 50 and 'id="metric-more"' in content
    more = page(client, "/metrics/gdp/?measure=level&year=2023&page=2", HTTP_HX_TARGET="metric-more", **HTMX)
    assert more.strip().startswith("<tr>") and "<table" not in more
    ranks = [int(rank) for rank, *_ in ranking_rows(more)]
    assert ranks == list(range(51, 64)) and 'id="metric-more"' not in more


@pytest.mark.parametrize("extra", [0, EXTRA_CITIES], ids=["small", "crowded"])
def test_metric_page_query_count_is_the_same_at_any_number_of_cities(client, metrics, extra, django_assert_num_queries):
    add_metric_cities(metrics, extra)
    # the measures and years; the count and a page of ranked cities; their goals and results; the met share
    with django_assert_num_queries(6):  # + the chart's source line (documents, latest)
        page(client, "/metrics/gdp/?measure=growth&year=2022")
    with django_assert_num_queries(4):  # a "more" fragment: no chart
        page(client, "/metrics/gdp/?measure=growth&year=2022&page=2", HTTP_HX_TARGET="metric-more", **HTMX)
    with django_assert_num_queries(1):
        page(client, "/metrics/")


# City profile -----------------------------------------------------------------------------------


def test_profile_charts_goal_against_result_for_its_main_metrics(client, metrics):
    response = client.get("/cities/kunshan/")
    titles = [chart.title for chart in response.context["goal_result_charts"]]
    assert titles == [
        "地区生产总值 Gross regional product (GDP) · 增速 growth",
        "地区生产总值 Gross regional product (GDP) · 总量 level",
        "城镇调查失业率 Surveyed urban unemployment rate · 占比 share",
    ]
    growth = response.context["goal_result_charts"][0].figure
    bars, goals = growth["data"]
    assert bars["x"] == ["2021", "2022", "2023"] and bars["y"] == [7.2, 5.8, 5.0]
    assert bars["text"] == ["✓", "✓", "✗"] and bars["marker"]["color"] == city_color(metrics.cities["kunshan"])
    assert goals["y"] == [7.0, 6.0, 5.5] and goals["marker"]["symbol"] == "diamond"  # the same for every goal: once
    assert goals["error_y"]["array"] == pytest.approx([0.35, 0.3, 0.275])  # the tolerance of 左右
    level = response.context["goal_result_charts"][1].figure
    assert level["layout"]["yaxis"]["title"]["text"] == "亿元" and level["data"][1]["marker"]["symbol"] == "triangle-up"


def test_the_officials_line_groups_only_the_people_it_can_show_and_shows_what_grouping_everyone_would(metrics):
    """officials_over_time groups only the people named at least as often as the last one shown;
    ties at that count (here five people named twice for the last two places) must all compete."""
    city = metrics.cities["kunshan"]
    early = make_document(city, "line/early.md", "早", "早", date(2019, 3, 1))
    late = make_document(city, "line/late.md", "晚", "晚", date(2024, 3, 1))
    times_named = {
        "甲": 4,
        "乙": 3,
        "丙": 3,
        "丁": 2,
        "戊": 2,
        "己": 2,
        "庚": 2,
        "辛": 2,
        **{f"众{i}": 1 for i in range(20)},
    }
    Official.objects.bulk_create(
        Official(
            document=late if (len(name) + i) % 2 else early,
            city=city,
            fingerprint=f"line-{name}-{i}",
            name=name,
            title="副市长" if i % 3 else "",
            evidence_text="",
            evidence_start=0,
            evidence_end=0,
        )
        for name, n in times_named.items()
        for i in range(n)
    )
    line = officials_over_time(city, data_version(), limit=5)

    everyone = group_people(queries.dated_officials(city))
    everyone.sort(
        key=lambda p: (-len(p.fact_ids), p.tenures[0].first_seen is None, p.tenures[0].first_seen or 0, p.name)
    )
    expected = sorted(
        everyone[:5], key=lambda p: (p.tenures[0].first_seen is None, p.tenures[0].first_seen or 0, p.name)
    )
    assert [(p.name, p.tenures) for p in line.people] == [(p.name, p.tenures) for p in expected]
    assert {"甲", "乙", "丙"} <= {p.name for p in line.people} and line.more == len(everyone) - 5


def test_profile_shows_each_officials_titles_over_time(client, metrics):
    response = client.get("/cities/kunshan/")
    line = {person.name: person for person in response.context["officials_over_time"].people}
    assert [(t.title, t.first_seen, t.last_seen) for t in line["周伟"].tenures] == [
        ("市委书记", date(2024, 3, 1), date(2024, 6, 10))
    ]
    assert "2024-03 – 2024-06" in response.content.decode()


def test_profile_without_keyed_figures_has_no_goal_section(client, atlas):
    content = page(client, "/cities/kunshan/")
    assert 'id="goals-results"' not in content


# Compare ----------------------------------------------------------------------------------------


def test_compare_puts_only_the_same_metric_side_by_side(client, metrics):
    response = client.get("/compare/?cities=kunshan,wuxi,jiangyin")
    charts_ = response.context["metric_charts"]
    assert [chart.title.split(" · ")[1] for chart in charts_] == ["增速 growth", "总量 level", "占比 share"]
    growth = charts_[0].figure
    assert [trace["name"] for trace in growth["data"]] == [
        "昆山 实际",
        "昆山 目标",
        "无锡 实际",
        "无锡 目标",
        "江阴 实际",
        "江阴 目标",
    ]
    assert growth["layout"]["xaxis"]["categoryarray"] == ["2021", "2022", "2023"]  # the same years for all
    unemployment = charts_[2].figure
    assert [trace["name"] for trace in unemployment["data"]] == ["昆山 实际", "昆山 目标", "无锡 实际", "无锡 目标"]


def test_compare_lists_deadlines_by_city_and_year(client, metrics):
    response = client.get("/compare/?cities=kunshan,jiangyin")
    years = response.context["deadline_years"]
    assert years == [2021, 2022, 2023, 2025, 2027]
    rows = {city.slug: cells for city, cells in response.context["deadline_rows"]}
    words = [word for _, word in rows["jiangyin"][years.index(2022)].goals]
    assert words == ["地区生产总值 6–6.5%", "地区生产总值 4,800亿元以上"]
    assert [word for _, word in rows["kunshan"][years.index(2027)].goals] == [
        "工业总产值 15,000亿元",
        "集成电路产业规模 1,000亿元",
    ]


def test_a_crowded_deadline_cell_shows_the_first_goals_and_counts_the_rest(client, metrics):
    kunshan = metrics.cities["kunshan"]
    document = metrics.documents["kunshan"]
    Target.objects.bulk_create(
        Target(
            document=document,
            city=kunshan,
            fingerprint=f"crowd-goal-{i}",
            metric=f"指标{i:02d}",
            value=i + 1,
            unit="亿元",
            base_value=(i + 1) * 10**8,
            base_unit="元",
            kind=Target.Kind.TARGET,
            year=2029,
        )
        for i in range(GOALS_PER_CELL + 7)
    )
    response = client.get("/compare/?cities=kunshan,jiangyin")
    years = response.context["deadline_years"]
    rows = {city.slug: cells for city, cells in response.context["deadline_rows"]}
    cell = rows["kunshan"][years.index(2029)]
    assert [word for _, word in cell.goals] == [f"指标{i:02d} {i + 1}亿元" for i in range(GOALS_PER_CELL)]
    assert cell.more == 7 and "另有7条 7 more" in response.content.decode()
    assert rows["jiangyin"][years.index(2029)].goals == [] and rows["jiangyin"][years.index(2029)].more == 0


def test_compare_shows_clusters_as_a_city_by_industry_matrix(client, metrics):
    matrix = client.get("/compare/?cities=kunshan,wuxi").context["cluster_matrix"].figure["data"][0]
    assert matrix["type"] == "heatmap" and matrix["y"] == ["昆山 Kunshan", "无锡 Wuxi"]
    assert matrix["z"][matrix["y"].index("无锡 Wuxi")][matrix["x"].index("物联网")] == 1


# Meeting timeline -------------------------------------------------------------------------------


def meeting(day, kind="大会", inferred=False):
    return SimpleNamespace(date=day, kind=kind, name=f"{kind}{day}", year_inferred=inferred)


def test_one_meeting_gets_a_month_of_date_axis_around_it():
    city = SimpleNamespace(name="昆山", slug="kunshan")
    chart = charts.meetings_timeline_chart([(city, "#332288", [meeting(date(2024, 3, 1))])])
    xaxis = chart.figure["layout"]["xaxis"]
    assert xaxis["range"] == ["2024-02-15", "2024-03-16"]
    assert xaxis["tickformatstops"][0]["value"] == "%Y-%m-%d" and "tickformat" not in xaxis


def test_many_meetings_get_a_row_per_kind_and_a_margin_by_their_span():
    city = SimpleNamespace(name="昆山", slug="kunshan")
    meetings = [
        meeting(date(2021, 1, 1)),
        meeting(date(2024, 1, 1), "座谈会"),
        meeting(None),
        meeting(date(2022, 6, 1)),
    ]
    chart = charts.meetings_timeline_chart([(city, "#332288", meetings)])
    layout = chart.figure["layout"]
    assert layout["yaxis"]["categoryarray"] == ["大会", "座谈会"]
    assert layout["xaxis"]["range"] == ["2020-10-06", "2024-03-28"]  # 8 % of three years each side
    assert len(chart.rows) == 3


def test_pages_use_no_inline_styles(client, metrics):
    for url in ("/metrics/", "/metrics/gdp/", "/cities/kunshan/", "/compare/?cities=kunshan,wuxi"):
        assert "style=" not in page(client, url).replace('<style id="', "")


def test_the_approved_only_switch_counts_approved_figures_only(client, metrics):
    from apps.atlas.models import ReviewStatus, Target

    before = {(s["key"], s["measure"]) for s in client.get("/metrics/").context["summaries"]}
    assert ("gdp", "growth") in before
    assert not client.get("/metrics/?approved=1").context["summaries"]  # nothing approved yet
    Target.objects.filter(metric_key="gdp", measure="growth").update(review_status=ReviewStatus.APPROVED)
    after = {(s["key"], s["measure"]) for s in client.get("/metrics/?approved=1").context["summaries"]}
    assert after == {("gdp", "growth")}


# Cached under the data version ------------------------------------------------------------------


def revise_kunshan_growth_2023(value):
    """A write as an editor or an ingest makes it: the data version changes with it (migration 0006)."""
    updated = Target.objects.filter(
        city__slug="kunshan", metric_key="gdp", measure="growth", kind="actual", year=2023
    ).update(value=value, base_value=value)
    assert updated


def test_a_cached_profile_chart_shows_a_figure_written_after_it(client, metrics):
    growth = client.get("/cities/kunshan/").context["goal_result_charts"][0].figure
    assert growth["data"][0]["y"] == [7.2, 5.8, 5.0]
    revise_kunshan_growth_2023(Decimal("6.0"))
    growth = client.get("/cities/kunshan/").context["goal_result_charts"][0].figure
    assert growth["data"][0]["y"] == [7.2, 5.8, 6.0] and growth["data"][0]["text"] == ["✓", "✓", "✓"]


def test_a_cached_comparison_shows_a_figure_written_after_it(client, metrics):
    def kunshan_results():
        growth = client.get("/compare/?cities=kunshan,wuxi").context["metric_charts"][0].figure
        return next(trace["y"] for trace in growth["data"] if trace["name"] == "昆山 实际")

    assert kunshan_results() == [7.2, 5.8, 5.0]
    revise_kunshan_growth_2023(Decimal("6.0"))
    assert kunshan_results() == [7.2, 5.8, 6.0]
