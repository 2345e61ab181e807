"""The article's subject city: the division the text is about, not every place it names."""

import bisect
import re
from collections import defaultdict
from functools import cache, lru_cache

from pypinyin import lazy_pinyin

from apps.atlas.divisions import load_divisions

from ..segment import boundaries, is_common_word, rare_word, segment
from ..types import CityFact, Span
from .text import could_match, data, word_list

LEVEL_CHARS = set("市县区州盟旗")
PREFECTURE_LEVELS = ("地级市", "地区", "直辖市")
COUNTY_LEVELS = ("县", "区")
# A news lead opens with the date and then the place that acts: "5月12日，某某市第二季度…".
LEAD = re.compile(r"\d{1,2}月\d{1,2}日(?:[上中下]午|晚|早)?[，,]?\s*")
# …or with a vague time: "近日，某某县召开…", "日前，某某区…" (a sentence start, not 最近日前).
VAGUE_LEAD = re.compile(
    r"(?:^|(?<=[。！？\n）)]))\s*(?:近日|日前|近期|连日来|(?:昨天|昨日|今天|今日)(?:[上中下]午|晚上?|早上?)?)[，,]\s*"
)
# The secretary of a bare 县委/区委 is the publishing county's own leader; a bare 市委书记 is a city's.
COUNTY_SECRETARY = r"(?:县|区|旗)委书记"
CITY_SECRETARY = r"市委书记"
LOCAL_ORGAN = re.compile(
    r"^(?:市委|市政府|市人大|市政协|县委|县政府|区委|区政府|旗委|旗政府|市长|县长|区长|旗长|市召开|县召开|经济开发区|经济技术开发区|高新区|开发区|日报|融媒)"
)


# A place's name that opens a listed firm, park or project: the item runs without punctuation to
# 项目/产业园(区)/有限公司/基地 and ends at 、 or a list's close (等, 。). "某某县产业集聚区" (no
# item word between) and "某某县开工建设…项目" (a verb) are the place's own.
PROJECT_ITEM = re.compile(
    r"(?:市|县|区)?(?![^、，。；,;]{0,30}?(?:开工|签约|建设|推进|落地|投产|引进|实施|举行|召开))"
    r"[^\s、，。；,;:：“”\d]{2,28}?(?:项目|产业园区?|科技园|有限公司|集团|基地)(?:二期|一期)?(?=[、，,]|等)"
)
# A place that opens a company's registered name (锡林郭勒盟山金锌业有限公司, 上海某某投资集团有限公司)
# says where the firm is registered, not that the place acts. The name runs without punctuation or a
# joining word (与, 和, 及) to its company word; an organ (某某县人民政府与某某公司) is no firm.
COMPANY_NAME = re.compile(
    r"(?:市|县|区|盟|旗|州)?(?![^、，。；,;]{0,24}?(?:政府|[市县区旗]委|管委会))"
    r"[^\s、，。；,;:：“”《》与和及同向在为对]{2,24}?(?:有限责任公司|有限公司|股份公司)"
)
# An office title that a place's name opens, with a person's name after it: 某某市政府驻上海办事处副主任
# 赵某某. On a page whose own officials go by bare titles (市委书记某某, 副市长某某), an official named
# with his place is a guest from there: the place's organ there is his office, not the page's subject.
GUEST_TITLE = re.compile(
    r"(?:市|县|区|盟|旗|州)?[^\s、，。；,;:：“”《》()（）]{0,16}?"
    r"(?:主任|书记|(?<![市县区旗盟州])(?:市|县|区|旗|盟|州)长|常委|局长|部长|主席|秘书长|巡视员|调研员)"
)
OWN_LIST_GOES_ON = re.compile(r"副?(?:市|县|区|旗)(?:委|政府|人大|政协|长|人民政府)")
OWN_TITLE = r"(?:市|县|区|旗)委(?:副)?书记|(?:常务)?副?(?:市|县|区|旗)长"
# A clause that follows another place's organ (围绕某某市委…的部署, 落实某某市委…精神) cites a superior.
CLAUSE_START = re.compile(r"[^，。；,;：:！？\n]*$")


# A clause that ranks places: 北安、孙吴位列前20名, 嫩江、北安分列第一、第二. Places listed before it
# are being compared, not acting; one place alone (某某县位居全省第一) may be the subject's boast.
RANK_CLAUSE = re.compile(r"(?:分别|分)?(?:位列|位居|名列|分列|排名|排在|跻身)")
# A place whose people come to the page's own place: 某某市人大常委会主任…带领…莅临我市, 驻某某市…干部
# 来菏调研 (来/莅 and the host's one-character short name). Coming to 我市 says the place is not 我市.
VISITOR = re.compile(
    r"[^，,。；;！？!?\n]{0,40}?(?:莅临|来到|莅|来)(?:我(?:市|县|区|旗|州|盟)|[\u4e00-\u9fff](?:视察|调研|考察|检查|指导|交流))"
)
# A parent with this many of its own divisions named is the subject of a round-up over them: one
# of them may be a county's page naming its neighbours, three more beside it make a round-up.
ROUND_UP_CHILDREN = 4


# The media of a county-level place: its 融媒体中心, 发布 account, government site, paper or station,
# its propaganda office's account (宣传部, 宣传平台, 宣传 微信号) or its news site (新闻, 在线).
LOCAL_OUTLET = re.compile(
    r"^(?:县|区|市|旗)?(?:融媒体中心|融媒|信息中心|新闻中心|发布|人民政府|政府网|县委宣传部|区委宣传部|市委宣传部|旗委宣传部|宣传|新闻|在线|广播电视台|电视台|手机报|日报|微报)"
)
COUNTY_OUTLET_WEIGHT = 6.0
# A dateline of the place's own outlet: 某某讯, 某某县融媒体中心讯, 某某新闻网讯 (本报讯 names none).
DATELINE_OUTLET = re.compile(r"(?:县|区|市|旗)?(?:融媒体中心|融媒|新闻网|网|日报|电视台|广播电视台|手机报)?讯")


# An outlet's name after a place: 某某日报, 某某晚报, 某某新闻网, 某某融媒体中心, 某某电视台, 某某发布.
OUTLET_NAME = re.compile(r"(?:市|地区|州|盟)?(?:日报|晚报|新报|新闻网|新闻传媒|融媒体中心|融媒|广播电视台|电视台|发布)")


