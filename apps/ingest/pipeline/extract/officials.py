"""Officials: government and party office holders named after their title (市委书记刘建国).

Company executives, researchers and reporters share the same "title + name" shape; they
are told apart by the title itself and by the organisation written before it.  National
leaders and officials of other places named in the article are left out.
"""

import re
from functools import lru_cache

from ..types import OfficialFact, Span
from .text import alternation, data, finditer_at, word_list

HARD_STOP = re.compile(r"[，,。；;：:“”\"！？!?\n《》]")
# Characters that follow a name far more often than they end one: 陈明在会上, 王芳就此.
FUNCTION_CHARS = set("在就对为与和及也还说等称向作将到从是")
# The middle dot between the parts of a transliterated minority name (阿依肯·阿斯拉汗), as pages write it.
NAME_DOTS = "·•．・‧∙"
DOTTED_NAME = re.compile(rf"[\u4e00-\u9fff]{{1,7}}[{NAME_DOTS}](?P<second>[\u4e00-\u9fff]{{2,10}})")
# A phase or project word right after (or inside) a would-be name: 区长康二期项目 is 高新区 + 长康二期项目.
PROJECT_TAIL = re.compile(r"[一二三四五六七八九十]期|项目|工程")
# A line of a roster: a two- or three-character name (a two-character one padded to three: 陈   丹),
# two or more spaces, then the person's posts to the end of the line.
ROSTER_LINE = re.compile(
    r"(?m)^(?P<name>[\u4e00-\u9fff](?:[ \u3000]{1,4}[\u4e00-\u9fff]|[\u4e00-\u9fff]{1,2}))[ \u3000]{2,}"
    r"(?P<title>[\u4e00-\u9fff、]{3,40})[ \u3000]*$"
)
# A byline line of a report whose title is spaced out character by character: "县 长 周某某", "市  长  李某".
SPACED_BYLINE = re.compile(
    r"(?m)^(?P<title>[\u4e00-\u9fff](?:[ \u3000]{1,3}[\u4e00-\u9fff]){1,4})[ \u3000]{1,4}"
    r"(?P<name>[\u4e00-\u9fff]{2,3})[ \u3000]*$"
)
# A name with no Han family name, from the title to the punctuation that ends it (旗长希尼，).
BARE_NAME = re.compile(r"[\u4e00-\u9fff]{2,5}?(?=[，,、。；;]|说|表示|主持)")
CLAUSE_END = re.compile(r"[，,；;。\n]")
# Characters that make a list item a place, a body or a group rather than a person.
NOT_IN_A_NAME = re.compile(r"[各全县市区乡镇村街部局委办处科所站室院校司厂企业代表负责同志单位有关相关等]")
# A two-character name padded with a space to the width of three-character ones in a list (、李 杰、).
PADDED_NAME = re.compile(r"([\u4e00-\u9fff])[ \u3000]{1,2}([\u4e00-\u9fff])(?=、|[，,。；;）)]|等|出席|参加|陪同|$)")
LEADING_FILLER = re.compile(
    r"^(?:我们|在|据|由|经|和|与|及|同|对|向|有请|请|邀请到|邀请|欢迎|其中|包括|以及|陪同|会同)+"
)


