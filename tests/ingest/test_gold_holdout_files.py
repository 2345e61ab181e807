"""The held-out gold sets are well formed and true to their texts: the 20 work reports of
bench/gold/work_reports_holdout and the 16 articles of tests/fixtures/realnews_holdout(_gold).

They are the team's unseen estimate (docs/gold.md, docs/gold-news.md): no rule is tuned on them.
This checks the files only, no extraction. The work-report text checks skip without the corpus
(../shared/corpus/work-reports, outside the repository).
"""

import json
import re
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# --- work reports ------------------------------------------------------------------------------

WR_GOLD = sorted((ROOT / "bench" / "gold" / "work_reports_holdout").glob("*.json"))
DEV_WR_NAMES = {p.name for p in (ROOT / "bench" / "gold" / "work_reports").glob("*.json")}
# The same scorer, corpus and value checks as the development set.
from tests.ingest.test_gold_work_reports import BOUNDS, CORPUS, MEASURES, SCORER, is_number  # noqa: E402


def check_figure(item, kind):
    assert isinstance(item["metric"], str) and item["metric"]
    assert is_number(item["value"])
    assert item["kind"] == kind
    assert isinstance(item["year"], int) and 2000 <= item["year"] <= 2040
    assert item["measure"] in MEASURES
    assert item.get("bound", "exact") in BOUNDS
    if item.get("bound") == "range":
        assert is_number(item["value_high"]) and item["value_high"] > item["value"]


def check_report_shape(gold):
    """What every work-report gold file holds: its years, session, anchor, goals and actuals."""
    assert isinstance(gold["review_year"], int) and gold["plan_year"] == gold["review_year"] + 1
    assert "人民代表大会" in gold["session"]["name"]
    date.fromisoformat(gold["session"]["date"])
    assert 10 <= len(gold["goals_anchor"]) <= 20
    assert gold["goals"] and gold["actuals"]
    for goal in gold["goals"]:
        check_figure(goal, "target")
        assert goal["year"] == gold["plan_year"]
    for actual in gold["actuals"]:
        check_figure(actual, "actual")
        assert actual["year"] == gold["review_year"] and isinstance(actual["estimated"], bool)


def number_pattern(value):
    return re.compile(r"(?<![\d.])" + re.escape(f"{abs(value)}") + r"(?!\d)")


def test_there_are_twenty_held_out_reports_none_of_them_in_the_development_set():
    assert len(WR_GOLD) == 20
    assert not {p.name for p in WR_GOLD} & DEV_WR_NAMES


@pytest.mark.parametrize("path", WR_GOLD, ids=lambda p: p.stem)
def test_held_out_report_has_the_documented_shape(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert path.name == gold["path"].replace("/", "__").replace(".md", ".json")
    # 文山壮族苗族自治州/2025.md is 文山市's report: the subject, not the folder, is the gold city.
    assert SCORER.short_name(gold["city"]) == SCORER.short_name(gold["path"].split("/")[0])
    assert gold["speaker"]["name"] and gold["speaker"]["title"]
    check_report_shape(gold)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the work-report corpus (../shared/corpus) is absent")
@pytest.mark.parametrize("path", WR_GOLD, ids=lambda p: p.stem)
def test_held_out_values_are_written_where_the_gold_says(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (CORPUS / gold["path"]).read_text(encoding="utf-8")
    assert text.count(gold["goals_anchor"]) == 1
    start = text.index(gold["goals_anchor"])
    last_line = text.index(gold["goals_end_anchor"], start) if gold.get("goals_end_anchor") else start
    paragraph = text[start : text.find("\n", last_line)]
    assert [g for g in gold["goals"] if not number_pattern(g["value"]).search(paragraph)] == []
    review = text[:start]
    assert [a for a in gold["actuals"] if not number_pattern(a["value"]).search(review)] == []
    head = text[:800].replace(" ", "")
    assert gold["speaker"]["name"] in head and gold["session"]["name"] in head


# --- news --------------------------------------------------------------------------------------

ARTICLES = ROOT / "tests" / "fixtures" / "realnews_holdout"
NEWS_GOLD = ROOT / "tests" / "fixtures" / "realnews_holdout_gold"
DEV_GOLD = ROOT / "tests" / "fixtures" / "realnews_gold"
# The same shape and text checks as the development news set.
from tests.ingest.test_gold_news_files import PINYIN_GLOSS, REQUIRED, TARGET_KEYS, TO_SIMPLIFIED  # noqa: E402

ARTICLE_STEMS = sorted(p.stem for p in ARTICLES.glob("*.txt"))
GOLD_STEMS = sorted(p.stem for p in NEWS_GOLD.glob("*.json"))


def news_gold(stem):
    return json.loads((NEWS_GOLD / f"{stem}.json").read_text(encoding="utf-8"))


def plain_text(stem):
    raw = (ARTICLES / f"{stem}.txt").read_text(encoding="utf-8")
    return TO_SIMPLIFIED.convert(PINYIN_GLOSS.sub("", raw))


def number_forms(value):
    forms = {str(value)}
    if float(value).is_integer():
        forms.add(str(int(value)))
    return forms


def test_sixteen_held_out_articles_paired_in_eight_provinces_or_more():
    assert len(ARTICLE_STEMS) == 16 and ARTICLE_STEMS == GOLD_STEMS
    assert len({news_gold(stem)["province"] for stem in GOLD_STEMS}) >= 8


def test_held_out_places_are_not_development_places():
    development = {json.loads(p.read_text(encoding="utf-8"))["city"] for p in DEV_GOLD.glob("*.json")}
    development |= {"靖江", "常州", "无锡", "如东", "昆山"}
    assert {news_gold(stem)["city"] for stem in GOLD_STEMS} & development == set()


@pytest.mark.parametrize("stem", ARTICLE_STEMS)
def test_held_out_article_is_short_and_has_its_address(stem):
    assert len((ARTICLES / f"{stem}.txt").read_text(encoding="utf-8")) <= 2500
    meta = json.loads((ARTICLES / f"{stem}.meta.json").read_text(encoding="utf-8"))
    assert meta["url"].startswith(("http://", "https://"))


@pytest.mark.parametrize("stem", GOLD_STEMS)
def test_held_out_gold_has_the_shared_format(stem):
    gold = news_gold(stem)
    assert all(key in gold for key in REQUIRED), [k for k in REQUIRED if k not in gold]
    assert gold["city"] and not gold["city"].endswith(("市", "区"))
    for meeting in gold["meetings"]:
        assert meeting["name"]
        assert meeting["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", meeting["date"])
    for target in gold["targets"]:
        assert all(key in target for key in TARGET_KEYS) and target["kind"] in ("target", "actual")
        assert isinstance(target["value"], (int, float))
    assert all(cluster["name"] and cluster["tier"] for cluster in gold["clusters"])


@pytest.mark.parametrize("stem", GOLD_STEMS)
def test_held_out_names_and_numbers_occur_in_the_article(stem):
    gold, text = news_gold(stem), plain_text(stem)
    names = [o["name"] for o in gold["officials"]] + gold["exclude_officials"]
    assert [n for n in names if n not in text] == []
    missing = [
        t["metric"]
        for t in gold["targets"]
        if not (t["written"] in text if "written" in t else any(f in text for f in number_forms(t["value"])))
    ]
    assert missing == []
    assert [c["name"] for c in gold["clusters"] if c["name"] not in text] == []
