"""Meetings: a dated sentence that names a meeting (大会, 座谈会, 工作会议 …) the city held.

"4月9日、18日、26日召开专题座谈会" gives three meetings; mentions of the same date
anywhere in the article are one meeting, named by its most complete mention.
"""

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from ..types import MeetingFact, Span
from .dates import (
    FULL_DATE,
    MONTH_DAY,
    THIS_MONTH_DAY,
    held_event_years,
    infer_year,
    safe_date,
    year_end_planning,
)
from .text import alternation, could_match, data, sentences

WEEKDAYS = "一二三四五六日"
WEEKDAY = re.compile(r"\s*[(（]?(?:星期|周|礼拜)([一二三四五六日天])")
LIST_DAY = re.compile(r"、(\d{1,2})日")
QUOTED = re.compile(r"“([^”]{2,40})”")
# A full date with a clock time after it ("2024-05-28 19:57") is a page's timestamp, not the
# day a meeting was held. A wire's dateline may run into the day with its byline stripped ("4月3日电3日,").
LEAD_DAY = re.compile(r"(?:^|[】\]）)]|(?<=\d日电))\s*(\d{1,2})日(?:[上中下]午|晚)?[，,]")
# "省政府新闻办24日举行…新闻发布会": a wire's day alone right before the verb that holds the event,
# in the month of the date the page states (not after it).
DAY_HELD = re.compile(r"(?<![\d月年号])(\d{1,2})日(?:[上中下]午|晚)?(?:在[^，,。；;]{1,20}?)?(?:举行|召开|举办)")
# "据8月18日某某网报道，…": a source's day, cited before its name and 报道/消息.
SOURCE_DATE = re.compile(r"[^，,。；;]{0,20}?(?:报道|消息)")
CLOCK_AFTER = re.compile(r"\s*\d{1,2}:\d{2}")
# "7月31日至8月3日，某市召开…观摩会": a span's last day ends the one event that began on its first.
RANGE_END = re.compile(r"\d{1,2}[日号]\s*[至到—–\-~]\s*$")


class MeetingRules:
    def __init__(self):
        rules = data("meetings.json")
        self.kinds = rules["kinds"]
        kind = alternation(self.kinds)
        self.kind = re.compile(f"({kind})")
        # Every kind word at every position, overlapping ones too: in 扩大会议 both 大会 and 会议.
        self.kind_anywhere = re.compile(f"(?=({kind}))")
        self.held = re.compile(alternation(rules["held_verbs"]))
        # A name ends at a stop word or at a verb that makes the meeting after it a topic
        # (研究部署了…大会筹备工作): which of the two ends it decides whether it was held.
        self.topic_verbs = frozenset(rules["topic_verbs"])
        self.stops = re.compile(alternation(rules["name_stops"] + rules["topic_verbs"]))
        self.in_preparation = re.compile(alternation(rules["in_preparation"]))
        self.not_a_meeting = re.compile(alternation(rules["not_a_meeting"]))
        self.foreign_scope = re.compile(alternation(rules["foreign_scope"]))
        self.ordinal = re.compile(rules["ordinal"])
        self.theme = re.compile(rules["theme"])
        self.visit = re.compile(
            rf"(?:赴|到|深入|前往)?[^，,。；;：:]{{0,30}}?(?:{alternation(rules['visit_verbs'])})[^，,。；;]{{0,40}}"
        )
        self.visit_actor = re.compile(rules["visit_actors"])
        self.visit_verbs = rules["visit_verbs"]
        self.venue = re.compile(rules["venue"])
        self.organ_meeting = re.compile(rules["organ_meeting"])
        self.review_name = re.compile(alternation(rules["review_names"]))
        self.signing = re.compile(rules["signing"])
        # 仪式, 活动, 观摩: common words that name an event only where the sentence holds one.
        self.generic_kinds = frozenset(rules["generic_kinds"])
        self.visit_talk = re.compile(alternation(rules["visit_talk"]))
        # The verbs of a tour (not of a talk: 座谈, 会见, 洽谈, 接待 are talks themselves).
        self.tour_verbs = frozenset(self.visit_verbs) - {"座谈", "会见", "洽谈", "接待", "专题研究"}
        self.generic_held = re.compile(alternation(rules["generic_held"]))
        # An event stated by its holding verb alone (某县第五届…大赛在…举行, 某市举办…大赛).
        self.held_event = re.compile(rules["held_event"])
        self.held_event_not = re.compile(f"(?:{alternation(rules['held_event_not'])})$")
        self.held_event_future = re.compile(alternation(rules["held_event_future"]))
        self.launched = re.compile(rules["launched"])
        self.announced = re.compile(f"(?:{alternation(rules['announced_before'])})$")


