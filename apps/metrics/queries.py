"""What the metric pages read: every city on one metric, in a fixed number of queries.

"The" goal and "the" result of a city for a year are the ones the latest document states
(a final figure over an estimate from the same document), as in apps.atlas.series; here they
are picked in SQL so that ranks, counts and shares cover every city without loading them.
"""

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Abs, Rank, RowNumber

from apps.atlas.metrics import metric_index
from apps.atlas.models import City, Official, Target
from apps.atlas.series import ABOUT_TOLERANCE

# Later documents first; a final figure before an estimate; the rest only makes the pick stable.
LATEST_FIRST = (F("document__published").desc(nulls_last=True), "estimated", "-document_id", "-pk")
SERIES_FIELDS = (
    "id",
    "city_id",
    "metric",
    "metric_key",
    "measure",
    "kind",
    "year",
    "value",
    "unit",
    "base_value",
    "base_unit",
    "value_high",
    "bound",
    "estimated",
    "document_id",
)


def keyed_targets():
    return Target.objects.public().exclude(metric_key="")


def metric_summaries():
    """[{key, measure, goal_cities, result_cities, metric}] for every (metric, measure) with figures, in one query."""
    rows = (
        keyed_targets()
        .values("metric_key", "measure")
        .annotate(
            goal_cities=Count("city", distinct=True, filter=Q(kind=Target.Kind.TARGET)),
            result_cities=Count("city", distinct=True, filter=Q(kind=Target.Kind.ACTUAL)),
        )
        .order_by("metric_key", "measure")
    )
    known = metric_index().by_key
    summaries = [{**row, "key": row["metric_key"], "metric": known.get(row["metric_key"])} for row in rows]
    summaries.sort(key=lambda s: (-(s["goal_cities"] + s["result_cities"]), s["key"], s["measure"]))
    return summaries


def measure_years(key):
    """{measure: {year: (cities, cities with a result)}} for one metric: its page's choices, in one query."""
    rows = (
        keyed_targets()
        .filter(metric_key=key, year__isnull=False)
        .values_list("measure", "year")
        .annotate(
            cities=Count("city", distinct=True),
            result_cities=Count("city", distinct=True, filter=Q(kind=Target.Kind.ACTUAL)),
        )
        .order_by("measure", "year")
    )
    choices = {}
    for measure, year, cities, result_cities in rows:
        choices.setdefault(measure, {})[year] = (cities, result_cities)
    return choices


def _figures(key, measure, kind, city=None, year=None):
    """Public figures of one metric, measure and kind; `city`/`year` may be OuterRef()s."""
    rows = keyed_targets().filter(metric_key=key, measure=measure, kind=kind)
    if city is not None:
        rows = rows.filter(city=city)
    if year is not None:
        rows = rows.filter(year=year)
    return rows


def _latest(rows, field="pk"):
    return Subquery(rows.order_by(*LATEST_FIRST).values(field)[:1])


def ranked_cities(key, measure, year):
    """Every city with a goal or a result for the year, ranked by its result (largest first).

    Each City carries goal_id, result_id, result_value (base units), revised (a document stated
    another goal for the year) and rank (by result; cities without one come last, unranked).
    """
    goals = _figures(key, measure, Target.Kind.TARGET, OuterRef("pk"), year)
    results = _figures(key, measure, Target.Kind.ACTUAL, OuterRef("pk"), year)
    other_goal = goals.exclude(base_value=OuterRef("goal_value"))
    return (
        City.objects.filter(
            Exists(keyed_targets().filter(metric_key=key, measure=measure, year=year, city=OuterRef("pk")))
        )
        .only("slug", "name", "name_en", "adcode", "province")
        .annotate(
            goal_id=_latest(goals),
            goal_value=_latest(goals, "base_value"),
            result_id=_latest(results),
            result_value=_latest(results, "base_value"),
        )
        .annotate(revised=Exists(other_goal), rank=Window(Rank(), order_by=F("result_value").desc(nulls_last=True)))
        .order_by(F("result_value").desc(nulls_last=True), "province", "name", "pk")
    )


def figures_by_id(ids):
    """{pk: Target} for the goals and results a page shows, with the document's date, in one query.

    With their review status: each row of a ranking carries its figures' verified marks."""
    ids = [pk for pk in ids if pk]
    if not ids:
        return {}
    rows = (
        Target.objects.filter(pk__in=ids)
        .only(*SERIES_FIELDS, "evidence_text", "review_status")
        .annotate(document_date=F("document__published"))
    )
    return {row.pk: row for row in rows}


