"""The sections of a work report: header, review of the past year, plan, goals paragraph.

The header runs to the 各位代表 address; the review follows; the first heading that names the
new year's work (or a five-year plan's goals) opens the plan. The review year is the year
before the plan year; the plan year is the heading's own year, else the dateline's (a report
given in December plans the year after).
"""

import re
from functools import lru_cache

from .doc import Section
from .text import data, paragraphs

HEADER_LIMIT = 600  # title, dateline, speaker and address fit well inside this
# A chapter heading: "二、坚定信心，奋力打造…" (a Chinese numeral and 、, short, on its own line).
CHAPTER_HEADING = re.compile(r"^[\s*#]*[一二三四五六七八九十]{1,3}、[^\n]{1,40}$")


class SectionRules:
    def __init__(self):
        rules = data("work_report.json")
        self.address = re.compile(rules["address"]["pattern"])
        self.plan_heading = re.compile(rules["plan_heading"]["pattern"])
        self.review_words = re.compile(rules["review_words"]["pattern"])
        self.period_heading = re.compile(rules["period_heading"]["pattern"])
        self.period_end = rules["plan_period_end"]["years"]
        self.goals = re.compile(rules["goals_paragraph"]["pattern"])
        self.goals_statement = re.compile(rules["goals_statement"]["pattern"])
        self.period_goals = re.compile(rules["period_goals"]["pattern"])
        self.goals_in_review = re.compile(rules["goals_in_review"]["pattern"])


@lru_cache(maxsize=1)
def rules():
    return SectionRules()


def heading_year(line, default_year=None):
    """(section name, year) when `line` is a heading that opens a plan, else None.

    "“十三五”时期目标任务和2016年重点工作" opens the year's plan (a five-year figure in it says
    十三五 itself); a heading for a far year ("2035年远景目标") opens long-range goals.
    """
    r = rules()
    if len(line.strip(" *")) > 45 or r.review_words.search(line):
        return None
    plan = r.plan_heading.match(line)
    plan_year = int(plan.group("year")) if plan and plan.group("year") else None
    if plan and default_year and plan_year == default_year:
        return "plan", plan_year
    period = r.period_heading.match(line)
    if period:
        name = period.group("plan")
        if name in r.period_end:
            return "period", r.period_end[name]
        return ("period", default_year + 4) if default_year else None  # 今后五年: this year and four more
    if plan:
        if plan_year and default_year and plan_year > default_year + 1:
            return "period", plan_year
        return "plan", plan_year or default_year
    return None


def _in(paragraph, sections):
    return any(s.start <= paragraph.start < s.end for s in sections)


def sets_plan_year_goals(text, plan_year):
    """Whether a paragraph opens the plan year's goals ("今年…主要预期目标是：")."""
    match = rules().goals_in_review.search(text)
    return bool(match) and (not match.group("year") or int(match.group("year")) == plan_year)


def work_report_sections(text, report_date=None):
    """(sections, review_year, plan_year) of a work report given on `report_date`."""
    r = rules()
    default_plan = None
    if report_date:
        default_plan = report_date.year + 1 if report_date.month >= 11 else report_date.year
    spans = paragraphs(text)
    address = r.address.search(text, 0, HEADER_LIMIT)
    # Without the 各位代表 address, the header ends where the prose begins.
    header_end = (
        address.end() if address else next((p.start for p in spans if len(p.text) > 40 and p.start < HEADER_LIMIT), 0)
    )
    openings = []  # (start, name, year)
    for paragraph in spans:
        if paragraph.start < header_end:
            continue
        found = heading_year(paragraph.text, default_plan)
        if found and found[0] == "plan" and default_plan and found[1] and found[1] < default_plan:
            continue  # "2022年主要工作" inside the review of 2022
        if found:
            openings.append((paragraph.start, *found))
    plan_year = next((year for _, name, year in openings if name == "plan" and year), default_plan)
    sections = []
    if header_end:
        sections.append(Section("header", 0, header_end))
    first_plan = openings[0][0] if openings else len(text)
    sections.append(Section("review", header_end, first_plan))
    # Each opening runs to the next; a five-year plan's section carries its end year.
    for index, (start, name, year) in enumerate(openings):
        end = openings[index + 1][0] if index + 1 < len(openings) else len(text)
        sections.append(Section(f"period:{year}" if name == "period" else "plan", start, end))
    plans = [s for s in sections if s.name == "plan"]
    goals = _goals_section(spans, plans, r)
    if goals is None:
        # No heading opened the plan, or it opened after the goals: the year's goals stated in
        # what looked like the review (or a five-year section) open the plan, from their chapter heading.
        goals = _goals_outside_plan(spans, sections, header_end, plan_year, r)
    if goals is None:
        # No plan heading before the goals: "今年…主要预期目标是：" under a heading that names no
        # year (二、在…中奋力走在前) still sets the plan year's goals.
        review = next(s for s in sections if s.name == "review")
        index = next(
            (i for i, p in enumerate(spans) if _in(p, [review]) and sets_plan_year_goals(p.text, plan_year)), None
        )
        goals = _goals_paragraph(spans, index) if index is not None else None
    if goals is not None:
        sections.append(goals)
    review_year = plan_year - 1 if plan_year else None
    return sections, review_year, plan_year


