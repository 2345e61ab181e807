"""segment: normalized text → tokens with offsets, by jieba with our domain dictionaries.

jieba keeps one global dictionary, so the user dictionaries are loaded once per process.
HMM is off: new-word guessing would glue names and titles together unpredictably.

The cut itself is jieba's no-HMM algorithm (split into runs of Han/ASCII characters, a
maximum-probability route through the dictionary's words, single ASCII letters and digits
glued back together) rewritten as one right-to-left pass per run: jieba builds a DAG dict,
then a route dict through a generator of tuples, then yields words through three generators,
which cost more than the segmentation proper. Same dictionary, same float arithmetic, same
tie-breaking (the longer word wins), so the same words: tests/ingest/pipeline/test_segment.py
checks it against jieba.lcut.
"""

import threading
from math import log
from pathlib import Path

import jieba

from .types import Token

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
USER_DICTIONARIES = ("industry_terms.txt", "framework_terms.txt")

_lock = threading.Lock()
_tokenizer = None
# word → log(frequency) − log(total) for the dictionary's words, None for prefixes that are no word.
_word_scores: dict = {}
_unknown_score = 0.0


def tokenizer():
    global _tokenizer, _word_scores, _unknown_score
    with _lock:
        if _tokenizer is None:
            jieba.setLogLevel(60)
            instance = jieba.Tokenizer()
            instance.initialize()
            for name in USER_DICTIONARIES:
                path = DATA_DIR / name
                if path.exists():
                    instance.load_userdict(str(path))
            log_total = log(instance.total)
            # jieba scores log(FREQ.get(word) or 1) - log(total): computed once here, in the same order.
            _word_scores = {word: (log(count) - log_total if count else None) for word, count in instance.FREQ.items()}
            _unknown_score = log(1) - log_total
            _tokenizer = instance
    return _tokenizer


# jieba's own patterns (jieba.re_han_default, re_skip_default, re_eng), so runs split where jieba splits them.
HAN_RUNS = jieba.re_han_default
SPACE_RUNS = jieba.re_skip_default
NO_ROUTE = float("-inf")
ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _cut_run(run, offset, ends):
    """Append the end offsets (in the text) of the words of one run of Han/ASCII characters at `offset`."""
    get = _word_scores.get
    length = len(run)
    # best_score[i]: score of the best route from i to the end; best_end[i]: last index of its first word.
    best_score = [0] * (length + 1)
    best_end = list(range(length + 1))
    unknown = _unknown_score
    for start in range(length - 1, -1, -1):
        score = get(run[start], False)
        if score is False:  # no word starts with this character: it stands alone
            best_score[start] = unknown + best_score[start + 1]
            continue
        top = NO_ROUTE if score is None else score + best_score[start + 1]
        top_end = start
        for end in range(start + 1, length):
            score = get(run[start : end + 1], False)
            if score is False:
                break
            if score is not None:
                total = score + best_score[end + 1]
                if total >= top:  # max() over (score, end): a tie goes to the longer word
                    top = total
                    top_end = end
        if top == NO_ROUTE:  # only prefixes of words, no word: the character stands alone
            top = unknown + best_score[start + 1]
        best_score[start] = top
        best_end[start] = top_end
    append = ends.append
    start = 0
    glued = False  # single ASCII letters and digits pending: jieba glues them into one word
    while start < length:
        stop = best_end[start] + 1
        if stop - start == 1 and run[start] in ASCII_ALNUM:
            glued = True
        else:
            if glued:
                append(offset + start)
                glued = False
            append(offset + stop)
        start = stop
    if glued:
        append(offset + length)


def word_edges(text: str) -> list[int]:
    """Where jieba.lcut(text, HMM=False)'s words start and end, ascending: 0, then each word's end.

    The words follow each other, so this is boundaries(segment(text)) without the tokens; [] for "".
    """
    tokenizer()
    edges = [0] if text else []
    append = edges.append
    position = 0
    for block in HAN_RUNS.split(text):
        if not block:
            continue
        if HAN_RUNS.match(block):
            _cut_run(block, position, edges)
        elif len(block) == 1:
            append(position + 1)
        else:
            # Outside the runs jieba keeps each whitespace run ("\r\n" or one space) and each other character.
            inner = position
            for piece in SPACE_RUNS.split(block):
                if SPACE_RUNS.match(piece):
                    append(inner + len(piece))
                else:
                    edges.extend(range(inner + 1, inner + len(piece) + 1))
                inner += len(piece)
        position += len(block)
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
