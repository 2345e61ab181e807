"""The comparable-figures sections that the city profile and compare pages include.

Each function costs a fixed number of queries (noted) whatever the data size, and hands the
templates (templates/dashboard/_goal_result.html, _officials_line.html, _compare_metrics.html)
charts and rows ready to show.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from apps.atlas.metrics import metric_index
from apps.atlas.people import group_people
from apps.dashboard import charts
from apps.dashboard.colors import CityColors, city_color
from apps.dashboard.queries import cached, cached_each
from apps.dashboard.units import COUNT, FAMILY_OF_BASE_UNIT, human_amount, human_number

from . import queries
from .figures import BOUND_WORDS, main_metrics, metric_series

COMPARED_METRICS = 6  # charts of shared metrics on compare, those most cities share (about 16 KB each with its table)
GOALS_PER_CELL = 3  # goals listed in a cell of the deadlines table (five cities × a dozen years); the rest is a count
OFFICIALS_ON_LINE = 30  # people on a profile's line of officials; a page stays the same size however many


def series_of_cities(city_ids, version):
    """{city_id: [MetricSeries]}, each city's cached under the data `version`: a big city has thousands
    of figures, read and settled into series once per version instead of on every request (one query
    for the cities not cached, none when all are)."""

    def compute(missing):
        by_city = metric_series(queries.city_figures(missing))
        return {pk: by_city.get(pk, []) for pk in missing}

    return cached_each(version, "metric-series", compute, city_ids)


def city_metric_charts(city, version):
    """Goal against result by year for the city's main metrics (one query; none when cached under `version`)."""

    def compute():
        series = series_of_cities([city.pk], version)[city.pk]
        color = city_color(city)
        return charts.prepared(
            [charts.goal_result_chart(s.title, [(city, color, s.figures)], s.family) for s in main_metrics(series)]
        )

    return cached(version, "goal-result-charts", compute, city.pk)


@dataclass
class OfficialsLine:
    people: list  # apps.atlas.people.Person, the first OFFICIALS_ON_LINE
    more: int  # people left out


def officials_over_time(city, version, limit=OFFICIALS_ON_LINE):
    """Officials with their titles from first to last seen, the most often named first (one query; none
    when cached under `version`)."""
    return cached(version, "officials-line", lambda: _officials_over_time(city, limit), city.pk, limit)


def _officials_over_time(city, limit):
    rows = queries.dated_officials(city)
    # A name is one person within a city and each of its rows one of the person's fact_ids, so
    # the people named at least as often as the limit-th most named are the only ones that can
    # be shown: group just those (a city in the news for years names thousands of people).
    rows_per_name = Counter(row.name for row in rows)
    if len(rows_per_name) > limit:
        least_shown = sorted(rows_per_name.values(), reverse=True)[limit - 1]
        rows = [row for row in rows if rows_per_name[row.name] >= least_shown]
    people = group_people(rows)
    people.sort(key=lambda p: (-len(p.fact_ids), p.tenures[0].first_seen is None, p.tenures[0].first_seen or 0, p.name))
    shown = sorted(
        people[:limit], key=lambda p: (p.tenures[0].first_seen is None, p.tenures[0].first_seen or 0, p.name)
    )
    return OfficialsLine(shown, max(0, len(rows_per_name) - limit))


def shared_metric_charts(cities, by_city, colors=None):
    """One chart per metric and measure at least two of the cities have figures on, the cities side by side
    (`by_city`: {city_id: [MetricSeries]}; in `colors`, a CityColors: by default the cities' own colours told apart)."""
    colors = colors or CityColors(cities)
    shared = defaultdict(list)
    for city in cities:
        for series in by_city.get(city.pk, []):
            shared[(series.key, series.measure)].append((city, series))
    order = {key: i for i, key in enumerate(metric_index().by_key)}
    keys = sorted(
        (k for k, v in shared.items() if len(v) > 1), key=lambda k: (-len(shared[k]), order.get(k[0], len(order)), k[1])
    )[:COMPARED_METRICS]
    return [
        charts.goal_result_chart(
            shared[key][0][1].title,
            [(city, colors(city), s.figures) for city, s in shared[key]],
            shared[key][0][1].family,
        )
        for key in keys
    ]


def goal_words(target):
    """'地区生产总值 5,000亿元以上', '地区生产总值 6–6.5%' for the deadlines table."""
    amount = human_amount(target.base_value, target.base_unit, target.unit)
    if target.bound == "range" and target.value_high is not None and target.value:
        family = FAMILY_OF_BASE_UNIT.get(target.base_unit, COUNT)
        high = Decimal(target.value_high) * Decimal(target.base_value) / Decimal(target.value)
        low = human_number(Decimal(target.base_value) / family.divisor)
        return f"{target.metric} {low}–{human_amount(high, target.base_unit, target.unit)}"
    return f"{target.metric} {BOUND_WORDS.get(target.bound, '{}').format(amount)}"


@dataclass
class DeadlineCell:
    goals: list  # [(Target, words)]
    more: int


def deadlines(cities, goals):
    """(years, [(city, [DeadlineCell per year])]): which city promises what by which year."""
    by_cell = defaultdict(list)
    for goal in goals:
        by_cell[(goal.city_id, goal.year)].append(goal)
    years = sorted({year for _, year in by_cell})

    def cell(goals):
        total = getattr(goals[0], "year_total", len(goals)) if goals else 0  # queries.deadline_goals(per_year=…)
        return DeadlineCell(
            [(goal, goal_words(goal)) for goal in goals[:GOALS_PER_CELL]], max(0, total - GOALS_PER_CELL)
        )

    rows = [(city, [cell(by_cell[(city.pk, year)]) for year in years]) for city in cities]
    return years, rows


def compare_sections(cities, facts_list, tags, cluster_counts, version, colors=None):
    """Shared-metric charts, the deadlines table, the city × industry matrix and one meeting timeline (two queries;
    none when this list of cities was compared under `version`, and the charts' one fewer when each city's
    series is cached); every chart gives a city the colour `colors` (a CityColors of the compared cities) does."""
    colors = colors or CityColors(cities)
    ids = [city.pk for city in cities]
    years, rows = cached(
        version,
        "compare-deadlines",
        lambda: deadlines(cities, queries.deadline_goals(ids, per_year=GOALS_PER_CELL)),
        *ids,
    )
    used = {tag_id for (_, tag_id), count in cluster_counts.items() if count}
    matrix_tags = [tag for tag in tags if tag.pk in used]
    return {
        # The charts of one list of cities (their colours follow from it), markup and all; the series
        # under them are cached city by city, for any other list that holds the city.
        "metric_charts": cached(
            version,
            "compare-metric-charts",
            lambda: charts.prepared(shared_metric_charts(cities, series_of_cities(ids, version), colors)),
            *ids,
        ),
        "deadline_years": years,
        "deadline_rows": rows,
        "cluster_matrix": charts.tag_matrix_chart(cities, matrix_tags, cluster_counts) if matrix_tags else None,
        "compare_timeline": charts.meetings_timeline_chart(
            [(facts.city, colors(facts.city), facts.meetings) for facts in facts_list]
        ),
    }
