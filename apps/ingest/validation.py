"""The one boundary for values that come from outside: sidecars, front matter, the upload form.

Every value is checked for its type, length and shape before it can reach the pipeline or the
database. A bad value is dropped and named in a warning, so the article still goes in without it;
nothing here raises for a single bad value.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from .pipeline.types import ArticleMeta

# The widths of the Document columns these values end up in.
MAX_URL = 500
MAX_TITLE = 300
MAX_PUBLISHER = 120
URL_SCHEMES = ("http", "https")

# Cc (controls, NUL included) but tab and line feed, and the invisible Cf marks (zero-width, bidi).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_URL_CHECK = URLValidator(schemes=list(URL_SCHEMES))


@dataclass
class Checked:
    """Cleaned values by ArticleMeta field, and one warning per value that was dropped or changed."""

    values: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)


def strip_controls(text: str, keep_lines=False) -> tuple[str, int]:
    """(text without NUL and other control characters, how many were removed).

    PostgreSQL refuses NUL in text columns; the others are invisible and break matching.
    With keep_lines, line breaks and tabs stay (article bodies); otherwise they become spaces.
    """
    removed = 0

    def replace(match):
        nonlocal removed
        char = match.group()
        if char == "\r" and keep_lines:
            return char
        removed += 1
        return ""

    if not keep_lines:
        text = re.sub(r"[\r\n\t]+", " ", text)
    cleaned = _CONTROL.sub(replace, text)
    return cleaned, removed


def clean_string(value, name: str, max_length: int, checked: Checked):
    """A one-line string of at most max_length characters, or None (with a warning)."""
    if value is None or value == "":
        return
    if not isinstance(value, str):
        checked.warnings.append(f"{name} dropped: expected text, got {type(value).__name__} {_short(value)}")
        return
    text, removed = strip_controls(value)
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if removed:
        checked.warnings.append(f"{name}: removed {removed} control character(s)")
    if len(text) > max_length:
        checked.warnings.append(f"{name} dropped: {len(text)} characters, at most {max_length}")
        return
    return text or None


def clean_url(value, name: str, checked: Checked):
    """An absolute http(s) URL of at most MAX_URL characters; `javascript:`, `data:` … are never kept."""
    if value is None or value == "":
        return
    if not isinstance(value, str):
        checked.warnings.append(f"{name} dropped: expected a URL as text, got {type(value).__name__} {_short(value)}")
        return
    url = value.strip()
    if _CONTROL.search(url) or any(ch.isspace() for ch in url):
        checked.warnings.append(f"{name} dropped: a URL cannot contain spaces or control characters")
        return
    if len(url) > MAX_URL:
        checked.warnings.append(f"{name} dropped: {len(url)} characters, at most {MAX_URL}")
        return
    scheme = urlsplit(url).scheme.lower()
    if scheme not in URL_SCHEMES:
        checked.warnings.append(f"{name} dropped: only http and https URLs are kept, not {scheme or 'a relative'}: URL")
        return
    try:
        _URL_CHECK(url)
    except ValidationError:
        checked.warnings.append(f"{name} dropped: {_short(url)} is not a valid URL")
        return
    return url


def clean_date(value, name: str, checked: Checked):
    """A date from a date, a datetime (YAML gives both) or text starting YYYY-MM-DD."""
    if value is None or value == "":
        return
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    checked.warnings.append(f"{name} dropped: {_short(value)} is not a YYYY-MM-DD date")


# Field names an outside source may use → ArticleMeta field. Front matter says `source` and `date`.
ALIASES = {
    "url": "url",
    "source": "url",
    "published": "published",
    "date": "published",
    "publisher": "publisher",
    "title": "title",
}


def check_meta(data, where: str) -> Checked:
    """Clean {url, published, publisher, title} (or their front matter names source and date).

    Unknown keys are ignored: crawlers add their own. When two names of one field are given,
    the ArticleMeta name wins (`url` over `source`, `published` over `date`).
    """
    checked = Checked()
    if data is None:
        return checked
    if not isinstance(data, dict):
        checked.warnings.append(f"{where} ignored: expected key: value pairs, got {type(data).__name__}")
        return checked
    chosen = {}
    for key, value in data.items():
        target = ALIASES.get(key) if isinstance(key, str) else None
        if target and (target not in chosen or key == target):
            chosen[target] = (key, value)
    for target, (key, value) in chosen.items():
        label = f"{where}: {key}"
        if target == "url":
            value = clean_url(value, label, checked)
        elif target == "published":
            value = clean_date(value, label, checked)
        else:
            value = clean_string(value, label, MAX_TITLE if target == "title" else MAX_PUBLISHER, checked)
        if value is not None:
            checked.values[target] = value
    return checked


def meta_from_dict(data, where="metadata") -> ArticleMeta:
    """An ArticleMeta of the values that passed; the dropped ones are in its `warnings`."""
    checked = check_meta(data, where)
    return ArticleMeta(**checked.values, warnings=tuple(checked.warnings))


def _short(value, limit=60):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