class OfficialRules:
    def __init__(self):
        titles = data("official_titles.json")
        self.official_titles = set(titles["titles"])
        self.people_roles = set(titles["non_official_roles"])
        self.national = set(titles["national_leader_titles"]) | set(titles["higher_level_titles"])
        self.needs_organisation = set(titles["prefix_required"])
        markers = data("official_context.json")
        self.institution = re.compile(alternation(markers["institution_markers"]))
        self.government = re.compile(alternation(markers["government_markers"] + titles.get("org_prefixes", [])))
        self.higher_level = re.compile(markers["higher_level_title"])
        self.boundary = re.compile("(?:" + alternation(markers["after_name"]) + '|[、，,。；;：:“”"(（）)！？!?\\s]|$)')
        self.speaker = re.compile(markers["untitled_speaker"])
        self.group_titles = set(markers["group_titles"])
        after_titles = alternation(markers["name_then_title"])
        surnames = word_list("surnames.txt")
        self.surname = "(?:" + alternation(surnames) + ")"
        # name_then_title and names_then_group begin with a name not preceded by a Chinese
        # character: only where a non-Chinese character comes before a surname's first character.
        assert all(surnames), "an empty surname would let a name begin anywhere"
        first_characters = "".join(sorted({surname[0] for surname in surnames}))
        self.before_name = re.compile(f"[^\u4e00-\u9fff](?=[{re.escape(first_characters)}])")
        # Tibetan names have no family name: one or two two-character parts (扎西, 才旺尼玛).
        self.tibetan = re.compile(f"(?:{alternation(markers['tibetan_name_parts'])}){{1,2}}")
        every_title = self.official_titles | self.people_roles | self.national | self.group_titles
        self.any_title = re.compile(alternation(every_title))
        # Spaces may stand between title and name in a byline or header: "县长 李明", a report's
        # "某某局局长  李明"; a group title may introduce its list: "出席活动的县领导有：李明、王芳".
        self.title_then_name = re.compile(
            f"({alternation(every_title)})(?:提名人选|候选人)?(?:[ 　]{{1,3}}|(?<=领导)(?:有[：:]?|[：:]))?"
            f"(?={self.surname}[\u4e00-\u9fff]|[\u4e00-\u9fff]{{1,7}}[{NAME_DOTS}]|{self.tibetan.pattern}"
            f"|{BARE_NAME.pattern})"
        )
        # Titles that are an office by themselves (县长, 副县长): one earlier in a person's chain makes
        # a role that needs an organisation (领导小组组长, 产业链链长) an official's too.
        self.office_in_chain = re.compile(alternation(self.official_titles - self.needs_organisation))
        self.title_shaped = re.compile(alternation(entry["word"] for entry in markers["title_shaped_words"]))
        self.surname_at = re.compile(self.surname)
        name = f"{self.surname}[\u4e00-\u9fff]{{1,2}}?"
        # 冼家豪市长作工作部署 / 聂远航，市委书记；卢文彬，市委副书记、市长；
        self.name_then_title = re.compile(
            rf"(?<![\u4e00-\u9fff])(?P<name>{name})(?P<title>(?:{after_titles}))(?={alternation(markers['after_name'])})"
            rf"|(?:^|(?<=[：:；;\n]))(?P<listed>{name})[，,](?P<listed_title>[^；;。\n]{{2,30}}?)(?=[；;。\n])"
        )
        groups = alternation(list(markers["group_after_names"]) + list(markers["group_titles"]))
        self.names_then_group = re.compile(rf"(?<![\u4e00-\u9fff])(?P<names>{name}(?:、{name})+)等(?:{groups})")
        # 某某主持召开常务会议，甲、乙、丙参加: a clause of bare names attending the meeting an official chairs.
        self.attendees = re.compile(
            rf"(?:^|(?<=[，,；;。\n]))(?P<names>{name}(?:、{name})+)等?(?:同志)?(?:参加|出席|列席)(?!仪式|活动)"
        )
        # The last name of a list may end its sentence, its line or the excerpt (县领导甲、乙、丙).
        self.list_more = re.compile(
            rf"、(?P<name>{self.surname}[\u4e00-\u9fff]{{1,2}}(?=、)"  # 马同和、: the reading the list comma ends
            rf"|{name}(?=、|{alternation(markers['after_name'])}|[，,。；;（()）\s]|$))"
        )
        # A list's last item closed by 等 or a word that follows names (、某某出席).
        self.list_end = re.compile("等|" + alternation(w for w in markers["after_name"] if len(w) > 1))
        # 县领导甲、乙和丙出席: 和 (以及) before the last name of a list of two or more.
        self.list_last = re.compile(
            rf"(?:和|以及)(?P<name>{name})(?=[，,。；;\s]|$|{alternation(markers['after_name'])})"
        )


@lru_cache(maxsize=1)
def rules():
    """The compiled rules, built once per process from the data files."""
    return OfficialRules()


def looks_like_a_word(name):
    """解读了 after 副市长 is the verb, not a person 解某: a verb jieba knows is no name."""
    from ..segment import is_verb

    return is_verb(name[:2]) or is_verb(name)


def place_is_name(name):
    """常德 is a place even though 常 is a family name."""
    from .places import place_index

    return name in place_index().names


