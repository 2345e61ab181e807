"""What the map reads, in three queries whatever the number of cities and facts (five when its choice lists
are not cached yet).

Everything goes through `.public()` (or its condition, `public_q`, from the tags' side): a rejected
fact never colours a city, and with the "approved only" switch on only approved ones do.
"""

from django.db.models import Count, Exists, F, OuterRef

from apps.atlas.models import City, Document, IndustryCluster, IndustryTag, Target, public_q
from apps.dashboard.queries import cached

CITY_FIELDS = ("slug", "name", "name_en", "full_name", "province", "longitude", "latitude")
TARGET_FIELDS = (
    "city_id",
    "document_id",
    "metric_key",
    "measure",
    "kind",
    "year",
    "value",
    "value_high",
    "unit",
    "base_value",
    "base_unit",
    "bound",
    "estimated",
    "review_status",  # the map's table marks each value verified or unreviewed
)


def about_city(field):
    """True where at least one article is about the city in `field`: the cities the map shows."""
    return Exists(Document.objects.filter(city=OuterRef(field)))


def covered_cities():
    """Cities at least one article is about, one marker each: plain rows (pk and CITY_FIELDS), not
    model instances, for there is one per covered city on every request."""
    return list(
        City.objects.filter(about_city("pk")).order_by("province", "name").values_list("pk", *CITY_FIELDS, named=True)
    )


def metric_choices(version):
    """[{metric_key, measure, cities}] of the public figures that carry a taxonomy key, most covered cities first.

    An aggregate over every figure (280 ms at 300,000 facts): cached under the data version."""
    return cached(version, "map-metric-choices", _metric_choices)


def _metric_choices():
    return list(
        Target.objects.public()
        .exclude(metric_key="")
        .filter(about_city("city"))
        .values("metric_key", "measure")
        .annotate(cities=Count("city", distinct=True))
        .order_by("-cities", "metric_key", "measure")
    )


def tag_choices(version):
    """Every industry tag with the number of cities that have a public cluster carrying it.

    An aggregate over every cluster (400 ms at 300,000 facts): cached under the data version."""
    return cached(version, "map-tag-choices", _tag_choices)


def _tag_choices():
    return list(
        IndustryTag.objects.annotate(cities=Count("clusters__city", filter=public_q("clusters__"), distinct=True))
        .only("slug", "name_zh", "name_en", "sort_order")
        .order_by("sort_order", "slug")
    )


def metric_rows(metric_key, measure):
    """The public figures of one metric and measure about covered cities, each with its article's date.

    Plain rows with the attributes apps.atlas.series reads: a metric has a row per city and year,
    thousands of them, and model instances cost more than the series built from them."""
    return list(
        Target.objects.public()
        .filter(metric_key=metric_key, measure=measure)
        .filter(about_city("city"))
        .annotate(document_date=F("document__published"))
        .order_by()
        .values_list("id", *TARGET_FIELDS, "document_date", named=True)
    )


def cluster_counts(tag):
    """{city_id: number of public clusters carrying `tag`}."""
    rows = (
        IndustryCluster.objects.public()
        .filter(tags=tag)
        .values_list("city_id")
        .annotate(clusters=Count("pk", distinct=True))
        .order_by()
    )
    return dict(rows)
