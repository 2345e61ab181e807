"""load: an Extraction into the database, idempotently, one transaction per document.

One document per article: the same normalized text under another name is reported as a
duplicate of the first copy, and the same news reposted on another site (the text wrapped
in other chrome) is stored linked to the first copy; neither adds facts.

Facts are matched to existing rows by their identity (the fingerprint, with wording
normalization treats as equal made equal). A row staff have touched (edited, approved,
rejected, or added by hand) is never changed, duplicated or revived — only re-anchored to
its passage when the article changed; parser rows the new extraction no longer yields are
removed. Rows, their edit history and their many-to-many links are written in bulk: a
handful of statements per article, whatever the number of facts.

Two ingests may run at once: the document's transaction is retried when the other one
holds the SQLite lock or won a unique-constraint race on PostgreSQL.
"""

import hashlib
import random
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Q
from django.db.models.functions import Length
from django.utils import timezone

from apps.atlas.cities import city_for_adcode
from apps.atlas.models import Document, IndustryCluster, IndustryTag, Meeting, Official, Target, to_base_units
from apps.atlas.taxonomy import sync_industry_tags

from . import reposts
from .anchors import reanchor
from .identity import fact_identity
from .pipeline.types import Extraction, NormalizedArticle, RawArticle

STATUSES = ("created", "updated", "unchanged", "duplicate", "repost")
RETRY_ATTEMPTS = 6


class NoCityError(ValueError):
    pass


@dataclass
class LoadResult:
    document: Document
    status: str
    counts: dict = field(default_factory=dict)
    kept_for_staff: int = 0
    duplicate_of: Document | None = None
    anchors_lost: int = 0

    @property
    def created(self):
        """A new document row: a new article, or a repost linked to its first copy."""
        return self.status in ("created", "repost")

    @property
    def placed(self):
        """False when the article names no city: the document is kept, with no facts."""
        return self.document.city_id is not None


@dataclass(frozen=True)
class FactKind:
    name: str
    model: type
    values_for: object
    m2m: str = ""


def _target_values(fact):
    base_value, base_unit = to_base_units(fact.value, fact.unit)
    return {
        "metric": fact.metric[:120],
        "value": fact.value,
        "unit": fact.unit,
        "kind": fact.kind,
        "year": fact.year,
        "baseline_value": fact.baseline_value,
        "baseline_year": fact.baseline_year,
        "metric_key": fact.metric_key,
        "measure": fact.measure,
        "bound": fact.bound,
        "value_high": fact.value_high,
        "estimated": fact.estimated,
        "base_value": base_value,
        "base_unit": base_unit,
    }


FACT_KINDS = (
    FactKind("officials", Official, lambda f: {"name": f.name, "title": f.title[:120]}),
    FactKind(
        "meetings",
        Meeting,
        lambda f: {
            "date": f.date,
            "year_inferred": f.year_inferred,
            "name": f.name[:200],
            "kind": f.kind,
            "theme": f.theme[:200],
            "location": f.location[:120],
        },
        m2m="officials",
    ),
    FactKind("clusters", IndustryCluster, lambda f: {"name": f.name[:60], "tier": f.tier}, m2m="tags"),
    FactKind("targets", Target, _target_values),
)
ANCHOR_FIELDS = ("evidence_start", "evidence_end", "evidence_text", "anchor_lost")


def content_hash(text: str) -> str:
    """The article's identity: its normalized text, whitespace aside."""
    return hashlib.sha256("".join(text.split()).encode("utf-8")).hexdigest()


def load(raw: RawArticle, normalized: NormalizedArticle, extraction: Extraction, require_city=True) -> LoadResult:
    """Store the document and its facts. An article that names no city raises NoCityError, or with
    `require_city=False` is stored without facts, so a batch keeps it and says so."""
    if extraction.city is None and require_city:
        raise NoCityError("no Chinese city, county or district is named in the article")
    return _retrying(lambda: _load(raw, normalized, extraction))


