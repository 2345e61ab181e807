"""The fast paths of the pipeline give exactly what the plain ones gave.

Texts are written for these tests (no corpus excerpts).
"""

import pytest

from apps.atlas.divisions import NameFinder, load_divisions
from apps.ingest.pipeline.extract.doc import ArticleDoc
from apps.ingest.pipeline.extract.places import place_index
from apps.ingest.pipeline.normalize import TrackedText, _t2s, normalize, t2s_changes, to_simplified
from apps.ingest.pipeline.segment import segment, tokenizer
from apps.ingest.pipeline.types import Token

TEXTS = [
    "恩施土家族苗族自治州与宜昌市、长阳土家族自治县签署协议，巴州和克州代表出席。",
    "绍兴市越城区、柯桥区和上虞区；新兴产业在新兴县落地，资源优势明显。",
    "北京市海淀区中关村，上海浦东新区张江，重庆市綦江区。",
    "没有地名的句子。",
    "",
    "州",
]


def scan_every_length(names, text):
    """The plain longest-match scan NameFinder replaces: every length at every position."""
    names = {n for n in names if len(n) >= 2}
    longest = max(map(len, names))
    found, i = [], 0
    while i < len(text):
        for length in range(min(longest, len(text) - i), 1, -1):
            if text[i : i + length] in names:
                found.append((i, i + length, text[i : i + length]))
                i += length
                break
        else:
            i += 1
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_name_finder_finds_what_a_scan_of_every_length_finds(text):
    names = load_divisions().names()
    assert load_divisions().name_finder.mentions(text) == scan_every_length(names, text)
    assert load_divisions().name_finder.mentions(text) == place_index().mentions(text)


def test_name_finder_prefers_the_longest_name_and_never_overlaps():
    finder = NameFinder(["长阳", "长阳土家族自治县", "阳土", "宜昌"])
    assert finder.mentions("长阳土家族自治县和宜昌") == [(0, 8, "长阳土家族自治县"), (9, 11, "宜昌")]
    assert finder.mentions("长阳土豆") == [(0, 2, "长阳")]


def test_only_text_holding_a_changing_key_may_change():
    changes = t2s_changes()
    assert changes.may_change("發展") and changes.may_change("產業")
    assert changes.may_change("反覆试验")  # 反覆 → 反复, though 覆 alone stays
    assert _t2s().convert("反覆试验") != "反覆试验"
    assert not changes.may_change("发展新兴产业，推进高质量发展，实现全覆盖。")
    assert _t2s().convert("实现全覆盖") == "实现全覆盖"


@pytest.mark.parametrize(
    "text",
    [
        "發展新興產業\n发展新兴产业\n乾隆年間，天氣乾燥。\n",
        "简体一行。\n\n臺灣的產業鏈\n",
        "全是简体，没有繁体字。",
        "反覆论证，全覆盖。\n沈阳市的产业\n",
    ],
)
def test_converting_only_lines_that_need_it_gives_the_whole_text_conversion(text):
    whole, lines = TrackedText(text), TrackedText(text)
    whole.map_chars(_t2s().convert)
    lines.map_chars(_t2s().convert, may_change=t2s_changes().may_change)
    assert lines.text == whole.text


def test_script_detection_still_sees_traditional_text():
    assert to_simplified(TrackedText("臺灣的產業鏈發展迅速，經濟增長。")) == "traditional"
    assert to_simplified(TrackedText("台湾的产业链发展迅速，经济增长。")) == "simplified"


def runs_one_by_one(origin):
    """The plain walk runs() replaces."""
    runs = []
    for i, raw in enumerate(origin):
        if runs and raw == runs[-1][1] + runs[-1][2] and i == runs[-1][0] + runs[-1][2]:
            runs[-1][2] += 1
        else:
            runs.append([i, raw, 1])
    return runs


@pytest.mark.parametrize("origin", [[], [0], [0, 1, 2], [0, 1, 5, 6, 6, 6, 7, 2, 3], [3, 3, 3]])
def test_runs_break_where_origins_stop_following_each_other(origin):
    tracked = TrackedText("x" * len(origin))
    tracked.origin = origin
    assert tracked.runs() == runs_one_by_one(origin)


def test_runs_of_a_cleaned_article_map_back():
    article = normalize("業(yè)務發展　　\n\n\n\n新興產業１２３")
    assert article.offset_map == runs_one_by_one(_origins(article.offset_map))


def _origins(runs):
    return [raw + k for _, raw, length in runs for k in range(length)]


def test_segment_gives_jiebas_tokenize_offsets():
    text = "推进新一代信息技术产业集群发展，2023年地区生产总值增长5.5%。\n第二行"
    assert segment(text) == [Token(*t) for t in tokenizer().tokenize(text, HMM=False)]


def test_edges_for_a_passage_are_the_document_edges_inside_it():
    text = "发展新兴产业。推进集群建设。"
    tokens = segment(text)
    doc = ArticleDoc(text=text, tokens=tuple(tokens))
    start = text.index("推进")
    passage = text[start:]
    expected = {e - start for t in tokens for e in (t.start, t.end) if start <= e <= len(text)} | {0, len(passage)}
    assert doc.edges_for(passage) == expected
    assert doc.edges_for("不在文中") is None
