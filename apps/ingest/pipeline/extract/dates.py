"""Dates in article text, and the publication facts (title, publisher, date) around the article."""

import re
from datetime import date, timedelta
from functools import cache

from .text import data

FULL_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
# 11月14日; 11月14号; the first day of a span written once: 11月14至16日, 11月14—16日.
MONTH_DAY = re.compile(r"(?<![\d年/.-])(\d{1,2})月(\d{1,2})(?:日|号(?![楼院线])|(?=\s*[至到—–\-~]\s*\d{1,2}[日号]))")
THIS_MONTH_DAY = re.compile(r"本月(\d{1,2})日")
# Not an archive stamp (此栏目已归档 / 归档时间：2023-10-26): the day a site shelved a column, not the page's.
PUBLISHED_LABEL = re.compile(
    r"(?<!归档)(?<!存档)(?:发布时间|发布日期|发表时间|时间|日期)\s*[:：]?\s*(20\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})"
)
# A portal's repost credit under the article names its title and source: "《某某观摩组莅临某某》由某某网
# 提供，转载请注明出处" (also 来自/转载自).
CREDIT_LINE = re.compile(r"^《([^《》]{6,60})》(?:由|来自|转载自|转自)[^。]{2,30}?(?:提供|发布|$|[，,。])")
# "来源：某某县融媒体中心"; "来源于某某发布" only opening a line (资金来源于财政 is a sentence).
SOURCE_LABEL = re.compile(
    r"(?:(?:来源|文章来源|稿件来源|出处)\s*[:：]|^\s*[（(]?(?:本文|信息|稿件)?来源于[:：]?)\s*([^\s|,，)）。]{2,20})"
)
# A header line led by a timestamp: "2025-07-18 09:32:16　来源：…　作者：…".
# "2020年11月02日09:47  来源:…": the clock may follow 日 with no space.
TIMESTAMP = re.compile(r"(?:^|\s)(?P<y>20\d{2})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})(?:日\s*|\s+)\d{1,2}:\d{2}")
# An aggregator's header line written day first, with its clock: "13.08.2015  20:26".
DAY_FIRST_TIMESTAMP = re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>20\d{2})\s+\d{1,2}:\d{2}")
# A short header line led by a numeric date, whatever follows it ("2020-11-08新闻26": a blog's
# date, category and view count); body prose writes 2020年11月8日, never 2020-11-08.
LEADING_NUMERIC_DATE = re.compile(r"^(?P<y>20\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)(?=.{0,30}$)")
# A newspaper's page line: "吉林日报/2025 年/8 月/6 日/第 006 版", "2025年8月6日 第006版": the date,
# written with spaces or slashes between its parts, before the page (版) or after the paper's name.
NEWSPAPER_LINE = re.compile(
    r"(?:报\s*/\s*)(?P<y>20\d{2})\s*年\s*/?\s*(?P<m>\d{1,2})\s*月\s*/?\s*(?P<d>\d{1,2})\s*日"
    r"|(?P<y2>20\d{2})\s*年\s*/?\s*(?P<m2>\d{1,2})\s*月\s*/?\s*(?P<d2>\d{1,2})\s*日\s*/?\s*(?:星期.\s*)?第\s*[\d０-９]+\s*版"
)
DATETIME_LINE = re.compile(
    r"^(?P<name>[^\d\s:：]{2,20})?\s*(?P<y>20\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)


def safe_date(year, month, day):
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def publication(text, first_lines=12):
    """(published date, publisher, title) as the page header states them; any may be None."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    head = lines[:first_lines]
    published = publisher = None
    title = None
    for index, line in enumerate(head):
        if published is None:
            match = (
                PUBLISHED_LABEL.search(line)
                or DATETIME_LINE.match(line)
                or TIMESTAMP.search(line)
                or LEADING_NUMERIC_DATE.match(line)
                or DAY_FIRST_TIMESTAMP.match(line)
                or NEWSPAPER_LINE.search(line)
            )
            if match:
                groups = match.groupdict()
                if groups.get("y2"):
                    groups = {"y": groups["y2"], "m": groups["m2"], "d": groups["d2"]}
                published = (
                    safe_date(*(groups["y"], groups["m"], groups["d"]))
                    if "y" in groups
                    else safe_date(*match.groups()[:3])
                )
                if groups.get("name"):
                    publisher = groups["name"].strip()
                if title is None and index > 0 and looks_like_title(head[index - 1]):
                    title = head[index - 1]
        if publisher is None:
            match = SOURCE_LABEL.search(line)
            if match:
                publisher = match.group(1)
    if publisher is None:
        for line in lines[-8:]:
            match = SOURCE_LABEL.search(line)
            if match:
                publisher = match.group(1)
    if title is None:
        # The credit line states the title; a line near the top is only a guess at it.
        title = next((m.group(1) for line in lines[-6:] if (m := CREDIT_LINE.match(line))), None)
    if title is None:
        title = next((line for line in head[:4] if looks_like_title(line)), None)
    return published, publisher, title


# A page's date line at its foot, where government sites and newspapers often put it: a labelled date
# (发布时间：2023-08-06), the editor's or source's line with its date (责任编辑：某某 2023-08-06), or a
# short line that is only the date, bare or in brackets (（2023年8月6日）). Links to other pages
# (上一篇, 相关新闻) carry their own dates, not this page's.
FOOTER_CREDIT = re.compile(
    r"编辑|责编|来源|作者|审核|校对|记者|通讯员|稿源|供稿|摄影|初审|终审|审签|发布|摘自|转自|转载自"
)
FOOTER_LINK = re.compile(r"上一篇|下一篇|上一条|下一条|相关|推荐|阅读|链接|附件")
FOOTER_ONLY_DATE = re.compile(r"^[（(\[【]?\s*(?:20\d{2})\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[)）\]】]?$")


def footer_date(text, last_lines=6):
    """The page's own date from a date line among its last lines, or None (see FOOTER_CREDIT)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][-last_lines:]
    for line in reversed(lines):
        if len(line) > 60 or FOOTER_LINK.search(line):
            continue
        labelled = PUBLISHED_LABEL.search(line)
        if labelled:
            return safe_date(*labelled.groups())
        full = FULL_DATE.search(line)
        if full and (FOOTER_ONLY_DATE.match(line) or (len(line) <= 40 and FOOTER_CREDIT.search(line))):
            return safe_date(*full.groups())
    return None


def looks_like_title(line):
    return (
        6 <= len(line) <= 60
        and not line.endswith(("。", ":", "："))
        and not FULL_DATE.search(line)
        and not NEWSPAPER_LINE.search(line)
        and not SOURCE_LABEL.search(line)
    )


def spring_festival_years(month, day, context):
    """Years in which `month`/`day` sits where a Spring Festival anchor in `context` says it does."""
    calendar = data("calendar.json")
    years = []
    for anchor, (low, high) in calendar["anchors"].items():
        if anchor not in context:
            continue
        for year, first_day in calendar["spring_festival"].items():
            target = safe_date(year, month, day)
            if target and low <= (target - date.fromisoformat(first_day)).days <= high:
                years.append(int(year))
    return years


def infer_year(month, day, published, context, today=None, weekday=None):
    """(year, inferred?) for a month/day the text gives without a year.

    The publication date decides; without one, a calendar clue does: a Spring Festival
    anchor (the latest fitting year of the calendar table, so the answer depends on the data,
    never on the day it runs), or the weekday written beside the date (0 = Monday), which
    fits a year every few and so needs `today`: the latest date the document can speak of.
    """
    if published:
        year = published.year
        # "12月28日" in an article published on 3 January is last year's.
        candidate = safe_date(year, month, day)
        if candidate and candidate - published > timedelta(days=62):
            year -= 1
        return year, True
    years = [y for y in spring_festival_years(month, day, context) if today is None or y <= today.year]
    if years:
        return max(years), True
    if weekday is not None and today is not None:
        for year in range(today.year, today.year - 15, -1):
            candidate = safe_date(year, month, day)
            if candidate and candidate <= today and candidate.weekday() == weekday:
                return year, True
    return None, True


def latest_full_date(text, today=None, head=300):
    """The latest full date (2024年5月9日) near the top of the article, where a dateline stands;
    further down a full date is usually history (a company founded, a plan adopted).
    `today`, when given, caps the dates (never the clock)."""
    days = [
        d
        for d in (safe_date(*m.groups()) for m in FULL_DATE.finditer(text[:head]))
        if d and (today is None or d <= today)
    ]
    return max(days, default=None)


# A period named with its year (a quarter, a half, a month end or the months to date), or the year given a theme ("2015年是产业发展年",
# "把2024年作为项目突破年"): the text speaks from inside that year.
# The place may stand between the year and the period: "2021年某县一季度重点项目集中开工".
CURRENT_PERIOD = re.compile(
    r"(20\d{2})年[^，,。；;：:\d年]{0,6}?(?:第?[一二三四1-4]季度|上半年|下半年|前三季度)"
    # a month end or the months to date before December: 2024年6月末, 截至2024年9月底, 2024年1—10月
    r"|(?<![到较比于])(?<![^截]至)(20\d{2})年(?:[1-9]|1[01])月(?:末|底)(?!前)"
    r"|(?<![到较比于])(?<![^截]至)(20\d{2})年1\s*[-—–至~]\s*(?:[1-9]|1[01])月(?!\d)"
    r"|(?:把|将)(20\d{2})年(?:作为|定为|确定为)[^，,。；;]{2,16}年"
    r"|(20\d{2})年是[^，,。；;]{2,16}年"
    # a year-end estimate of the whole year: "预计2023年，全县地区生产总值完成57.16亿元"
    r"|预计(20\d{2})年[，,]?(?:全[市县区州旗盟]|全年)"
    # a work conference named by its year, relayed by the page ("传达了全市2018年商务工作会议精神"): held
    # early in that year (alone or in a list of meetings relayed); an economic one may be held in the December before, so it is left out.
    r"|(?<![到至—\-~])(20\d{2})年(?:全[市县区州旗盟])?[\u4e00-\u9fff]{0,8}?(?<!经济)工作会议(?=精神|、[^。；;]{0,60}?会议精神)"
)
# "今年是“十四五”规划收官之年": the text's own year named by its place in a five-year plan.
THIS_YEAR_IN_PLAN = re.compile(
    r"今年(?:是|为|正值|恰逢)[^，,。；;]{0,8}?[“\"「]?(十[一二三四五六]五)[”\"」]?(?:规划)?的?(收官|开局|起步|开篇)之年"
)
PLAN_END_YEARS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}


