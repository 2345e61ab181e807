"""Selectors: everything the pages read, in a fixed number of queries whatever the data size.

Every fact goes through `.public()`, so rejected facts never reach a template, and
many-to-many relations are prefetched through `.public()` too.
"""
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery

from apps.atlas.models import City, Document, IndustryCluster, IndustryTag, Meeting, Official, ReviewStatus, Target

from .filters import with_public_cluster_tagged
from .units import FAMILIES, family_of

CHRONOLOGICAL = (F("date").asc(nulls_last=True), "name")


# The overview's sort orders; each ends on a unique column so pages never overlap.
OVERVIEW_SORTS = {
    "name": ("province", "name", "pk"),
    "clusters": (F("cluster_count").desc(), "province", "name", "pk"),
    "targets": (F("target_count").desc(), "province", "name", "pk"),
    "meetings": (F("meeting_count").desc(), "province", "name", "pk"),
    "latest": (F("latest_meeting_date").desc(nulls_last=True), "province", "name", "pk"),
}
MATRIX_CITIES = 15
MATRIX_TAGS = 12


def overview_cities(cities, sort="name"):
    """`cities` with their fact counts and latest meeting, in one of OVERVIEW_SORTS.

    The counts are correlated subqueries; sliced to a page, PostgreSQL only runs them for
    the rows it returns unless the page is sorted by them.
    """
    latest_meeting = Meeting.objects.public().filter(city=OuterRef("pk"), date__isnull=False).order_by("-date")
    return (
        cities.with_counts()
        .select_related("parent")
        .only("slug", "name", "name_en", "level", "province", "parent__slug", "parent__name")
        .annotate(latest_meeting_name=Subquery(latest_meeting.values("name")[:1]))
        .order_by(*OVERVIEW_SORTS[sort])
    )


def covered_provinces():
    return list(City.objects.covered().exclude(province="").order_by("province")
                .values_list("province", flat=True).distinct())


def matrix_cities(cities, limit=MATRIX_CITIES):
    """The `limit` cities of `cities` with the most public clusters, most first: what a heatmap has room for."""
    top = (
        IndustryCluster.objects.public().filter(city__in=cities.values("pk"))
        .values("city").annotate(clusters=Count("pk")).order_by("-clusters", "city")[:limit]
    )
    ids = [row["city"] for row in top]
    found = City.objects.only("slug", "name", "name_en").in_bulk(ids)
    return [found[pk] for pk in ids]


def covered_cities():
    return City.objects.covered().only("slug", "name", "name_en")


def cities_with_tag(tag):
    return City.objects.filter(with_public_cluster_tagged(tag)).only("slug", "name", "name_en")


def cluster_counts_by_city_and_tag(cities):
    """Counter {(city_id, tag_id): number of public clusters} for `cities`, in one query over the M2M table."""
    public = IndustryCluster.objects.public().filter(city__in=[city.pk for city in cities])
    rows = (
        IndustryCluster.tags.through.objects.filter(industrycluster__in=public)
        .values_list("industrycluster__city_id", "industrytag_id")
        .annotate(clusters=Count("pk"))
        .order_by()
    )
    return Counter({(city_id, tag_id): clusters for city_id, tag_id, clusters in rows})


@dataclass
class Person:
    """One official, however many articles name them (the model keeps one Official row per document)."""

    name: str
    city: City
    rows: list = field(default_factory=list)

    @property
    def titles(self):
        return list(dict.fromkeys(row.title for row in self.rows if row.title))

    @property
    def meetings(self):
        unique = {meeting.pk: meeting for row in self.rows for meeting in row.meetings.all()}
        return sorted(unique.values(), key=lambda m: (m.date is None, m.date, m.name))

    @property
    def anchor(self):
        return f"official-{self.name}"


def group_people(officials):
    """[Person] in first-seen order; the same name in two cities is taken for two people."""
    people = {}
    for official in officials:
        key = (official.city_id, official.name)
        people.setdefault(key, Person(official.name, official.city)).rows.append(official)
    return list(people.values())