def _child_scored(code, scores, divisions):
    """Whether a county-level division under `code` scored in the body."""
    return any(
        score > 0 and (parent := divisions.parent(divisions.by_adcode[child])) and parent.adcode == code
        for child, score in scores.items()
    )


class PlaceIndex:
    """Finds division names in text by longest match at each position."""

    def __init__(self, divisions):
        self.divisions = divisions
        self._finder = divisions.name_finder  # only positions holding a name's first character are tried
        self.names = self._finder.names

    def mentions(self, text):
        """[(start, end, name)] without overlaps, longest names first."""
        return self._finder.mentions(text)


_index = None


def place_index():
    global _index
    if _index is None:
        _index = PlaceIndex(load_divisions())
    return _index


def _has_place_context(text, start, end, division, divisions, token_edges=None):
    """A short name that is also a word (合作, 全州, 新兴) is a place only beside an organ or
    level word (合作市委, 全州县) or after its province or parent (甘肃合作, 桂林全州)."""
    if LOCAL_ORGAN.match(text[end : end + 6]) or DATELINE_OUTLET.match(text, end):
        return True
    # 新兴市场 is a market: the level character must be a word of its own.
    if text[end : end + 1] in LEVEL_CHARS and (token_edges is None or end + 1 in token_edges):
        return True
    before = text[max(0, start - 8) : start]
    parent = divisions.parent(division)
    return bool(division.province and before.endswith(division.province)) or bool(
        parent and before.endswith((parent.name, parent.full_name))
    )


def _parent_named(division, divisions, named):
    """Whether the page names the division's parent (五常 with 哈尔滨), or a prefecture's province."""
    parent = divisions.parent(division)
    if parent:
        return bool({parent.name, parent.full_name, *divisions.aliases(parent)} & named)
    return division.province in named


