"""Every city on one metric: /metrics/ lists the metrics, /metrics/<key>/ ranks the cities on one.

One view serves a page and the region htmx swaps (request.htmx and a template partial, as the
dashboard's views do); every control is also a plain link or GET form. Each page's data comes as
CSV or JSON at its own URL with ?format=csv|json (apps.dashboard.exports): the same rows, the same
page of them, the review status of each goal and result.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse

from apps.atlas.metrics import metric_index
from apps.dashboard import charts, exports, links
from apps.dashboard.colors import CityColors
from apps.dashboard.params import clean_params, review_switch
from apps.dashboard.views import PAGE_SIZE, more_target, render_page, with_query

from . import queries
from .figures import MEASURE_LABELS, family_of_row, ranked_rows, unit_of

TOP_CITIES = 15  # bars in the ranking chart; the table pages through the rest

LIST_COLUMNS = ["key", "measure", "name_zh", "name_en", "goal_cities", "result_cities", "url"]


def list_table(summaries):
    rows = [
        {
            "key": summary["key"],
            "measure": summary["measure"],
            "name_zh": summary["metric"].name_zh if summary["metric"] else "",
            "name_en": summary["metric"].name_en if summary["metric"] else "",
            "goal_cities": summary["goal_cities"],
            "result_cities": summary["result_cities"],
            "url": summary["url"],
        }
        for summary in summaries
    ]
    return exports.Table("metrics", LIST_COLUMNS, rows)


@review_switch
def metric_list(request):
    summaries = queries.metric_summaries()
    for summary in summaries:
        summary["url"] = with_query(reverse("metrics:metric", args=[summary["key"]]), measure=summary["measure"])
    if fmt := exports.requested_format(clean_params(request)):
        return exports.respond(fmt, list_table(summaries))
    return render_page(request, "metrics/list.html", {"summaries": summaries, "formats": exports.format_urls(request)})


RANKING_COLUMNS = [
    "rank",
    "city",
    "city_name",
    "city_name_en",
    "province",
    "goal",
    "goal_text",
    "goal_bound",
    "result",
    "result_text",
    "unit",
    "result_estimated",
    "verdict",
    "revised",
    "goal_review_status",
    "result_review_status",
    "goal_fact_url",
    "result_fact_url",
    "city_url",
]


def ranking_row(row):
    """One RankedCity as the table shows it, with the review status and page of its goal and result."""
    goal, result = row.goal_row, row.result_row
    return {
        "rank": row.rank or "",
        "city": row.city.slug,
        "city_name": row.city.name,
        "city_name_en": row.city.name_en,
        "province": row.city.province,
        "goal": exports.figure(row.goal),
        "goal_text": row.goal_text,
        "goal_bound": goal.bound if goal else "",
        "result": exports.figure(row.result),
        "result_text": row.result_text,
        "unit": unit_of(result or goal),
        "result_estimated": bool(result and result.estimated),
        "verdict": row.verdict,
        "revised": row.revised,
        "goal_review_status": goal.review_status if goal else "",
        "result_review_status": result.review_status if result else "",
        "goal_fact_url": links.fact_url(goal) if goal else "",
        "result_fact_url": links.fact_url(result) if result else "",
        "city_url": links.city_url(row.city),
    }


def ranking_table(key, context, fmt):
    more = context.get("more_url")
    return exports.Table(
        f"{key}-{context.get('measure', '')}-{context.get('year', '')}".strip("-"),
        RANKING_COLUMNS,
        [ranking_row(row) for row in context.get("ranked", [])],
        more and exports.in_format(more, fmt),
        {"metric": key, "measure": context.get("measure", ""), "year": context.get("year")},
    )


def default_measure(key, choices):
    metric = metric_index().by_key.get(key)
    if metric and metric.measure in choices:
        return metric.measure
    return max(choices, key=lambda measure: sum(cities for cities, _ in choices[measure].values()))


def default_year(years):
    """The latest year with a result: a year whose results are not in yet would be all pending."""
    with_results = [year for year, (_, results) in years.items() if results]
    return max(with_results or years)


def chosen_year(value, years, notices):
    if value:
        try:
            if int(value) in years:
                return int(value)
        except ValueError:
            pass
        notices.append(f"已忽略无数据的年份“{value}” — no figures for that year")
    return default_year(years)


@review_switch
def metric_detail(request, key):
    metric = metric_index().by_key.get(key)
    choices = queries.measure_years(key)
    if metric is None and not choices:
        raise Http404("No such metric")
    params = clean_params(request)
    notices = []
    fmt = exports.requested_format(params)
    context = {"metric": metric, "key": key, "notices": notices, "formats": exports.format_urls(request)}
    if not choices:
        if fmt:
            return exports.respond(fmt, ranking_table(key, context, fmt))
        return render_page(request, "metrics/metric.html", context, fragment="results")
    measure = params.get("measure") or ""
    if measure not in choices:
        if measure:
            notices.append(f"已忽略无数据的口径“{measure}” — no figures on that measure")
        measure = default_measure(key, choices)
    year = chosen_year(params.get("year"), choices[measure], notices)
    base = reverse("metrics:metric", args=[key])

    def url(**changes):
        return with_query(base, **{"measure": measure, "year": year, **changes})

    page = Paginator(queries.ranked_cities(key, measure, year), PAGE_SIZE).get_page(params.get("page"))
    cities = list(page.object_list)
    rows_by_id = queries.figures_by_id([pk for city in cities for pk in (city.goal_id, city.result_id)])
    # The page's cities told apart: the ranking chart and the table's swatches agree.
    city_colors = CityColors(cities)
    ranked = ranked_rows(cities, rows_by_id, city_colors)
    context.update(
        {
            "city_colors": city_colors,
            "measure": measure,
            "year": year,
            "page": page,
            "ranked": ranked,
            "more_url": url(page=page.next_page_number()) if page.has_next() else None,
            "first_url": url() if page.number > 1 else None,
        }
    )
    if fmt:
        return exports.respond(fmt, ranking_table(key, context, fmt))
    if more_target(request) == "metric-more":
        return render_page(request, "metrics/metric.html", context, fragment="metric_rows")
    family = next((family_of_row(row) for row in rows_by_id.values()), None)
    name = f"{metric.name_zh}" if metric else key
    context.update(
        {
            "measure_links": [(m, MEASURE_LABELS.get(m, m), url(measure=m, year=None), m == measure) for m in choices],
            "year_links": [(y, counts, url(year=y), y == year) for y, counts in choices[measure].items()],
            "measure_label": MEASURE_LABELS.get(measure, measure),
            "ranking": (
                charts.metric_ranking_chart(
                    f"{name} {year}：前{TOP_CITIES}名 top {TOP_CITIES}", ranked[:TOP_CITIES], family
                )
                if family and page.number == 1
                else None
            ),
            "met_share": charts.met_share_chart(queries.met_share_by_year(key, measure)),
        }
    )
    return render_page(request, "metrics/metric.html", context, fragment="results")
