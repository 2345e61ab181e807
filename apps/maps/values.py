"""Each city's value on the map, from plain rows: no database here.

A metric's value for a city and year is the goal or the result that apps.atlas.series settles on
(a later article wins over an earlier one, a final figure over an estimate), so the map and the
profile pages never disagree. Figures are compared in one base unit: rows of a metric in another
unit (a mis-read 亿元 among percentages) are left out.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.urls import reverse

from apps.atlas.series import build_series
from apps.dashboard.units import COUNT, FAMILY_OF_BASE_UNIT, plain_number

PLACEHOLDER = "0"  # a slug the city URL pattern accepts


@dataclass(frozen=True)
class MetricValues:
    by_year: dict  # {year: {city_id: Decimal in the unit below}}
    unit: str
    dropped: int  # rows left out for their unit
    facts_by_year: dict = field(default_factory=dict)  # {year: {city_id: id of the Target the value is}}

    @property
    def cities_per_year(self):
        return Counter({year: len(values) for year, values in self.by_year.items()})

    def of_year(self, year):
        return self.by_year.get(year, {})

    def facts_of(self, year):
        return self.facts_by_year.get(year, {})


def metric_values(rows, kind):
    """MetricValues of one metric and measure for `kind` (target/actual); `rows` are its targets
    as apps.atlas.series.build_series takes them, plus base_unit and unit."""
    units = Counter(row.base_unit for row in rows)
    base_unit = units.most_common(1)[0][0] if units else None
    kept = [row for row in rows if row.base_unit == base_unit]
    family = FAMILY_OF_BASE_UNIT.get(base_unit, COUNT)
    by_year, facts_by_year = defaultdict(dict), defaultdict(dict)
    for series in build_series(kept):
        for point in series.years:
            figure = getattr(point, _attribute(kind))
            if figure is not None:
                by_year[point.year][series.city_id] = figure.value / family.divisor
                facts_by_year[point.year][series.city_id] = figure.fact_id
    return MetricValues(dict(by_year), family.unit or _count_unit(kept), len(rows) - len(kept), dict(facts_by_year))


def _attribute(kind):
    return "goal" if kind == "target" else "result"


def _count_unit(rows):
    """Counts keep the measure word the articles used (家, 个 …) when they agree on one."""
    words = {row.unit for row in rows if getattr(row, "unit", "count") != "count"}
    return words.pop() if len(words) == 1 else ""


def city_points(cities, values, unit="", empty_label="无数据 no figure", statuses=None):
    """One JSON-ready dict per city, in the order given: where it is, its value, its label and its profile,
    and the review status of the fact the value is (`statuses`, by city; "" where a value is a count)."""
    statuses = statuses or {}
    before, after = reverse("dashboard:city", args=[PLACEHOLDER]).rsplit(PLACEHOLDER, 1)  # not a reverse() per city
    points = []
    for city in cities:
        value = values.get(city.pk)
        points.append(
            {
                "slug": city.slug,
                "name": city.name,
                "name_en": city.name_en,
                "province": city.province,
                "url": f"{before}{city.slug}{after}",
                "lon": city.longitude,
                "lat": city.latitude,
                "value": None if value is None else float(value),
                "label": empty_label if value is None else f"{plain_number(value)}{unit}",
                "review_status": statuses.get(city.pk, ""),
            }
        )
    return points