def _goals_paragraph(spans, index):
    """The goals section of the paragraph at `index`, with the list that follows a lead ending in ："""
    paragraph = spans[index]
    end = paragraph.end
    if paragraph.text.rstrip(" *").endswith(("：", ":")) and index + 1 < len(spans):
        end = spans[index + 1].end  # "主要预期目标是：" then the list
    return Section("goals", paragraph.start, end)


def _goals_section(spans, plans, r):
    """The year's goals paragraph inside a plan section; a five-year plan's goals keep that plan's year."""
    for index, paragraph in enumerate(spans):
        in_plan = any(s.start <= paragraph.start < s.end for s in plans)
        if in_plan and r.goals.search(paragraph.text):
            return _goals_paragraph(spans, index)
    return None


def _goals_outside_plan(spans, sections, header_end, plan_year, r):
    """The year's goals statement (预期目标建议为：…) standing in what looked like the review or a
    five-year plan's section: that section ends at the last chapter heading before the statement
    (not the section's own first heading), else at the statement, and a plan section runs from
    there to the section's end. A five-year plan's own goals (年均, 到2025年, 十四五末) stay where
    they are. `sections` is changed in place."""
    for position, section in enumerate(sections):
        if section.name != "review" and not section.name.startswith("period:"):
            continue
        inside = [
            (i, p) for i, p in enumerate(spans) if section.start <= p.start < section.end and p.start >= header_end
        ]
        found = next(
            ((i, p) for i, p in inside if _states_the_years_goals(_with_its_list(spans, i), plan_year, r)), None
        )
        if found is None:
            continue
        index, paragraph = found
        # The review's first chapter heading is its own; a five-year section starts at its heading.
        chapters = [
            p.start for _, p in inside if section.start < p.start < paragraph.start and CHAPTER_HEADING.match(p.text)
        ]
        own_heading = 1 if section.name == "review" else 0
        start = chapters[-1] if len(chapters) > own_heading else paragraph.start
        sections[position : position + 1] = [
            Section(section.name, section.start, start),
            Section("plan", start, section.end),
        ]
        return _goals_paragraph(spans, index)
    return None


def _with_its_list(spans, index):
    """A paragraph's text, and the next one's when it is a lead ending in ： ("主要预期目标是：" then the list)."""
    text = spans[index].text
    if text.rstrip(" *").endswith(("：", ":")) and index + 1 < len(spans):
        return text + "\n" + spans[index + 1].text
    return text


def _states_the_years_goals(paragraph, plan_year, r):
    """A goals statement with figures, speaking of no five-year span, nor of a year but the plan's
    (去年主要预期目标是：… looks back)."""
    statement = r.goals_statement.search(paragraph)
    if not statement or not re.search(r"\d", paragraph[statement.end() :]) or r.period_goals.search(paragraph):
        return False
    lead = paragraph[: statement.end()]
    years = {int(y) for y in re.findall(r"(20\d{2})年", lead)}
    return not re.search(r"去年|上年|过去", lead) and (not years or plan_year in years)
