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
LEADING_FILLER = re.compile(r"^(?:在|据|由|经|和|与|及|同|对|向|请|邀请|其中|包括|以及|陪同|会同)+")


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
        every_title = self.official_titles | self.people_roles | self.national | self.group_titles
        self.any_title = re.compile(alternation(every_title))
        # A space may stand between title and name in a byline or header: "县长 李明"; a group
        # title may introduce its list: "出席活动的县领导有：李明、王芳".
        self.title_then_name = re.compile(
            f"({alternation(every_title)})(?:[ 　]|(?<=领导)(?:有[：:]?|[：:]))?(?={self.surname}[\u4e00-\u9fff])"
        )
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
        self.list_more = re.compile(rf"、(?P<name>{name})(?=、|{alternation(markers['after_name'])}|[，,。])")


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

    def always_ends_a_name(candidate):
        return all(r.boundary.match(text, m.end()) for m in re.finditer(re.escape(candidate), text))

    two_fits, three_fits = always_ends_a_name(two), always_ends_a_name(three)
    if two_fits != three_fits:
        return two if two_fits else three
    if two_fits:  # both readings fit everywhere: 王芳在考察 / 王芳认为
        if text.count(two) > text.count(three):
            return two
        # 宁致和 twice: the same third character after every mention belongs to the name.
        return three if text.count(three) >= 2 or three[-1] not in FUNCTION_CHARS else two
    fits_two = bool(r.boundary.match(text, start + len(two)))
    fits_three = bool(r.boundary.match(text, start + len(three)))
    if not fits_two and not fits_three and starts_a_word(text, start + len(two)):
        return two  # 申强着重指出: the third character begins the word that follows (着重)
    return two if fits_two and (not fits_three or three[-1] in FUNCTION_CHARS) else three


def starts_a_word(text, position):
    """Whether the two characters at `position` make an ordinary word jieba knows (着重, 认真)."""
    from ..segment import is_common_word

    return is_common_word(text[position : position + 2])


def starts_another_title(text, position, r):
    """Whether the list item at `position` is an organisation and title before a name, not a
    name: in 局长张某、区工业和科技局局长李某, 区工业 is the start of the next person's title."""
    item = re.match(r"[^、，,。；;：:\n]*", text[position:]).group(0)
    return bool(r.title_then_name.search(item))


def title_chain(text, title_start, after=0):
    """The run of organisations and titles written before the name, e.g. 县发改委党组书记、主任.

    `after` is where the previous person's name ended: in 县委书记张某、县长李某 the chain of
    李某 starts after 张某, so one person's title does not swallow the one before.
    """
    window = text[max(0, after, title_start - 60) : title_start]
    cut = max((m.end() for m in HARD_STOP.finditer(window)), default=0)
    return LEADING_FILLER.sub("", window[cut:].lstrip("、"))


def _holds_office(chain, r):
    """Whether a post written before a bare one is a government office: in 副县长、某某产业链链长 the
    chain's leader is the 副县长; in 某某集团总经理、项目组组长 nobody is."""
    posts = [post for post in chain.split("、") if post]
    own = r.official_titles - r.needs_organisation
    return any(post.endswith(title) for post in posts for title in own)


ORGAN_AFTER_PLACE = re.compile(
    r"^(?:市|县|区|州|盟|旗)?(?:委|人民政府|政府|人大|政协|领导|长|副市长|副县长|副区长|常委|纪委)"
)


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
        if name in subject_names or not ORGAN_AFTER_PLACE.match(chain[end:]):
            continue
        if any(t_start <= start and end < t_end for t_start, t_end in titles):
            continue  # 代县 inside the title 代县长 (acting county head) is no place
        if any(d.level not in ("省级",) for d in place_index().divisions.lookup(name)):
            return True
    return False


LEADING_GROUP_POST = re.compile(r"(?:组长|链长|指挥长)$")
# A group title over two levels (市、县领导, 省、市领导).
MIXED_LEVELS = re.compile(r"[省市州县区]、[省市州县区]领导$")
# A post of the parent prefecture or city: 州委书记, 副州长, 市人大常委会主任, 地委书记.
PARENT_POST = re.compile(r"^(?:常务)?副?(?:自治州|州|盟|地委|行署|市)")
PREFECTURE_POST = re.compile(r"^(?:常务)?副?(?:自治州|州|盟|地委|行署)")


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
    previous_name_end = 0
    for match in r.title_then_name.finditer(text):
        title = match.group(1)
        if r.title_shaped.match(text, match.end()):
            continue  # 市长热线, 市长信箱: a title-shaped word, not a title before a name
        name = resolve_name(text, match.end(), r)
        if not name or looks_like_a_word(name):
            continue
        if title in r.group_titles and not r.boundary.match(text, match.end() + len(name)):
            continue  # 县级领导包联重点企业: a group title before a duty, not before a list of names
        chain = title_chain(text, match.start(), after=previous_name_end)
        # 市财政局局长张某、副局长李某: the second 副局长 is of the organisation named before the first.
        shared_chain = title_chain(text, match.start())
        previous_name_end = match.end() + len(name)
        organisation = chain.split("、")[-1]
        if not chain and title in r.needs_organisation:
            # A bare title later in a list (…副厅长张某、处长李某) is of the organisation the
            # previous person's title names; a full title (市委书记) is its own.
            organisation = "".join(shared_chain.split("、")[-2:-1])
        full_title = (chain + title).strip()
        if title in r.group_titles and MIXED_LEVELS.search(full_title):
            continue  # 市、县领导甲、乙: whose each name is cannot be read
        # When the subject was read inside this person's name (易茂林 → 茂林区), the level is
        # not to be trusted: the person stays so that the subject is looked for again.
        parent_post = _parent_post(full_title, title, subject_level) and not any(n in name for n in subject_names)
        outsider = (
            parent_post
            or title in r.people_roles
            or r.institution.search(organisation)
            or title in r.national
            or r.higher_level.search(organisation + title)
        )
        if (
            not outsider
            and title in r.needs_organisation
            and not r.government.search(shared_chain)
            and not _holds_office(chain, r)
        ):
            continue
        if outsider or _names_another_place(full_title, subject_names, foreign_names):
            # The parent's, another place's or a company's people, and the names listed after them.
            people.add(name)
            position = match.end() + len(name)
            while (more := r.list_more.match(text, position)) and not starts_another_title(text, position + 1, r):
                people.add(more.group("name"))
                position = more.end()
            previous_name_end = position
            continue
        start = match.start() - len(chain)
        evidence = Span(start, match.end() + len(name), text[start : match.end() + len(name)])
        confidence = 0.8 if title in r.needs_organisation else 0.9
        if title in r.group_titles:
            full_title, confidence = "", 0.6  # 市领导 says office holder, not which office
        if name not in found or len(full_title) > len(found[name].title):
            found[name] = OfficialFact(name=name, title=full_title, evidence=evidence, confidence=confidence)
        # 市领导彭某、蒋某出席: the title covers the whole list.
        position = match.end() + len(name)
        while (more := r.list_more.match(text, position)) and not starts_another_title(text, position + 1, r):
            listed = more.group("name")
            if listed not in found:
                found[listed] = OfficialFact(
                    name=listed,
                    title=full_title,
                    evidence=Span(match.start(), more.end(), text[match.start() : more.end()]),
                    confidence=confidence - 0.1,
                )
            position = more.end()
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
    # 甲、乙、丙等副县级以上领导干部出席: office holders without a title.
    for match in finditer_at(r.names_then_group, text, name_starts):
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
