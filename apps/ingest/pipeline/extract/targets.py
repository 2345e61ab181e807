"""Targets and reported figures: numbers with units the article states for the city.

A number counts when its unit is money, a percentage, a rank, or a count of something
economic (企业, 项目, 载体 …).  The sentence decides whether it is a goal (到2027年, 力争,
用3年时间) or a figure already reached, and which year it belongs to.
"""

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from apps.atlas.metrics import classify, metric_index

from ..types import Span, TargetFact
from .text import (
    alternation,
    chinese_number,
    city_sentences,
    clauses,
    data,
    enclosing,
    finditer_if_possible,
    finditer_where_possible,
    required_text,
    sentences,
)

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
HAN_NUM = r"[一二两三四五六七八九十百千]+"
CHAINED_COUNT = re.compile(r"(?:\d+\s*[家个项座所条][^，,。；;\d]{0,12}?(?:和|、|及|以及))+$")
CLAUSE_BREAK = re.compile(r"[，,；;。]")
CLAUSE_STOP = re.compile(r"[，,；;：:。！？!?\n“”]")
GOAL_CLAUSE_STOP = re.compile(r"[，,；;：:。！？!?\n]")
YEAR = re.compile(r"(20\d{2})年")
COMPARED_WITH = re.compile(r"(?:较|比|相比|同比)于?$")
RANK_UNITS = ("名", "位")
LEVEL_NOUN_END = re.compile(r".{1,16}?(?:产业集群|集群|产业链|产业园|产业港|产业基地|产业新城|基地|园区|产业|港|城)")


class TargetRules:
    def __init__(self):
        rules = data("targets.json")
        self.rules = rules
        self.money = re.compile(
            # 总投资43.52 亿元: a typeset page may put a space between the digits and the unit.
            # 300多亿元, 20余亿元, 百余万元: a round amount with 多/余 between the number and its unit;
            # 37亿多元, 七亿多元, 6亿余元: the same after the unit's 亿.
            rf"(?P<num>{ARABIC}|{HAN_NUM})?(?:(?<=\d)[ \u3000\xa0])?(?P<approx>(?<=[\d十百千])[多余])?"
            rf"(?P<unit>万亿元|亿元|万元|元|万亿|(?<=[\d一二两三四五六七八九十百千])亿[多余]元|亿)(?=(?P<after>.{{0,2}}))"
        )
        # 千亿级产业集群; bare before the whole industry or a class (锚定千亿工业, 硒锌特色产业百亿强县)
        # 三百亿级工业集群: a level with its own digit is that many hundreds (300), not 百亿级.
        self.level_money = re.compile(
            r"(?P<num>(?<![一二两三四五六七八九十百千万])[一二两三四五六七八九]?[十百千万])亿(?:级|(?=工业|产业|集群|强县|强市|强区))"
        )
        self.level_named_before = re.compile(rules["level_named_before"])
        self.per_person = re.compile(r"[/／]人(?![次口民])")
        self.named_level = re.compile(rules["named_level"])
        # It opens with a lazy run of up to 60 characters, tried from every position: skipped
        # at once in the many sentences without the characters every match holds (亿级).
        self.named_level_requires = required_text(self.named_level)
        # A signed change (+0.53%) is a market quote, not a figure of the city; a dash after a
        # number (7-7.5%, 8.5%-8.7%) joins the two ends of a range and signs nothing.
        # A statistics bureau prints a decline as a signed growth (增长-8.7%, 较一季度(-10.8%)): the minus
        # right after a growth word or an opening parenthesis is the figure's sign.
        self.percent = re.compile(
            rf"(?:(?<=[长速幅为(（])(?P<sign>-)|(?<![+−\d.])(?<![^\d%％]-)(?<!^-))(?P<num>{ARABIC})\s*(?:%|％)"
        )
        # 1.2万家, 3万余户: a count in ten-thousands keeps 万 in its unit, as 万户 and 万人 do.
        self.count = re.compile(
            rf"(?P<num>{ARABIC})\s*(?P<approx>多|余)?\s*(?P<wan>万(?:多|余)?)?"
            rf"(?P<unit>{alternation(rules['count_units'])})"
        )
        # 一百万亩, 近百万亩: a round quantity in words before a unit of 万 or 亿 (not 数百万吨, 千万吨级).
        units = alternation(rules["measure_units"])
        self.measure = re.compile(rf"(?P<num>{ARABIC})\s*(?:多|余)?\s*(?P<unit>{units})")
        self.measure_in_words = re.compile(
            rf"(?<![数几多余\d一二两三四五六七八九十百千])(?P<words>[一二两三四五六七八九十百千]+)(?=[万亿])"
            rf"(?:多|余)?(?P<unit>{units})(?!级)"
        )
        self.measure_units = frozenset(rules["measure_units"])
        self.activity_before = re.compile(rules["activity_before"])
        self.attribute_after = re.compile(rules["attribute_after"])
        self.bare_yi_followers = re.compile(f"^(?:{alternation(rules['bare_yi_followers'])}|[，,。；;、）)”\\s]|$)")
        self.countable = re.compile(alternation(rules["countable_nouns"]))
        self.rank_context = re.compile(rules["rank_context"])
        self.rank_ordinal = re.compile(rules["rank_ordinal"])
        self.rank_top = re.compile(rules["rank_top"])
        self.goal = re.compile(rules["goal_markers"])
        self.goal_as_noun = re.compile(rules["goal_as_noun"])
        self.actual = re.compile(rules["actual_markers"])
        self.deadline = re.compile(rules["deadline"])
        self.within_years = re.compile(rules["within_years"])
        self.baseline = re.compile(rules["baseline"])
        self.at_meeting = re.compile(rules["at_meeting"])
        self.metric_strip_tail = re.compile(rf"(?:{rules['metric_strip_tail']})+$")
        self.metric_strip_head = re.compile(rf"^(?:{rules['metric_strip_head']})+")
        self.idioms = [(re.compile(item["pattern"]), item) for item in rules["idioms"]]
        self.idioms_require = [required_text(pattern) for pattern, _ in self.idioms]
        self.level_generic = re.compile(rules["level_generic"])
        self.activity_after = re.compile(rules["activity_after"])
        self.count_noun_end = re.compile(rules["count_noun_end"])
        self.delta_clause = re.compile(rules["delta_clause"])
        self.total_clause = re.compile(rules["total_clause"])
        self.topic_year = re.compile(rules["topic_year"])
        self.past_period = re.compile(rules["past_period"])
        self.year_plan = re.compile(rules["year_plan"])
        self.last_year = re.compile(rules["last_year"])
        self.next_year = re.compile(rules["next_year"])
        self.standing_state = re.compile(rules["standing_state"])
        self.this_year_part = re.compile(rules["this_year_part"])
        self.ranked_list_year = re.compile(rules["ranked_list_year"])
        self.plan_periods = rules["plan_periods"]
        self.plan_period_end = re.compile(rules["plan_period_end"])
        self.company = re.compile(alternation(data("clusters.json")["company_context"]))
        figure = rules["figure_rules"]
        self.figure = {
            name: re.compile(rule["pattern"])
            for name, rule in figure.items()
            if isinstance(rule, dict) and "pattern" in rule
        }
        self.paired_prefixes = {
            k: v for k, v in figure["paired_prefixes"].items() if isinstance(v, list) and k != "examples"
        }
        self.metric_heads = sorted(figure["metric_heads"]["words"], key=len, reverse=True)
        # Every figure candidates() reads holds a digit (percent, count, measure), a money unit
        # (money, level_money: 元 or 亿), a count or a measure in words (两个项目, 近千家, 百万亩) or the text a data pattern requires: a sentence with none
        # of them (most of a report) is passed over without running each pattern on it.
        required = [
            required_text(self.rank_ordinal),
            required_text(self.rank_top),
            self.named_level_requires,
            *self.idioms_require,
        ]
        self.figure_mark = (
            None
            if "" in required
            else re.compile(
                "|".join(
                    [
                        r"[\d元亿]|[两二三四五六七八九十][个家项]|[百千][多余]?[个家项户]|[一二两三四五六七八九十百千]万",
                        *(re.escape(t) for t in required),
                    ]
                )
            )
        )


@lru_cache(maxsize=1)
def rules():
    """The compiled rules, built once per process from the data files."""
    return TargetRules()


