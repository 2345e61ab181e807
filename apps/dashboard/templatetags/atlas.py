"""Template helpers for the public pages."""

from urllib.parse import urlsplit

from django import template
from django.contrib import admin
from django.db.models import Count, Max
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from apps.atlas.models import Document, IndustryCluster, Meeting, ReviewStatus, Target
from apps.atlas.visibility import approved_only
from apps.dashboard import colors, links, units
from apps.dashboard.documents import fact_key
from apps.dashboard.params import APPROVED_PARAM

register = template.Library()


@register.simple_tag(takes_context=True)
def edit_link(context, fact):
    """A small link to the fact's admin change page, for staff only.

    Nothing is shown while the model is not registered with the admin: there is no
    change page to point at then, and a public page must not fail over it.
    """
    request = context.get("request")
    if not (request and request.user.is_staff and admin.site.is_registered(type(fact))):
        return ""
    opts = fact._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[fact.pk])
    return format_html('<a class="edit-link" href="{}" title="在后台编辑 edit in admin">edit</a>', url)


@register.simple_tag(takes_context=True)
def fact_meta(context, fact):
    """The fact's review mark, source link, own page (and, for staff, its edit link). A tag, not an
    included partial: it is drawn once per fact, hundreds of times on a page.

    Where the context sets `compact_fact_meta` (compare, which shows hundreds of facts of five
    cities), a short review mark and one link to the fact's page, which quotes the passage and links
    to it: the passage tooltip and the long marks were a third of that page."""
    if context.get("compact_fact_meta"):
        return format_html(
            '<span class="fact-meta">{}<a class="fact-link" href="{}">详情</a>{}</span>',
            compact_review_mark(fact),
            links.fact_url(fact),
            edit_link(context, fact),
        )
    return format_html(
        '<span class="fact-meta">{}<a class="source-link" href="{}" title="{}">出处</a>'
        '<a class="fact-link" href="{}" title="本条信息 this fact\'s page">详情</a>{}</span>',
        review_mark(fact),
        evidence_url(fact),
        fact.evidence_text,
        links.fact_url(fact),
        edit_link(context, fact),
    )


VERIFIED_MARK = format_html(
    '<span class="badge badge-verified" title="{}">✓ 已核实 <span lang="en">verified</span></span>',
    "工作人员已核实 approved by staff",
)
UNREVIEWED_MARK = format_html(
    '<span class="badge badge-unreviewed" title="{}">未审核 <span lang="en">unreviewed</span></span>',
    "尚未经工作人员审核 not yet reviewed by staff",
)


@register.filter
def review_mark(fact):
    """'✓ 已核实 verified' once staff approved the fact, '未审核 unreviewed' until then.

    Nothing for a row loaded without its status (.only() columns that leave it out): a query per
    row would cost more than the mark is worth; pages that show facts load it."""
    if "review_status" not in fact.__dict__:  # deferred; get_deferred_fields() walks every field per call
        return ""
    return status_mark(fact.review_status)


COMPACT_VERIFIED_MARK = mark_safe('<span class="badge badge-verified" title="已核实 verified">✓</span>')
COMPACT_UNREVIEWED_MARK = mark_safe('<span class="badge badge-unreviewed" title="未审核 unreviewed">未审</span>')


def compact_review_mark(fact):
    """review_mark in a few characters, the words in its title."""
    if "review_status" not in fact.__dict__:
        return ""
    if not fact.review_status:
        return ""
    return COMPACT_VERIFIED_MARK if fact.review_status == ReviewStatus.APPROVED else COMPACT_UNREVIEWED_MARK


@register.filter
def status_mark(status):
    """review_mark for a review status alone (the map's rows are dicts, not facts); nothing for ""."""
    if not status:
        return ""
    return VERIFIED_MARK if status == ReviewStatus.APPROVED else UNREVIEWED_MARK


@register.filter
def tag_links(tags):
    """The industry tags of a cluster as links."""
    tags = list(tags)
    if not tags:
        return ""
    return format_html(
        '<span class="tag-list">{}</span>',
        format_html_join(
            "",
            '<a class="tag" href="{}" title="{}">{}</a>',
            ((links.tag_url(tag), tag.name_en, tag.name_zh) for tag in tags),
        ),
    )


@register.filter
def target_kind(target):
    """A badge: a target and its deadline, or a reported figure and its year."""
    if target.kind == Target.Kind.TARGET:
        return format_html(
            '<span class="badge badge-target">目标 target{}</span>', f" · 到{target.year}年" if target.year else ""
        )
    return format_html(
        '<span class="badge badge-actual">实际 actual{}</span>', f" · {target.year}年" if target.year else ""
    )


@register.filter
def city_link(city):
    return format_html(
        '<a class="city-name" href="{}">{} <span class="en" lang="en">{}</span></a>',
        links.city_url(city),
        city.name,
        city.name_en,
    )


