"""The facts as plain JSON-able data: the contract `export_facts` prints for evaluation."""
from django.db.models import Prefetch

from .models import City, Document, IndustryCluster, Meeting, Official, Target


def _number(value):
    return int(value) if value == value.to_integral_value() else float(value)


def export_facts():
    documents = Document.objects.select_related("city").order_by("source")
    cities = City.objects.covered().select_related("parent").prefetch_related(
        Prefetch("meetings", Meeting.objects.public().select_related("document").order_by("date", "pk")),
        Prefetch("officials", Official.objects.public().select_related("document").order_by("name", "pk")),
        Prefetch("industryclusters", IndustryCluster.objects.public().select_related("document")
                 .prefetch_related("tags").order_by("pk")),
        Prefetch("targets", Target.objects.public().select_related("document").order_by("pk")),
    ).order_by("slug")
    return {
        "documents": [
            {"source": d.source, "city": d.city.name if d.city else None, "title": d.title,
             "published": d.published.isoformat() if d.published else None, "spun": d.spun,
             "genre": d.genre}
            for d in documents
        ],
        "cities": [
            {
                "name": c.name, "slug": c.slug, "name_en": c.name_en, "level": c.level, "province": c.province,
                "parent": c.parent.name if c.parent else None,
                "meetings": [{"date": m.date.isoformat() if m.date else None, "name": m.name, "kind": m.kind,
                              "source": m.document.source} for m in c.meetings.all()],
                "officials": [{"name": o.name, "title": o.title or None, "source": o.document.source}
                              for o in c.officials.all()],
                "clusters": [{"name": k.name, "tier": k.tier, "tags": sorted(t.slug for t in k.tags.all()),
                              "source": k.document.source} for k in c.industryclusters.all()],
                "targets": [{"metric": t.metric, "value": _number(t.value), "unit": t.unit, "year": t.year,
                             "kind": t.kind, "metric_key": t.metric_key or None, "measure": t.measure or None,
                             "bound": t.bound, "estimated": t.estimated, "source": t.document.source} for t in c.targets.all()],
            }
            for c in cities
        ],
    }