def resolve_name(text, start, r):
    """The 2- or 3-character name starting at `start` (a surname comes first).

    A name is the reading that every mention in the article agrees with: 龚泽 when each
    龚泽 is followed by 主持 or 表示; 刘建国 when 刘建 is always followed by 国.
    """
    surname = r.surname_at.match(text, start)
    if not surname:
        return None
    base = surname.end() - start
    two, three = text[start : start + base + 1], text[start : start + base + 2]
    if not re.fullmatch(r"[\u4e00-\u9fff]+", two) or len(two) != base + 1:
        return None
    if len(three) < base + 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", three):
        return two
    if text[start + len(three) : start + len(three) + 1] == "、":
        return three  # 县领导马同和、李某: 和 before the list comma is no conjunction

    def always_ends_a_name(candidate):
        return all(r.boundary.match(text, m.end()) for m in re.finditer(re.escape(candidate), text))

    two_fits, three_fits = always_ends_a_name(two), always_ends_a_name(three)
    if two_fits != three_fits:
        return two if two_fits else three
    if two_fits:  # both readings fit everywhere: 王芳在考察 / 王芳认为
        if text.count(two) > text.count(three):
            return two
        # 宁致和 twice: the same third character after every mention belongs to the name.
        if text.count(three) >= 2 or three[-1] not in FUNCTION_CHARS:
            return three
        # 局长孙中和参加会议: a conjunction joins two people, never a person and a verb (参加, 出席);
        # 书记甲和县长乙 keeps its conjunction.
        return three if three[-1] in "和与及" and verb_follows(text, start + len(three)) else two
    fits_two = bool(r.boundary.match(text, start + len(two)))
    fits_three = bool(r.boundary.match(text, start + len(three)))
    if not fits_two and not fits_three and starts_a_word(text, start + len(two)):
        return two  # 申强着重指出: the third character begins the word that follows (着重)
    return two if fits_two and (not fits_three or three[-1] in FUNCTION_CHARS) else three


def dotted_name(text, start, r):
    """A transliterated name with a middle dot after a title: 州长叶尔夏提·吐尔逊拜参加 → the whole
    name, not 叶尔夏. The second part ends where every mention of it is followed by a word
    that can follow a name (参加, 说, 代表) or by punctuation."""
    match = DOTTED_NAME.match(text, start)
    if not match:
        return None
    ends = range(match.start("second") + 2, match.end() + 1)
    for end in ends:
        candidate = text[start:end]
        if all(r.boundary.match(text, m.end()) for m in re.finditer(re.escape(candidate), text)):
            return candidate
    return next((text[start:end] for end in ends if r.boundary.match(text, end)), match.group(0))


def tibetan_name(text, start, r):
    """县长才旺尼玛说 → 才旺尼玛: a Tibetan name of one or two parts, taken where a word that follows
    names (or punctuation) ends it; None where it does not (白玛丽 is no 白玛)."""
    match = r.tibetan.match(text, start)
    if not match:
        return None
    for end in sorted({match.end(), start + 2}, reverse=True):
        if r.boundary.match(text, end):
            return text[start:end]
    return None


def unsurnamed_name(text, start, r):
    """旗长希尼， / 主任斯日古楞， / 县长赛力克说: a Mongol, Kazakh or Yi name has no Han family name (or
    runs past the three characters of one); it is taken whole where it runs from the title to the
    punctuation. None for a Han name the surname reading settles, and for words (参加, 一行, 单位)."""
    match = BARE_NAME.match(text, start)
    if not match:
        return None
    name = match.group(0)
    surnamed = resolve_name(text, start, r)
    if surnamed and (
        r.boundary.match(text, start + len(surnamed)) or len(name) != 4 or len(surnamed) != 3 or starts_a_word(name, 2)
    ):
        return None  # 县长李明， / 县长李明主持 / 总经理赵某进一步表示: a Han name is the family-name reading
    if name[0] in FUNCTION_CHARS:
        return None  # 总书记在贵州、云南
    if NOT_IN_A_NAME.search(name) or looks_like_a_word(name) or is_dictionary_word(name):
        return None
    if is_common_word(name[:2]) or is_dictionary_word(name[:2]):
        return None  # 副县长分别、书记一行、县长参加会议: ordinary words, no name
    if any(looks_like_a_word(name[i : i + 2]) for i in range(1, len(name) - 1)):
        return None  # 市委常委会召开会议: a verb inside is a clause, no name
    return name


def part_of_a_project_name(text, start, name):
    """康二期 in 高新区长康二期项目: the characters after a title run into a phase or project word."""
    return bool(PROJECT_TAIL.search(text, start, start + len(name) + 2))