def main_city(text, title="", publisher="", hints=None, token_edges=None, anchors=(), anchored_only=False):
    """The subject division of the article as a CityFact, or None when no place is named.

    With `token_edges` (from segmentation), a short name counts only where it is a word
    of its own, so 东方 inside 东方润安集团 is not taken for 东方市. `anchors` are
    (text, weight) pairs that say where the document comes from (its dateline, URL): a
    division they name outweighs raw frequency, so a company (大冶有色) or a partner city
    ("配套武汉市发展") named often in the body does not win over the document's own city.
    With `anchored_only` (a work report: its dateline and title name the government
    reporting), the subject is one of the divisions the anchors name whenever they name any.
    """
    rules = hints or data("places.json")
    index = place_index()
    divisions = index.divisions
    scores = defaultdict(float)
    first_span = {}
    visitors = set()  # places whose people come to the page's place (莅临我市)
    mentioned_provinces = set()
    visited = re.compile("|".join(rules["visit_context"]))
    superior = re.compile("(?:" + "|".join(rules["superior_context"]) + ")$")
    tag_spans = _tag_lines(text)
    leads = {lead.end() for lead in (LEAD.search(text), VAGUE_LEAD.search(text)) if lead}
    mentions = [m for m in index.mentions(text) if not any(a <= m[0] < b for a, b in tag_spans)]
    ranked = _ranked_lists(text, mentions)
    named = {name for _, _, name in mentions}
    mention_ends = {end for _, end, _ in mentions}
    lead_full = _lead_full_name(text, mentions, divisions, token_edges)
    own_titles = _bare_hints(OWN_TITLE, text, mentions)
    previous_end, previous_codes = -1, set()
    outlet_weight = defaultdict(float)  # what a prefecture scored as the name of an outlet (某某日报)
    for start, end, name in mentions:
        candidates = divisions.lookup(name)
        # An abbreviation with its level character (东乌旗, 科右前旗, 大理州) is written as a place's
        # name, as a full name is: never an ordinary word.
        full = any(c.full_name == name or name in divisions.aliases(c) for c in candidates)
        short_word = not full or len(name) <= 2  # 范县 inside 示范县 is no place either
        # 维西县 for 维西傈僳族自治县: the short name with its level character is one word, and written
        # as a place's name, as a full name is.
        leveled = (
            not full
            and token_edges is not None
            and start in token_edges
            and text[end : end + 1] in LEVEL_CHARS
            and end + 1 in token_edges
            and end not in token_edges
        )
        if leveled:
            full, short_word = True, False
        if short_word and token_edges is not None and (start not in token_edges or end not in token_edges):
            continue
        if short_word and token_edges is not None and _part_of_a_word(text, start, end, token_edges, mention_ends):
            continue
        if any(c.level == "省级" for c in candidates):
            # 河北 and 河南 are provinces, not 河北区 or 河南县.
            mentioned_provinces.update(c.province for c in candidates if c.level == "省级")
            continue
        if short_word and token_edges is not None and _slogan_name(text, start, end, name, token_edges, divisions):
            continue
        if short_word and _parallel_slogan(text, start, end, name, index.names):
            continue
        if short_word and (ACTING_TITLE.match(text, end - 1) or _joins_a_session(text, start, end, name)):
            continue
        if not full and name[-1] in "城港湾" and re.search(r"[东南西北中]部$", text[max(0, start - 2) : start]):
            continue  # 南部新城, 北部湾港: a zone of the page's own city, not 新城区
        if not full and FIRM_WORD.match(text, end):
            continue  # 永兴煤业申请关闭: a firm's name after a short name, not the place
        if not full and TOWNSHIP.match(text, end):
            continue  # 银州街道, 某某镇: a township that shares a division's short name, not the division
        common = short_word and is_common_word(name)  # 城区 is a district's full name and a word
        for division in candidates:
            if (
                common
                and not _has_place_context(text, start, end, division, divisions, token_edges)
                and not (rare_word(name) and _parent_named(division, divisions, named))
            ):
                continue
            weight = 2.0 if full else 1.0
            after = text[end : end + 6]
            before = text[max(0, start - 12) : start]
            organ = LOCAL_ORGAN.match(after) or (not full and LOCAL_ORGAN.match(text[end - 1 : end + 5]))
            # 某某市委 as one name: the organ after its own level character.
            organ_named = organ or (name[-1] in LEVEL_CHARS and LOCAL_ORGAN.match(text[end - 1 : end + 5]))
            if organ_named and superior.search(CLAUSE_START.search(before).group()):
                weight -= 1.5  # "围绕某某市委…部署": the superior whose line the page follows
            elif organ_named and own_titles and _opens_a_guest_title(text, start, end):
                weight -= 1.5  # "某某市政府驻上海办事处副主任赵某某,": a guest's office
            elif organ:
                weight += 3
            if visited.search(before) or visited.search(text[end : end + 4]):
                weight -= 1.5
            if start < 300:
                weight += 0.5
            if division.level in ("县", "区", "县级市") and DATELINE_OUTLET.match(text, end):
                weight += 3  # "某某县融媒体中心讯", "某某讯": a county's own dateline
            if start in leads:
                weight += 3  # the place the lead sentence opens with holds the event
            elif full and start == lead_full:
                weight += 3  # "某某网讯 据初步测算,一季度,维西县实现…": the lead's own place, named in full
            if (start, end) in ranked:
                weight *= 0.5  # "北安、孙吴位列前20名": places compared in a ranking
            if _names_a_project(text, end) or _names_a_company(text, end):
                weight *= 0.5  # "横州市某某产业园项目、…": the place only locates a firm or project
            parent = divisions.parent(division)
            if start == previous_end and parent and parent.adcode in previous_codes:
                weight += 2  # "绍兴越城": the parent only locates the child, the subject
            if not division.current:
                weight *= 0.9  # 长乐市 became 长乐区: the division that exists now wins a tie
            scores[division.adcode] += weight
            if OUTLET_NAME.match(text, end) and any(c.level in PREFECTURE_LEVELS for c in candidates):
                outlet_weight[division.adcode] += weight  # 宜宾日报: for 宜宾市, and for 宜宾县 as well
            first_span.setdefault(division.adcode, Span(start, end, name))
            if VISITOR.match(text, end):
                visitors.add(division.adcode)
        previous_end, previous_codes = end, {c.adcode for c in candidates}
    # A prefecture's paper or station reporting on one of its counties (宜宾日报: …兴文县…), the page
    # naming the prefecture nowhere else: the outlet names where it is published, the county the page
    # is about.
    named_apart = {code: score - outlet_weight[code] for code, score in scores.items()}
    outlets = {
        code
        for code in outlet_weight
        if divisions.by_adcode[code].level in PREFECTURE_LEVELS
        and named_apart[code] <= 0  # named only as the outlet's place
        and _child_scored(code, named_apart, divisions)
    }
    for code in outlet_weight:
        if code in outlets or (parent := divisions.parent(divisions.by_adcode[code])) and parent.adcode in outlets:
            scores[code] -= outlet_weight[code] - 0.5
    body_named = bool(scores)
    anchored = set()
    anchor_list = [(title, 4.0), (publisher, 4.0)] + list(anchors)
    for anchor, weight in anchor_list:
        if not anchor.strip():
            continue
        anchor_mentions = index.mentions(anchor)
        for position, (start, end, name) in enumerate(anchor_mentions):
            if anchor is publisher and not _names_publishers_place(publisher, end, name, divisions):
                continue
            if anchor is not publisher and visited.search(anchor[max(0, start - 12) : start]):
                continue  # "某某带队赴成都、绵阳等地招商": the headline names the trip's destinations
            if _locates_next(anchor_mentions, position, divisions):
                continue  # "焦作市中站区…签约活动": the parent only says where the district is
            if VISITOR.match(anchor, end):
                continue  # "驻某某市…干部来菏调研": the title names the visitors' place
            if len(name) == 2 and ACTING_TITLE.match(anchor, end - 1):
                continue  # "代县长某某…": an acting head's title
            candidates = [d for d in divisions.lookup(name) if d.level != "省级"]
            # A report's dateline or title names its prefecture: 巴州 there is 巴音郭楞, not 巴州区.
            candidates = [d for d in candidates if d.level in PREFECTURE_LEVELS] or candidates
            own_outlet = anchor is publisher and LOCAL_OUTLET.match(publisher[end:])
            for division in candidates:
                # The dateline or URL names the document's own place even when the body only
                # says 我市; the title or publisher confirms a place the body names, and names
                # the city of an article that only says 我市. A county's own outlet (来源：某某县
                # 融媒体中心, 某某发布) speaks for that county even when the body says only 全县.
                local = own_outlet and division.level in ("县", "区", "县级市")
                if division.adcode in scores or weight > 4 or not body_named or local:
                    # The prefecture's outlet over its county's news confirms only where it is published.
                    outlet_of_parent = anchor is publisher and division.adcode in outlets
                    scores[division.adcode] += COUNTY_OUTLET_WEIGHT if local else 1.0 if outlet_of_parent else weight
                    first_span.setdefault(division.adcode, Span(0, 0, name))
                    anchored.add(division.adcode)
    if not scores:
        return None
    # Level hints: "全县", "县委" point to a county, "全市", "市委" to a city.
    # Only bare ones count: "昭通市委" is the organ of a place the text names, "县委书记"
    # alone is the publishing county's own.
    county_hint = _bare_hints(rules["county_hint"], text, mentions)
    city_hint = _bare_hints(rules["city_hint"], text, mentions)
    district_hint = _bare_hints(rules["district_hint"], text, mentions)
    children = defaultdict(set)  # the names, so 嫩江县 and its successor 嫩江市 count once
    for adcode in scores:
        division = divisions.by_adcode[adcode]
        if (parent := divisions.parent(division)) and scores[adcode] > 0:
            children[parent.adcode].add(division.name)
    for adcode in scores:
        division = divisions.by_adcode[adcode]
        if len(children[adcode]) >= ROUND_UP_CHILDREN:
            scores[adcode] += 3  # a round-up naming several of its own counties is the parent's
        if division.province in mentioned_provinces:
            scores[adcode] += 1
        parent = divisions.parent(division)
        if parent and parent.adcode in scores:
            scores[adcode] += 0.5  # "宁波慈溪": the more specific place is the subject
        if division.level == "县" and county_hint > city_hint:
            scores[adcode] += 2
        if division.level == "区" and district_hint > city_hint:
            scores[adcode] += 2
        if division.level in ("地级市", "县级市") and city_hint > county_hint:
            scores[adcode] += 1
    pool = anchored if anchored_only and anchored else scores
    # Whoever comes to 我市 is not 我市: visitors leave the pool while another place is named.
    pool = {code: scores[code] for code in pool if code not in visitors and scores[code] > 0} or pool
    local_hint = max(county_hint, district_hint)
    own_secretary = _bare_hints(COUNTY_SECRETARY, text, mentions) and not _bare_hints(CITY_SECRETARY, text, mentions)
    if not anchored_only and ((local_hint >= 2 and local_hint > city_hint) or own_secretary):
        # A text that says 县委/区委 on its own is a county's or district's: a named prefecture
        # or municipality is its parent or host, not its subject.
        local = {
            code: v
            for code, v in scores.items()
            if divisions.by_adcode[code].level in COUNTY_LEVELS and v > 0 and code not in visitors
        }
        pool = local or pool
    best = max(pool, key=lambda code: (scores[code], -len(code)))
    if scores[best] <= 0:
        return None
    total = sum(v for v in scores.values() if v > 0) or 1
    division = divisions.by_adcode[best]
    confidence = round(min(0.99, 0.4 + 0.6 * scores[best] / total), 2)
    return CityFact(adcode=best, name=division.name, evidence=first_span[best], confidence=confidence)


