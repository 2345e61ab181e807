"""/metrics/ and /metrics/<key>/ as CSV and JSON, their review marks, and the "approved only" switch."""

import json
import re

import pytest
from django.core.cache import cache

from apps.atlas.models import ReviewStatus, Target
from tests.dashboard.test_exports import get, rows_of_csv, rows_of_json
from tests.metric_atlas import add_metric_cities, add_metric_figures
from tests.metrics.test_metric_pages import EXTRA_CITIES, HTMX, ranking_rows

GROWTH_2023 = "/metrics/gdp/?measure=growth&year=2023"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def metrics(atlas):
    return add_metric_figures(atlas)


def approve(city_slug, year, measure="growth"):
    """Staff approve a city's goal and result of one year."""
    return Target.objects.filter(city__slug=city_slug, metric_key="gdp", measure=measure, year=year).update(
        review_status=ReviewStatus.APPROVED
    )


def row_of(content, slug):
    """The HTML of one city's row in the ranking table."""
    rows = re.findall(r"<tr>\s*<td class=\"num\">.*?</tr>", content, re.S)
    return next(row for row in rows if f'href="/cities/{slug}/"' in row)


# /metrics/ --------------------------------------------------------------------------------------


def test_metric_list_links_and_exports_its_rows(client, metrics):
    response = get(client, "/metrics/")
    content = response.content.decode()
    assert 'href="/metrics/?format=csv"' in content and 'href="/metrics/?format=json"' in content
    shown = [(s["key"], s["measure"], s["goal_cities"], s["result_cities"]) for s in response.context["summaries"]]
    table = rows_of_csv(get(client, "/metrics/?format=csv"))
    assert [(r["key"], r["measure"], int(r["goal_cities"]), int(r["result_cities"])) for r in table] == shown
    assert table[0]["url"] == f"/metrics/{table[0]['key']}/?measure={table[0]['measure']}"
    assert rows_of_json(get(client, "/metrics/?format=json")) == [
        {**row, "goal_cities": int(row["goal_cities"]), "result_cities": int(row["result_cities"])} for row in table
    ]


def test_metric_list_follows_the_switch_in_its_rows_and_links(client, metrics):
    approve("kunshan", 2023)
    body = json.loads(get(client, "/metrics/?approved=1&format=json").content)
    assert body["approved_only"] is True
    assert [(r["key"], r["measure"], r["goal_cities"], r["result_cities"]) for r in body["rows"]] == [
        ("gdp", "growth", 1, 1)
    ]
    assert body["rows"][0]["url"] == "/metrics/gdp/?measure=growth&approved=1"  # the switch stays on
    assert 'href="/metrics/gdp/?measure=growth&amp;approved=1"' in get(client, "/metrics/?approved=1").content.decode()


# /metrics/<key>/ ---------------------------------------------------------------------------------


def test_ranking_csv_and_json_hold_the_rows_of_the_page(client, metrics):
    content = get(client, GROWTH_2023).content.decode()
    assert 'href="/metrics/gdp/?measure=growth&amp;year=2023&amp;format=csv"' in content
    assert 'href="/metrics/gdp/?measure=growth&amp;year=2023&amp;format=json"' in content
    table = rows_of_csv(get(client, GROWTH_2023 + "&format=csv"))
    assert [(r["rank"], r["city"], r["goal_text"], r["result_text"], r["verdict"]) for r in table] == ranking_rows(
        content
    )
    wuxi = next(row for row in table if row["city"] == "wuxi")
    assert (wuxi["goal"], wuxi["result"], wuxi["unit"], wuxi["goal_bound"], wuxi["revised"]) == (
        "4.5",
        "6",
        "%",
        "about",
        "True",
    )
    goal = Target.objects.get(city__slug="wuxi", metric_key="gdp", measure="growth", kind="target", value=4.5)
    assert wuxi["goal_fact_url"] == f"/facts/target/{goal.pk}/" and wuxi["city_url"] == "/cities/wuxi/"
    body = json.loads(get(client, GROWTH_2023 + "&format=json").content)
    assert (body["metric"], body["measure"], body["year"], body["next_url"]) == ("gdp", "growth", 2023, None)
    assert [row["city"] for row in body["rows"]] == [row["city"] for row in table]
    assert body["rows"][0]["revised"] is False and body["rows"][0]["rank"] == 1  # JSON keeps its types


