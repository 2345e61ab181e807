"""/map/: one marker per covered city, coloured by a metric or an industry, each linking to its profile.

One view serves the full page and, to an htmx request, only its `results` partial; /map/data.json
gives the same cities and values as JSON for the same parameters (what static/js/map.js draws), and
/map/?…&format=csv|json the page's table of cities, as every public page exports its data.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from apps.atlas.dataversion import data_version
from apps.dashboard import exports
from apps.dashboard.params import clean_params, review_switch
from apps.dashboard.views import with_query

from . import queries
from .labels import KIND_LABELS, measure_label, metric_label, metric_names
from .selection import KINDS, METRIC, TAG, choose_year, select
from .values import city_points, metric_values

CLUSTERS = "个集群"
TABLE_ROWS = 50  # the page's table shows the highest values; the markers and the CSV/JSON export hold every city


def map_context(request):
    """Everything the page and the JSON share, in two or three queries (five while the choice lists and a
    metric's values are not cached)."""
    version = data_version()
    metrics = queries.metric_choices(version)
    tags = queries.tag_choices(version)
    selection = select(clean_params(request), metrics, tags)
    cities = list(queries.covered_cities())
    names = metric_names()
    payload = {"mode": selection.mode, "title": "", "unit": "", "empty_label": "无数据 no figure"}
    years = []
    if selection.mode == METRIC:
        values, status_of = queries.cached(
            version,
            "map-metric-values",
            lambda: _metric_values(selection.metric_key, selection.measure, selection.kind),
            selection.metric_key,
            selection.measure,
            selection.kind,
        )
        choose_year(selection, values.cities_per_year)
        years = sorted(values.cities_per_year, reverse=True)
        payload["unit"] = values.unit
        payload["title"] = " · ".join(
            str(part)
            for part in (
                metric_label(selection.metric_key, names),
                measure_label(selection.measure),
                selection.year or "—",
                KIND_LABELS[selection.kind],
            )
        )
        statuses = {city_id: status_of[pk] for city_id, pk in values.facts_of(selection.year).items()}
        points = city_points(cities, values.of_year(selection.year), values.unit, statuses=statuses)
        if values.dropped:
            selection.notices.append(
                f"{values.dropped}条数据的单位与其余不同，未上图 — figures in another unit left out"
            )
    elif selection.mode == TAG:
        counts = queries.cluster_counts(selection.tag)
        payload["unit"] = CLUSTERS
        payload["empty_label"] = f"0{CLUSTERS} none"
        payload["title"] = f"{selection.tag.name_zh} {selection.tag.name_en} · 集群数 clusters"
        points = city_points(cities, {city.pk: counts.get(city.pk, 0) for city in cities}, CLUSTERS)
    else:
        points = city_points(cities, {})
    payload["cities"] = points
    payload["query"] = selection.query()
    return {
        "selection": selection,
        "map": payload,
        "metric_options": [
            {"key": key, "label": metric_label(key, names), "cities": cities_count}
            for key, cities_count in _cities_per_metric(metrics).items()
        ],
        "measure_options": [
            (row["measure"], measure_label(row["measure"]))
            for row in metrics
            if row["metric_key"] == selection.metric_key
        ],
        "kind_options": [(kind, KIND_LABELS[kind]) for kind in KINDS],
        "year_options": years,
        "tag_options": [tag for tag in tags if tag.cities],
        "ranked": sorted(points, key=lambda p: (p["value"] is None, -(p["value"] or 0), p["name"])),
        "table_rows": TABLE_ROWS,
        "unplaced": [point for point in points if point["lon"] is None or point["lat"] is None],
        "notices": selection.notices,
        "data_url": with_query(reverse("maps:data"), **selection.query()),
    }


def _metric_values(metric_key, measure, kind):
    """(MetricValues, {fact id: review status} of the facts the values are): settling a metric's thousands of
    figures into series is most of the map's time, so the result is cached under the data version."""
    rows = queries.metric_rows(metric_key, measure)
    values = metric_values(rows, kind)
    shown = {pk for facts in values.facts_by_year.values() for pk in facts.values()}
    return values, {row.id: row.review_status for row in rows if row.id in shown}


def _cities_per_metric(metrics):
    """{key: most cities any of its measures has}, keys in the order of `metrics` (most cities first)."""
    per_key = {}
    for row in metrics:
        per_key.setdefault(row["metric_key"], row["cities"])
    return per_key


EXPORT_COLUMNS = ["slug", "name", "name_en", "province", "value", "unit", "label", "review_status", "lon", "lat", "url"]


def map_table(context):
    """The cities in the order of the page's table, each with the value the map colours it by."""
    payload = context["map"]
    rows = [
        {
            **point,
            "value": "" if point["value"] is None else exports.figure(point["value"]),
            "unit": payload["unit"] if point["value"] is not None else "",
            "lon": "" if point["lon"] is None else point["lon"],
            "lat": "" if point["lat"] is None else point["lat"],
        }
        for point in context["ranked"]
    ]
    meta = {key: payload[key] for key in ("mode", "title", "unit", "query")}
    return exports.Table("map", EXPORT_COLUMNS, rows, meta={**meta, "notices": context["notices"]})


@review_switch
def map_page(request):
    context = map_context(request)
    if fmt := exports.requested_format(clean_params(request)):
        return exports.respond(fmt, map_table(context))
    context["formats"] = exports.format_urls(request)
    template_name = "maps/map.html"
    if request.htmx and not request.htmx.history_restore_request:
        template_name += "#results"
    response = render(request, template_name, context)
    patch_vary_headers(response, ["HX-Request"])  # page and fragment share a URL
    return response


@review_switch
def map_data(request):
    context = map_context(request)
    return JsonResponse({**context["map"], "notices": context["notices"]}, json_dumps_params={"ensure_ascii": False})