def _retrying(work):
    """Run `work` in a transaction; run it again when a concurrent ingest got in the way."""
    for attempt in range(1, RETRY_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                return work()
        except (IntegrityError, OperationalError) as exc:
            if attempt == RETRY_ATTEMPTS or not _is_conflict(exc):
                raise
            time.sleep(random.uniform(0.05, 0.25) * attempt)


def _is_conflict(exc):
    if isinstance(exc, IntegrityError):
        return True  # the other ingest created the same city, tag or document first: the retry finds it
    message = str(exc).lower()
    return "database is locked" in message or "deadlock" in message or "could not serialize" in message


def _load(raw, normalized, extraction):
    text_hash = content_hash(normalized.text)
    adcode = extraction.city.adcode if extraction.city else ""
    document = Document.objects.filter(source=raw.source).first()
    if document is None:
        _lock_new_documents(adcode)
        first = _first_copy(text_hash)
        if first is not None and first.source == raw.source:
            document = first  # another ingest of this very file committed while we waited for the lock
        elif first is not None:
            _note_copy(first, raw)
            return LoadResult(document=first, status="duplicate", duplicate_of=first, counts=_no_counts())
    city = city_for_adcode(adcode) if adcode else None
    values = {
        "sha256": hashlib.sha256(raw.raw_bytes).hexdigest(),
        "content_hash": text_hash,
        "url": raw.meta.url,
        "title": extraction.title[:300],
        "publisher": extraction.publisher[:120],
        "published": extraction.published,
        "raw_text": raw.text,
        "normalized_text": normalized.text,
        "offset_map": normalized.offset_map,
        "script": normalized.script,
        "cleaning": normalized.cleaning,
        "spun": normalized.spun,
        "city_id": city.pk if city else None,
        "extractor_version": extraction.version,
        "genre": extraction.genre,
        "reference_date": extraction.reference_date,
    }
    if document is None:
        original = _repost_of(normalized.text, city, extraction.title)
        document = Document.objects.create(source=raw.source, duplicate_of=original, **values)
        status, is_new = ("repost" if original else "created"), True
    else:
        is_new = False
        if document.duplicate_of_id is None and document.content_hash != text_hash:
            first = _first_copy(text_hash, exclude=document.pk)
            if first is not None:  # the article now reads exactly like another: that one is the document
                values["duplicate_of_id"] = first.pk
        changed = [name for name, value in values.items() if getattr(document, name) != value]
        if changed:
            for name in changed:
                setattr(document, name, values[name])
            document.save(update_fields=[*changed, "ingested_at"])
        status = (
            "duplicate"
            if "duplicate_of_id" in changed
            else "repost"
            if document.duplicate_of_id
            else "updated"
            if changed
            else "unchanged"
        )
    has_facts = city is not None and document.duplicate_of_id is None
    sync = FactSync(document, city, extraction if has_facts else Extraction(version=extraction.version), is_new)
    sync.run()
    if status == "unchanged" and sync.writes:
        status = "updated"
    duplicate_of = None
    if document.duplicate_of_id:
        duplicate_of = Document.objects.get(pk=document.duplicate_of_id)
    return LoadResult(
        document=document,
        status=status,
        counts=sync.counts,
        kept_for_staff=sync.kept,
        duplicate_of=duplicate_of,
        anchors_lost=sync.anchors_lost,
    )


def _no_counts():
    return dict.fromkeys((kind.name for kind in FACT_KINDS), 0)


def _lock_new_documents(adcode):
    """On PostgreSQL, new documents about one city are written one at a time, so a repost
    loaded at the same moment as its first copy still finds it. (SQLite's write lock already
    serializes them.)"""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(adcode.encode("ascii"))])


def _first_copy(text_hash, exclude=None):
    copies = Document.objects.filter(content_hash=text_hash, duplicate_of__isnull=True)
    if exclude is not None:
        copies = copies.exclude(pk=exclude)
    return copies.order_by("pk").first()


def _note_copy(first, raw):
    """Remember where else the same text arrived, for the document page."""
    seen = {entry.get("source") for entry in first.also_seen_as}
    if raw.source != first.source and raw.source not in seen:
        first.also_seen_as = [*first.also_seen_as, {"source": raw.source, "url": raw.meta.url}]
        Document.objects.filter(pk=first.pk).update(also_seen_as=first.also_seen_as)