# "“十四五”前四年，全市工业增加值年均增长4.4%": the first four years are done, so the text speaks
# from the fifth.
PLAN_FIRST_YEARS = re.compile(r"[“\"「]?(十[一二三四五六]五)[”\"」]?(?:时期|期间|以来)?前([一二两三四])年")
FIRST_YEARS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4}


def plan_milestone_year(text):
    """The year 今年 is when the text names it as a five-year plan's last or first year, or counts
    the plan's first years as done (十四五前四年 → the fifth), or None."""
    for match in THIS_YEAR_IN_PLAN.finditer(text):
        end = PLAN_END_YEARS[match.group(1)]
        return end if match.group(2) == "收官" else end - 4
    for match in PLAN_FIRST_YEARS.finditer(text):
        return PLAN_END_YEARS[match.group(1)] - 4 + FIRST_YEARS[match.group(2)]
    return None


# A year whose work is being planned ("研究2025年发展思路", "部署2024年重点工作"): a meeting early in
# that year, or at the end of the one before (every date in November or December).
WORK_PLAN_YEAR = re.compile(
    r"(20\d{2})年(?:度)?(?:全[市县区州旗盟]|全年)?的?(?:经济|产业|工业|招商引资|招商|项目)?"
    r"(?:工作思路|发展思路|工作要点|重点工作|目标任务|工作计划|工作安排|工作打算)"
    # "总结2025年经济工作…部署2026年经济工作": the year whose work a meeting deploys.
    r"|(?:部署|谋划|安排)(20\d{2})年(?:度)?"
    # "通报2019年重点项目…2020年全县重点项目谋划情况": next year's projects planned.
    r"|(20\d{2})年(?:度)?(?:全[市县区州旗盟])?的?(?:重点|重大)?项目谋划"
    # "审议了《…2023年县政府工作报告目标任务分解方案》": a year's government work report is given early
    # in that year (drafted at the end of the one before), its tasks split among departments then.
    r"|(20\d{2})年(?:度)?[省市县区州旗盟]?(?:人民)?政府工作报告"
)
# A short plan whose draft the page discusses ("会议讨论了《某县…三年行动方案(2021—2023年)》"; "行动计划
# (2021—2023)…初稿进行了讨论"): written in the plan's first year (or at the end of the year before).
PLAN_SPAN = re.compile(r"(?:方案|计划|规划|纲要)》?\s*[（(](20\d{2})\s*[—\-–~至]\s*(20\d{2})\s*年?[）)]")
PLAN_DISCUSSED = re.compile(r"讨论|审议|初稿|草案|征求意见")
PLAN_SPAN_YEARS = 3
# A year inside a title (《某县产业集聚区2016年发展纪实》 shown at a signing) is the titled work's, not the page's.
BOOK_TITLE = re.compile(r"《[^《》]{0,60}》")
PLAN_YEAR = re.compile(r"(?<![到至—\-~])(?<!力争|预计|计划|将于|将在|有望)(20\d{2})年")
# "计划2025年7月开工建设，2026年11月竣工投产": every year of a clause led by a plan word is planned.
PLAN_LEAD = re.compile(r"(?:计划|预计|力争|将于|拟于?|有望)[^。；;！？]{0,30}$")
BASELINE_YEAR = re.compile(r"的\s*\d")
BASELINE_LEAD = frozenset("较比于是由从")
# A year whose own sentence says its work is still ahead or under way ("2025年，全区将…",
# "听取全县2020年猕猴桃营销工作进展情况汇报") is the year the page is written in, not a past year
# it reports on. Not a result: "2023年，全市生产总值增长5%" is reported early the next year.
# So is a year whose work is still to be opened or arranged: "开创2013年各项工作新局面",
# "研究了2024年市政府领导督办重点建议安排意见"; an event opening the year: "是某区2025年商务发展的首场活动".
# So is a year whose plan or opening the page reports ("2024年，某县计划推进…", "宣布2024年…项目全面开工",
# "标志着某区2021年招商引资工作全面拉开大幕", "确保2023年一季度开门红").
YEAR_AHEAD = re.compile(
    r"[^。；;！？]{0,24}?(?:将(?!近)|进展情况|正在|力争|争取|新局面|安排意见|首场|计划|全面开工|集中开工|拉开(?:大幕|帷幕|序幕)|开门红)"
)