def _decimal(number):
    """2000.0 → Decimal('2000'), 2.5 → Decimal('2.5'): no exponent notation."""
    value = Decimal(str(number))
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def candidates(sentence_text, r):
    """(start, end, value, unit, metric or None) for every number with a unit worth keeping."""
    if r.figure_mark is not None and not r.figure_mark.search(sentence_text):
        return []
    found, taken = [], []
    # Where each clause ends, found once: the loops below each ask where a figure's clause starts.
    stop_ends = [m.end() for m in CLAUSE_STOP.finditer(sentence_text)]

    def clause_start_before(position):
        """The start of the clause holding `position`: just after the last clause stop before it."""
        index = bisect.bisect_right(stop_ends, position)
        return stop_ends[index - 1] if index else 0

    def add(start, end, value, unit, metric=None):
        if value is None or any(a < end and start < b for a, b in taken):
            return
        before = sentence_text[max(0, start - 24) : start]
        before = CHAINED_COUNT.sub("", before)  # 走进3家企业和1个平台: the 1个 is part of the visit too
        # "59个总投资超过580亿元的重大项目": an amount before 的 that sums the counted batch is its total.
        # "签约总投资近16亿元的10个重大项目": the same total, the count after it.
        attribute = r.attribute_after.match(sentence_text[end:]) and not (
            r.figure["batch_total_before"].search(before)
            or (
                r.figure["total_word_before"].search(before) and r.figure["batch_count_after"].match(sentence_text, end)
            )
        )
        if (
            r.activity_before.search(re.sub(r"(?:先后|逐一|共|一共|分别)$", "", before))
            # 走访了甲、乙、丙等54家企业: the firms of a visit's list, however long, then their count
            or (
                unit == "家"
                and r.figure["visited_list_before"].search(sentence_text, clause_start_before(start), start)
            )
            or attribute
            or r.activity_after.match(sentence_text[end:])
        ):
            taken.append((start, end))
            return
        taken.append((start, end))
        found.append((start, end, value, unit, metric))

    for (pattern, idiom), required in zip(r.idioms, r.idioms_require):
        for match in finditer_where_possible(pattern, required, sentence_text):
            add(match.start(), match.end(), _decimal(idiom["value"]), idiom["unit"], idiom["metric"])
    for match in finditer_where_possible(r.named_level, r.named_level_requires, sentence_text):
        # 打造A、B两个千亿级产业集群: a size goal for each named cluster.
        listed = re.split(
            r"[、和及]", re.sub(r"^.*(?:打造|做强|做大|培育|形成了?|建设|发展|壮大|构建)", "", match.group("items"))
        )
        names = [n for n in listed if len(n) >= 2 and not re.search(r"\d|级|个", n)]
        number = match.group("num")
        value = _decimal({"十": 10, "百": 100, "千": 1000, "万": 10000}.get(number) or chinese_number(number))
        for index, name in enumerate(names):
            found.append((match.start() + index, match.end(), value, "亿元", f"{name}产业集群规模"))
        if names:
            taken.append(match.span())  # "打造5个千亿级产业集群" names none: the count is the figure
    for match in r.level_money.finditer(sentence_text):
        noun = re.split(r"[，,；;。、和及与“”]", sentence_text[match.end() :], maxsplit=1)[0]
        number = match.group("num")
        value = _decimal({"十": 10, "百": 100, "千": 1000, "万": 10000}.get(number) or chinese_number(number))
        if not noun or r.level_generic.search(noun):
            clause_start = clause_start_before(match.start())
            named = r.level_named_before.search(sentence_text, clause_start, match.start())
            if noun and named and not r.level_generic.fullmatch(named.group("name")):
                # 打造先进材料千亿级主导产业集群: the class is a goal for the thing named before the level
                kind = noun[: r.level_generic.search(noun).end()]
                add(named.start("name"), match.end(), value, "亿元", f"{named.group('name')}{kind}规模")
                continue
            if noun and COUNTED_CLASS.search(sentence_text, clause_start, match.start()):
                # 打造六个百亿产业: six industries of that size, the size a goal for each of them
                kind = noun[: r.level_generic.search(noun).end()]
                add(match.start(), match.end(), value, "亿元", f"{match.group(0)}{kind}规模")
                continue
            taken.append(match.span())
            continue  # 千亿级主导产业集群, 万亿级工业强市: a size class, not a goal for a named thing
        named = LEVEL_NOUN_END.match(noun)  # 千亿级新材料产业集群加快成型: the thing ends at its kind
        noun = named.group(0) if named else noun
        metric = f"{noun}规模" if noun.endswith("集群") else f"{match.group(0)}{noun}"
        add(match.start(), match.end(), value, "亿元", metric)
    for match in finditer_if_possible(r.money, sentence_text):
        unit, number = match.group("unit").replace("多", "").replace("余", ""), match.group("num")
        if not number and not unit.startswith("万亿"):
            continue  # 元宇宙, 多元: the character, not the currency
        if unit in ("亿", "万亿") and not r.bare_yi_followers.match(match.group("after")):
            continue  # 两千亿集群, 亿人次: not an amount of money
        if sentence_text[max(0, match.start() - 1) : match.start()] == "第":
            continue
        if number in ("百", "千"):
            number = "一" + number  # 突破千亿元: a thousand 亿元
        value = chinese_number(number) if number else 1.0
        if unit == "元" and number and not number[0].isdigit() and value and value < 100:
            continue  # 三元双向, 一元化: a word, not three yuan
        unit = unit if unit.endswith("元") else unit + "元"
        end = match.end()
        if unit.endswith("元") and r.per_person.match(sentence_text, end):
            # 全员劳动生产率13万元/人: an amount per worker is the city's figure, not a price.
            unit, end = unit + "/人", r.per_person.match(sentence_text, end).end()
        add(match.start(), end, _decimal(value) if value else None, unit)
    for match in finditer_if_possible(r.rank_ordinal, sentence_text):
        # 全市排名第3, 位居全市第一位: a rank written without 位 or in words
        value = chinese_number(match.group("num"))
        if value:
            add(match.start("num") - 1, match.end(), _decimal(value), "位")
    for match in finditer_if_possible(r.rank_top, sentence_text):
        # 锚定全国县域经济前十强的目标, 跨入全省20强: a place among the top N holds rank N at worst
        value = chinese_number(match.group("num"))
        if value and value <= 50:
            add(match.start(), match.end(), _decimal(value), "位", metric=match.group("scope") + "排名")
    for match in r.measure.finditer(sentence_text):
        if match.group("unit") == "个百分点":
            clause_start = clause_start_before(match.start())
            if r.figure["point_gap"].search(sentence_text, clause_start, match.start()) or (
                r.figure["rate_gap"].search(sentence_text, clause_start, match.start())
                and not r.figure["share_measure"].search(sentence_text, clause_start, match.start())
            ):
                taken.append(match.span())
                continue  # 拉动全县增速2.4个百分点, 增幅高于全国1.7个百分点: a gap, not a figure
        add(match.start(), match.end(), _decimal(chinese_number(match.group("num"))), match.group("unit"))
    if WORDS_BEFORE_WAN.search(sentence_text):
        for match in r.measure_in_words.finditer(sentence_text):
            words = match.group("words")
            if words in ("十", "百", "千") and not _rounded(sentence_text, match.start(), r):
                continue  # 百万头生猪项目: a name; 近百万亩 is a quantity
            value = chinese_number("一" + words if words in ("十", "百", "千") else words)
            if value:
                add(match.start(), match.end(), _decimal(value), match.group("unit"))
    for match in finditer_if_possible(r.percent, sentence_text):
        value = _decimal(chinese_number(match.group("num")))
        add(match.start(), match.end(), -value if match.group("sign") else value, "%")
    for match in r.count.finditer(sentence_text):
        unit = match.group("unit")
        before = sentence_text[max(0, match.start() - 14) : match.start()]
        ordinal = before.endswith("第")
        if (
            ordinal
            and unit in ("位", "名")
            # 由二季度的第12位上升到第6位: the place it rose from is a rank too
            and (r.rank_context.search(before[:-1]) or r.figure["rank_from_after"].match(sentence_text, match.end()))
        ):
            add(match.start() - 1, match.end(), _decimal(chinese_number(match.group("num"))), "位")
            continue
        if ordinal or before.endswith((".", "-", "—")):
            continue
        if unit in ("位", "名") and r.rank_context.search(before):
            if r.figure["rank_change_before"].search(before):
                taken.append(match.span())
                continue  # 百强榜单再进5位: places gained, not a rank
            add(match.start(), match.end(), _decimal(chinese_number(match.group("num"))), "位")
            continue
        if unit == "位":
            continue
        if unit in ("项", "个") and r.figure["indicator_count_after"].match(sentence_text, match.end()):
            taken.append(match.span())
            continue  # A、B、C3项指标增速全市第一: the count of the indicators listed
        if unit in ("家", "个", "名") and r.figure["attending_firms_before"].search(
            sentence_text, clause_start_before(match.start()), match.start()
        ):
            taken.append(match.span())
            continue  # 参会企业50家, 拜访目标企业6家: an event's guests
        clause_start = clause_start_before(match.start())
        if r.delta_clause.match(sentence_text[clause_start:]) or r.total_clause.match(sentence_text[clause_start:]):
            # "…企业总数达到1620家，较上年净增210家": the change counts what the clause before counts, and so
            # does a running total after the year's additions ("新增…企业23户，总数达到156户")
            clause_start = clause_start_before(max(clause_start - 1, 0))
        after = CLAUSE_STOP.split(sentence_text[match.end() :], maxsplit=1)[0]
        if "的" in after:
            # 6个与经营主体发展密切相关的市直部门: the noun after the last 的 is what is counted,
            # unless the count's own noun comes first (5个项目的开工仪式, 3个重点项目的)
            own = after.split("的", 1)[0]
            if own[:1] in ("与", "和", "同", "跟", "对", "为", "向", "在"):
                own = ""  # a phrase that qualifies the noun to come (与经营主体…相关的)
            own = next((own[i:] for i in range(min(3, len(own))) if r.countable.match(own, i)), "")
            after = after.rsplit("的", 1)[-1] + "的" + own
        if not (r.countable.search(after) or r.countable.search(sentence_text[clause_start : match.start()])):
            continue  # 20多个参观点, 5个城市: counts, but not of anything economic
        add(
            match.start(),
            match.end(),
            _decimal(chinese_number(match.group("num"))),
            "万" + unit if match.group("wan") else unit,
        )
    for match in finditer_if_possible(r.figure["count_in_words"], sentence_text):
        # 共签约两个项目: a count of projects or firms in words
        add(match.start(), match.end(), _decimal(chinese_number(match.group("num"))), match.group("unit"))
    for match in finditer_if_possible(r.figure["round_count_in_words"], sentence_text):
        # 培育规上企业近千家, 新增两千多家经营主体: what is counted stands in the clause, before or after
        clause_start = clause_start_before(match.start())
        after = CLAUSE_STOP.split(sentence_text[match.end() :], maxsplit=1)[0]
        num = match.group("num")
        if num in ("百", "千") and not match.group("approx") and not _rounded(sentence_text, match.start(), r):
            continue  # 服务百家企业活动: a campaign's name
        if r.countable.search(sentence_text, clause_start, match.start()) or r.countable.match(after):
            value = chinese_number("一" + num if num in ("百", "千") else num)
            add(match.start(), match.end(), _decimal(value) if value else None, match.group("unit"))
    return _without_thresholds(sorted(found, key=lambda c: c[:2]), sentence_text)


