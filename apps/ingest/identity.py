"""A fact's identity: its fingerprint with the differences normalization treats as equal removed.

The parser's fingerprint is built from the wording of the article (`规上工业企业|3000家|…`).
Articles get reworded — `规上` spelled out as `规模以上`, full-width digits, stray spaces —
and a reviewed fact must still be recognised afterwards, or a rejected fact would come back
as a new public one. The stored fingerprint stays as the parser wrote it; rows are matched
by `fact_identity(fingerprint)`.
"""

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

WORDING_FILE = Path(__file__).resolve().parent / "data" / "fact_wording.json"
SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def abbreviations(path=WORDING_FILE):
    """(short, full) pairs, longest short form first so a longer abbreviation wins."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    pairs = [(entry["short"], entry["full"]) for entry in data["abbreviations"]]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def canonical_wording(text: str) -> str:
    """Full-width folded (NFKC), spaces dropped, short forms spelled out."""
    text = SPACES.sub("", unicodedata.normalize("NFKC", text))
    for short, full in abbreviations():
        if short in text:
            # Protect the full form first so 规模以上 is never expanded twice.
            text = text.replace(full, "\0").replace(short, full).replace("\0", full)
    return text


def fact_identity(fingerprint: str) -> str:
    return canonical_wording(fingerprint)


def wording_variants(passage: str):
    """The passage as written and with every short form expanded or contracted: where to look
    for a reviewed fact's passage in a reworded article."""
    variants = [passage]
    for short, full in abbreviations():
        for old, new in ((full, short), (short, full)):
            for variant in list(variants):
                if old in variant and (old != short or full not in variant):
                    variants.append(variant.replace(old, new))
    return list(dict.fromkeys(variants))
