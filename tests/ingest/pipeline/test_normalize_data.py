"""Every entry of the normalize data files runs through the function that uses it: boilerplate
lines and fragments through remove_boilerplate, spin replacements through unspin_string."""

import json

import pytest

from apps.ingest.pipeline.normalize import DATA_DIR, TrackedText, detect_spin, remove_boilerplate, unspin_string

BOILERPLATE = json.loads((DATA_DIR / "boilerplate.json").read_text(encoding="utf-8"))
SPIN = json.loads((DATA_DIR / "spin_map.json").read_text(encoding="utf-8"))
BODY = "全市坚持稳中求进工作总基调，推动经济社会高质量发展，地区生产总值增长5.5%，主要指标好于预期。"


def cleaned(lines):
    tracked = TrackedText("\n".join(lines))
    remove_boilerplate(tracked)
    return [line for line in tracked.text.split("\n") if line]


def cases(key, field):
    return [(i, e["why"], case) for i, e in enumerate(BOILERPLATE[key]) for case in e.get(field, [])]


def test_every_boilerplate_entry_has_a_reason_an_example_and_a_counter_example():
    for key in ("line_patterns", "inline_patterns", "tail_markers"):
        for entry in BOILERPLATE[key]:
            assert entry["why"] and entry["examples"] and entry["counter_examples"], entry["why"]


@pytest.mark.parametrize("index, why, line", cases("line_patterns", "examples"))
def test_boilerplate_lines_are_dropped(index, why, line):
    assert cleaned([BODY, line, BODY, BODY]) == [BODY, BODY, BODY]


@pytest.mark.parametrize("index, why, line", cases("line_patterns", "counter_examples"))
def test_sentences_that_look_alike_are_kept(index, why, line):
    assert cleaned([BODY, line, BODY, BODY]) == [BODY, line, BODY, BODY]


@pytest.mark.parametrize("index, why, case", cases("inline_patterns", "examples"))
def test_boilerplate_fragments_are_cut(index, why, case):
    line, expected = case
    assert cleaned([BODY, line, BODY, BODY])[1] == expected


@pytest.mark.parametrize("index, why, line", cases("inline_patterns", "counter_examples"))
def test_fragments_that_look_alike_are_kept(index, why, line):
    assert cleaned([BODY, line, BODY, BODY])[1] == line


@pytest.mark.parametrize("index, why, line", cases("tail_markers", "examples"))
def test_a_tail_marker_ends_the_page(index, why, line):
    assert cleaned([BODY, BODY, BODY, line, "某市召开会议的新闻链接标题文字，共二十几个字的一行。"]) == [
        BODY,
        BODY,
        BODY,
    ]


@pytest.mark.parametrize("index, why, line", cases("tail_markers", "counter_examples"))
def test_a_sentence_like_a_tail_marker_does_not(index, why, line):
    assert cleaned([BODY, BODY, BODY, line, BODY]) == [BODY, BODY, BODY, line, BODY]


def test_no_boilerplate_reason_quotes_a_seed():
    text = json.dumps(BOILERPLATE, ensure_ascii=False)
    assert "000800" not in text and "一汽解放" not in text


SPIN_CASES = [(r["spun"], case) for r in SPIN["replacements"] for case in r.get("examples", [])]
SPIN_COUNTER = [(r["spun"], case) for r in SPIN["replacements"] for case in r.get("counter_examples", [])]


def test_every_spin_replacement_has_an_example():
    assert [r["spun"] for r in SPIN["replacements"] if not r.get("examples")] == []


@pytest.mark.parametrize("spun, case", SPIN_CASES, ids=[f"{s}:{c[0]}" for s, c in SPIN_CASES])
def test_spin_replacements_map_back(spun, case):
    text, expected = case
    assert unspin_string(text) == expected


@pytest.mark.parametrize("spun, text", SPIN_COUNTER, ids=[f"{s}:{t}" for s, t in SPIN_COUNTER])
def test_spin_replacements_leave_real_uses(spun, text):
    assert spun in unspin_string(text)


@pytest.mark.parametrize("marker", SPIN["markers"])
def test_every_marker_is_detected(marker):
    assert detect_spin(f"全市{marker}。") == [marker] or marker in detect_spin(f"全市{marker}。")
