"""Promise against delivery: goals of year Y against the result the report of Y+1 states."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from apps.atlas.series import MET, MISSED, PENDING, Point, build_series, goal_met

_ids = iter(range(1, 10_000))


def row(
    kind,
    year,
    value,
    *,
    key="gdp",
    measure="growth",
    bound="exact",
    high=None,
    estimated=False,
    doc=1,
    doc_date=None,
    city=1,
    base=None,
):
    return SimpleNamespace(
        id=next(_ids),
        city_id=city,
        metric_key=key,
        measure=measure,
        kind=kind,
        year=year,
        value=Decimal(str(value)),
        base_value=Decimal(str(base if base is not None else value)),
        value_high=None if high is None else Decimal(str(high)),
        bound=bound,
        estimated=estimated,
        document_id=doc,
        document_date=doc_date,
    )


def goal(value, bound="exact", high=None):
    return Point(
        fact_id=1,
        value=Decimal(str(value)),
        bound=bound,
        value_high=None if high is None else Decimal(str(high)),
        estimated=False,
        document_id=1,
        document_date=None,
    )


@pytest.mark.parametrize(
    "bound, value, high, result, lower_is_better, met",
    [
        ("at_least", 6, None, "6.0", False, True),  # 增长6%以上, delivered 6.0
        ("at_least", 6, None, "5.9", False, False),
        ("about", 6, None, "5.8", False, True),  # 6%左右 allows a little below
        ("about", 6, None, "5.0", False, False),
        ("range", 6, "6.5", "6.2", False, True),  # 6%—6.5%: the low end is the promise
        ("range", 6, "6.5", "5.5", False, False),
        ("at_most", "5.5", None, "5.2", False, True),  # 调查失业率控制在5.5%以内
        ("at_most", "5.5", None, "5.6", False, False),
        ("exact", 3, None, "2.9", True, True),  # a price index goal of 3 %: lower is better
        ("exact", 3, None, "3.2", True, False),
    ],
)
def test_goal_met_reads_the_bound(bound, value, high, result, lower_is_better, met):
    assert goal_met(goal(value, bound, high), Decimal(result), lower_is_better) is met


def test_a_goal_is_judged_by_the_result_reported_a_year_later():
    rows = [
        row("target", 2022, 6.5, bound="about", doc=1, doc_date=date(2022, 2, 1)),
        row("actual", 2022, 4.1, doc=2, doc_date=date(2023, 2, 1)),
        row("target", 2023, 6, bound="at_least", doc=2, doc_date=date(2023, 2, 1)),
        row("actual", 2023, 6.2, doc=3, doc_date=date(2024, 2, 1)),
        row("target", 2024, 5.5, bound="about", doc=3, doc_date=date(2024, 2, 1)),
    ]
    [series] = build_series(rows)
    assert [(p.year, p.verdict()) for p in series.years] == [(2022, MISSED), (2023, MET), (2024, PENDING)]
    assert series.met_share() == 0.5
    assert series.years[0].goal.fact_id == rows[0].id and series.years[0].result.fact_id == rows[1].id


def test_the_final_figure_wins_over_an_estimate_and_a_later_goal_marks_the_year_revised():
    rows = [
        row("target", 2023, 7, doc=1, doc_date=date(2023, 1, 10)),
        row("target", 2023, 6, doc=2, doc_date=date(2023, 7, 1)),  # mid-year revision
        row("actual", 2023, "5.9", estimated=True, doc=3, doc_date=date(2024, 1, 20)),
        row("actual", 2023, "6.1", doc=3, doc_date=date(2024, 1, 20)),
    ]
    [series] = build_series(rows)
    [year] = series.years
    assert year.goal.value == 6 and year.revised and [g.value for g in year.revised_goals] == [7]
    assert year.result.value == Decimal("6.1") and year.verdict() == MET


def test_money_is_compared_in_base_units_and_unplaceable_rows_are_left_out():
    rows = [
        row("target", 2025, 2.5, key="gdp", measure="level", base=2.5e12, doc=1, doc_date=date(2025, 1, 5)),
        row("actual", 2025, 26000, key="gdp", measure="level", base=2.6e12, doc=2, doc_date=date(2026, 1, 5)),
        row("target", None, 3, key="gdp", measure="level"),  # no year
        row("target", 2025, 3, key="", measure="level"),  # no metric
    ]
    [series] = build_series(rows)
    assert (series.metric_key, series.measure) == ("gdp", "level")
    assert [(p.year, p.verdict()) for p in series.years] == [(2025, MET)]


def test_cities_and_measures_are_separate_series():
    rows = [
        row("target", 2024, 6, city=1),
        row("target", 2024, 5, city=2),
        row("target", 2024, 3000, city=1, measure="level"),
    ]
    assert [(s.city_id, s.measure) for s in build_series(rows)] == [(1, "growth"), (1, "level"), (2, "growth")]


def test_of_two_results_one_document_states_alike_the_first_wins():
    # A review's headline growth comes before any later mention of the same metric and year.
    rows = [
        row("target", 2023, 5.5, bound="at_least", doc=1, doc_date=date(2023, 1, 5)),
        row("actual", 2023, "6.5", doc=2, doc_date=date(2024, 1, 13)),
        row("actual", 2023, "5.5", doc=2, doc_date=date(2024, 1, 13)),
    ]
    [series] = build_series(rows)
    assert series.years[0].result.fact_id == rows[1].id
    assert series.years[0].verdict() == MET
    # Listed in any order, the same figure wins.
    [series] = build_series(list(reversed(rows)))
    assert series.years[0].result.fact_id == rows[1].id
