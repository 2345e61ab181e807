"""One page per fact: the passage in its context, the review status, the citation, the same fact as JSON."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.atlas.models import Official, ReviewStatus, Target
from apps.facts.citation import citation, fact_summary
from apps.facts.links import fact_path
from apps.facts.passage import passage_in_context
from tests.factories import build_atlas, grow_atlas

KINDS = {"Official": "official", "Meeting": "meeting", "IndustryCluster": "cluster", "Target": "target"}


@pytest.fixture
def atlas(db):
    return build_atlas()


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


# --- the passage in context: plain functions over text -------------------------------------------

TEXT = "第一句。第二句。第三句。第四句里有目标段落，还有后文。第五句。第六句。第七句。"


def test_context_is_two_sentences_either_side_of_the_passage():
    start = TEXT.index("目标段落")
    context = passage_in_context(TEXT, start, start + 4)
    assert context.passage == "目标段落"
    assert context.before == "第二句。第三句。第四句里有"
    assert context.after == "，还有后文。第五句。第六句。"
    assert context.cut_before and context.cut_after


def test_context_stops_at_the_ends_of_the_text():
    context = passage_in_context(TEXT, 0, 3)
    assert (context.before, context.passage, context.after) == ("", "第一句", "。第二句。第三句。")
    assert not context.cut_before and context.cut_after
    end = len(TEXT)
    context = passage_in_context(TEXT, end - 4, end)
    assert context.after == "" and not context.cut_after


def test_a_line_break_after_a_full_stop_ends_one_sentence_not_two():
    text = "甲。\n乙。\n丙里的段落。"
    start = text.index("段落")
    assert passage_in_context(text, start, start + 2).before == "甲。\n乙。\n丙里的"


def test_text_without_punctuation_brings_a_bounded_context():
    text = "字" * 1000 + "段落" + "字" * 1000
    context = passage_in_context(text, 1000, 1002, limit=50)
    assert len(context.before) == 50 and len(context.after) == 50


@pytest.mark.parametrize("start, end", [(5, 5), (10, 3), (0, 10_000)])
def test_offsets_that_do_not_fit_the_text_show_only_the_quoted_evidence(start, end):
    context = passage_in_context(TEXT, start, end, evidence_text="引文")
    assert (context.before, context.passage, context.after) == ("", "引文", "")


# --- the page --------------------------------------------------------------------------------------


def test_target_page_shows_fields_passage_in_context_status_links_and_citation(client, atlas):
    fact = atlas.facts["ic_target"]
    body = page(client, f"/facts/target/{fact.pk}/")
    assert "昆山 · 集成电路产业规模 1000亿元（目标 2027）" in body
    # The passage is marked, with the words before and after it from the document's text.
    assert '<mark class="ev">全市工业总产值突破1.5万亿元，集成电路产业规模达到1000亿元</mark>' in body
    assert "到2027年，<mark" in body and "</mark>。2023年，昆山地区生产总值达5140亿元" in body
    assert "未审核 unreviewed" in body and "已核实" not in body
    assert f'href="/documents/{atlas.documents["kunshan"].pk}/#ev-target-{fact.pk}"' in body
    assert 'href="/cities/kunshan/"' in body
    assert (
        f'城市产业战略图谱. "昆山 · 集成电路产业规模 1000亿元（目标 2027）". 来源: 昆山召开全市产业创新集群发展大会, '
        f"测试日报, 2024-03-01. http://testserver/facts/target/{fact.pk}/. Accessed via the atlas"
    ) in body


def test_approved_fact_is_shown_as_verified(client, atlas):
    body = page(client, f"/facts/official/{atlas.facts['zhou_wei'].pk}/")
    assert "已核实 verified" in body and "未审核" not in body
    assert '<mark class="ev">市委书记周伟</mark>' in body


def test_meeting_page_lists_its_public_officials(client, atlas):
    body = page(client, f"/facts/meeting/{atlas.facts['kunshan_congress'].pk}/")
    assert "市委书记周伟、市长李晖" in body and "孙波" not in body.split("原文")[0]


def test_cluster_page_shows_tier_and_tags(client, atlas):
    body = page(client, f"/facts/cluster/{atlas.facts['wuxi_ic'].pk}/")
    assert "无锡 · 主导产业 集成电路" in body
    assert "主导 leading" in body and "电子信息" in body


def test_every_public_fact_has_a_page(client, atlas):
    for fact in atlas.facts.values():
        kind = KINDS[type(fact).__name__]
        expected = 404 if fact.review_status == ReviewStatus.REJECTED else 200
        assert client.get(f"/facts/{kind}/{fact.pk}/").status_code == expected, fact
        assert fact_path(fact) == f"/facts/{kind}/{fact.pk}/"


@pytest.mark.parametrize(
    "url",
    ["/facts/target/999999/", "/facts/person/1/", "/facts/targets/1/", "/facts/target/x/", "/facts/target/999999.json"],
)
def test_unknown_kinds_and_ids_answer_404(client, atlas, url):
    assert client.get(url).status_code == 404


def test_rejected_fact_answers_404_as_page_and_as_json(client, atlas):
    rejected = atlas.facts["land"]
    for url in (
        f"/facts/target/{rejected.pk}/",
        f"/facts/target/{rejected.pk}/?format=json",
        f"/facts/target/{rejected.pk}.json",
    ):
        assert client.get(url).status_code == 404


def test_an_id_of_another_kind_is_not_found_under_the_wrong_kind(client, atlas):
    target_id = max(fact.pk for fact in atlas.facts.values() if isinstance(fact, Target))
    assert not Official.objects.filter(pk=target_id).exists()
    assert client.get(f"/facts/target/{target_id}/").status_code == 200
    assert client.get(f"/facts/official/{target_id}/").status_code == 404


def test_json_view_is_the_api_representation(client, atlas):
    fact = atlas.facts["kunshan_rd"]
    from_page = client.get(f"/facts/target/{fact.pk}/", {"format": "json"})
    assert from_page["Content-Type"] == "application/json"
    from_suffix = client.get(f"/facts/target/{fact.pk}.json").json()
    from_api = client.get(f"/api/targets/{fact.pk}/").json()
    assert from_page.json() == from_suffix == from_api
    assert from_api["value"] == 3.9 and from_api["page"] == f"http://testserver/facts/target/{fact.pk}/"


def test_page_query_count_does_not_grow_with_the_data(client, atlas):
    urls = [
        f"/facts/meeting/{atlas.facts['kunshan_congress'].pk}/",
        f"/facts/cluster/{atlas.facts['wuxi_ic'].pk}/",
        f"/facts/target/{atlas.facts['ic_target'].pk}/",
    ]

    def counts():
        result = {}
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            result[url] = len(captured)
        return result

    small = counts()
    grow_atlas(atlas, 3)
    assert counts() == small
    assert small[urls[2]] == 1


def test_summary_and_citation_without_publisher_or_date(atlas):
    fact = atlas.facts["textiles"]
    document = fact.document
    document.publisher, document.published = "", None
    assert fact_summary(fact) == "江阴 · 传统产业 高端纺织服装"
    assert citation(fact, "https://atlas.example/facts/cluster/1/") == (
        '城市产业战略图谱. "江阴 · 传统产业 高端纺织服装". 来源: 江阴市新能源产业推进会召开. '
        "https://atlas.example/facts/cluster/1/. Accessed via the atlas"
    )