@cache
def _held_event_pattern():
    kinds = sorted(data("meetings.json")["kinds"], key=len, reverse=True)
    kind = "|".join(re.escape(k) for k in kinds)
    return re.compile(
        # the year opens the name: 2020年…仪式, 2023(中国)…博览会, 2017京鲁…推进会
        r"(?<![\d到至—\-~])(?P<year>20\d{2})(?:年度?)?(?![\d年以底末前])(?=[\u4e00-\u9fff（(“‘《])"
        rf"(?P<name>[^，,。；;：:！？!?\s]{{2,40}}?(?:{kind}))[”’》]?"
        # …and the event is held in this text: 在某地举行, or 举行 right before the year; a series
        # names its session and host between ("…系列新闻发布会第八场(某县)召开"); a wire's day
        # ("…推介会28日在某地举行") or 同期 ("“2024年‘…’招商推介会”同期举行") may stand before the verb
        r"(?:第[一二三四五六七八九十\d]{1,3}[场期站次](?:[（(][^（()）]{1,10}[）)])?)?"
        r"(?:\d{1,2}日(?:[上中下]午|晚上?)?|同期|同时)?"
        r"(?=在[^，,。；;]{1,30}?(?:举|召开|开幕|启动)|(?:成功|隆重)?(?:举行|召开|举办|开幕|启动))"
        r"|(?:(?<=举行|召开|举办)|(?<=举行的|召开的|举办的))(?P<year2>20\d{2})(?:年度?)?(?![\d年以底末前])"
        rf"(?P<name2>[^，,。；;：:！？!?\s]{{2,40}}?(?:{kind}))"
    )


