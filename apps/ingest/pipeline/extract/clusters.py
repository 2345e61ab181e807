"""Industry clusters from the enumerations policy texts use.

"高端装备制造、电子信息、新材料三大主导产业", "加快布局人工智能和元宇宙、合成生物…等新赛道",
"做强新一代信息技术产业集群、做优高端装备制造产业集群": a list of names closed by a tail
(产业, 集群, 新赛道, 领域 …) that may carry a count (三大) and a tier (主导, 未来 …).
"""

import json
import re
from functools import lru_cache
from pathlib import Path

from ..types import ClusterFact, Span
from .text import (
    alternation,
    city_sentences,
    could_match,
    data,
    dictionary_words,
    finditer_at,
    finditer_if_possible,
)
from .text import sentences as all_sentences

TAXONOMY = Path(__file__).resolve().parents[3] / "atlas" / "data" / "industry_tags.json"
INDUSTRY_SUFFIX = re.compile(r"(?:产业集群|产业链|产业|集群)$")
CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
HARD_STOP = re.compile(r"[，,。；;：:！？!?\n（）()“”\"《》]")


@lru_cache(maxsize=1)
def taxonomy():
    """[(synonym, slug)], longest synonym first."""
    tags = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    # In file order (not through a set, whose order changes from run to run): among synonyms of one
    # length the first listed wins, and which wins decides the tags of a name holding two of them.
    pairs = [(synonym, tag["slug"]) for tag in tags for synonym in dict.fromkeys([tag["name_zh"], *tag["synonyms"]])]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


@lru_cache(maxsize=4096)
def tags_for(name):
    """Tag slugs whose synonyms occur in the cluster name, most specific first (names recur: cached)."""
    slugs, covered = [], name
    for synonym, slug in taxonomy():
        if synonym in covered and slug not in slugs:
            slugs.append(slug)
            covered = covered.replace(synonym, "\0" * len(synonym))
    return tuple(slugs)


class ClusterRules:
    def __init__(self):
        rules = data("clusters.json")
        self.tier_of = {word: tier for tier, words in rules["tiers"].items() for word in words}
        tier_words = alternation(self.tier_of)
        self.tail = re.compile(
            rf"(?P<etc>等)?(?P<count>[\d一二三四五六七八九十两]+(?:大|个|条))?(?:{rules['tail_size']})?"
            rf"(?:{rules['quoted_code']})?(?:{alternation(rules['tail_fillers'])})*(?P<tier>(?:(?:{tier_words})\0*)*)(?P<tail>(?P<umbrella>{alternation(rules['umbrella_tails'])})"
            rf"|{alternation(rules['tails'])}|(?P<quoted>{rules['quoted_count_tail']}))"
        )
        self.single_name_follower = re.compile(alternation(rules["single_name_followers"]))
        self.output_measure = re.compile(rules["output_measure"])
        one = rules["one_character_industry"]
        # Lookbehinds must be fixed-width, so each lead word gets its own.
        after = "|".join("^" if w == "^" else f"(?<={re.escape(w)})" for w in one["after"])
        self.one_character = re.compile(
            rf"(?:{after})(?P<name>{alternation(one['names'])})(?P<tail>{alternation(one['tails'])})"
        )
        # Those lookbehinds would be tried at every position: the name and its tail, found by a
        # fast scan (each name is one character, so no match hides another), say where to try.
        assert all(len(name) == 1 for name in one["names"]), "one_character_industry names are one character"
        self.one_character_start = re.compile(rf"(?:{alternation(one['names'])})(?=(?:{alternation(one['tails'])}))")
        self.tier_words = re.compile(tier_words)
        self.tier_word_end = re.compile(rf"(?:{tier_words})$")
        self.tier_named_after = re.compile(rf"的({tier_words})(?:产业|集群)")
        self.role_followers = re.compile(rules["role_followers"])
        self.verb_named = re.compile(
            rules["verb_named_industry"].replace("{develop_verbs}", alternation(rules["develop_verbs"]))
        )
        self.umbrella_joined = re.compile(rules["umbrella_joined"])
        self.inner_quote = re.compile(rules["inner_quote"])
        self.role_chain = re.compile(rules["role_chain"])
        self.designated = re.compile(rules["designated"])
        self.base_list = re.compile(rules["base_list"])
        each = alternation(rules["verb_each_verbs"])
        self.verb_each_verb = re.compile(rf"^(?:{each})")
        self.verb_each_list = re.compile(
            rf"(?:{each})[^，,。；;、“”]{{2,10}}?(?:、(?:{each})[^，,。；;、“”]{{2,10}}?)+(?=[，,。；;]|$)"
        )
        self.base_item = re.compile(rules["base_item"])
        self.chain_heading = re.compile(rules["chain_heading"])
        self.zone_list = re.compile(rules["zone_list"])
        self.repeated_tail_list = re.compile(rules["repeated_tail_list"])
        self.styled_development = re.compile(rules["styled_development"]["pattern"])
        self.styled_not_name = re.compile(rules["styled_development"]["not_names"])
        self.mixed_list_tails = frozenset(rules["mixed_list_tails"])
        # 产业规模化发展 is a way to grow, not the measure 产业规模.
        self.measure = re.compile(rf"(?:{alternation(rules['measure_followers'])})(?!化)")
        self.each_after_measure = re.compile(rules["each_after_measure"])
        self.role_phrase = re.compile(rules["role_phrase"])
        self.header_list = re.compile(rules["header_list"])
        self.header_list_verbs = re.compile(rules["header_list_verbs"])
        self.role_list = re.compile(rules["role_list"])
        self.plus_list = re.compile(rules["plus_list"])
        self.cooperation = re.compile(alternation(rules["cooperation"]))
        self.verb_list = re.compile(
            rf"(?:{alternation(rules['verb_list_verbs'])})(?P<items>[^，,。；;：:“”（）()]{{2,40}}?)(?=[，,。；;])"
        )
        self.tier_word = re.compile(f"(?:{tier_words})(?=产业|集群|赛道)")
        self.tail_follower = re.compile(f"(?:{alternation(rules['tail_followers'])}|$)")
        self.known_name_follower = re.compile(alternation(rules["known_name_followers"]))
        self.lead_in = re.compile(rf"^(?:{alternation(rules['lead_in'])})+")
        self.cut_words = re.compile(alternation(rules["cut_after"] + [w for w in rules["lead_in"] if len(w) > 1]))
        self.verbs = re.compile(rf"(?:{alternation(rules['develop_verbs'])})$")
        self.generic = set(rules["generic_items"])
        self.statistical_sector = re.compile(alternation(rules["statistical_sectors"]))
        self.statistical_aggregate = re.compile(rf"(?:{alternation(rules['statistical_aggregates'])})$")
        self.company = re.compile(alternation(rules["company_context"]))
        self.lead_clause = re.compile(
            rf"^(?:{alternation(rules['lead_clause_verbs'])})[^，,。；;：:“”]{{2,30}}?(?:产业集群|产业链|产业)"
            r"[，,]"
        )
        self.heads = tuple(rules["industry_heads"])
        self.not_industry = tuple(rules["not_industry_endings"])
        self.lexicon = set(dictionary_words("industry_terms.txt")) | {s for s, _ in taxonomy()}
        self.slogans = set(dictionary_words("framework_terms.txt")) - self.lexicon
        signal = rules["lexicon_signal"]
        self.lexicon_tail = re.compile(rf"(?:{alternation(signal['tails'])})(?!{alternation(signal['not_after'])})")
        self.lexicon_frame = re.compile(alternation(signal["frame"]))
        self.lexicon_not_place = re.compile(alternation(signal["not_place"]))
        self.lexicon_not_place_sentence = re.compile(alternation(signal["not_place_sentence"]))
        self.lexicon_longest = max(map(len, self.lexicon))
        self.lexicon_copula = re.compile(signal["copula"])
        self.lexicon_owner = re.compile(signal["owner"])
        self.sector_after_verb = re.compile(rules["sector_after_verb"]["pattern"])
        self.sector_not_sentence = re.compile(rules["sector_after_verb"]["not_sentence"])
        self.lexicon_copula_owner = re.compile(signal["copula_owner"])
        self.brand_tail = re.compile(alternation(signal["brand_tails"]))
        self.brand_not_name = re.compile(signal["brand_not_names"])
        self.statistics_frame = re.compile(rules["statistics_frame"]["frame"])
        self.statistics_item = re.compile(rules["statistics_frame"]["item"])
        self.specific_modifiers = tuple(rules["specific_modifiers"])
        items = rules["item_rules"]
        self.item = {
            name: re.compile(rule["pattern"])
            for name, rule in items.items()
            if isinstance(rule, dict) and "pattern" in rule
        }


