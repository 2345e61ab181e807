"""extract: normalized text and its tokens → the facts a document states about its city.

One ArticleDoc goes through the STEPS in order; each step reads what earlier ones found and
adds its own. The genre and sections come first (they decide the reference date and how a
figure is read), then the subject city (every later step uses it to leave out what the
document says about other places), then people, meetings, clusters and targets.
"""

import re
from datetime import date

from ..normalize import unspin_string
from ..types import ArticleMeta, Extraction, NormalizedArticle
from .clusters import find_clusters
from .dates import (
    FULL_DATE,
    current_period_year,
    footer_date,
    held_event_year,
    latest_full_date,
    likely_year,
    looks_like_title,
    planned_start,
    publication,
    safe_date,
    title_period_year,
)
from .doc import ArticleDoc
from .genre import WORK_REPORT, detect_genre, find_dateline
from .meetings import find_meetings, link_officials
from .officials import find_officials
from .places import PlaceContext, banner_anchors, breadcrumb_anchors, main_city, url_anchors
from .sections import work_report_sections
from .targets import find_targets, lead_topic_year, scope_for
from .workreport import section_targets_step, session_step, speaker_step

EXTRACTOR_VERSION = "1.1.0"
YEAR = re.compile(r"(20\d{2})年")

__all__ = ["EXTRACTOR_VERSION", "STEPS", "ArticleDoc", "PlaceContext", "extract", "make_doc", "run"]


def publication_step(doc):
    """Title, publisher and publication date: the sidecar or front matter wins over the page header."""
    published, publisher, title = publication(doc.header_text or doc.text)
    # A page with no date line at its head may give it at its foot (发布时间：…, 责任编辑：某某 2023-08-06).
    doc.published = doc.meta.published or published or footer_date(doc.header_text or doc.text)
    doc.publisher = doc.meta.publisher or publisher or ""
    doc.title = doc.meta.title or (unspin_string(title) if title and doc.spun else title) or ""


def genre_step(doc):
    """News or work report, from the dateline, the title and the 各位代表 address; a work report's sections."""
    title_year = next((int(y) for y in _years(doc.title)), None)
    title_date = next((d for d in (safe_date(*m.groups()) for m in FULL_DATE.finditer(doc.title)) if d), None)
    doc.dateline = find_dateline(doc.text, year_hint=title_year, title_date=title_date)
    doc.genre = detect_genre(doc.text, doc.title, doc.dateline)
    if doc.genre == WORK_REPORT:
        # A dateline without its day leaves the date to the title's (某某市政府工作报告（2015年12月22日 某某）).
        report_date = (doc.dateline.date if doc.dateline else None) or title_date
        if report_date is None and title_year:
            report_date = date(title_year, 1, 1)
        doc.sections, doc.review_year, doc.plan_year = work_report_sections(doc.text, report_date)


def _years(text):
    return YEAR.findall(text or "")


def reference_date_step(doc):
    """The document's own date: sidecar or front matter, the dateline, the publication line,
    the latest full date near the top, or the year the text reports on. Never the clock."""
    dateline_date = doc.dateline.date if doc.dateline else None
    reference = doc.meta.published or dateline_date or doc.published or latest_full_date(doc.text)
    if reference is None and (year := likely_year(doc.text)):
        reference = date(year, 12, 31)
    doc.reference_date = reference
    if doc.published is None and dateline_date:
        doc.published = dateline_date  # a work report is published the day it is given


def subject_step(doc):
    """The subject city; the dateline and the URL say where the document comes from."""
    anchors = []
    if kicker := _headline_above_title(doc.text, doc.title):
        anchors.append((kicker, 4.0))
    if doc.dateline:
        anchors.append((doc.dateline.session, 8.0))
    if doc.meta.url:
        anchors.extend(url_anchors(doc.meta.url))
    anchors.extend(banner_anchors(doc.text))
    anchors.extend(breadcrumb_anchors(doc.header_text or doc.text))
    doc.city = main_city(
        doc.text,
        doc.title,
        doc.publisher,
        token_edges=doc.token_edges,
        anchors=anchors,
        anchored_only=doc.genre == WORK_REPORT,
    )
    doc.places = PlaceContext(doc.city, doc.text, edges_for=doc.edges_for)
    doc.anchors = anchors


def _headline_above_title(text, title):
    """The headline line right above the one taken as the title, when the page opens with both:
    a main title over its subtitle (焦作市中站区…签约活动成功举办 / 集中签约28个项目…) or a kicker over
    the main title. Either says what place the page is about, like the title itself."""
    if not title:
        return ""
    lines = [line.strip() for line in text.split("\n")[:4] if line.strip()]
    if title not in lines:
        return ""
    at = lines.index(title)
    return lines[at - 1] if at > 0 and looks_like_title(lines[at - 1]) else ""


def officials_step(doc):
    level = doc.places.index.divisions.by_adcode[doc.city.adcode].level if doc.city else ""
    doc.officials = find_officials(doc.text, doc.places.subject_names, doc.places.foreign_names, subject_level=level)
    doc.places.know_people(o.name for o in doc.officials)


def people_are_not_places_step(doc):
    """易茂林 is a person, not 茂林区: when the subject city was found inside people's names,
    look again with those names masked."""
    if doc.city is None or not any(doc.city.name in o.name for o in doc.officials):
        return
    masked = doc.text
    for official in sorted(doc.officials, key=lambda o: len(o.name), reverse=True):
        masked = masked.replace(official.name, "\0" * len(official.name))
    city = main_city(
        masked,
        doc.title,
        doc.publisher,
        token_edges=doc.token_edges,
        anchors=doc.anchors,
        anchored_only=doc.genre == WORK_REPORT,
    )
    if city != doc.city:
        doc.city = city
        doc.places = PlaceContext(city, doc.text, person_names=[o.name for o in doc.officials], edges_for=doc.edges_for)
        officials_step(doc)


