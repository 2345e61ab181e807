"""Extraction on real work reports of cities outside the held-out gold set; prints figures.

Usage: python bench/work_reports.py [/work/shared/corpus/work-reports] [N]
For each sampled report: is the city the folder's city, is the speaker found (an official
whose evidence lies before 各位代表), is the session found (a 人代会 meeting with a date), and
what share of the targets carry the kind/year their section says (review → actual of the
review year, plan → target of the plan year, unless the sentence names its own year).
"""

import os
import random
import re
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from apps.ingest.pipeline.extract import extract
from apps.ingest.pipeline.normalize import normalize
from apps.ingest.pipeline.segment import segment
from apps.ingest.pipeline.types import ArticleMeta
from bench.gold_cities import gold_cities

# The held-out gold cities: never sampled here.
GOLD = gold_cities()
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
EXPLICIT_YEAR = re.compile(r"20\d{2}年|十[四五]五")


def is_gold(folder):
    return any(folder == g or folder == g + "市" for g in GOLD)


def load(path):
    text = path.read_text(encoding="utf-8")
    meta = {}
    match = FRONT.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
        text = text[match.end() :]
    return text, ArticleMeta(url=meta.get("source", ""), title=meta.get("title", ""))


def sample(root, n, seed=7):
    folders = sorted(p for p in Path(root).iterdir() if p.is_dir() and not is_gold(p.name))
    rng = random.Random(seed)
    picked = rng.sample(folders, n)
    return [rng.choice(sorted(f.glob("*.md"))) for f in picked]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/work-reports"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    verbose = "-v" in sys.argv
    totals = {"city": 0, "speaker": 0, "session": 0, "targets": 0, "targets_right": 0}
    paths = sample(root, n, seed=int(os.environ.get("SEED", "7")))
    for path in paths:
        text, meta = load(path)
        normalized = normalize(text)
        result = extract(normalized, segment(normalized.text), meta)
        body = normalized.text
        header_end = body.find("各位代表")
        header_end = header_end if header_end > 0 else 400
        city_ok = bool(result.city) and path.parent.name.startswith(result.city.name)
        speaker_ok = any(o.evidence.start < header_end for o in result.officials)
        session_ok = any(m.kind == "人代会" and m.date for m in result.meetings)
        year = int(path.stem)
        right = 0
        plan_at = _plan_start(body)
        periods = [m.start() for m in PERIOD_HEADING.finditer(body) if not LOOKS_BACK.search(m.group(0))]
        for t in result.targets:
            start = t.evidence.start
            in_plan = plan_at is not None and start >= plan_at
            in_period = any(p <= start for p in periods) and max(p for p in periods if p <= start) > (
                plan_at if in_plan else -1
            )
            if in_period or EXPLICIT_YEAR.search(t.evidence.text):
                right += t.year is not None  # a five-year plan's goals, or a year the sentence gives
            elif in_plan:
                right += (t.kind, t.year) == ("target", year)
            else:
                right += (t.kind, t.year) == ("actual", year - 1)
        totals["city"] += city_ok
        totals["speaker"] += speaker_ok
        totals["session"] += session_ok
        totals["targets"] += len(result.targets)
        totals["targets_right"] += right
        if verbose:
            print(
                f"{path.parent.name}/{path.name}: city={result.city.name if result.city else None} "
                f"speaker={speaker_ok} session={session_ok} targets={right}/{len(result.targets)} genre={result.genre}"
            )
    print(
        f"reports {len(paths)}: city {totals['city']}/{len(paths)}, speaker {totals['speaker']}/{len(paths)}, "
        f"session {totals['session']}/{len(paths)}, targets kind/year as section {totals['targets_right']}/"
        f"{totals['targets']} = {totals['targets_right'] / max(1, totals['targets']):.2f}"
    )


PLAN_HEADING = re.compile(
    r"(?m)^[*\s]*(?:[一二三四五六七八九十]+、)?[^。\n]{0,20}(?:20\d{2}年|今年)[^。\n]{0,10}"
    r"(?:工作|目标|任务)[^。\n]{0,16}$"
)
PERIOD_HEADING = re.compile(
    r"(?m)^[*\s]*(?:[一二三四五六七八九十]+、)?[^。\n]{0,8}(?:十[三四五]五|今后五年|未来五年)[^。\n]{0,20}$"
)
LOOKS_BACK = re.compile(r"回顾|成效|成绩|过去|总结")


def _plan_start(text):
    """Independent of the extractor: the first heading line (after the first fifth) that names
    the year's work and does not look back."""
    for match in PLAN_HEADING.finditer(text, len(text) // 5):
        if not LOOKS_BACK.search(match.group(0)):
            return match.start()
    return None


if __name__ == "__main__":
    main()