@lru_cache(maxsize=1)
def rules():
    """The compiled rules, built once per process from the data files."""
    return ClusterRules()


def _clean_item(item, r, first):
    if " " in item:  # 兽药 饲料类: a page's spaces inside a name (around a linked word) are not part of it
        item = CJK_SPACE.sub("", item)
    if first:
        cuts = [m.end() for m in r.cut_words.finditer(item)]
        item = item[max(cuts, default=0) :]
        item = r.lead_in.sub("", item)
    item = r.item["role_suffix"].sub("", item.strip(" 　"))  # 海上风电为支撑 → 海上风电
    item = r.item["size_prefix"].sub("", item)  # 500亿级新能源 → 新能源
    item = r.item["size_suffix"].sub("", item)  # 新能源千亿(产业集群) → 新能源
    item = r.item["made_into_suffix"].sub("", item)  # 把木材加工做成大(产业) → 木材加工
    if first:
        item = r.item["county_prefix"].sub("", item)  # 某某县荔枝、真龙柚…三大特色产业 → 荔枝
    if item.endswith("产业") and len(item) >= 4:
        item = item[:-2]  # 新能源产业300亿级产业集群: the first 产业 belongs to the name's tail
    item = r.item["count_suffix"].sub("", item)  # 生物医药4个省级 → 生物医药
    item = r.item["category_suffix"].sub("", item)  # 装备制造类 → 装备制造
    designated = r.item["designation_suffix"].sub("", item)  # 把…文化旅游作为主导产业 → 文化旅游
    if designated != item:  # 把茶叶产业作为富民强县支柱产业 → 茶叶
        designated = INDUSTRY_SUFFIX.sub("", designated)
    item = designated
    return r.item["etc_suffix"].sub("", item).strip(" 　")


def _valid(item, r):
    return (
        2 <= len(item) <= 16
        and item not in r.generic
        and not r.statistical_sector.search(item)
        and not r.statistical_aggregate.search(item)
        and not r.tier_of.get(item)
        and not item.endswith(r.not_industry)
        and item not in r.slogans
        and not r.item["not_a_name"].search(item)
        and not any(part in r.generic for part in re.split("与|及|和", item) if part != item)
        and re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9+\-]+", item) is not None
        and not item.isdigit()
    )


WEAK_TAILS = ("领域", "行业", "板块", "赛道", "新赛道")


def _policy_list(items, r, weak_tail=True):
    """A list with one policy area, reform or campaign in it (扬尘、涂装印刷等领域) is no cluster list.

    Trades that safety campaigns name (烟花爆竹, 建筑施工) count only after a weak tail (…等领域).
    A list of bodies (由省轻工联社、某市工信局和某县人民政府共同发起的…特色产业) names their event's subject, not industries."""
    return any(
        r.item["policy_item"].search(item)
        or item in r.slogans
        or (weak_tail and r.item["campaign_item"].search(item))
        or r.item["organization_item"].search(item)  # 由省轻工联社、某市工信局和某县人民政府共同发起的
        for item in items
    )


def _industry_like(item, r):
    return item in r.lexicon or bool(tags_for(item)) or item.endswith(r.heads) or any(h in item for h in r.heads)


