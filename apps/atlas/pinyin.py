"""Search keys for names: the pinyin stored beside each name, so pinyin search runs in SQL."""

import re
import unicodedata

from pypinyin import lazy_pinyin


def latin_key(text):
    """'Kūn-shān' → 'kunshan': tone marks, case, spaces and hyphens never matter."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", text).lower())


def pinyin_key(text):
    """'昆山' → 'kunshan': the toneless pinyin of a name, letters and digits only."""
    return latin_key("".join(lazy_pinyin(text or "")))
