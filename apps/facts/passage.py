"""A fact's passage inside a few sentences of the text around it."""

from dataclasses import dataclass

SENTENCE_ENDS = "。！？!?；;\n"
CONTEXT_SENTENCES = 2
# A text without punctuation would otherwise bring its whole length along.
MAX_CONTEXT_CHARS = 240


@dataclass(frozen=True)
class PassageInContext:
    before: str
    passage: str
    after: str
    cut_before: bool  # text precedes `before`
    cut_after: bool  # text follows `after`


def _context_start(text, start, sentences, limit):
    """Where the `sentences` sentences before `start` begin (no further back than `limit` characters)."""
    floor = max(0, start - limit)
    position = start
    # The first boundary found closes the sentence before the passage's own; then `sentences` more.
    for _ in range(sentences + 1):
        boundary = max(text.rfind(mark, floor, position) for mark in SENTENCE_ENDS)
        if boundary == -1:
            return floor
        while boundary > floor and text[boundary - 1] in SENTENCE_ENDS:  # "。\n" ends one sentence
            boundary -= 1
        position = boundary
    return position + 1


def _context_end(text, end, sentences, limit):
    """Where the `sentences` sentences after `end` end (no further than `limit` characters)."""
    ceiling = min(len(text), end + limit)
    position = end
    # A passage often stops just before its sentence's full stop: finishing that sentence comes first.
    for _ in range(sentences + 1):
        found = [index for index in (text.find(mark, position, ceiling) for mark in SENTENCE_ENDS) if index != -1]
        if not found:
            return ceiling
        position = min(found) + 1
        while position < ceiling and text[position] in SENTENCE_ENDS:
            position += 1
    return position


def passage_in_context(text, start, end, evidence_text="", sentences=CONTEXT_SENTENCES, limit=MAX_CONTEXT_CHARS):
    """The passage text[start:end] with up to `sentences` sentences either side.

    Offsets that do not fit the text (a staff-added fact, a document ingested again since)
    leave only the quoted evidence, without context, rather than highlight the wrong words.
    """
    if not (0 <= start < end <= len(text)):
        return PassageInContext("", evidence_text, "", False, False)
    first = _context_start(text, start, sentences, limit)
    last = _context_end(text, end, sentences, limit)
    return PassageInContext(
        before=text[first:start].lstrip(),
        passage=text[start:end],
        after=text[end:last].rstrip(),
        cut_before=first > 0,
        cut_after=last < len(text),
    )
