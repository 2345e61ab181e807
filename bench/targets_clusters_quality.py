"""Figures on real government work reports (not in the repository): how many targets have a
junk metric, how many are mapped to a metric key, and the clusters found, for hand review.

    python bench/targets_clusters_quality.py /work/shared/corpus/work-reports [--count 30] [--dump out.json]

Reports of the held-out gold cities are skipped. Prints figures; asserts nothing.
"""

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from apps.ingest.pipeline.extract import extract
from apps.ingest.pipeline.normalize import normalize
from apps.ingest.pipeline.segment import segment
from bench.gold_cities import gold_cities

HELD_OUT = gold_cities()
# A junk metric is a fragment, not a noun phrase: a number at either end, a list word (分别, 同比, 年均),
# a leading verb, or one bare generic word that says nothing of what is counted.
JUNK = re.compile(r"^[\d.%％]|[\d.%％]$|分别|同比|年均|^(?:增长|下降|提高|达到|突破|其中|全年|累计|末|以上|和|及)")
BARE = {"企业", "项目", "产业", "产品", "投资", "产值", "规模", "总量", "总额", "时期", "末", "个", "家"}


def reports(root, count):
    cities = sorted(d for d in Path(root).iterdir() if d.is_dir() and d.name.removesuffix("市") not in HELD_OUT)
    step = max(1, len(cities) // count)
    for city in cities[::step][:count]:
        latest = sorted(city.glob("*.md"))[-1]
        yield latest


def body(path):
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)


def junk(metric, unit):
    return len(metric) < 2 or metric == unit or metric in BARE or bool(JUNK.search(metric))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--dump")
    args = parser.parse_args()
    targets = clusters = junk_count = mapped = with_digit = 0
    dump = []
    for path in reports(args.root, args.count):
        normalized = normalize(body(path))
        extraction = extract(normalized, segment(normalized.text))
        for t in extraction.targets:
            targets += 1
            junk_count += junk(t.metric, t.unit)
            mapped += bool(getattr(t, "metric_key", ""))
            with_digit += bool(re.search(r"\d", t.metric))
        clusters += len(extraction.clusters)
        dump.append(
            {
                "report": f"{path.parent.name}/{path.name}",
                "targets": [
                    {
                        "metric": t.metric,
                        "value": str(t.value),
                        "unit": t.unit,
                        "kind": t.kind,
                        "year": t.year,
                        "key": t.metric_key,
                        "measure": t.measure,
                        "bound": t.bound,
                        "junk": junk(t.metric, t.unit),
                        "evidence": t.evidence.text[:80],
                    }
                    for t in extraction.targets
                ],
                "clusters": [
                    {"name": c.name, "tier": c.tier, "evidence": c.evidence.text[:60]} for c in extraction.clusters
                ],
            }
        )
    print(
        f"reports={len(dump)} targets={targets} junk_metric={junk_count} ({junk_count / max(targets, 1):.1%}) "
        f"mapped={mapped} ({mapped / max(targets, 1):.1%}) metric_with_a_number={with_digit} "
        f"({with_digit / max(targets, 1):.1%}) clusters={clusters}"
    )
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
