"""Share of work-report targets mapped to a metric key (apps/atlas/data/metrics.json); prints figures.

Runs the pure pipeline (normalize → segment → extract, no database) over every report of the
work-report corpus with a pool of worker processes, and prints the share of targets whose
metric_key is set, overall and for kind=target. `--top N` also lists the N written metrics most
often left unmapped (to see which common metrics the taxonomy lacks); `--skip-holdout` leaves out
the held-out gold cities (docs/gold.md) so that list is never read from them.

    python bench/metric_coverage.py [CORPUS] [--processes 2] [--limit N] [--top N] [--skip-holdout]
"""

import argparse
import os
import re
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
# The held-out work-report gold (docs/gold.md): kept out of any list used to choose taxonomy entries.
HOLDOUT = (
    "乌海",
    "亳州",
    "佛山",
    "儋州",
    "六安",
    "南充",
    "南宁",
    "南平",
    "博尔塔拉",
    "广元",
    "惠州",
    "文山",
    "淮安",
    "湘西",
    "白山",
    "福州",
    "通辽",
    "金昌",
    "铜陵",
    "韶关",
)


def default_corpus():
    for parent in ROOT.parents:
        candidate = parent / "shared" / "corpus" / "work-reports"
        if candidate.is_dir():
            return candidate
    return Path("/work/shared/corpus/work-reports")


def _setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-metric-coverage-" + "x" * 40)
    import django

    django.setup()


def _load(path):
    from apps.ingest.pipeline.types import ArticleMeta

    text = path.read_text(encoding="utf-8")
    meta = {}
    match = FRONT.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
        text = text[match.end() :]
    return text, ArticleMeta(url=meta.get("source", ""), title=meta.get("title", ""))


def measure(path):
    """(targets, mapped, goals, goals mapped, unmapped metrics) for one report."""
    from apps.ingest.pipeline.extract import extract
    from apps.ingest.pipeline.normalize import normalize
    from apps.ingest.pipeline.segment import segment

    text, meta = _load(Path(path))
    normalized = normalize(text)
    result = extract(normalized, segment(normalized.text), meta)
    targets = result.targets
    goals = [t for t in targets if t.kind == "target"]
    return (
        len(targets),
        sum(bool(t.metric_key) for t in targets),
        len(goals),
        sum(bool(t.metric_key) for t in goals),
        [t.metric for t in targets if not t.metric_key],
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=None)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="only the first N reports (0 = all)")
    parser.add_argument("--top", type=int, default=0, help="list the N most common unmapped metrics")
    parser.add_argument("--skip-holdout", action="store_true")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus) if args.corpus else default_corpus()
    paths = sorted(corpus.glob("*/*.md"))
    if args.skip_holdout:
        paths = [p for p in paths if not p.parent.name.startswith(HOLDOUT)]
    if args.limit:
        paths = paths[:: max(1, len(paths) // args.limit)][: args.limit]
    started = time.perf_counter()
    totals, unmapped = [0, 0, 0, 0], Counter()
    with Pool(args.processes, initializer=_setup) as pool:
        for result in pool.imap_unordered(measure, [str(p) for p in paths], chunksize=4):
            for i in range(4):
                totals[i] += result[i]
            unmapped.update(result[4])
    targets, mapped, goals, goals_mapped = totals
    print(f"reports={len(paths)} seconds={time.perf_counter() - started:.0f} processes={args.processes}")
    print(f"targets={targets} with_metric_key={mapped} share={mapped / max(1, targets):.3f}")
    print(f"kind=target: targets={goals} with_metric_key={goals_mapped} share={goals_mapped / max(1, goals):.3f}")
    for metric, count in unmapped.most_common(args.top):
        print(f"{count:6d}  {metric}")


if __name__ == "__main__":
    main()