def deputy_head(previous_title, title):
    """The organisation a deputy shares with the head named just before: in 市政协主席甲，副主席乙、丙
    the bare 副主席 is of 市政协. Returns 市政协, or "" when the previous title is not the same post."""
    previous = previous_title.split("、")[-1]
    base = re.sub(r"^(?:常务)?副", "", title)
    if not base or not previous.endswith(base):
        return ""
    return re.sub(rf"(?:常务)?副?{re.escape(base)}$", "", previous)


def organisation_of(title, r):
    """The organisation in a post's last part: 市政协 in 市政协副主席, 纪检监察工委 in 纪检监察工委书记;
    "" where the post is an office by itself (副县长)."""
    last = title.split("、")[-1]
    bare = [t for t in r.needs_organisation if last.endswith(t) and len(t) < len(last)]
    return last[: -len(max(bare, key=len))] if bare else ""


def bare_post(post, r):
    """A post that names no organisation of its own: 副主任, 二级调研员 (the post before it does)."""
    return re.sub(r"^(?:常务)?副?", "", post) in r.needs_organisation or post in r.needs_organisation


def owning_post(full_title, r):
    """The post whose organisation a person's chain ends in: in 省某某研究室党组副书记、副主任 the bare
    副主任 is of the 研究室 named in the post before it."""
    posts = [post for post in full_title.split("、") if post]
    for post in reversed(posts):
        if not bare_post(post, r):
            return post
    return posts[-1] if posts else ""


def same_level(foreign_title, title):
    """Whether a bare post (市长, 副市长, 县长) is at the level of another place's post before it
    (扬州市委书记 → 市长: yes; 杭州市副市长 → 区长: no, the district's own)."""
    level = re.match(r"(?:常务|代)?副?([市县区州旗盟])", title)
    return bool(level) and bool(re.search(f"{level.group(1)}(?:委|长|政府|人大|政协)", foreign_title))


def _provincial(post, subject_names):
    """A post of a province-level government named by its province (宁夏回族自治区政协副主席, 湖北省委常委):
    no city's or county's official, unless the subject is that municipality itself."""
    from .places import place_index

    mentions = place_index().mentions(post)
    if not mentions or mentions[0][0] != 0 or mentions[0][2] in subject_names:
        return False
    _start, end, name = mentions[0]
    divisions = place_index().divisions.lookup(name)
    return any(d.level == "省级" for d in divisions) and bool(
        re.match(r"(?:省|市|自治区)?(?:委|政府|人民政府|人大|政协|党委)", post[end:])
    )


def holds_office(chain, r):
    """县人大副主任、工经联会长: a post of the place's state or party organs before a society's or a
    firm's role. A firm's own 党委副书记 (某某集团党委副书记、总经理) is no such post."""
    for post in chain.split("、")[:-1] or []:
        if r.institution.search(post):
            continue
        if r.office_in_chain.search(post):
            return True
        bare = [t for t in r.needs_organisation if post.endswith(t)]
        if bare and LEVELLED_POST.match(post) and r.government.search(post[: -len(max(bare, key=len))]):
            return True
    return False


def own_centre(organisation, subject_names, r):
    """A 中心 of the place itself (昌吉州营商环境服务中心, 县融媒体中心) is a public body; a centre with
    no place before it (南方财经信息中心) may be anyone's."""
    if "中心" not in organisation or r.institution.search(organisation):
        return False
    return organisation[:1] in "市县区州盟旗" or any(organisation.startswith(n) for n in subject_names if n)


def verb_follows(text, position):
    """Whether the two characters at `position` are a verb jieba knows (参加, 出席, 主持)."""
    from ..segment import is_verb

    return is_verb(text[position : position + 2])


def starts_a_word(text, position):
    """Whether the two characters at `position` make an ordinary word jieba knows (着重, 认真)."""
    return is_common_word(text[position : position + 2])


def is_dictionary_word(word):
    """Any word jieba's dictionary knows other than as a person's name (嘉宾, 企业家, 代表)."""
    import jieba.posseg

    tag = jieba.posseg.dt.word_tag_tab.get(word)
    return tag is not None and not tag.startswith("nr")


def is_common_word(word):
    from ..segment import is_common_word as common

    return common(word)


