"""Every public page's data as CSV and JSON at the page's own URL with ?format=csv|json."""

import csv
import io
import json

import pytest

from apps.atlas.models import IndustryCluster, ReviewStatus


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def rows_of_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def rows_of_json(response):
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)["rows"]


PAGES = ["/", "/cities/kunshan/", "/compare/?cities=kunshan,wuxi", "/tags/integrated-circuits/", "/search/?q=昆山"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_links_its_csv_and_json(client, atlas, url):
    content = get(client, url).content.decode()
    joiner = "&amp;" if "?" in url else "?"
    assert f'href="{url.replace("&", "&amp;")}{joiner}format=csv"' in content or "format=csv" in content
    assert "format=json" in content


def test_document_page_links_and_exports_its_facts(client, atlas):
    document = atlas.documents["kunshan"]
    content = get(client, f"/documents/{document.pk}/").content.decode()
    assert "format=csv" in content and "format=json" in content
    body = json.loads(get(client, f"/documents/{document.pk}/?format=json").content)
    assert body["document"]["id"] == document.pk
    names = {row["name"] for row in body["rows"]}
    assert "周伟" in names and "孙波" not in names  # rejected facts stay out


def test_overview_csv_and_json_hold_the_rows_and_counts_of_the_page(client, atlas):
    page = get(client, "/").context["cities"]
    table = rows_of_csv(get(client, "/?format=csv"))
    assert [row["slug"] for row in table] == [city.slug for city in page]
    assert {row["slug"]: int(row["clusters"]) for row in table} == {c.slug: c.cluster_count for c in page}
    assert rows_of_json(get(client, "/?format=json")) == [
        {**row, "clusters": int(row["clusters"]), "targets": int(row["targets"]), "meetings": int(row["meetings"])}
        for row in table
    ]


def test_exports_follow_the_filters_and_the_approved_switch(client, atlas):
    assert {row["slug"] for row in rows_of_csv(get(client, "/?tag=iot&format=csv"))} == {"wuxi"}
    IndustryCluster.objects.filter(pk=atlas.facts["iot"].pk).update(review_status=ReviewStatus.APPROVED)
    approved = json.loads(get(client, "/tags/iot/?approved=1&format=json").content)
    assert approved["approved_only"] is True
    assert {row["review_status"] for row in approved["rows"]} == {"approved"}
    everything = rows_of_json(get(client, "/cities/wuxi/?format=json"))
    only_approved = rows_of_json(get(client, "/cities/wuxi/?approved=1&format=json"))
    assert len(only_approved) < len(everything)


def test_profile_export_holds_each_kind_with_fact_and_passage_links(client, atlas):
    rows = rows_of_csv(get(client, "/cities/kunshan/?format=csv"))
    assert {row["kind"] for row in rows} == {"official", "meeting", "cluster", "target"}
    gdp = next(row for row in rows if row["name"] == "地区生产总值")
    fact = atlas.facts["kunshan_gdp"]
    assert gdp["value"] == "5140" and gdp["unit"] == "亿元" and gdp["year"] == "2023"
    assert gdp["fact_url"] == f"/facts/target/{fact.pk}/"
    assert gdp["evidence_url"] == f"/documents/{fact.document_id}/#ev-target-{fact.pk}"
    assert not any(row["name"] == "孙波" for row in rows)


def test_compare_export_holds_both_cities(client, atlas):
    rows = rows_of_json(get(client, "/compare/?cities=kunshan,wuxi&format=json"))
    assert {row["city"] for row in rows} == {"kunshan", "wuxi"}


def test_tag_export_is_the_page_of_clusters(client, atlas):
    content = get(client, "/tags/integrated-circuits/")
    shown = [cluster.pk for _, clusters in content.context["groups"] for cluster in clusters]
    rows = rows_of_csv(get(client, "/tags/integrated-circuits/?format=csv"))
    assert [int(row["id"]) for row in rows] == shown


def test_search_export(client, atlas):
    body = json.loads(get(client, "/search/?q=崑山&format=json").content)
    assert body["query"] == "崑山" and body["searched"] == "昆山"
    assert {"kind": "city", "name": "昆山", "city": "kunshan", "detail": "县级市", "url": "/cities/kunshan/"} in body[
        "rows"
    ]


def test_paginated_export_links_the_next_page_in_the_same_format(client, atlas, settings, monkeypatch):
    from apps.dashboard import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    body = json.loads(get(client, "/?format=json").content)
    assert len(body["rows"]) == 2 and body["next_url"] == "/?page=2&format=json"
    second = json.loads(get(client, body["next_url"]).content)
    assert {row["slug"] for row in second["rows"]}.isdisjoint(row["slug"] for row in body["rows"])


def test_unknown_format_is_the_html_page(client, atlas):
    assert "<html" in get(client, "/?format=xlsx").content.decode()


def test_csv_cells_never_start_a_formula(client, atlas):
    from apps.atlas.models import Official

    Official.objects.filter(pk=atlas.facts["li_hui"].pk).update(title='=HYPERLINK("http://x")')
    rows = rows_of_csv(get(client, "/cities/kunshan/?format=csv"))
    mayor = next(row for row in rows if row["name"] == "李晖")
    assert mayor["detail"] == '\'=HYPERLINK("http://x")'
    assert json.loads(get(client, "/cities/kunshan/?format=json").content)["rows"]  # JSON keeps text as it is


def test_exports_cost_a_fixed_number_of_queries(client, atlas, django_assert_max_num_queries):
    document = atlas.documents["kunshan"]
    with django_assert_max_num_queries(7):  # the document, its four kinds of facts, their cities
        get(client, f"/documents/{document.pk}/?format=csv")
    with django_assert_max_num_queries(16):  # what the profile page itself reads, without its charts
        get(client, "/cities/kunshan/?format=json")