def _split_and(item, r, known_parts_only=False):
    """人工智能和元宇宙 → two names, unless the whole is a known industry (软件和信息服务).

    With `known_parts_only`, split only when every part is a known industry.
    """
    # 及/与 join one named cluster (汽车及零部件, 新能源及绿色低碳, 生物医药与健康); only 和 lists two.
    if item in r.lexicon or "和" not in item:
        return [item]
    parts = [p for p in item.split("和") if p]
    # Parts that each look like an industry (新能源汽车配件和电子智能制造) are two names even alone.
    if (
        known_parts_only
        and not all(p in r.lexicon for p in parts)
        and not (len(parts) == 2 and all(len(p) >= 4 and _industry_like(p, r) for p in parts))
    ):
        return [item]
    return parts if len(parts) >= 2 and all(len(p) >= 2 for p in parts) else [item]


def _tier(match, sentence_text, r):
    """The tier a list's tail gives (三大主导产业), else one named just after it (的地标产业), else context."""
    if match.group("tier"):
        return r.tier_of[r.tier_words.findall(match.group("tier"))[-1]]
    ahead = re.split("[；;]", sentence_text[match.end() :], maxsplit=1)[0][:30]
    later = r.tier_named_after.search(ahead)
    if later:
        return r.tier_of[later.group(1)]
    if match.group("tail") in ("新赛道", "赛道"):
        return r.tier_of["新赛道"]
    return _tier_before(sentence_text[: match.start()], r)


def _tier_before(text, r):
    before = r.tier_word.findall(text)
    return r.tier_of[before[-1]] if before else "other"


def _listed_items(listed, r, weak_tail=True):
    """(names, is a list, led by a development verb) for the text between a list's start and its tail."""
    titles = list(r.item["person_list"].finditer(listed))
    if titles:
        # 区委副书记、区长某某聚焦A和B产业领域: people listed first, their industries after the verb.
        cuts = [m.end() for m in r.cut_words.finditer(listed, titles[-1].end())]
        listed = listed[max(cuts, default=len(listed)) :]
    raw_items = re.split("[、/／]|以及", listed.lstrip("、"))
    # 茶叶、中药材是该县的两大主导产业: the copula and the place before the tail are not the last name.
    raw_items[-1] = r.item["copula_suffix"].sub("", raw_items[-1])
    if raw_items[-1].endswith("的"):
        return [], False, False  # "…化的产业承载空间": an attribute, not a list of industries
    if _policy_list(raw_items, r, weak_tail) or r.item["chain_links"].search(raw_items[-1]):
        return [], False, False
    if len(raw_items) >= 2 and r.item["verb_object_tail"].fullmatch(raw_items[-1].strip()):
        return [], False, False  # 稳经济、促投资、兴产业: slogans of verb and object, the last being 兴+产业
    is_list = len([x for x in raw_items if x.strip()]) >= 2
    first = _clean_item(raw_items[0], r, first=True)
    lead = raw_items[0][: raw_items[0].rfind(first)] if first else raw_items[0]
    lead = re.sub(
        r"(?:[\d一二三四五六七八九十两]+个)?(?:[\d一二三四五六七八九十两百千万]+亿级(?:(?:营收|产值)?规模)?的?|世界级|国家级|省级|万亿级)$",
        "",
        lead,
    )
    if not is_list and lead.endswith("的"):
        return [], False, False  # "…更先进的光伏产业": described, not backed
    items = []
    for index, raw in enumerate(raw_items):
        item = first if index == 0 else _clean_item(raw, r, first=False)
        items.extend(_split_and(item, r, known_parts_only=not is_list))
    return [i for i in items if _valid(i, r)], is_list, bool(r.verbs.search(lead))


def _accepted(items, is_list, verb_before, match, sentence_text, r):
    """Whether a list closed by `match` names industries the city backs."""
    measure = match.group("tail") == "产业" and r.measure.match(sentence_text, match.end())
    if measure and not all(i in r.lexicon for i in items):
        # 高新技术产业产值 names a statistic, not a cluster; 食品加工、高端化肥、生物医药产业产值分别增长…
        # gives each industry of a list its own figure.
        return is_list and bool(r.each_after_measure.match(sentence_text, measure.end()))
    industry_like = [_industry_like(i, r) for i in items]
    if match.group("umbrella"):
        return True  # "牛油果、咖啡等特色农业": the sector word says what the names are
    if is_list:
        # 甘薯、酒葡萄、核桃等特色产业: 等 (or a count) and a tier say the names are the place's industries.
        tiered = match.group("tier") and (match.group("etc") or match.group("count"))
        return bool(tiered) or sum(industry_like) * 2 >= len(items)
    known = all(industry_like)
    strong_tail = match.group("tail") in ("产业集群", "集群") or match.group("count") or match.group("etc")
    # "清洁能源产业集群新增签约21个项目": a known industry named as a 产业集群 is one of the city's.
    return (verb_before and (known or strong_tail)) or (known and match.group("tail") in ("产业", "产业集群"))


def _named_after_verb(before, match, r):
    """为发展纺织服装产业提供…: a known industry after a development verb is closed by 产业 alone."""
    named = r.verb_named.search(before)
    return match.group("tail") == "产业" and named is not None and named.group("name") in r.lexicon


def _industries_among_firms(items, is_list, match, r):
    """大地、洁石、…、新型碳材料、不锈钢等12个产业链: a counted list of chains named after lead firms
    and after industries gives its industries (at least two), not the firms."""
    if not (is_list and match.group("count") and match.group("tail") in r.mixed_list_tails):
        return []
    industries = [i for i in items if _industry_like(i, r)]
    return industries if len(industries) >= 2 else []


def _joined_sector(after, r):
    """…等现代服务业和现代高效农业，: a sector joined after a list closed by a sector word."""
    joined = r.umbrella_joined.match(after)
    return [joined.group("name")] if joined and _valid(joined.group("name"), r) else []