@cache
def _review_names():
    return re.compile("|".join(data("meetings.json")["review_names"]))


def held_event_years(text):
    """[(start, end, year)] of events the text holds under a name that opens with a year:
    "东山县举行2020年第一季度项目集中开工仪式", "2020年某县产业项目集中开工仪式在某园举行",
    "2023(中国)某博览会…签约仪式在某中心举行". The year is the event's own, written by the page,
    unless the name reviews it (2023年度总结表彰大会 is held the year after)."""
    found = []
    for match in _held_event_pattern().finditer(text):
        name = match.group("name") or match.group("name2")
        if _review_names().search(name):
            continue
        found.append((match.start(), match.end(), int(match.group("year") or match.group("year2"))))
    return found


# "11月13日，县长主持召开2024年全县重点项目情况汇报会…谋划好明年项目": at a year's end, an event named by
# the year whose work it prepares, on a page that calls that work 明年, is held the year before.
NEXT_YEAR_WORK = re.compile(r"(?:明年|来年)(?:的|全年)?(?:工作|项目|重点|目标|任务|计划|经济)")
YEAR_END_DAY = re.compile(r"(?<![\d年])(1[12])月\d{1,2}日")


def year_end_planning(year, text, dated_text=None):
    """`year` - 1 when the event named by `year` is dated in November or December (every month-day of
    `dated_text`, the text by default) and the text plans 明年's work, else `year`; a named period
    (2024年第四季度…) is that year's own."""
    days = YEAR_END_DAY.findall(dated_text if dated_text is not None else text)
    every = re.findall(r"(?<![\d年])(\d{1,2})月\d{1,2}日", dated_text if dated_text is not None else text)
    if days and len(days) == len(every) and NEXT_YEAR_WORK.search(text) and not CURRENT_PERIOD.search(text):
        return year - 1
    return year