def listed_after(text, position, r):
    """(name, end) for the names listed after the one ending at `position`: 、乙、丙 and, after at
    least one 、, a last 和丁. A list item that is another title and name is no longer the list."""
    listed = 0
    while not starts_another_title(text, position + 1, r) and (item := list_item(text, position, r)):
        listed += 1
        name, position = item
        yield name, position
    last = r.list_last.match(text, position) if listed else None
    if last and not looks_like_a_word(last.group("name")) and not starts_another_title(text, position + 1, r):
        yield last.group("name"), last.end()


def list_item(text, position, r):
    """(name, end) for the list item after the 、 at `position`, or None.

    A name may run into the verb after it (县领导甲、乙分别陪同: 分别 is no name's end, but a
    word of its own), and a name whose family name is not in the list (淡, 矫) is still a name
    where the list's commas close it on both sides (、淡某某、) or a word that follows names does.
    """
    if more := r.list_more.match(text, position):
        return more.group("name"), more.end()
    if not text.startswith("、", position):
        return None
    start = position + 1
    if tibetan := tibetan_name(text, start, r):
        return tibetan, start + len(tibetan)  # 、索朗达瓦、
    if padded := PADDED_NAME.match(text, start):
        return padded.group(1) + padded.group(2), padded.end()  # 、李 杰、: a two-character name set to a list's width
    if r.any_title.match(text, start):
        return None  # 、党组成员、副主任某: the next item is a post of the same person
    if r.surname_at.match(text, start):
        name = resolve_name(text, start, r)
        end = start + len(name) if name else start
        if (
            name
            and not looks_like_a_word(name)
            and not is_common_word(name)
            and starts_a_word(text, end)
            and not r.any_title.match(text, end)
        ):
            return name, end
    run = re.match(r"[\u4e00-\u9fff]{2,6}", text[start:])
    if not run:
        return None
    for length in (2, 3, 4, 5):
        name, end = text[start : start + length], start + length
        closed = end == start + len(run.group(0)) and re.match(r"、|[，,。；;）)\s]|$", text[end:])
        # A name of four or five characters (a Mongolian 宝音满都呼) only where the list closes it.
        if closed or (length <= 3 and len(run.group(0)) > length and r.list_end.match(text, end)):
            if length == 3 and text[start + 2] in FUNCTION_CHARS:
                continue  # 、淡某等: 等 ends the list, not the name
            if NOT_IN_A_NAME.search(name) or is_dictionary_word(name) or looks_like_a_word(name):
                return None  # 、各乡镇、, 、县直部门: places and bodies, not people
            if r.any_title.search(name):
                return None
            return name, end
    return None


def starts_another_title(text, position, r):
    """Whether the list item at `position` is an organisation and title before a name, not a
    name: in 局长张某、区工业和科技局局长李某, 区工业 is the start of the next person's title. An
    item that names someone and then, after 及, a title (甲及秘书长乙) is a name first."""
    item = re.match(r"[^、，,。；;：:\n]*", text[position:]).group(0)
    item = re.split(r"以及|及", item, maxsplit=1)[0]
    return bool(r.title_then_name.search(item))


def title_chain(text, title_start, after=0):
    """The run of organisations and titles written before the name, e.g. 县发改委党组书记、主任.

    `after` is where the previous person's name ended: in 县委书记张某、县长李某 the chain of
    李某 starts after 张某, so one person's title does not swallow the one before.
    """
    window = text[max(0, after, title_start - 60) : title_start]
    cut = max((m.end() for m in HARD_STOP.finditer(window)), default=0)
    return LEADING_FILLER.sub("", window[cut:].lstrip("、"))


ORGAN_AFTER_PLACE = re.compile(
    r"(?:市|县|区|州|盟|旗)?(?:委|政府|人民政府|人大|人民代表大会|政协|领导|长|副市长|副县长|副区长|常委|纪委)"
    # 广州市协作办公室, 某某市商务局: a bureau or office under the place's full name is its government's.
    r"|(?:(?<=[市县区州盟旗])|[市县区州盟旗])[\u4e00-\u9fff]{1,10}?(?:局|办公室)"
)


# What stands between one person of a list and the next one's bare post.
LIST_JOINERS = ("，", ",", "、", "及", "以及", "和")

FORMER = re.compile(r"(?:^|(?<=[、会委局办组部]))原(?=[\u4e00-\u9fff]{0,8}$)")


