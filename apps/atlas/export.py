"""The facts as plain JSON-able data: the contract `export_facts` prints for evaluation.

Streamed: documents come without their texts (`.only`), rows are read in chunks
(`.iterator(chunk_size=…)`), facts one city at a time as plain values, and `write_export`
encodes the JSON piece by piece, so memory stays flat however many documents there are. The output is
byte for byte what `json.dumps(export_facts(), ensure_ascii=False, indent=…)` gives.
"""

import json
from collections import defaultdict

from django.db.models import F

from .models import City, Document, IndustryCluster, Meeting, Official, Target

CHUNK = 500


def _number(value):
    return int(value) if value == value.to_integral_value() else float(value)


def _facts(model, order, *fields):
    """One city's public facts of one kind as plain dicts (no model instances), with their document's name."""
    return (
        model.objects.public()
        .annotate(source_name=F("document__source"))
        .order_by(*order)
        .values("pk", "source_name", *fields)
    )


def iter_documents():
    documents = (
        Document.objects.select_related("city")
        .only("source", "title", "published", "spun", "genre", "city__name")
        .order_by("source")
    )
    for d in documents.iterator(chunk_size=CHUNK):
        yield {
            "source": d.source,
            "city": d.city.name if d.city else None,
            "title": d.title,
            "published": d.published.isoformat() if d.published else None,
            "spun": d.spun,
            "genre": d.genre,
        }


def _cluster_tags(city):
    tags = defaultdict(list)
    through = IndustryCluster.tags.through.objects.filter(industrycluster__city=city)
    for cluster_id, slug in through.values_list("industrycluster_id", "industrytag__slug"):
        tags[cluster_id].append(slug)
    return tags


def city_facts(city):
    """One city's entry. Memory holds one city's facts at a time, never the whole atlas's."""
    meetings = _facts(Meeting, ("date", "pk"), "date", "name", "kind").filter(city=city)
    officials = _facts(Official, ("name", "pk"), "name", "title").filter(city=city)
    clusters = _facts(IndustryCluster, ("pk",), "name", "tier").filter(city=city)
    targets = _facts(
        Target, ("pk",), "metric", "value", "unit", "year", "kind", "metric_key", "measure", "bound", "estimated"
    ).filter(city=city)
    tags = _cluster_tags(city)
    return {
        "name": city.name,
        "slug": city.slug,
        "name_en": city.name_en,
        "level": city.level,
        "province": city.province,
        "parent": city.parent.name if city.parent else None,
        "meetings": [
            {
                "date": m["date"].isoformat() if m["date"] else None,
                "name": m["name"],
                "kind": m["kind"],
                "source": m["source_name"],
            }
            for m in meetings
        ],
        "officials": [{"name": o["name"], "title": o["title"] or None, "source": o["source_name"]} for o in officials],
        "clusters": [
            {"name": k["name"], "tier": k["tier"], "tags": sorted(tags.get(k["pk"], ())), "source": k["source_name"]}
            for k in clusters
        ],
        "targets": [
            {
                "metric": t["metric"],
                "value": _number(t["value"]),
                "unit": t["unit"],
                "year": t["year"],
                "kind": t["kind"],
                "metric_key": t["metric_key"] or None,
                "measure": t["measure"] or None,
                "bound": t["bound"],
                "estimated": t["estimated"],
                "source": t["source_name"],
            }
            for t in targets
        ],
    }


def iter_cities():
    cities = City.objects.covered().select_related("parent").order_by("slug")
    for city in cities.iterator(chunk_size=CHUNK):
        yield city_facts(city)


def export_facts():
    """The whole export in memory (for small databases and tests); `write_export` streams it."""
    return {"documents": list(iter_documents()), "cities": list(iter_cities())}


class _Streamed(list):
    """A list to the JSON encoder that produces its items only while being encoded.

    The pure-Python encoder (used by JSONEncoder.iterencode) iterates a list and asks whether it
    is empty, nothing else; `exists` answers that with one cheap query.
    """

    def __init__(self, items, exists):
        super().__init__()
        self._items, self._exists = items, exists

    def __iter__(self):
        return iter(self._items())

    def __len__(self):
        return int(self._exists())

    def __bool__(self):
        return bool(self._exists())


def write_export(write, indent=None, buffer_chars=64 * 1024):
    """Give the export as JSON to `write(str)`, in pieces of about `buffer_chars` characters."""
    data = {
        "documents": _Streamed(iter_documents, Document.objects.exists),
        "cities": _Streamed(iter_cities, City.objects.covered().exists),
    }
    pending, size = [], 0
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=indent).iterencode(data):
        pending.append(chunk)
        size += len(chunk)
        if size >= buffer_chars:
            write("".join(pending))
            pending, size = [], 0
    write("".join(pending))
