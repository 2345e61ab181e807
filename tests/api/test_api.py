"""The read-only JSON API: its schema, filters, paging, what it leaves out and what it refuses."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openapi_spec_validator import validate

from apps.atlas.models import Official, ReviewStatus, Target
from apps.facts.kinds import MODELS
from tests.factories import build_atlas, grow_atlas

pytestmark = pytest.mark.django_db

FACT_ENDPOINTS = {"official": "officials", "meeting": "meetings", "cluster": "clusters", "target": "targets"}


@pytest.fixture
def atlas():
    return build_atlas()


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def ids(page):
    return {item["id"] for item in page["items"]}


def test_openapi_schema_is_valid_and_lists_every_endpoint(client):
    schema = get(client, "/api/openapi.json")
    validate(schema)
    assert {
        "/api/cities/",
        "/api/cities/{slug}/",
        "/api/documents/",
        "/api/documents/{document_id}/",
        "/api/tags/",
        "/api/officials/",
        "/api/officials/{fact_id}/",
        "/api/meetings/",
        "/api/meetings/{fact_id}/",
        "/api/clusters/",
        "/api/clusters/{fact_id}/",
        "/api/targets/",
        "/api/targets/{fact_id}/",
    } <= set(schema["paths"])
    # Read-only: nothing but GET is declared.
    assert {method for path in schema["paths"].values() for method in path} == {"get"}
    target_params = {p["name"] for p in schema["paths"]["/api/targets/"]["get"]["parameters"]}
    assert {"city", "kind", "year", "metric_key", "review_status", "approved_only", "limit", "offset"} <= target_params


def test_docs_page_loads_its_assets_from_our_static_files_only(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(assets) >= 3
    for asset in assets:
        assert asset.startswith("/static/")
        assert client.get(asset).status_code == 200, asset


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/cities/", "/api/cities/kunshan/", "/api/targets/", "/api/documents/1/"])
def test_writes_are_refused_with_405(client, atlas, method, url):
    response = getattr(client, method)(url, data={}, content_type="application/json")
    assert response.status_code == 405


@pytest.mark.parametrize("kind", FACT_ENDPOINTS)
def test_rejected_facts_never_appear_in_lists_or_details(client, atlas, kind):
    model = MODELS[kind]
    rejected = [fact for fact in atlas.rejected if isinstance(fact, model)]
    assert rejected, "the factory rejects one fact of each kind"
    endpoint = FACT_ENDPOINTS[kind]
    listed = ids(get(client, f"/api/{endpoint}/", limit=1000))
    public = {
        fact.pk
        for fact in atlas.facts.values()
        if isinstance(fact, model) and fact.review_status != ReviewStatus.REJECTED
    }
    assert listed == public
    for fact in rejected:
        assert client.get(f"/api/{endpoint}/{fact.pk}/").status_code == 404
        # Asking for them by status is not a way around it either.
        assert client.get(f"/api/{endpoint}/", {"review_status": "rejected"}).status_code == 422


def test_a_meeting_lists_only_its_public_officials(client, atlas):
    meeting = get(client, f"/api/meetings/{atlas.facts['kunshan_congress'].pk}/")
    assert [official["name"] for official in meeting["officials"]] == ["周伟", "李晖"]  # 孙波 was rejected


def test_a_fact_carries_its_provenance_and_review_state(client, atlas):
    fact = atlas.facts["ic_target"]
    body = get(client, f"/api/targets/{fact.pk}/")
    assert body["id"] == fact.pk
    assert body["kind"] == "target"
    assert body["page"] == f"http://testserver/facts/target/{fact.pk}/"
    assert body["city"] == {"slug": "kunshan", "name": "昆山", "full_name": "昆山市", "name_en": "Kunshan"}
    assert body["document"]["id"] == atlas.documents["kunshan"].pk
    assert body["document"]["title"] == "昆山召开全市产业创新集群发展大会"
    assert body["document"]["publisher"] == "测试日报"
    assert body["document"]["published"] == "2024-03-01"
    assert body["document"]["page"] == f"http://testserver/documents/{atlas.documents['kunshan'].pk}/"
    assert body["evidence"] == {"text": fact.evidence_text, "start": fact.evidence_start, "end": fact.evidence_end}
    assert (
        atlas.documents["kunshan"].normalized_text[fact.evidence_start : fact.evidence_end] == body["evidence"]["text"]
    )
    assert body["review_status"] == "pending"
    assert body["confidence"] == 0.8
    assert body["extractor_version"] == ""
    assert body["metric"] == "集成电路产业规模"
    assert body["target_kind"] == "target"
    assert body["year"] == 2027
    assert body["value"] == 1000 and body["unit"] == "亿元"
    assert body["base_value"] == 100_000_000_000 and body["base_unit"] == "元"
    assert body["bound"] == "exact" and body["value_high"] is None and body["estimated"] is False
    assert {"metric_key", "measure", "baseline_value", "baseline_year"} <= set(body)


def test_fractional_values_stay_exact_numbers(client, atlas):
    body = get(client, f"/api/targets/{atlas.facts['kunshan_rd'].pk}/")
    assert body["value"] == 3.9 and isinstance(body["value"], float)


def test_cluster_carries_tier_and_tags(client, atlas):
    body = get(client, f"/api/clusters/{atlas.facts['wuxi_ic'].pk}/")
    assert body["tier"] == "主导"
    assert {tag["slug"] for tag in body["tags"]} == {"integrated-circuits", "electronic-information"}


def test_lists_are_paged_with_a_default_and_a_maximum_limit(client, atlas):
    document = atlas.documents["wuxi"]
    Official.objects.bulk_create(
        Official(document=document, city=document.city, fingerprint=f"many-{i}", name=f"王{i}", title="副市长")
        for i in range(1100)
    )
    first = get(client, "/api/officials/")
    assert len(first["items"]) == 100
    assert first["count"] > 1000
    second = get(client, "/api/officials/", limit=100, offset=100)
    assert not ids(first) & ids(second)
    everything = get(client, "/api/officials/", limit=1000)
    assert len(everything["items"]) == 1000
    assert client.get("/api/officials/", {"limit": 1001}).status_code == 422
    assert client.get("/api/officials/", {"limit": 0}).status_code == 422
    assert client.get("/api/officials/", {"offset": -1}).status_code == 422
    beyond = get(client, "/api/officials/", offset=first["count"])
    assert beyond["items"] == [] and beyond["count"] == first["count"]


def test_fact_filters_city_document_status_and_approved_only(client, atlas):
    kunshan = {
        fact.pk
        for key, fact in atlas.facts.items()
        if fact.city.slug == "kunshan" and type(fact).__name__ == "Official" and fact.review_status != "rejected"
    }
    assert ids(get(client, "/api/officials/", city="kunshan")) == kunshan
    assert ids(get(client, "/api/officials/", city="no-such-city")) == set()
    assert ids(get(client, "/api/officials/", document=atlas.documents["wuxi"].pk)) == {
        atlas.facts["du_xiaogang"].pk,
        atlas.facts["zhao_jianjun"].pk,
    }
    assert ids(get(client, "/api/officials/", approved_only="true")) == {atlas.facts["zhou_wei"].pk}
    assert ids(get(client, "/api/officials/", review_status="approved")) == {atlas.facts["zhou_wei"].pk}
    pending = ids(get(client, "/api/officials/", review_status="pending"))
    assert atlas.facts["li_hui"].pk in pending and atlas.facts["zhou_wei"].pk not in pending


@pytest.mark.parametrize(
    "url",
    [
        "/api/targets/?city=kun%00shan",
        "/api/clusters/?tag=%00",
        "/api/officials/?name=%1F",
        "/api/cities/?province=" + "江" * 201,
    ],
)
def test_control_characters_and_overlong_filter_values_are_refused(client, atlas, url):
    assert client.get(url).status_code == 422


def test_target_filters_kind_year_and_metric_key(client, atlas):
    Target.objects.filter(pk=atlas.facts["wuxi_gdp"].pk).update(metric_key="gdp")
    Target.objects.filter(pk=atlas.facts["kunshan_gdp"].pk).update(metric_key="gdp")
    goals = get(client, "/api/targets/", kind="target")
    assert goals["items"] and {item["target_kind"] for item in goals["items"]} == {"target"}
    in_2025 = get(client, "/api/targets/", year=2025)
    assert ids(in_2025) == {atlas.facts[key].pk for key in ("chip_firms", "wuxi_ic_target", "energy_revenue")}
    assert ids(get(client, "/api/targets/", metric_key="gdp")) == {
        atlas.facts["wuxi_gdp"].pk,
        atlas.facts["kunshan_gdp"].pk,
    }
    assert ids(get(client, "/api/targets/", metric_key="gdp", city="wuxi")) == {atlas.facts["wuxi_gdp"].pk}
    assert client.get("/api/targets/", {"kind": "wish"}).status_code == 422
    assert client.get("/api/targets/", {"year": "soon"}).status_code == 422


def test_cluster_filters_tag_and_tier(client, atlas):
    ic = get(client, "/api/clusters/", tag="integrated-circuits")
    assert ids(ic) == {atlas.facts[key].pk for key in ("kunshan_ic", "semiconductors", "wuxi_ic")}
    assert ids(get(client, "/api/clusters/", tag="integrated-circuits", tier="主导")) == {atlas.facts["wuxi_ic"].pk}
    # The only new-materials cluster (元宇宙) was rejected.
    assert ids(get(client, "/api/clusters/", tag="new-materials")) == set()


def test_meeting_filters_kind_and_year(client, atlas):
    assert ids(get(client, "/api/meetings/", year=2023)) == {atlas.facts["jiangyin_meeting"].pk}
    assert ids(get(client, "/api/meetings/", kind="座谈会")) == {atlas.facts["ic_forum"].pk}


def test_city_list_filters_tag_province_and_covered(client, atlas):
    slugs = lambda page: {item["slug"] for item in page["items"]}  # noqa: E731
    assert slugs(get(client, "/api/cities/", tag="integrated-circuits")) == {"kunshan", "wuxi"}
    assert slugs(get(client, "/api/cities/", tag="new-materials")) == set()  # only a rejected cluster has it
    assert slugs(get(client, "/api/cities/", covered="true")) == {"kunshan", "wuxi", "jiangyin", "jingjiang"}
    assert slugs(get(client, "/api/cities/", covered="false")) == {"suzhou", "taizhou", "changzhou"}
    assert get(client, "/api/cities/", province="浙江省")["count"] == 0


def test_city_detail_counts_public_facts(client, atlas):
    body = get(client, "/api/cities/kunshan/")
    assert body["parent"]["slug"] == "suzhou"
    assert body["cluster_count"] == 5  # 元宇宙 was rejected
    assert body["meeting_count"] == 2
    assert client.get("/api/cities/nowhere/").status_code == 404
    assert client.get("/api/cities/kun%00shan/").status_code == 404  # not a slug: no route, no query


def test_documents_filter_by_city_year_and_count_public_facts(client, atlas):
    listed = get(client, "/api/documents/", city="kunshan")
    assert {item["source"] for item in listed["items"]} == {"kunshan-2024-03.txt", "kunshan-2024-06-trad.txt"}
    assert "normalized_text" not in listed["items"][0]
    assert {item["source"] for item in get(client, "/api/documents/", year=2023)["items"]} == {"jiangyin-2023-12.txt"}
    body = get(client, f"/api/documents/{atlas.documents['kunshan'].pk}/")
    assert body["normalized_text"].startswith("昆山召开")
    # One official, cluster and figure of this article were rejected.
    assert (body["official_count"], body["meeting_count"], body["cluster_count"], body["target_count"]) == (2, 1, 4, 5)
    assert client.get("/api/documents/999999/").status_code == 404


def test_chinese_is_sent_as_characters(client, atlas):
    assert "昆山".encode() in client.get("/api/cities/kunshan/").content


LIST_URLS = [
    "/api/cities/",
    "/api/documents/",
    "/api/officials/",
    "/api/meetings/",
    "/api/clusters/",
    "/api/targets/",
    "/api/targets/?metric_key=gdp&kind=target&year=2030",
    "/api/clusters/?tag=iot",
    "/api/cities/?tag=iot&covered=true",
]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_counts_do_not_grow_with_the_data(client, atlas):
    meeting, cluster = atlas.facts["kunshan_congress"].pk, atlas.facts["wuxi_ic"].pk
    urls = LIST_URLS + [
        f"/api/meetings/{meeting}/",
        f"/api/clusters/{cluster}/",
        "/api/cities/kunshan/",
        f"/api/documents/{atlas.documents['kunshan'].pk}/",
    ]
    small = {url: count_queries(client, url) for url in urls}
    grow_atlas(atlas, 4)
    assert {url: count_queries(client, url) for url in urls} == small
    # A page of facts: the count, the rows with their city and document, one query per many-to-many relation.
    assert small["/api/officials/"] == small["/api/targets/"] == 2
    assert small["/api/meetings/"] == small["/api/clusters/"] == 3
    assert small[f"/api/meetings/{meeting}/"] == small[f"/api/clusters/{cluster}/"] == 2
    assert small["/api/cities/kunshan/"] == small[f"/api/documents/{atlas.documents['kunshan'].pk}/"] == 1