def former_post(chain):
    """原纪检组组长, 管委会原主任: a former post says the person no longer holds it (a guest, a retired
    official). 原 inside a place's name (太原, 平原) is not 'former'."""
    from .places import place_index

    last = chain.split("、")[-1]
    for match in FORMER.finditer(last):
        if not any(start <= match.start() < end for start, end, _ in place_index().mentions(last)):
            return True
    return False


def _names_another_place(chain, subject_names, foreign_names):
    """An office of another place's government: 杭州市副市长 or 张家港市委书记 for an article on 余杭.

    A park or body named after a place (杭州未来科技城管委会) may sit inside the subject,
    so only a place name followed by a government organ counts.
    """
    from .places import place_index

    if any(name in chain for name in subject_names):
        return False  # 泉州市委常委、晋江市委书记: a post in the subject too
    titles = [m.span() for m in rules().any_title.finditer(chain)]
    for start, end, name in place_index().mentions(chain):
        if name in subject_names or not ORGAN_AFTER_PLACE.match(chain, end):
            continue
        if any(t_start <= start and end < t_end for t_start, t_end in titles):
            continue  # 代县 inside the title 代县长 (acting county head) is no place
        if any(d.level not in ("省级",) for d in place_index().divisions.lookup(name)):
            return True
    return False


# A role in a leading group, an industry chain or a command post, held by an official whose post is named before it.
LEADING_GROUP_POST = re.compile(r"(?:组长|链长|指挥长)$")
# A group title over two levels (市、县领导, 省、市领导).
MIXED_LEVELS = re.compile(r"[省市州县区]、[省市州县区]领导$")
# A post of the parent prefecture or city: 州委书记, 副州长, 市人大常委会主任, 地委书记.
PARENT_POST = re.compile(r"^(?:常务)?副?(?:自治州|州|盟|地委|行署|市)")
PREFECTURE_POST = re.compile(r"^(?:常务)?副?(?:自治州|州|盟|地委|行署)")
# A post that says its level: 市委常委, 副县长, 区政府党组成员 (not 宣传部长 or 秘书长).
LEVELLED_POST = re.compile(r"^(?:常务|代)?副?(?:自治州|[省市州县区旗盟]|地委|行署)")


def _parent_post(full_title, title, subject_level):
    """A county's or district's text names its parent's leaders by their bare posts (副州长,
    市委书记); a county-level city's own posts are 市…, its prefecture's 州…/地委…. The last post
    of a chain decides: 州委常委、某某县委书记 is the county's own."""
    posts = full_title.split("、")
    # 副州长、某某领导小组副组长: a group's post says nothing of the level; the office before it does.
    offices = [post for post in posts if not LEADING_GROUP_POST.search(post)]
    last = (offices or posts)[-1]
    if offices and offices[-1] != posts[-1]:
        title = last
    if re.search(r"[县区旗]", last) or title.startswith(("县", "区", "旗")):
        return False
    if not LEVELLED_POST.match(last):
        # 市委常委、宣传部长: a post that names no level (宣传部长, 秘书长) is at the level of the one
        # before it that does.
        levelled = [post for post in offices or posts if LEVELLED_POST.match(post)]
        if levelled and not re.search(r"[县区旗]", levelled[-1]):
            last = title = levelled[-1]
    if subject_level in ("县", "区"):
        # "会议传达市委副书记": words before the post that were read into the chain do not hide it
        return bool(PARENT_POST.match(last) or (last.endswith(title) and PARENT_POST.match(title)))
    if subject_level == "县级市":
        return bool(PREFECTURE_POST.match(last))
    return False