# Parts of speech of a single character that joins the words beside it rather than naming anyone:
# 向/于/在 (prepositions), 和 (conjunctions), 到/赴 (verbs), 也 (adverbs). 陈/王/李 are names.
NOT_A_NAME_TAGS = {"p", "c", "v", "d", "u", "r"}


def _lead_full_name(text, mentions, divisions, token_edges):
    """Where the first sentence names a county-level place in full (某某县, 某某区) after its opening
    words (a dateline, a time): the place the lead reports on, against an outlet's name (某某网讯)
    that may be its parent's or a neighbour's. None when the sentence opens with the place."""
    stop = text.find("。", 0, 300)
    for start, end, name in mentions:
        if start >= (stop if stop > 0 else 300):
            return None
        if start == 0 or not {text[end - 1 : end], text[end : end + 1]} & {"县", "区", "旗"}:
            continue
        if any(d.level in ("县", "区") for d in divisions.lookup(name)):
            return start
    return None


def _slogan_name(text, start, end, name, token_edges, divisions):
    """A two-character full name whose first character is a verb (兴县, 滑县, 通县) closing a
    four-character slogan after a two-character word (科教兴县, 富民兴县, 工业兴县的…): the verb and
    县 of any county's page, not the place. 在兴县, 兴县县委 and 河北献县经济 keep their place."""
    if len(name) != 2 or name[-1] not in LEVEL_CHARS or _tag(name[0]) != "v":
        return False
    closes = end >= len(text) or not ("\u4e00" <= text[end] <= "\u9fff") or text[end] == "的"
    before = text[max(0, start - 8) : start]
    for division in divisions.lookup(name):
        parent = divisions.parent(division)
        if before.endswith(division.province) or (parent and before.endswith((parent.name, parent.full_name))):
            return False  # 河北献县, 沧州献县: the province or parent locates it
    return closes and start - 2 in token_edges and all("\u4e00" <= c <= "\u9fff" for c in text[start - 2 : start])


# 代县长, 代市长, 代区长: an acting head's title, not 代县 (nor any X县 that closes on 代).
ACTING_TITLE = re.compile(r"[县市区旗]长")
# A firm's trade word right after a short name (永兴煤业, 某某矿业, 某某药业): the firm, not the place;
# its park or industry (某某药业园, 某某实业产业) is the place's own.
FIRM_WORD = re.compile(r"(?:煤业|矿业|药业|实业|铝业|纸业|酒业)(?![园区]|产业|基地|集群)")
# A township or street office after a short name (银州街道, 某某镇人民政府): the town, not the division.
TOWNSHIP = re.compile(r"(?:街道|镇(?![长江])|乡(?![村长亲土情镇])|苏木)")


def _joins_a_session(text, start, end, name):
    """和县 in 党组会议和县十六届第9次常务会议: a conjunction before the bare 县 of a session
    (县十六届, 县第九次), not the county 和县. 在和县, 和县县委 keep the place."""
    if len(name) != 2 or name[-1] not in LEVEL_CHARS or _tag(name[0]) not in ("c", "p"):
        return False
    before = text[start - 1 : start] if start else ""
    return bool(before) and "\u4e00" <= before <= "\u9fff" and bool(SESSION.match(text, end))


SESSION = re.compile(r"(?:第?[一二三四五六七八九十]{1,3}(?:届|次)|第)")


def _parallel_slogan(text, start, end, name, names):
    """A two-character name in a list of two-character words that share its first character
    (沿边、沿界、沿路、沿河; 强基、强链、强县): a slogan's parallel items, the name one of them, not the
    place. A list of places sharing a character (江山、江阴) keeps them: a neighbour is a place too."""
    if len(name) != 2:
        return False
    head = name[0]
    neighbours = [text[start - 3 : start - 1]] if text[start - 1 : start] == "、" else []
    if text[end : end + 1] == "、":
        neighbours.append(text[end + 1 : end + 3])
    alike = [n for n in neighbours if len(n) == 2 and n[0] == head and n != name]
    return bool(alike) and not any(n in names for n in alike)


def _part_of_a_word(text, start, end, token_edges, mention_ends):
    """Whether a short name the tokenizer split off is really part of a longer word: the character
    it left alone beside the name makes a common word with the name's edge (惠民 in 强功能、惠民生,
    民生 a word and 生 left alone; 泰安 in 泰安全市 keeps its place, 全市 being a word of its own), or
    a family name stands alone before it (德安 in 督查专员陈德安: a person's given name). A family
    name that ends another place's name (浙江德清) is that place's."""
    after, before = text[end : end + 1], text[start - 1 : start] if start else ""
    if after and "\u4e00" <= after <= "\u9fff" and end + 1 in token_edges and is_common_word(text[end - 1 : end + 1]):
        return True
    if not before or start - 1 not in token_edges or start - 1 in mention_ends:
        return False
    if is_common_word(before + text[start]):
        return True
    return before in _single_surnames() and _tag(before) not in NOT_A_NAME_TAGS


