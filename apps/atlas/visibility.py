"""Which reviewed facts a request may see: everything not rejected, or only what staff approved.

The public pages have an "approved only" switch (?approved=1) that must narrow every list,
count, card and chart on a page, and those come from many queries (counts annotated on
cities among them). Rather than threading a flag through each of them, the page turns the
switch on for the duration of its request and `FactQuerySet.public()` reads it, the way
Django reads the active language.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_approved_only = ContextVar("approved_only", default=False)


def approved_only():
    """True while a page is showing approved facts only."""
    return _approved_only.get()


@contextmanager
def showing_approved_only(on=True):
    token = _approved_only.set(bool(on))
    try:
        yield
    finally:
        _approved_only.reset(token)
