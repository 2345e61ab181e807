"""Extraction on real text, scored against the hand-checked gold built from it (docs/gold.md,
docs/gold-news.md). The floors sit just under today's figures, so a change that makes real
extraction worse fails here; raise them as the extractor improves. The held-out sets were
never used to tune a rule: their floors guard the honest estimate for unseen text."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.ingest.test_gold_work_reports import SCORER
from tests.scoring import score

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


# set: (gold folder, floors)
WORK_REPORT_FLOORS = {
    "dev": (
        "work_reports",
        {"city": 0.97, "speaker": 0.97, "session": 0.97, "goals_f1": 0.98, "goals_kind_year": 0.98, "actuals": 0.95},
    ),
    # Drawn for the goal headings, prefectures and datelines the first set stopped showing (docs/gold.md).
    "dev2": (
        "work_reports_dev2",
        {"city": 0.95, "speaker": 0.95, "session": 0.95, "goals_f1": 0.98, "goals_kind_year": 0.98, "actuals": 0.97},
    ),
    "held-out": (
        "work_reports_holdout",
        {"city": 0.9, "speaker": 0.95, "session": 0.95, "goals_f1": 0.95, "goals_kind_year": 0.9, "actuals": 0.95},
    ),
}


@pytest.mark.parametrize("name", WORK_REPORT_FLOORS)
def test_work_reports_keep_their_scores(name):
    scorer = SCORER
    corpus = scorer.find_corpus()
    if not corpus.is_dir():
        pytest.skip(f"the work-report corpus is not at {corpus} (see README: clone its public repository)")
    folder, floors = WORK_REPORT_FLOORS[name]
    read, process = scorer.setup_pipeline()
    scores = [
        scorer.score_report(gold, *scorer.run_pipeline(read, process, corpus / gold["path"]))
        for gold in scorer.load_gold(ROOT / "bench" / "gold" / folder)
    ]
    summary = scorer.summarize(scores)
    short = {key: round(summary[key], 3) for key, floor in floors.items() if summary[key] < floor}
    assert not short, (name, short)


NEWS_FLOORS = {
    "realnews": {"city": 0.97, "meetings": 0.87, "officials": 0.97, "clusters": 0.88, "targets": 0.93},
    "realnews_dev2": {"city": 0.97, "meetings": 0.92, "officials": 0.97, "clusters": 0.92, "targets": 0.95},
    # Drawn for counties' signings and ceremonies (dev3) and prefectures, 州 and 盟 (dev4); docs/gold-news.md.
    "realnews_dev3": {"city": 0.97, "meetings": 0.88, "officials": 0.97, "clusters": 0.9, "targets": 0.95},
    "realnews_dev4": {"city": 0.97, "meetings": 0.93, "officials": 0.97, "clusters": 0.93, "targets": 0.89},
    # First scored untouched at 389d631 (dev5 0.88/0.88/0.94/0.71/0.86, dev6 0.95/0.57/0.95/0.71/0.81).
    "realnews_dev5": {"city": 0.97, "meetings": 0.9, "officials": 0.94, "clusters": 0.86, "targets": 0.84},
    "realnews_dev6": {"city": 0.92, "meetings": 0.97, "officials": 0.97, "clusters": 0.9, "targets": 0.83},
    # First scored untouched at 434f5ed (dev7 0.90/0.62/0.78/0.87/0.77, dev8 0.75/0.20/0.78/0.56/0.79).
    "realnews_dev7": {"city": 0.97, "meetings": 0.97, "officials": 0.97, "clusters": 0.9, "targets": 0.84},
    "realnews_dev8": {"city": 0.87, "meetings": 0.77, "officials": 0.83, "clusters": 0.8, "targets": 0.86},
    # Industry chains at county/district level; untouched at 358d799 0.82/0.75/0.90/0.22/0.81 (docs/gold-news.md).
    # Targets floors of dev3, dev9-dev11 raised after round targ16 (0.98, 0.78, 0.90, 0.94 − 0.03);
    # clusters floors of dev9/dev10/dev11 after clus17 (0.81/0.84/0.83, less 0.03);
    # meetings floors after meet16 (dev9 1.00, dev10 0.82, dev11 0.94, less 0.03).
    # city floors of dev9/dev10/dev11 after city17 (0.91/0.91/0.86, less 0.03); dev9 officials 0.95 and targets 0.83 too.
    "realnews_dev10": {"city": 0.88, "meetings": 0.79, "officials": 0.87, "clusters": 0.81, "targets": 0.87},
    # First scored untouched at 358d799 (0.818/0.824/0.905/0.611/0.888); floors are those − 0.03.
    "realnews_dev11": {"city": 0.83, "meetings": 0.91, "officials": 0.91, "clusters": 0.8, "targets": 0.91},
    # First scored untouched at 358d799 (gold ae32c28): 0.77/0.82/0.94/0.72/0.70; floors 0.03 under.
    "realnews_dev9": {"city": 0.88, "meetings": 0.97, "officials": 0.94, "clusters": 0.78, "targets": 0.8},
    # Meetings and officials on unseen pages; untouched at 4f2a602 (gold d0ab39b) 0.86/0.60/0.72/0.94/0.87.
    # meetings floor after meet18 (0.96 − 0.03).
    "realnews_dev13": {"city": 0.92, "meetings": 0.93, "officials": 0.83, "clusters": 0.9, "targets": 0.88},
    # Industry lists with non-industries, and round-ups with goals and years; untouched at 4f2a602
    # (gold 4c3e831) 1.00/0.80/0.957/0.710/0.852, floors 0.03 under, rounded down.
    "realnews_dev12": {"city": 0.97, "meetings": 0.77, "officials": 0.97, "clusters": 0.85, "targets": 0.83},
    "realnews_holdout": {"city": 0.9, "meetings": 0.97, "officials": 0.92, "clusters": 0.8, "targets": 0.83},
    "holdout2": {"city": 0.93, "meetings": 0.75, "officials": 0.85, "clusters": 0.75, "targets": 0.85},
    # Scored once untouched (0.92/0.67/0.89/0.56/0.74), totals only; nobody reads its misses.
    "holdout3": {"city": 0.93, "meetings": 0.63, "officials": 0.95, "clusters": 0.64, "targets": 0.72},
    # Untouched 0.83/0.82/0.83/0.41/0.83 (clusters 0.61 after the lexicon signal), totals only.
    "holdout4": {"city": 0.8, "meetings": 0.78, "officials": 0.8, "clusters": 0.57, "targets": 0.8},
    # Written last this stop; untouched at 6be4d1c (and the same at 389d631) 0.77/0.76/0.95/0.37/0.81, totals only.
    "holdout5": {"city": 0.78, "meetings": 0.83, "officials": 0.92, "clusters": 0.34, "targets": 0.77},
    # Untouched at a1a745c 0.88/0.83/0.83/0.45/0.74 (years 0.85), totals only.
    "holdout6": {"city": 0.85, "meetings": 0.8, "officials": 0.8, "clusters": 0.42, "targets": 0.71},
    # Untouched at f1e0806 (the base of this stop's tuning rounds) 0.83/0.86/0.87/0.27/0.85 (years 0.74), totals only.
    "holdout7": {"city": 0.8, "meetings": 0.83, "officials": 0.84, "clusters": 0.24, "targets": 0.82},
    # Untouched at 4f2a602, totals only: 0.83/0.73/0.92/0.85/0.76 (years 0.78).
    "holdout8": {"city": 0.8, "meetings": 0.69, "officials": 0.88, "clusters": 0.81, "targets": 0.73},
    # Untouched at ba166fc, totals only: 0.913/0.714/0.911/0.571/0.677 (years 0.50); floors 0.03 under, rounded down.
    # Lowered once, for meetings only: round city18 gave two of its pages their right place (city 0.91 → 0.96,
    # officials 0.91 → 0.97) and with it one meeting fewer (0.714 → 0.667); the trade was kept, not tuned away.
    "holdout9": {"city": 0.88, "meetings": 0.64, "officials": 0.88, "clusters": 0.54, "targets": 0.64},
}


@pytest.mark.parametrize("batch", NEWS_FLOORS)
def test_real_news_keeps_its_scores(db, batch):
    call_command("ingest", str(FIXTURES / batch), "--quiet", stdout=StringIO(), stderr=StringIO())
    out = StringIO()
    call_command("export_facts", stdout=out)
    result = score(json.loads(out.getvalue()), FIXTURES / f"{batch}_gold")
    short = {kind: round(result[kind], 3) for kind, floor in NEWS_FLOORS[batch].items() if result[kind] < floor}
    assert not short, (batch, short)
