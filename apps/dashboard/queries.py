"""Selectors: everything the pages read, in a fixed number of queries whatever the data size.

Every fact goes through `.public()`, so rejected facts never reach a template, and
many-to-many relations are prefetched through `.public()` too.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, F, OuterRef, Prefetch, Subquery, Window
from django.db.models.functions import RowNumber

from apps.atlas.models import City, Document, IndustryCluster, IndustryTag, Meeting, Official, Target, public_q
from apps.atlas.visibility import approved_only

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
    return list(
        City.objects.covered().exclude(province="").order_by("province").values_list("province", flat=True).distinct()
    )


def matrix_cities(cities, limit=MATRIX_CITIES):
    """The `limit` cities of `cities` with the most public clusters, most first: what a heatmap has room for."""
    top = (
        IndustryCluster.objects.public()
        .filter(city__in=cities.values("pk"))
        .values("city")
        .annotate(clusters=Count("pk"))
        .order_by("-clusters", "city")[:limit]
    )
    ids = [row["city"] for row in top]
    found = City.objects.only("slug", "name", "name_en").in_bulk(ids)
    return [found[pk] for pk in ids]


def covered_children(city):
    """The counties and districts under `city` that articles cover, with their counts: a parent's profile lists them."""
    return list(
        City.objects.covered()
        .filter(parent=city)
        .with_counts()
        .only("slug", "name", "name_en", "level")
        .order_by("name", "pk")
    )


def covered_cities():
    return City.objects.covered().only("slug", "name", "name_en")


TAG_CITY_CHOICES = 100


def cities_with_tag(tag, version, limit=TAG_CITY_CHOICES):
    """The `limit` cities with the most public clusters carrying `tag`, by province and name: a select's choices."""
    fields = ("city_id", "city__slug", "city__name", "city__name_en", "city__province")

    def compute():
        top = (
            IndustryCluster.objects.public()
            .filter(tags=tag)
            .values_list(*fields)
            .annotate(clusters=Count("pk"))
            .order_by("-clusters", "city_id")[:limit]
        )
        cities = [
            City(pk=pk, slug=slug, name=name, name_en=name_en, province=province)
            for pk, slug, name, name_en, province, _ in top
        ]
        return sorted(cities, key=lambda city: (city.province, city.name))

    return cached(version, "cities-with-tag", compute, tag.pk, limit)


def cluster_counts_by_city_and_tag(cities):
    """Counter {(city_id, tag_id): number of public clusters} for `cities`, in one query over the M2M table."""
    # One join to the clusters, filtered there: `industrycluster__in=<public clusters>` joined them twice.
    rows = (
        IndustryCluster.tags.through.objects.filter(
            public_q("industrycluster__"), industrycluster__city_id__in=[city.pk for city in cities]
        )
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

    @cached_property
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
    totals: dict = field(default_factory=dict)  # {kind: rows in all} when the lists hold the first rows only

    def more(self, attribute):
        """How many rows of a kind are left out of its list."""
        return self.totals.get(attribute, 0) - len(getattr(self, attribute))

    @property
    def more_officials(self):
        return self.more("officials")

    @property
    def more_meetings(self):
        return self.more("meetings")

    @property
    def more_clusters(self):
        return self.more("clusters")

    @property
    def more_targets(self):
        return self.more("targets")

    @cached_property
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
        return [
            (family, group)
            for family in FAMILIES
            if (group := [target for target in self.targets if family_of(target) is family])
        ]

    @property
    def is_empty(self):
        return not (self.officials or self.meetings or self.clusters or self.targets)


# Each kind's order within a city, shared by the profile's pages and compare's capped columns.
OFFICIAL_ORDER = ("name", "pk")
MEETING_ORDER = (*CHRONOLOGICAL, "pk")
CLUSTER_ORDER = ("tier", "name", "pk")
TARGET_ORDER = ("metric", "kind", "year", "pk")


def officials_of(city_ids):
    return (
        Official.objects.public()
        .filter(city__in=city_ids)
        .prefetch_related(Prefetch("meetings", queryset=Meeting.objects.public().order_by(*CHRONOLOGICAL)))
    )


def meetings_of(city_ids):
    return (
        Meeting.objects.public()
        .filter(city__in=city_ids)
        .prefetch_related(Prefetch("officials", queryset=Official.objects.public()))
    )


def clusters_of(city_ids, clusters=None):
    return (
        (clusters if clusters is not None else IndustryCluster.objects.public())
        .filter(city__in=city_ids)
        .prefetch_related("tags")
    )


def targets_of(city_ids):
    return Target.objects.public().filter(city__in=city_ids)


def _order_expression(item):
    if hasattr(item, "resolve_expression"):
        return item
    return F(item[1:]).desc() if item.startswith("-") else F(item).asc()


def first_per_city(queryset, order, limit, cities):
    """The first `limit` rows of each of `cities` (how many) in `order`, each annotated with its city's `total`.

    Window functions keep this one query however many cities are compared. They rank narrow
    rows (the key, the city and the order's columns) and only the rows kept are read whole:
    a big city has thousands of facts of a kind, and sorting them with their passages spilled
    to disk on PostgreSQL. The LIMIT (never more than limit × cities rows are kept) tells the
    planner how few rows come out of the ranking, so it looks them up by key instead of
    scanning the whole table to join them.
    """
    expressions = [_order_expression(item) for item in order]
    ranked = (
        queryset.order_by()
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("city_id")], order_by=expressions),
            total=Window(Count("pk"), partition_by=[F("city_id")]),
            row_id=F("pk"),
        )
        .values_list("row_id", "rank", "total")
    )
    try:
        ranked_sql, params = ranked.query.sql_with_params()
    except EmptyResultSet:  # no cities, or a filter nothing can match
        return queryset.none()
    meta, quote = queryset.model._meta, connection.ops.quote_name
    table, key = quote(meta.db_table), quote(meta.pk.column)
    row_id, rank, total = quote("row_id"), quote("rank"), quote("total")
    rows = queryset.model.objects.raw(
        f"SELECT {table}.*, kept.{rank}, kept.{total} FROM {table} INNER JOIN "
        f"(SELECT ranked.{row_id}, ranked.{rank}, ranked.{total} FROM ({ranked_sql}) ranked "
        f"WHERE ranked.{rank} <= %s LIMIT %s) kept ON kept.{row_id} = {table}.{key} "
        f"ORDER BY {table}.{quote('city_id')}, kept.{rank}",
        [*params, limit, limit * cities],
    )
    return rows.prefetch_related(*queryset._prefetch_related_lookups)