WORDED = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # a metric of brackets or digits only names nothing
ROUNDING_BEFORE = re.compile(r"(?:约|近|超|逾|超过|达|共)$")
AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(亿元|万元|个|家|项)")


def _rounded_restatement(headline, candidate, rest_text):
    """Whether a headline's rounded figure (总投资约20亿元, 近20亿元) rounds an amount of the same unit
    the page states (19.92亿元, 19.73亿元): the body's figure is the fact, the headline restates it."""
    start, _, value, unit, _ = candidate
    if not ROUNDING_BEFORE.search(headline, 0, start) or not value:
        return False
    return any(
        m.group(2) == unit and abs(Decimal(m.group(1)) - value) <= value / 10 for m in AMOUNT.finditer(rest_text)
    )


def _rounded(sentence_text, start, r):
    """Whether a round number in words at `start` has a word that rounds it before it (近千家, 超百万亩)."""
    return bool(r.figure["round_words_qualifier"].search(sentence_text[max(0, start - 4) : start]))


def _without_thresholds(found, sentence_text):
    """ "突破万亿元大关，达到10650亿元": the milestone passed is not a second figure."""
    money = [c for c in found if c[3].endswith("元")]
    return [c for c in found if not (sentence_text.startswith("大关", c[1]) and any(m[0] > c[0] for m in money))]


COUNTED_CLASS = re.compile(r"(?<![一二两三四五六七八九十])[两二三四五六七八九十]{1,2}[个大]$")
WORDS_BEFORE_WAN = re.compile(r"[一二两三四五六七八九十百千][万亿]")
COUNT_UNITS = {"家", "个", "项", "座", "所", "条", "名", "人", "户", "台", "套", "款"}
METRIC_CLAUSE_STOP = re.compile(r"[，,；;：:。、（）()是]")
SUBJECT_STOP = re.compile(r"[，,；;：:。（）()是]")  # a list subject (城镇、农村居民…) spans its 、
MONEY_UNITS = {"元", "万元", "亿元", "万亿元"}
SEGMENT_END = re.compile(r"[；;。]")


@dataclass
class Figure:
    """A number with its unit at [start, end) of a sentence; `high` is the top of a range (6%—6.5%)."""

    start: int
    end: int
    value: Decimal
    unit: str
    metric: str | None = None
    high: Decimal | None = None


def clean_metric(text, r):
    """Strip what surrounds the metric: footnote marks, years, baselines, leading and trailing verbs."""
    text = r.figure["comparison"].sub("", r.figure["footnote"].sub("", text))
    text = r.figure["list_words"].sub("", text)
    text = YEAR.sub("", r.baseline.sub("", text))
    previous = None
    while previous != text:
        previous = text
        text = r.metric_strip_head.sub("", r.metric_strip_tail.sub("", text)).strip(" 　")
    return text


def metric_for(sentence_text, start, end, unit, r, clause_start=0):
    """The thing measured: the words before the number, or for counts the noun after it."""
    clause_start = max(
        (m.end() for m in METRIC_CLAUSE_STOP.finditer(sentence_text, clause_start, start)), default=clause_start
    )
    before = clean_metric(sentence_text[clause_start:start], r)
    if unit not in COUNT_UNITS or (before and r.countable.search(before)):
        return before
    after = re.split(r"[，,；;。！？]", sentence_text[end:], maxsplit=1)[0]
    # 家庭农场70个(单元)、: a note on the unit, not the noun; 正在建设的2个): the end of a bracket, no noun
    after = re.sub(r"^(?:[（(][^）)]{0,8}[）)]|[）)]+)", "", after)
    after = re.sub(r"^(?:左右|以上|多|余|包括)", "", after)
    if "的" in after and not re.search(r"\d", after.rsplit("的", 1)[-1]):
        return after.rsplit("的", 1)[-1][:60]
    return r.count_noun_end.split(after, maxsplit=1)[0][:60] or before


def with_ranges(figures, sentence_text, r):
    """6%—6.5%, 6-6.5%: one figure from the low end to the high end."""
    out = []
    for figure in figures:
        match = r.figure["range"].search(sentence_text, max(0, figure.start - 16), figure.start)
        if match and figure.metric is None and not r.figure["range_not_after"].search(sentence_text, 0, match.start()):
            low = _decimal(float(match.group("low")))
            if low < figure.value and not (out and out[-1].start < match.start() < out[-1].end):
                out = [f for f in out if f.start < match.start()]
                out.append(Figure(match.start(), figure.end, low, figure.unit, None, figure.value))
                continue
        out.append(figure)
    return out


def _same_scale(a, b):
    return a == b or (a in MONEY_UNITS and b in MONEY_UNITS)


def value_groups(figures, sentence_text, r):
    """Figures joined only by 、/和 (42479元、18411元; 15.2%、16.5%和3%) share one subject."""
    groups = []
    for figure in figures:
        last = groups[-1][-1] if groups else None
        if (
            last
            and last.metric is None
            and figure.metric is None
            and _same_scale(last.unit, figure.unit)
            and r.figure["list_gap"].match(sentence_text[last.end : figure.start])
        ):
            groups[-1].append(figure)
        else:
            groups.append([figure])
    return groups


def paired_metrics(subject, count, r):
    """ "城镇、农村居民人均可支配收入" with two values → each value's own metric, or None."""
    items = [i for i in subject.split("、") if i]
    if len(items) != count and items:
        items = items[:-1] + [i for i in re.split("和|及|与", items[-1]) if i]
    if len(items) == 1 and count > 1:
        for prefix, parts in r.paired_prefixes.items():
            if items[0].startswith(prefix) and len(parts) == count:
                items = [part + items[0][len(prefix) :] for part in parts]
                break
    if len(items) != count or count < 2:
        return None
    head = next((h for h in r.metric_heads if items[-1].endswith(h) and len(items[-1]) > len(h)), None)
    modifiers = {len(i) for i in items[:-1]}
    if (
        len(modifiers) == 1
        and len(items[-1]) > min(modifiers) + 1
        and (head is None or len(head) == 1)
        and not any(i.endswith(h) for i in items[:-1] for h in r.metric_heads)
    ):
        # "工业、农业对GDP贡献率": the last item's modifier is as long as the others; the rest is the head.
        head = items[-1][min(modifiers) :]
    if head and len(head) > 1:  # a one-character head (率, 数) glued to a long item makes no metric
        items = [i if any(i.endswith(h) for h in r.metric_heads) else i + head for i in items[:-1]] + [items[-1]]
    items = [clean_metric(i, r) for i in items]
    return items if all(len(i) >= 2 for i in items) else None


