"""normalize: decoded article text → simplified, cleaned text whose offsets map back to the original.

Steps, each an edit on a TrackedText so every character still knows where it came from:
pinyin glosses out (業(yè) → 業), traditional → simplified, site boilerplate out,
full-width digits folded, and synonym-spun wording mapped back when the text is spun.
"""

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import sub
from pathlib import Path

import opencc

from .types import NormalizedArticle

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# A pinyin gloss right after a Han character: 業(yè), 發（fā）, or a word's: 崇州市(chóngzhōushì)委书记.
# Needs a tone mark so (app), (GDP) stay.
PINYIN_GLOSS = re.compile(
    rf"(?<=[\u4e00-\u9fff])[(（](?=[a-z{TONE_MARKS}]*[{TONE_MARKS}])[a-z{TONE_MARKS}]{{1,30}}[)）]"
)
# The same glossing sites turn 。縣 (GBK A1A3 BF68) into "?h": 常委會議?h委常委甲 is 常委會議。縣委常委甲.
# A lone h between a question mark and a Han character is no English.
BROKEN_COUNTY = re.compile(r"\?{1,2}h(?=[\u4e00-\u9fff])")
FULL_WIDTH_FOLD = re.compile(r"[０-９Ａ-Ｚａ-ｚ％．]")
HAN = re.compile(r"[\u4e00-\u9fff]")


class TrackedText:
    """Text plus, for each character, its offset in the original text."""

    def __init__(self, text):
        self.text = text
        self.origin = list(range(len(text)))

    def sub(self, pattern, replacement):
        """re.sub that keeps origins; returns how many matches were replaced."""
        pieces, origins, last, count = [], [], 0, 0
        for match in pattern.finditer(self.text):
            new = replacement(match) if callable(replacement) else match.expand(replacement)
            if new == match.group(0):
                continue
            start, end = match.span()
            pieces.append(self.text[last:start])
            origins.extend(self.origin[last:start])
            pieces.append(new)
            width = max(end - start, 1)
            base = self.origin[start] if start < len(self.origin) else (self.origin[-1] + 1 if self.origin else 0)
            origins.extend(self.origin[start + min(i, width - 1)] if end > start else base for i in range(len(new)))
            last, count = end, count + 1
        if count:
            pieces.append(self.text[last:])
            origins.extend(self.origin[last:])
            self.text, self.origin = "".join(pieces), origins
        return count

    def map_chars(self, convert, may_change=None):
        """Apply a length-preserving conversion (OpenCC); falls back line by line, then char by char.

        With `may_change` (text → bool), only the lines it says the conversion could change are
        converted, which leaves most of a simplified text alone.
        """
        if may_change is not None and not may_change(self.text):
            return
        if may_change is None:
            converted = convert(self.text)
            if len(converted) == len(self.text):
                self.text = converted
                return
        out = []
        for line in self.text.splitlines(keepends=True):
            if may_change is not None and not may_change(line):
                out.append(line)
                continue
            new = convert(line)
            out.append(
                new if len(new) == len(line) else "".join(convert(ch) if len(convert(ch)) == 1 else ch for ch in line)
            )
        self.text = "".join(out)

    def drop_lines(self, indexes):
        """Delete whole lines (with their line breaks), keeping every other character's origin."""
        if not indexes:
            return
        keep = []
        for index, line in enumerate(self.text.split("\n")):
            # +1 for the line break; the last line has none, and zip stops at the text's end.
            keep.extend([index not in indexes] * (len(line) + 1))
        self.text = "".join(compress(self.text, keep))
        self.origin = list(compress(self.origin, keep))

    def runs(self):
        """[[norm_start, raw_start, length], ...] covering stretches that map 1:1."""
        origin = self.origin
        if not origin:
            return []
        # A run breaks wherever a character's origin does not follow the one before it.
        # map(sub) keeps the per-character subtraction in C: this runs over every character of every page.
        starts = [0, *(i for i, step in enumerate(map(sub, origin[1:], origin), 1) if step != 1), len(origin)]
        return [[start, origin[start], end - start] for start, end in zip(starts, starts[1:])]


@lru_cache(maxsize=1)
def _t2s():
    return opencc.OpenCC("t2s")


T2S_DICTIONARIES = ("TSPhrases.txt", "TSCharacters.txt")  # the dictionaries of OpenCC's t2s.json


