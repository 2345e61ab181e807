"""Search over cities, industry tags, clusters, officials, meetings and articles, in SQL.

A query in Chinese is converted to simplified script (崑山 → 昆山), the script the
normalized text and the extracted names are in, and matched as a substring in the
database (a pg_trgm index on PostgreSQL, a limited scan on SQLite). A query in Latin
letters is taken as pinyin or English: it is matched against city slugs, English names
and the pinyin stored beside every fact's name when it is saved. Every kind is limited,
so a search costs the same however large the atlas grows. The page shows the query as
typed; the simplified form is only used behind it.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from django.db.models import Q
from opencc import OpenCC

from apps.atlas.metrics import metric_index
from apps.atlas.models import City, Document, IndustryCluster, IndustryTag, Meeting, Official, Target
from apps.atlas.pinyin import latin_key, pinyin_key

from . import links, units
from .queries import TARGET_ORDER, group_people

MAX_QUERY_LENGTH = 50
RESULTS_PER_KIND = 8
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
YEAR = re.compile(r"(?:19|20)\d\d")
NUMBER = re.compile(r"\d+(?:\.\d+)?")

pinyin_of = cache(pinyin_key)


@cache
def _to_simplified():
    return OpenCC("t2s")


@dataclass
class Results:
    query: str = ""  # as typed
    searched: str = ""  # what was looked up: simplified script, trimmed
    cities: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    clusters: list = field(default_factory=list)
    people: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    metrics: list = field(default_factory=list)  # taxonomy entries (apps.atlas.metrics.Metric) the query names
    targets: list = field(default_factory=list)  # figures of those metrics, or of the year or value typed

    def groups(self):
        return (
            self.cities,
            self.tags,
            self.metrics,
            self.targets,
            self.clusters,
            self.people,
            self.meetings,
            self.documents,
        )

    @property
    def count(self):
        return sum(len(group) for group in self.groups())

    def rows(self):
        """Flat rows for the CSV/JSON export: kind, name, city, detail, url."""
        rows = [
            {"kind": "city", "name": c.name, "city": c.slug, "detail": c.level, "url": links.city_url(c)}
            for c in self.cities
        ]
        rows += [{"kind": "tag", "name": t.name_zh, "detail": t.name_en, "url": links.tag_url(t)} for t in self.tags]
        rows += [{"kind": "metric", "name": m.name_zh, "detail": m.name_en, "url": ""} for m in self.metrics]
        rows += [
            {
                "kind": "target",
                "name": t.metric,
                "city": t.city.slug,
                "detail": f"{t.year or ''} {units.plain_number(units.amount(t)[0])}{units.amount(t)[1]}".strip(),
                "url": links.city_url(t.city) + "#targets",
            }
            for t in self.targets
        ]
        rows += [
            {
                "kind": "cluster",
                "name": c.name,
                "city": c.city.slug,
                "detail": c.tier,
                "url": links.city_url(c.city) + "#clusters",
            }
            for c in self.clusters
        ]
        rows += [
            {
                "kind": "official",
                "name": p.name,
                "city": p.city.slug,
                "detail": "、".join(p.titles),
                "url": links.city_url(p.city) + "#" + p.anchor,
            }
            for p in self.people
        ]
        rows += [
            {
                "kind": "meeting",
                "name": m.name,
                "city": m.city.slug,
                "detail": m.date or "",
                "url": links.city_url(m.city) + f"#meeting-{m.pk}",
            }
            for m in self.meetings
        ]
        rows += [
            {
                "kind": "document",
                "name": d.title or d.source,
                "detail": d.published or "",
                "url": links.document_url(d.pk),
            }
            for d in self.documents
        ]
        return rows

    @property
    def converted(self):
        """True when the lookup used another form than the one typed (traditional script, say)."""
        return self.searched != self.query


def search_atlas(raw_query):
    typed = raw_query.strip()[:MAX_QUERY_LENGTH]
    query = _to_simplified().convert(typed)
    if HAN.search(query):
        results = _search_chinese(query)
    elif NUMBER.fullmatch(query):
        results = _search_number(query)
    elif len(latin_key(query)) >= 2:
        results = _search_latin(query)
    else:
        results = Results()
    if not results.targets and not NUMBER.fullmatch(query):
        results.metrics = metrics_named(query)
        results.targets = _first(_targets().filter(_figures_of(results.metrics, query)))
    results.query, results.searched = typed, query
    return results


def metrics_named(query):
    """Taxonomy entries whose key, names or synonyms hold the query (GDP, 地区生产总值, gross regional)."""
    wanted = query.upper()
    found = []
    for entry in metric_index().entries:
        names = [entry["key"], entry["name_zh"], entry["name_en"], *entry["synonyms"]]
        if any(wanted in name.upper() for name in names):
            found.append(metric_index().by_key[entry["key"]])
    return found[:RESULTS_PER_KIND]


def _figures_of(metrics, query):
    """Figures keyed to one of `metrics`, or written with its Chinese name (older rows have no key), or
    whose written metric holds a Chinese query."""
    condition = Q(metric_key__in=[metric.key for metric in metrics])
    for metric in metrics:
        condition |= Q(metric__contains=metric.name_zh)
    if HAN.search(query):
        condition |= Q(metric__contains=query)
    return condition


def _targets():
    return Target.objects.public().select_related("city").order_by("city__name", *TARGET_ORDER)


def _search_number(query):
    """A year (2027) finds the figures due or reported that year and its meetings; any number, figures of that value."""
    conditions = Q(value=query)
    meetings = Meeting.objects.none()
    if YEAR.fullmatch(query):
        conditions |= Q(year=int(query))
        meetings = Meeting.objects.public().filter(date__year=int(query)).select_related("city").order_by("date", "pk")
    return Results(
        targets=_first(_targets().filter(conditions)),
        meetings=_first(meetings),
        documents=_first(
            Document.objects.filter(title__contains=query)
            .only("title", "source", "published", "publisher")
            .order_by("pk")
        ),
    )


def _tags_matching(predicate):
    """The taxonomy is a few dozen rows: matched here, synonyms and all."""
    return [tag for tag in IndustryTag.objects.all() if predicate(tag)]


def _first(queryset):
    return list(queryset[:RESULTS_PER_KIND])


def _search_chinese(query):
    def tag_matches(tag):
        return any(query in _to_simplified().convert(name) for name in [tag.name_zh, *tag.synonyms])

    tagged = IndustryCluster.tags.through.objects.filter(industrytag__name_zh__contains=query)
    clusters = IndustryCluster.objects.public().filter(
        Q(name__contains=query) | Q(pk__in=tagged.values("industrycluster_id"))
    )
    cities = City.objects.covered().filter(Q(name__contains=query) | Q(full_name__contains=query))
    # A city's name finds its officials too: 昆山 lists 昆山's mayor.
    officials = Official.objects.public().filter(
        Q(name__contains=query) | Q(title__contains=query) | Q(city__in=cities[:RESULTS_PER_KIND].values("pk"))
    )
    meetings = Meeting.objects.public().filter(
        Q(name__contains=query) | Q(theme__contains=query) | Q(location__contains=query)
    )
    documents = Document.objects.filter(Q(title__contains=query) | Q(normalized_text__contains=query))
    return Results(
        cities=_first(cities),
        tags=_tags_matching(tag_matches)[:RESULTS_PER_KIND],
        clusters=_first(clusters.select_related("city").order_by("pk")),
        people=group_people(officials.select_related("city").order_by("pk")[: RESULTS_PER_KIND * 4])[:RESULTS_PER_KIND],
        meetings=_first(meetings.select_related("city").order_by("pk")),
        documents=_first(documents.only("title", "source", "published", "publisher").order_by("pk")),
    )


def _search_latin(query):
    key, words = latin_key(query), query.lower()

    def tag_matches(tag):
        return words in tag.name_en.lower() or key in tag.slug.replace("-", "") or key in pinyin_of(tag.name_zh)

    def public_named(model):
        return model.objects.public().filter(name_pinyin__contains=key).select_related("city").order_by("pk")

    cities = City.objects.covered().filter(Q(slug__icontains=key) | Q(name_en__icontains=words))
    # "kunshan" finds the city and the officials of it, whose own names are not "kunshan".
    officials = (
        Official.objects.public()
        .filter(Q(name_pinyin__contains=key) | Q(city__in=cities[:RESULTS_PER_KIND].values("pk")))
        .select_related("city")
        .order_by("pk")
    )
    return Results(
        cities=_first(cities),
        tags=_tags_matching(tag_matches)[:RESULTS_PER_KIND],
        clusters=_first(public_named(IndustryCluster)),
        people=group_people(officials[: RESULTS_PER_KIND * 4])[:RESULTS_PER_KIND],
        meetings=_first(public_named(Meeting)),
        documents=_first(
            Document.objects.filter(title__icontains=words)
            .only("title", "source", "published", "publisher")
            .order_by("pk")
        ),
    )
