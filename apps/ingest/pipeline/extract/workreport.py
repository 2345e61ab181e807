"""Steps for the work report genre: the session, the speaker, and each figure's kind and year
from the section it stands in (review → reached in the review year, plan → target of the plan
year, a five-year plan's goals → its last year; an explicit deadline wins)."""

import re
from dataclasses import replace
from functools import lru_cache

from ..types import MeetingFact, OfficialFact, Span
from .genre import WORK_REPORT
from .text import data, word_list

SESSION_KIND = "人代会"


class ReportRules:
    def __init__(self):
        rules = data("work_report.json")
        self.speaker = re.compile(rules["speaker"]["pattern"])
        self.name_only = re.compile(rules["name_only"]["pattern"])
        self.title_speaker = re.compile(rules["title_speaker"]["pattern"])
        self.deadline = re.compile(rules["deadline"]["pattern"])
        self.estimated = re.compile(rules["estimated"]["pattern"])
        self.period_ends = rules["plan_period_end"]["years"]
        self.period = re.compile("|".join(self.period_ends))
        self.this_year_paragraph = re.compile(rules["this_year_paragraph"]["pattern"])
        self.title_shaped = re.compile(
            "|".join(re.escape(e["word"]) for e in data("official_context.json")["title_shaped_words"])
        )
        self.surnames = tuple(sorted(word_list("surnames.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def rules():
    return ReportRules()


def speaker_of(text, start=0, end=None):
    """(name, title, Span) of the speaker's line in text[start:end], or None."""
    r = rules()
    end = len(text) if end is None else end
    position = start
    for line in text[start:end].split("\n"):
        line_start, position = position, position + len(line) + 1
        match = r.speaker.match(line)
        # A title alone on its line before the name is a strong frame: any family name (回建)
        # will do, only a title-shaped word (市长热线) will not.
        if match and not r.title_shaped.match(match.group("name")):
            # The post alone (市长, 代市长): the government's name and a party post before it are
            # who the speaker is, not the title the report gives (bench/gold/work_reports).
            title = match.group("title")
            return re.sub(r"[ 　]", "", match.group("name")), title, Span(line_start, line_start + len(line), line)
        match = r.name_only.match(line)
        if match and _is_a_name(match.group("name"), r):
            name = re.sub(r"[ 　]", "", match.group("name"))  # 陈 绍 旺: spaced out by the typesetting
            return name, "", Span(line_start, line_start + len(line), line)
    return None


def speaker_in_title(title, text=""):
    """(name, "", Span) when the title names the speaker after its date, or None. The evidence
    is the title where the text holds it (front matter), else the title alone."""
    match = rules().title_speaker.search(title or "")
    if not match or rules().title_shaped.match(match.group("name")):
        return None
    start = text.find(title) if text else -1
    evidence = Span(start, start + len(title), title) if start >= 0 else Span(0, 0, title)
    return match.group("name"), "", evidence


def _is_a_name(name, r):
    """A transcribed name with a middle dot, or a family name first and no title-shaped word (热线, 信箱)."""
    if "·" in name or "•" in name:
        return True
    return name.startswith(r.surnames) and not r.title_shaped.match(name)


def session_step(doc):
    """The congress session the report was given at, as a meeting of kind 人代会."""
    if doc.genre != WORK_REPORT or doc.dateline is None:
        return
    # Kept as the dateline writes it ("州第十五届…", "第十七届…"): the gold convention, and the
    # meeting is the subject city's anyway.
    name = doc.dateline.session
    line = doc.dateline.evidence
    doc.meetings = [
        m
        for m in doc.meetings
        if m.kind != SESSION_KIND
        and m.name != name
        # the dateline read as a sentence (GIVEN_AT) is this same session
        and not (m.evidence.start <= line.start < m.evidence.end or line.start <= m.evidence.start < line.end)
    ]
    doc.meetings.insert(
        0,
        MeetingFact(
            date=doc.dateline.date,
            year_inferred=False,
            name=name,
            kind=SESSION_KIND,
            evidence=doc.dateline.evidence,
            confidence=0.95,
            official_names=tuple(
                o.name for o in doc.officials[:1] if o.evidence.start < doc.dateline.evidence.end + 200
            ),
        ),
    )


def speaker_step(doc):
    """The report's speaker, from the line under the dateline, before 各位代表."""
    if doc.genre != WORK_REPORT:
        return
    header = next((s for s in doc.sections if s.name == "header"), None)
    start = doc.dateline.evidence.start if doc.dateline else 0
    end = header.end if header else min(len(doc.text), start + 300)
    found = speaker_of(doc.text, start, end) or speaker_in_title(doc.title, doc.text)
    if not found:
        return
    name, title, evidence = found
    existing = next((o for o in doc.officials if o.name == name), None)
    if existing and not title:
        doc.officials = [existing] + [o for o in doc.officials if o is not existing]
        return
    # The speaker's line is the report's own statement of the title: it wins over a mention.
    fact = OfficialFact(name=name, title=title, evidence=evidence, confidence=0.95 if title else 0.7)
    doc.officials = [fact] + [o for o in doc.officials if o.name != name]


def _deadline(text):
    """The latest explicit year a goal is set for in `text`: 到2027年, 2028年前, 十四五末."""
    r = rules()
    years = [int(m.group("year") or m.group("year2")) for m in r.deadline.finditer(text)]
    years += [r.period_ends[m.group(0)] for m in r.period.finditer(text)]
    return max(years) if years else None


# The review's own heading naming its year ("一、2023年工作回顾") says which year it reviews, whatever
# the dateline or title suggest.
REVIEW_HEADING = re.compile(r"^[*#\s]*(?:[一二三四五六七八九十]+[、.．]\s*)?(?P<year>20\d{2})年[^。，\n]{0,8}回顾")


def review_heading_year(doc):
    """The year the review section's heading names (一、2023年工作回顾), or None."""
    review = next((s for s in doc.sections if s.name == "review"), None)
    if review is None:
        return None
    for line in doc.text[review.start : min(review.end, review.start + 400)].split("\n")[:4]:
        match = REVIEW_HEADING.match(line)
        if match:
            return int(match.group("year"))
    return None


CLAUSE_SPLIT = re.compile(r"[，,；;。]")
# "年均增长6.4%", "年均递增": the figure right after is an average over several years.
PERIOD_AVERAGE = re.compile(r"年均[^，,；;。、]{0,6}[\d.．]+\s*(?:%|％|个百分点)?$")


def _list_item(context):
    """The goal's own item of a list "…目标为：A；B，C": the text after the last colon or semicolon."""
    return re.split(r"[：:；;]", context)[-1]


def speaks_of_plan_year(paragraph, plan_year):
    """Whether a paragraph speaks of the plan year: 今年, or it opens with the year itself (2021年是…)."""
    match = rules().this_year_paragraph.search(paragraph)
    return bool(match) and (not match.group("year") or int(match.group("year")) == plan_year)


def _this_year(doc, fact):
    """Whether the paragraph before `fact` speaks of the plan year."""
    paragraph = doc.text[doc.text.rfind("\n", 0, fact.evidence.start) + 1 : fact.evidence.start]
    return bool(doc.plan_year) and speaks_of_plan_year(paragraph, doc.plan_year)


def section_targets_step(doc):
    """Give each figure the kind and year its section says (after find_targets).

    A figure whose sentence states its own year (`year_explicit`, set by the targets step)
    keeps what that step found.
    """
    if doc.genre != WORK_REPORT or not doc.sections:
        return
    r = rules()
    review_year = review_heading_year(doc) or doc.review_year
    updated = []
    for fact in doc.targets:
        section = doc.section_at(fact.evidence.start)
        sentence = doc.sentence_at(fact.evidence.start)
        context = sentence.text[: max(0, fact.evidence.end - sentence.start)] if sentence else fact.evidence.text
        if section == "review" and fact.part_of_year:
            # 由一季度下降10.3%, 前三季度增长5.8%: a part of the year, not the reviewed year's result.
            updated.append(replace(fact, kind="actual", year=None))
            continue
        if fact.period_average and (section in ("plan", "goals") or section.startswith("period:")):
            # "今后五年…地区生产总值年均增长7.5%": the plan's average, not its last year's goal.
            updated.append(replace(fact, kind="target", year=None))
            continue
        plan_years_goals = (section.startswith("period:") or section == "goals") and _this_year(doc, fact)
        if getattr(fact, "year_explicit", False) and not plan_years_goals:
            updated.append(fact)
            continue
        if section == "review" and review_year and PERIOD_AVERAGE.search(context[-16:]):
            # 年均增长6.4% in a five-year review averages the whole period: no one year's result.
            updated.append(replace(fact, kind="actual", year=None))
            continue
        if section == "review" and review_year:
            deadline = _deadline(context)
            if fact.kind == "target" and deadline and deadline > review_year:
                updated.append(fact)  # a goal set long ago and still ahead: 到2025年 in a 2023 review
                continue
            updated.append(
                replace(
                    fact, kind="actual", year=review_year, estimated=bool(r.estimated.search(context)) or fact.estimated
                )
            )
        elif section in ("plan", "goals") and doc.plan_year:
            # In the goals paragraph only the goal's own item can set another deadline: neither the
            # period its opening names (2021年是“十四五”开局之年，…目标为：) nor one named in another
            # item of the one long sentence (能耗降低率与“十四五”控制目标统筹衔接，…) is this goal's.
            scope = CLAUSE_SPLIT.split(_list_item(context))[-1] if section == "goals" else context
            updated.append(replace(fact, kind="target", year=_deadline(scope) or doc.plan_year))
        elif section.startswith("period:"):
            # "今年是…开局之年。…主要预期目标是：…" under a five-year heading: a paragraph that
            # speaks of 今年 sets the plan year's goals.
            if _this_year(doc, fact):
                # Only the goal's own list item can set another deadline: the period the paragraph's
                # opening names (2021年是“十四五”开局之年，…目标为：) is the plan's, not this goal's.
                updated.append(replace(fact, kind="target", year=_deadline(_list_item(context)) or doc.plan_year))
            else:
                updated.append(replace(fact, kind="target", year=_deadline(context) or int(section.split(":")[1])))
        else:
            updated.append(fact)
    doc.targets = updated
