"""Promise against delivery: one city's figures on one metric, year by year.

A work report of year Y sets goals for Y (主要预期目标); the report of Y+1 states what Y
achieved. Put together, each year of a (city, metric, measure) series has a goal, a result,
and a verdict: met, missed, or not yet known. A goal that a later document states with a
different value is marked revised.

Plain Python over plain rows (anything with the attributes of `Point`'s source), so pages,
exports and tests share one definition and it runs without a database.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

MET, MISSED, PENDING = "met", "missed", "pending"

# "About 6%" (左右) is met by 5.8 % and missed by 5 %: within 5 % of the goal's own size.
ABOUT_TOLERANCE = Decimal("0.05")


@dataclass(frozen=True)
class Point:
    """One figure in a series, pointing back at the fact it comes from."""

    fact_id: int
    value: Decimal  # in base units (元, %, count), so 2.5万亿元 and 25000亿元 compare
    bound: str
    value_high: Decimal | None
    estimated: bool
    document_id: int
    document_date: object  # date of the document stating it, or None


@dataclass
class YearPoint:
    year: int
    goal: Point | None = None
    result: Point | None = None
    revised_goals: list = field(default_factory=list)  # earlier goals for the same year that a later one replaced

    @property
    def revised(self):
        return bool(self.revised_goals)

    def verdict(self, lower_is_better=False):
        if self.goal is None or self.result is None:
            return PENDING
        return MET if goal_met(self.goal, self.result.value, lower_is_better) else MISSED


@dataclass
class Series:
    city_id: int
    metric_key: str
    measure: str
    years: list  # YearPoint, by year

    def met_share(self, lower_is_better=False):
        judged = [p.verdict(lower_is_better) for p in self.years]
        judged = [v for v in judged if v != PENDING]
        return (sum(v == MET for v in judged) / len(judged)) if judged else None


def goal_met(goal: Point, result: Decimal, lower_is_better=False) -> bool:
    """Whether `result` keeps the promise `goal`, read by its bound (以上, 以内, 左右, a range)."""
    low, high = goal.value, goal.value_high if goal.value_high is not None else goal.value
    if goal.bound == "at_most" or (lower_is_better and goal.bound not in ("at_least",)):
        if goal.bound == "about":
            return result <= high + abs(high) * ABOUT_TOLERANCE
        return result <= high
    if goal.bound == "about":
        return result >= low - abs(low) * ABOUT_TOLERANCE
    return result >= low


def _point(row):
    return Point(
        fact_id=row.id,
        value=Decimal(row.base_value),
        bound=row.bound or "exact",
        value_high=_base_high(row),
        estimated=bool(row.estimated),
        document_id=row.document_id,
        document_date=getattr(row, "document_date", None),
    )


def _base_high(row):
    if row.value_high is None:
        return None
    # value_high is written in the same unit as value; scale it like value was scaled.
    scale = Decimal(row.base_value) / Decimal(row.value) if Decimal(row.value) else Decimal(1)
    return Decimal(row.value_high) * scale


def _order(point):
    """Later documents win; a final figure wins over an estimate from the same document; of two
    figures a document states alike, the first (the review's headline; fact ids follow the text)
    wins over a later mention."""
    return (
        point.document_date is not None,
        point.document_date or 0,
        not point.estimated,
        point.document_id,
        -point.fact_id,
    )


def build_series(rows) -> list:
    """Series for every (city, metric_key, measure) in `rows`, years in order.

    `rows` are targets with: id, city_id, metric_key, measure, kind ("target"/"actual"), year,
    value, base_value, value_high, bound, estimated, document_id and optionally document_date.
    Rows without a metric key or a year cannot be placed on a common axis and are left out.
    """
    grouped = defaultdict(lambda: defaultdict(lambda: {"target": [], "actual": []}))
    for row in rows:
        if not row.metric_key or not row.year or row.kind not in ("target", "actual"):
            continue
        grouped[(row.city_id, row.metric_key, row.measure or "")][row.year][row.kind].append(_point(row))
    out = []
    for (city_id, key, measure), by_year in sorted(
        grouped.items(), key=lambda item: (item[0][0], item[0][1], item[0][2])
    ):
        years = []
        for year in sorted(by_year):
            goals = sorted(by_year[year]["target"], key=_order)
            results = sorted(by_year[year]["actual"], key=_order)
            point = YearPoint(year=year, goal=goals[-1] if goals else None, result=results[-1] if results else None)
            point.revised_goals = [g for g in goals[:-1] if g.value != point.goal.value] if goals else []
            years.append(point)
        out.append(Series(city_id=city_id, metric_key=key, measure=measure, years=years))
    return out
