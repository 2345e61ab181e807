"""Query parameters as visitors (and their typos) send them.

Bad values are ignored and the page says so in a notice; nothing a visitor types
in the query string turns into a 400 or a 500.
"""

import re
from functools import wraps

from django.http import QueryDict

from apps.atlas.visibility import showing_approved_only

MAX_PARAM_LENGTH = 200
# PostgreSQL refuses NUL in text; other control characters are never meaningful here.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def clean_params(request):
    """request.GET without control characters, each value cut to a sane length."""
    params = QueryDict(mutable=True)
    for key, values in request.GET.lists():
        params.setlist(key, [CONTROL_CHARACTERS.sub("", value)[:MAX_PARAM_LENGTH].strip() for value in values])
    return params


def only(params, *names):
    """A copy of `params` holding just `names`, so a FilterSet ignores the rest of the query string."""
    subset = QueryDict(mutable=True)
    for name in names:
        if name in params:
            subset.setlist(name, params.getlist(name))
    return subset


def filter_notices(filterset):
    """One notice per FilterSet parameter whose value was not valid; django-filter then skips that filter."""
    return [
        f"已忽略无效的{filterset.filters[name].label}“{filterset.data.get(name)}” — ignored"
        for name in filterset.errors
    ]


APPROVED_PARAM = "approved"


def wants_approved_only(request):
    """?approved=1 (or true/on/yes): the page shows facts staff approved, and nothing else."""
    return request.GET.get(APPROVED_PARAM, "").strip().lower() in {"1", "true", "on", "yes"}


def review_switch(view):
    """Runs `view` with the "approved only" switch the request asks for, for every query it makes."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        with showing_approved_only(wants_approved_only(request)):
            return view(request, *args, **kwargs)

    return wrapped