def _goal_high():
    """value_high on the base scale (it is written in the goal's own unit, like value)."""
    scaled = ExpressionWrapper(F("value_high") * F("base_value") / F("value"), output_field=DecimalField())
    return Case(
        When(value_high__isnull=True, then=F("base_value")),
        When(value=0, then=F("value_high")),
        default=scaled,
        output_field=DecimalField(),
    )


def met_share_by_year(key, measure):
    """[(year, met, judged)]: of the cities with a goal and a result for a year, how many met the goal.

    The verdict is apps.atlas.series.goal_met written in SQL (以内 by the upper end, 左右 within
    ABOUT_TOLERANCE, anything else by the lower end); tests hold the two to the same answers.
    """
    goals = _figures(key, measure, Target.Kind.TARGET).filter(year__isnull=False)
    chosen = goals.filter(pk=_latest(_figures(key, measure, Target.Kind.TARGET, OuterRef("city_id"), OuterRef("year"))))
    result = _latest(_figures(key, measure, Target.Kind.ACTUAL, OuterRef("city_id"), OuterRef("year")), "base_value")
    slack = Value(ABOUT_TOLERANCE, output_field=DecimalField())
    met = Case(
        When(Q(bound=Target.Bound.AT_MOST, result__lte=F("goal_high")), then=Value(True)),
        When(Q(bound=Target.Bound.ABOUT, result__gte=F("base_value") - Abs(F("base_value")) * slack), then=Value(True)),
        When(
            ~Q(bound__in=[Target.Bound.AT_MOST, Target.Bound.ABOUT]) & Q(result__gte=F("base_value")), then=Value(True)
        ),
        default=Value(False),
        output_field=BooleanField(),
    )
    rows = (
        chosen.annotate(result=result, goal_high=_goal_high())
        .annotate(met=met)
        .values("year")
        .annotate(
            judged=Count("pk", filter=Q(result__isnull=False)),
            met_count=Count("pk", filter=Q(result__isnull=False, met=True)),
        )
        .order_by("year")
    )
    return [(row["year"], row["met_count"], row["judged"]) for row in rows if row["judged"]]


class FigureRow:
    """A figure's series fields as plain attributes: a big city has thousands of figures, and a
    model instance per row cost more than building its charts did."""

    __slots__ = (*SERIES_FIELDS, "document_date")

    def __init__(self, values):
        for name, value in zip(self.__slots__, values):
            setattr(self, name, value)

    @property
    def pk(self):
        return self.id


def city_figures(city_ids):
    """Every public figure with a metric key of the cities, with its document's date: one query."""
    rows = keyed_targets().filter(city__in=city_ids).order_by("pk").values_list(*SERIES_FIELDS, "document__published")
    return [FigureRow(values) for values in rows]


def deadline_goals(city_ids, per_year=None):
    """Goals with a year of the cities (any metric, keyed or not), by city, year and metric: one query.

    With `per_year`, only the first goals of each city and year, each annotated with `year_total`,
    the goals of its city and year in all: a table cell shows a few and counts the rest.
    """
    cell = [F("city_id"), F("year")]
    goals = (
        Target.objects.public()
        .filter(city__in=city_ids, kind=Target.Kind.TARGET, year__isnull=False)
        .only(
            "id",
            "city_id",
            "metric",
            "year",
            "value",
            "unit",
            "base_value",
            "base_unit",
            "bound",
            "document_id",
            "evidence_text",
        )
        .order_by("city_id", "year", "metric", "pk")
    )
    if per_year:
        goals = goals.annotate(
            rank_in_year=Window(RowNumber(), partition_by=cell, order_by=[F("metric").asc(), F("pk").asc()]),
            year_total=Window(Count("pk"), partition_by=cell),
        ).filter(rank_in_year__lte=per_year)
    return list(goals)


def dated_officials(city):
    """The city's public officials, each with its document's date, for apps.atlas.people.group_people:
    plain rows, for a city in the news for years has hundreds of them and the line shows a few."""
    return list(
        Official.objects.public()
        .filter(city=city)
        .annotate(document_date=F("document__published"))
        .order_by("pk")
        .values_list("id", "city_id", "name", "title", "document_date", named=True)
    )