def _tail_lists(sentence, text, r):
    """ClusterFacts from lists closed by a tail: 三大主导产业, 等新赛道, “两大”."""
    if not could_match(r.tail, sentence.text):
        return  # no tail word (产业, 领域 …) anywhere: the masking and the scan below would find nothing
    if r.item["project_subject"].match(sentence.text):
        return  # 项目以…为导向，重点发展…: one project's focus
    list_start = accepted_end = 0
    # A short note in parentheses (生物医药（含医疗器械）) is blanked so it neither breaks nor joins the list.
    masked = r.item["parenthetical"].sub(lambda m: "\0" * len(m.group(0)), sentence.text)
    # 先进装备“智”造: quotes around a character or two inside a name are blanked, not list breaks.
    masked = r.inner_quote.sub(lambda m: "\0" + m.group(1) + "\0", masked)
    for match in r.tail.finditer(masked):
        if match.group("umbrella") and not match.group("etc"):
            continue  # 制造业 closes a list only after 等: "汽车、船舶等装备制造业"
        marked = (
            match.group("etc")
            or match.group("count")
            or match.group("quoted")
            or match.group("tail") == "产业集群"
            or (match.group("tier") and match.group("tail") == "产业")
        )
        if match.start() and masked[match.start() - 1] == "、" and match.group(0) == match.group("tail"):
            continue  # 共同搭建文旅、产业等多领域: 产业 is an item of the list, not the tail of the name before it
        if (
            match.start()
            and masked[match.start() - 1] in "、和及与"
            and not (match.group("etc") or match.group("count") or match.group("quoted"))
            and not r.tier_word_end.search(masked, 0, match.start() - 1)
            and not masked.startswith("、", match.end())
        ):
            # 区位优越、主导产业特色鲜明; 介绍了经济社会和特色产业发展情况: a (tiered) 产业 right after a list
            # mark names no industry of its own; it is one more item (an attribute, a topic), not a tail
            # (新兴和未来产业 is one tail with two tiers). What follows it may be listed on (投资环境及重点产业、文旅康养产业).
            # Followed by 、 it is an item of a list that goes on (大健康、大数据、战略性新兴产业、工业), so the list stands.
            list_start = match.end()
            continue
        # "等…领域", "三大…产业", "…产业集群" close a list whatever follows; a bare 产业 must end the phrase.
        single = not marked and (
            r.single_name_follower.match(masked, match.end()) or _named_after_verb(masked[: match.start()], match, r)
        )
        # 汽车产业、电子信息产业三年行动计划: a name right after "X产业、" is one more of the same list.
        joined = masked[list_start : list_start + 1] in ("、", "和", "及", "与")
        listed_on = joined and list_start and "、" not in masked[list_start + 1 : match.start()]
        listed_on = listed_on and not masked.startswith("化", match.end())  # …、数字产业化 is a policy phrase
        loose = not marked and not single and not listed_on and not r.tail_follower.match(masked, match.end())
        # 文旅产业发展后劲足: before 发展 only a known industry's name is taken (not 竹山县卫浴, 研究部署…).
        known_only = loose and r.known_name_follower.match(masked, match.end())
        if loose and not known_only:
            continue
        stop = max((m.end() for m in HARD_STOP.finditer(masked, list_start, match.start())), default=list_start)
        if single:
            stop = max(stop, masked.rfind("、", stop, match.start()) + 1)  # only the name right before 产业
        list_start = match.end()
        after = masked[match.end() :]
        if (
            r.item["cooperation_after"].match(after)
            or r.item["cooperation_before"].search(masked, 0, stop)
            or r.item["policy_after"].match(after)
            or r.item["projects_after"].match(after)
            or r.item["policy_context"].search(masked, 0, stop)
            or r.item["agreement_before"].search(masked, 0, stop)
            or r.item["project_name_after"].match(after)
            or r.item["market_before"].search(masked, stop, match.start())
            or r.item["talks_before"].search(masked, 0, match.start())
        ):
            continue  # fields of cooperation, of control or of spending, not industries the city backs
        # 项目涵盖A和B产业、C产业、D等…: the whole clause, not only this link of the list, says whose fields they are.
        clause = max((m.end() for m in HARD_STOP.finditer(masked, 0, match.start())), default=0)
        if r.item["project_fields"].search(masked[min(stop, clause) : match.start()]) or (
            r.item["project_batch_fields"].search(masked[stop : match.start()]) and "项目" in masked[:stop]
        ):
            continue  # 项目涉及卫浴、汽配等领域, 签约10个项目，涵盖…: the signed projects' fields
        items, is_list, verb_before = _listed_items(
            masked[stop : match.start()].replace("\0", ""), r, weak_tail=match.group("tail") in WEAK_TAILS
        )
        if known_only and not (len(items) == 1 and items[0] in r.lexicon and items[0] == masked[stop : match.start()]):
            continue
        # 汽车零部件产业、藏茶产业、林竹产业: a name in a chain of X产业 whose previous link was taken is
        # one more of the same list, known or not.
        chained = listed_on and accepted_end == stop and len(items) == 1 and _unknown_name_ok(items[0], r)
        # 50亿级的新材料产业链, 5亿级的特色食品产业链: a revenue grade before one name says it is the place's chain.
        graded = (
            not is_list
            and len(items) == 1
            and r.item["graded_lead"].match(masked, stop)
            and (items[0] in r.lexicon or (len(items[0]) <= 8 and not r.cut_words.search(items[0])))
        )  # a tier word may open the name here (特色食品): the grade, not the word, says it is a chain
        chained = chained or graded
        if items and not chained and not _accepted(items, is_list, verb_before, match, sentence.text, r):
            items = _industries_among_firms(items, is_list, match, r)
        if not items:
            continue
        accepted_end = match.end()
        if match.group("umbrella"):
            items += _joined_sector(masked[match.end() :], r)
        tier = _tier(match, sentence.text, r)
        confidence = 0.85 if is_list or match.group("count") else (0.7 if verb_before else 0.5)
        evidence = Span(sentence.start + stop, sentence.start + match.end(), sentence.text[stop : match.end()])
        for item in items:
            yield ClusterFact(name=item, tier=tier, evidence=evidence, confidence=confidence, tags=tags_for(item))


def _facts(sentence, match, items, tier, confidence):
    """One ClusterFact per name, all quoting the matched passage."""
    evidence = Span(sentence.start + match.start(), sentence.start + match.end(), match.group(0))
    for item in items:
        yield ClusterFact(name=item, tier=tier, evidence=evidence, confidence=confidence, tags=tags_for(item))