def _previous_clause_metric(sentence_text, clause_start, r):
    """The metric the clause before names, up to its first figure: "电子信息产业规模率先突破万亿元大关"."""
    if clause_start <= 1:
        return ""
    start = max((m.end() for m in METRIC_CLAUSE_STOP.finditer(sentence_text, 0, clause_start - 1)), default=0)
    previous = re.split(
        r"\d|[一二两三四五六七八九十百千万]+亿|万亿", sentence_text[start : clause_start - 1], maxsplit=1
    )[0]
    return clean_metric(previous, r)


def shared_metrics(sentence_text, after, start, r):
    """ "地区生产总值、人均GDP、全员劳动生产率增长7%": one figure for each metric of a 、-list, when
    every item names a metric of the taxonomy (a different one); else None."""
    subject_start = max((m.end() for m in SUBJECT_STOP.finditer(sentence_text, after, start)), default=after)
    subject = sentence_text[subject_start:start]
    if "分别" in subject:
        return None  # "A、B分别控制在8.8‰、4.3%以内": each has its own figure, the units differ
    items = [clean_metric(i, r) for i in subject.split("、")]
    if len(items) < 2:
        return None
    found = [metric_index().lookup(i) for i in items]
    if not all(found) or len({m.key for m in found}) < len(found):
        return None
    return items


def bound_of(figure, before, after, r):
    """exact, about (左右), at_least (以上, 突破), at_most (以内, 控制在) or range (6%—6.5%)."""
    if figure.high is not None:
        return "range"
    for name, bound in (("about_after", "about"), ("at_least_after", "at_least"), ("at_most_after", "at_most")):
        if r.figure[name].match(after):
            return bound
    before = before.rstrip(" 　")
    if r.figure["at_most_before"].search(before):
        return "at_most"
    if r.figure["at_least_before"].search(before):
        return "at_least"
    return "exact"


AUTONOMOUS_REGIONS = ("广西", "内蒙古", "宁夏", "新疆", "西藏")


@dataclass(frozen=True)
class Scope:
    """Scope words of one news article: those naming a level above its subject, and its own."""

    higher: re.Pattern
    own: re.Pattern

    def is_higher(self, sentence_text, position, r):
        """Whether the last scope word before `position` in the sentence is a higher level's.

        A higher level named as a yardstick or an authority (位居全省第一, 按照自治区部署) is no scope."""
        last_higher = None
        for match in self.higher.finditer(sentence_text, 0, position):
            before, after = sentence_text[: match.start()], sentence_text[match.end() :]
            if r.figure["scope_compared_before"].search(before) or r.figure["scope_compared_after"].match(after):
                continue
            last_higher = match
        if last_higher is None:
            return False
        return not any(m.start() > last_higher.start() for m in self.own.finditer(sentence_text, 0, position))


def scope_for(division, divisions, subject_names):
    """The Scope of an article about `division` (a city or county), or None for a province.

    Higher: the province (全省, 自治区, its name), every parent (宝鸡市), and by level 全市 for a
    county or district, 全区 for a place in an autonomous region that is not a district, 全州/全盟.
    Own: the subject's names and 全县, 我县 …, 全市 for a city, 全区 for a district."""
    if division.level in ("省级", "直辖市"):
        return None
    r = rules()
    higher = [r.figure["higher_scope"].pattern]
    own = [r.figure["own_scope"].pattern, *(re.escape(n) for n in subject_names if len(n) >= 2)]
    names = []
    parent = divisions.parent(division)
    while parent:
        names += [parent.full_name, parent.name, *divisions.aliases(parent)]
        parent = divisions.parent(parent)
    for province in divisions.lookup(division.province):
        if province.level in ("省级", "直辖市"):
            names += [province.full_name, province.name]
    # 楚雄市 in 楚雄州: a parent's short name that is the subject's own stays the subject's.
    higher += [re.escape(n) for n in names if len(n) >= 2 and n not in subject_names]
    if division.level in ("县", "区"):
        higher.append("全市")
    elif division.level in ("县级市", "地级市"):
        own.append("全市")
    if division.level == "区":
        own.append("全区")
    elif division.province in AUTONOMOUS_REGIONS:
        higher.append("全区")
    if division.level == "地区":
        own += ["全州", "全盟", "我州", "我盟", "本州", "该州"]  # an autonomous prefecture or 盟 is itself 全州
    else:
        higher += ["全州", "全盟"]
    # Longest first, so 宝鸡市 wins over 宝鸡 and 全自治区 over 自治区.
    return Scope(re.compile("|".join(sorted(higher, key=len, reverse=True))), re.compile("|".join(own)))


def _year_explicit(sentence_text, year, r):
    """Whether the sentence itself writes the figure's year (2025年, 到2027年, 十四五末)."""
    if year is None:
        return False
    if f"{year}年" in sentence_text:
        return True
    return any(r.plan_periods.get(m.group("plan")) == year for m in r.plan_period_end.finditer(sentence_text))


