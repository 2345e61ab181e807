"""Where a fact's passage sits in its article: locating a passage staff typed, and showing it in context."""

from django.core.exceptions import ValidationError
from django.utils.html import format_html

CONTEXT_CHARS = 80


def locate_passage(text, passage, start=None, end=None, prefer_text=True):
    """(start, end, passage) of a passage of `text`, given as its words or as offsets.

    The words win when `prefer_text` (staff typed or changed them); offsets that already
    point at those words are kept, so a passage quoted twice keeps its own occurrence.
    """
    passage = (passage or "").replace("\r\n", "\n").strip()
    if passage and (prefer_text or start is None or end is None):
        if start is not None and end is not None and text[start:end] == passage:
            return start, end, passage
        found = text.find(passage)
        if found < 0:
            raise ValidationError(
                "这段文字不在文章的清洗稿中，请从文章页复制 — the passage is not in the "
                "document's normalized text; copy it from the document page"
            )
        return found, found + len(passage), passage
    if start is None or end is None:
        raise ValidationError("请填写出处原文或起止位置 — give the passage, or its start and end offsets")
    if not 0 <= start < end <= len(text):
        raise ValidationError(f"起止位置须满足 0 ≤ start < end ≤ {len(text)} — offsets outside the text")
    return start, end, text[start:end]


def passage_in_context(text, start, end, passage="", context=CONTEXT_CHARS):
    """HTML: the passage marked inside `context` characters of the text either side, all escaped."""
    start = min(max(start, 0), len(text))
    end = min(max(end, start), len(text))
    if end == start:
        # Offsets that point nowhere (an empty span): the quoted words are all there is.
        return format_html('<blockquote class="evidence">{}</blockquote>', passage or "—")
    before = max(start - context, 0)
    after = min(end + context, len(text))
    return format_html(
        '<blockquote class="evidence">{}{}<mark>{}</mark>{}{}</blockquote>',
        "…" if before else "",
        text[before:start],
        text[start:end],
        text[end:after],
        "…" if after < len(text) else "",
    )


def fact_in_context(fact, context=CONTEXT_CHARS):
    return passage_in_context(
        fact.document.normalized_text, fact.evidence_start, fact.evidence_end, fact.evidence_text, context
    )