@lru_cache(maxsize=1)
def _single_surnames():
    return frozenset(name for name in word_list("surnames.txt") if len(name) == 1)


def _tag(word):
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab.get(word)


def _ranked_lists(text, mentions):
    """(start, end) of places written as a list (A、B, A和B) right before a ranking verb."""
    ranked = set()
    # Mentions come left to right without overlaps, so their ends ascend with their starts: those
    # inside a clause are one run, found by bisection instead of a pass over all of them per clause.
    starts = [s for s, _, _ in mentions]
    for match in RANK_CLAUSE.finditer(text):
        clause_start = max(text.rfind(mark, 0, match.start()) for mark in "，,。；;：:\n") + 1
        listed = []
        for s, e, _ in mentions[bisect.bisect_left(starts, clause_start) :]:
            if e > match.start():
                break
            listed.append((s, e))
        between = [text[e:s] for (_, e), (s, _) in zip(listed, listed[1:])]
        if len(listed) >= 2 and all(gap in ("、", "和", "与", "及") for gap in between):
            ranked.update(listed)
    return ranked


def _names_a_project(text, end):
    """Whether the place ending at `end` opens the name of a firm, park or project written as one
    item: 横州市某某再生资源循环科技产业园项目、…, 某某电商产业园区、…. Such a name says where a
    project sits, or is a brand, not that the place acts; a round-up lists many of them."""
    return bool(PROJECT_ITEM.match(text, end))


def _names_a_company(text, end):
    """Whether the place ending at `end` opens a company's name: 锡林郭勒盟山金锌业有限公司."""
    return bool(COMPANY_NAME.match(text, end))


@lru_cache(maxsize=1)
def _guest_title():
    """GUEST_TITLE with a person's name right after it: a family name and one or two more
    characters before a break (…副主任赵某某, / …书记某某参加)."""
    names = sorted(word_list("surnames.txt"), key=len, reverse=True)
    person = "(?:" + "|".join(map(re.escape, names)) + r")[\u4e00-\u9fff]{1,2}(?=[，,、。；;\s（(]|$)"
    return re.compile(GUEST_TITLE.pattern + person)


def _opens_a_guest_title(text, start, end):
    """Whether the place at start..end opens an office title with a person's name right after it
    (某某市政府驻上海办事处副主任赵某某,). A place after another title of the same person
    (市委常委、某某市委书记) is that person's further office, not a guest's, and a title list that goes
    on with bare titles (某某县委书记甲，县委副书记、县长乙) is the page's own leaders'."""
    if start and text[start - 1] == "、":
        return False
    match = _guest_title().match(text, end)
    # "某某县委书记甲,县委副书记、县长乙…": the page's own leaders, listed on with bare titles.
    return bool(match) and not OWN_LIST_GOES_ON.match(text, match.end() + 1)


def _locates_next(mentions, position, divisions):
    """Whether the place at `position` is the parent of the place written right after it
    (焦作市中站区, 绍兴越城): in a headline or dateline that names the child's event, the parent
    only locates it."""
    if position + 1 >= len(mentions):
        return False
    _, end, name = mentions[position]
    following_start, _, following = mentions[position + 1]
    if following_start != end:
        return False
    parents = {d.adcode for d in divisions.lookup(name)}
    return any((p := divisions.parent(child)) and p.adcode in parents for child in divisions.lookup(following))


def _names_publishers_place(publisher, end, name, divisions):
    """Whether a place name found in the publisher stands as a word of its own there.

    昆山日报 and 临澧手机报 name their place; in 新华社 or 新华网 the same letters are part of a
    word, so a national outlet gives no place (新华区).
    """
    if any(d.full_name == name for d in divisions.lookup(name)):
        return True
    start = end - len(name)
    edges = boundaries(segment(publisher))
    return start in edges and end in edges


def _bare_hints(pattern, text, mentions):
    """Matches of a level hint (县委, 全市) that do not follow a place the text names."""
    ends, inside = _covered(mentions)
    count = 0
    for match in re.finditer(pattern, text):
        at = match.start()
        if at in ends or at in inside:
            continue
        count += 1
    return count


_COVERED = [None]  # (mentions, ends, inside) of the last list asked about: main_city asks five times for one


def _covered(mentions):
    """The ends of the named places, and the positions they cover (a set, since each hint is
    tested against every place)."""
    cached = _COVERED[0]
    if cached is None or cached[0] is not mentions:
        ends = {end for _, end, _ in mentions}
        inside = {at for start, end, _ in mentions for at in range(start, end)}
        cached = _COVERED[0] = (mentions, ends, inside)
    return cached[1], cached[2]


def _tag_lines(text):
    """Spans of keyword-stuffed lines (a site's SEO footer: "2018广州压铸展,2018广州压铸展会,…"):
    many short comma-separated items, some repeated, and no sentence end. The places they name
    are noise."""
    spans, position = [], 0
    for line in text.split("\n"):
        items = [i for i in re.split(r"[,，、]", line) if i.strip()]
        # Stuffing repeats itself; a long list of names (市领导甲、乙、丙…) does not.
        repeated = len(set(items)) < len(items)
        if len(items) >= 8 and repeated and "。" not in line and sum(map(len, items)) / len(items) <= 12:
            spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


# A local site's name is often its place's pinyin with a word after it (xiantaoapp, jxnews).
SITE_SUFFIXES = ("app", "news", "tv", "rb", "ribao", "daily", "online", "wang", "xww", "xw")
# …or before it: 今日某某 (jinri…), a county paper's usual name.
SITE_PREFIXES = ("jinri",)
# …or its level after it (某某xian.gov.cn): the level picks among namesakes (平乡县, not 凭祥市).
LEVEL_SUFFIXES = {"xian": "县", "qu": "区", "qi": "旗", "shi": "市"}
# A portal's channel folder for a county: the county's slug alone or with a channel word after it
# (/yuanling/, /wuyangdongtai/).
CHANNEL_SUFFIXES = SITE_SUFFIXES + ("dongtai", "xinwen", "yaowen")