def held_event_year(text, today=None):
    """The year of the first event the text holds under a name with its year, or None."""
    years = [y for _a, _b, y in held_event_years(text) if today is None or y <= today.year]
    return years[0] if years else None


# A headline opening with its year names the period the page reports: "2023年某县经济运行情况",
# "某县2023年度招商引资工作综述". Not a span (2021年以来), a deadline (到2025年) or a plan's end (2025年底前).
TITLE_YEAR = re.compile(
    r"^[^\d，,。；;：:]{0,8}?(?<![到至较比于])(20\d{2})\s*年(?:度)?(?!以来|以前|之前|前|底|末|起|至|—|-)"
)


def title_period_year(title, today=None):
    """The year a page's headline opens with, or None (see TITLE_YEAR). A review's headline
    (2023年度招商引资工作总结) is written the year after: its 今年 is not that year."""
    match = TITLE_YEAR.match(title or "")
    if match and _review_names().search(title):
        return None
    year = int(match.group(1)) if match else None
    return year if year and (today is None or year <= today.year) else None


def current_period_year(text, today=None):
    """The year of a current period the text names with its year (2021年一季度重点项目集中开工), or None."""
    periods = [int(next(g for g in groups if g)) for groups in CURRENT_PERIOD.findall(text)]
    periods = [y for y in periods if today is None or y <= today.year]
    return max(periods, default=None)


