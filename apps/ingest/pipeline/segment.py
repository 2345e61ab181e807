"""segment: normalized text → tokens with offsets, by jieba with our domain dictionaries.

jieba keeps one global dictionary, so the user dictionaries are loaded once per process.
HMM is off: new-word guessing would glue names and titles together unpredictably.
"""

import threading
from itertools import accumulate
from pathlib import Path

import jieba

from .types import Token

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
USER_DICTIONARIES = ("industry_terms.txt", "framework_terms.txt")

_lock = threading.Lock()
_tokenizer = None


def tokenizer():
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            jieba.setLogLevel(60)
            instance = jieba.Tokenizer()
            instance.initialize()
            for name in USER_DICTIONARIES:
                path = DATA_DIR / name
                if path.exists():
                    instance.load_userdict(str(path))
            _tokenizer = instance
    return _tokenizer


def segment(text: str) -> list[Token]:
    # lcut and running lengths give tokenize()'s offsets without its per-word generator.
    words = tokenizer().lcut(text, HMM=False)
    ends = accumulate(map(len, words))
    return [Token(word, end - len(word), end) for word, end in zip(words, ends)]


def boundaries(tokens) -> set[int]:
    """Offsets where a token starts or ends: places an extracted name may begin or stop."""
    edges = {token.start for token in tokens}
    edges.update(token.end for token in tokens)
    return edges


# jieba's own dictionary tags; a word tagged as one of these is an ordinary word, not a name.
COMMON_WORD_TAGS = {
    "n",
    "v",
    "vn",
    "vd",
    "a",
    "ad",
    "an",
    "b",
    "d",
    "s",
    "f",
    "t",
    "m",
    "q",
    "r",
    "p",
    "c",
    "u",
    "l",
    "i",
}


def is_common_word(word):
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab.get(word) in COMMON_WORD_TAGS


def is_verb(word):
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab.get(word) in {"v", "vd", "vn", "vi"}