def _named_by_umbrella(listed, tail, r):
    """Whether a sector word found as a tail (制造业 in 重点导入新材料、高端装备制造业) ends a specific
    known industry's name rather than closing a list."""
    if not tail.group("umbrella") or tail.group("etc"):
        return False
    start = max(listed.rfind(sep, 0, tail.start()) for sep in "、和") + 1
    name = listed[start : tail.end()]
    ends_item = tail.end() == len(listed) or listed[tail.end()] in "、和"
    return ends_item and name in r.lexicon and _valid(name, r)


def _verb_lists(sentence, r):
    """ClusterFacts from 加快发展A和B, when every name is a known industry; from a longer list after a
    priority verb (重点引进航空服务、综合保税、现代物流、生物医药等) at least half known, its known names."""
    if r.item["project_subject"].match(sentence.text):
        return  # 项目以…为导向，重点发展…: one project's focus
    for match in r.verb_list.finditer(sentence.text):
        listed = match.group("items")
        listed = listed[:-1] if listed.endswith("等") else listed
        items = [i for raw in listed.split("、") for i in _split_and(raw.strip(), r)]
        # Only a priority verb (重点引进, 重点发展 …) vouches for a list it names partly (大力发展首发经济、
        # 夜间经济、数字消费 is a consumption slogan), or for a sector word ending a specific known industry
        # (重点导入新材料、高端装备制造业; 大力发展生产性服务业 is a sector).
        priority = sentence.text.startswith("重点", match.start())
        # Lists with a tail were read by _tail_lists.
        tails = (t for t in r.tail.finditer(listed) if not (priority and _named_by_umbrella(listed, t, r)))
        if not items or next(tails, None) or _policy_list(items, r):
            continue
        if "项目" in match.group("items"):
            continue  # 重点引进电子信息、机械制造、生物医药等高附加值、高技术含量项目: kinds of project
        known = [i for i in items if i in r.lexicon]
        if len(known) < len(items) and not (
            priority and len(items) >= 3 and len(known) >= 2 and len(known) * 2 >= len(items)
        ):
            continue
        yield from _facts(sentence, match, known, _tier_before(sentence.text[: match.start()], r), 0.6)


def _role_phrases(sentence, r):
    """以人工智能为引领、以先进计算和新型储能为支撑: known industries given a role."""
    for match in r.role_phrase.finditer(sentence.text):
        items = [INDUSTRY_SUFFIX.sub("", i) for i in _split_and(match.group("items"), r)]
        if _policy_list(items, r) or not all(_industry_like(i, r) and _valid(i, r) for i in items):
            continue
        tier = _tier_before(sentence.text[: match.start()], r)
        yield from _facts(sentence, match, items, tier, 0.6)
        # 以现代物流为基础、加工制造业为核心、国际贸易服务为支撑: one 以 gives every name after it a role.
        end = match.end()
        while chained := r.role_chain.match(sentence.text, end):
            end = chained.end()
            raw = re.split("、|和", chained.group("items"))
            items = [INDUSTRY_SUFFIX.sub("", i) for i in raw if i]
            if not _policy_list(items, r) and all(_industry_like(i, r) and _valid(i, r) for i in items):
                yield from _facts(sentence, chained, items, tier, 0.6)


def _header_lists(sentence, r):
    """主导产业——新一代电子信息、半导体与集成电路、新型储能: a tier heading its clusters."""
    for match in r.header_list.finditer(sentence.text):
        raw_items = match.group("items").split("、")
        if _policy_list(raw_items, r):
            continue
        items = [i for raw in raw_items for i in _split_and(_clean_item(raw.strip(), r, first=False), r)]
        items = [i for i in items if _valid(i, r)]
        if not items or sum(_industry_like(i, r) for i in items) * 2 < len(items):
            continue
        yield from _facts(sentence, match, items, r.tier_of[match.group("tier")], 0.8)


def _named_lists(sentence, r):
    """主导产业为A、B和C; 以A、B、C为主的产业体系; “A+B+C”产业: two names or more, mostly industries."""
    for pattern, separators in (
        (r.header_list_verbs, "、|和|及|以及"),
        (r.role_list, "、|和|及|以及"),
        (r.plus_list, r"\+"),
    ):
        for match in pattern.finditer(sentence.text):
            # 装备制造（含军民融合、机器人）: a note in parentheses is neither a name nor a list break.
            listed = r.item["parenthetical"].sub("", match.group("items"))
            raw_items = [x for x in re.split(separators, listed) if x.strip()]
            if len(raw_items) < 2 or _policy_list(raw_items, r):
                continue
            items = [_clean_item(raw.strip(), r, first=False) for raw in raw_items]
            items = [i for i in items if _valid(i, r)]
            industry_like = sum(_industry_like(i, r) for i in items)
            # 以A、B为主体的先进材料集群: the cluster named after the list is one too, and says what they are.
            after_de = pattern is r.role_list and match.group(0).endswith("的")
            umbrella = r.item["umbrella_after_role"].match(sentence.text, match.end()) if after_de else None
            if umbrella and _valid(umbrella.group("name"), r) and _industry_like(umbrella.group("name"), r):
                items.append(umbrella.group("name"))  # the cluster named after the list is one too
            # A tier word (主导产业为…) says what the names are: half of them known is enough.
            lenient = pattern is r.header_list_verbs
            if len(items) < 2 or (umbrella is None and industry_like * (2 if lenient else 1) < len(items)):
                continue
            tier = r.tier_of[match.group("tier")] if "tier" in match.groupdict() and match.group("tier") else None
            yield from _facts(sentence, match, items, tier or _tier_before(sentence.text[: match.start()], r), 0.7)


