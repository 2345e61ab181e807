"""What the map reads, in four queries whatever the number of cities and facts.

Everything goes through `.public()`: a rejected fact never colours a city.
"""
from django.db.models import Count, Exists, F, OuterRef, Q

from apps.atlas.models import City, Document, IndustryCluster, IndustryTag, ReviewStatus, Target

CITY_FIELDS = ("slug", "name", "name_en", "full_name", "province", "longitude", "latitude")
TARGET_FIELDS = ("city_id", "document_id", "metric_key", "measure", "kind", "year", "value", "value_high", "unit",
                 "base_value", "base_unit", "bound", "estimated")


def covered_cities():
    """Cities at least one article is about: one marker each."""
    has_document = Exists(Document.objects.filter(city=OuterRef("pk")))
    return City.objects.filter(has_document).only(*CITY_FIELDS).order_by("province", "name")


def metric_choices():
    """[{metric_key, measure, cities}] of the public figures that carry a taxonomy key, most cities first."""
    return list(
        Target.objects.public().exclude(metric_key="")
        .values("metric_key", "measure")
        .annotate(cities=Count("city", distinct=True))
        .order_by("-cities", "metric_key", "measure")
    )


def tag_choices():
    """Every industry tag with the number of cities that have a public cluster carrying it."""
    public = ~Q(clusters__review_status=ReviewStatus.REJECTED)
    return list(IndustryTag.objects.annotate(cities=Count("clusters__city", filter=public, distinct=True))
                .only("slug", "name_zh", "name_en", "sort_order").order_by("sort_order", "slug"))


def metric_rows(metric_key, measure):
    """The public figures of one metric and measure, each with the date of the article stating it."""
    return list(
        Target.objects.public().filter(metric_key=metric_key, measure=measure)
        .annotate(document_date=F("document__published"))
        .only(*TARGET_FIELDS)
        .order_by()
    )


def cluster_counts(tag):
    """{city_id: number of public clusters carrying `tag`}."""
    rows = (IndustryCluster.objects.public().filter(tags=tag)
            .values_list("city_id").annotate(clusters=Count("pk", distinct=True)).order_by())
    return dict(rows)
