"""The cities of the work-report gold (development and held out): sampling scripts leave them out,
so what they measure is text the gold does not score. Read from the gold files, never listed by hand."""

import json
from pathlib import Path

GOLD_ROOT = Path(__file__).resolve().parent / "gold"


def gold_cities():
    """Short names (市 removed) of every city with a gold report."""
    names = set()
    for path in GOLD_ROOT.glob("work_reports*/*.json"):
        city = json.loads(path.read_text(encoding="utf-8"))["path"].split("/")[0]
        names.add(city.removesuffix("市"))
    return names