def _host_stems(label):
    """(stem, level character) readings of a host label: as it is, without a site word before or
    after it, or without a level word after it."""
    stems = [(label, "")]
    for prefix in SITE_PREFIXES:
        if label.startswith(prefix):
            stems.append((label[len(prefix) :], ""))
    for suffix in SITE_SUFFIXES:
        if label.endswith(suffix):
            stems.append((label[: -len(suffix)], ""))
    for suffix, level in LEVEL_SUFFIXES.items():
        if label.endswith(suffix):
            stems.append((label[: -len(suffix)], level))
    return [(stem, level) for stem, level in stems if len(stem) >= 5]


def _slug_places(stem, level=""):
    """[(full name, parent)] of the current county-level divisions `stem` spells, of that level."""
    found = _county_slugs().get(stem, ())
    return [f for f in found if f[0].endswith(level)] if level else list(found)


def _path_counties(path, prefectures):
    """County names that a folder of a URL path spells: under its prefecture spelled in the same
    address (shangqiu.example.com/ningling/…), or alone as a whole folder, or before a channel word
    (/yuanling/…, /wuyangdongtai/…), when the slug names one county and spells no common word
    (/dongtai/ is 动态, not 东台市)."""
    names = []
    folders = path.split("?")[0].split("/")[:-1]
    for folder in folders:
        for label in re.findall(r"[a-z]{5,}", folder):
            names += [name for name, parent in _county_slugs().get(label, ()) if parent in prefectures]
        stems = [folder] + [folder[: -len(s)] for s in CHANNEL_SUFFIXES if folder.endswith(s)]
        for stem in stems:
            found = _slug_places(stem)
            if len(stem) >= 5 and len(found) == 1 and stem not in _prefecture_slugs() and not _spells_a_word(stem):
                names.append(found[0][0])
                break
    return list(dict.fromkeys(names))


def _spells_a_word(slug):
    """Whether `slug` is the pinyin of a common word (dongtai: 动态, yuanqu: 园区, renwu: 人物): a
    site's folder of that name is the word's channel, not the place's."""
    return slug in _common_word_slugs()


# A dictionary word seen this often is a channel's likely name (园区 397, 动态 3053); place names
# (房县 841) do not count.
CHANNEL_WORD_COUNT = 200


@lru_cache(maxsize=1)
def _common_word_slugs():
    from ..segment import tokenizer

    names = place_index().names
    return frozenset(
        _pinyin_of(word)
        for word, count in tokenizer().FREQ.items()
        if count >= CHANNEL_WORD_COUNT and 2 <= len(word) <= 4 and word not in names
    )


def _pinyin_of(word):
    return "".join(_char_pinyin(c) for c in word)


@cache
def _char_pinyin(char):
    return lazy_pinyin(char)[0].lower()


def url_places(url):
    """Names of divisions the URL's host or path spells in full pinyin: a crawler's only clue
    for an article that says 我市. A prefecture's unique slug anywhere (www.hangzhou.gov.cn →
    杭州市); a county-level one only as a label of the host (www.xuanzhou.gov.cn), alone or with
    a site word after it (xiantaoapp.com), or as the sub-domain of its prefecture
    (yushu.changchun.gov.cn → 榆树市, not 长春市)."""
    if not url:
        return ""
    labels = set(re.findall(r"[a-z]{4,}", url.lower()))
    if not labels:
        return ""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
    host_labels = host.split(".")
    by_slug = _prefecture_slugs()
    local = _county_slugs()
    for child_label, parent_label in zip(host_labels, host_labels[1:]):
        parent = by_slug.get(parent_label)
        child = next((d for d in local.get(child_label, ()) if parent and d[1] == parent), None)
        if child:
            return child[0]
    for label in host_labels:
        for stem, level in _host_stems(label):
            if (level or stem not in by_slug) and len(found := _slug_places(stem, level)) == 1:
                return found[0][0]
    for label in host_labels:
        if found := _region_prefixed(label):
            return found
    # A prefecture's paper or site by its initials and a site word (wfrb: 潍坊日报, wfnews): initials no
    # other prefecture shares.
    for label in host_labels:
        for suffix in sorted(SITE_WORDS | {"zhx"}, key=len, reverse=True):
            stem = label[: -len(suffix)]
            if label.endswith(suffix) and len(stem) >= 2 and (name := _prefecture_initials().get(stem)):
                return name
    # A long name's site goes by its initials (ksktxx: 克什克腾 + 信息): four letters or more, which
    # name one division only; two or three letters (ds, zc) name dozens.
    initials = _initial_slugs()
    for label in host_labels:
        for stem in [label] + [label[: -len(s)] for s in INITIAL_SUFFIXES if label.endswith(s)]:
            if stem in initials:
                return initials[stem]
    # A government's own host (als.gov.cn: 阿拉善) goes by its initials: three letters name one
    # place when no other division or province shares them.
    if host.endswith(".gov.cn") and len(host_labels) >= 3 and (name := _gov_initials().get(host_labels[-3])):
        return name
    return " ".join(by_slug[label] for label in sorted(labels) if label in by_slug)


def url_anchors(url, host_weight=6.0, path_weight=2.0):
    """(names, weight) anchors from a page address. A place its host spells (www.xuanzhou.gov.cn,
    yushu.changchun.gov.cn) is the site's own; one spelled only in the path is a channel of a
    portal or aggregator (yybnet.net/chengdu/…, …/quanzhou/anxi/…): at most the region, or the
    county channel of a portal for that region, so it weighs little against what the text says."""
    if not url:
        return []
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0]
    own = url_places("http://" + host + "/")
    anchors = [(own, host_weight)] if own else []
    channel = " ".join(name for name in url_places(url).split() if name not in own.split())
    # A regional portal's county channel under its prefecture (shangqiu.example.com/ningling/…):
    # the county's slug in the path, its prefecture spelled in the same address.
    prefectures = set(own.split()) | set(channel.split())
    path = url.lower().split("://")[-1].partition("/")[2]
    counties = [name for name in _path_counties(path, prefectures) if name not in own.split()]
    channel = " ".join([channel, *counties]).strip()
    if channel:
        anchors.append((channel, path_weight))
    return anchors


# A site's banner copied into the page with its address spelled out (w w w . X X . g o v . c n,
# DongFeng.Gov.Cn): the host of the site the page was taken from, even when the page now sits on an
# unrelated mirror.
BANNER_HOST = re.compile(r"(?:www\.)?((?:[a-z0-9-]+\.)+(?:gov\.cn|com\.cn|cn|com|net))", re.IGNORECASE)


