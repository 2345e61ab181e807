"""Template helpers for the public pages."""
from urllib.parse import urlsplit

from django import template
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from apps.atlas.models import IndustryCluster, Meeting, Target
from apps.dashboard import colors, links, units
from apps.dashboard.documents import fact_key

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
    """The fact's source link (and, for staff, its edit link). A tag, not an included partial:
    it is drawn once per fact, hundreds of times on a page."""
    return format_html('<span class="fact-meta"><a class="source-link" href="{}" title="{}">出处</a>{}</span>',
                       evidence_url(fact), fact.evidence_text, edit_link(context, fact))


@register.filter
def tag_links(tags):
    """The industry tags of a cluster as links."""
    tags = list(tags)
    if not tags:
        return ""
    return format_html('<span class="tag-list">{}</span>', format_html_join(
        "", '<a class="tag" href="{}" title="{}">{}</a>', ((links.tag_url(tag), tag.name_en, tag.name_zh) for tag in tags)))


@register.filter
def target_kind(target):
    """A badge: a target and its deadline, or a reported figure and its year."""
    if target.kind == Target.Kind.TARGET:
        return format_html('<span class="badge badge-target">目标 target{}</span>',
                           f" · 到{target.year}年" if target.year else "")
    return format_html('<span class="badge badge-actual">实际 actual{}</span>', f" · {target.year}年" if target.year else "")


@register.filter
def city_link(city):
    return format_html('<a class="city-name" href="{}">{} <span class="en">{}</span></a>',
                       links.city_url(city), city.name, city.name_en)


@register.filter
def iso_date(value):
    """2024-06-10: what |date:"Y-m-d" prints, without Django's date formatting machinery per row."""
    return value.isoformat() if value else ""


@register.filter
def evidence_url(fact):
    """Where the fact's passage is highlighted in its article."""
    return links.document_url(fact.document_id) + f"#ev-{fact_key(fact)}"


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


@register.filter
def city_color_class(city):
    """'city-color-3': the city's colour (apps/dashboard/colors.py) as a class, for swatches under the CSP."""
    return colors.color_class(city)


@register.filter
def web_url(value):
    """The URL if it is http(s), else "": a stored javascript: or data: URL never becomes a link.

    Ingest already drops such URLs at its boundary; this keeps rows stored before that, or
    written by hand, from turning into script on a public page.
    """
    value = str(value or "").strip()
    return value if urlsplit(value).scheme.lower() in ("http", "https") else ""
