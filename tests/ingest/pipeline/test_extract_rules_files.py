"""The rule files of officials, meetings, places and the calendar: each key's `rules` entry says
why the key is there and gives examples (and counter-examples) that run through the step that
uses the key. The last test requires every listed entry to appear in an example (or
counter-example) of its own key: a new entry comes with an example."""

import re
from datetime import date

import pytest

from apps.ingest.pipeline.extract.dates import infer_year
from apps.ingest.pipeline.extract.meetings import find_meetings
from apps.ingest.pipeline.extract.officials import find_officials
from apps.ingest.pipeline.extract.places import main_city
from apps.ingest.pipeline.extract.text import data
from apps.ingest.pipeline.segment import boundaries, segment


def officials(text):
    return sorted([o.name, o.title] for o in find_officials(text, {"某市"}))


def meetings(text):
    return [[m.name, m.kind] for m in find_meetings(text, date(2024, 6, 30))]


def city(text):
    found = main_city(text, token_edges=boundaries(segment(text)))
    return found.name if found else None


def calendar_day(text):
    month, day = map(int, re.search(r"(\d{1,2})月(\d{1,2})日", text).groups())
    year, _ = infer_year(month, day, None, text)
    return date(year, month, day).isoformat() if year else None


RUNNERS = {
    "official_titles.json": officials,
    "official_context.json": officials,
    "meetings.json": meetings,
    "places.json": city,
    "calendar.json": calendar_day,
}

CASES = [
    (f, key, text, expected)
    for f in RUNNERS
    for key, rule in data(f)["rules"].items()
    for text, expected in rule.get("examples", [])
]
COUNTERS = [
    (f, key, text)
    for f in RUNNERS
    for key, rule in data(f)["rules"].items()
    for text in rule.get("counter_examples", [])
]


@pytest.mark.parametrize("name,key,text,expected", CASES)
def test_examples(name, key, text, expected):
    result = RUNNERS[name](text)
    if name.startswith("official"):
        expected = sorted(expected)
    assert result == expected


@pytest.mark.parametrize("name,key,text", COUNTERS)
def test_counter_examples(name, key, text):
    assert not RUNNERS[name](text)


@pytest.mark.parametrize("name", RUNNERS)
def test_every_key_has_a_reason_and_an_example(name):
    rules_file = data(name)
    keys = {k for k in rules_file if k not in ("about", "rules")}
    assert keys == set(rules_file["rules"]), "every key needs a rules entry and every rules entry a key"
    for key, rule in rules_file["rules"].items():
        assert rule["why"], key
        assert rule.get("examples") or rule.get("counter_examples"), key


def entries(rules_file):
    """(key, entry) for each word listed under a key (a dict's keys for a mapping)."""
    for key, value in rules_file.items():
        if key in ("about", "rules", "spring_festival"):
            continue  # the Spring Festival table is sourced data, checked by its own example
        words = value if isinstance(value, list) else list(value) if isinstance(value, dict) else []
        yield from ((key, w) for w in words if isinstance(w, str))


@pytest.mark.parametrize("name", RUNNERS)
def test_every_entry_is_in_an_example_of_its_own_key(name):
    rules_file = data(name)
    missing = []
    for key, word in entries(rules_file):
        rule = rules_file["rules"][key]
        texts = [e[0] for e in rule.get("examples", [])] + rule.get("counter_examples", [])
        if not any(word in text for text in texts):
            missing.append((key, word))
    assert not missing
