"""Every public page's data as CSV or JSON, Datasette-style: the page's own URL with ?format=csv|json.

The export holds what the page shows — the same filters, the same page of each list, the
"approved only" switch — as flat rows. JSON wraps them with the page's query and, when the
list goes on, the URL of the next page.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse, JsonResponse

from apps.atlas.visibility import approved_only
from apps.facts.kinds import kind_of

from . import links, units

FORMATS = ("csv", "json")

FACT_COLUMNS = [
    "kind",
    "id",
    "city",
    "city_name",
    "name",
    "detail",
    "value",
    "unit",
    "year",
    "date",
    "review_status",
    "document_id",
    "fact_url",
    "evidence_url",
]


@dataclass
class Table:
    name: str  # the file name, without extension
    columns: list
    rows: list = field(default_factory=list)
    next_url: str | None = None
    meta: dict = field(default_factory=dict)


def requested_format(params):
    value = (params.get("format") or "").lower()
    return value if value in FORMATS else None


def format_urls(request):
    """{'csv': this page as CSV, 'json': … as JSON}: the page's query with format= set."""
    urls = {}
    for fmt in FORMATS:
        query = request.GET.copy()
        query["format"] = fmt
        query.pop("_", None)
        urls[fmt] = f"{request.path}?{query.urlencode()}"
    return urls


def in_format(url, fmt):
    """A page's URL (a "more" link, say) as the same export."""
    return f"{url}{'&' if '?' in url else '?'}format={fmt}"


def figure(number):
    """A number as a cell: '5140', '6.5', '' for none; never '5,140' or '5140.0000'."""
    return "" if number is None else units.plain_number(number).replace(",", "")


def fact_row(fact):
    """One row for a fact of any kind, its own page and its passage linked."""
    kind = kind_of(fact)
    row = dict.fromkeys(FACT_COLUMNS, "")
    city = fact.city
    row.update(
        kind=kind,
        id=fact.pk,
        city=city.slug,
        city_name=city.name,
        review_status=fact.review_status,
        document_id=fact.document_id,
        fact_url=links.fact_url(fact),
        evidence_url=f"{links.document_url(fact.document_id).split('?')[0]}#ev-{fact._meta.model_name}-{fact.pk}",
    )
    if kind == "official":
        row.update(name=fact.name, detail=fact.title)
    elif kind == "meeting":
        row.update(name=fact.name, detail=fact.kind, date=fact.date.isoformat() if fact.date else "")
    elif kind == "cluster":
        row.update(name=fact.name, detail=fact.tier)
    else:
        number, unit = units.amount(fact)
        row.update(
            name=fact.metric,
            detail=fact.kind,
            value=figure(number),
            unit=unit,
            year=fact.year or "",
        )
    return row


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """A CSV cell a spreadsheet will not run as a formula: text from articles is quoted with ' when it
    starts like one (numbers, negative ones included, stay numbers)."""
    value = _plain(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value


def respond(fmt, table):
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=table.columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({key: _cell(value) for key, value in row.items()} for row in table.rows)
        # A byte order mark, so spreadsheet programs read the Chinese as UTF-8.
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        body = {
            **table.meta,
            "approved_only": approved_only(),
            "columns": table.columns,
            "rows": [{key: _plain(row.get(key, "")) for key in table.columns} for row in table.rows],
            "next_url": table.next_url,
        }
        response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'inline; filename="{table.name}.{fmt}"'
    return response
