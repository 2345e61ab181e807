"""Links to the public pages, built from a prefix worked out once rather than a reverse() per row.

A list of a thousand cities would otherwise spend more time resolving URLs than querying.
"""
from functools import cache

from django.urls import get_script_prefix, reverse

PLACEHOLDER = "0"  # matches both the slug and the int converters


@cache
def _around(view_name, script_prefix):
    """('/cities/', '/') for 'dashboard:city': what comes before and after the key."""
    before, after = reverse(view_name, args=[PLACEHOLDER]).rsplit(PLACEHOLDER, 1)
    return before, after


def _url(view_name, key):
    before, after = _around(view_name, get_script_prefix())
    return f"{before}{key}{after}"


def city_url(city):
    return _url("dashboard:city", city.slug)


def tag_url(tag):
    return _url("dashboard:tag", tag.slug)


def document_url(document_id):
    return _url("dashboard:document", document_id)
