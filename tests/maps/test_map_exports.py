"""/map/?…&format=csv|json: the page's table of cities, its links, and the "approved only" switch in every count."""

import json
import re

import pytest

from apps.atlas.models import IndustryCluster, ReviewStatus, Target
from tests.dashboard.test_exports import get, rows_of_csv, rows_of_json
from tests.factories import build_atlas
from tests.map_atlas import place_atlas
from tests.maps.test_map_views import COVERED, HTMX, data, embedded_map, values

GDP = "?metric=gdp&measure=level&year=2023"


@pytest.fixture
def atlas(db):
    return place_atlas(build_atlas())


MARKS = {"badge-verified": "approved", "badge-unreviewed": "pending", "": ""}


def table_rows(content):
    """[(slug, label, review status its mark tells)] of the table beside the map, in its order."""
    rows = re.findall(
        r'<tr><th scope="row"><a href="/cities/([a-z]+)/">.*?</a></th>\s*<td>[^<]*</td>'
        r'<td>([^<]*?)\s*(?:<span class="badge (badge-\w+)".*?</span></span>)?</td>',
        content,
        re.S,
    )
    return [(slug, label, MARKS[mark]) for slug, label, mark in rows]


def tag_option_count(content, slug):
    match = re.search(rf'<option value="{slug}"[^>]*>[^<]*\((\d+)\)</option>', content)
    return int(match.group(1)) if match else None


@pytest.mark.parametrize("query", [GDP, "?tag=integrated-circuits", ""])
def test_csv_and_json_hold_the_table_of_the_page(client, atlas, query):
    content = get(client, "/map/" + query).content.decode()
    separator = "&amp;" if query else "?"
    assert f'href="/map/{query.replace("&", "&amp;")}{separator}format=csv"' in content
    assert f'href="/map/{query.replace("&", "&amp;")}{separator}format=json"' in content
    joiner = "&" if query else "?"
    table = rows_of_csv(get(client, f"/map/{query}{joiner}format=csv"))
    assert [(row["slug"], row["label"], row["review_status"]) for row in table] == table_rows(content)
    assert {row["slug"] for row in table} == COVERED
    as_text = [
        {key: str(value) for key, value in row.items()}
        for row in rows_of_json(get(client, f"/map/{query}{joiner}format=json"))
    ]
    assert as_text == table


def test_the_json_agrees_with_the_maps_own_data(client, atlas):
    body = json.loads(get(client, f"/map/{GDP}&format=json").content)
    payload = data(client, GDP)
    assert {key: body[key] for key in ("mode", "title", "unit", "query", "notices")} == {
        key: payload[key] for key in ("mode", "title", "unit", "query", "notices")
    }
    drawn = {city["slug"]: city for city in payload["cities"]}
    for row in body["rows"]:
        city = drawn[row["slug"]]
        assert row["label"] == city["label"] and (row["lon"], row["lat"]) == (city["lon"], city["lat"])
        assert row["value"] == ("" if city["value"] is None else f"{city['value']:g}")
    assert body["next_url"] is None  # every covered city is on one map
    wuxi = next(row for row in body["rows"] if row["slug"] == "wuxi")
    assert (wuxi["value"], wuxi["unit"], wuxi["url"]) == ("15456", "亿元", "/cities/wuxi/")


def test_tag_counts_follow_the_approved_switch(client, atlas):
    query = "?tag=integrated-circuits"
    everything = get(client, "/map/" + query).content.decode()
    assert tag_option_count(everything, "integrated-circuits") == 2  # 昆山 and 无锡
    assert values(data(client, query))["kunshan"] == 2
    assert tag_option_count(get(client, f"/map/{query}&approved=1").content.decode(), "integrated-circuits") is None

    IndustryCluster.objects.filter(pk=atlas.facts["kunshan_ic"].pk).update(review_status=ReviewStatus.APPROVED)
    approved = get(client, f"/map/{query}&approved=1").content.decode()
    assert tag_option_count(approved, "integrated-circuits") == 1  # only 昆山 has an approved one
    assert values(embedded_map(approved)) == {"kunshan": 1, "wuxi": 0, "jiangyin": 0, "jingjiang": 0}
    rows = {row["slug"]: row["value"] for row in rows_of_json(get(client, f"/map/{query}&approved=1&format=json"))}
    assert rows == {"kunshan": "1", "wuxi": "0", "jiangyin": "0", "jingjiang": "0"}
    assert tag_option_count(get(client, "/map/" + query).content.decode(), "integrated-circuits") == 2


