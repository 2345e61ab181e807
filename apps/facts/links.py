"""Where a fact's own page is.

The fact models are shared, so instead of a `get_absolute_url` on each of them the
pages, the API and the citation all build the address here.
"""

from django.urls import reverse

from .kinds import kind_of


def fact_path(fact):
    """'/facts/target/12/'"""
    return reverse("facts:fact", args=[kind_of(fact), fact.pk])


def fact_url(fact, request):
    """The absolute address, as a citation needs it."""
    return request.build_absolute_uri(fact_path(fact))