class T2SChanges:
    """Tells, cheaply, whether OpenCC's t2s could change a text at all.

    OpenCC only ever puts a key's first value in place of the key (覆 → "覆 复" keeps 覆), so a
    text changes only where it holds a key whose first value differs: a single traditional
    character (發), or a phrase (反覆 → 反复) whose own characters may all be simplified ones.
    Nearly every line of a simplified text holds neither and needs no conversion.
    """

    def __init__(self, entries):
        single, phrases_by_char = set(), {}
        for key, value in entries:
            if value == key:
                continue
            if len(key) == 1:
                single.add(key)
                continue
            differing = key if len(value) != len(key) else [k for k, v in zip(key, value) if k != v]
            for ch in differing:
                phrases_by_char.setdefault(ch, set()).add(key)
        # A set, not a character class: a regex class of thousands of characters scans slowly.
        self.single = frozenset(single)
        # Each changing phrase, by a character where it differs and that character's offset in it:
        # a phrase that differs at a character which changes by itself is already caught as single.
        self.phrases_at = {}
        for ch, keys in phrases_by_char.items():
            if ch not in single:
                self.phrases_at[ch] = tuple((key, key.index(ch)) for key in sorted(keys))
        self.phrase_chars = re.compile(_char_class(self.phrases_at))

    def may_change(self, text):
        if not self.single.isdisjoint(text):
            return True
        for match in self.phrase_chars.finditer(text):
            at = match.start()
            for phrase, offset in self.phrases_at[match.group()]:
                if at >= offset and text.startswith(phrase, at - offset):
                    return True
        return False


def _char_class(chars):
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]" if chars else "(?!)"


@lru_cache(maxsize=1)
def t2s_changes():
    folder = Path(opencc.__file__).resolve().parent / "dictionary"
    entries = []
    for name in T2S_DICTIONARIES:
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            key, _, values = line.strip().partition("\t")
            entries.append((key, values.split(" ")[0]))  # opencc-python-reimplemented takes the first value
    return T2SChanges(entries)


@dataclass(frozen=True)
class Boilerplate:
    line_patterns: tuple
    inline_patterns: tuple
    tail_markers: tuple


@lru_cache(maxsize=1)
def boilerplate_rules(path=DATA_DIR / "boilerplate.json"):
    data = json.loads(Path(path).read_text(encoding="utf-8"))

    def compiled(key, flags=0):
        return tuple(
            re.compile(item["pattern"] if isinstance(item, dict) else item, flags) for item in data.get(key, [])
        )

    # Inline patterns run over the whole text: MULTILINE makes their $ a line end ("（张三 摄）" closing a line).
    return Boilerplate(compiled("line_patterns"), compiled("inline_patterns", re.MULTILINE), compiled("tail_markers"))


@dataclass(frozen=True)
class SpinRules:
    markers: tuple
    min_markers: int
    rules: tuple  # (compiled pattern, replacement)


@lru_cache(maxsize=1)
def spin_rules(path=DATA_DIR / "spin_map.json"):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rules = []
    for item in data["replacements"]:
        pattern = re.escape(item["spun"])
        if item.get("after"):
            pattern = (
                "(?<=" + "|".join(map(re.escape, item["after"])) + ")" + pattern
                if _fixed_width(item["after"])
                else "(?:(?<=" + ")|(?<=".join(map(re.escape, item["after"])) + "))" + pattern
            )
        if item.get("before"):
            pattern += "(?=" + "|".join(map(re.escape, item["before"])) + ")"
        if item.get("not_before"):
            pattern += "(?!" + "|".join(map(re.escape, item["not_before"])) + ")"
        rules.append((re.compile(pattern), item["original"]))
    return SpinRules(tuple(data["markers"]), int(data.get("min_markers", 3)), tuple(rules))


def _fixed_width(words):
    return len({len(w) for w in words}) == 1


def strip_pinyin_glosses(tracked):
    return tracked.sub(PINYIN_GLOSS, "") + tracked.sub(BROKEN_COUNTY, "。縣")


def to_simplified(tracked):
    """Convert to simplified script; returns the script the text was written in."""
    before = tracked.text
    tracked.map_chars(_t2s().convert, may_change=t2s_changes().may_change)
    if tracked.text == before:
        return "simplified"
    han = len(HAN.findall(before)) or 1
    changed = sum(1 for a, b in zip(before, tracked.text) if a != b)
    share = changed / han
    if share > 0.03:
        return "traditional"
    return "mixed" if changed >= 5 and share > 0.005 else "simplified"