def find_officials(text, subject_names=(), foreign_names=lambda text: [], subject_level=""):
    """OfficialFacts for the subject city's office holders.

    `foreign_names(text)` lists the places in a text that are not the subject city or its
    parents; an office of such a place (张家港市委书记) is not the city's. For a county or
    district (`subject_level` 县 or 区), a bare 市委书记 or 市长 is the parent city's.
    """
    r = rules()
    people, found = set(), {}
    previous_name_end, previous_title, previous_foreign = 0, "", ""
    for match in r.title_then_name.finditer(text):
        title = match.group(1)
        if r.title_shaped.match(text, match.end()):
            continue  # 市长热线, 市长信箱: a title-shaped word, not a title before a name
        dotted = dotted_name(text, match.end(), r) or tibetan_name(text, match.end(), r)
        dotted = dotted or unsurnamed_name(text, match.end(), r)
        name = dotted or resolve_name(text, match.end(), r)
        if not name or (not dotted and looks_like_a_word(name)) or part_of_a_project_name(text, match.end(), name):
            continue
        if title in r.group_titles and (
            not r.boundary.match(text, match.end() + len(name)) or is_dictionary_word(name) or name[0] in "和与及"
        ):
            continue  # 县级领导包联重点企业, 州级领导干部: a group title before a duty or a noun, not a list of names
        chain = title_chain(text, match.start(), after=previous_name_end)
        if chain in found or chain in people:
            continue  # 某某副市长都全面介绍: a name before the title (name_then_title), none after it
        # 市财政局局长张某、副局长李某: the second 副局长 is of the organisation named before the first.
        shared_chain = title_chain(text, match.start())
        chain_start = match.start() - len(chain)
        head = ""
        joined = re.fullmatch(r"(?:常务)?副?", chain) and text[previous_name_end:chain_start] in LIST_JOINERS
        # 扬州市委书记甲、市长乙: a bare post of the same level right after another place's person is that place's.
        same_place = bool(joined and previous_foreign and same_level(previous_foreign, chain + title))
        if joined:
            head = deputy_head(previous_title, chain + title)  # 市政协主席甲，副主席乙、丙
            # 市政协副主席甲、乙及秘书长丙; 工委书记甲，二级调研员乙: a bare post next in the list is of
            # the organisation the post before it names.
            head = head or organisation_of(previous_title, r)
        previous_name_end = match.end() + len(name)
        organisation = chain.split("、")[-1]
        if not chain and title in r.needs_organisation:
            # A bare title later in a list (…副厅长张某、处长李某) is of the organisation the
            # previous person's title names; a full title (市委书记) is its own.
            organisation = "".join(shared_chain.split("、")[-2:-1])
        if head and title in r.needs_organisation and r.government.search(head):
            shared_chain = organisation = head  # the title stays as written: 副主席
        full_title = (chain + title).strip()
        previous_title = full_title
        if title in r.group_titles and MIXED_LEVELS.search(full_title):
            continue  # 市、县领导甲、乙: whose each name is cannot be read
        # When the subject was read inside this person's name (易茂林 → 茂林区), the level is
        # not to be trusted: the person stays so that the subject is looked for again.
        parent_post = _parent_post(full_title, title, subject_level) and not any(n in name for n in subject_names)
        outsider = (
            parent_post
            or former_post(chain)
            or (title in r.people_roles and not holds_office(chain, r))
            or r.institution.search(organisation)
            or title in r.national
            or r.higher_level.search(organisation + title)
            or r.higher_level.search(owning_post(full_title, r))
        )
        # The person's own organisation decides when one is written (南方财经信息中心主任 after a
        # 市政府 post is not a government post); a bare title takes the one named before it.
        own = re.sub(r"^(?:常务)?副", "", chain.strip("、 "))
        # A chain of titles only (党组成员、副局长) names no organisation: the one before it does.
        context = own if r.any_title.sub("", own).strip("、 ") else shared_chain
        if (
            not outsider
            and title in r.needs_organisation
            and not r.government.search(context)
            and not r.office_in_chain.search(own)
            and not own_centre(organisation, subject_names, r)
        ):
            continue
        foreign_place = same_place or _names_another_place(full_title, subject_names, foreign_names)
        previous_foreign = full_title if foreign_place and not same_place else previous_foreign if same_place else ""
        if outsider or foreign_place or _provincial(owning_post(full_title, r), subject_names):
            # The parent's, another place's or a company's people, and the names listed after them.
            people.add(name)
            position = match.end() + len(name)
            for listed, end in listed_after(text, position, r):
                people.add(listed)
                position = end
            previous_name_end = position
            continue
        start = chain_start
        evidence = Span(start, match.end() + len(name), text[start : match.end() + len(name)])
        confidence = 0.8 if title in r.needs_organisation else 0.9
        if title in r.group_titles:
            full_title, confidence = "", 0.6  # 市领导 says office holder, not which office
        if name not in found or len(full_title) > len(found[name].title):
            found[name] = OfficialFact(name=name, title=full_title, evidence=evidence, confidence=confidence)
        # 市领导彭某、蒋某出席: the title covers the whole list.
        position = match.end() + len(name)
        for listed, end in listed_after(text, position, r):
            if listed not in found:
                found[listed] = OfficialFact(
                    name=listed,
                    title=full_title,
                    evidence=Span(match.start(), end, text[match.start() : end]),
                    confidence=confidence - 0.1,
                )
            position = end
        previous_name_end = position
    name_starts = [0, *(m.end() for m in r.before_name.finditer(text))]
    for match in finditer_at(r.name_then_title, text, name_starts):
        name = match.group("name") or match.group("listed")
        title = match.group("title") or match.group("listed_title")
        if name in found or name in people or place_is_name(name) or looks_like_a_word(name):
            continue
        last = re.split("[、，,]", title)[-1]
        if match.group("listed") and not any(last.endswith(t) for t in r.official_titles):
            continue
        if (
            last in r.people_roles
            or last in r.national
            or r.higher_level.search(title)
            or _names_another_place(title, subject_names, foreign_names)
        ):
            continue
        found[name] = OfficialFact(
            name=name, title=title, evidence=Span(match.start(), match.end(), match.group(0)), confidence=0.75
        )
    # A roster line of a press release: "陈   丹   某某县委副书记、县长" (name, padded, then its posts).
    for match in ROSTER_LINE.finditer(text):
        name = re.sub(r"[ \u3000]", "", match.group("name"))
        title = match.group("title").strip()
        last = title.split("、")[-1]
        if name in found or name in people or looks_like_a_word(name) or is_dictionary_word(name):
            continue
        if not any(last.endswith(t) for t in r.official_titles) or r.institution.search(title):
            continue
        needs = [t for t in r.needs_organisation if last.endswith(t)]
        if needs and not (
            r.government.search(title) or r.office_in_chain.search(title) or own_centre(title, subject_names, r)
        ):
            continue  # 某某公司 … 主任: a bare post needs the state's organisation
        if (
            any(last.endswith(t) for t in r.people_roles | r.national)
            or r.higher_level.search(title)
            or _provincial(owning_post(title, r), subject_names)
            or _names_another_place(title, subject_names, foreign_names)
            or _parent_post(title, last, subject_level)
        ):
            people.add(name)
            continue
        found[name] = OfficialFact(
            name=name, title=title, evidence=Span(match.start(), match.end(), match.group(0)), confidence=0.75
        )
    # A report's byline with its title spaced out to the width of the heading: "县 长 周某某".
    for match in SPACED_BYLINE.finditer(text):
        title, name = re.sub(r"[ \u3000]", "", match.group("title")), match.group("name")
        if title not in r.official_titles or title in r.needs_organisation or not r.surname_at.match(name):
            continue
        if name in found or name in people or looks_like_a_word(name) or _parent_post(title, title, subject_level):
            continue
        found[name] = OfficialFact(
            name=name, title=title, evidence=Span(match.start(), match.end(), match.group(0)), confidence=0.75
        )
    # 甲、乙、丙等副县级以上领导干部出席: office holders without a title.
    for match in finditer_at(r.names_then_group, text, name_starts):
        for listed in match.group("names").split("、"):
            if listed not in found and listed not in people and not looks_like_a_word(listed):
                found[listed] = OfficialFact(
                    name=listed, title="", evidence=Span(match.start(), match.end(), match.group(0)), confidence=0.6
                )
    # Only where someone chairs, and only at the start of a clause (a cheap scan for its punctuation).
    clause_starts = [0, *(m.end() for m in CLAUSE_END.finditer(text))] if "主持" in text else []
    for match in finditer_at(r.attendees, text, clause_starts):
        sentence = text[max(text.rfind("。", 0, match.start()), text.rfind("\n", 0, match.start())) + 1 : match.start()]
        if "主持" not in sentence or not any(name in sentence for name in found):
            continue
        for listed in match.group("names").split("、"):
            if listed not in found and listed not in people and not looks_like_a_word(listed):
                found[listed] = OfficialFact(
                    name=listed, title="", evidence=Span(match.start(), match.end(), match.group(0)), confidence=0.6
                )
    for match in r.speaker.finditer(text):
        name = resolve_name(text, match.start("name"), r)
        if not name or name in found or name in people:
            continue
        end = match.start("name") + len(name)
        found[name] = OfficialFact(
            name=name, title="", evidence=Span(match.start(), end + 2, text[match.start() : end + 2]), confidence=0.6
        )
    return [fact for fact in found.values() if fact.name not in people]
