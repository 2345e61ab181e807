"""The public dashboard.

One view serves a page and the region of it that htmx swaps: an htmx request gets only
the template partial named `fragment` (django-htmx-patterns), everything else the full
page, so every page works as plain links and GET forms without JavaScript.
"""

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django_htmx.http import push_url

from apps.atlas.dataversion import data_version
from apps.atlas.models import City, Document, IndustryCluster, IndustryTag
from apps.atlas.visibility import approved_only
from apps.metrics import sections as metric_sections

from . import charts, exports, links, queries
from .colors import CityColors, city_color
from .documents import appearances, cleaning_steps, document_passages, highlight, raw_passages
from .filters import CityFilter, ClusterFilter
from .params import APPROVED_PARAM, clean_params, filter_notices, only, review_switch
from .search import search_atlas

MAX_COMPARED = 5
PAGE_SIZE = 50  # rows of any list per page; a "more" link (htmx, or a plain link) fetches the next
PROFILE_PAGE_SIZE = 25  # a profile holds five lists: 25 rows each keeps the page the size of one 50-row list
COMPARED_ROWS = 10  # rows of each kind per compared city; the rest is a link to the city's profile
ADDABLE_CITIES = 50  # cities offered in compare's "add" list; any other is one search away


def render_page(request, template_name, context, fragment=None):
    # A history-restore request (back button after htmx lost its cache) replaces the whole body.
    if fragment and request.htmx and not request.htmx.history_restore_request:
        template_name = f"{template_name}#{fragment}"
    response = render(request, template_name, context)
    # Full page and fragment share a URL: caches and the back button must keep them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


@dataclass
class TagChip:
    tag: IndustryTag | None
    url: str
    active: bool
    count: int | None = None


def tag_chips(tags, active_tag, url_for, counts=None):
    """An 'all' chip, then one chip per tag; `url_for(tag or None)` gives each link."""
    chips = [TagChip(None, url_for(None), active_tag is None)]
    chips += [TagChip(tag, url_for(tag), tag == active_tag, counts and counts[tag.pk]) for tag in tags]
    return chips


def with_query(path, **query):
    if approved_only():  # the switch stays on in every link a page gives
        query[APPROVED_PARAM] = 1
    query = {key: value for key, value in query.items() if value}
    return path + (f"?{urlencode(query, safe=',')}" if query else "")


def more_target(request):
    """The id of the element an htmx "more" link replaces, or None for any other request."""
    if request.htmx and not request.htmx.history_restore_request:
        return request.htmx.target
    return None


def tag_matrix(cities, tags):
    """The heatmap: the cities of `cities` with the most clusters × the tags they have most clusters in."""
    matrix_cities = queries.matrix_cities(cities)
    counts = queries.cluster_counts_by_city_and_tag(matrix_cities) if matrix_cities else Counter()
    clusters_per_tag = Counter()
    for (_, tag_id), clusters in counts.items():
        clusters_per_tag[tag_id] += clusters
    matrix_tags = sorted((tag for tag in tags if clusters_per_tag[tag.pk]), key=lambda tag: -clusters_per_tag[tag.pk])[
        : queries.MATRIX_TAGS
    ]
    matrix_tags.sort(key=lambda tag: (tag.sort_order, tag.slug))
    return charts.tag_matrix_chart(matrix_cities, matrix_tags, counts) if matrix_tags else None


OVERVIEW_COLUMNS = [
    ("name", "城市 city"),
    ("clusters", "产业集群 clusters"),
    ("targets", "目标数据 figures"),
    ("meetings", "会议 meetings"),
    ("latest", "最近会议 latest meeting"),
]


OVERVIEW_EXPORT_COLUMNS = [
    "slug",
    "name",
    "name_en",
    "level",
    "province",
    "parent",
    "clusters",
    "targets",
    "meetings",
    "latest_meeting_date",
    "latest_meeting",
    "url",
]


