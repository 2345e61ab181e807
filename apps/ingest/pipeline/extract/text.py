"""Sentences, clauses and Chinese numerals, with offsets into the normalized text."""

import json
import re
import re._parser as regex_parser  # type: ignore[import-not-found]  # CPython's own regex parser, no stub
from functools import cache, lru_cache
from pathlib import Path

import cn2an

from ..types import Span

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
SENTENCE_END = re.compile(r"[^。！？!?\n]+[。！？!?]?")
CLAUSE_END = re.compile(r"[^。！？!?\n,，;；:：]+")
HAN_NUMERAL = "零〇一二两三四五六七八九十百千万亿"


@cache
def data(name):
    """A JSON data file from apps/ingest/data, parsed once per process."""
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


@cache
def word_list(name):
    """Whitespace-separated words from a plain list in apps/ingest/data ('#' starts a comment line)."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return tuple(word for line in lines if not line.startswith("#") for word in line.split())


@cache
def dictionary_words(name):
    """The words of a jieba user dictionary (`word freq tag` per line) in apps/ingest/data."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return tuple(line.split()[0] for line in lines if line.strip() and not line.startswith("#"))


def sentences(text):
    """Spans of sentences, split at 。！？ and line ends."""
    return list(_sentences(text))


@lru_cache(maxsize=8)
def _sentences(text):
    # Several steps split the same document: split it once (Spans are frozen; callers get a new list).
    return tuple(Span(m.start(), m.end(), m.group(0)) for m in SENTENCE_END.finditer(text) if m.group(0).strip())


def clauses(sentence: Span):
    return [
        Span(sentence.start + m.start(), sentence.start + m.end(), m.group(0))
        for m in CLAUSE_END.finditer(sentence.text)
        if m.group(0).strip()
    ]


def paragraphs(text):
    return list(_paragraphs(text))


@lru_cache(maxsize=8)
def _paragraphs(text):
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append(Span(start, start + len(line), line))
        start += len(line) + 1
    return tuple(spans)


def enclosing(spans, start, end=None):
    end = start if end is None else end
    for span in spans:
        if span.start <= start and end <= span.end:
            return span
    return None