def find_targets(
    text,
    published_year=None,
    meeting_year=None,
    skip_sentence=lambda s: False,
    subject_names=(),
    title="",
    document_year=None,
    part_of=None,
    events=(),
    scope=None,
    report_year=None,
):
    """TargetFacts for the city's numbers; a headline's figures restate the body and are skipped.

    `document_year` is the year of a dated document (its own date, not one guessed from the
    years it mentions): a figure it reports with no year of its own is a figure of that year.
    `part_of(position)` names the part of the document a position is in (a work report's
    review, plan, goals): the same figure in two parts is two facts, not a repetition.
    `events` are (start, end, year) of the sentences that report a dated event: a figure the
    event sentence gives (举行…仪式，签约10个项目) is of the event's year.
    `report_year` is the year the page reports on when it is not the page's own (a review of
    2024 published in January 2025, an undated review that opens with "2023年，"): a figure with
    no year or 今年 of its own is of that year.
    `scope` is a Scope (scope_for): a figure whose nearest scope word is a higher level's
    (全省, 自治区, the parent city) is quoted from that level, not the subject's.
    """
    r = rules()
    facts, seen, restatable = [], set(), {}
    base_year = meeting_year or published_year
    headline = title.strip()
    first_line = text.split("\n", 1)[0]
    if len(first_line) <= 80 and not first_line.rstrip().endswith(("。", "！", "？", "!", "?")):
        headline_end = len(first_line)  # a headline above the body restates its figures
    else:
        headline_end = 0

    # A press release's card puts the metric on one line and its figure on the next (完成地区生产总值 /
    # 361.56亿元、增长6.3%): the break is read as a space, offsets kept.
    text = LINE_BROKEN_FIGURE.sub(lambda m: " " * len(m.group(0)), text)

    def skip(sentence):
        return (
            sentence.start < headline_end or (headline and sentence.text.strip() in headline) or skip_sentence(sentence)
        )

    def headline_skip(sentence):
        return sentence.start < headline_end or (headline and sentence.text.strip() in headline)

    body = list(_city_and_batch_sentences(text, r, skip, headline_skip, skip_sentence, scope))
    # A figure of the headline that the body never states (东山一季度总投资8.5亿元项目集中开工) is
    # read from the headline; one copy of it, as a page may repeat its title.
    heads = [
        s
        for s in sentences(text)
        if (s.start < headline_end or (headline and s.text.strip() in headline)) and not skip_sentence(s)
    ][:1]
    body_text = "".join(s.text for s in body)
    for sentence in heads + body:
        from_headline = bool(heads) and sentence is heads[0]
        numbers = candidates(sentence.text, r)
        if from_headline:
            numbers = [
                c
                for c in numbers
                if sentence.text[c[0] : c[1]] not in body_text and not _rounded_restatement(sentence.text, c, body_text)
            ]
        if not numbers:
            continue
        baseline_spans = {m.start("num"): m for m in r.baseline.finditer(sentence.text)}
        figures = [Figure(*c) for c in numbers if c[0] not in baseline_spans]
        # the "2个" of "由2022年的2个跃升至6个" is the baseline of the next number
        previous_metric, previous_group, previous_end = None, None, 0
        one_project_until = -1  # "…板块项目1个，总投资2亿元；": the figures of one project, up to the ；
        if r.figure["named_project_subject"].search(sentence.text):
            continue  # "某配套设施项目，总投资2.65亿元，…年产值1.2亿元": a sentence about one project
        for group in value_groups(with_ranges(figures, sentence.text, r), sentence.text, r):
            first = group[0]
            if (
                all(f.unit in MONEY_UNITS for f in group)
                and (len(group) > 1 or sentence.text[: first.start].endswith("等"))
                and r.figure["class_of_projects"].match(sentence.text, group[-1].end)
            ):
                continue  # "…等50亿元、百亿元重特大项目相继落户": sizes that class the projects named before
            # A metric starts after the figure before it: "从40152元增加到53215元", "10个项目总投资280亿元".
            clause_start = max(
                (m.end() for m in METRIC_CLAUSE_STOP.finditer(sentence.text, previous_end, first.start)),
                default=previous_end,
            )
            group_before = sentence.text[clause_start : first.start]
            own = None
            if len(group) > 1:
                subject_start = max(
                    (m.end() for m in SUBJECT_STOP.finditer(sentence.text, previous_end, first.start)),
                    default=previous_end,
                )
                subject = clean_metric(sentence.text[subject_start : first.start], r)
                own = paired_metrics(subject, len(group), r)
                if own is None and not subject and previous_group and len(previous_group) == len(group):
                    own = previous_group  # "存、贷款余额分别为…，分别增长10%和4%"
                group_before = sentence.text[subject_start : first.start]
            previous_group = own
            group_metric = None
            for index, figure in enumerate(group):
                before = group_before if index else sentence.text[clause_start : figure.start]
                after = sentence.text[figure.end :]
                if r.figure["alternative"].search(re.split(r"[，,；;、]", before)[-1]) or r.figure["alternative"].match(
                    after
                ):
                    continue  # "或规上工业增加值增长10%": one condition of a policy, not the city's figure
                if r.figure["price_after"].match(after) or r.figure["multiplier_before"].search(
                    sentence.text, 0, figure.start
                ):
                    continue  # 元/吨: a price; 2×66万千瓦: the size of one unit
                if figure.unit in MONEY_UNITS and (
                    r.figure["threshold_after"].match(after)
                    or r.figure["each_bound_before"].search(sentence.text, 0, figure.start)
                ):
                    continue  # 10亿元以上项目, 投资额均超过5000万元: the amount names a class of projects
                if figure.unit in r.measure_units and r.figure["facility_after"].match(after):
                    continue  # 100万吨铁精粉生产线: one plant's capacity
                if figure.unit in ("名", "人", "位") and r.figure["attendance_after"].match(after):
                    continue  # 30余名县级领导: who attended, not a figure of the city
                if figure.unit == "家" and r.figure["representatives_after"].match(after):
                    continue  # 83家企业代表位居C位: the firms whose people attended
                if figure.unit not in RANK_UNITS and r.figure["firm_ranking_after"].match(after):
                    continue  # 甲营业收入达1110亿元，列中国民营经济500强第83位: the firm's own figure
                if figure.unit in RANK_UNITS and r.figure["firm_ranking_before"].search(sentence.text, 0, figure.start):
                    continue  # 列中国民营经济500强第83位: one firm's place in a list of companies
                if r.figure["projects_in_operation"].search(sentence.text, 0, figure.start):
                    continue  # 开工项目15个…项目达产达标后，可实现年销售收入83.2亿元: what projects would yield
                one = r.figure["one_project"].search(sentence.text, 0, figure.start)
                if one and (
                    one.group(0)[0] in "该本此"
                    or not (
                        r.figure["batch_subject"].search(sentence.text, 0, one.start())
                        or r.figure["listed_projects"].search(sentence.text, 0, figure.start)
                    )
                ):
                    continue  # 该项目总投资17.5亿元, 投产达效后年产值15亿元: one project's figures
                if figure.start < one_project_until:
                    continue
                if r.figure["phase_or_spec"].search(sentence.text, 0, figure.start):
                    continue  # 一期项目规划建筑面积8.8万平方米, 损耗比国家标准降低15%: a project's or a product's
                if scope and figure.unit not in RANK_UNITS and scope.is_higher(sentence.text, figure.start, r):
                    continue  # 全区地区生产总值增长6.5%, 宝鸡市共计7个项目签约: a higher level's figure (a rank is the subject's)
                if own:
                    metric = own[index]
                elif index and group_metric:
                    metric = group_metric
                else:
                    metric = figure.metric or metric_for(
                        sentence.text, figure.start, figure.end, figure.unit, r, previous_end
                    )
                if figure.unit in RANK_UNITS and not own:
                    metric = _rank_metric(metric, previous_metric, r)
                if metric in ("", "总量", "总额", "总数", "总计", "共计", "合计") and previous_metric:
                    # "新增X 1000亿元、总量迈上6000亿元", "市场主体净增6.57万户、总数达86.89万户"
                    metric = re.sub(r"^新增|(?:净增|新增|增加)$", "", previous_metric)
                elif not metric:
                    metric = _previous_clause_metric(sentence.text, clause_start, r)  # "X突破万亿元大关，达到10650亿元"
                if not metric and figure.unit in RANK_UNITS:
                    metric = "排名"  # "…第69位，2022年提升至68位": a rank names its ranking before, not its metric
                for name in sorted(subject_names, key=len, reverse=True):
                    metric = metric.removeprefix(name + "市").removeprefix(name)
                if (
                    not WORDED.search(metric)
                    or r.figure["company_metric"].search(metric)
                    or (r.figure["price_metric"].search(metric) and not r.figure["disbursed_total"].search(metric))
                ):
                    continue  # no noun says what is measured, or it is a company's figure or a price
                if (
                    figure.value == 1
                    and figure.unit in ("个", "项")
                    and r.figure["project_noun"].search(metric)
                    and not r.figure["class_count_before"].search(sentence.text, 0, figure.start)
                ):
                    # 特色板块项目1个，总投资2亿元: a group of one is that one project, and so are the
                    # amounts after it up to the next ；. A size class (100亿元以上项目1个) counts projects.
                    stop = SEGMENT_END.search(sentence.text, figure.end)
                    one_project_until = stop.start() if stop else len(sentence.text)
                    continue
                group_metric = group_metric or metric
                shared = None if own or len(group) > 1 else shared_metrics(sentence.text, previous_end, figure.start, r)
                if figure.unit in RANK_UNITS and not own:
                    shared = _ranked_indicators(sentence.text, figure.start, r) or shared
                previous_metric, previous_end = metric, figure.end
                event_year = next((y for a, b, y in events if a <= sentence.start < b), None)
                for named_index, named in enumerate(shared or [metric]):
                    fact = _fact(
                        text,
                        sentence,
                        figure,
                        named,
                        before,
                        after,
                        base_year,
                        meeting_year,
                        r,
                        baseline_spans,
                        document_year,
                        event_year=event_year,
                        report_year=report_year,
                    )
                    key = (fact.metric, fact.value, fact.unit, fact.kind, fact.year)
                    if part_of:
                        key += (part_of(fact.evidence.start),)
                    if key in seen:
                        continue
                    # A news page restates its batch's count and total (title, lead, detail: 9个产业项目…
                    # 总投资26.5亿元) under other words: the same amount or count of the same year is one
                    # fact. Rates (工业增长10%、投资增长10%) and named sizes (A、B两个千亿级集群) stay apart.
                    restated = ("restated", fact.value, fact.unit, fact.year)
                    if (
                        not part_of
                        and fact.unit != "%"
                        and not named_index  # each listed metric of one shared figure is its own fact
                        and figure.metric is None
                        and restatable.get(restated)
                        # a total counted from a start year to now is no restatement of the event's batch
                        and not SPAN_TO_NOW.search(sentence.text, 0, figure.start)
                        and (
                            RESTATING.search(sentence.text, 0, figure.start)
                            or any(_same_subject(fact.metric, m) for m in restatable[restated])
                        )
                    ):
                        continue
                    restatable.setdefault(restated, []).append(fact.metric)
                    seen.add(key)
                    facts.append(fact)
                    dated_base = _dated_baseline(fact, figure, sentence.text, baseline_spans)
                    if dated_base and (dated_base.metric, dated_base.value, dated_base.unit, "actual") not in seen:
                        seen.add((dated_base.metric, dated_base.value, dated_base.unit, "actual"))
                        facts.append(dated_base)
    return facts


def _ranked_indicators(sentence_text, start, r):
    """ "工业增加值、工业投资、地方一般公共预算收入3项指标增速全市第一": one metric per listed indicator
    (增速排名 of each), when the list has as many items as its count; else None."""
    clause_start = max((m.end() for m in CLAUSE_STOP.finditer(sentence_text, 0, start)), default=0)
    match = r.figure["indicator_list_rank"].search(sentence_text, clause_start, start)
    if not match:
        # 地方一般公共预算收入、规模工业增加值增速均居全市七县(市)第二: 均 ranks each listed indicator
        each = r.figure["indicators_each_rank"].search(sentence_text, clause_start, start)
        items = [i for i in re.split(r"[、和及]", each.group("items")) if i] if each else []
        return [f"{item}{each.group('what') or ''}{each.group('scope')}排名" for item in items] or None
    items = [i for i in re.split(r"[、和及]", match.group("items")) if i]
    if len(items) != int(chinese_number(match.group("n")) or 0):
        return None
    return [f"{item}{match.group('what') or ''}排名" for item in items]