def overview_table(cities, next_url):
    rows = [
        {
            "slug": city.slug,
            "name": city.name,
            "name_en": city.name_en,
            "level": city.level,
            "province": city.province,
            "parent": city.parent.slug if city.parent else "",
            "clusters": city.cluster_count,
            "targets": city.target_count,
            "meetings": city.meeting_count,
            "latest_meeting_date": city.latest_meeting_date or "",
            "latest_meeting": city.latest_meeting_name or "",
            "url": links.city_url(city),
        }
        for city in cities
    ]
    return exports.Table("cities", OVERVIEW_EXPORT_COLUMNS, rows, next_url)


@review_switch
def overview(request):
    params = clean_params(request)
    city_filter = CityFilter(only(params, "tag", "province", "level"), queryset=City.objects.covered())
    notices = filter_notices(city_filter)
    sort = params.get("sort") or "name"
    if sort not in queries.OVERVIEW_SORTS:
        notices.append(f"已忽略未知排序“{sort}” — unknown sort ignored")
        sort = "name"
    chosen = city_filter.form.cleaned_data
    active_tag = chosen.get("tag")
    state = {
        "tag": active_tag and active_tag.slug,
        "province": chosen.get("province"),
        "level": chosen.get("level"),
        "sort": sort if sort != "name" else None,
    }
    base = reverse("dashboard:overview")

    def url(**changes):
        return with_query(base, **{**state, **changes})

    page = Paginator(queries.overview_cities(city_filter.qs, sort), PAGE_SIZE).get_page(params.get("page"))
    context = {
        "cities": list(page.object_list),
        "page": page,
        "more_url": url(page=page.next_page_number()) if page.has_next() else None,
        "first_url": url() if page.number > 1 else None,
    }
    if fmt := exports.requested_format(params):
        more = context["more_url"]
        return exports.respond(fmt, overview_table(context["cities"], more and exports.in_format(more, fmt)))
    if more_target(request) == "city-more":
        return render_page(request, "dashboard/overview.html", context, fragment="city_rows")
    version = data_version()
    tags = queries.tags_with_city_counts(version)
    matrix = queries.cached(
        version, "matrix", lambda: tag_matrix(city_filter.qs, tags), state["tag"], state["province"], state["level"]
    )
    return render_page(
        request,
        "dashboard/overview.html",
        {
            **context,
            "active_tag": active_tag,
            "state": state,
            "chips": tag_chips(
                tags, active_tag, lambda t: url(tag=t and t.slug), {tag.pk: tag.city_count for tag in tags}
            ),
            "columns": [(key, label, url(sort=key), key == sort) for key, label in OVERVIEW_COLUMNS],
            "provinces": queries.covered_provinces(),
            "levels": City.Level.choices,
            "matrix": matrix,
            "notices": notices,
            "formats": exports.format_urls(request),
            # No city at all, not just none that matches: the page explains how to fill the atlas.
            "is_empty_atlas": not page.paginator.count and not City.objects.covered().exists(),
        },
        fragment="results",
    )


