"""alternation() as a trie matches exactly what the flat list of words, longest first, matches."""

import re

import pytest

from apps.ingest.pipeline.extract.text import (
    alternation,
    could_match,
    data,
    finditer_at,
    required_any,
    required_text,
    word_list,
)


def flat(words):
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


TEXTS = [
    "市委副书记、市长张某主持会议，副市长李某、市委书记王某出席。",
    "abcab a.b a* 书记书记",
    "省委常委、市委书记，县委副书记、县长",
]


@pytest.mark.parametrize(
    "words",
    [
        ["书记", "市委副书记", "市委书记", "市长", "副市长"],
        ["a", "ab", "abc", "b", "a.b", "a*"],
        ["", "ab"],
        list(word_list("surnames.txt")),
        data("official_titles.json")["titles"],
    ],
)
@pytest.mark.parametrize("after", ["", "[\u4e00-\u9fff]", "、", "(?:[一-龥]{1,2})、"])
def test_the_trie_matches_as_the_flat_list_does(words, after):
    for text in TEXTS:
        expected = [m.span() for m in re.finditer(f"(?:{flat(words)}){after}", text)]
        assert [m.span() for m in re.finditer(f"(?:{alternation(words)}){after}", text)] == expected


def test_a_longer_word_wins_over_its_prefix():
    assert re.match(alternation(["书记", "副书记", "副"]), "副书记").group() == "副书记"


@pytest.mark.parametrize(
    ("pattern", "required"),
    [
        (r"(?P<num>[十百千万])亿级", "亿级"),
        (r"(?:GDP|地区生产总值)?万亿(?:之城|城市)", "万亿"),
        (r"第(?P<num>\d+)位", "第"),
        (r"a|亿级", ""),  # an alternative at the top: nothing is required
        (r"(?:亿级)?产业", "产业"),
        (r"(?i)abc", ""),
    ],
)
def test_required_text_is_what_every_match_holds(pattern, required):
    assert required_text(re.compile(pattern)) == required


def test_a_named_level_target_is_still_found_with_the_guard():
    from apps.ingest.pipeline.extract.targets import candidates, rules

    r = rules()
    assert r.named_level_requires
    # From the genre: 打造A、B两个千亿级产业集群 gives a size goal for each named cluster.
    found = candidates("打造新能源汽车、新材料两个千亿级产业集群。", r)
    assert {c[4] for c in found} >= {"新能源汽车产业集群规模", "新材料产业集群规模"}


def test_finditer_at_finds_what_finditer_finds_given_every_possible_start():
    from apps.ingest.pipeline.extract.officials import rules

    r = rules()
    # Names after a colon or a comma and one at the very start, as meeting notes list them.
    text = "王某：市委书记；李某，市委副书记、市长；张某、赵某等市领导出席。\n陈某，副市长；"
    starts = [0, *(m.end() for m in r.before_name.finditer(text))]
    for pattern in (r.name_then_title, r.names_then_group):
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert expected
        assert [(m.span(), m.groupdict()) for m in finditer_at(pattern, text, starts)] == expected


def test_finditer_at_keeps_lookbehinds_looking_before_the_start():
    pattern = re.compile(r"(?<=[，、])茶(?:产业|精深加工)")
    text = "以茶产业为主，茶产业、茶精深加工"
    # The character before each start lies outside the text from the start on: 1 fails (以), 7 and 11 hold.
    assert [m.start() for m in finditer_at(pattern, text, [1, 7, 11])] == [7, 11]
    assert [m.start() for m in pattern.finditer(text)] == [7, 11]


@pytest.mark.parametrize(
    ("pattern", "required"),
    [
        (r"(?P<num>[十百千万])亿级", ("亿级",)),
        (r"a|亿级", ("a", "亿级")),  # a choice at the top: one of its branches
        (r"(?:总产值|产值|装机量)(?:达到?|突破)", ("产值", "总产值", "装机量")),
        (r"(?:等)?(?:[一二三]大)?(?:产业|集群|[“\"][一二三]大[”\"])", ("产业", "大", "集群")),
        # (the quoted branch needs 大 as well as a quote: of two equally short choices the smaller is kept)
        (r"(?:产业)?(?<=[，,])的", ("的",)),  # optional parts and lookbehinds need nothing
        (r"a|b?", ()),  # a branch that may match nothing: nothing is required
        (r"(?i)abc", ()),
    ],
)
def test_required_any_is_a_choice_every_match_holds_one_of(pattern, required):
    assert required_any(re.compile(pattern)) == required


def test_could_match_is_false_only_where_the_pattern_finds_nothing():
    from apps.ingest.pipeline.extract.clusters import rules

    tail = rules().tail
    # From work reports: a list closed by a tail, a quoted count, and a sentence with no tail at all.
    for text in ("重点发展新能源、新材料三大主导产业。", "做强“两大”。", "全年接待游客1200万人次。"):
        assert could_match(tail, text) or not list(tail.finditer(text))
    assert not could_match(tail, "全年接待游客1200万人次。")
