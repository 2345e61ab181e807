"""What the visitor asked the map to show, read from the query string.

?metric=<key>&measure=<m>&year=<Y>&kind=target|actual colours cities by one figure;
?tag=<slug> by their clusters of one industry. Unknown values are dropped with a notice, never
an error, and a page without parameters shows the metric most cities have (or, without any
metric, the most widespread industry).
"""

from collections import Counter
from dataclasses import dataclass, field

from apps.atlas.models import Target

METRIC, TAG, NONE = "metric", "tag", "none"
KINDS = (Target.Kind.ACTUAL, Target.Kind.TARGET)


@dataclass
class Selection:
    mode: str = NONE
    metric_key: str = ""
    measure: str = ""
    kind: str = Target.Kind.ACTUAL
    year: int | None = None
    requested_year: str = ""
    tag: object = None  # IndustryTag
    notices: list = field(default_factory=list)

    def query(self):
        """The query string parameters that ask for this selection again."""
        if self.mode == METRIC:
            return {"metric": self.metric_key, "measure": self.measure, "kind": self.kind, "year": self.year or ""}
        if self.mode == TAG:
            return {"tag": self.tag.slug}
        return {}


def select(params, metrics, tags):
    """A Selection from cleaned query parameters, the metric choices [{metric_key, measure, cities}] and tags."""
    selection = Selection()
    key, measure, slug = params.get("metric", ""), params.get("measure", ""), params.get("tag", "")
    measures_of = {}
    for row in metrics:  # most cities first, so each key's first measure is its most common one
        measures_of.setdefault(row["metric_key"], []).append(row["measure"])
    kind = params.get("kind", "")
    if kind and kind not in KINDS:
        selection.notices.append(f"已忽略未知类型“{kind}” — unknown kind ignored (target or actual)")
        kind = ""
    selection.kind = kind or Target.Kind.ACTUAL
    selection.requested_year = params.get("year", "")

    if key and key not in measures_of:
        selection.notices.append(f"已忽略未知指标“{key}” — unknown metric ignored")
        key = ""
    tag = None
    if slug:
        tag = next((tag for tag in tags if tag.slug == slug), None)
        if tag is None:
            selection.notices.append(f"已忽略未知产业“{slug}” — unknown industry ignored")
    if key and tag:
        selection.notices.append(
            "同时指定了指标与产业，按指标着色 — both a metric and an industry: coloured by the metric"
        )
        tag = None
    if not key and not tag:
        if metrics:
            key = metrics[0]["metric_key"]
        elif tags_in_use := [tag for tag in tags if tag.cities]:
            tag = max(tags_in_use, key=lambda tag: tag.cities)
    if key:
        selection.mode, selection.metric_key = METRIC, key
        if measure and measure not in measures_of[key]:
            selection.notices.append(
                f"指标“{key}”没有“{measure}”类数据，已改用“{measures_of[key][0]}” — measure not available"
            )
            measure = ""
        selection.measure = measure or measures_of[key][0]
    elif tag:
        selection.mode, selection.tag = TAG, tag
    return selection


def choose_year(selection, cities_per_year):
    """Set selection.year: the asked year when it has figures, else the year most cities have (the latest on ties)."""
    counts = Counter(cities_per_year)
    requested = selection.requested_year
    if requested:
        if requested.isdigit() and int(requested) in counts:
            selection.year = int(requested)
            return selection
        selection.notices.append(f"“{requested}”年没有该数据，已改用数据最多的年份 — no figures for that year")
    if counts:
        selection.year = max(counts, key=lambda year: (counts[year], year))
    return selection
