"""Links to the public pages, built from a prefix worked out once rather than a reverse() per row.

A list of a thousand cities would otherwise spend more time resolving URLs than querying.
"""

from functools import cache

from django.urls import get_script_prefix, reverse

from apps.atlas.visibility import approved_only
from apps.facts.kinds import kind_of

PLACEHOLDER = "0"  # matches both the slug and the int converters


@cache
def _around(view_name, script_prefix):
    """('/cities/', '/') for 'dashboard:city': what comes before and after the key."""
    before, after = reverse(view_name, args=[PLACEHOLDER]).rsplit(PLACEHOLDER, 1)
    return before, after


def _url(view_name, key):
    before, after = _around(view_name, get_script_prefix())
    # A page showing approved facts only keeps the switch on in every link it gives.
    return f"{before}{key}{after}{'?approved=1' if approved_only() else ''}"


def city_url(city):
    return _url("dashboard:city", city.slug)


def tag_url(tag):
    return _url("dashboard:tag", tag.slug)


@cache
def _fact_around(kind, script_prefix):
    before, after = reverse("facts:fact", args=[kind, PLACEHOLDER]).rsplit(PLACEHOLDER, 1)
    return before, after


def fact_url(fact):
    """'/facts/target/12/', as apps.facts.links.fact_path builds it, without a reverse() per fact."""
    before, after = _fact_around(kind_of(fact), get_script_prefix())
    return f"{before}{fact.pk}{after}"


def document_url(document_id):
    return _url("dashboard:document", document_id)