def _rank_metric(metric, previous_metric, r):
    """ "总量居济南市第二位" after 工业总产值…1307亿元, "增速居温州第一": a rank's metric is what is ranked,
    its scope and 排名, not the verb of place; a bare 总量/增速 ranks the figure named just before."""
    match = r.figure["rank_metric"].match(metric)
    if not match:
        return metric
    what = match.group("what")
    if what in ("", "总量", "总额", "增速", "增幅") and previous_metric:
        what = previous_metric + ("" if what in ("", "总量", "总额") else what)
    return f"{what}{match.group('scope')}排名" if what else metric


def _dated_baseline(fact, figure, sentence_text, baseline_spans):
    """由2011年的6435元增加到2021年的18044元: a baseline written with its own year is the place's figure of
    that year too (an actual), in the unit of the figure it grew into; one with no year stays an attribute."""
    for match in baseline_spans.values():
        if match.end() > figure.start or not match.group("year"):
            continue
        if not DATED_GROWTH_GAP.fullmatch(sentence_text, match.end(), figure.start):
            continue
        head = sentence_text[match.end("num") : match.end()]
        unit = BASELINE_VERB.sub("", head).strip()
        if unit not in ("", figure.unit):
            return None  # 由2个增至6家: another unit, not the same measure
        return replace(
            fact,
            value=_decimal(chinese_number(match.group("num"))),
            value_high=None,
            kind="actual",
            year=int(match.group("year")),
            bound="exact",
            baseline_value=None,
            baseline_year=None,
            year_explicit=True,
        )
    return None


BASELINE_VERB = re.compile(r"(?:跃升|增加|增长|提高|提升|上升|攀升|扩大|增|升|跃|达)?(?:至|到)$")
DATED_GROWTH_GAP = re.compile(r"[ 　]*(?:20\d{2}年(?:底|末)?的?)?[ 　]*")


RESTATING = re.compile(r"此次|本次|上述|这些|这批|该批|今天|今日|当天|当日")


def _bigrams(metric):
    return {metric[i : i + 2] for i in range(len(metric) - 1)} - {"项目", "企业"}


def _same_subject(a, b):
    """Two metrics that share a word beyond 项目/企业 (产业项目集中开工, 集中开工项目基本情况) name one
    subject; 新开工建设项目 and 招商引资新签及续建项目 do not. A bare metric (总投资) matches any."""
    ours, theirs = _bigrams(a), _bigrams(b)
    return not ours or not theirs or bool(ours & theirs)


def _city_and_batch_sentences(text, r, skip, headline_skip=None, foreign=None, scope=None):
    """The city's sentences, and the part of a sentence about companies that counts a batch they
    only exemplify: "甲有限公司项目等8个项目投产，总投资44.98亿元" → "8个项目投产，总投资44.98亿元".
    Each ；-part of such a sentence is read on its own: one part may name no company at all.

    A sentence passed over for naming another place (`foreign`) is read where the other place is
    only an example of the subject's batch or where a clause turns to the subject (_subject_parts)."""
    kept = {s.start for s in city_sentences(text, r.company, skip)}
    not_company = {s.start for s in city_sentences(text, r.company)} if foreign else set()
    for sentence in sentences(text):
        if sentence.start in kept:
            yield sentence
            continue
        if foreign and not (headline_skip and headline_skip(sentence)) and foreign(sentence):
            for part in _subject_parts(sentence, r, foreign, scope):
                if sentence.start in not_company or not r.company.search(part.text):
                    yield part
            continue
        if skip(sentence):
            continue
        for part in re.finditer(r"[^；;]+[；;]?", sentence.text):
            start = part.start()
            if r.company.search(part.group(0)):
                batch = [
                    m
                    for m in r.figure["batch_of_examples"].finditer(part.group(0))
                    if not r.company.search(part.group(0), m.end())
                ]
                if not batch:
                    lead = _own_lead(part.group(0), r.company.search(part.group(0)).start(), scope)
                    if lead:
                        yield Span(sentence.start + start + lead[0], sentence.start + start + lead[1], lead[2])
                    continue
                start += batch[0].start("count")
            elif not r.figure["batch_of_examples"].search(sentence.text):
                continue  # a sentence left out for its companies, with no batch in it
            yield Span(sentence.start + start, sentence.start + part.end(), sentence.text[start : part.end()])


SEMICOLON_PART = re.compile(r"[^；;]+[；;]?")
OWN_LEAD_CLAUSE = re.compile(r"(?:^|(?<=[，,：:]))[^，,：:]+")


def _own_lead(part_text, company_at, scope):
    """ "全旗春季集中开复工项目15个，今天开工现场为甲有限公司…项目，总投资280亿元": the clauses before the
    first company that open with the subject's own scope word (全县, 全旗, 我县 …) count the subject's
    batch; the company's project after them stays out. (start, end, text) or None."""
    if scope is None:
        return None
    head_end = max((m.start() for m in CLAUSE_STOP.finditer(part_text, 0, company_at)), default=-1)
    if head_end <= 0:
        return None
    for clause in OWN_LEAD_CLAUSE.finditer(part_text, 0, head_end):
        if scope.own.match(part_text, clause.start()):
            return clause.start(), head_end, part_text[clause.start() : head_end]
    return None


def _subject_parts(sentence, r, foreign, scope):
    """The parts of a sentence judged another place's that still speak for the subject.

    1. Other places named only as examples of the subject's batch ("签约甲县A项目、乙县B项目等工业
       项目11个", "培育甲县X、乙县Y等4个省级专业镇"): with the examples blanked, the sentence names
       no other place, and the whole of it is read.
    2. A round-up that turns to the subject ("…甲县位居全省首位；全市县域GDP实现…"): from the first
       clause that opens with the subject's own scope word (全市 in a city, 全县, 我县 …) to the end of
       the sentence, leaving off any later ；-part that names another place by itself."""
    blanked = sentence.text
    # 位居甲区、乙市之后, 仅次于甲区: the places ranked next to the subject are its yardstick
    for pattern in (r.figure["examples_before_count"], r.figure["ranked_peers"]):
        for match in pattern.finditer(sentence.text):
            start, end = match.span("examples")
            blanked = blanked[:start] + "　" * (end - start) + blanked[end:]
    if blanked != sentence.text and not foreign(Span(sentence.start, sentence.end, blanked)):
        return [sentence]
    if scope is None:
        return []
    for clause in re.finditer(r"(?:^|(?<=[，,；;：:]))[^，,；;：:]+", sentence.text):
        lead = r.figure["own_scope_clause_lead"].match(sentence.text, clause.start())
        own = scope.own.match(sentence.text, lead.end()) if lead else None
        if own is None or RANKING_AFTER.match(sentence.text, own.end()):
            continue
        parts = []
        for index, part in enumerate(SEMICOLON_PART.finditer(sentence.text, clause.start())):
            span = Span(sentence.start + part.start(), sentence.start + part.end(), part.group(0))
            if index and foreign(span):
                break
            parts.append(span)
        return [
            Span(
                parts[0].start,
                parts[-1].end,
                sentence.text[parts[0].start - sentence.start : parts[-1].end - sentence.start],
            )
        ]
    return []


RANKING_AFTER = re.compile(r"[排第位居前]|名列|列")