def meetings_step(doc):
    stated = doc.meta.published or (doc.dateline.date if doc.dateline else None) or doc.published
    # A page with no date or year of its own dates its events before the work it plans to start.
    reference = doc.reference_date or planned_start(doc.text)
    meetings = find_meetings(doc.text, reference, official_names=[o.name for o in doc.officials], stated=stated)
    if doc.published:
        # A meeting dated after publication is an announcement ("将于5月18日开幕"), not one held.
        meetings = [m for m in meetings if m.date is None or m.date <= doc.published]
    doc.meetings = meetings


def clusters_step(doc):
    places = doc.places
    doc.clusters = find_clusters(
        doc.text,
        foreign_sentence=places.is_foreign,
        names_other_place=lambda sentence_text: bool(places.foreign_names(sentence_text)),
        subject_names=places.subject_names,
    )


def targets_step(doc):
    meeting_year = next((m.date.year for m in doc.meetings if m.date), None)
    reference = doc.reference_date
    # Only a date the document states (not a year guessed from the years it mentions) dates its figures;
    # a work report's sections date them (section_targets_step).
    dated = (
        doc.meta.published
        or (doc.dateline.date if doc.dateline else None)
        or doc.published
        or latest_full_date(doc.text)
    )
    document_year = None
    if doc.genre != WORK_REPORT:
        # An undated page that dates no event but names its period with its year
        # (宣布2021年某县一季度重点项目集中开工) reports that year; a dated event dates only its own figures.
        # An undated page that holds an event under a name with its year (举行2020年第一季度项目集中开工仪式)
        # speaks from that year, dated event or not: the year is written, not guessed.
        document_year = (
            dated.year
            if dated
            else (
                held_event_year(doc.text)
                # a headline that opens with its year (2023年某县经济运行情况) names the page's period
                or title_period_year(doc.title)
                or (None if meeting_year else current_period_year(doc.text))
            )
        )
    report_year = None
    if doc.genre != WORK_REPORT:
        lead_year = lead_topic_year(doc.text)
        if dated and document_year and dated.month <= REVIEW_MONTHS:
            # A page of January or February whose lead, headline or event is of the year before
            # ("2024年，长清区…" on 2025-01-09; a 12月30日 开工仪式 reported in January) reviews that year.
            last = document_year - 1
            # An event of the page's own days ("昨天…签约") makes it news of this year, not a review.
            if meeting_year != document_year and last in (lead_year, title_period_year(doc.title), meeting_year):
                report_year = last
        elif document_year is None and meeting_year is None:
            report_year = lead_year
    doc.targets = find_targets(
        doc.text,
        reference.year if reference else None,
        meeting_year,
        skip_sentence=doc.places.is_foreign,
        subject_names=doc.places.subject_names,
        title=doc.title,
        document_year=document_year,
        # A goal equal to last year's result (增长7% reached, 增长7% again) is a second fact.
        part_of=doc.section_at if doc.genre == WORK_REPORT else None,
        events=[(m.evidence.start, m.evidence.end, m.date.year) for m in doc.meetings if m.date]
        if doc.genre != WORK_REPORT
        else (),
        scope=_news_scope(doc),
        report_year=report_year,
    )


# A review of a year is published by the end of February of the next.
REVIEW_MONTHS = 2


def _news_scope(doc):
    """A news article's scope words (全省, the parent city …); a work report speaks for its city throughout."""
    if doc.genre == WORK_REPORT or doc.city is None:
        return None
    divisions = doc.places.index.divisions
    division = divisions.by_adcode.get(doc.city.adcode)
    return scope_for(division, divisions, doc.places.subject_names) if division else None


def link_officials_step(doc):
    """Officials who chair or speak at a meeting are linked to it."""
    doc.meetings = link_officials(doc.meetings, doc.officials)


STEPS = [
    publication_step,
    genre_step,
    reference_date_step,
    subject_step,
    officials_step,
    people_are_not_places_step,
    speaker_step,
    meetings_step,
    session_step,
    clusters_step,
    targets_step,
    section_targets_step,
    link_officials_step,
]


def make_doc(article: NormalizedArticle, tokens=(), meta: ArticleMeta | None = None, word_edges=None) -> ArticleDoc:
    return ArticleDoc(
        text=article.text,
        tokens=tuple(tokens),
        word_edges=word_edges,
        meta=meta or ArticleMeta(),
        header_text=article.header_text,
        spun=article.spun,
    )


def run(doc, steps=None):
    for step in steps or STEPS:
        step(doc)
    return doc


def extract(article: NormalizedArticle, tokens=(), meta: ArticleMeta | None = None, word_edges=None) -> Extraction:
    """The facts of one article, given its tokens (segment) or just their edges (segment.word_edges)."""
    doc = run(make_doc(article, tokens, meta, word_edges))
    return Extraction(
        version=EXTRACTOR_VERSION,
        title=doc.title,
        publisher=doc.publisher,
        published=doc.published,
        reference_date=doc.reference_date,
        genre=doc.genre,
        city=doc.city,
        officials=doc.officials,
        meetings=doc.meetings,
        clusters=doc.clusters,
        targets=doc.targets,
    )
