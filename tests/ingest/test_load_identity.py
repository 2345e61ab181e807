"""Fact identity, re-anchoring and repost similarity: plain functions, no database."""

import json

import pytest

from apps.ingest.anchors import find_passage, reanchor
from apps.ingest.identity import WORDING_FILE, canonical_wording, fact_identity, wording_variants
from apps.ingest.reposts import REPOST_SIMILARITY, most_similar, shingles, similarity

WORDING = json.loads(WORDING_FILE.read_text(encoding="utf-8"))["abbreviations"]


@pytest.mark.parametrize("entry", WORDING, ids=lambda entry: entry["short"])
def test_each_short_form_gives_its_full_forms_identity(entry):
    short, full = entry["example"]
    assert entry["short"] in short and entry["full"] in full
    assert fact_identity(f"{short}|3000家|target|2027") == fact_identity(f"{full}|3000家|target|2027")


def test_identity_folds_full_width_and_spaces_but_not_numbers_or_metrics():
    assert fact_identity("规上工业企业|３０００家|target|2027") == fact_identity("规模以上 工业企业|3000家|target|2027")
    assert fact_identity("规上工业企业|3000家|target|2027") != fact_identity("规上工业企业|3500家|target|2027")
    assert fact_identity("工业企业|3000家|target|2027") != fact_identity("规上工业企业|3000家|target|2027")
    assert canonical_wording("规模以上工业") == "规模以上工业"  # the full form is never expanded again


def test_wording_variants_go_both_ways():
    assert set(wording_variants("规上工业企业突破3000家")) == {"规上工业企业突破3000家", "规模以上工业企业突破3000家"}
    assert set(wording_variants("规模以上工业企业突破3000家")) >= {"规上工业企业突破3000家"}


# Passages after the style of the work-report seeds.
TEXT = "全市规上工业企业突破3000家。新增规上工业企业200家。高新技术企业突破4000家。"


def test_find_passage_prefers_the_occurrence_nearest_the_old_place():
    first = TEXT.index("规上工业企业")
    second = TEXT.index("规上工业企业", first + 1)
    assert find_passage(TEXT, "规上工业企业", near=second + 3).start == second
    assert find_passage(TEXT, "规上工业企业", near=0).start == first
    assert find_passage(TEXT, "专精特新企业") is None


def test_reanchor_follows_an_inserted_sentence_and_flags_a_vanished_passage():
    passage = "高新技术企业突破4000家"
    start = TEXT.index(passage)
    assert reanchor(TEXT, passage, start, start + len(passage), lost=False) is None  # still in place
    moved = "会议强调要抓好落实。" + TEXT
    anchor = reanchor(moved, passage, start, start + len(passage), lost=False)
    assert moved[anchor.start : anchor.end] == passage and not anchor.lost
    gone = reanchor(TEXT.replace(passage, ""), passage, start, start + len(passage), lost=False)
    assert gone.lost and gone.start == gone.end == 0 and gone.text == passage


def test_reanchor_finds_a_passage_reworded_to_the_full_form():
    passage = "全市规上工业企业突破3000家"
    reworded = TEXT.replace("全市规上", "全市规模以上")
    anchor = reanchor(reworded, passage, 0, len(passage), lost=False)
    assert reworded[anchor.start : anchor.end] == anchor.text == "全市规模以上工业企业突破3000家"


# A paragraph in the style of the seeds' news, and another site's chrome around it.
BODY = (
    "2月17日,江苏省昆山市召开推进新型工业化工作会议,提出力争用3年时间实现新增地区生产总值1000亿元、"
    "总量迈上6000亿元新台阶,规上工业企业突破3000家,高新技术企业突破4000家,打造一批具有影响力的先进制造业集群。"
)
OTHER = (
    "3月5日,浙江省绍兴市召开制造业高质量发展大会,提出到2027年规上工业总产值突破1.5万亿元,"
    "高新技术企业达到6000家,做强集成电路、高端装备、现代纺织三大主导产业,打造一批先进制造业集群。"
)


def test_a_repost_in_other_chrome_is_similar_and_another_article_is_not():
    repost = "首页 > 新闻中心 > 本地要闻\n来源:某某新闻网\n" + BODY + "\n责任编辑:王某\n版权所有 某某新闻网"
    assert similarity(shingles(BODY), shingles(repost)) >= REPOST_SIMILARITY
    assert similarity(shingles(BODY), shingles(OTHER)) < 0.2
    assert most_similar(repost, [("other", OTHER), ("body", BODY)]) == (
        "body",
        pytest.approx(similarity(shingles(BODY), shingles(repost))),
    )
    assert most_similar(OTHER, [("body", BODY)]) is None
