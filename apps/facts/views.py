"""One public page per fact: what it says, its passage in context, its review status, how to cite it.

/facts/<kind>/<id>/ is the page; ?format=json or /facts/<kind>/<id>.json give the same fact
as the API does.  Rejected and unknown facts answer 404.
"""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render

from apps.api.queries import public_facts
from apps.api.schemas import fact_json as fact_as_json
from apps.atlas.models import ReviewStatus

from .citation import citation, fact_summary, figure
from .kinds import LABELS, MODELS
from .links import fact_url
from .passage import passage_in_context

STATUS_LABELS = {
    ReviewStatus.APPROVED: "已核实 verified",
    ReviewStatus.PENDING: "未审核 unreviewed",
}


def get_public_fact(kind, pk):
    return get_object_or_404(public_facts(MODELS[kind], with_text=True), pk=pk)


def fact(request, kind, pk):
    fact = get_public_fact(kind, pk)
    if request.GET.get("format") == "json":
        return as_json(fact, request)
    document = fact.document
    url = fact_url(fact, request)
    return render(
        request,
        "facts/fact.html",
        {
            "fact": fact,
            "kind": kind,
            "kind_label": LABELS[kind],
            "summary": fact_summary(fact),
            "rows": fact_rows(kind, fact),
            "passage": passage_in_context(
                document.normalized_text, fact.evidence_start, fact.evidence_end, fact.evidence_text
            ),
            "verified": fact.review_status == ReviewStatus.APPROVED,
            "status_label": STATUS_LABELS[fact.review_status],
            "citation": citation(fact, url),
            "fact_url": url,
            # The document page marks each passage with an anchor named after the fact's model and id.
            "document_url": f"{document.get_absolute_url()}#ev-{fact._meta.model_name}-{fact.pk}",
        },
    )


def fact_json(request, kind, pk):
    return as_json(get_public_fact(kind, pk), request)


def as_json(fact, request):
    return JsonResponse(fact_as_json(fact, request), json_dumps_params={"ensure_ascii": False})


def fact_rows(kind, fact):
    """(label, value) pairs of the fact's own fields, empty ones left out."""
    if kind == "official":
        rows = [("姓名 name", fact.name), ("职务 title", fact.title)]
    elif kind == "meeting":
        date = fact.date.isoformat() if fact.date else ""
        rows = [
            ("会议 name", fact.name),
            ("日期 date", date + ("（年份推断 year inferred）" if date and fact.year_inferred else "")),
            ("类型 kind", fact.kind),
            ("主题 theme", fact.theme),
            ("地点 location", fact.location),
            ("出席 officials", "、".join(str(official) for official in fact.officials.all())),
        ]
    elif kind == "cluster":
        rows = [
            ("产业 name", fact.name),
            ("层级 tier", fact.get_tier_display()),
            ("标签 tags", "、".join(tag.name_zh for tag in fact.tags.all())),
        ]
    else:
        rows = [
            ("指标 metric", fact.metric),
            ("指标键 metric key", fact.metric_key),
            ("类型 kind", fact.get_kind_display()),
            ("年份 year", fact.year),
            ("数值 value", figure(fact)),
            ("口径 measure", fact.get_measure_display() if fact.measure else ""),
            ("界限 bound", fact.get_bound_display()),
            ("预计 estimated", "是 yes" if fact.estimated else ""),
        ]
    return [(label, value) for label, value in rows if value not in ("", None)]