def likely_year(text, today=None):
    """A last-resort reference year for an article that gives none.

    A current period named with its year ("2025年第一季度重大项目集中开工") decides, then 今年 named as a five-year plan's
    first or last year (今年是“十四五”收官之年: 2025), then a year whose work is planned ("研究2025年发展思路": that year, or the one before for a meeting in its
    November or December). Otherwise
    articles report on a past year ("2023年，全市…") early in the next one, unless they name a
    later year ("2025—2027年" plans start now): then that one. Years after 到/预计/计划 are plans.
    When every date the article gives falls in November or December, a report on a year is
    from that year's end. `today`, when given, caps the years (never the clock).
    """
    latest_allowed = today.year if today else 9999
    if (held := held_event_year(text, today)) is not None:
        return year_end_planning(held, text)
    periods = [int(next(g for g in groups if g)) for groups in CURRENT_PERIOD.findall(text)]
    periods = [y for y in periods if y <= latest_allowed]
    if periods:
        return max(periods)
    milestone = plan_milestone_year(text)
    if milestone and milestone <= latest_allowed:
        return milestone
    months = [int(m) for m in re.findall(r"(?<![\d年])(\d{1,2})月\d{1,2}日", text)]
    year_end = bool(months) and all(m >= 11 for m in months)
    planned = [int(next(y for y in groups if y)) for groups in WORK_PLAN_YEAR.findall(text)]
    if not planned and ("（" in text or "(" in text) and PLAN_DISCUSSED.search(text):
        planned = [int(a) for a, b in PLAN_SPAN.findall(text) if 0 < int(b) - int(a) <= PLAN_SPAN_YEARS][:1]
    planned = [y - 1 if year_end else y for y in planned]
    planned = [y for y in planned if y <= latest_allowed]
    if planned:
        return max(planned)
    counts = {}
    ahead = {}
    titles = [m.span() for m in BOOK_TITLE.finditer(text)] if "《" in text else ()
    for match in PLAN_YEAR.finditer(text):
        year = int(match.group(1))
        if any(a <= match.start() < b for a, b in titles):
            continue
        if PLAN_LEAD.search(text, max(0, match.start() - 30), match.start()):
            continue
        if BASELINE_YEAR.match(text, match.end()) or text[max(0, match.start() - 1) : match.start()] in BASELINE_LEAD:
            continue  # "相较于2012年的86亿元", "是2012年的3.04倍": a baseline, not the year reported on
        if year <= latest_allowed:
            counts[year] = counts.get(year, 0) + 1
            ahead[year] = ahead.get(year, 0) + bool(YEAR_AHEAD.match(text, match.end()))
    if not counts:
        return None
    reported = max(counts, key=lambda y: (counts[y], y))
    latest = max(counts)
    if latest > reported:
        return latest
    if ahead[reported] == counts[reported]:
        return reported  # every mention of the year says its work is ahead or under way
    return reported if year_end else min(reported + 1, latest_allowed)


# "该项目计划2025年7月开工建设": a signing or a plan announced before the work starts.
PLANNED_START = re.compile(
    r"(?:计划|预计|拟|将于|力争|争取)[^。；;，,]{0,6}?(20\d{2})年(\d{1,2})月(?:份)?(?:[上中下]旬|底|初|末)?前?"
    r"(?:正式|全面)?(?:开工|动工|开建|启动建设|开始建设)"
)


def planned_start(text):
    """The last day of the earliest month the text plans work to start in, or None.

    A page that dates nothing else reports what happened before that start: "5月27日…签署…协议…
    计划2025年7月开工建设" is a signing in 2025, and one on 11月3日 (more than two months after the
    planned start, see infer_year) the year before. A planned completion (竣工, 投产) can be years away.
    """
    months = []
    for match in PLANNED_START.finditer(text):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            months.append((year, month))
    if not months:
        return None
    year, month = min(months)
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)