def _repost_of(text, city, title):
    """The first copy this article reposts: a document about the same city (or with the same
    title) whose text is nearly the same."""
    if city is None and not title:
        return None
    same_place = Q(city=city) if city is not None else Q(pk__in=[])
    if title:
        same_place |= Q(title=title)
    candidates = list(
        Document.objects.filter(same_place, duplicate_of__isnull=True)
        .annotate(length=Length("normalized_text"))
        .filter(length__gte=len(text) / reposts.LENGTH_RATIO, length__lte=len(text) * reposts.LENGTH_RATIO)
        .order_by("pk")
        .values_list("pk", "content_hash")
    )
    # The texts whose shingles this process has not kept, in one query; the rest are not fetched.
    # Taken now, before comparing adds texts and pushes older ones out of the recent few.
    # (A row stored without a content hash is never among them.)
    kept = {pk: reposts.kept_shingles(text_hash) for pk, text_hash in candidates}
    unseen = [pk for pk, found in kept.items() if found is None]
    texts = dict(Document.objects.filter(pk__in=unseen).values_list("pk", "normalized_text")) if unseen else {}
    mine = reposts.recent_shingles(content_hash(text), lambda: text)
    best = reposts.most_similar_shingles(
        mine,
        (
            (pk, kept[pk] if kept[pk] is not None else reposts.recent_shingles(text_hash, lambda pk=pk: texts[pk]))
            for pk, text_hash in candidates
        ),
    )
    return Document.objects.get(pk=best[0]) if best else None