def banner_anchors(text, lines=4, host_weight=6.0):
    """(names, weight) anchors from a line near the top that is nothing but a site's address."""
    for line in text.split("\n")[:lines]:
        spelled = re.sub(r"\s+", "", line)
        if spelled and (match := BANNER_HOST.fullmatch(spelled)):
            host = match.group(1).lower()
            if own := url_places("http://" + host + "/"):
                return [(own, host_weight)]
            # A slug two counties share (dongfeng: 东丰县, 东风区): both, for the page's level words
            # (县委, 区长) to choose between.
            shared = {name for label in host.split(".") for name, _ in _county_slugs().get(label, ())}
            return [(" ".join(sorted(shared)), host_weight)] if 1 < len(shared) <= 3 else []
    return []


# A site's breadcrumb near the top (您现在的位置：首页 > 新闻中心 > 今日某某, 首页 > 某某要闻): its
# channels are the site's own sections, and one named for a place is the site's own place.
BREADCRUMB = re.compile(
    r"^\s*(?:您?(?:当前|现在)?(?:所在)?的?位置\s*[:：]?\s*)?(?:网站)?(?:首页|主页)\s*[>»›]([^\n]{1,60})$"
)


def breadcrumb_anchors(text, lines=8, weight=6.0):
    """(channels, weight) anchors from a breadcrumb line near the top of the page."""
    for line in text.split("\n")[:lines]:
        if len(line) <= 80 and (match := BREADCRUMB.match(line)):
            return [(match.group(1), weight)]
    return []


# After a site's initials: 信息 (xx), 新闻 (xw) and the words full slugs take.
INITIAL_SUFFIXES = SITE_SUFFIXES + ("xx", "xw")


@lru_cache(maxsize=1)
def _initial_slugs():
    """{initials: full name} for current divisions below a province whose name has four syllables or
    more and whose initials no other division shares (kskt → 克什克腾旗)."""
    divisions = place_index().divisions
    seen = defaultdict(set)
    for division in divisions.by_adcode.values():
        if division.current and division.level != "省级":
            # Its name and its written abbreviations (科右前旗 → kyqq, the site of 科尔沁右翼前旗).
            spellings = [division.syllables] + [lazy_pinyin(alias) for alias in divisions.aliases(division)]
            for syllables in spellings:
                initials = "".join(syllable[:1] for syllable in syllables).lower()
                if len(initials) >= 4 and initials.isalpha():
                    seen[initials].add(division.full_name)
    return {initials: next(iter(names)) for initials, names in seen.items() if len(names) == 1}


@lru_cache(maxsize=1)
def _gov_initials():
    """{three-letter initials: full name} for current divisions below a province whose initials no
    other division and no province shares (als → 阿拉善盟; hz, sy name dozens)."""
    seen = defaultdict(set)
    for division in place_index().divisions.by_adcode.values():
        if division.current and division.province != "台湾":
            seen[division.initials].add(division)
    return {
        initials: found.full_name
        for initials, names in seen.items()
        if len(initials) == 3 and len(names) == 1 and (found := next(iter(names))).level != "省级"
    }


def _region_prefixed(label):
    """The county a host label spells after the initials of its province or prefecture: cqwulong
    (重庆 + 武隆), sddp (山东 + 东平), jnzq (济南 + 章丘), with a site word after it or not (ahqszx:
    安徽 + 潜山 + 政协). The region's initials make a county's own short initials safe to read."""
    table = _region_prefixed_slugs()
    for cut in (2, 3):
        region, rest = label[:cut], label[cut:]
        for stem in [rest] + [rest[: -len(s)] for s in SITE_SUFFIXES + REGION_SITE_WORDS if rest.endswith(s)]:
            # zjxw is 浙江新闻, not 浙江 + 徐闻: a site word is never the county.
            if len(stem) >= 2 and stem not in SITE_WORDS and len(names := table.get((region, stem), ())) == 1:
                return next(iter(names))
    return None


# Words a government body's site puts after its place: 政协 (zx), 人大 (rd), 政府 (zf).
REGION_SITE_WORDS = ("zx", "rd", "zf", "gov")
SITE_WORDS = frozenset(SITE_SUFFIXES + REGION_SITE_WORDS)


@lru_cache(maxsize=1)
def _region_prefixed_slugs():
    """{(region initials, county slug or initials): {full names}} for current county-level divisions,
    the region being the province or the prefecture."""
    divisions = place_index().divisions
    table = defaultdict(set)
    for division in divisions.by_adcode.values():
        if division.level not in ("县", "区", "县级市") or not division.current or division.province == "台湾":
            continue
        parent = divisions.parent(division)
        if parent and parent.name == division.name:
            continue  # xjtc is 塔城地区's site as much as 塔城市's
        regions = {_initials(division.province)} | ({_initials(parent.name)} if parent else set())
        spellings = {"".join(division.syllables), division.initials}
        for region in regions:
            for spelling in spellings:
                table[(region, spelling)].add(division.full_name)
    return table


@lru_cache(maxsize=1024)
def _initials(name):
    """The initials of a name read as a whole (重庆: cq, not zq)."""
    return "".join(s[:1] for s in lazy_pinyin(name)).lower()


@lru_cache(maxsize=1)
def _prefecture_initials():
    """{initials: full name} for current prefecture-level divisions whose initials are theirs alone."""
    seen = defaultdict(set)
    divisions = place_index().divisions.by_adcode.values()
    for division in divisions:
        if division.level in PREFECTURE_LEVELS and division.current and division.province != "台湾":
            seen[division.initials].add(division.full_name)
    # A province's paper (sxrb: 山西日报, not 绍兴; jlrb: 吉林日报, not 吉林市) goes by the same letters.
    for province in {d.province for d in divisions}:
        seen[_initials(province)].add(province)
    return {initials: next(iter(names)) for initials, names in seen.items() if len(names) == 1}


