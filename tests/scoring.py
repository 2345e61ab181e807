"""F1 of exported facts against gold files, by the rules in the gold README (money in yuan, clusters by name)."""

import json
import re
from pathlib import Path

MONEY = {"元": 1, "万元": 1e4, "亿元": 1e8, "万亿元": 1e12}
SUFFIX = re.compile(r"(产业集群|产业链|集群|产业|行业|领域)$")


def _city_key(name):
    name = (name or "").strip()
    return name[:-1] if len(name) > 2 and name.endswith(("市", "县", "区")) else name


def _cluster_key(name):
    stripped = SUFFIX.sub("", re.sub(r"\s+", "", name or ""))
    return (stripped if len(stripped) >= 2 else name).upper()


def _same_cluster(a, b):
    a, b = _cluster_key(a), _cluster_key(b)
    return a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a))


def _quantity(value, unit):
    if unit in MONEY:
        return "money", float(value) * MONEY[unit]
    return ("percent" if unit == "%" else "rank" if unit in ("位", "名") else "count"), float(value)


def _same_quantity(a, b):
    return a[0] == b[0] and abs(a[1] - b[1]) <= 0.005 * max(abs(b[1]), 1e-9)


def _matches(predicted, gold, same):
    used, hits = set(), 0
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and same(p, g):
                used.add(i)
                hits += 1
                break
    return hits


def _f1(hits, n_pred, n_gold):
    precision = hits / n_pred if n_pred else float(not n_gold)
    recall = hits / n_gold if n_gold else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(export, gold_dir):
    by_source = {}
    for city in export["cities"]:
        for kind in ("meetings", "officials", "clusters", "targets"):
            for fact in city[kind]:
                by_source.setdefault(Path(fact["source"]).stem, {}).setdefault(kind, []).append(fact)
    cities = {Path(d["source"]).stem: d["city"] for d in export["documents"]}
    totals = {kind: [0, 0, 0] for kind in ("meetings", "officials", "clusters", "targets")}
    city_hits = files = 0
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        facts = by_source.get(gold_file.stem, {})
        files += 1
        city_hits += _city_key(cities.get(gold_file.stem)) == _city_key(gold["city"])
        pairs = {
            "meetings": (
                sorted({m["date"] for m in facts.get("meetings", []) if m["date"]}),
                [m["date"] for m in gold["meetings"] if m.get("date")],
                lambda p, g: p == g,
            ),
            "officials": (
                sorted({o["name"] for o in facts.get("officials", [])}),
                sorted({o["name"] for o in gold["officials"]}),
                lambda p, g: p == g,
            ),
            "clusters": (
                sorted({c["name"] for c in facts.get("clusters", [])}),
                [c["name"] for c in gold["clusters"]],
                _same_cluster,
            ),
            "targets": (
                [_quantity(t["value"], t["unit"]) for t in facts.get("targets", [])],
                [_quantity(t["value"], t["unit"]) for t in gold["targets"]],
                _same_quantity,
            ),
        }
        for kind, (predicted, expected, same) in pairs.items():
            totals[kind][0] += _matches(predicted, expected, same)
            totals[kind][1] += len(predicted)
            totals[kind][2] += len(expected)
    result = {kind: _f1(*counts) for kind, counts in totals.items()}
    result["city"] = city_hits / files if files else 0.0
    return result