class CountedPaginator(Paginator):
    """A Paginator told how many rows its list holds, so that it does not count them again."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


@dataclass
class Section:
    """One list of a city profile, a page at a time: ?<name>_page=N, or its htmx "more" link."""

    name: str
    page: object
    more_url: str | None

    @property
    def more_id(self):
        return f"{self.name}-more"


PROFILE_SECTIONS = {
    "officials": lambda city: queries.officials_of([city.pk]).order_by(*queries.OFFICIAL_ORDER),
    "meetings": lambda city: queries.meetings_of([city.pk]).order_by(*queries.MEETING_ORDER),
    "clusters": lambda city: queries.clusters_of([city.pk]).order_by(*queries.CLUSTER_ORDER),
    "targets": lambda city: queries.targets_of([city.pk]).order_by(*queries.TARGET_ORDER),
    "documents": lambda city: queries.source_documents(city),
}


def facts_table(name, facts_lists, meta=None):
    """The rows of CityFacts, kind by kind."""
    rows = [
        exports.fact_row(fact)
        for facts in facts_lists
        for fact in [*facts.officials, *facts.meetings, *facts.clusters, *facts.targets]
    ]
    return exports.Table(name, exports.FACT_COLUMNS, rows, meta=meta or {})


@review_switch
def city(request, slug):
    city = get_object_or_404(City.objects.select_related("parent"), slug=slug)
    params = clean_params(request)
    base = links.city_url(city)
    pages = {name: params.get(f"{name}_page") for name in PROFILE_SECTIONS}

    def section(name, version=None):
        rows = PROFILE_SECTIONS[name](city)
        if version is None:
            paginator = Paginator(rows, PROFILE_PAGE_SIZE)
        else:  # a big city's counts scan thousands of rows: cached under the data version
            paginator = CountedPaginator(
                rows, PROFILE_PAGE_SIZE, queries.cached(version, f"{name}-count", rows.count, city.pk)
            )
        page = paginator.get_page(pages[name])
        more_url = with_query(base, **{**pages, f"{name}_page": page.next_page_number()}) if page.has_next() else None
        return Section(name, page, more_url)

    target = more_target(request) or ""
    if target.endswith("-more") and target.removesuffix("-more") in PROFILE_SECTIONS:
        name = target.removesuffix("-more")
        chunk = section(name)
        facts = queries.CityFacts(city, **({name: list(chunk.page.object_list)} if name != "documents" else {}))
        for fact in facts.officials + facts.meetings + facts.clusters + facts.targets:
            fact.city = city
        return render_page(
            request,
            "dashboard/city.html",
            {"city": city, "facts": facts, "section": chunk, "documents": chunk.page.object_list},
            fragment=f"{name}_items",
        )
    version = data_version()
    sections = {name: section(name, version) for name in PROFILE_SECTIONS}
    facts = queries.CityFacts(
        city,
        **{name: list(sections[name].page.object_list) for name in ("officials", "meetings", "clusters", "targets")},
    )
    for fact in facts.officials + facts.meetings + facts.clusters + facts.targets:
        fact.city = city  # already loaded: no query per fact when a template asks
    if fmt := exports.requested_format(params):
        more = {name: s.more_url and exports.in_format(s.more_url, fmt) for name, s in sections.items()}
        return exports.respond(fmt, facts_table(city.slug, [facts], {"city": city.slug, "more": more}))
    return render(
        request,
        "dashboard/city.html",
        {
            "city": city,
            "facts": facts,
            "sections": sections,
            "documents": sections["documents"].page.object_list,
            "timeline": charts.meetings_timeline_chart([(city, city_color(city), facts.meetings)]),
            "target_charts": charts.target_charts([facts]),
            "children": queries.cached(version, "covered-children", lambda: queries.covered_children(city), city.pk),
            "formats": exports.format_urls(request),
            "goal_result_charts": metric_sections.city_metric_charts(city, version),
            "officials_over_time": metric_sections.officials_over_time(city, version),
        },
    )


def requested_slugs(params):
    """?cities=a,b&cities=c → ['a', 'b', 'c']: the add form sends the current list plus one."""
    slugs = (slug.strip().lower() for value in params.getlist("cities") for slug in value.split(","))
    return list(dict.fromkeys(slug for slug in slugs if slug))


def compared_cities(params):
    """(cities in the order asked, notices about what was dropped)."""
    slugs = requested_slugs(params)[: MAX_COMPARED * 4]  # bounds the IN list; far more than anyone compares
    found = {city.slug: city for city in City.objects.filter(slug__in=slugs).select_related("parent")}
    notices = []
    if unknown := [slug for slug in slugs if slug not in found]:
        notices.append(f"已忽略未知城市 {'、'.join(unknown)} — unknown cities ignored")
    cities = [found[slug] for slug in slugs if slug in found]
    if len(cities) > MAX_COMPARED:
        notices.append(
            f"最多对比{MAX_COMPARED}个城市，已忽略 {'、'.join(c.name for c in cities[MAX_COMPARED:])}"
            f" — at most {MAX_COMPARED} cities"
        )
    return cities[:MAX_COMPARED], notices


def compare_url(cities, tag=None, base=None):
    return with_query(
        base or reverse("dashboard:compare"), cities=",".join(c.slug for c in cities), tag=tag and tag.slug
    )


@review_switch
def compare(request):
    base = reverse("dashboard:compare")
    params = clean_params(request)
    cities, notices = compared_cities(params)
    cluster_filter = ClusterFilter(only(params, "tag"), queryset=IndustryCluster.objects.public())
    notices += filter_notices(cluster_filter)
    active_tag = cluster_filter.form.cleaned_data.get("tag")

    def compared_facts():
        return queries.city_facts(cities, clusters=cluster_filter.qs, limit=COMPARED_ROWS)

    if fmt := exports.requested_format(params):
        return exports.respond(fmt, facts_table("compare", compared_facts(), {"cities": [c.slug for c in cities]}))
    version = data_version()
    # The first rows of each kind of these cities (seven queries), kept with their prefetched relations.
    facts = queries.cached(
        version, "compared-facts", compared_facts, active_tag and active_tag.slug, *(city.pk for city in cities)
    )
    tags = queries.tags_with_city_counts(version)
    city_colors = CityColors(cities)  # one colour per compared city on every chart and legend of the page
    sections = metric_sections.compare_sections(
        cities, facts, tags, queries.cluster_counts_by_city_and_tag(cities), version, city_colors
    )
    response = render_page(
        request,
        "dashboard/compare.html",
        {
            "facts_list": facts,
            "compact_fact_meta": True,  # hundreds of facts: short marks, one link each
            "city_colors": city_colors,
            "columns": [(f, compare_url([c for c in cities if c != f.city], active_tag)) for f in facts],
            "tier_rows": queries.tier_rows(facts),
            "addable": (
                list(queries.covered_cities().exclude(pk__in=[c.pk for c in cities])[:ADDABLE_CITIES])
                if len(cities) < MAX_COMPARED
                else []
            ),
            "current_slugs": ",".join(c.slug for c in cities),
            "active_tag": active_tag,
            "chips": tag_chips(tags, active_tag, lambda t: compare_url(cities, t, base)),
            **sections,
            "notices": notices,
            "max_compared": MAX_COMPARED,
            "formats": exports.format_urls(request),
        },
        fragment="results",
    )
    if request.htmx and not request.htmx.history_restore_request:
        # The add form sends ?cities=a,b&cities=c; the address bar gets the canonical ?cities=a,b,c.
        push_url(response, compare_url(cities, active_tag))
    return response


def city_choices(tag, version, selected):
    """The tag page's city filter: the cities with most clusters of the tag, and the one selected."""
    choices = queries.cities_with_tag(tag, version)
    if selected and selected not in choices:
        choices = sorted([*choices, selected], key=lambda city: (city.province, city.name))
    return choices


