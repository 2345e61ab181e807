"""Reposts: the same news on another site, with that site's chrome around it.

Two articles are compared by the Jaccard similarity of their sets of character shingles
(overlapping runs of SHINGLE characters of the normalized text, spaces and punctuation
dropped). A repost differs only in its header and footer, so most shingles are shared;
two different articles about the same city share a few phrases at most.
"""

import re
import unicodedata

SHINGLE = 5
# Chrome of a few lines on a ~1,000-character article keeps a repost above 0.8; different
# articles about the same city stay below 0.2 on the seeds and held-out fixtures.
REPOST_SIMILARITY = 0.6
# Only documents of comparable length can be reposts of each other.
LENGTH_RATIO = 2.0
NOT_WORDS = re.compile(r"[\W_]+")


def shingles(text: str, size: int = SHINGLE) -> frozenset:
    body = NOT_WORDS.sub("", unicodedata.normalize("NFKC", text))
    if len(body) <= size:
        return frozenset([body]) if body else frozenset()
    return frozenset(body[i : i + size] for i in range(len(body) - size + 1))


def similarity(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def most_similar(text: str, candidates, threshold: float = REPOST_SIMILARITY):
    """(key, similarity) of the candidate (key, text) most like `text`, if any reaches the threshold."""
    mine = shingles(text)
    best = None
    for key, other in candidates:
        score = similarity(mine, shingles(other))
        if score >= threshold and (best is None or score > best[1]):
            best = (key, score)
    return best