def city_facts(cities, clusters=None, limit=None):
    """[CityFacts] in the order of `cities`, in seven queries however many cities and facts.

    `clusters` lets a caller narrow the clusters first (the ?tag= filter of compare);
    `limit` keeps the first rows of each kind per city and records each kind's total.
    """
    ids = [city.pk for city in cities]
    facts = {city.pk: CityFacts(city) for city in cities}
    for attribute, queryset, order in [
        ("officials", officials_of(ids), OFFICIAL_ORDER),
        ("meetings", meetings_of(ids), MEETING_ORDER),
        ("clusters", clusters_of(ids, clusters), CLUSTER_ORDER),
        ("targets", targets_of(ids), TARGET_ORDER),
    ]:
        queryset = first_per_city(queryset, order, limit, len(ids)) if limit else queryset.order_by(*order)
        for fact in queryset:
            city_facts_ = facts[fact.city_id]
            fact.city = city_facts_.city  # already loaded: no query per fact when a template asks
            getattr(city_facts_, attribute).append(fact)
            if limit:
                city_facts_.totals[attribute] = fact.total
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


def source_documents(city):
    """Articles about the city, and articles elsewhere that the city's public facts were taken from.

    The ids as one UNION: an OR of IN subqueries made PostgreSQL test every document against
    each (230 → 155 ms for the biggest city at 300,000 facts, for the count and again the page)."""
    ids = Document.objects.filter(city=city).order_by().values("pk")
    for model in (Official, Meeting, IndustryCluster, Target):
        ids = ids.union(model.objects.public().filter(city=city).order_by().values("document_id"))
    return (
        Document.objects.filter(pk__in=ids)
        .only("title", "source", "publisher", "published", "script", "spun")
        .order_by(F("published").desc(nulls_last=True), "source", "pk")
    )


CACHE_TIMEOUT = 600  # seconds; any write changes the keys sooner (apps.atlas.dataversion)


def _cache_key(version, name, *key):
    # Approved-only pages count other rows: they never share a cached value with the others.
    scope = "approved" if approved_only() else "public"
    return ":".join(["dashboard", name, scope, version, *map(str, key)])


def cached(version, name, compute, *key):
    """compute(), cached under `version` (apps.atlas.dataversion.data_version()) and the page's scope."""
    return cache.get_or_set(_cache_key(version, name, *key), compute, CACHE_TIMEOUT)


def cached_each(version, name, compute_missing, ids):
    """{id: value} for each of `ids`, each cached on its own under `version` and the page's scope.

    `compute_missing(missing ids)` gives {id: value} for those not cached, at once: one query for
    all of them, however many; an id it leaves out has the value None. A city's value is then
    shared by every page and combination of cities that shows it."""
    keys = {pk: _cache_key(version, name, pk) for pk in ids}
    found = cache.get_many(keys.values())
    values = {pk: found[key] for pk, key in keys.items() if key in found}
    if missing := [pk for pk in ids if pk not in values]:
        computed = compute_missing(missing)
        fresh = {pk: computed.get(pk) for pk in missing}
        cache.set_many({keys[pk]: value for pk, value in fresh.items()}, CACHE_TIMEOUT)
        values.update(fresh)
    return values


def tags_with_city_counts(version):
    """Tags in use, each with `city_count`: how many cities have a public cluster carrying it."""
    return cached(version, "tag-city-counts", _tags_with_city_counts)


def _tags_with_city_counts():
    """One query grouped on the M2M table itself: counting from the tag side through a LEFT JOIN is slower."""
    fields = (
        "industrytag_id",
        "industrytag__slug",
        "industrytag__name_zh",
        "industrytag__name_en",
        "industrytag__sort_order",
    )
    rows = (
        IndustryCluster.tags.through.objects.filter(public_q("industrycluster__"))
        .values_list(*fields)
        .annotate(cities=Count("industrycluster__city_id", distinct=True))
        .order_by("industrytag__sort_order", "industrytag__slug")
    )
    tags = []
    for pk, slug, name_zh, name_en, sort_order, cities in rows:
        tag = IndustryTag(pk=pk, slug=slug, name_zh=name_zh, name_en=name_en, sort_order=sort_order)
        tag.city_count = cities
        tags.append(tag)
    return tags
