"""load: an Extraction into the database, idempotently, one transaction per document.

Facts are matched to existing rows by (document, fingerprint). A row staff have touched
(edited, approved, rejected, or added by hand) is never changed, duplicated or revived;
parser rows the new extraction no longer yields are removed.
"""
import hashlib
from dataclasses import dataclass, field

from django.db import transaction

from apps.atlas.cities import city_for_adcode
from apps.atlas.taxonomy import sync_industry_tags
from apps.atlas.models import Document, IndustryCluster, IndustryTag, Meeting, Official, Target

from .pipeline.types import Extraction, NormalizedArticle, RawArticle


class NoCityError(ValueError):
    pass


@dataclass
class LoadResult:
    document: Document
    created: bool
    counts: dict = field(default_factory=dict)
    kept_for_staff: int = 0

    @property
    def placed(self):
        """False when the article names no city: the document is kept, with no facts."""
        return self.document.city_id is not None


def _provenance(fact, extraction):
    return {
        "evidence_start": fact.evidence.start, "evidence_end": fact.evidence.end,
        "evidence_text": fact.evidence.text[:2000], "extractor_version": extraction.version,
        "confidence": fact.confidence,
    }


def _sync(model, document, city, facts, values_for, extraction):
    """Create or update the parser's rows of one kind; returns ({fingerprint: row}, rows kept for staff)."""
    existing = {row.fingerprint: row for row in model.objects.filter(document=document)}
    rows, kept, seen = {}, 0, set()
    for fact in facts:
        fingerprint = fact.fingerprint
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        row = existing.get(fingerprint)
        if row is not None and row.is_locked:
            kept += 1
            rows[fingerprint] = row
            continue
        values = {**values_for(fact), **_provenance(fact, extraction), "city": city}
        if row is None:
            row = model.objects.create(document=document, fingerprint=fingerprint, **values)
        elif any(getattr(row, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(row, key, value)
            row.save()
        rows[fingerprint] = row
    stale = [row.pk for fp, row in existing.items() if fp not in seen and not row.is_locked]
    model.objects.filter(pk__in=stale).delete()
    return rows, kept


def load(raw: RawArticle, normalized: NormalizedArticle, extraction: Extraction, require_city=True) -> LoadResult:
    """Store the document and its facts. An article that names no city raises NoCityError, or with
    `require_city=False` is stored without facts, so a batch keeps it and says so."""
    if extraction.city is None and require_city:
        raise NoCityError("no Chinese city, county or district is named in the article")
    with transaction.atomic():
        city = city_for_adcode(extraction.city.adcode) if extraction.city else None
        document, created = Document.objects.update_or_create(
            source=raw.source,
            defaults={
                "sha256": hashlib.sha256(raw.raw_bytes).hexdigest(), "url": raw.meta.url,
                "title": extraction.title[:300], "publisher": extraction.publisher[:120],
                "published": extraction.published, "raw_text": raw.text,
                "normalized_text": normalized.text, "offset_map": normalized.offset_map,
                "script": normalized.script, "cleaning": normalized.cleaning, "spun": normalized.spun,
                "city": city, "extractor_version": extraction.version,
                "genre": extraction.genre, "reference_date": extraction.reference_date,
            },
        )
        if city is None:
            kept = sum(_sync(model, document, None, [], dict, extraction)[1]
                       for model in (Official, Meeting, IndustryCluster, Target))
            return LoadResult(document=document, created=created, kept_for_staff=kept,
                              counts=dict.fromkeys(("officials", "meetings", "clusters", "targets"), 0))
        officials, kept_officials = _sync(
            Official, document, city, extraction.officials,
            lambda f: {"name": f.name, "title": f.title[:120]}, extraction)
        meetings, kept_meetings = _sync(
            Meeting, document, city, extraction.meetings,
            lambda f: {"date": f.date, "year_inferred": f.year_inferred, "name": f.name[:200], "kind": f.kind,
                       "theme": f.theme[:200], "location": f.location[:120]}, extraction)
        clusters, kept_clusters = _sync(
            IndustryCluster, document, city, extraction.clusters,
            lambda f: {"name": f.name[:60], "tier": f.tier}, extraction)
        targets, kept_targets = _sync(
            Target, document, city, extraction.targets,
            lambda f: {"metric": f.metric[:120], "value": f.value, "unit": f.unit, "kind": f.kind, "year": f.year,
                       "baseline_value": f.baseline_value, "baseline_year": f.baseline_year,
                       "metric_key": f.metric_key, "measure": f.measure, "bound": f.bound,
                       "value_high": f.value_high, "estimated": f.estimated}, extraction)
        _link_meeting_officials(extraction, meetings, officials)
        _tag_clusters(extraction, clusters)
    return LoadResult(
        document=document, created=created,
        counts={"officials": len(officials), "meetings": len(meetings), "clusters": len(clusters), "targets": len(targets)},
        kept_for_staff=kept_officials + kept_meetings + kept_clusters + kept_targets,
    )


def _link_meeting_officials(extraction, meetings, officials):
    by_name = {row.name: row.pk for row in officials.values()}
    _sync_related(extraction.meetings, meetings, "officials",
                  lambda fact: {by_name[name] for name in fact.official_names if name in by_name})


def _tag_clusters(extraction, clusters):
    slugs = {slug for fact in extraction.clusters for slug in fact.tags}
    tags = {tag.slug: tag for tag in IndustryTag.objects.filter(slug__in=slugs)}
    if len(tags) < len(slugs):
        tags = sync_industry_tags()  # first ingest, or the taxonomy file gained tags
    _sync_related(extraction.clusters, clusters, "tags",
                  lambda fact: {tags[slug].pk for slug in fact.tags if slug in tags})


def _sync_related(facts, rows, field, wanted_for):
    """Set a many-to-many field on each parser row the staff have not locked, when it differs."""
    for fact in facts:
        row = rows.get(fact.fingerprint)
        if row is None or row.is_locked:
            continue
        related = getattr(row, field)
        wanted = wanted_for(fact)
        if set(related.values_list("pk", flat=True)) != wanted:
            related.set(wanted)
