"""Series and ranked rows as pages show them: figures on their family's scale, with words.

apps.atlas.series decides goals, results and verdicts in base units (元, %); this module only
scales them (money in 亿元), writes them for people ('4,900亿元以上', '52.3%') and picks what a
profile or a comparison shows.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from apps.atlas.metrics import metric_index
from apps.atlas.series import ABOUT_TOLERANCE, MET, MISSED, PENDING, build_series
from apps.dashboard.units import COUNT, FAMILY_OF_BASE_UNIT, human_number

VERDICT_LABELS = {MET: "✓ 达成 met", MISSED: "✗ 未达成 missed", PENDING: "待定 pending"}
MEASURE_LABELS = {
    "level": "总量 level",
    "growth": "增速 growth",
    "share": "占比 share",
    "count": "数量 count",
    "ranking": "排名 ranking",
    "intensity": "强度 intensity",
    "": "未分类 unclassified",
}
BOUND_WORDS = {"at_least": "{}以上", "at_most": "{}以内", "about": "{}左右"}
MAIN_METRICS = 6  # goal-against-result charts on a city profile


def family_of_row(row):
    return FAMILY_OF_BASE_UNIT.get(row.base_unit, COUNT)


def unit_of(row):
    family = family_of_row(row)
    return family.unit or ("" if row.unit == "count" else row.unit)


def scaled(base_value, row):
    return Decimal(base_value) / family_of_row(row).divisor


def figure_text(number, row):
    return f"{human_number(number)}{unit_of(row)}"


def goal_text(point, row):
    """'4,900亿元以上', '6%左右', '6–6.5%', '5,000亿元'."""
    low = scaled(point.value, row)
    if point.bound == "range" and point.value_high is not None:
        return f"{human_number(low)}–{figure_text(scaled(point.value_high, row), row)}"
    return BOUND_WORDS.get(point.bound, "{}").format(figure_text(low, row))


def goal_span(point, row):
    """(low, high) the goal's marker whiskers span: a range's ends, 左右's tolerance, else the value."""
    value = scaled(point.value, row)
    if point.bound == "range" and point.value_high is not None:
        return value, scaled(point.value_high, row)
    if point.bound == "about":
        return value - abs(value) * ABOUT_TOLERANCE, value + abs(value) * ABOUT_TOLERANCE
    return value, value


@dataclass
class YearFigure:
    year: int
    goal: Decimal | None
    goal_low: Decimal | None
    goal_high: Decimal | None
    bound: str
    goal_text: str
    result: Decimal | None
    result_text: str
    verdict: str
    revised: bool
    goal_id: int | None = None
    result_id: int | None = None

    @property
    def verdict_label(self):
        return VERDICT_LABELS[self.verdict]


def year_figures(series, rows_by_id):
    out = []
    for point in series.years:
        goal_row = rows_by_id.get(point.goal.fact_id) if point.goal else None
        result_row = rows_by_id.get(point.result.fact_id) if point.result else None
        low, high = goal_span(point.goal, goal_row) if goal_row else (None, None)
        out.append(
            YearFigure(
                year=point.year,
                goal=scaled(point.goal.value, goal_row) if goal_row else None,
                goal_low=low,
                goal_high=high,
                bound=point.goal.bound if point.goal else "",
                goal_text=goal_text(point.goal, goal_row) if goal_row else "",
                result=scaled(point.result.value, result_row) if result_row else None,
                result_text=figure_text(scaled(point.result.value, result_row), result_row) if result_row else "",
                verdict=point.verdict(),
                revised=point.revised,
                goal_id=point.goal.fact_id if point.goal else None,
                result_id=point.result.fact_id if point.result else None,
            )
        )
    return out


@dataclass
class MetricSeries:
    """One metric on one measure for one city, ready for a chart."""

    key: str
    measure: str
    family: object
    figures: list  # YearFigure, by year

    @property
    def metric(self):
        return metric_index().by_key.get(self.key)

    @property
    def title(self):
        metric = self.metric
        name = f"{metric.name_zh} {metric.name_en}" if metric else self.key
        return f"{name} · {MEASURE_LABELS.get(self.measure, self.measure)}"

    @property
    def judged(self):
        return sum(f.verdict != PENDING for f in self.figures)


def metric_series(rows):
    """{city_id: [MetricSeries]} from target rows (queries.city_figures), in the taxonomy's order."""
    rows_by_id = {row.pk: row for row in rows}
    order = {key: i for i, key in enumerate(metric_index().by_key)}
    by_city = defaultdict(list)
    for series in build_series(rows):
        figures = year_figures(series, rows_by_id)
        first = next(rows_by_id[p.fact_id] for y in series.years for p in (y.goal, y.result) if p)
        by_city[series.city_id].append(MetricSeries(series.metric_key, series.measure, family_of_row(first), figures))
    for city_series in by_city.values():
        city_series.sort(key=lambda s: (order.get(s.key, len(order)), s.measure))
    return by_city


def main_metrics(city_series, limit=MAIN_METRICS):
    """A city's metrics with both a goal and a result for some year: most judged years first."""
    judged = [s for s in city_series if s.judged]
    return sorted(judged, key=lambda s: -s.judged)[:limit]


@dataclass
class RankedCity:
    city: object
    color: str
    rank: int | None
    goal: Decimal | None
    goal_text: str
    result: Decimal | None
    result_text: str
    verdict: str
    revised: bool
    goal_row: object = None
    result_row: object = None

    @property
    def verdict_label(self):
        return VERDICT_LABELS[self.verdict]


def ranked_rows(cities, rows_by_id, color_of):
    """RankedCity for each City of queries.ranked_cities, its verdict from apps.atlas.series."""
    out = []
    for city in cities:
        goal_row, result_row = rows_by_id.get(city.goal_id), rows_by_id.get(city.result_id)
        points = build_series([row for row in (goal_row, result_row) if row])
        point = points[0].years[0] if points and len(points) == 1 else None
        verdict = point.verdict() if point and goal_row and result_row else PENDING
        out.append(
            RankedCity(
                city=city,
                color=color_of(city),
                rank=city.rank if result_row else None,
                goal=scaled(goal_row.base_value, goal_row) if goal_row else None,
                goal_text=goal_text(point.goal, goal_row) if goal_row and point else "",
                result=scaled(result_row.base_value, result_row) if result_row else None,
                result_text=figure_text(scaled(result_row.base_value, result_row), result_row) if result_row else "",
                verdict=verdict,
                revised=bool(city.revised),
                goal_row=goal_row,
                result_row=result_row,
            )
        )
    return out