@dataclass
class CityFacts:
    """What the atlas knows about one city: the columns of a comparison, the body of a profile."""

    city: City
    officials: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    clusters: list = field(default_factory=list)
    targets: list = field(default_factory=list)

    @property
    def people(self):
        return group_people(self.officials)

    @property
    def tiers(self):
        """[(tier label, clusters)] in the taxonomy's order, only tiers that have clusters."""
        by_tier = defaultdict(list)
        for cluster in self.clusters:
            by_tier[cluster.tier].append(cluster)
        return [(label, by_tier[value]) for value, label in IndustryCluster.Tier.choices if by_tier[value]]

    @property
    def targets_by_family(self):
        """[(Family, targets)]: money, percentages, counts and ranks never share a table."""
        return [(family, group) for family in FAMILIES
                if (group := [target for target in self.targets if family_of(target) is family])]

    @property
    def is_empty(self):
        return not (self.officials or self.meetings or self.clusters or self.targets)


def city_facts(cities, clusters=None):
    """[CityFacts] in the order of `cities`, in seven queries however many cities and facts.

    `clusters` lets a caller narrow the clusters first (the ?tag= filter of compare).
    """
    ids = [city.pk for city in cities]
    facts = {city.pk: CityFacts(city) for city in cities}
    officials = (
        Official.objects.public()
        .filter(city__in=ids)
        .prefetch_related(Prefetch("meetings", queryset=Meeting.objects.public().order_by(*CHRONOLOGICAL)))
    )
    meetings = (
        Meeting.objects.public()
        .filter(city__in=ids)
        .order_by(*CHRONOLOGICAL)
        .prefetch_related(Prefetch("officials", queryset=Official.objects.public()))
    )
    clusters = (clusters if clusters is not None else IndustryCluster.objects.public()).filter(city__in=ids)
    targets = Target.objects.public().filter(city__in=ids).order_by("metric", "kind", "year")
    for attribute, queryset in [
        ("officials", officials),
        ("meetings", meetings),
        ("clusters", clusters.prefetch_related("tags")),
        ("targets", targets),
    ]:
        for fact in queryset:
            fact.city = facts[fact.city_id].city  # already loaded: no query per fact when a template asks
            getattr(facts[fact.city_id], attribute).append(fact)
    return [facts[pk] for pk in ids]


def tier_rows(facts_list):
    """[(tier label, [clusters of each city])] for every tier that any of the compared cities has."""
    return [
        (label, [[cluster for cluster in facts.clusters if cluster.tier == tier] for facts in facts_list])
        for tier, label in IndustryCluster.Tier.choices
        if any(cluster.tier == tier for facts in facts_list for cluster in facts.clusters)
    ]


def group_by_city(clusters):
    """[(city, clusters)] in the order the clusters come in."""
    groups = {}
    for cluster in clusters:
        groups.setdefault(cluster.city_id, (cluster.city, []))[1].append(cluster)
    return list(groups.values())


def source_documents(city, facts):
    """Articles about the city, and articles elsewhere that the city's facts were taken from."""
    document_ids = {
        fact.document_id for facts_of_kind in (facts.officials, facts.meetings, facts.clusters, facts.targets)
        for fact in facts_of_kind
    }
    return (
        Document.objects.filter(Q(city=city) | Q(pk__in=document_ids))
        .defer("raw_text", "normalized_text", "offset_map")
        .order_by(F("published").desc(nulls_last=True), "source")
    )


def tags_in_use():
    """Tags at least one public cluster carries: the only ones worth filtering by."""
    in_use = Exists(IndustryCluster.objects.public().filter(tags=OuterRef("pk")))
    return IndustryTag.objects.filter(in_use).only("slug", "name_zh", "name_en", "sort_order")


def tags_with_city_counts():
    """Tags in use, each with `city_count`: how many cities have a public cluster carrying it."""
    public = ~Q(clusters__review_status=ReviewStatus.REJECTED)
    return (
        IndustryTag.objects.annotate(city_count=Count("clusters__city", filter=public, distinct=True))
        .filter(city_count__gt=0)
        .only("slug", "name_zh", "name_en", "sort_order")
    )
