"""segment: normalized text → tokens with offsets, by jieba with our domain dictionaries.

jieba keeps one global dictionary, so the user dictionaries are loaded once per process.
HMM is off: new-word guessing would glue names and titles together unpredictably.

The cut itself runs in jieba_fast_dat, jieba's no-HMM algorithm in C++ over a double-array
trie, given exactly jieba's dictionary: every word's frequency and the total as jieba holds
them after our user dictionaries are loaded, so the maximum-probability route is jieba's. It is
about 8× faster than jieba's Python loops (bench/pipeline_speed.py). Only an exact tie between
two routes (盯紧|盯牢 against 盯|紧盯|牢, the same three frequencies) may be broken the other way;
tests/ingest/pipeline/test_segment.py checks the words against jieba.lcut on real text.
"""

import os
import re
import tempfile
import threading
from itertools import accumulate
from pathlib import Path

import jieba
import jieba_fast_dat

from .types import Token

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
USER_DICTIONARIES = ("industry_terms.txt", "framework_terms.txt")

_lock = threading.Lock()
_tokenizer = None
_fast_tokenizer = None


def tokenizer():
    """jieba with our user dictionaries: its FREQ and total are the dictionary the cut uses."""
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


def fast_tokenizer():
    """jieba_fast_dat holding jieba's main dictionary, our words at jieba's frequencies, and jieba's total."""
    global _fast_tokenizer
    instance = tokenizer()
    with _lock:
        if _fast_tokenizer is None:
            jieba_fast_dat.setLogLevel(60)
            fast = jieba_fast_dat.Tokenizer(_jieba_dictionary())
            _load_main_dictionary(fast)
            for word in _user_words():
                fast.add_word(word, instance.FREQ[word])
            fast.total = instance.total  # jieba adds a re-added word's frequency to its total again
            _fast_tokenizer = fast
    return _fast_tokenizer


def _jieba_dictionary():
    return os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)


def _load_main_dictionary(fast):
    """Build the trie once per machine: loaded from a cache file that appears whole or not at all
    (jieba_fast_dat writes its cache in place, which a second process could read half-written)."""
    source = _jieba_dictionary()
    cache = Path(tempfile.gettempdir()) / f"city-atlas-jieba-{jieba.__version__}-{int(os.path.getmtime(source))}.dat"
    if cache.exists():
        fast.cache_file = str(cache)
        fast.initialize()
        return
    partial = cache.with_name(f"{cache.name}.{os.getpid()}.partial")
    fast.cache_file = str(partial)
    fast.initialize()
    try:
        os.replace(partial, cache)
    except OSError:
        partial.unlink(missing_ok=True)


# jieba.load_userdict's own line pattern: word, then an optional frequency and tag.
USER_DICTIONARY_LINE = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$")


def _user_words():
    for name in USER_DICTIONARIES:
        path = DATA_DIR / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip().lstrip("\ufeff")
            if line and (match := USER_DICTIONARY_LINE.match(line)):
                yield match.group(1).strip()


def word_edges(text: str) -> list[int]:
    """Where jieba.lcut(text, HMM=False)'s words start and end, ascending: 0, then each word's end.

    The words follow each other, so this is boundaries(segment(text)) without the tokens; [] for "".
    """
    if not text:
        return []
    edges = [0, *accumulate(map(len, fast_tokenizer().lcut(text, HMM=False)))]
    if "\r\n" in text:  # jieba keeps "\r\n" as one word, jieba_fast_dat splits it
        edges = [edge for edge in edges if not (edge and text.startswith("\r\n", edge - 1))]
    return edges


def segment(text: str) -> list[Token]:
    """The words of jieba.lcut(text, HMM=False) with their offsets."""
    edges = word_edges(text)
    return [Token(text[start:end], start, end) for start, end in zip(edges, edges[1:])]


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


# A dictionary word seen fewer times than this in jieba's corpus (五常 28, 永年 36, against 合作 13478,
# 资源 17453) is far more often a place's name than the word, once the page names the place's parent.
RARE_WORD_COUNT = 100


def rare_word(word):
    """Whether jieba's dictionary has seen `word` fewer than RARE_WORD_COUNT times."""
    return (tokenizer().FREQ.get(word) or 0) < RARE_WORD_COUNT


def is_verb(word):
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab.get(word) in {"v", "vd", "vn", "vi"}
