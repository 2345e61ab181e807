"""Search over cities, industry tags, clusters, officials and meetings.

A query in Chinese is converted to simplified script (崑山 → 昆山), the script the
normalized text and the extracted names are in, and matched in the database.  A query
in Latin letters is taken as pinyin or English: city slugs and English names are
matched in the database, other names through their pinyin, computed here.
"""
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

from django.db.models import Q
from opencc import OpenCC
from pypinyin import lazy_pinyin

from apps.atlas.models import City, IndustryCluster, IndustryTag, Meeting, Official

from .queries import group_people

MAX_QUERY_LENGTH = 50
RESULTS_PER_KIND = 8
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@cache
def _to_simplified():
    return OpenCC("t2s")


@cache
def pinyin_of(text):
    """'昆山' → 'kunshan': lowercase letters and digits only, so spaces and hyphens never matter."""
    return latin_key("".join(lazy_pinyin(text)))


def latin_key(text):
    """'Kūn-shān' → 'kunshan': tone marks, case, spaces and hyphens never matter."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", text).lower())


@dataclass
class Results:
    query: str = ""
    cities: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    clusters: list = field(default_factory=list)
    people: list = field(default_factory=list)
    meetings: list = field(default_factory=list)

    @property
    def count(self):
        return sum(len(group) for group in (self.cities, self.tags, self.clusters, self.people, self.meetings))


def search_atlas(raw_query):
    query = _to_simplified().convert(raw_query.strip()[:MAX_QUERY_LENGTH])
    if HAN.search(query):
        return _search_chinese(query)
    if len(latin_key(query)) >= 2:
        return _search_latin(query)
    return Results(query)


def _tags_matching(predicate):
    return [tag for tag in IndustryTag.objects.all() if predicate(tag)]


def _search_chinese(query):
    def tag_matches(tag):
        return any(query in _to_simplified().convert(name) for name in [tag.name_zh, *tag.synonyms])

    clusters = (
        IndustryCluster.objects.public()
        .filter(Q(name__icontains=query) | Q(tags__name_zh__icontains=query))
        .select_related("city")
        .distinct()
    )
    officials = Official.objects.public().filter(Q(name__icontains=query) | Q(title__icontains=query))
    meetings = Meeting.objects.public().filter(
        Q(name__icontains=query) | Q(theme__icontains=query) | Q(location__icontains=query)
    )
    return Results(
        query,
        cities=list(City.objects.covered().filter(Q(name__icontains=query) | Q(full_name__icontains=query))[:RESULTS_PER_KIND]),
        tags=_tags_matching(tag_matches)[:RESULTS_PER_KIND],
        clusters=list(clusters[:RESULTS_PER_KIND]),
        people=group_people(officials.select_related("city")[: RESULTS_PER_KIND * 4])[:RESULTS_PER_KIND],
        meetings=list(meetings.select_related("city")[:RESULTS_PER_KIND]),
    )


def _search_latin(query):
    """Pinyin has no index in the database: names are compared here, one query per kind."""
    key, words = latin_key(query), query.lower()

    def tag_matches(tag):
        return words in tag.name_en.lower() or key in tag.slug.replace("-", "") or key in pinyin_of(tag.name_zh)

    def public_named(model):
        return (fact for fact in model.objects.public().select_related("city") if key in pinyin_of(fact.name))

    cities = City.objects.covered().filter(Q(slug__icontains=key) | Q(name_en__icontains=words))
    return Results(
        query,
        cities=list(cities[:RESULTS_PER_KIND]),
        tags=_tags_matching(tag_matches)[:RESULTS_PER_KIND],
        clusters=list(islice(public_named(IndustryCluster), RESULTS_PER_KIND)),
        people=group_people(public_named(Official))[:RESULTS_PER_KIND],
        meetings=list(islice(public_named(Meeting), RESULTS_PER_KIND)),
    )