@register.filter
def iso_date(value):
    """2024-06-10: what |date:"Y-m-d" prints, without Django's date formatting machinery per row."""
    return value.isoformat() if value else ""


@register.filter
def evidence_url(fact):
    """Where the fact's passage is highlighted in its article."""
    return links.document_url(fact.document_id) + f"#ev-{fact_key(fact)}"


@register.filter
def fact_url(fact):
    """The fact's own page: /facts/<kind>/<id>/."""
    return links.fact_url(fact)


@register.simple_tag
def showing_approved_only():
    return approved_only()


@register.simple_tag(takes_context=True)
def approved_switch_url(context):
    """This page's address with the "approved only" switch flipped (and back to its first page)."""
    request = context.get("request")
    if request is None:
        return "?approved=1"
    query = request.GET.copy()
    for name in [APPROVED_PARAM, "page", "format", *[key for key in query if key.endswith("_page")]]:
        query.pop(name, None)
    if not approved_only():
        query[APPROVED_PARAM] = "1"
    return f"{request.path}?{query.urlencode()}" if query else request.path


@register.filter
def city_url(city):
    return links.city_url(city)


@register.filter
def tag_url(tag):
    return links.tag_url(tag)


@register.filter
def document_url(document):
    return links.document_url(document.pk)


@register.filter
def key(fact):
    return fact_key(fact)


@register.filter
def plain_number(value):
    return units.plain_number(value)


@register.filter
def target_amount(target):
    """The figure on its family's scale: '2,000亿元', '3.9%', '2,800家'."""
    number, unit = units.amount(target)
    return f"{units.plain_number(number)}{unit}"


@register.filter
def as_written(target):
    return f"{units.plain_number(target.value)}{'' if target.unit == 'count' else target.unit}"


@register.filter
def summary(fact):
    """One line naming a fact of any kind, for the document's list of extracted facts."""
    if isinstance(fact, Target):
        kind = "目标" if fact.kind == Target.Kind.TARGET else "实际"
        return f"{fact.metric} {as_written(fact)}（{kind}{f' {fact.year}' if fact.year else ''}）"
    if isinstance(fact, Meeting):
        return f"{fact.date.isoformat() if fact.date else '日期不详'} {fact.name}"
    if isinstance(fact, IndustryCluster):
        return f"{fact.name} · {fact.get_tier_display()}"
    return str(fact)


@register.simple_tag(takes_context=True)
def chart_source(context):
    """'来源: 城市产业战略图谱, 12 documents, 2026-11-30': the line under each chart, one query per page."""
    holder = context.get("request") or context.render_context  # the request lives through every include
    line = getattr(holder, "atlas_chart_source", None)
    if line is None:
        stats = Document.objects.aggregate(documents=Count("pk"), latest=Max("ingested_at"))
        date = stats["latest"].date().isoformat() if stats["latest"] else "—"
        line = f"来源: 城市产业战略图谱, {stats['documents']:,} documents, {date}"
        holder.atlas_chart_source = line
    return line


def _spaced(mark):
    return format_html(" {}", mark) if mark else ""


@register.filter
def map_table_rows(points):
    """The map's data table, a row per covered city (apps.maps.values.city_points): one
    format_html_join rather than a template loop over a thousand cities."""
    return format_html_join(
        "\n",
        '<tr><th scope="row"><a href="{}">{} <span class="en" lang="en">{}</span></a></th><td>{}</td><td>{}{}</td></tr>',
        (
            (p["url"], p["name"], p["name_en"], p["province"], p["label"], _spaced(status_mark(p.get("review_status"))))
            for p in points
        ),
    )


SINGLE_QUOTED_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#x27;"})


@register.filter
def single_quoted(text):
    """`text` escaped for an attribute value in single quotes: double quotes stay as they are.

    For JSON in data- attributes: escaped for double quotes, every " of a chart's JSON became
    &quot; and the figures of compare took half again their size."""
    return mark_safe(str(text).translate(SINGLE_QUOTED_ATTRIBUTE))


@register.filter
def at(sequence, index):
    return sequence[index]


@register.filter
def city_name_of(facts):
    return facts.city.name


@register.filter
def city_color_class(city, city_colors=None):
    """'city-color-3': the city's colour (apps/dashboard/colors.py) as a class, for swatches under the CSP;
    with the page's CityColors (`city|city_color_class:city_colors`), the colour it has on that page's charts."""
    return city_colors.css_class(city) if city_colors else colors.color_class(city)


@register.filter
def web_url(value):
    """The URL if it is http(s), else "": a stored javascript: or data: URL never becomes a link.

    Ingest already drops such URLs at its boundary; this keeps rows stored before that, or
    written by hand, from turning into script on a public page.
    """
    value = str(value or "").strip()
    return value if urlsplit(value).scheme.lower() in ("http", "https") else ""
