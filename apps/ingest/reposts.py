"""Reposts: the same news on another site, with that site's chrome around it.

Two articles are compared by the Jaccard similarity of their sets of character shingles
(overlapping runs of SHINGLE characters of the normalized text, spaces and punctuation
dropped). A repost differs only in its header and footer, so most shingles are shared;
two different articles about the same city share a few phrases at most.
"""

import re
import unicodedata
from collections import OrderedDict

SHINGLE = 5
# Chrome of a few lines on a ~1,000-character article keeps a repost above 0.8; different
# articles about the same city stay below 0.2 on the seeds and held-out fixtures.
REPOST_SIMILARITY = 0.6
# Only documents of comparable length can be reposts of each other.
LENGTH_RATIO = 2.0
NOT_WORDS = re.compile(r"[\W_]+")
# Shingles of the texts compared last, by content hash: an ingest loads a city's documents one
# after another, and each new one is compared with all the city's earlier ones. A few dozen
# sets of a long report's ~20,000 shingles each stay well under 100 MiB.
RECENT_TEXTS = 32
_recent_shingles: OrderedDict = OrderedDict()


def shingles(text: str, size: int = SHINGLE) -> frozenset:
    body = NOT_WORDS.sub("", unicodedata.normalize("NFKC", text))
    if len(body) <= size:
        return frozenset([body]) if body else frozenset()
    return frozenset(body[i : i + size] for i in range(len(body) - size + 1))


def similarity(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)  # the union's size, without building the union


def most_similar(text: str, candidates, threshold: float = REPOST_SIMILARITY):
    """(key, similarity) of the candidate (key, text) most like `text`, if any reaches the threshold."""
    return most_similar_shingles(shingles(text), ((key, shingles(other)) for key, other in candidates), threshold)


def most_similar_shingles(mine: frozenset, candidates, threshold: float = REPOST_SIMILARITY):
    """most_similar for shingles already taken: candidates are (key, shingles)."""
    best = None
    for key, other in candidates:
        if not mine or not other or min(len(mine), len(other)) < threshold * max(len(mine), len(other)):
            continue  # the intersection is at most the smaller set and the union at least the larger
        score = similarity(mine, other)
        if score >= threshold and (best is None or score > best[1]):
            best = (key, score)
    return best


def recent_shingles(content_hash: str, text):
    """shingles(text()) of the text with this content hash, kept for the next RECENT_TEXTS lookups.

    `text` is a callable, so a text already seen is not even fetched.
    """
    if not content_hash:
        return shingles(text())
    found = _recent_shingles.get(content_hash)
    if found is None:
        found = _recent_shingles[content_hash] = shingles(text())
        if len(_recent_shingles) > RECENT_TEXTS:
            _recent_shingles.popitem(last=False)
    else:
        _recent_shingles.move_to_end(content_hash)
    return found


def is_recent(content_hash: str) -> bool:
    """Whether recent_shingles has this text's shingles without asking for the text."""
    return bool(content_hash) and content_hash in _recent_shingles


def kept_shingles(content_hash: str) -> frozenset | None:
    """The shingles kept for this text (now counted as used), or None when they are not kept."""
    if not is_recent(content_hash):
        return None
    _recent_shingles.move_to_end(content_hash)
    return _recent_shingles[content_hash]
