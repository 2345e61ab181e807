"""Print one metric's series for a few cities straight from their work reports, for a hand check.

Runs the pure pipeline (no database) on every report of each city, keeps the figures of one
metric key and measure, builds the series as the pages do (apps.atlas.series.build_series) and
prints, year by year, the goal, the result, the verdict and the passage each comes from. The
report of year Y sets Y's goals and reviews Y-1. docs/series-check.md is this output checked by
hand against the reports.

    python bench/series_check.py 南通市 烟台市 [--key gdp] [--measure growth] [--from 2019] [--corpus DIR]
"""

import argparse
import sys
from datetime import date
from itertools import count
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.score_work_reports import find_corpus, run_pipeline, setup_pipeline

BOUND_WORDS = {"at_least": "{}以上", "at_most": "{}以内", "about": "{}左右", "exact": "{}"}


def city_rows(city_dir, key, measure, read, process, ids):
    """Rows as apps.metrics.queries.city_figures gives them: ids in text order, the report year as date."""
    rows = []
    for path in sorted(city_dir.glob("*.md")):
        _, extraction = run_pipeline(read, process, path)
        for fact in extraction.targets:
            if (fact.metric_key, fact.measure) != (key, measure):
                continue
            rows.append(
                SimpleNamespace(
                    id=next(ids),
                    city_id=city_dir.name,
                    metric_key=key,
                    measure=measure,
                    kind=fact.kind,
                    year=fact.year,
                    value=fact.value,
                    base_value=fact.value,
                    value_high=fact.value_high,
                    bound=fact.bound,
                    estimated=fact.estimated,
                    document_id=path.stem,
                    document_date=extraction.reference_date or date(int(path.stem), 1, 1),
                    evidence=fact.evidence.text,
                )
            )
    return rows


def goal_words(row):
    if row.bound == "range" and row.value_high is not None:
        return f"{row.value}–{row.value_high}"
    return BOUND_WORDS.get(row.bound, "{}").format(row.value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cities", nargs="+", help="folder names under the corpus, e.g. 南通市")
    parser.add_argument("--key", default="gdp")
    parser.add_argument("--measure", default="growth")
    parser.add_argument("--from", dest="first", type=int, default=0, help="first year to print")
    parser.add_argument("--corpus")
    args = parser.parse_args()
    read, process = setup_pipeline()
    from apps.atlas.series import build_series

    corpus, ids = find_corpus(args.corpus), count(1)
    for city in args.cities:
        rows = city_rows(corpus / city, args.key, args.measure, read, process, ids)
        by_id = {row.id: row for row in rows}
        print(f"== {city} {args.key}/{args.measure}")
        for series in build_series(rows):
            for point in series.years:
                if point.year < args.first:
                    continue
                goal = by_id[point.goal.fact_id] if point.goal else None
                result = by_id[point.result.fact_id] if point.result else None
                print(
                    f"{point.year}: goal {goal_words(goal) + ' [' + goal.document_id + ']' if goal else '—':<20}"
                    f" result {str(result.value) + ('~' if result.estimated else '') + ' [' + result.document_id + ']' if result else '—':<16}"
                    f" {point.verdict()}{' revised' if point.revised else ''}"
                )
                for label, row in (("goal", goal), ("result", result)):
                    if row:
                        print(f"      {label}: {row.evidence[:100]}")


if __name__ == "__main__":
    main()