def _fact(
    text,
    sentence,
    figure,
    metric,
    before,
    after,
    base_year,
    meeting_year,
    r,
    baseline_spans,
    document_year=None,
    event_year=None,
    report_year=None,
):
    kind, year = _kind_and_year(
        sentence,
        figure.start,
        base_year,
        meeting_year,
        r,
        topic_year=_topic_year(text, sentence.start + figure.start, r),
        document_year=document_year,
        worded=figure.metric is not None,
        event_year=event_year,
        since_this_year=_since_this_year(text, sentence.start),
        report_year=report_year,
    )
    if (
        kind == "actual"
        and r.figure["goal_after"].match(sentence.text[figure.end :])
        and not r.figure["achieved_before"].search(sentence.text, 0, figure.start)
    ):
        # 确定了重点发展烟叶6万亩、蔬菜10万亩…的目标: the list's closing 目标 makes its figures goals
        kind, year = "target", _deadline(sentence.text, r, base_year)
    if kind == "actual" and (listed := _goal_list(text, sentence.start, r, base_year)):
        kind, year = "target", listed[1]  # 具体目标为：…三是…常住人口城镇化率达到65%左右: an item of the goals
    if kind == "actual":
        head = sentence.text[: figure.start]
        year = _running_total_year(head, year, document_year or event_year or meeting_year)
        if own := VALUE_OF_YEAR.search(head):
            year = int(own.group(1))  # "较2020年的24.7亿元", "由2011年的6435元增加到…": that year's value
        elif PROJECTED.search(head, max((m.end() for m in SEMICOLON.finditer(head)), default=0)):
            year = None  # "建成投产后销售收入18亿元": what the projects will yield, in no year yet
    ranked_in = r.ranked_list_year.search(sentence.text, 0, figure.start) if figure.unit in RANK_UNITS else None
    if ranked_in:
        year = int(ranked_in.group("year"))  # 在“2021中国西部百强县市”中…排第56名: the list's year, not the page's
    baseline_value = baseline_year = None
    for match in baseline_spans.values():
        if match.end() <= figure.start and sentence.text[match.end() : figure.start].strip(" 　") == "":
            baseline_value = _decimal(chinese_number(match.group("num")))
            baseline_year = int(match.group("year")) if match.group("year") else None
    metric_key, measure, sign = classify(metric, figure.unit, before)
    value, high, bound = figure.value, figure.high, bound_of(figure, before, after, r)
    if bound == "exact" and APPROX.search(sentence.text, figure.start, figure.end):
        bound = "at_least"  # 300多亿元, 6000余个: more than the round number written
    if sign < 0:  # 下降3%: a growth of -3; "下降3%以上" is at most -3
        value, high = (-high, -value) if high is not None else (-value, None)
        bound = {"at_least": "at_most", "at_most": "at_least"}.get(bound, bound)
    evidence = Span(
        sentence.start + figure.start, sentence.start + figure.end, sentence.text[figure.start : figure.end]
    )
    clause = enclosing(_clauses_of(sentence), sentence.start + figure.start)
    if clause:
        evidence = Span(clause.start, max(clause.end, evidence.end), text[clause.start : max(clause.end, evidence.end)])
    return TargetFact(
        metric=metric,
        value=value,
        unit=figure.unit,
        kind=kind,
        year=year,
        evidence=evidence,
        confidence=0.8 if kind == "target" and year else 0.7,
        baseline_value=baseline_value,
        baseline_year=baseline_year,
        metric_key=metric_key,
        measure=measure,
        bound=bound,
        value_high=high,
        estimated=bool(r.figure["estimate"].search(sentence.text, 0, figure.start)),
        year_explicit=_year_explicit(sentence.text, year, r),
        part_of_year=bool(r.figure["part_of_year"].search(sentence.text, 0, figure.start)),
        period_average=bool(r.figure["period_average"].search(sentence.text, 0, figure.start)),
    )


@lru_cache(maxsize=64)
def _clauses_of(sentence):
    """The clauses of a sentence, split once for all the figures it holds."""
    return tuple(clauses(sentence))


@lru_cache(maxsize=64)
def _since_this_year(text, sentence_start):
    """Whether the paragraph before the sentence opens a count from January (今年以来): read once per sentence."""
    return bool(SINCE_THIS_YEAR.search(text, text.rfind("\n", 0, sentence_start) + 1, sentence_start))


SENTENCE_END = re.compile(r"[。！？!?]")
# A line that ends in a word with no stop, then a line that opens with a figure (not a date).
LINE_BROKEN_FIGURE = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]*\n+[ \t\u3000]*(?=\d)(?!\d{4}年|\d{1,2}月|\d{1,2}日)")
APPROX = re.compile(r"(?<=[\d十百千])\s*[多余]|(?<=\d亿)[多余]元")
# "今年以来，…。截至目前，全县共签约项目21个": a paragraph opened by 今年以来 counts from January, so its
# running totals (截至目前, 累计, 截9月底) are this year's, not a standing level of no one year.
SINCE_THIS_YEAR = re.compile(r"(?:今年|年初|今年年初|开年)以来")
CUMULATIVE = frozenset({"截至目前", "截止目前", "累计", "至今"})
TO_DATE = re.compile(r"截[至止]到?目前")
TO_DATE_STATE = frozenset({"截至目前", "目前", "已达", "已达到", "已经达到", "已突破", "已经突破", "已超过", "已超"})


# A value written right after its own year: "较2020年的24.7亿元", "由2011年的6435元增加到2021年的18044元".
VALUE_OF_YEAR = re.compile(r"(20\d{2})年(?:底|末|全年)?的\s*$")
# Output promised once built: "建成投产后年产值20亿元", "达产后可实现利税3.5亿元".
PROJECTED = re.compile(r"(?:建成|投产|达产|达效|建成运营)后")
# "2024年以来，园区已招引落地11个项目，总投资36.85亿元", "2005年8月举办首届…后，16年来，共签约投资319亿元":
# a total counted from a written start year (or over N years) up to now is the page's year's, not its start's.
# (去年以来, 近年来 stay without a year: `past_period`.)
SPAN_TO_NOW = re.compile(r"(20\d{2})年(?:\d{1,2}月(?:份)?)?以来|(?<![\d年])[\d一二三四五六七八九十两]{1,3}年来")


def _running_total_year(head, year, now_year):
    """`now_year` for a figure whose sentence counts it from a start year to now, when the year found
    for it is that start (or none); else `year` unchanged."""
    spans = list(SPAN_TO_NOW.finditer(head))
    if not spans or not now_year:
        return year
    starts = {int(m.group(1)) for m in spans if m.group(1)}
    written_since = [int(m.group(1)) for m in YEAR.finditer(head, spans[-1].end())]
    if written_since:
        return year  # "2020年以来…，2023年签约12个": the clause's own year
    if year is None or year in starts or year < now_year and any(not m.group(1) for m in spans):
        return now_year if now_year > max(starts, default=0) else year
    return year


def _topic_year(text, position, r):
    """The year a clause like "2023年，" set earlier in the same paragraph, if any.

    "2020年以来，" opens a span, not a year: it dates nothing past its own sentence.
    """
    paragraph_start = text.rfind("\n", 0, position) + 1
    years = [
        int(m.group(1))
        for m in r.topic_year.finditer(text, paragraph_start, position)
        if "以来" not in m.group(0) or not SENTENCE_END.search(text, m.end(), position)
    ]
    if not years and paragraph_start > 1:
        # "2024年，某市步履铿锵。" on a line of its own leads the paragraph below it.
        lead_start = text.rfind("\n", 0, paragraph_start - 1) + 1
        lead = text[lead_start : paragraph_start - 1].strip()
        if len(lead) <= LEAD_LINE_LENGTH and (m := r.topic_year.match(lead)) and "以来" not in m.group(0):
            years = [int(m.group(1))]
    return years[-1] if years else None


LEAD_LINE_LENGTH = 24
# How far into a page its lead runs: the headline, the date line and the first paragraph or two.
LEAD_LENGTH = 600


def lead_topic_year(text):
    """The year a page's lead sets for what it reports ("2024年，某区…迈出坚实步伐"), or None:
    the first topic year (see _topic_year) in the first LEAD_LENGTH characters, not a deadline (到2025年，)."""
    r = rules()
    for m in r.topic_year.finditer(text, 0, LEAD_LENGTH):
        if "以来" in m.group(0) or text[max(0, m.start() - 1) : m.start()] in ("到", "至"):
            continue
        return int(m.group(1))
    return None