@lru_cache(maxsize=1)
def rules():
    """The compiled rules, built once per process from the data files."""
    return MeetingRules()


# The actor before a visit's lead word or field verb is left out of its name (罗某一行|赴高新区调研);
# a talk (座谈, 会见, 洽谈, 接待) keeps who held it.
VISIT_LEAD = re.compile(
    r"^[^赴到深前调考视督检察查走专]*?(?=赴|到|深入|前往|调研|考察|视察|督导|督查|检查|察看|查看|走访|专题研究)"
)
NOT_TOPIC_YI = ("上", "下", "来", "后", "前", "内", "外")
WATCHED = re.compile(r"组织(?:收听收看|收看)了?(?P<name>[^，,。；;、\s]{4,40})")
WIRE_DATELINE = ("电", "消息", "讯")
# "按照5月6日市长在…召开的…座谈会的讲话精神": a meeting cited as a source of guidance is not held by the page's place.
CITED_MEETING = re.compile(r"(?:按照|根据|遵照|贯彻落实|贯彻|落实|传达学习)[^，,。；;]{4,80}?(?:精神|要求|部署)")
# "2月18日，区委书记主持召开会议专题研究…": a meeting written only as 会议, which the headline names.
BARE_MEETING = re.compile(r"召开(?:了)?(?:专题|紧急)?会议")
HELD_RIGHT_BEFORE = re.compile(r"(?:召开|举办|举行|承办|主办)了?$")
# A report's dateline on a line of its own ("——2024年8月22日在某区第十七届人民代表大会常务委员会第二十四次会议上"):
# the report was given at that meeting, that day. (A work report's congress session is the genre step's.)
GIVEN_AT = re.compile(
    r"^[—－\-－（(\s]*20\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在(?P<name>[^，,。；;：:\s]{4,60}?会议)上?[）)]?$"
)
YEAR_ORDINAL = re.compile(r"(20\d{2})年(?:度)?第[一二三四五六七八九十\d]+(?:次|场|期)")
# A year that opens an event's name ("举行2017年招商引资签约暨…开工仪式", "2021年一季度重大项目集中开工"),
# or leads it with a middle dot, as event titles do ("2014·某某建设经贸活动").
NAME_YEAR = re.compile(r"(20\d{2})(?:年(?!以来|以前|之前|前|底|末)|[·•](?=[\u4e00-\u9fff]))")
# "1月21日，2018年第四季度全市重点项目拉练…": an event named by a later part of its year, held before
# that part begins, reviews it after its end: the next year's January.
NAMED_PERIOD = re.compile(r"(20\d{2})年(?:第)?(?P<period>二季度|三季度|四季度|下半年)")
PERIOD_FIRST_MONTH = {"二季度": 4, "三季度": 7, "四季度": 10, "下半年": 7}


def _after_named_period(day, name, year_clue):
    """`day` moved to the next year when the name's period (of `year_clue`) had not begun by it."""
    period = NAMED_PERIOD.search(name or "")
    if not (day and year_clue and period) or int(period.group(1)) != year_clue or day.year != year_clue:
        return day
    if day.month < PERIOD_FIRST_MONTH[period.group("period")]:
        return safe_date(day.year + 1, day.month, day.day) or day
    return day


def name_year(sentence_text, name, r):
    """The year written in (or right before) the meeting's own name, unless the name reviews that year."""
    if not name or r.review_name.search(name):
        return None
    at = sentence_text.find(name)
    if at < 0:
        return None
    match = NAME_YEAR.search(sentence_text, max(0, at - 8), at + len(name))
    return int(match.group(1)) if match else None


# "昨日下午，市长主持召开…": a day named relative to the page's own date.
# "从市政府昨日召开的市长碰头会上获悉": a past day right before the verb that held the event, anywhere.
RELATIVE_DAY = re.compile(
    r"(?:^|[，,。：:\s）)】]|(?<=\d日讯)|(?<=\d日电)|(?=(?:昨天|昨日|前天)(?:上午|下午|晚上)?(?:召开|举行|举办)))"
    r"(昨天|昨日|前天|今天|今日)(?:上午|下午|晚上|晚)?[，,]?"
)
RELATIVE_OFFSET = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}


