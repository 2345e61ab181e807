"""Plain data passed between the pipeline stages; no Django in here."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple


class ArticleError(ValueError):
    """An input that cannot become an article: the message says why, in one line."""


@dataclass(frozen=True)
class ArticleMeta:
    """What a crawler's sidecar, a Markdown file's front matter or an uploader says about the article.

    Values are already checked (apps/ingest/validation.py); `warnings` names what was dropped or
    cleaned on the way in — bad metadata values, NUL bytes removed from the text — one line each.
    """

    url: str = ""
    published: date | None = None
    publisher: str = ""
    title: str = ""
    warnings: tuple = ()


@dataclass(frozen=True)
class RawArticle:
    source: str
    raw_bytes: bytes
    text: str
    encoding: str
    format: str = "txt"
    meta: ArticleMeta = field(default_factory=ArticleMeta)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class NormalizedArticle:
    raw_text: str
    text: str
    # [[norm_start, raw_start, length], ...]: runs where normalized text maps 1:1 onto raw text.
    offset_map: list
    script: str
    cleaning: dict
    spun: bool
    # Simplified but not yet cleaned: the page header (publisher, date) is boilerplate to the body.
    header_text: str = ""


class Token(NamedTuple):
    """A word and its offsets; a tuple, since a long report makes half a million of them."""

    word: str
    start: int
    end: int


@dataclass(frozen=True)
class CityFact:
    adcode: str
    name: str
    evidence: Span
    confidence: float


@dataclass(frozen=True)
class OfficialFact:
    name: str
    title: str
    evidence: Span
    confidence: float

    @property
    def fingerprint(self):
        return self.name


@dataclass(frozen=True)
class MeetingFact:
    date: date | None
    year_inferred: bool
    name: str
    kind: str
    evidence: Span
    confidence: float
    theme: str = ""
    location: str = ""
    official_names: tuple = ()

    @property
    def fingerprint(self):
        return f"{self.date.isoformat() if self.date else '?'}|{self.name}"[:200]


@dataclass(frozen=True)
class ClusterFact:
    name: str
    tier: str
    evidence: Span
    confidence: float
    tags: tuple = ()

    @property
    def fingerprint(self):
        return self.name


@dataclass(frozen=True)
class TargetFact:
    metric: str
    value: Decimal
    unit: str
    kind: str
    year: int | None
    evidence: Span
    confidence: float
    baseline_value: Decimal | None = None
    baseline_year: int | None = None
    metric_key: str = ""
    measure: str = ""
    bound: str = "exact"
    value_high: Decimal | None = None
    estimated: bool = False
    year_explicit: bool = False
    part_of_year: bool = False  # its clause names a quarter or months (一季度, 前三季度): not a whole year's figure
    period_average: bool = False  # 年均增长7.5%: an average over several years, not one year's figure

    @property
    def fingerprint(self):
        return f"{self.metric}|{self.value.normalize():f}{self.unit}|{self.kind}|{self.year or ''}"[:200]


@dataclass
class Extraction:
    version: str
    title: str = ""
    publisher: str = ""
    published: date | None = None
    # What relative dates were resolved against: the document's own date, never the clock.
    reference_date: date | None = None
    genre: str = "news"
    city: CityFact | None = None
    officials: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    clusters: list = field(default_factory=list)
    targets: list = field(default_factory=list)
