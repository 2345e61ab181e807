"""An article with the passages its facts were taken from, and what cleaning did to it."""

from dataclasses import dataclass
from itertools import pairwise

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from apps.atlas.models import Document, IndustryCluster, Meeting, Official, Target

FACT_KINDS = (
    (Meeting, "会议 meeting"),
    (Official, "官员 official"),
    (IndustryCluster, "产业集群 cluster"),
    (Target, "目标与数据 figure"),
)


def fact_key(fact):
    """'meeting-12': ids are only unique within one model."""
    return f"{fact._meta.model_name}-{fact.pk}"


@dataclass
class Passage:
    number: int
    kind: str
    fact: object
    start: int
    end: int

    @property
    def key(self):
        return fact_key(self.fact)

    @property
    def is_empty(self):
        return self.end <= self.start


def document_passages(document):
    """Every non-rejected fact of the document, numbered in reading order; spans clamped to the text."""
    length = len(document.normalized_text)
    facts = []
    for model, kind in FACT_KINDS:
        for fact in model.objects.public().filter(document=document):
            start = min(max(fact.evidence_start, 0), length)
            end = min(max(fact.evidence_end, start), length)
            facts.append((start, end, kind, fact))
    facts.sort(key=lambda item: (item[0], -item[1], item[2]))
    return [Passage(number, kind, fact, start, end) for number, (start, end, kind, fact) in enumerate(facts, 1)]


def raw_passages(document, passages):
    """The same passages as spans of raw_text, through the document's offset map.

    Without a map the offsets only hold when cleaning changed nothing; otherwise, or when
    the map is malformed, there is nothing trustworthy to highlight, so the caller shows
    the plain original.
    """
    if not document.offset_map and document.raw_text != document.normalized_text:
        return None
    length = len(document.raw_text)
    mapped = []
    for passage in passages:
        try:
            start, end = document.raw_span(passage.start, passage.end) if not passage.is_empty else (0, 0)
        except (TypeError, ValueError):
            return None
        start, end = min(max(start, 0), length), min(max(end, 0), length)
        mapped.append(Passage(passage.number, passage.kind, passage.fact, start, max(start, end)))
    return mapped


def highlight(text, passages):
    """The text as HTML, each passage marked and linked to its fact.

    Passages may overlap, so the text is cut at every passage boundary: each piece is
    covered by zero or more passages, marked by how many, and links to the innermost one.
    A numbered anchor opens each passage, which is where the facts list links to.
    """
    spans = [p for p in passages if not p.is_empty]
    bounds = sorted({0, len(text)} | {p.start for p in spans} | {p.end for p in spans})
    html = []
    for start, end in pairwise(bounds):
        html.extend(
            format_html('<a class="ev-ref" id="ev-{}" href="#fact-{}">{}</a>', p.key, p.key, p.number)
            for p in spans
            if p.start == start
        )
        covering = [p for p in spans if p.start <= start and end <= p.end]
        if not covering:
            html.append(format_html("{}", text[start:end]))
            continue
        innermost = min(covering, key=lambda p: p.end - p.start)
        html.append(
            format_html(
                '<a class="ev depth-{}" href="#fact-{}" title="{}">{}</a>',
                min(len(covering), 3),
                innermost.key,
                " · ".join(f"[{p.number}] {p.kind}" for p in covering),
                text[start:end],
            )
        )
    return mark_safe("".join(html))


@dataclass
class CleaningStep:
    label: str
    done: bool
    count: int | None = None


CLEANING_STEPS = {
    "pinyin_glosses": "删除拼音注释 pinyin glosses removed",
    "boilerplate_lines": "删除模板行 boilerplate lines removed",
    "spun_replacements": "还原洗稿用词 spun words mapped back",
    "boilerplate_fragments": "删除页面碎片 page fragments removed",
}
# Details normalisation records beside its steps: the script has its own badge, the
# spin markers are the evidence for the "spun copy" badge.
CLEANING_DETAILS = {"script", "spun_markers"}


def _count(value):
    """How many things a cleaning entry says were changed: a number, or the length of a list; else unknown."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value)
    if isinstance(value, list | tuple | dict | set):
        return len(value)
    return None


def _is_done(value):
    # 0 or [] still means the step ran and found nothing; only absence, null or false mean it did not run.
    return value is not None and value is not False and value != ""


def cleaning_steps(document):
    """Badges for the normalisation; any step missing from Document.cleaning was not done."""
    cleaning = document.cleaning if isinstance(document.cleaning, dict) else {}
    steps = []
    if document.script == Document.Script.TRADITIONAL:
        steps.append(CleaningStep("繁体转简体 traditional → simplified", True))
    elif document.script == Document.Script.MIXED:
        steps.append(CleaningStep("繁简混排已统一 mixed script → simplified", True))
    if document.spun:
        steps.append(CleaningStep("洗稿副本 synonym-spun copy", True))
    labels = dict(
        CLEANING_STEPS, **{key: key for key in cleaning if key not in CLEANING_STEPS and key not in CLEANING_DETAILS}
    )
    for key, label in labels.items():
        value = cleaning.get(key)
        steps.append(CleaningStep(label, _is_done(value), _count(value)))
    return steps


@dataclass
class Appearance:
    """Somewhere else the same article appeared: a stored copy (linked), or a file name or link."""

    source: str
    url: str = ""
    document: Document | None = None
    is_first: bool = False


def appearances(document):
    """The article's first copy and its reposts (other stored documents), then the names and
    links exact copies arrived under; the document itself left out."""
    first = document.duplicate_of or document
    # The page's query annotates `has_reposts` so an article nobody reposted costs no query here.
    has_reposts = document.duplicate_of_id is not None or getattr(document, "has_reposts", True)
    copies = [first, *first.reposts.order_by("pk")] if has_reposts else [first]
    found = [
        Appearance(copy.source, copy.url, copy, is_first=copy.pk == first.pk)
        for copy in copies
        if copy.pk != document.pk
    ]
    seen = {copy.source for copy in copies}
    for entry in [*first.also_seen_as, *document.also_seen_as]:
        source = entry.get("source", "") if isinstance(entry, dict) else ""
        if source and source not in seen:
            seen.add(source)
            found.append(Appearance(source, entry.get("url", "")))
    return found
