"""The article's subject city: the division the text is about, not every place it names."""
import re
from collections import defaultdict

from apps.atlas.divisions import load_divisions

from ..types import CityFact, Span
from .text import data

LOCAL_ORGAN = re.compile(r"^(?:市委|市政府|市人大|市政协|县委|县政府|区委|区政府|市长|县长|区长|市召开|县召开|经济开发区|经济技术开发区|高新区|开发区|日报|融媒)")


class PlaceIndex:
    """Finds division names in text by longest match at each position."""

    def __init__(self, divisions):
        self.divisions = divisions
        self.names = {name for name in divisions.names() if len(name) >= 2}
        self.max_len = max(map(len, self.names))
        self.first_chars = {name[0] for name in self.names}

    def mentions(self, text):
        """[(start, end, name)] without overlaps, longest names first."""
        found, i = [], 0
        while i < len(text):
            if text[i] not in self.first_chars:
                i += 1
                continue
            for length in range(min(self.max_len, len(text) - i), 1, -1):
                candidate = text[i:i + length]
                if candidate in self.names:
                    found.append((i, i + length, candidate))
                    i += length
                    break
            else:
                i += 1
        return found


_index = None


def place_index():
    global _index
    if _index is None:
        _index = PlaceIndex(load_divisions())
    return _index


def main_city(text, title="", publisher="", hints=None, token_edges=None):
    """The subject division of the article as a CityFact, or None when no place is named.

    With `token_edges` (from segmentation), a short name counts only where it is a word
    of its own, so 东方 inside 东方润安集团 is not taken for 东方市.
    """
    rules = hints or data("places.json")
    index = place_index()
    divisions = index.divisions
    scores = defaultdict(float)
    first_span = {}
    mentioned_provinces = set()
    visited = re.compile("|".join(rules["visit_context"]))
    for start, end, name in index.mentions(text):
        candidates = divisions.lookup(name)
        full = any(c.full_name == name for c in candidates)
        if not full and token_edges is not None and (start not in token_edges or end not in token_edges):
            continue
        for division in candidates:
            if division.level == "省级":
                mentioned_provinces.add(division.province)
                continue
            weight = 2.0 if full else 1.0
            after = text[end:end + 6]
            if LOCAL_ORGAN.match(after) or (not full and LOCAL_ORGAN.match(text[end - 1:end + 5])):
                weight += 3
            before = text[max(0, start - 12):start]
            if visited.search(before) or visited.search(text[end:end + 4]):
                weight -= 1.5
            if start < 300:
                weight += 0.5
            if not division.current:
                weight *= 0.9  # 长乐市 became 长乐区: the division that exists now wins a tie
            scores[division.adcode] += weight
            first_span.setdefault(division.adcode, Span(start, end, name))
    if title or publisher:
        for start, end, name in index.mentions(f"{title} {publisher}"):
            for division in divisions.lookup(name):
                if division.adcode in scores:
                    scores[division.adcode] += 4
    if not scores:
        return None
    # Level hints: "全县", "县委" point to a county, "全市", "市委" to a city.
    county_hint = len(re.findall(rules["county_hint"], text))
    city_hint = len(re.findall(rules["city_hint"], text))
    for adcode in scores:
        division = divisions.by_adcode[adcode]
        if division.province in mentioned_provinces:
            scores[adcode] += 1
        parent = divisions.parent(division)
        if parent and parent.adcode in scores:
            scores[adcode] += 0.5  # "宁波慈溪": the more specific place is the subject
        if division.level == "县" and county_hint > city_hint:
            scores[adcode] += 2
        if division.level in ("地级市", "县级市") and city_hint > county_hint:
            scores[adcode] += 1
    best = max(scores, key=lambda code: (scores[code], -len(code)))
    total = sum(v for v in scores.values() if v > 0) or 1
    division = divisions.by_adcode[best]
    confidence = round(min(0.99, 0.4 + 0.6 * scores[best] / total), 2)
    return CityFact(adcode=best, name=division.name, evidence=first_span[best], confidence=confidence)