def _kind_and_year(
    sentence,
    start,
    base_year,
    meeting_year,
    r,
    topic_year=None,
    document_year=None,
    worded=False,
    event_year=None,
    since_this_year=False,
    report_year=None,
):
    head = sentence.text[:start]
    # A five-year plan that ended before the document was written ("“十三五”期间…取得巨大成就" in 2021)
    # looks back: it makes no goal.
    past_plans = [
        m for m in r.plan_period_end.finditer(head) if document_year and r.plan_periods[m.group("plan")] < document_year
    ]

    def in_past_plan(m):
        return any(p.start() <= m.start() < p.end() for p in past_plans)

    # 预计 alone marks an estimate of a figure reached, not a goal (预计全年增长5.2%).
    nouns = [m.span() for m in r.goal_as_noun.finditer(head)]  # 计划总投资, 完成目标任务: no goal
    goal = [
        m
        for m in r.goal.finditer(head)
        if not r.figure["estimate"].fullmatch(m.group(0))
        and not in_past_plan(m)
        and not any(a <= m.start() < b for a, b in nouns)
    ]
    goal += [m for m in r.plan_period_end.finditer(head) if not in_past_plan(m)]
    actual = list(r.actual.finditer(head))
    is_goal = bool(goal) and (
        not actual or max(m.start() for m in goal) > actual[-1].start() or r.deadline.search(head)
    )
    if is_goal:
        # "；2027年末签约投资额6.6亿元,落地项目3个": a year heading the ；-part dates every goal of it,
        # unless the part writes a deadline of its own.
        part_start = max((m.end() for m in SEMICOLON.finditer(head)), default=0)
        part_year = PART_YEAR.match(head, part_start)
        if part_year and _deadline(head[part_start:], r, base_year) is None:
            return "target", int(part_year.group(1))
        # The nearest deadline before the number wins; failing that, any in the sentence.
        deadline = _deadline(head, r, base_year) or _deadline(sentence.text, r, base_year)
        if deadline is None and (document_year or meeting_year) and r.year_plan.search(head):
            # "今年计划开工项目107个": the plan of the document's year; an undated page's 今年 is its event's year.
            return "target", document_year or meeting_year
        if deadline is None:
            # "某市2021年招商引资目标任务为55亿元": a year written in the goal's own clause is the goal's year;
            # a slogan quoted in the clause stays in it ("2025年全力冲刺“经济总量过千亿”").
            clause_start = max((m.end() for m in GOAL_CLAUSE_STOP.finditer(head)), default=0)
            written = [
                int(m.group(1))
                for m in YEAR.finditer(head, clause_start)
                if not COMPARED_WITH.search(head, max(0, m.start() - 2), m.start())
            ]
            if written:
                return "target", written[-1]
        return "target", deadline
    clause_start = max((m.end() for m in CLAUSE_STOP.finditer(head)), default=0)
    # "较2020年增加369.3亿元": the year compared with is not the figure's.
    years = [
        int(m.group(1))
        for m in YEAR.finditer(head, clause_start)
        if not COMPARED_WITH.search(head, max(0, m.start() - 2), m.start())
    ]
    years = [] if r.baseline.search(head[clause_start:]) else years
    if years:
        return "actual", years[-1]
    earlier = _earlier_clause_year(head, clause_start, r)
    if earlier:
        return "actual", earlier  # "2023年实现铝工业产值567.4亿元，占全省的47.9%": the sentence's year
    if past_plans and head[past_plans[-1].end() :].strip('的”" ') == "":
        return "actual", r.plan_periods[past_plans[-1].group("plan")]  # "较“十三五”末的3.4万元": the plan's last year
    if event_year and not worded and not past_plans and not r.past_period.search(head):
        return "actual", event_year  # "7月12日，某县举行…开工仪式，签约10个项目": the event's figures
    if topic_year and past_plans and all(r.plan_periods[m.group("plan")] < topic_year for m in past_plans):
        # "截至2024年底，…较“十三五”末年均增长4%": the ended plan is the baseline, the paragraph's year dates the figure
        return "actual", topic_year
    if past_plans or r.past_period.search(head):
        return "actual", None  # "“十三五”期间…GDP突破180亿元", "近年来…签约125家": a span of years, no one year
    if topic_year and document_year and "今年" in head and not r.last_year.search(head) and not YEAR.search(head):
        # "2010年到2014年，GDP翻了一番。今年1-10月，GDP实现74.6亿元": the sentence's own 今年 outranks
        # the year an earlier sentence of the paragraph set.
        return "actual", document_year
    if topic_year:
        return "actual", topic_year  # "2023年，…全年地区生产总值达到…": the paragraph's year
    if meeting_year and r.at_meeting.search(head):
        return "actual", meeting_year
    this_year = "今年" in head or r.this_year_part.search(head)
    standing = [m.group(0) for m in r.standing_state.finditer(head)]
    # A running total of a paragraph that counts from 今年以来 (or of a sentence that says 今年) is this year's.
    this_years_total = bool(standing) and all(s in CUMULATIVE for s in standing) and (since_this_year or this_year)
    if document_year is None and meeting_year and (this_year or this_years_total) and not r.last_year.search(head):
        return "actual", meeting_year  # an undated article's 今年 (上半年, 截至10月底) is the year of its event
    if document_year is None and meeting_year and r.last_year.search(head):
        return "actual", meeting_year - 1  # and its 去年 the year before
    if document_year and r.last_year.search(head):
        return "actual", document_year - 1  # 去年 in a dated article: the year before it
    # "截至目前，新签约项目22个" on a dated page: the state on the page's day, so the page's year.
    to_date = bool(standing) and "目前" in head and TO_DATE.search(head) and all(s in TO_DATE_STATE for s in standing)
    if document_year and not worded and (not standing or this_years_total or to_date):
        # A dated article reports its own year's events (签约, 开工, 增长); a standing state
        # (目前…已突破2.5万亿元, 累计, 连续两年) or a byword (万亿之城) has no one year.
        # A review of last year's work reports that year's, unless the figure says 今年 or 截至目前.
        return "actual", report_year if report_year and not (this_year or to_date) else document_year
    if report_year and not worded and not standing and not this_year and actual:
        # an undated review that opens with "2023年，全市…": the figures it says were reached are that year's
        return "actual", report_year
    return "actual", None


LIST_ITEM = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十][）)])")
# A lead that opens a list of goals and ends at its colon: "“六个明显提升”具体目标为：", "主要目标是："
GOAL_LIST_LEAD = re.compile(r"目标(?:为|是|如下|有)?[：:]\s*$")


def _goal_list(text, position, r, base_year=None):
    """(True, deadline) when `position` is in an item (一是…, （二）…) of a list of paragraphs that a lead
    ending in 目标为： opens; the deadline is the last one the lead and the items up to here write."""
    start = text.rfind("\n", 0, position) + 1
    if not LIST_ITEM.match(text, start):
        return None
    return _goal_list_from(text, start, r, base_year)


@lru_cache(maxsize=64)
def _goal_list_from(text, start, r, base_year):
    end = start
    for _ in range(12):  # back over the items before this one, to the lead
        if start == 0:
            return None
        previous = text.rfind("\n", 0, start - 1) + 1
        line = text[previous : start - 1]
        if GOAL_LIST_LEAD.search(line):
            return True, _deadline(text[previous:end], r, base_year)
        if line.strip() and not LIST_ITEM.match(line):
            return None
        start = previous
    return None


EARLIER_YEAR_NOT = re.compile(r"以来|起|前|底前|末前|[^，,；;]{0,6}?(?:相比|同期|以来)")
SEMICOLON = re.compile(r"[；;：:]")  # a ；-part, or the list after a heading's colon
PART_YEAR = re.compile(r"\s*(?:到|至)?(20\d{2})年(?:末|底)?(?:前)?(?![以\d])")
FIGURE_DIGIT = re.compile(r"\d")
OTHER_YEAR_WORD = re.compile(r"今年|去年|上年|当年|明年|本年|前年")


def _earlier_clause_year(head, clause_start, r):
    """The year an earlier clause of the same ；-part writes for the figure it reports, when the next
    figure's own clause names none: "2023年实现产值567.4亿元，占全省的47.9%" → 2023. Not a year compared
    with (较2020年, 与2022年相比), a baseline (由2022年的…), a span's start (2020年以来), or a clause that says 今年/去年 itself."""
    if clause_start == 0 or OTHER_YEAR_WORD.search(head, clause_start) or r.baseline.search(head, clause_start):
        return None
    part_start = max((m.end() for m in SEMICOLON.finditer(head, 0, clause_start)), default=0)
    found = [
        int(m.group(1))
        for m in YEAR.finditer(head, part_start, clause_start)
        if not COMPARED_WITH.search(head, max(0, m.start() - 2), m.start())
        and head[m.start() - 1 : m.start()] not in ("由", "从", "是")  # 由2022年的11500家增至13200家: a baseline
        and not EARLIER_YEAR_NOT.match(head, m.end())
        and FIGURE_DIGIT.search(head, m.end(), clause_start)  # the year's clause reported a figure itself
    ]
    return found[-1] if found else None


def _deadline(text, r, base_year=None):
    """The last deadline written in `text`: 到2027年, 2027年前, 十四五末, 用三年时间 (from base_year)."""
    # A year heading a clause ("，2035年经济总量力争达到230亿元") dates only the figures of that clause.
    found = [
        (m.start(), int(next(y for y in m.groups() if y)))
        for m in r.deadline.finditer(text)
        if not (m.group("year4") and CLAUSE_BREAK.search(text, m.end()))
    ]
    found += [(m.start(), r.plan_periods[m.group("plan")]) for m in r.plan_period_end.finditer(text)]
    if base_year:
        # 明年 (来年) is the year after the page's, 后年 the one after it.
        found += [(m.start(), base_year + (2 if m.group(0) == "后年" else 1)) for m in r.next_year.finditer(text)]
        for m in r.within_years.finditer(text):
            years = chinese_number(m.group("n") or m.group("n2"))
            if years:
                found.append((m.start(), base_year + int(years)))
    return max(found)[1] if found else None