def _designated(sentence, r):
    """将汽车零部件产业确立为全县“首位产业”: names given the place's leading role by a designation verb."""
    for match in r.designated.finditer(sentence.text):
        raw_items = [x for x in re.split("、|和|及|以及", match.group("items")) if x.strip()]
        if _policy_list(raw_items, r):
            continue
        items = [
            INDUSTRY_SUFFIX.sub("", _clean_item(raw.strip(), r, first=index == 0))
            for index, raw in enumerate(raw_items)
        ]
        items = [i for i in items if _valid(i, r)]
        if not items:
            continue  # the role word (首位, 主导 …) says what the names are: no need to know them
        tier = r.tier_of.get(match.group("tier") or "", None) or _tier_before(sentence.text[: match.start()], r)
        yield from _facts(sentence, match, items, tier, 0.7)


def _sectors_after_verb(sentence, r):
    """加快发展现代都市型农业: a kind of farming or tourism a development verb names, ending its clause."""
    if "发展" not in sentence.text or r.sector_not_sentence.search(sentence.text):
        return
    for match in r.sector_after_verb.finditer(sentence.text):
        name = match.group("name")
        if _valid(name, r) and not _policy_list([name], r):
            yield from _facts(sentence, match, [name], _tier_before(sentence.text[: match.start()], r), 0.5)


def _statistics_sectors(sentence, r):
    """从行业看，不锈钢产业同比增长6.9%，再生纸产业同比下降23.3%: the industries a statistics note
    reports by sector, named with 产业 (the classification's sectors are not)."""
    frame = r.statistics_frame.search(sentence.text)
    if frame is None:
        return
    for match in r.statistics_item.finditer(sentence.text, frame.end()):
        name = match.group("name")
        if (name in r.lexicon and _valid(name, r)) or _unknown_name_ok(name, r):
            yield from _facts(sentence, match, [name], "other", 0.5)


def _verb_each_lists(sentence, r):
    """做优茶叶、做强中药材、做大生态旅游: each name after a development verb of its own."""
    for match in r.verb_each_list.finditer(sentence.text):
        items = [r.verb_each_verb.sub("", raw) for raw in match.group(0).split("、")]
        items = [INDUSTRY_SUFFIX.sub("", i) for i in items]
        if len(items) < 2 or _policy_list(items, r) or not all(_valid(i, r) and _industry_like(i, r) for i in items):
            continue
        yield from _facts(sentence, match, items, _tier_before(sentence.text[: match.start()], r), 0.6)


def _base_lists(sentence, r):
    """打造新材料战略基地、新能源示范基地、中国算力之都和国际沙漠旅游目的地: the industries named in
    a list of two bases, capitals or destinations the place builds."""
    for match in r.base_list.finditer(sentence.text):
        raw_items = [x for x in re.split("、|和", match.group("items")) if x.strip()]
        named = [r.base_item.fullmatch(raw.strip()) for raw in raw_items]
        if len(raw_items) < 2 or not all(named):
            continue
        items = [m.group("name") for m in named]
        if _policy_list(items, r) or not all(_valid(i, r) and _industry_like(i, r) for i in items):
            continue
        yield from _facts(sentence, match, items, _tier_before(sentence.text[: match.start()], r), 0.6)


def _chain_headings(sentence, r):
    """眼镜产业链方面，招引…; 脐橙（小水果）产业链方面，…: a chain plan's paragraph opened by its chain's name."""
    if "方面" not in sentence.text:
        return
    match = r.chain_heading.match(sentence.text)
    if match is None:
        return
    items = [i for i in match.group("items").split("、") if i]
    if _policy_list(items, r) or not all(i in r.lexicon or _unknown_name_ok(i, r) for i in items):
        return
    yield from _facts(sentence, match, items, _tier_before(sentence.text[: match.start()], r), 0.6)


def _zone_lists(sentence, r):
    """以农牧产品加工、现代畜牧养殖、装备制造四大集聚区为承载: a counted list of zones named by their industries."""
    if "区" not in sentence.text and "园" not in sentence.text:
        return
    for match in r.zone_list.finditer(sentence.text):
        raw_items = [x for x in re.split("、|和|及", match.group("items")) if x.strip()]
        if len(raw_items) < 2 or _policy_list(raw_items, r):
            continue
        items = [_clean_item(raw, r, first=index == 0) for index, raw in enumerate(raw_items)]
        items = [i for i in items if _valid(i, r)]
        if len(items) < 2 or sum(_industry_like(i, r) for i in items) * 2 < len(items):
            continue
        yield from _facts(sentence, match, items, _tier_before(sentence.text[: match.start()], r), 0.6)


def _repeated_tail_lists(sentence, r):
    """酿品产业集群、饮品产业集群、乳品产业集群: three names or more, each closed by the same tail, are a
    list of clusters by the repeated tail alone, known names or not."""
    if "产业集群、" not in sentence.text and "产业链、" not in sentence.text:
        return
    for match in r.repeated_tail_list.finditer(sentence.text):
        raw_items = [INDUSTRY_SUFFIX.sub("", x) for x in match.group(0).split("、")]
        if _policy_list(raw_items, r):
            continue
        items = [_clean_item(raw, r, first=index == 0) for index, raw in enumerate(raw_items)]
        items = [i for i in items if _valid(i, r) and (i in r.lexicon or _unknown_name_ok(i, r))]
        if len(items) >= 3:
            yield from _facts(sentence, match, items, _tier_before(sentence.text[: match.start()], r), 0.7)


def _styled_development(sentence, r):
    """支持精制茶产业差异化发展, 推进林竹产业化发展: an industry given the way it is to grow."""
    if "化发展" not in sentence.text:
        return
    for match in r.styled_development.finditer(sentence.text):
        name = match.group("name")
        if (
            r.styled_not_name.search(name)
            or not _valid(name, r)
            or not (name in r.lexicon or _unknown_name_ok(name, r))
        ):
            continue
        yield from _facts(sentence, match, [name], _tier_before(sentence.text[: match.start()], r), 0.5)


def _one_character_names(sentence, r):
    """以铝产业为主导, 发展茶精深加工: a one-character material or crop named as an industry."""
    starts = (m.start() for m in r.one_character_start.finditer(sentence.text))
    for match in finditer_at(r.one_character, sentence.text, starts):
        if r.item["project_name_after"].match(sentence.text[match.end() : match.end() + 16]):
            continue  # 本次开工的茶产业项目3个: the field of a batch of projects
        yield from _facts(sentence, match, [match.group("name")], _tier_before(sentence.text[: match.start()], r), 0.6)