# A month and day after 今年/去年/前年 ("去年6月15日召开…") take the year it names, relative to the page.
NAMED_YEAR_MONTH_DAY = re.compile(r"(今年|去年|前年)(\d{1,2})月(\d{1,2})日")
YEARS_BACK = {"今年": 0, "去年": 1, "前年": 2}
# "上月28日": a day of the month before the page's.
LAST_MONTH_DAY = re.compile(r"上月(\d{1,2})日")
# "7月9日上午，…召开推进会。当天下午，…召开调度会": the day of the sentence before (次日: the day after it).
SAME_DAY = re.compile(r"(?:^|[，,。\s）)】])(当天|当日|同日|是日|当晚|次日|翌日)")
NEXT_DAY = ("次日", "翌日")


def _wire_dateline(text):
    """(month, day) of a wire's dateline in the sentence ("某某网成都11月13日电"), or None."""
    if not text.count("电") and "消息" not in text and "讯" not in text:
        return None
    for match in MONTH_DAY.finditer(text):
        if text.startswith(WIRE_DATELINE, match.end()):
            return int(match.group(1)), int(match.group(2))
    return None


def dated_mentions(sentence, published, context, year_clue=None, stated=None):
    """[(date, year_inferred, offset)] for every day-precise date in the sentence.

    A month and day take their year from the sentence's own clue ("2024年第一次常务会议",
    a year in the event's name: `year_clue`) before the document's date.
    """
    found = []
    taken = []
    # A day alone ("27日上午，…") is in the month of a date the page gives; a year's last day stood in for
    # a year (from a clue or a guess) gives no month.
    page_day = stated or (published if published and (published.month, published.day) != (12, 31) else None)
    clue = YEAR_ORDINAL.search(sentence.text)
    if clue:
        published = safe_date(int(clue.group(1)), 12, 31)
    elif year_clue:
        published = safe_date(year_clue, 12, 31)
    for match in FULL_DATE.finditer(sentence.text):
        day = safe_date(*match.groups())
        if CLOCK_AFTER.match(sentence.text, match.end()):
            taken.append(match.span())
            continue
        if day:
            found.append((day, False, match.start()))
            taken.append(match.span())
    for match in MONTH_DAY.finditer(sentence.text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        if RANGE_END.search(sentence.text, max(0, match.start() - 6), match.start()):
            continue  # the end of a span of days, not a second event
        if sentence.text.startswith(WIRE_DATELINE, match.end()):
            continue  # "中新网成都11月13日电", "某某网昆明10月24日消息", "某某网11月12日讯": the dateline, not a meeting's day
        if sentence.text[max(0, match.start() - 1) : match.start()] == "据" and SOURCE_DATE.match(
            sentence.text, match.end()
        ):
            continue  # "据8月18日某某网报道": the day a source reported, not an event's
        month, day_of_month = int(match.group(1)), int(match.group(2))
        weekday = WEEKDAY.match(sentence.text, match.end())
        year, inferred = infer_year(
            month,
            day_of_month,
            published,
            context,
            weekday=WEEKDAYS.index(weekday.group(1).replace("天", "日")) if weekday else None,
        )
        day = safe_date(year, month, day_of_month) if year else None
        found.append((day, inferred, match.start()))
        # "4月9日、18日、26日": the month carries over to the listed days.
        position = match.end()
        while more := LIST_DAY.match(sentence.text, position):
            day = safe_date(year, month, int(more.group(1))) if year else None
            found.append((day, inferred, more.start()))
            position = more.end()
    # A lead that gives the day alone ("27日，市长主持召开…") means this month: a day not
    # after the publication day.
    # A wire's dateline before it ("南昌3月20日电 … 20日，") gives the month instead.
    for match in LEAD_DAY.finditer(sentence.text):
        day_of_month = int(match.group(1))
        wire = [
            m
            for m in MONTH_DAY.finditer(sentence.text, 0, match.start())
            if sentence.text.startswith(WIRE_DATELINE, m.end())
        ]
        if wire and not found:
            month = int(wire[-1].group(1))
            year, _ = infer_year(month, day_of_month, published, context)
            found.append((safe_date(year, month, day_of_month) if year else None, True, match.start(1)))
        elif page_day and day_of_month <= page_day.day and not found:
            found.append((safe_date(page_day.year, page_day.month, day_of_month), True, match.start(1)))
    anchor = stated
    if not stated and not found and published and (wire := _wire_dateline(sentence.text)):
        # "中新网某地7月29日电 …推介会28日在某地举行": the wire's month, in the year its event's name or the page gives.
        year, _ = infer_year(wire[0], wire[1], published, context)
        anchor = safe_date(year, *wire) if year else None
    if anchor and not found:
        for match in DAY_HELD.finditer(sentence.text):
            if int(match.group(1)) <= anchor.day:
                found.append((safe_date(anchor.year, anchor.month, int(match.group(1))), True, match.start(1)))
                break
    for match in THIS_MONTH_DAY.finditer(sentence.text):
        if published:
            found.append((safe_date(published.year, published.month, int(match.group(1))), True, match.start()))
    for match in NAMED_YEAR_MONTH_DAY.finditer(sentence.text):
        if published and not any(a <= match.start() < b for a, b in taken):
            year = published.year - YEARS_BACK[match.group(1)]
            found.append((safe_date(year, int(match.group(2)), int(match.group(3))), True, match.start(2)))
    for match in LAST_MONTH_DAY.finditer(sentence.text):
        if published:
            last_month = published.replace(day=1) - timedelta(days=1)
            found.append((safe_date(last_month.year, last_month.month, int(match.group(1))), True, match.start()))
    if stated and not found:
        # Only a date the page states anchors 昨日; a year guessed from the text has no day.
        # A dateline right before it ("本报10月9日讯…今天下午，") is the day the reporter wrote from.
        base = stated
        if wire := _wire_dateline(sentence.text):
            year, _ = infer_year(wire[0], wire[1], stated, context)
            base = safe_date(year, *wire) or stated
        for match in RELATIVE_DAY.finditer(sentence.text):
            found.append((base - timedelta(days=RELATIVE_OFFSET[match.group(1)]), True, match.start(1)))
            break
    # An undated meeting is still a meeting; the year is unknown, not wrong.
    return found


LEADING_DATE = re.compile(r"^(?:继|在|于)?(?:\d{4}年(?!度))?(?:\d{1,2}月(?!份))?(?:\d{1,2}日)?(?:上午|下午|晚上|晚)?")
DOCUMENT_TITLE = re.compile(r"《[^《》]{2,80}》")
# Parentheses stay inside a name: 县委十五届七次全体（扩大）会议.
NAME_BREAK = re.compile(r"[，,。；;：:、\s!！?？]")


def meeting_name(sentence_text, r):
    """The most complete meeting name in the sentence, or None.

    A name runs back from its kind word (座谈会) to punctuation or a stop word (召开, 的);
    a quoted title right before it belongs to it: “…”第四场专题座谈会.
    """
    best = None
    # 《关于召开县委第九次全体会议的建议安排》: a meeting named inside a document's title is that document's topic.
    titles = [m.span() for m in DOCUMENT_TITLE.finditer(sentence_text)] if "《" in sentence_text else ()
    for found in r.kind_anywhere.finditer(sentence_text):
        kind_start, kind_end = found.span(1)
        if any(a < kind_start < b for a, b in titles):
            continue
        at_kind = r.not_a_meeting.match(sentence_text, kind_start)
        # "在全县重点项目推进会议上": a named meeting's 会议上 only says where something was said; a bare
        # 会议上 (在会议上, 在此次会议上) leaves a name too short to keep, below.
        if at_kind and at_kind.group(0).endswith("上"):
            at_kind = None
        if r.not_a_meeting.match(sentence_text, kind_start - 2) or at_kind:
            continue
        start = kind_start
        while start > 0 and kind_end - start < 45:
            previous = sentence_text[start - 1]
            if previous == "”":
                opening = sentence_text.rfind("“", 0, start - 1)
                if opening < 0:
                    break
                start = opening
                continue
            if NAME_BREAK.match(previous) or previous == "“":
                break
            start -= 1
        window = sentence_text[start:kind_end]
        quoted = [m.span() for m in QUOTED.finditer(window)]
        stops = [
            m
            for m in r.stops.finditer(window[: kind_start - start])
            if not any(a <= m.start() < b for a, b in quoted)
            # 以 is a topic verb (以…大会为契机), 以上/以下/以来 in a name (亿元以上重点项目) are not
            and not (m.group(0) == "以" and window.startswith(NOT_TOPIC_YI, m.end()))
        ]
        last_stop = stops[-1] if stops else None
        if last_stop and last_stop.group(0) in r.topic_verbs:
            continue  # a meeting discussed or planned (听取了…大会筹备情况), not the one held
        if r.in_preparation.match(sentence_text, kind_end):
            continue  # "…大会筹备工作": still being prepared
        name_start = last_stop.end() if last_stop else 0
        name = window[name_start:].replace("“", "").replace("”", "")
        name = LEADING_DATE.sub("", name)
        # Who holds it is written before the verb: 国家统计局召开新闻发布会 is not the city's.
        organiser = LEADING_DATE.sub("", window[:name_start])
        # A bare kind word is a name only when it says more than "会议"/"大会".
        if (
            len(name) < 3
            or r.not_a_meeting.search(name)
            # 全省…活动暨某县…开工仪式: a joint event is the place's when its last part is.
            or r.foreign_scope.match(name.rsplit("暨", 1)[-1])
            or r.foreign_scope.match(organiser)
        ):
            continue
        # A specific kind names the event better than a common word after it (…论坛系列活动 → …论坛).
        rank = (kind_of(name, r) not in r.generic_kinds, len(name))
        if best is None or rank > best[0]:
            best = (rank, name)
    return best[1] if best else None


HOLDING_VERB = re.compile("举行|举办|开幕|启幕|启动|召开")


def _clause_start(text, position):
    """Where the clause holding `position` starts: after the last punctuation before it."""
    return max(text.rfind(p, 0, position) for p in "，,。；;：:") + 1


def held_event_name(sentence_text, r):
    """(name, "活动") of an event the sentence holds with no kind word (…大赛在某地举行), or (None, None)."""
    if not HOLDING_VERB.search(sentence_text) or r.kind.search(sentence_text):
        return None, None  # no verb holds an event; or a kind word names it, or says why none was held
    for match in r.held_event.finditer(sentence_text):
        name = LEADING_DATE.sub("", match.group("name") or match.group("name2")).replace("“", "").replace("”", "")
        # Who holds it, for 某某举办…: the clause up to the verb.
        clause_start = _clause_start(sentence_text, match.start())
        organiser = LEADING_DATE.sub("", sentence_text[clause_start : match.start()])
        if (
            len(name) >= 4
            and not r.held_event_not.search(name)
            and not r.held_event_future.search(sentence_text, clause_start, match.end())
            and not r.not_a_meeting.search(name)
            and not r.foreign_scope.match(name)
            and not r.foreign_scope.match(organiser)
            and (match.group("verb") != "启动" or r.launched.search(name))
        ):
            return name, "活动"
    return None, None


def kind_of(name, r):
    """The kind a meeting's name ends with, the longest that fits: 扩大会议 is a 会议, not a 大会."""
    endings = [kind for kind in r.kinds if name.endswith(kind)]
    if endings:
        return max(endings, key=len)
    kinds = r.kind.findall(name)
    return kinds[-1] if kinds else None


def visit_name(sentence_text, official_names, r):
    """A leader's field visit: 罗某一行赴高新区调研集成电路产业 → (赴高新区调研集成电路产业, 调研)."""
    if not (r.visit_actor.search(sentence_text) or any(n in sentence_text for n in official_names)):
        return None, None
    # Its lazy lead is tried at every position: a sentence with none of its verbs is passed at once.
    match = r.visit.search(sentence_text) if could_match(r.visit, sentence_text) else None
    if not match:
        return None, None
    name = match.group(0)
    for official in official_names:
        name = name.replace(official, "")
    # "就乡村振兴工作开展调研": the verb ends its clause, so the words before it name the visit.
    name = VISIT_LEAD.sub("", name) if VISIT_LEAD.sub("", name) not in r.visit_verbs else name
    verb = next((v for v in r.visit_verbs if v in name), None)
    return (name, verb) if verb and len(name) > len(verb) else (None, None)


def find_meetings(text, published, subject_names=(), official_names=(), stated=None):
    """Meetings the text reports; `published` dates month-days without a year, `stated` (a date
    the page itself gives, never a guessed one) anchors 昨日 and 今天."""
    r = rules()
    found, undated = {}, {}
    # "唐某在某产业园建设专题会上强调" over "2月18日，区委书记唐某主持召开会议专题研究…": the headline names it.
    first_line = text.lstrip().split("\n", 1)[0].strip()
    headline_name = meeting_name(first_line, r) if len(first_line) <= 40 and "。" not in first_line else None
    relative_days, stated_days = {}, set()
    last_day = None
    for original in sentences(text):
        # A meeting cited as guidance (按照…座谈会的讲话精神) is masked: neither its name nor its day is the place's.
        sentence = original
        if CITED_MEETING.search(original.text):
            sentence = replace(original, text=CITED_MEETING.sub(lambda m: "，" * len(m.group(0)), original.text))
        name = kind = None
        if r.kind.search(sentence.text) and (
            r.held.search(sentence.text) or r.generic_held.search(sentence.text) or "的" in sentence.text
        ):
            name = meeting_name(sentence.text, r)
            kind = kind_of(name, r) if name else None
            organ = r.organ_meeting.search(sentence.text)
            if organ and r.foreign_scope.match(LEADING_DATE.sub("", organ.group("organ"))):
                organ = None
            if organ and (not name or len(name) <= len("会议")):
                name, kind = LEADING_DATE.sub("", organ.group("organ")) + "会议", "会议"
        if (not name or len(name) <= len("会议")) and headline_name and BARE_MEETING.search(sentence.text):
            name, kind = headline_name, kind_of(headline_name, r)
        if not name and (watched := WATCHED.search(sentence.text)):
            # "黑河市组织收听收看全省县域经济发展交流擂台赛": the place holds its own 分会场 of the higher meeting.
            name, kind = watched.group("name"), "收听收看"
        if not name:
            name, kind = visit_name(sentence.text, official_names, r)
        if name and kind in r.generic_kinds and not r.generic_held.search(sentence.text):
            name = kind = None  # 经济活动加快恢复: a common word, no event held
        signed = None if name or not could_match(r.signing, sentence.text) else r.signing.search(sentence.text)
        if signed and r.held_event_future.search(
            sentence.text, _clause_start(sentence.text, signed.start()), signed.start()
        ):
            signed = None  # "力争年内正式签约": a signing hoped for, not held
        if signed:
            name, kind = signed.group(0), "签约"
        if not name:
            name, kind = held_event_name(sentence.text, r)
        if not name and (given := GIVEN_AT.match(sentence.text.strip())):
            name, kind = given.group("name"), "会议"
        if not name:
            continue
        year_clue = name_year(sentence.text, name, r) if kind not in r.visit_verbs else None
        if year_clue is None and kind not in r.visit_verbs:
            # An event the sentence holds under a name with its year ("3月3日，2020年某县产业项目集中开工
            # 仪式在某园举行") dates the sentence's month-days, whichever name is kept.
            year_clue = next((y for _a, _b, y in held_event_years(sentence.text)), None)
        if year_clue is not None:
            year_clue = year_end_planning(year_clue, text, sentence.text)
        mentions = dated_mentions(sentence, published, text, year_clue, stated)
        if year_clue is not None:
            mentions = [
                (_after_named_period(day, sentence.text, year_clue), inferred, at) for day, inferred, at in mentions
            ]
        if not mentions and last_day and (same := SAME_DAY.search(sentence.text)):
            mentions = [(last_day + timedelta(days=same.group(1) in NEXT_DAY), True, same.start(1))]
        # "将于5月20日开幕": an announced day, not one held.
        mentions = [m for m in mentions if not r.announced.search(sentence.text, 0, m[2])]
        last_day = next((day for day, _inferred, _at in reversed(mentions) if day), last_day)
        if not mentions:
            # A meeting held without a date given is still a meeting, when it is named in full
            # right after the verb that held it ("成功举办第十一届…博览会"); "向大会报告" is none.
            if (
                kind not in r.visit_verbs
                # 仪式, 活动 and events stated by their verb alone are too common a word to keep undated
                and kind not in r.generic_kinds
                and not signed
                and name not in r.kinds
                and len(name) >= 4
                and name not in undated
                and HELD_RIGHT_BEFORE.search(sentence.text[: max(0, sentence.text.find(name))])
            ):
                undated[name] = MeetingFact(
                    date=None,
                    year_inferred=True,
                    name=name,
                    kind=kind,
                    evidence=Span(original.start, original.end, original.text),
                    confidence=0.6,
                    official_names=tuple(n for n in official_names if n in sentence.text),
                )
            continue
        # A theme belongs to a meeting only when the sentence is about that one meeting.
        theme = r.theme.search(sentence.text) if len(mentions) == 1 else None
        venue = r.venue.search(sentence.text)
        leaders = tuple(n for n in official_names if n in sentence.text)
        relative_at = {m.start(1) for m in RELATIVE_DAY.finditer(sentence.text)}
        for day, inferred, offset in mentions:
            if offset in relative_at:
                relative_days.setdefault(day, []).append(kind)
            elif day:
                stated_days.add(day)
            confidence = 0.85 if r.held.search(sentence.text) else 0.7
            fact = MeetingFact(
                date=day,
                year_inferred=inferred,
                name=name,
                kind=kind,
                evidence=Span(original.start, original.end, original.text),
                confidence=confidence,
                theme=theme.group("theme") if theme else "",
                location=venue.group("venue") if venue else "",
                official_names=leaders,
            )
            previous = found.get(day)
            found[day] = _merge(previous, fact) if previous else fact
    # "今天集中开工的15个项目" a few days after "3月26日…集中开工活动…举行": the reporter's 今天 is the day the
    # page states, and the event of that kind is the one already dated.
    for day, kinds in relative_days.items():
        meeting = found.get(day)
        if meeting is None or day is None or day in stated_days:
            continue
        if any(
            other_day < day <= other_day + timedelta(days=7)
            and any(kind and (kind in other.name or (other.kind or "") in meeting.name) for kind in kinds)
            for other_day, other in found.items()
            if other_day in stated_days
        ):
            del found[day]
    if not r.visit_talk.search(text):
        # A leader's tour of sites with no talk held on it (no 座谈会, 汇报, 会见 on the page) is a visit,
        # not a meeting: only an inspection with its 座谈会 is one.
        found = {day: m for day, m in found.items() if m.kind not in r.tour_verbs}
        undated = {name: m for name, m in undated.items() if m.kind not in r.tour_verbs}
    # One event reported twice is one meeting: an undated mention of a dated meeting is that meeting.
    dated_names = [m.name for m in found.values()]
    extra = [m for name, m in undated.items() if not any(name in other or other in name for other in dated_names)]
    return _name_series(sorted(found.values(), key=lambda m: m.date or date.max) + extra, r)


def _name_series(meetings, r):
    """Name each meeting of a series by the series' title and its ordinal: …专题座谈会（第二场）.

    "4月18日的第二场座谈会" alone says only 座谈会; the article's fuller mention of the
    series ("“…”第四场专题座谈会") supplies the title.
    """

    def split(name):
        ordinal = r.ordinal.search(name)
        return r.ordinal.sub("", name), (ordinal.group(0).replace("首场", "第一场") if ordinal else "")

    titles = [split(m.name)[0] for m in meetings if split(m.name)[0] not in r.kinds]
    result = []
    for meeting in meetings:
        title, ordinal = split(meeting.name)
        if title in r.kinds:
            title = next((t for t in titles if t.endswith(title)), title)
        name = f"{title}（{ordinal}）" if ordinal else title
        # Meetings of one series share one kind: the series title's (专题座谈会, not 座谈会).
        result.append(replace(meeting, name=name, kind=kind_of(title, r) or meeting.kind))
    return result


def _merge(a, b):
    """Keep the fuller name and evidence, and every detail either mention gave."""
    main, other = (a, b) if len(a.name) >= len(b.name) else (b, a)
    return MeetingFact(
        date=main.date,
        year_inferred=main.year_inferred and other.year_inferred,
        name=main.name,
        kind=main.kind,
        evidence=main.evidence,
        confidence=max(a.confidence, b.confidence),
        theme=main.theme or other.theme,
        location=main.location or other.location,
        official_names=tuple(dict.fromkeys(main.official_names + other.official_names)),
    )


def link_officials(meetings, officials):
    """Each meeting with the officials its evidence names (chairs, speakers, attendees)."""
    linked = []
    for meeting in meetings:
        named = tuple(o.name for o in officials if o.name in meeting.evidence.text)
        names = tuple(dict.fromkeys(meeting.official_names + named))
        linked.append(replace(meeting, official_names=names) if names != meeting.official_names else meeting)
    return linked
