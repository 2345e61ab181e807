"""The querysets the API and the fact pages read: public facts only, in a fixed number of queries.

Every fact list goes through `.public()`, so a rejected fact is never served, and joins
its city and document in the same query; the document's long text columns stay behind.
Many-to-many relations are prefetched (one query each), through `.public()` too.
"""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from apps.atlas.models import City, Document, IndustryCluster, IndustryTag, Meeting, Official, Target

DOCUMENT_TEXT_FIELDS = ("raw_text", "normalized_text", "offset_map", "cleaning")


def public_facts(model, *, with_text=False):
    """Non-rejected facts of `model` with city, document and relations loaded; stable order for paging."""
    facts = model.objects.public().select_related("city", "document")
    if not with_text:
        facts = facts.defer(*(f"document__{name}" for name in DOCUMENT_TEXT_FIELDS))
    if model is Meeting:
        facts = facts.prefetch_related(
            Prefetch("officials", queryset=Official.objects.public().only("id", "name", "title").order_by("name", "pk"))
        )
    elif model is IndustryCluster:
        facts = facts.prefetch_related(Prefetch("tags", queryset=IndustryTag.objects.all()))
    return facts.order_by(*model._meta.ordering, "pk")


def cities():
    return City.objects.select_related("parent").order_by("province", "name", "pk")


def city_detail():
    return cities().with_counts()


def documents(*, with_text=False):
    documents = Document.objects.select_related("city").order_by("-published", "source", "pk")
    return documents if with_text else documents.defer(*DOCUMENT_TEXT_FIELDS)


def _public_count(model):
    """A subquery counting the document's non-rejected facts of `model`."""
    count = (
        model.objects.public()
        .filter(document=OuterRef("pk"))
        .order_by()
        .values("document")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(count, output_field=IntegerField()), 0)


def document_detail():
    return (
        documents(with_text=True)
        .defer("raw_text", "offset_map", "cleaning")
        .annotate(
            official_count=_public_count(Official),
            meeting_count=_public_count(Meeting),
            cluster_count=_public_count(IndustryCluster),
            target_count=_public_count(Target),
        )
    )