def test_metric_counts_follow_the_approved_switch(client, atlas):
    Target.objects.filter(pk=atlas.facts["kunshan_gdp"].pk).update(review_status=ReviewStatus.APPROVED)
    everything = get(client, "/map/" + GDP).content.decode()
    approved = get(client, f"/map/{GDP}&approved=1").content.decode()
    assert re.search(r'<option value="gdp" selected>[^<]*\(2\)</option>', everything)
    assert re.search(r'<option value="gdp" selected>[^<]*\(1\)</option>', approved)
    rows = {row["slug"]: row["value"] for row in rows_of_csv(get(client, f"/map/{GDP}&approved=1&format=csv"))}
    assert rows == {"kunshan": "5140", "wuxi": "", "jiangyin": "", "jingjiang": ""}


def test_each_value_on_the_map_carries_its_figures_review_mark(client, atlas):
    Target.objects.filter(pk=atlas.facts["kunshan_gdp"].pk).update(review_status=ReviewStatus.APPROVED)
    content = get(client, "/map/" + GDP).content.decode()
    assert table_rows(content) == [
        ("wuxi", "15,456亿元", "pending"),
        ("kunshan", "5,140亿元", "approved"),
        ("jiangyin", "无数据 no figure", ""),
        ("jingjiang", "无数据 no figure", ""),
    ]
    statuses = {city["slug"]: city["review_status"] for city in data(client, GDP)["cities"]}
    assert statuses == {"kunshan": "approved", "wuxi": "pending", "jiangyin": "", "jingjiang": ""}
    tag_rows = rows_of_csv(get(client, "/map/?tag=integrated-circuits&format=csv"))
    assert {row["review_status"] for row in tag_rows} == {""}  # a count of clusters is no one fact


def test_the_switch_stays_on_in_the_maps_links_and_forms(client, atlas):
    Target.objects.filter(pk=atlas.facts["kunshan_gdp"].pk).update(review_status=ReviewStatus.APPROVED)
    content = get(client, f"/map/{GDP}&approved=1").content.decode()
    assert 'href="/map/data.json?metric=gdp&amp;measure=level&amp;kind=actual&amp;year=2023&amp;approved=1"' in content
    assert content.count('<input type="hidden" name="approved" value="1">') >= 3  # the search box and both forms
    fragment = client.get(f"/map/{GDP}&approved=1", **HTMX).content.decode()
    assert fragment.lstrip().startswith('<section id="map-results"')
    assert """hx-vals='{"approved": "1"}'""" in fragment.split(">")[0]  # each control's htmx request keeps it
    assert "hx-vals" not in get(client, "/map/" + GDP).content.decode().split('id="map-results"')[1].split(">")[0]


def test_the_table_shows_the_first_rows_and_the_download_holds_every_city(client, atlas, monkeypatch):
    """The page's table stops at TABLE_ROWS (a thousand covered cities made it most of the page);
    the markers and the CSV keep every city, and the page says where the rest are."""
    from apps.maps import views

    monkeypatch.setattr(views, "TABLE_ROWS", 2)
    content = get(client, "/map/" + GDP).content.decode()
    table = rows_of_csv(get(client, f"/map/{GDP}&format=csv"))
    assert len(table) == len(COVERED) and table_rows(content) == [
        (row["slug"], row["label"], row["review_status"]) for row in table[:2]
    ]
    assert "显示前2个，共4个城市" in content and "the first 2 of 4 cities" in content
    assert {city["slug"] for city in embedded_map(content)["cities"]} == COVERED
