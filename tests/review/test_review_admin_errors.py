"""The admin answers odd URLs with 404 or an empty result, never a 500, on SQLite and PostgreSQL alike."""

import pytest
from django.urls import reverse

from apps.atlas.models import City, Document, IndustryCluster, Meeting, Official, Target
from tests.factories import add_fact, make_city, make_document

FACT_MODELS = (Official, Meeting, IndustryCluster, Target)
TEXT = "3月1日，昆山市召开大会。市长李晖出席。到2027年，全市工业总产值突破1.5万亿元。发展集成电路产业。"


@pytest.fixture
def facts(db):
    city = make_city("kunshan", "昆山", "Kunshan", City.Level.COUNTY_CITY)
    document = make_document(city, "a.txt", "昆山召开大会", TEXT, None)
    return {
        Official: add_fact(Official, document, "市长李晖", name="李晖", title="市长"),
        Meeting: add_fact(Meeting, document, "3月1日，昆山市召开大会", name="大会", kind="大会"),
        IndustryCluster: add_fact(IndustryCluster, document, "发展集成电路产业", name="集成电路", tier="新兴"),
        Target: add_fact(
            Target, document, "全市工业总产值突破1.5万亿元", metric="工业总产值", value="1.5", unit="万亿元"
        ),
    }


def history_url(model, object_id, version_id=None):
    url = f"/admin/atlas/{model._meta.model_name}/{object_id}/history/"
    return url if version_id is None else f"{url}{version_id}/"


@pytest.mark.parametrize("model", FACT_MODELS, ids=lambda m: m.__name__)
def test_a_version_id_that_is_not_a_number_is_404(admin_client, facts, model):
    fact = facts[model]
    assert admin_client.get(history_url(model, fact.pk, "abc")).status_code == 404
    assert admin_client.post(history_url(model, fact.pk, "abc")).status_code == 404
    assert admin_client.get(history_url(model, fact.pk, "99999999")).status_code == 404
    version = fact.history.first()
    assert admin_client.get(history_url(model, fact.pk, version.history_id)).status_code == 200


@pytest.mark.parametrize("model", FACT_MODELS, ids=lambda m: m.__name__)
def test_an_object_id_that_is_not_a_number_is_404(admin_client, facts, model):
    version = facts[model].history.first()
    assert admin_client.get(history_url(model, "abc")).status_code == 404
    assert admin_client.get(history_url(model, "abc", version.history_id)).status_code == 404
    assert admin_client.get(history_url(model, facts[model].pk)).status_code == 200


def autocomplete(client, term, field_name="document"):
    return client.get(
        reverse("admin:autocomplete"),
        {"term": term, "app_label": "atlas", "model_name": "meeting", "field_name": field_name},
    )


@pytest.mark.parametrize("term", ["\x00", "\x00\x00无此文\x00", "%", "'", "\\"])
def test_autocomplete_survives_any_term(admin_client, facts, term):
    response = autocomplete(admin_client, term)
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


def test_autocomplete_finds_by_a_term_with_a_nul_in_it(admin_client, facts):
    assert [row["text"] for row in autocomplete(admin_client, "昆\x00山", "city").json()["results"]] == ["昆山市"]
    assert autocomplete(admin_client, "无此\x00文").json()["results"] == []


@pytest.mark.parametrize("model", (City, Document, *FACT_MODELS), ids=lambda m: m.__name__)
def test_list_search_with_a_nul_answers(admin_client, facts, model):
    response = admin_client.get(reverse(f"admin:atlas_{model._meta.model_name}_changelist"), {"q": "\x00无此\x00"})
    assert response.status_code == 200


def test_the_admin_speaks_chinese_with_english_alongside(admin_client, facts):
    index = admin_client.get(reverse("admin:index")).content.decode()
    for label in ("城市 Cities", "官员 Officials", "会议 Meetings", "产业集群 Industry clusters", "目标与数据 Targets"):
        assert label in index
    assert "站点管理" in index or "管理" in index  # Django's own chrome, in LANGUAGE_CODE zh-hans
    change = admin_client.get(reverse("admin:atlas_target_change", args=[facts[Target].pk])).content.decode()
    assert "指标 Metric" in change and "原文 Passage" in change and "审核状态 Review status" in change
