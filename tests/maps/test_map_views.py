"""/map/ and /map/data.json against the dashboard's test atlas: markers, values, htmx fragment, queries."""

import html
import json
import re

import pytest

from apps.atlas.models import City, IndustryCluster, ReviewStatus, Target
from tests.factories import add_fact, build_atlas, grow_atlas
from tests.map_atlas import place_atlas

HTMX = {"HTTP_HX_REQUEST": "true"}
COVERED = {"kunshan", "wuxi", "jiangyin", "jingjiang"}  # 苏州, 泰州, 常州 have no article about them


@pytest.fixture
def atlas(db):
    return place_atlas(build_atlas())


def data(client, query=""):
    response = client.get("/map/data.json" + query)
    assert response.status_code == 200
    return response.json()


def values(payload):
    return {city["slug"]: city["value"] for city in payload["cities"]}


def embedded_map(content):
    """The map data the page hands static/js/map.js."""
    return json.loads(
        html.unescape(
            re.search(r'<script id="map-data" type="application/json">(.*?)</script>', content, re.S).group(1)
        )
    )


def test_one_marker_per_covered_city_each_linking_to_its_profile(client, atlas):
    payload = data(client)
    assert {city["slug"] for city in payload["cities"]} == COVERED
    kunshan = next(city for city in payload["cities"] if city["slug"] == "kunshan")
    assert kunshan["url"] == "/cities/kunshan/"
    assert (kunshan["lon"], kunshan["lat"], kunshan["name"], kunshan["name_en"]) == (120.98, 31.385, "昆山", "Kunshan")


def test_cities_coloured_by_a_metrics_result_of_a_year(client, atlas):
    payload = data(client, "?metric=gdp&measure=level&year=2023")
    assert payload["mode"] == "metric" and payload["unit"] == "亿元"
    assert values(payload) == {"kunshan": 5140, "wuxi": 15456, "jiangyin": None, "jingjiang": None}
    labels = {city["slug"]: city["label"] for city in payload["cities"]}
    assert labels["wuxi"] == "15,456亿元" and labels["jiangyin"] == "无数据 no figure"
    assert payload["title"] == "地区生产总值 Gross regional product (GDP) · 总量 level · 2023 · 实际 result"
    assert payload["query"] == {"metric": "gdp", "measure": "level", "kind": "actual", "year": 2023}


def test_goals_are_picked_with_kind_target(client, atlas):
    document = atlas.documents["wuxi"]
    goal = add_fact(
        Target,
        document,
        "集成电路产业规模达到2500亿元",
        metric="地区生产总值",
        value="16500",
        unit="亿元",
        kind=Target.Kind.TARGET,
        year=2024,
    )
    Target.objects.filter(pk=goal.pk).update(metric_key="gdp", measure="level")
    payload = data(client, "?metric=gdp&measure=level&kind=target")
    assert values(payload)["wuxi"] == 16500 and values(payload)["kunshan"] is None
    assert payload["query"]["year"] == 2024  # the only year with a goal
    assert values(data(client, "?metric=gdp&measure=level"))["wuxi"] == 15456  # results by default


def test_a_later_article_restating_the_figure_wins(client, atlas):
    later = atlas.documents["kunshan_traditional"]  # 2024-06-10, after the 2024-03-01 article
    restated = Target.objects.create(
        document=later,
        city=atlas.cities["kunshan"],
        fingerprint="gdp-restated",
        metric="地区生产总值",
        metric_key="gdp",
        measure="level",
        value="5200",
        unit="亿元",
        year=2023,
    )
    assert values(data(client, "?metric=gdp&measure=level&year=2023"))["kunshan"] == 5200
    restated.review_status = ReviewStatus.REJECTED
    restated.save()
    assert values(data(client, "?metric=gdp&measure=level&year=2023"))["kunshan"] == 5140


def test_figures_about_cities_no_article_is_about_are_not_counted(client, atlas):
    # 常州 is named in 昆山's article, but no article is about 常州: it has no marker, and its figure
    # must not add a year or a city to the choices.
    Target.objects.create(
        document=atlas.documents["kunshan"],
        city=atlas.cities["changzhou"],
        fingerprint="cz-gdp",
        metric="地区生产总值",
        metric_key="gdp",
        measure="level",
        value="9000",
        unit="亿元",
        year=2022,
    )
    content = client.get("/map/?metric=gdp&measure=level").content.decode()
    assert re.search(
        r'<option value="gdp" selected>地区生产总值 Gross regional product \(GDP\) \(2\)</option>', content
    )
    assert '<option value="2022"' not in content
    assert data(client, "?metric=gdp&measure=level&year=2022")["notices"]  # no figures that year


def test_a_rejected_figure_colours_no_city(client, atlas):
    Target.objects.filter(pk=atlas.facts["wuxi_gdp"].pk).update(review_status=ReviewStatus.REJECTED)
    assert values(data(client, "?metric=gdp&measure=level&year=2023"))["wuxi"] is None


