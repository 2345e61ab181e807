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


class SectionRules:
    def __init__(self):
        rules = data("work_report.json")
        self.address = re.compile(rules["address"]["pattern"])
        self.plan_heading = re.compile(rules["plan_heading"]["pattern"])
        self.review_words = re.compile(rules["review_words"]["pattern"])
        self.period_heading = re.compile(rules["period_heading"]["pattern"])
        self.period_end = rules["plan_period_end"]["years"]
        self.goals = re.compile(rules["goals_paragraph"]["pattern"])
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
    review = next(s for s in sections if s.name == "review")
    goals = next((i for i, p in enumerate(spans) if _in(p, plans) and r.goals.search(p.text)), None)
    if goals is None:
        # No plan heading before the goals: "今年…主要预期目标是：" under a heading that names no
        # year (二、在…中奋力走在前) still sets the plan year's goals.
        goals = next(
            (i for i, p in enumerate(spans) if _in(p, [review]) and sets_plan_year_goals(p.text, plan_year)), None
        )
    if goals is not None:
        # The year's goals paragraph; a five-year plan's goals keep that plan's year.
        paragraph, end = spans[goals], spans[goals].end
        if paragraph.text.rstrip(" *").endswith(("：", ":")) and goals + 1 < len(spans):
            end = spans[goals + 1].end  # "主要预期目标是：" then the list
        sections.append(Section("goals", paragraph.start, end))
    review_year = plan_year - 1 if plan_year else None
    return sections, review_year, plan_year
