"""The genre of a document, from its structure: a government work report or news.

A work report opens with a dateline naming the people's congress session it was given at
("——2023年2月21日在阳泉市第十六届人民代表大会第三次会议上"), addresses 各位代表, and its
title says 政府工作报告. News has none of these.
"""
import re
from functools import lru_cache

from ..types import Span
from .dates import safe_date
from .doc import Dateline
from .text import data

WORK_REPORT = "work_report"
NEWS = "news"


class GenreRules:
    def __init__(self):
        rules = data("work_report.json")
        self.dateline = re.compile(rules["dateline"]["pattern"])
        self.session_end = re.compile(rules["session_end"]["pattern"])
        self.title = re.compile(rules["title"]["pattern"])
        self.address = re.compile(rules["address"]["pattern"])


@lru_cache(maxsize=1)
def rules():
    return GenreRules()


def find_dateline(text, head=800, year_hint=None):
    """The work report's dateline near the top, or None.

    The session runs from after 在 to the first 会议 that follows 人民代表大会/人大; a line break
    inside it (a wrapped dateline) is dropped from the name.
    """
    r = rules()
    match = r.dateline.search(text[:head])
    if not match:
        return None
    rest = match.group("session")
    end = r.session_end.search(rest)
    if not end:
        return None
    session = re.sub(r"[\s*]+", "", rest[:end.end()])
    year = int(match.group("y")) if match.group("y") else year_hint
    day = safe_date(year, int(match.group("m")), int(match.group("d"))) if year else None
    stop = match.start("session") + end.end()
    return Dateline(date=day, session=session, evidence=Span(match.start(), stop, text[match.start():stop]))


def detect_genre(text, title="", dateline=None):
    """work_report when two of the genre's landmarks agree, else news."""
    r = rules()
    head = text[:1500]
    landmarks = [dateline is not None, bool(r.title.search(title) or r.title.search(head[:300])),
                 bool(r.address.search(head))]
    return WORK_REPORT if sum(landmarks) >= 2 else NEWS
