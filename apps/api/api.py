"""The read-only JSON API under /api/, with its OpenAPI schema at /api/openapi.json.

Only GET routes are declared, so django-ninja answers any other method with 405.  The
interactive docs (/api/docs) are Swagger UI from django-ninja's own static files: with
"ninja" in INSTALLED_APPS it never loads anything from a CDN.
"""

from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query
from ninja.pagination import paginate
from ninja.renderers import JSONRenderer

from apps.atlas.models import IndustryTag
from apps.facts.kinds import MODELS

from . import queries
from .filters import (
    CityFilter,
    ClusterFilter,
    DocumentFilter,
    MeetingFilter,
    OfficialFilter,
    TargetFilter,
)
from .pagination import Paging
from .schemas import (
    SCHEMAS,
    CityDetailOut,
    CityOut,
    DocumentDetailOut,
    DocumentOut,
    TagOut,
)


class ReadableJSON(JSONRenderer):
    """Chinese as characters, not \\u escapes: half the size, and readable with curl."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="城市产业战略图谱 City Strategy Atlas API",
    version="1",
    description=(
        "Read-only access to the atlas: cities, the documents ingested about them, and the facts "
        "extracted from those documents (officials, meetings, industry clusters, targets), each with "
        "the passage it came from. Facts staff rejected are never served. Lists take limit/offset."
    ),
    urls_namespace="api",
    renderer=ReadableJSON(),
)


@api.get("/cities/", response=list[CityOut], tags=["cities"], operation_id="list_cities")
@paginate(Paging)
def list_cities(request, filters: CityFilter = Query(...)):
    return filters.filter(queries.cities())


@api.get("/cities/{slug:slug}/", response=CityDetailOut, tags=["cities"], operation_id="get_city")
def get_city(request, slug: str):
    return get_object_or_404(queries.city_detail(), slug=slug)


@api.get("/documents/", response=list[DocumentOut], tags=["documents"], operation_id="list_documents")
@paginate(Paging)
def list_documents(request, filters: DocumentFilter = Query(...)):
    return filters.filter(queries.documents())


@api.get("/documents/{document_id}/", response=DocumentDetailOut, tags=["documents"], operation_id="get_document")
def get_document(request, document_id: int):
    return get_object_or_404(queries.document_detail(), pk=document_id)


@api.get("/tags/", response=list[TagOut], tags=["tags"], operation_id="list_tags")
@paginate(Paging)
def list_tags(request):
    return IndustryTag.objects.order_by("sort_order", "slug")


FILTERS = {
    "official": OfficialFilter,
    "meeting": MeetingFilter,
    "cluster": ClusterFilter,
    "target": TargetFilter,
}


def add_fact_routes(kind, plural):
    """GET /<plural>/ (filtered, paged) and GET /<plural>/{id}/ for one fact kind."""
    model, schema, filter_class = MODELS[kind], SCHEMAS[kind], FILTERS[kind]

    @api.get(
        f"/{plural}/", response=list[schema], tags=[plural], operation_id=f"list_{plural}", summary=f"List {plural}"
    )
    @paginate(Paging)
    def list_facts(request, filters: filter_class = Query(...)):
        return filters.filter(queries.public_facts(model))

    @api.get(
        f"/{plural}/{{fact_id}}/", response=schema, tags=[plural], operation_id=f"get_{kind}", summary=f"One {kind}"
    )
    def get_fact(request, fact_id: int):
        return get_object_or_404(queries.public_facts(model), pk=fact_id)


for kind, plural in (
    ("official", "officials"),
    ("meeting", "meetings"),
    ("cluster", "clusters"),
    ("target", "targets"),
):
    add_fact_routes(kind, plural)
