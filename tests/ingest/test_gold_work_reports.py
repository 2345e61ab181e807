"""The work-report development gold (bench/gold/work_reports) is well formed and true to its texts.

The corpus lives outside the repository (../shared/corpus/work-reports); the text checks skip
without it. docs/gold.md describes the gold.
"""

import importlib.util
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "bench" / "gold" / "work_reports"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))

BOUNDS = {"exact", "about", "at_least", "at_most", "range"}
MEASURES = {"level", "growth", "share", "count", "ranking", "intensity"}


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_work_reports", ROOT / "bench" / "score_work_reports.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = load_scorer()
CORPUS = SCORER.find_corpus()


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_figure(item, kind):
    assert isinstance(item["metric"], str) and item["metric"]
    assert is_number(item["value"])
    assert isinstance(item["unit"], str)
    assert item["kind"] == kind
    assert isinstance(item["year"], int) and 2000 <= item["year"] <= 2040
    assert item["measure"] in MEASURES
    assert item.get("bound", "exact") in BOUNDS
    if item.get("bound") == "range":
        assert is_number(item["value_high"]) and item["value_high"] > item["value"]


def test_there_are_forty_gold_reports():
    assert len(GOLD_FILES) == 40


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_has_the_documented_shape(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert path.name == gold["path"].replace("/", "__").replace(".md", ".json")
    assert gold["city"] == gold["path"].split("/")[0]
    assert isinstance(gold["review_year"], int) and gold["plan_year"] == gold["review_year"] + 1
    if gold["speaker"] is not None:
        assert gold["speaker"]["name"] and gold["speaker"]["title"] in (
            None,
            "市长",
            "代市长",
            "州长",
            "代州长",
            "专员",
            "盟长",
        )
    if gold["session"] is not None:
        assert "人民代表大会" in gold["session"]["name"]
        if gold["session"]["date"]:
            date.fromisoformat(gold["session"]["date"])
    assert 10 <= len(gold["goals_anchor"]) <= 20
    assert gold["goals"] and gold["actuals"]
    for goal in gold["goals"]:
        check_figure(goal, "target")
    for actual in gold["actuals"]:
        check_figure(actual, "actual")
        assert isinstance(actual["estimated"], bool)


def number_pattern(value):
    text = f"{abs(value)}"
    return re.compile(r"(?<![\d.])" + re.escape(text) + r"(?!\d)")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the work-report corpus (../shared/corpus) is absent")
@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_goal_value_is_written_in_its_goals_paragraph(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (CORPUS / gold["path"]).read_text(encoding="utf-8")
    assert text.count(gold["goals_anchor"]) == 1
    start = text.index(gold["goals_anchor"])
    last_line = text.index(gold["goals_end_anchor"], start) if gold.get("goals_end_anchor") else start
    paragraph = text[start : text.find("\n", last_line)]
    for goal in gold["goals"]:
        assert number_pattern(goal["value"]).search(paragraph), goal
    review = text[:start]
    for actual in gold["actuals"]:
        assert number_pattern(actual["value"]).search(review), actual


def test_values_compare_in_yuan_within_half_a_percent():
    assert SCORER.same_value(1450.7, "亿元", Decimal("14507000"), "万元")
    assert SCORER.same_value(8, "%", 8.03, "%")
    assert not SCORER.same_value(8, "%", 8.1, "%")
    assert not SCORER.same_value(8, "万人", 8, "万人次")
    assert SCORER.same_value(-2.5, "%", 2.5, "%")


def test_subject_names_compare_full_or_short():
    assert SCORER.short_name("海西蒙古族藏族自治州") == "海西"
    assert SCORER.short_name("巴音郭楞蒙古自治州") == "巴音郭楞"
    assert SCORER.short_name("克孜勒苏柯尔克孜自治州") == "克孜勒苏"
    assert SCORER.short_name("大理白族自治州") == "大理"
    assert SCORER.short_name("三门峡市") == "三门峡"
    assert SCORER.short_name("赣州") == "赣州"
    assert SCORER.short_name("黔西南布依族苗族自治州") == "黔西南"
    assert SCORER.same_subject("黔西南", "黔西南布依族苗族自治州")
    assert SCORER.same_subject("大理", "大理白族自治州") and SCORER.same_subject("文山", "文山市")
    assert not SCORER.same_subject("黔西", "黔西南布依族苗族自治州") and not SCORER.same_subject("", "大理白族自治州")


def test_junk_metrics_are_bare_numbers_or_connectives():
    assert SCORER.is_junk_metric("%")
    assert SCORER.is_junk_metric("财政收入和居民收入增速分别")
    assert not SCORER.is_junk_metric("地区生产总值增长")
