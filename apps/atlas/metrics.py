"""The metric taxonomy in data/metrics.json: a written metric (地区生产总值, 规上工业增加值 …) and the
words around its figure → (metric_key, measure).

A figure of 地区生产总值 may be a level (5000亿元) or a growth (增长6%); the taxonomy says what a
metric usually measures and the figure's context decides. A fall (下降3%) is a growth with a
negative value: `signed_growth` tells the caller to negate it. Plain Python, no Django, so the
ingest pipeline can use it; the look-up is built once per process.
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

METRICS_FILE = Path(__file__).resolve().parent / "data" / "metrics.json"

# What a figure's own words say it measures; these are grammar of the genre, not entries.
GROWTH_BEFORE = re.compile(r"(?:增长|增|增加|提高|提升|上涨|上升|扩大|涨|回升)(?:了)?(?:达到?|约|近|超过?)?$")
DECLINE_BEFORE = re.compile(r"(?:下降|降低|减少|回落|下滑|降|减)(?:了)?(?:达到?|约|近|超过?)?$")
GROWTH_METRIC = re.compile(r"(?:增速|增幅|涨幅|增长率|降幅|降低率|下降率)$")
SHARE_BEFORE = re.compile(r"占[^，,；;]{0,12}$")
SHARE_METRIC = re.compile(r"(?:率|比重|占比|比例|份额|覆盖面)$")
COUNT_UNITS = {"家", "个", "项", "座", "所", "条", "名", "人", "户", "台", "套", "款", "万人", "万户", "人次", "万人次"}
RANK_UNITS = {"位", "名"}


@dataclass(frozen=True)
class Metric:
    key: str
    name_zh: str
    name_en: str
    measure: str
    unit: str


class MetricIndex:
    """Every synonym and pattern of the taxonomy in two compiled expressions."""

    def __init__(self, path=METRICS_FILE):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        self.entries = data["metrics"]
        self.by_key = {
            e["key"]: Metric(e["key"], e["name_zh"], e["name_en"], e["measure"], e["unit"]) for e in self.entries
        }
        self.synonym_key = {}
        for entry in self.entries:
            for synonym in (entry["name_zh"], *entry["synonyms"]):
                self.synonym_key.setdefault(synonym.upper(), entry["key"])
        words = sorted(self.synonym_key, key=len, reverse=True)
        self.synonyms = re.compile("|".join(map(re.escape, words)))
        self.patterns = [(re.compile(p), e["key"]) for e in self.entries for p in e.get("patterns", [])]
        # The synonym matching at each position of a text, found in one scan: a lookahead lets
        # finditer stop at every position where some synonym starts (the longest, as match() gives).
        self.synonyms_at = re.compile(f"(?=({self.synonyms.pattern}))")
        self._found = {}

    def lookup(self, metric):
        """The Metric the written metric names, or None; the longest match anywhere in it wins."""
        # A page (and a corpus) writes the same metrics again and again: each text is looked up once.
        text = (metric or "").upper()
        if text not in self._found:
            if len(self._found) >= 100_000:
                self._found.clear()  # a long batch: bounded memory
            self._found[text] = self._lookup(text)
        return self._found[text]

    def _lookup(self, text):
        # In "制造业增加值占GDP比重", "工业对GDP贡献率" what follows 占/对 is what the figure is measured
        # against, not the metric.
        against = [i for i in (text.find("占"), text.find("对GDP"), text.find("对地区生产总值")) if i > 0]
        limit = min(against, default=len(text))
        best = None  # (length, -start, key)
        for match in self.synonyms_at.finditer(text):
            if match.start() >= limit:
                break  # (a synonym starting before the limit may run past it: the text is not cut)
            synonym = match.group(1)
            candidate = (len(synonym), -match.start(), self.synonym_key[synonym])
            best = max(best, candidate) if best else candidate
        for pattern, key in self.patterns:
            match = pattern.search(text)
            if match:
                candidate = (match.end() - match.start(), -match.start(), key)
                best = max(best, candidate) if best else candidate
        return self.by_key[best[2]] if best else None


@lru_cache(maxsize=1)
def metric_index():
    return MetricIndex()


def measure_of(metric, unit, before="", entry=None):
    """(measure, signed_growth): what the figure measures, and -1 when it states a fall.

    `before` is the text right before the number (…增长, …下降, …达到); `entry` the Metric found.
    """
    before = before.rstrip(" 　")
    if unit in RANK_UNITS and (unit == "位" or before.endswith("第")):
        return "ranking", 1
    if unit == "%":
        if DECLINE_BEFORE.search(before):
            return "growth", -1
        if GROWTH_BEFORE.search(before) or GROWTH_METRIC.search(metric or ""):
            return "growth", 1
        if SHARE_BEFORE.search(before):
            return "share", 1  # 工业投资分别占全市的51.7%
        if entry and entry.measure in ("share", "intensity", "growth"):
            return entry.measure, 1
        if re.search(r"强度$", metric or ""):
            return "intensity", 1
        return ("share" if SHARE_METRIC.search(metric or "") or entry is None else "growth"), 1
    if unit in COUNT_UNITS:
        return "count", 1
    if entry and entry.measure == "count" and unit == "个":
        return "count", 1
    return "level", 1


def classify(metric, unit="", before=""):
    """(metric_key, measure, sign) for a written metric and its figure; key is "" when none fits."""
    entry = metric_index().lookup(metric)
    measure, sign = measure_of(metric, unit, before, entry)
    return (entry.key if entry else ""), measure, sign