@lru_cache(maxsize=1)
def _county_slugs():
    """{pinyin slug: [(full name, parent's full name)]} for current county-level divisions."""
    divisions = place_index().divisions
    seen = defaultdict(list)
    for division in divisions.by_adcode.values():
        # Taiwan's districts share many mainland slugs (wufeng: 五峰, 雾峰区) and have no sites here.
        if division.province == "台湾":
            continue
        slug = re.sub(r"[^a-z0-9]+", "", "".join(division.syllables))
        if division.level in ("县", "区", "县级市") and division.current and len(slug) >= 5:
            parent = divisions.parent(division)
            seen[slug].append((division.full_name, parent.full_name if parent else ""))
    return seen


@lru_cache(maxsize=1)
def _prefecture_slugs():
    """{pinyin slug: full name} for prefecture-level divisions whose slug is unique."""
    seen = defaultdict(list)
    for division in place_index().divisions.by_adcode.values():
        if division.level in PREFECTURE_LEVELS and division.current:
            seen[division.slug.replace("-", "")].append(division.full_name)
    return {slug: names[0] for slug, names in seen.items() if len(names) == 1 and len(slug) >= 4}


# Where the subject went to do its own business: 在上海、深圳等地考察对接后签约…, 在深圳的招商推介会上…,
# 赴杭州招商. The places there are venues of the subject's trip, not the sentence's subject, so its
# figures stay the subject's. A bare 在深圳，… and a study visit (赴义乌市考察, whose sentence goes on
# about the host) still speak of the other place.
VENUE = re.compile(
    r"((?:(?:^|(?<=[^\u4e00-\u9fff])|(?<=其中))在|赴|前往))([^，。；,;：:]{1,30}?)"
    r"(等地|等城市|(?:的[^，。；,;]{0,12}?)?(?:推介会|洽谈会|招商会|博览会|交易会|活动)(?:上|中|期间)|招商|对接)"
)


class PlaceContext:
    """The subject city with its parents, and a test for sentences about somewhere else."""

    def __init__(self, city, text="", person_names=(), edges_for=None):
        index = place_index()
        divisions = index.divisions
        self.subject_names = set()
        self.related = set()
        if city:
            division = divisions.by_adcode[city.adcode]
            self.subject_names = {division.name, division.full_name, *divisions.aliases(division)}
            self.related = {division.adcode}
            parent = divisions.parent(division)
            while parent:
                self.related.add(parent.adcode)
                parent = divisions.parent(parent)
        self.index = index
        self.text = text
        # Token edges of a passage, taken from the document's own tokens when it has them.
        self.edges_for = edges_for or (lambda passage: None)
        self.know_people(person_names)

    def know_people(self, names):
        """Mask these names before looking for places: 顾承德 is a person, not 承德."""
        self.person_names = sorted(names, key=len, reverse=True)
        self._foreign = {}
        self._foreign_sentence = {}

    def foreign_names(self, text):
        """Names in `text` that only stand for places other than the subject and its parents.

        A short name counts only as a word of its own that is not also a common word:
        新兴 and 资源 are counties too, but not in "新兴产业" or "资源优势".
        """
        if text in self._foreign:
            return self._foreign[text]
        original = text
        for person in self.person_names:
            text = text.replace(person, "\0" * len(person))
        if could_match(VENUE, text):  # most sentences hold none of its venue words: no scan of every position
            text = VENUE.sub(lambda m: m.group(1) + "\0" * len(m.group(2)) + m.group(3), text)
        names, edges = [], None
        for start, end, name in self.index.mentions(text):
            if _inside_a_quoted_term(text, start, end):
                continue
            candidates = self.index.divisions.lookup(name)
            if any(c.adcode in self.related or c.level in ("省级",) for c in candidates):
                continue
            # A two-character full name (中区, 东区) is checked as a word too: "其中区外资金" names none.
            if len(name) <= 2 or not any(c.full_name == name for c in candidates):
                if edges is None:
                    edges = self.edges_for(original)
                    if edges is None:
                        edges = boundaries(segment(original))
                if start not in edges or end not in edges or is_common_word(name):
                    continue
                if _verb_object_slogan(text, start, name, edges):
                    continue
                if any(c.full_name == name for c in candidates):
                    names.append(name)
                    continue
                # A short name is a place the article talks about when it recurs or follows its
                # province (浙江海宁); once, bare, it is more likely a word (万亿元大关).
                provinces = {c.province for c in candidates}
                if self._count(name) < 2 and not any(text[max(0, start - len(p)) : start] == p for p in provinces):
                    continue
            names.append(name)
        self._foreign[original] = names
        return names

    def _count(self, name):
        """How often the document names `name`: asked once per name, not once per sentence naming it."""
        counts = self.__dict__.setdefault("_name_counts", {})
        if name not in counts:
            counts[name] = self.text.count(name)
        return counts[name]

    def is_foreign(self, sentence):
        """A sentence that names another place and never the subject is about that place."""
        # Clusters and targets ask about the same sentences: answered once per sentence text.
        text = sentence.text
        answer = self._foreign_sentence.get(text)
        if answer is None:
            answer = not any(name in text for name in self.subject_names) and bool(self.foreign_names(text))
            self._foreign_sentence[text] = answer
        return answer


# A slogan's first word: a noun (工业, 科教, 富民) or a coinage the dictionary lacks (强产).
SLOGAN_HEAD_TAGS = {None, "n", "nz", "vn", "an"}


def _verb_object_slogan(text, start, name, edges):
    """A two-character name whose first character is a verb (兴城, 兴县) after a two-character word
    of a slogan (强产兴城聚人, 工业兴县): the verb and its object, not the place. After a verb or a
    preposition (前往兴城, 在兴城) it is the place."""
    return (
        len(name) == 2
        and _tag(name[0]) == "v"
        and start - 2 in edges
        and all("\u4e00" <= c <= "\u9fff" for c in text[max(0, start - 2) : start])
        and start >= 2
        and _tag(text[start - 2 : start]) in SLOGAN_HEAD_TAGS  # 前往兴城, 来到兴城: a trip there
    )


def _inside_a_quoted_term(text, start, end):
    """A place name inside quotation marks with more words after it (“晋江经验”, “浦东速度”) names
    a model or a slogan, not the place: the sentence still speaks for the subject."""
    opened = text.rfind("“", 0, start)
    if opened < 0 or text.rfind("”", opened, start) >= 0:
        return False
    closed = text.find("”", end)
    return closed > end and closed - opened <= 12 and not re.search(r"[，,。；;、]", text[opened:closed])
