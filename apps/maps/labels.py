"""Names to show for metric keys, measures and kinds.

The metric taxonomy (apps/atlas/data/metrics.json) names each key in Chinese and English; for a
key it lacks (or a taxonomy file that is missing), the key itself is the name.
"""

import json
from functools import lru_cache
from pathlib import Path

from apps.atlas.metrics import METRICS_FILE
from apps.atlas.models import Target

KIND_LABELS = {Target.Kind.TARGET: "目标 goal", Target.Kind.ACTUAL: "实际 result"}
MEASURE_LABELS = dict(Target.Measure.choices)


@lru_cache(maxsize=4)
def metric_names(path=METRICS_FILE):
    """{key: "名称 English name"} from the taxonomy file, or {} while there is none."""
    try:
        entries = json.loads(Path(path).read_text(encoding="utf-8"))["metrics"]
    except FileNotFoundError:
        return {}
    return {entry["key"]: f"{entry['name_zh']} {entry['name_en']}".strip() for entry in entries}


def metric_label(key, names=None):
    names = metric_names() if names is None else names
    return names.get(key, key)


def measure_label(measure):
    return MEASURE_LABELS.get(measure, measure or "—")
