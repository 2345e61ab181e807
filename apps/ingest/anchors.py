"""Re-anchoring: a reviewed fact's passage, found again in an updated article.

Staff-reviewed facts are never re-extracted, so when the article changes their offsets
would point at whatever text now sits there. Each is looked up by its quoted passage
(as written, or reworded between a short and a full form) nearest its old place; a
passage that is gone is flagged instead (Fact.anchor_lost) and highlights nothing.
"""

from dataclasses import dataclass

from .identity import wording_variants


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    text: str
    lost: bool = False


def find_passage(text: str, passage: str, near: int = 0) -> Anchor | None:
    """Where `passage` (or a rewording of it) occurs in `text`, the occurrence nearest `near` first."""
    best = None
    for variant in wording_variants(passage):
        start = text.find(variant)
        while start != -1:
            if best is None or abs(start - near) < abs(best.start - near):
                best = Anchor(start, start + len(variant), variant)
            start = text.find(variant, start + 1)
    return best


def reanchor(text: str, passage: str, start: int, end: int, lost: bool) -> Anchor | None:
    """The fact's new anchor in `text`, or None when the current one still holds."""
    if not passage:
        return None
    if not lost and text[start:end] == passage:
        return None
    found = find_passage(text, passage, near=start)
    if found is None:
        return None if lost and start == end == 0 else Anchor(0, 0, passage, lost=True)
    if (found.start, found.end, found.text, lost) == (start, end, passage, False):
        return None
    return found