def test_an_estimate_is_flagged_in_the_export(client, metrics):
    # 江阴's 2022 growth: the estimate 6.2 stood in the 2023 report, a later bulletin gave 5.9.
    table = rows_of_csv(get(client, "/metrics/gdp/?measure=growth&year=2022&format=csv"))
    jiangyin = next(row for row in table if row["city"] == "jiangyin")
    assert (jiangyin["result"], jiangyin["result_estimated"]) == ("5.9", "False")


def test_ranking_rows_mark_their_goal_and_result_verified_or_unreviewed(client, metrics):
    approve("kunshan", 2023)
    content = get(client, GROWTH_2023).content.decode()
    kunshan, wuxi = row_of(content, "kunshan"), row_of(content, "wuxi")
    assert kunshan.count('class="badge badge-verified"') == 2  # its goal and its result
    assert "badge-unreviewed" not in kunshan and "✓ 已核实" in kunshan
    assert wuxi.count('class="badge badge-unreviewed"') == 2 and "badge-verified" not in wuxi
    table = {row["city"]: row for row in rows_of_csv(get(client, GROWTH_2023 + "&format=csv"))}
    assert (table["kunshan"]["goal_review_status"], table["kunshan"]["result_review_status"]) == ("approved",) * 2
    assert (table["wuxi"]["goal_review_status"], table["wuxi"]["result_review_status"]) == ("pending",) * 2


def test_ranking_follows_the_switch_in_rows_counts_and_charts(client, metrics):
    everything = client.get(GROWTH_2023)
    assert everything.context["page"].paginator.count == 3
    approve("kunshan", 2023)
    approved = client.get(GROWTH_2023 + "&approved=1")
    assert approved.context["page"].paginator.count == 1
    assert [row.city.slug for row in approved.context["ranked"]] == ["kunshan"]
    assert {y: c for y, c, *_ in approved.context["year_links"]} == {2023: (1, 1)}
    assert {y: c for y, c, *_ in everything.context["year_links"]}[2023] == (3, 3)
    assert approved.context["met_share"].rows == [[2023, 0, 1, "0%"]]  # 昆山 missed its 5.5 左右
    assert everything.context["met_share"].rows[-1][:3] == [2023, 2, 3]
    content = approved.content.decode()
    assert "未审核" not in content.split("<main")[1]
    assert 'href="/metrics/gdp/?measure=growth&amp;year=2023&amp;approved=1&amp;format=json"' in content
    rows = rows_of_json(get(client, GROWTH_2023 + "&approved=1&format=json"))
    assert [(r["city"], r["goal_review_status"], r["result_review_status"]) for r in rows] == [
        ("kunshan", "approved", "approved")
    ]


def test_ranking_export_pages_like_the_page(client, metrics):
    add_metric_cities(metrics, EXTRA_CITIES)
    url = "/metrics/gdp/?measure=growth&year=2023"
    first = json.loads(get(client, url + "&format=json").content)
    assert len(first["rows"]) == 50
    assert first["next_url"] == "/metrics/gdp/?measure=growth&year=2023&page=2&format=json"
    second = json.loads(get(client, first["next_url"]).content)
    assert len(second["rows"]) == 3 + EXTRA_CITIES - 50 and second["next_url"] is None
    more = client.get(url + "&page=2", HTTP_HX_TARGET="metric-more", **HTMX).content.decode()
    assert [slug for _, slug, *_ in ranking_rows(more)] == [row["city"] for row in second["rows"]]
    csv_next = rows_of_csv(get(client, url + "&page=2&format=csv"))
    assert [row["city"] for row in csv_next] == [row["city"] for row in second["rows"]]


def test_a_metric_without_figures_exports_no_rows(client, metrics):
    body = json.loads(get(client, "/metrics/rd_intensity/?format=json").content)
    assert body["rows"] == [] and body["metric"] == "rd_intensity"


@pytest.mark.parametrize("extra", [0, EXTRA_CITIES], ids=["small", "crowded"])
def test_exports_cost_the_same_queries_at_any_number_of_cities(client, metrics, extra, django_assert_num_queries):
    add_metric_cities(metrics, extra)
    with django_assert_num_queries(4):  # the measures and years; the count and a page of cities; their figures
        get(client, "/metrics/gdp/?measure=growth&year=2022&format=csv")
    with django_assert_num_queries(1):
        get(client, "/metrics/?format=json")