def _role_followers(sentence, r):
    """以铝产业为主导，门业、建材装饰、农林产品加工等…: the industries that follow the leading one."""
    for match in r.role_followers.finditer(sentence.text):
        raw_items = match.group("items").split("、")
        if len(raw_items) < 2 or _policy_list(raw_items, r):
            continue
        items = [i for raw in raw_items for i in _split_and(_clean_item(raw.strip(), r, first=False), r)]
        items = [i for i in items if _valid(i, r)]
        if len(items) < 2 or sum(_industry_like(i, r) for i in items) * 2 < len(items):
            continue
        yield from _facts(sentence, match, items, _tier_before(sentence.text[: match.start()], r), 0.6)


def _output_names(sentence, r):
    """新型功能材料产值达1000亿元: an industry given an output figure or goal."""
    for match in finditer_if_possible(r.output_measure, sentence.text):
        item = INDUSTRY_SUFFIX.sub("", _clean_item(match.group("items"), r, first=True))
        items = [i for i in re.split("及|和|与", item) if i] if "及" in item or "和" in item else [item]
        if len(items) > 1 and not all(len(i) >= 2 and _industry_like(i, r) for i in items):
            items = [item]
        if all(_valid(i, r) and _industry_like(i, r) for i in items):
            yield from _facts(sentence, match, items, _tier_before(sentence.text[: match.start()], r), 0.6)


CLAUSE_STOP = re.compile(r"[，,。；;：:！？!?\n]")


def _known_ending_at(text, end, r, start=0):
    """The longest lexicon word ending at `end` (and starting at `start` or later), else None."""
    longest = min(r.lexicon_longest, end - start)
    return next((text[end - n : end] for n in range(longest, 1, -1) if text[end - n : end] in r.lexicon), None)


def _owned_by_place(text, start, subject_names, r):
    """Whether the name starting at `start` is written as the place's own: 海口的互联网产业, 全县茶叶产业."""
    before = text[max(0, start - 12) : start]
    before = before[:-1] if before.endswith("的") else before
    return bool(r.lexicon_owner.search(before)) or any(
        len(place) >= 2 and before.endswith(place) for place in subject_names
    )


def _lexicon_names(sentence, r, subject_names=()):
    """The second signal, whatever the list shape: 筑牢新能源产业发展高地, 形成…的新能源产业格局.

    A known industry (the longest lexicon word ending right before the tail) closed by 产业, 产业链
    or 集群, where the sentence up to the end of its clause frames the place developing it and the
    clause, up to the tail, is not about a project, an agreement, a company or an investment's field.
    """
    text = sentence.text
    signing = r.lexicon_not_place_sentence.search(text)
    for tail in r.lexicon_tail.finditer(text):
        name = _known_ending_at(text, tail.start(), r)
        if name is None or not _valid(name, r):
            continue
        start = tail.start() - len(name)
        if text.endswith("等", 0, start):
            continue  # 马铃薯、瓜菜等特色农业产业: the list's umbrella, not one more industry
        if r.item["project_name_after"].match(text[tail.end() : tail.end() + 16]):
            continue  # 某乡农业产业发展基地建设项目: a project's name
        if _owned_by_place(text, start, subject_names, r):
            # 海口的互联网产业, 企业是松江新一代电子信息产业链上的重要一环: the place's own industry,
            # whatever else the clause or the sentence is about.
            evidence = Span(sentence.start + start, sentence.start + tail.end(), text[start : tail.end()])
            yield ClusterFact(
                name=name, tier=_tier_before(text[:start], r), evidence=evidence, confidence=0.5, tags=tags_for(name)
            )
            continue
        if signing:
            continue
        if text.endswith("的", 0, start) and (tail.end() == len(text) or CLAUSE_STOP.match(text, tail.end())):
            continue  # 布局更先进的光伏产业。: an industry described, not one the place has (…的新能源产业格局 is)
        clause_start = max((m.end() for m in CLAUSE_STOP.finditer(text, 0, start)), default=0)
        stop = CLAUSE_STOP.search(text, tail.end())
        clause_end = stop.start() if stop else len(text)
        # What the clause is about comes before the tail (该项目…数字经济产业), not after it
        # (半导体产业要突出项目招引).
        if r.lexicon_not_place.search(text, clause_start, tail.end()):
            continue
        if not r.lexicon_frame.search(text, 0, clause_end):
            continue
        names = [name]
        # 生命健康和半导体产业: known names joined by 和/、/及 before it share its tail.
        while start > clause_start + 2 and text[start - 1] in "和、及与":
            joined = _known_ending_at(text, start - 1, r, clause_start)
            if joined is None or not _valid(joined, r):
                break
            if text[start - 1] in "及与" and text.startswith("产业链", tail.start()) and len(names) == 1:
                # 化工及新材料产业链服务团队: A及B before 产业链 names one chain, not two industries.
                names = [f"{joined}{text[start - 1]}{names[0]}"]
                start -= len(joined) + 1
                break
            names.append(joined)
            start -= len(joined) + 1
        evidence = Span(sentence.start + start, sentence.start + tail.end(), text[start : tail.end()])
        tier = _tier_before(text[:start], r)
        for item in reversed(names):
            yield ClusterFact(name=item, tier=tier, evidence=evidence, confidence=0.5, tags=tags_for(item))
    if not signing:
        yield from _copula_names(sentence, r, subject_names)
        yield from _brand_names(sentence, r, subject_names)


