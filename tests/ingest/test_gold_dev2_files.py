"""The second development gold (bench/gold/work_reports_dev2) is well formed and true to its texts.

Twenty more reports of twenty subjects in neither the first development set nor the held-out set,
drawn for the cases the first set stopped showing (docs/gold.md): goals under other headings or
mid-line, autonomous prefectures, datelines in Chinese numerals, a report filed under another
city's folder. This checks the files only, no extraction; the text checks skip without the corpus.
"""

import json
from pathlib import Path

import pytest

from tests.ingest.test_gold_holdout_files import check_report_shape, number_pattern
from tests.ingest.test_gold_work_reports import CORPUS

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "bench" / "gold"
DEV2 = sorted((GOLD / "work_reports_dev2").glob("*.json"))


def subjects(folder):
    return {p.name.split("__")[0] for p in (GOLD / folder).glob("*.json")}


def test_twenty_reports_of_twenty_subjects_in_no_other_gold_set():
    assert len(DEV2) == 20
    assert len(subjects("work_reports_dev2")) == 20
    assert not subjects("work_reports_dev2") & (subjects("work_reports") | subjects("work_reports_holdout"))


@pytest.mark.parametrize("path", DEV2, ids=lambda p: p.stem)
def test_dev2_report_has_the_documented_shape(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert path.name == gold["path"].replace("/", "__").replace(".md", ".json")
    assert gold["speaker"]["name"] and gold["speaker"]["title"] in (None, "市长", "州长", "代理市长")
    check_report_shape(gold)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the work-report corpus (../shared/corpus) is absent")
@pytest.mark.parametrize("path", DEV2, ids=lambda p: p.stem)
def test_dev2_values_are_written_where_the_gold_says(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (CORPUS / gold["path"]).read_text(encoding="utf-8", errors="replace")
    assert text.count(gold["goals_anchor"]) == 1
    start = text.index(gold["goals_anchor"])
    paragraph = text[start : text.find("\n", start)]
    assert [g for g in gold["goals"] if not number_pattern(g["value"]).search(paragraph)] == []
    review = text[:start]
    assert [a for a in gold["actuals"] if not number_pattern(a["value"]).search(review)] == []
    head = text[:1500].replace(" ", "").replace("*", "")
    assert gold["speaker"]["name"] in head and gold["session"]["name"] in head
    # The subject is named in the front-matter title or the dateline, whatever the folder says.
    assert gold["city"] in head or gold["session"]["name"].startswith("自治州")
