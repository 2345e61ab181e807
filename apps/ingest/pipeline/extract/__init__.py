"""extract: normalized text and its tokens → the facts an article states about its city.

The subject city is found first; every later extractor uses it to leave out what the
article says about other places (cities it visited, national leaders, other counties).
"""
from datetime import date

from ..normalize import unspin_string
from ..segment import boundaries, is_common_word, segment
from ..types import ArticleMeta, Extraction, NormalizedArticle
from .clusters import find_clusters
from .dates import latest_full_date, likely_year, publication
from .meetings import find_meetings
from .officials import find_officials
from .places import main_city, place_index
from .targets import find_targets

EXTRACTOR_VERSION = "1.0.0"


class PlaceContext:
    """The subject city with its parents, and a test for sentences about somewhere else."""

    def __init__(self, city, text="", person_names=()):
        index = place_index()
        divisions = index.divisions
        self.subject_names = set()
        self.related = set()
        if city:
            division = divisions.by_adcode[city.adcode]
            self.subject_names = {division.name, division.full_name}
            self.related = {division.adcode}
            parent = divisions.parent(division)
            while parent:
                self.related.add(parent.adcode)
                parent = divisions.parent(parent)
        self.index = index
        self.text = text
        self.know_people(person_names)

    def know_people(self, names):
        """Mask these names before looking for places: 顾承德 is a person, not 承德."""
        self.person_names = sorted(names, key=len, reverse=True)
        self._foreign = {}

    def foreign_names(self, text):
        """Names in `text` that only stand for places other than the subject and its parents.

        A short name counts only as a word of its own that is not also a common word:
        新兴 and 资源 are counties too, but not in "新兴产业" or "资源优势".
        """
        if text in self._foreign:
            return self._foreign[text]
        original = text
        for person in self.person_names:
            text = text.replace(person, "\0" * len(person))
        names, edges = [], None
        for start, end, name in self.index.mentions(text):
            candidates = self.index.divisions.lookup(name)
            if any(c.adcode in self.related or c.level in ("省级",) for c in candidates):
                continue
            if not any(c.full_name == name for c in candidates):
                edges = edges if edges is not None else boundaries(segment(text))
                if start not in edges or end not in edges or is_common_word(name):
                    continue
                # A short name is a place the article talks about when it recurs or follows its
                # province (浙江海宁); once, bare, it is more likely a word (万亿元大关).
                provinces = {c.province for c in candidates}
                if self.text.count(name) < 2 and not any(text[max(0, start - len(p)):start] == p for p in provinces):
                    continue
            names.append(name)
        self._foreign[original] = names
        return names

    def is_foreign(self, sentence):
        """A sentence that names another place and never the subject is about that place."""
        if any(name in sentence.text for name in self.subject_names):
            return False
        return bool(self.foreign_names(sentence.text))


def extract(article: NormalizedArticle, tokens=(), meta: ArticleMeta | None = None) -> Extraction:
    meta = meta or ArticleMeta()
    text = article.text
    published, publisher, title = publication(article.header_text or text)
    published = meta.published or published
    publisher = meta.publisher or publisher or ""
    title = meta.title or (unspin_string(title) if title and article.spun else title) or ""
    city = main_city(text, title, publisher, token_edges=boundaries(tokens) if tokens else None)
    places = PlaceContext(city, text)
    officials = find_officials(text, places.subject_names, places.foreign_names)
    places.know_people(o.name for o in officials)
    # Without a publication date, the latest full date the article gives dates its "5月6日".
    reference = published or latest_full_date(text)
    if reference is None and (year := likely_year(text)):
        reference = date(year, 12, 31)
    meetings = find_meetings(text, reference, official_names=[o.name for o in officials])
    if published:
        # A meeting dated after publication is an announcement ("将于5月18日开幕"), not one held.
        meetings = [m for m in meetings if m.date is None or m.date <= published]
    meeting_year = next((m.date.year for m in meetings if m.date), None)
    clusters = find_clusters(text, foreign_sentence=places.is_foreign,
                             names_other_place=lambda sentence_text: bool(places.foreign_names(sentence_text)))
    targets = find_targets(text, reference.year if reference else None, meeting_year,
                           skip_sentence=places.is_foreign, subject_names=places.subject_names, title=title)
    return Extraction(
        version=EXTRACTOR_VERSION, title=title, publisher=publisher, published=published,
        reference_date=reference, city=city,
        officials=officials, meetings=meetings, clusters=clusters, targets=targets,
    )
