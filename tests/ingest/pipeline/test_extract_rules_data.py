"""Every entry of the rule files this stage owns runs its examples (and counter-examples)
through the code that uses it; an entry no test exercises fails the last test."""

import re
from datetime import date

import pytest

from apps.ingest.pipeline.extract.genre import find_dateline
from apps.ingest.pipeline.extract.officials import find_officials
from apps.ingest.pipeline.extract.sections import heading_year, sets_plan_year_goals
from apps.ingest.pipeline.extract.text import data
from apps.ingest.pipeline.extract.workreport import _deadline, speaker_in_title, speaker_of, speaks_of_plan_year

REPORT = data("work_report.json")
CONTEXT = data("official_context.json")


def _dateline(text):
    found = find_dateline(text)
    return found and {"date": found.date.isoformat() if found.date else None, "session": found.session}


def _session_end(text):
    match = re.search(REPORT["session_end"]["pattern"], text)
    return match and text[: match.end()]


def _speaker(text):
    found = speaker_of(text)
    return found and {"name": found[0], "title": found[1]}


def _title_speaker(text):
    found = speaker_in_title(text)
    return found and {"name": found[0], "title": found[1]}


def _plan_heading(text):
    # The report's year: the heading's own, else 2022 (a "今年" heading takes it).
    years = re.findall(r"(20\d{2})年", text)
    found = heading_year(text, default_year=int(years[-1]) if years else 2022)
    return found and found[0] == "plan" and found[1]


def _period_heading(text):
    found = heading_year(text, default_year=2022)
    if not found or found[0] != "period":
        return None
    return "plan year + 4" if found[1] == 2026 else found[1]


def _plan_year_of(text):
    """The plan year an example speaks of: the year it names, else 2022 (今年)."""
    years = re.findall(r"(20\d{2})年", text)
    return int(years[0]) if years else 2022


def _goals_in_review(text):
    return sets_plan_year_goals(text, _plan_year_of(text))


def _this_year_paragraph(text):
    return speaks_of_plan_year(text, _plan_year_of(text))


def _matches(name):
    return lambda text: bool(re.search(REPORT[name]["pattern"], text))


# entry → the function the extractor runs it through
RUNNERS = {
    "dateline": _dateline,
    "undated_dateline": _dateline,
    "session_end": _session_end,
    "title": _matches("title"),
    "address": _matches("address"),
    "review_heading": lambda text: bool(re.search(REPORT["review_heading"]["pattern"], text, re.MULTILINE)),
    "speaker": _speaker,
    "name_only": _speaker,
    "title_speaker": _title_speaker,
    "plan_heading": _plan_heading,
    "review_words": _matches("review_words"),
    "period_heading": _period_heading,
    "plan_period_end": _deadline,
    "goals_paragraph": _matches("goals_paragraph"),
    "goals_statement": _matches("goals_statement"),
    "period_goals": _matches("period_goals"),
    "goals_in_review": _goals_in_review,
    "this_year_paragraph": _this_year_paragraph,
    "deadline": _deadline,
    "estimated": _matches("estimated"),
}

CASES = [
    (name, text, expected)
    for name, entry in REPORT.items()
    if isinstance(entry, dict)
    for text, expected in entry.get("examples", [])
]
COUNTER_CASES = [
    (name, text)
    for name, entry in REPORT.items()
    if isinstance(entry, dict)
    for text in entry.get("counter_examples", [])
]


@pytest.mark.parametrize("name,text,expected", CASES)
def test_work_report_examples(name, text, expected):
    result = RUNNERS[name](text)
    assert result == expected


@pytest.mark.parametrize("name,text", COUNTER_CASES)
def test_work_report_counter_examples(name, text):
    assert not RUNNERS[name](text)


@pytest.mark.parametrize("entry", CONTEXT["title_shaped_words"], ids=lambda e: e["word"])
def test_title_shaped_words_are_not_officials(entry):
    assert entry["why"]
    for text in entry["examples"]:
        assert find_officials(text, {"某市"}) == []


def test_every_entry_has_a_reason_examples_and_a_runner():
    entries = {name: entry for name, entry in REPORT.items() if isinstance(entry, dict)}
    unexercised = sorted(set(entries) - set(RUNNERS))
    assert unexercised == [], f"entries no test runs: {unexercised}"
    for name, entry in entries.items():
        assert entry.get("why") and entry.get("examples"), name


def test_a_dateline_in_chinese_numerals():
    assert find_dateline("——二〇二三年一月四日在某某市第八届人民代表大会第一次会议上").date == date(2023, 1, 4)


def test_a_dateline_year_mixing_an_arabic_zero_into_chinese_numerals():
    # 咸宁市/2020.md's dateline, place replaced.
    found = find_dateline("——二0二0年一月五日在某某市第五届人民代表大会第四次会议上")
    assert (found.date, found.session) == (date(2020, 1, 5), "某某市第五届人民代表大会第四次会议")
