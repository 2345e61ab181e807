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

from apps.atlas.models import City, Document, IndustryCluster, IndustryTag, Meeting, Official
from apps.atlas.pinyin import latin_key, pinyin_key

from .queries import group_people

MAX_QUERY_LENGTH = 50
RESULTS_PER_KIND = 8
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

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

    @property
    def count(self):
        return sum(len(group) for group in (self.cities, self.tags, self.clusters, self.people, self.meetings,
                                            self.documents))

    @property
    def converted(self):
        """True when the lookup used another form than the one typed (traditional script, say)."""
        return self.searched != self.query


def search_atlas(raw_query):
    typed = raw_query.strip()[:MAX_QUERY_LENGTH]
    query = _to_simplified().convert(typed)
    if HAN.search(query):
        results = _search_chinese(query)
    elif len(latin_key(query)) >= 2:
        results = _search_latin(query)
    else:
        results = Results()
    results.query, results.searched = typed, query
    return results


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
    officials = Official.objects.public().filter(Q(name__contains=query) | Q(title__contains=query))
    meetings = Meeting.objects.public().filter(
        Q(name__contains=query) | Q(theme__contains=query) | Q(location__contains=query)
    )
    documents = Document.objects.filter(Q(title__contains=query) | Q(normalized_text__contains=query))
    return Results(
        cities=_first(City.objects.covered().filter(Q(name__contains=query) | Q(full_name__contains=query))),
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
    return Results(
        cities=_first(cities),
        tags=_tags_matching(tag_matches)[:RESULTS_PER_KIND],
        clusters=_first(public_named(IndustryCluster)),
        people=group_people(public_named(Official)[: RESULTS_PER_KIND * 4])[:RESULTS_PER_KIND],
        meetings=_first(public_named(Meeting)),
        documents=_first(Document.objects.filter(title__icontains=words).only("title", "source", "published", "publisher")
                         .order_by("pk")),
    )
