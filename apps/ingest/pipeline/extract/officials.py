"""Officials: government and party office holders named after their title (市委书记陈金虎).

Company executives, researchers and reporters share the same "title + name" shape; they
are told apart by the title itself and by the organisation written before it.  National
leaders and officials of other places named in the article are left out.
"""
import re

from ..types import OfficialFact, Span
from .text import alternation, data, word_list

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
        self.boundary = re.compile("(?:" + alternation(markers["after_name"]) + "|[、，,。；;：:“”\"(（）)！？!?\\s]|$)")
        self.speaker = re.compile(markers["untitled_speaker"])
        surnames = word_list("surnames.txt")
        self.surname = "(?:" + alternation(surnames) + ")"
        every_title = self.official_titles | self.people_roles | self.national
        self.title_then_name = re.compile(f"({alternation(every_title)})(?={self.surname}[\u4e00-\u9fff])")
        self.surname_at = re.compile(self.surname)


_rules = None


def rules():
    global _rules
    if _rules is None:
        _rules = OfficialRules()
    return _rules


def resolve_name(text, start, r):
    """The 2- or 3-character name starting at `start` (a surname comes first)."""
    surname = r.surname_at.match(text, start)
    if not surname:
        return None
    base = surname.end() - start
    two, three = text[start:start + base + 1], text[start:start + base + 2]
    if len(three) < base + 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", three):
        return two if re.fullmatch(r"[\u4e00-\u9fff]+", two) and len(two) == base + 1 else None
    fits_two = bool(r.boundary.match(text, start + len(two)))
    fits_three = bool(r.boundary.match(text, start + len(three)))
    mentions_two, mentions_three = text.count(two), text.count(three)
    if mentions_three >= 2 and mentions_three == mentions_two:
        return three
    if mentions_two > mentions_three >= 1 and fits_two:
        return two
    if fits_two and (not fits_three or three[-1] in FUNCTION_CHARS):
        return two
    return three


def title_chain(text, title_start):
    """The run of organisations and titles written before the name, e.g. 县发改委党组书记、主任."""
    window = text[max(0, title_start - 60):title_start]
    cut = max((m.end() for m in HARD_STOP.finditer(window)), default=0)
    return LEADING_FILLER.sub("", window[cut:])


def find_officials(text, subject_names=(), foreign_names=lambda text: []):
    """OfficialFacts for the subject city's office holders.

    `foreign_names(text)` lists the places in a text that are not the subject city or its
    parents; an office of such a place (张家港市委书记) is not the city's.
    """
    r = rules()
    people, found = set(), {}
    for match in r.title_then_name.finditer(text):
        title = match.group(1)
        name = resolve_name(text, match.end(), r)
        if not name:
            continue
        chain = title_chain(text, match.start())
        organisation = chain.split("、")[-1]
        full_title = (chain + title).strip()
        if title in r.people_roles or r.institution.search(organisation):
            people.add(name)
            continue
        if title in r.national or r.higher_level.search(organisation + title):
            people.add(name)
            continue
        if title in r.needs_organisation and not r.government.search(chain):
            continue
        if foreign_names(full_title):
            continue
        start = match.start() - len(chain)
        evidence = Span(start, match.end() + len(name), text[start:match.end() + len(name)])
        confidence = 0.8 if title in r.needs_organisation else 0.9
        if name not in found or len(full_title) > len(found[name].title):
            found[name] = OfficialFact(name=name, title=full_title, evidence=evidence, confidence=confidence)
    for match in r.speaker.finditer(text):
        name = resolve_name(text, match.start("name"), r)
        if not name or name in found or name in people:
            continue
        end = match.start("name") + len(name)
        found[name] = OfficialFact(name=name, title="", evidence=Span(match.start(), end + 2, text[match.start():end + 2]),
                                   confidence=0.6)
    return [fact for fact in found.values() if fact.name not in people]