def remove_boilerplate(tracked, rules=None):
    """Drop navigation, tickers, copyright and contact lines, and everything after a tail marker."""
    rules = rules or boilerplate_rules()
    lines = tracked.text.split("\n")
    dropped = set()
    # A tail marker ("上一条", "延伸阅读") only counts in the second half of the page.
    half, seen = sum(map(len, lines)) / 2, 0
    for index, line in enumerate(lines):
        if seen > half and any(p.search(line.strip()) for p in rules.tail_markers):
            dropped.update(range(index, len(lines)))
            break
        seen += len(line)
    for index, line in enumerate(lines):
        if line.strip() and any(p.search(line.strip()) for p in rules.line_patterns):
            dropped.add(index)
    dropped |= _trailing_headlines(lines, dropped)
    tracked.drop_lines(dropped)
    inline = sum(tracked.sub(pattern, "") for pattern in rules.inline_patterns)
    return len([i for i in dropped if lines[i].strip()]), inline


SENTENCE_END = ("。", "！", "？", "!", "?", "…", "”", '"')
BULLET = re.compile(r"^\s*[·•▪●◆■►\-]\s*")
# A page's last line may list the leaders present, "县领导甲、乙、丙": text, not a link list.
LEADER_LIST_LINE = re.compile(r"^[市县区州盟旗]?(?:委|政府|级)?领导(?:[\u4e00-\u9fff·]{2,8}、)+[\u4e00-\u9fff·]{2,8}")


def _trailing_headlines(lines, dropped, max_length=50):
    """Indexes of the short lines that end a page without ending a sentence: link lists, hotlines."""
    found = set()
    for index in range(len(lines) - 1, -1, -1):
        stripped = lines[index].strip()
        if index in dropped or not stripped:
            continue
        if LEADER_LIST_LINE.match(stripped):
            break
        # A short last line with a full sentence inside ("据悉,…92.5亿元。下一步,安岳将进一步强化") is a
        # paragraph the excerpt cut short, not a headline: its finished sentences stay.
        cut_paragraph = re.search(r"[。！？!?]", stripped[:-1]) and not BULLET.match(stripped)
        # A bullet marks a link list's item, unless the item is a finished sentence with a clause in it
        # (a headline has neither): a chronicle (大事记) lists its entries as "●4月2日,旗长某某主持召开…会议。".
        chronicle_entry = stripped.endswith("。") and bool(re.search(r"[,，]", stripped))
        short_unfinished = len(stripped) <= max_length and not stripped.endswith(SENTENCE_END) and not cut_paragraph
        if short_unfinished or (BULLET.match(stripped) and not chronicle_entry):
            found.add(index)
            continue
        break
    return found


def tidy_whitespace(tracked):
    """Fold full-width digits and letters, trim line indents, collapse blank runs."""
    tracked.sub(FULL_WIDTH_FOLD, lambda m: unicodedata.normalize("NFKC", m.group(0)))
    tracked.sub(re.compile(r"[ \t\u3000\xa0]+(?=\n|$)|(?<=\n)[ \t\u3000\xa0]+|^[ \t\u3000\xa0]+"), "")
    tracked.sub(re.compile(r"\n{3,}"), "\n\n")
    tracked.sub(re.compile(r"^\n+|\n+$"), "")


def detect_spin(text, rules=None):
    """Distinct spin markers found; a text with enough of them is a synonym-spun copy."""
    rules = rules or spin_rules()
    return sorted({marker for marker in rules.markers if marker in text})


def unspin(tracked, rules=None):
    rules = rules or spin_rules()
    return sum(tracked.sub(pattern, original) for pattern, original in rules.rules)


def unspin_string(text):
    """A short string (a title) mapped back the way a spun body is."""
    tracked = TrackedText(text)
    unspin(tracked)
    return tracked.text


def normalize(raw_text: str) -> NormalizedArticle:
    tracked = TrackedText(raw_text)
    glosses = strip_pinyin_glosses(tracked)
    script = to_simplified(tracked)
    header_text = tracked.text
    boilerplate_lines, boilerplate_inline = remove_boilerplate(tracked)
    tidy_whitespace(tracked)
    markers = detect_spin(tracked.text)
    spun = len(markers) >= spin_rules().min_markers
    replacements = unspin(tracked) if spun else 0
    cleaning = {"script": script}
    if glosses:
        cleaning["pinyin_glosses"] = glosses
    if boilerplate_lines or boilerplate_inline:
        cleaning["boilerplate_lines"] = boilerplate_lines
        cleaning["boilerplate_fragments"] = boilerplate_inline
    if spun:
        cleaning["spun_markers"] = markers
        cleaning["spun_replacements"] = replacements
    return NormalizedArticle(
        raw_text=raw_text,
        text=tracked.text,
        offset_map=tracked.runs(),
        script=script,
        cleaning=cleaning,
        spun=spun,
        header_text=header_text,
    )