def chinese_number(text):
    """Arabic or Chinese numeral text → float, or None: '2.5' → 2.5, '两千' → 2000, '1,000' → 1000."""
    text = text.replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    if not all(ch in HAN_NUMERAL or ch.isdigit() or ch == "." for ch in text):
        return None
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def alternation(words):
    """A regex matching any of `words`, the longest first where several fit, so 市委副书记 wins over 书记.

    Written as a trie (市(?:委(?:副)?书记|长)…) rather than a flat list: at each position the
    regex engine then tries one branch per first character instead of every word in turn. It
    matches exactly as the flat list sorted longest first would: the words that fit at one
    position are prefixes of one another, and the trie tries each longer one before a shorter.
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie)


def _trie_pattern(node):
    branches = [re.escape(character) + _trie_pattern(child) for character, child in sorted(node.items()) if character]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A word may stop here: the longer words go first, stopping is the fallback.
    return f"(?:{body})?" if "" in node else body


REPORTED_SPEECH = re.compile(r"^[“\"]?(?:他|她|其|该负责人|对方)(?:介绍|表示|说|透露|称|指出|坦言|告诉)")


# A paragraph "keeps naming companies" when it names one at least every this many characters:
# a news paragraph on three firms does, a work report's 1,000-character review paragraph that
# names three universities among everything else does not.
CROWDED_SPAN = 200


def city_sentences(text, company, skip=lambda sentence: False, crowded=3):
    """Sentences that speak for the city: not about one company (or in a paragraph that keeps
    naming companies and their executives), and not passed over by `skip` (another place)."""
    for sentence in _sentences_not_about_companies(text, company, crowded):
        if not skip(sentence):
            yield sentence


@lru_cache(maxsize=8)
def _sentences_not_about_companies(text, company, crowded):
    # Clusters and targets both walk the same document with the same company words: read it once.
    found = []
    crowded_starts = set()
    for paragraph in paragraphs(text):
        named = len(company.findall(paragraph.text))
        if named >= crowded and named * CROWDED_SPAN >= len(paragraph.text):
            crowded_starts.update(s.start + paragraph.start for s in sentences(paragraph.text))
    previous_was_company = False
    for sentence in sentences(text):
        about_company = (
            sentence.start in crowded_starts
            or company.search(sentence.text)
            or (previous_was_company and REPORTED_SPEECH.match(sentence.text))
        )  # 他介绍，公司今年将…
        previous_was_company = bool(about_company)
        if not about_company:
            found.append(sentence)
    return tuple(found)


def required_text(pattern: re.Pattern) -> str:
    """The longest run of plain characters every match of `pattern` contains ("" if none).

    Read from the compiled pattern's own syntax tree: characters written one after another at
    its top level, outside any group, option or repetition. A text without them cannot match,
    so a caller may skip the regex scan, which for a pattern that begins with a long lazy
    repetition costs far more than one substring test.
    """
    if pattern.flags & re.IGNORECASE:
        return ""
    best, run = "", ""
    for op, value in regex_parser.parse(pattern.pattern, pattern.flags).data:
        if op is regex_parser.LITERAL:
            run += chr(value)
            best = max(best, run, key=len)
        else:
            run = ""
    return best


@cache
def required_any(pattern: re.Pattern) -> tuple:
    """Plain texts one of which every match of `pattern` contains, () if none is known.

    required_text's test for patterns whose fixed text is a choice (产值|装机量, 等…产业|集群):
    read from the same syntax tree, a sequence needs what any one of its parts needs: a run of
    characters, or a group, option or repetition (at least once) each of whose branches needs
    some text, or a class of a few characters. Of the parts, the one whose shortest text is
    longest is kept (the rarest, as a rule). Lookarounds, other classes and optional parts need
    nothing. A text holding none of the
    returned texts cannot match.
    """
    if pattern.flags & re.IGNORECASE:
        return ()
    return tuple(sorted(_needed(regex_parser.parse(pattern.pattern, pattern.flags).data) or ()))


def _needed(items):
    """The set of texts one of which every match of the sequence `items` holds, or None."""
    options, run = [], ""
    for op, value in items:
        if op is regex_parser.LITERAL:
            run += chr(value)
            continue
        if run:
            options.append({run})
            run = ""
        found = None
        if op is regex_parser.IN and all(kind is regex_parser.LITERAL for kind, _ in value) and len(value) <= 4:
            found = {chr(character) for _, character in value}  # [“"]: one of a few characters
        elif op is regex_parser.SUBPATTERN:
            _group, add_flags, del_flags, sub = value
            found = None if add_flags or del_flags else _needed(sub.data)
        elif op is regex_parser.ATOMIC_GROUP:
            found = _needed(value.data)
        elif op is regex_parser.BRANCH:
            branches = [_needed(branch.data) for branch in value[1]]
            found = set().union(*branches) if all(branches) else None
        elif op in (regex_parser.MAX_REPEAT, regex_parser.MIN_REPEAT, regex_parser.POSSESSIVE_REPEAT):
            low, _high, sub = value
            found = _needed(sub.data) if low >= 1 else None
        if found:
            options.append(found)
    if run:
        options.append({run})
    return max(options, key=lambda texts: (min(map(len, texts)), -len(texts)), default=None)


@cache
def _required_any_pattern(pattern: re.Pattern):
    """A regex finding any of the pattern's required_any texts (one scan in C), or None."""
    required = required_any(pattern)
    return re.compile("|".join(map(re.escape, required))) if required else None


def could_match(pattern: re.Pattern, text: str) -> bool:
    """False when `text` holds none of the pattern's required_any texts, and so cannot match.

    Worth asking only of a pattern the regex engine cannot scan for fast (one opening with
    optional parts or lookbehinds): one with a plain first character is scanned as fast."""
    needed = _required_any_pattern(pattern)
    return needed is None or needed.search(text) is not None


def finditer_where_possible(pattern: re.Pattern, required: str, text: str):
    """pattern.finditer(text), or nothing at once when `text` lacks the pattern's required_text."""
    return pattern.finditer(text) if required in text else ()


def finditer_if_possible(pattern: re.Pattern, text: str):
    """pattern.finditer(text), or nothing at once when `text` holds none of its required_any texts."""
    return pattern.finditer(text) if could_match(pattern, text) else ()


def finditer_at(pattern: re.Pattern, text: str, starts):
    """pattern.finditer(text) for a pattern that can begin only at `starts` (ascending positions).

    A pattern opening with lookbehinds gets no fast scan from the regex engine, which then tries
    it at every position of a long text; trying it only where a cheap scan says a match may
    begin finds the same matches. Lookbehinds and ^ still see the text before each start.
    """
    resume = 0
    for start in starts:
        if start < resume:
            continue
        match = pattern.match(text, start)
        if match:
            yield match
            resume = max(match.end(), start + 1)
