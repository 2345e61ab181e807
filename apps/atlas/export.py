"""The facts as plain JSON-able data: the contract `export_facts` prints for evaluation.

Streamed: documents come without their texts (`.only`), rows are read in chunks
(`.iterator(chunk_size=…)`, prefetching facts per chunk of cities), and `write_export` encodes
the JSON piece by piece, so memory stays flat however many documents there are. The output is
byte for byte what `json.dumps(export_facts(), ensure_ascii=False, indent=…)` gives.
"""
import json

from django.db.models import F, Prefetch

from .models import City, Document, IndustryCluster, Meeting, Official, Target

CHUNK = 500
CITY_CHUNK = 50


def _number(value):
    return int(value) if value == value.to_integral_value() else float(value)


def _facts(model, order):
    # The fact's own document is needed for its name only: never load the document's texts.
    return model.objects.public().annotate(source_name=F("document__source")).defer("evidence_text").order_by(*order)


def iter_documents():
    documents = (Document.objects.select_related("city")
                 .only("source", "title", "published", "spun", "genre", "city__name").order_by("source"))
    for d in documents.iterator(chunk_size=CHUNK):
        yield {"source": d.source, "city": d.city.name if d.city else None, "title": d.title,
               "published": d.published.isoformat() if d.published else None, "spun": d.spun,
               "genre": d.genre}


def _cities():
    return City.objects.covered().select_related("parent").prefetch_related(
        Prefetch("meetings", _facts(Meeting, ("date", "pk"))),
        Prefetch("officials", _facts(Official, ("name", "pk"))),
        Prefetch("industryclusters", _facts(IndustryCluster, ("pk",)).prefetch_related("tags")),
        Prefetch("targets", _facts(Target, ("pk",))),
    ).order_by("slug")


def iter_cities():
    for c in _cities().iterator(chunk_size=CITY_CHUNK):
        yield {
            "name": c.name, "slug": c.slug, "name_en": c.name_en, "level": c.level, "province": c.province,
            "parent": c.parent.name if c.parent else None,
            "meetings": [{"date": m.date.isoformat() if m.date else None, "name": m.name, "kind": m.kind,
                          "source": m.source_name} for m in c.meetings.all()],
            "officials": [{"name": o.name, "title": o.title or None, "source": o.source_name}
                          for o in c.officials.all()],
            "clusters": [{"name": k.name, "tier": k.tier, "tags": sorted(t.slug for t in k.tags.all()),
                          "source": k.source_name} for k in c.industryclusters.all()],
            "targets": [{"metric": t.metric, "value": _number(t.value), "unit": t.unit, "year": t.year,
                         "kind": t.kind, "metric_key": t.metric_key or None, "measure": t.measure or None,
                         "bound": t.bound, "estimated": t.estimated, "source": t.source_name}
                        for t in c.targets.all()],
        }


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