@review_switch
def tag(request, slug):
    tag = get_object_or_404(IndustryTag, slug=slug)
    params = clean_params(request)
    data = only(params, "city", "tier")
    data["tag"] = tag.slug
    clusters = (
        IndustryCluster.objects.public()
        .select_related("city")
        .prefetch_related("tags")
        .order_by("city__province", "city__name", "city_id", "tier", "name", "pk")
    )
    cluster_filter = ClusterFilter(data, queryset=clusters)
    page = Paginator(cluster_filter.qs, PAGE_SIZE).get_page(params.get("page"))  # .qs validates the form
    chosen = cluster_filter.form.cleaned_data
    state = {"city": chosen.get("city") and chosen["city"].slug, "tier": chosen.get("tier")}
    base = links.tag_url(tag)
    context = {
        "tag": tag,
        "groups": queries.group_by_city(page.object_list),
        "page": page,
        "section": Section(
            "tag-results", page, with_query(base, **state, page=page.next_page_number()) if page.has_next() else None
        ),
    }
    if fmt := exports.requested_format(params):
        more = context["section"].more_url
        return exports.respond(
            fmt,
            exports.Table(
                tag.slug,
                exports.FACT_COLUMNS,
                [exports.fact_row(c) for c in page.object_list],
                more and exports.in_format(more, fmt),
                {"tag": tag.slug},
            ),
        )
    if more_target(request) == "tag-results-more":
        return render_page(request, "dashboard/tag.html", context, fragment="tag_groups")
    version = data_version()
    return render_page(
        request,
        "dashboard/tag.html",
        {
            **context,
            "city_choices": city_choices(tag, version, chosen.get("city")),
            "tier_choices": IndustryCluster.Tier.choices,
            "selected": chosen,
            "first_url": with_query(base, **state) if page.number > 1 else None,
            "chips": tag_chips(
                queries.tags_with_city_counts(version),
                tag,
                lambda t: links.tag_url(t) if t else reverse("dashboard:overview"),
            ),
            "notices": filter_notices(cluster_filter),
            "formats": exports.format_urls(request),
        },
        fragment="results",
    )