class FactSync:
    """The parser's facts of one document against its rows: planned in memory, written in bulk."""

    def __init__(self, document, city, extraction, is_new):
        self.document, self.city, self.extraction, self.is_new = document, city, extraction, is_new
        self.now = timezone.now()
        self.counts, self.kept, self.writes, self.anchors_lost = {}, 0, 0, 0
        self.rows = {}  # kind name -> {identity: row}
        self.facts = {}  # kind name -> {identity: fact}
        self.history = defaultdict(dict)  # model -> {pk: (row, history type)}
        self.had_rows = {}  # kind name -> whether the document had rows of that kind before
        self.links = {}  # model -> (m2m field, through model, source attname, {fact pk: {related pk: link}})

    def run(self):
        for kind in FACT_KINDS:
            self._sync_kind(kind)
        self._sync_m2m(FACT_KINDS[1], self._official_ids_for)
        self._sync_m2m(FACT_KINDS[2], self._tag_ids_for())
        self._write_history()

    # -- rows -----------------------------------------------------------------------------
    def _sync_kind(self, kind):
        model, text = kind.model, self.document.normalized_text
        existing = [] if self.is_new else list(model.objects.filter(document=self.document))
        by_identity = {}
        for row in existing:
            current = by_identity.get(fact_identity(row.fingerprint))
            if current is None or (row.is_locked and not current.is_locked):
                by_identity[fact_identity(row.fingerprint)] = row
        rows, facts, to_create, to_update = {}, {}, [], []
        for fact in getattr(self.extraction, kind.name):
            identity = fact_identity(fact.fingerprint)
            if identity in rows:
                continue
            row = by_identity.get(identity)
            rows[identity], facts[identity] = row, fact
            if row is not None and row.is_locked:
                self.kept += 1
                continue
            values = {**kind.values_for(fact), **self._provenance(fact)}
            if row is None:
                rows[identity] = model(document=self.document, fingerprint=fact.fingerprint[:200], **values)
                to_create.append(rows[identity])
            elif any(getattr(row, key) != value for key, value in values.items()):
                for key, value in values.items():
                    setattr(row, key, value)
                to_update.append(row)
        matched = {row.pk for row in rows.values() if row.pk is not None}
        stale = [row.pk for row in existing if row.pk not in matched and not row.is_locked]
        for row in existing:
            if row.is_locked:
                anchor = reanchor(text, row.evidence_text, row.evidence_start, row.evidence_end, row.anchor_lost)
                if anchor is not None:
                    row.evidence_start, row.evidence_end, row.evidence_text, row.anchor_lost = (
                        anchor.start,
                        anchor.end,
                        anchor.text,
                        anchor.lost,
                    )
                    to_update.append(row)
                self.anchors_lost += row.anchor_lost
        if to_create:
            model.objects.bulk_create(to_create)
        if to_update:
            for row in to_update:
                row.updated_at = self.now
            model.objects.bulk_update(to_update, self._fields(kind))
        if stale:
            model.objects.filter(pk__in=stale).delete()  # one "-" history row each, through the delete signal
        self.writes += len(to_create) + len(to_update) + len(stale)
        self.history[model].update({row.pk: (row, "+") for row in to_create})
        self.history[model].update({row.pk: (row, "~") for row in to_update})
        self.rows[kind.name], self.facts[kind.name] = rows, facts
        self.had_rows[kind.name] = bool(existing)
        self.counts[kind.name] = len(rows)

    def _fields(self, kind):
        """Every concrete field a parser update or a re-anchoring may have changed."""
        skip = {"id", "document", "fingerprint", "review_status", "edited", "origin"}
        return [f.name for f in kind.model._meta.concrete_fields if f.name not in skip]

    def _provenance(self, fact):
        return {
            "evidence_start": fact.evidence.start,
            "evidence_end": fact.evidence.end,
            "evidence_text": fact.evidence.text[:2000],
            "extractor_version": self.extraction.version,
            "confidence": fact.confidence,
            "city_id": self.city.pk,
            "anchor_lost": False,
        }

    # -- many-to-many ---------------------------------------------------------------------
    def _official_ids_for(self, fact):
        by_name = {row.name: row.pk for row in self.rows["officials"].values()}
        return {by_name[name] for name in fact.official_names if name in by_name}

    def _tag_ids_for(self):
        slugs = {slug for fact in self.extraction.clusters for slug in fact.tags}
        tags = {tag.slug: tag for tag in IndustryTag.objects.filter(slug__in=slugs)} if slugs else {}
        if len(tags) < len(slugs):
            tags = sync_industry_tags()  # first ingest, or the taxonomy file gained tags
        return lambda fact: {tags[slug].pk for slug in fact.tags if slug in tags}

    def _sync_m2m(self, kind, wanted_for):
        """Set the links of each parser row staff have not locked; links of locked rows stay."""
        m2m_field = kind.model._meta.get_field(kind.m2m)
        through = m2m_field.remote_field.through
        source, target = m2m_field.m2m_field_name() + "_id", m2m_field.m2m_reverse_field_name() + "_id"
        rows = self.rows[kind.name]
        current = defaultdict(dict)  # fact pk -> {related pk: through row}
        if self.had_rows[kind.name]:
            for link in through.objects.filter(**{m2m_field.m2m_field_name() + "__document": self.document}):
                current[getattr(link, source)][getattr(link, target)] = link
        to_add, to_remove, changed = [], [], []
        for identity, row in rows.items():
            if row.is_locked:
                continue
            wanted, have = wanted_for(self.facts[kind.name][identity]), current[row.pk]
            if wanted == set(have):
                continue
            changed.append(row)
            to_remove.extend(link.pk for related, link in have.items() if related not in wanted)
            to_add.extend(through(**{source: row.pk, target: related}) for related in wanted - set(have))
        if to_remove:
            through.objects.filter(pk__in=to_remove).delete()
        if to_add:
            through.objects.bulk_create(to_add)
        removed = set(to_remove)
        for link in to_add:
            current[getattr(link, source)][getattr(link, target)] = link
        for links in current.values():
            for related in [related for related, link in links.items() if link.pk in removed]:
                del links[related]
        for row in changed:
            self.history[kind.model].setdefault(row.pk, (row, "~"))
        self.writes += len(to_add) + len(to_remove)
        self.links[kind.model] = (m2m_field, through, source, current)

    # -- history --------------------------------------------------------------------------
    def _write_history(self):
        """One historical row per created or changed fact, as simple_history would save it,
        with the snapshot of its links for the models that track them."""
        links = self.links
        for model, entries in self.history.items():
            if not entries:
                continue
            history_model = model.history.model
            records = [
                history_model(
                    history_date=self.now,
                    history_type=history_type,
                    history_change_reason=None,
                    history_user=history_model.get_default_history_user(row),
                    **{f.attname: getattr(row, f.attname) for f in history_model.tracked_fields},
                )
                for row, history_type in entries.values()
            ]
            records = history_model.objects.bulk_create(records)
            if model not in links:
                continue
            m2m_field, through, source, current = links[model]
            snapshot_model = getattr(history_model, m2m_field.name).model
            through_fields = [f.attname for f in through._meta.concrete_fields]
            snapshots = [
                snapshot_model(history_id=record.pk, **{name: getattr(link, name) for name in through_fields})
                for record in records
                for link in current[record.id].values()
            ]
            if snapshots:
                snapshot_model.objects.bulk_create(snapshots)
