"""The genre of a document, from its structure: a government work report or news.

A work report opens with a dateline naming the people's congress session it was given at
("——2023年2月21日在阳泉市第十六届人民代表大会第三次会议上"), addresses 各位代表, reviews the past
year under a numbered heading (一、2023年工作回顾), and its title says 政府工作报告. News has none of these.
"""

import re
from functools import lru_cache

from ..types import Span
from .dates import safe_date
from .doc import Dateline
from .text import chinese_number, data

WORK_REPORT = "work_report"
SESSION_LEAD = 30
# A blank line ends the dateline, unless the session's number follows it (a dateline wrapped
# over two paragraphs: "在某某市\n\n第十五届人民代表大会…"); a closing bracket or front-matter rule
# (---) means the date was a title's, not a dateline.
UNRELATED = re.compile(r"[>《》—）)]|-{3}|\n\s*\n(?![\s*]*第[一二三四五六七八九十]+届)")
NEWS = "news"


class GenreRules:
    def __init__(self):
        rules = data("work_report.json")
        self.dateline = re.compile(rules["dateline"]["pattern"])
        self.undated_dateline = re.compile(rules["undated_dateline"]["pattern"], re.MULTILINE)
        self.session_end = re.compile(rules["session_end"]["pattern"])
        self.title = re.compile(rules["title"]["pattern"], re.MULTILINE)
        self.address = re.compile(rules["address"]["pattern"])
        self.review_heading = re.compile(rules["review_heading"]["pattern"], re.MULTILINE)


@lru_cache(maxsize=1)
def rules():
    return GenreRules()


def find_dateline(text, head=1500, year_hint=None, title_date=None):
    """The work report's dateline near the top, or None.

    The session runs from after 在 to the first 会议 that follows 人民代表大会/人大; a line break
    inside it (a wrapped dateline) is dropped from the name.
    """
    r = rules()
    position, match = 0, None
    while found := r.dateline.search(text, position, head):
        end = r.session_end.search(found.group("session"))
        # The congress is named right after the date (a place and 第N届 at most), not somewhere
        # further down a forwarding notice; the next date may start inside this match.
        if end and end.start() <= SESSION_LEAD and not UNRELATED.search(found.group("session")[: end.start()]):
            match = found
            break
        position = found.start() + 1
    if match is None:
        return _undated_dateline(text[:head], r, title_date)
    rest = match.group("session")
    session = re.sub(r"[\s*]+", "", rest[: end.end()])
    year = _number(match.group("y"), digits=True) if match.group("y") else year_hint
    month = _number(match.group("m"))
    day_of_month = _number(match.group("d")) if match.group("d") else None  # "2023年1月在…": no day
    day = safe_date(year, month, day_of_month) if year and month and day_of_month else None
    stop = match.start("session") + end.end()
    return Dateline(date=day, session=session, evidence=Span(match.start(), stop, text[match.start() : stop]))


def _undated_dateline(head, r, title_date):
    """ "在某某州第十二届人民代表大会第四次会议上" on a line of its own: dated by the title."""
    for match in r.undated_dateline.finditer(head):
        end = r.session_end.search(match.group("session"))
        if end:
            session = re.sub(r"[\s*]+", "", match.group("session")[: end.end()])
            stop = match.start("session") + end.end()
            return Dateline(
                date=title_date,
                session=session,
                evidence=Span(match.start("session"), stop, head[match.start("session") : stop]),
            )
    return None


# A year written digit by digit; typed datelines mix in an Arabic 0 for 〇 ("二0二0年一月五日").
HAN_DIGITS = (
    {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
    | {"零": "0", "○": "0"}
    | {str(i): str(i) for i in range(10)}
)


def _number(text, digits=False):
    """'2023' / '二〇二三' (digit by digit) / '十一' → int, or None."""
    if text.isdigit():
        return int(text)
    if digits:
        converted = "".join(HAN_DIGITS.get(c, "") for c in text)
        return int(converted) if len(converted) == len(text) else None
    value = chinese_number(text)
    return int(value) if value else None


def detect_genre(text, title="", dateline=None):
    """work_report when two of the genre's landmarks agree (dateline, title, 各位代表, a numbered
    review of the past year), else news."""
    r = rules()
    head = text[:1500]
    landmarks = [
        dateline is not None,
        bool(r.title.search(title) or r.title.search(head[:300])),
        bool(r.address.search(head)),
        bool(r.review_heading.search(head)),
    ]
    return WORK_REPORT if sum(landmarks) >= 2 else NEWS