TEXT_VIEWS = ("normalized", "raw")


@review_switch
def document(request, pk):
    document = get_object_or_404(
        Document.objects.select_related("city", "duplicate_of").annotate(
            has_reposts=Exists(Document.objects.filter(duplicate_of=OuterRef("pk")))
        ),
        pk=pk,
    )
    text_view = clean_params(request).get("text") or "normalized"
    notices = []
    if text_view not in TEXT_VIEWS:
        notices.append(f"已忽略未知视图“{text_view}” — unknown text view ignored")
        text_view = "normalized"
    passages = document_passages(document)
    if fmt := exports.requested_format(clean_params(request)):
        cities = City.objects.only("slug", "name").in_bulk({passage.fact.city_id for passage in passages})
        for passage in passages:
            passage.fact.city = cities[passage.fact.city_id]  # one query for all, not one per row
        return exports.respond(
            fmt,
            exports.Table(
                f"document-{document.pk}",
                exports.FACT_COLUMNS,
                [exports.fact_row(p.fact) for p in passages],
                meta={
                    "document": {
                        "id": document.pk,
                        "title": document.title,
                        "source": document.source,
                        "publisher": document.publisher,
                        "published": document.published,
                    }
                },
            ),
        )
    if text_view == "raw":
        raw = raw_passages(document, passages)
        if raw is None:
            notices.append("原文与清洗稿无偏移映射，原文中不标注出处 — passages cannot be placed in the original")
        text = highlight(document.raw_text, raw or [])
    else:
        text = highlight(document.normalized_text, passages)
    return render_page(
        request,
        "dashboard/document.html",
        {
            "document": document,
            "passages": passages,
            "text": text,
            "text_view": text_view,
            "text_urls": {
                "normalized": document.get_absolute_url(),
                "raw": with_query(document.get_absolute_url(), text="raw"),
            },
            "cleaning": cleaning_steps(document),
            "appearances": appearances(document),
            "notices": notices,
            "formats": exports.format_urls(request),
        },
        fragment="text",
    )


SEARCH_COLUMNS = ["kind", "name", "city", "detail", "url"]


@review_switch
def search(request):
    params = clean_params(request)
    results = search_atlas(params.get("q", ""))
    if fmt := exports.requested_format(params):
        return exports.respond(
            fmt,
            exports.Table(
                "search", SEARCH_COLUMNS, results.rows(), meta={"query": results.query, "searched": results.searched}
            ),
        )
    return render_page(
        request,
        "dashboard/search.html",
        {"results": results, "formats": exports.format_urls(request)},
        fragment="results",
    )
