"""ArticleDoc: one document handed from step to step through the extract stage.

It owns, once, what every step needs: the normalized text, its tokens and their edges, its
sentences, the genre and sections, the reference date, the subject city and the facts found
so far. A step is `step(doc) -> None`; it reads what earlier steps left and adds its own.
"""

import bisect
from dataclasses import dataclass, field
from datetime import date

from ..segment import boundaries
from ..types import ArticleMeta, CityFact, Span
from .text import sentences as split_sentences


@dataclass(frozen=True)
class Section:
    """A stretch of a document with one role: header, review, plan, goals (主要预期目标)."""

    name: str
    start: int
    end: int


@dataclass
class Dateline:
    """A work report's dateline: ——2023年2月21日在阳泉市第十六届人民代表大会第三次会议上."""

    date: date | None
    session: str
    evidence: Span


@dataclass
class ArticleDoc:
    text: str
    tokens: tuple = ()
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    header_text: str = ""
    spun: bool = False
    title: str = ""
    publisher: str = ""
    published: date | None = None
    reference_date: date | None = None
    genre: str = "news"
    dateline: Dateline | None = None
    sections: list = field(default_factory=list)
    review_year: int | None = None
    plan_year: int | None = None
    city: CityFact | None = None
    places: object = None  # PlaceContext, set by the subject step
    anchors: list = field(default_factory=list)  # (text, weight): where the document says it comes from
    officials: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    clusters: list = field(default_factory=list)
    targets: list = field(default_factory=list)

    # Instead of tokens: segment.word_edges(text), the same edges without building the tokens.
    word_edges: list | None = None

    def __post_init__(self):
        if self.word_edges:
            self.token_edges = set(self.word_edges)
            self._sorted_edges = self.word_edges
        else:
            self.token_edges = boundaries(self.tokens) if self.tokens else None
            # Sorted once so edges_for finds a passage's edges by bisection, not by a scan of them all.
            self._sorted_edges = sorted(self.token_edges) if self.token_edges is not None else []
        self.sentences = split_sentences(self.text)
        self._sentence_starts = [s.start for s in self.sentences]

    def sentence_at(self, offset):
        """The sentence holding `offset`, or None."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and self.sentences[index].start <= offset < max(self.sentences[index].end, offset + 1):
            return self.sentences[index]
        return None

    def section_at(self, offset):
        """The name of the section holding `offset` ("" outside every section)."""
        # Sections may nest (the goals paragraph sits inside the plan): the innermost wins, and of
        # two with one extent (a plan that is only its goals paragraph) the later, nested one.
        inside = [s for s in self.sections if s.start <= offset < s.end]
        return min(reversed(inside), key=lambda s: s.end - s.start).name if inside else ""

    def edges_for(self, text, start=None):
        """Token edges inside `text` (relative to it), reusing the document's tokens.

        `start` is where `text` sits in the document; without it the first occurrence is used.
        None when the document has no tokens or does not hold `text`.
        """
        if self.token_edges is None:
            return None
        if start is None:
            start = self.text.find(text)
            if start < 0:
                return None
        end = start + len(text)
        low = bisect.bisect_left(self._sorted_edges, start)
        high = bisect.bisect_right(self._sorted_edges, end)
        return {edge - start for edge in self._sorted_edges[low:high]} | {0, len(text)}