def test_cities_coloured_by_how_many_clusters_of_an_industry_they_have(client, atlas):
    payload = data(client, "?tag=integrated-circuits")
    assert payload["mode"] == "tag" and payload["unit"] == "个集群"
    # 昆山: 集成电路 and 半导体; 无锡: 集成电路.
    assert values(payload) == {"kunshan": 2, "wuxi": 1, "jiangyin": 0, "jingjiang": 0}
    # 元宇宙 (new-materials) was rejected: 昆山 has none left.
    assert values(data(client, "?tag=new-materials"))["kunshan"] == 0


def test_without_parameters_the_metric_most_cities_have_is_shown(client, atlas):
    payload = data(client)
    assert payload["query"] == {"metric": "gdp", "measure": "level", "kind": "actual", "year": 2023}


def test_without_any_metric_key_the_most_widespread_industry_is_shown(client, atlas):
    Target.objects.update(metric_key="")
    payload = data(client)
    assert payload["mode"] == "tag"
    assert payload["query"] == {"tag": "electronic-information"}  # 2 cities, first in the taxonomy's order


def test_bad_parameters_give_notices_not_errors(client, atlas):
    response = client.get("/map/?metric=nope&kind=both&year=１９&tag=%00x")
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<li>已忽略") == 3 and "没有该数据" in content
    assert data(client, "?metric=gdp&measure=share")["notices"][0].startswith("指标“gdp”没有“share”")


def test_the_page_holds_the_same_data_as_the_json(client, atlas):
    query = "?metric=rd-intensity&measure=intensity&year=2023"
    content = client.get("/map/" + query).content.decode()
    payload = data(client, query)
    payload.pop("notices")
    assert embedded_map(content) == payload
    assert values(payload) == {"kunshan": 3.9, "wuxi": 3.4, "jiangyin": None, "jingjiang": None}
    # The table beside the map, for screen readers and visitors without JavaScript: highest first.
    rows = re.findall(r'<tr><th scope="row"><a href="/cities/([a-z]+)/">', content)
    assert rows[:2] == ["kunshan", "wuxi"] and set(rows) == COVERED
    assert 'href="/map/data.json?metric=rd-intensity&amp;measure=intensity&amp;kind=actual&amp;year=2023"' in content


def test_the_page_loads_nothing_from_outside(client, atlas):
    content = client.get("/map/").content.decode()
    assert "/static/vendor/plotly-cartesian.min.js" in content
    assert 'data-outlines="/static/vendor/geo/china.json"' in content
    assert not re.search(r'(?:src|href|data-outlines)="(?:https?:)?//', content)


def test_htmx_gets_only_the_results_fragment(client, atlas):
    response = client.get("/map/?tag=iot", **HTMX)
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="map-results"') and "<html" not in content
    assert "HX-Request" in response["Vary"]
    assert values(embedded_map(content))["wuxi"] == 1
    assert "<html" in client.get("/map/?tag=iot").content.decode()


def test_a_covered_city_without_coordinates_is_listed_apart(client, atlas):
    City.objects.filter(slug="jingjiang").update(longitude=None, latitude=None)
    content = client.get("/map/").content.decode()
    assert re.search(r'未上图.*?<a href="/cities/jingjiang/">靖江</a>', content, re.S)


@pytest.fixture(params=[0, 3], ids=["small", "grown"])
def sized_atlas(request, atlas):
    """More cities, articles and keyed figures: a query count that holds for both does not grow with the data."""
    grow_atlas(atlas, request.param)
    Target.objects.filter(metric__startswith="产值").update(metric_key="output", measure="level")
    IndustryCluster.objects.filter(name__startswith="产业").update(review_status=ReviewStatus.APPROVED)
    return atlas


@pytest.mark.parametrize(
    ("query", "warm"),
    [
        ("", 2),
        ("?metric=output&measure=level&kind=target", 2),
        ("?metric=gdp&measure=level&year=2023", 2),
        ("?tag=iot", 3),
        ("?metric=nope", 2),
    ],
)
def test_query_count_does_not_grow_with_data(client, sized_atlas, django_assert_num_queries, query, warm):
    # The data version, covered cities, then the metric's figures or the tag's cluster counts; the first
    # request also builds the metric and tag choices, cached under the version. A metric's values are
    # cached under the version too: once warm, its figures are not read again (`warm`); a tag's counts are.
    with django_assert_num_queries(5):
        client.get("/map/" + query)
    with django_assert_num_queries(warm):
        client.get("/map/" + query)
    with django_assert_num_queries(warm):
        client.get("/map/data.json" + query, **HTMX)
    with django_assert_num_queries(warm):
        client.get("/map/" + query, **HTMX)
    with django_assert_num_queries(warm):  # its table as CSV: the same reads, no more
        client.get(f"/map/{query}{'&' if query else '?'}format=csv")


def test_the_approved_only_switch_leaves_unreviewed_figures_out(client, atlas):
    # Every figure of the test atlas is unreviewed: with the switch on no city has a value.
    assert values(data(client, "?metric=gdp&measure=level&year=2023"))["wuxi"] == 15456
    assert not any(values(data(client, "?metric=gdp&measure=level&year=2023&approved=1")).values())