def _copula_names(sentence, r, subject_names=()):
    """化工新材料是我市重点培育的特色产业: known industries opening a clause that gives them a role.

    When the role is the place's own (是我市传统产业和主导产业, 是某县的首位产业), the names need not be
    known: 领带服装和厨具产业是我市传统产业 names 厨具 too."""
    text = sentence.text
    # The copula pattern needs 产业 and 是/为 (成为 included): most sentences have neither, and their
    # clauses need not be walked.
    if "产业" not in text or ("是" not in text and "为" not in text):
        return
    clause_start = 0
    for stop in [*CLAUSE_STOP.finditer(text), None]:
        clause_end = stop.start() if stop else len(text)
        # endpos reads the text as if it ended there, without copying it per clause
        match = r.lexicon_copula.match(text, clause_start, clause_end)
        if match and not r.lexicon_not_place.search(text, clause_start, clause_end):
            raw = re.split("、|和", match.group("subject"))
            items = [INDUSTRY_SUFFIX.sub("", _clean_item(i, r, first=n == 0)) for n, i in enumerate(raw)]
            items = [i[:-1] if i.endswith("业") and i[:-1] in r.lexicon else i for i in items]
            predicate = match.group(0)[len(match.group("subject")) :]
            owned = r.lexicon_copula_owner.search(predicate) or any(
                len(place) >= 2 and place in predicate for place in subject_names
            )
            if items and all(i in r.lexicon or (owned and _unknown_name_ok(i, r)) for i in items):
                yield from _facts(sentence, match, items, _tier_before(match.group(0), r), 0.5)
        clause_start = stop.end() if stop else clause_end


def _unknown_name_ok(name, r):
    """A name the lexicon does not know, taken on the text's word alone: short, with no verb or role in it."""
    return (
        _valid(name, r)
        and len(name) <= 6
        and not r.cut_words.search(name)
        and not r.tier_words.search(name)
        and not re.search("[作列定等]$", name)
        and not _policy_list([name], r)
    )


def _brand_names(sentence, r, subject_names):
    """擦亮眉县猕猴桃金字招牌, 做大苍溪红心猕猴桃品牌: the product a place brands with its own name is
    its industry."""
    text = sentence.text
    for tail in r.brand_tail.finditer(text):
        for length in range(2, 6):
            start = tail.start() - length
            name = text[start : tail.start()]
            if start < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
                break
            if any(len(place) >= 2 and text.endswith(place, 0, start) for place in subject_names):
                if _unknown_name_ok(name, r) and not r.brand_not_name.search(name):
                    evidence = Span(sentence.start + start, sentence.start + tail.end(), text[start : tail.end()])
                    yield ClusterFact(name=name, tier="other", evidence=evidence, confidence=0.5, tags=tags_for(name))
                break


def find_clusters(text, foreign_sentence=lambda s: False, names_other_place=lambda text: False, subject_names=()):
    """ClusterFacts for the lists of industries the article says the city develops; the first mention wins.

    `names_other_place(text)` tells a sentence about working with another place
    (与余姚在关键零部件等领域开展合作), whose fields are shared, not the city's clusters.
    `subject_names` (the city's names) mark a known industry written as the place's own (海口的互联网产业).
    """
    r = rules()
    found = {}
    for sentence in city_sentences(text, r.company, foreign_sentence):
        if r.cooperation.search(sentence.text) and names_other_place(sentence.text):
            continue
        for fact in (
            *_header_lists(sentence, r),
            *_tail_lists(sentence, text, r),
            *_verb_lists(sentence, r),
            *_role_phrases(sentence, r),
            *_output_names(sentence, r),
            *_one_character_names(sentence, r),
            *_role_followers(sentence, r),
            *_named_lists(sentence, r),
            *_designated(sentence, r),
            *_base_lists(sentence, r),
            *_verb_each_lists(sentence, r),
            *_sectors_after_verb(sentence, r),
            *_statistics_sectors(sentence, r),
            *_chain_headings(sentence, r),
            *_zone_lists(sentence, r),
            *_styled_development(sentence, r),
            *_repeated_tail_lists(sentence, r),
        ):
            found.setdefault(fact.name, fact)
    for clause in _lead_clauses_of_company_sentences(text, r, foreign_sentence):
        for fact in _tail_lists(clause, text, r):
            found.setdefault(fact.name, fact)
    listed = tuple(found)
    for sentence in city_sentences(text, r.company, foreign_sentence):
        if r.cooperation.search(sentence.text) and names_other_place(sentence.text):
            continue
        for fact in _lexicon_names(sentence, r, subject_names):
            # 泵阀产业 adds nothing to a list that gave 电机泵阀 (nor 家电 to 智能家电).
            # 领带服装和厨具 (one name to the list shape, 厨具 being unknown) is two when a copula names both.
            if not any(
                (fact.name in name or name in fact.name) and not _part_of_pair(fact.name, name, r) for name in listed
            ):
                found.setdefault(fact.name, fact)
    return _drop_compound_duplicates(list(found.values()), r.specific_modifiers)


def _lead_clauses_of_company_sentences(text, r, foreign_sentence):
    """围绕生猪养殖产业链，某有限公司屠宰项目已投产: a sentence about a company is passed over, but
    its opening clause, framed by a development verb and naming no company, is the place's."""
    kept = {s.start for s in city_sentences(text, r.company, foreign_sentence)}
    for sentence in all_sentences(text):
        if sentence.start in kept or foreign_sentence(sentence):
            continue
        lead = r.lead_clause.match(sentence.text.lstrip())
        if lead and not r.company.search(lead.group(0)):
            offset = len(sentence.text) - len(sentence.text.lstrip())
            yield Span(sentence.start + offset, sentence.start + offset + lead.end(), lead.group(0))


def _part_of_pair(part, name, r):
    """Whether `part` is one side of an unknown name joined by 和 (领带服装 in 领带服装和厨具)."""
    return name not in r.lexicon and part in name.split("和")


def _drop_compound_duplicates(clusters, modifiers=()):
    """新能源及新能源装备制造 adds nothing when 新能源 is listed on its own, nor 装备制造业 when 装备制造 is."""
    names = {c.name for c in clusters}
    keep = []
    for cluster in clusters:
        parts = re.split("及|与|和", cluster.name)
        if len(parts) > 1 and any(p in names for p in parts if p != cluster.name):
            continue
        if cluster.name.endswith("业") and cluster.name[:-1] in names:
            continue  # 装备制造业 adds nothing to 装备制造
        if any(modifier + cluster.name in names for modifier in modifiers):
            continue  # 物流 beside 现代物流: one industry named twice
        keep.append(cluster)
    return keep
