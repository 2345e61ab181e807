"""The whole pipeline for one article: read → normalize → segment → extract → load.

`ingest` (in this process, in worker processes, or through the Celery queue) and the admin's
upload all come through here, so an uploaded article is treated exactly like one on disk.
"""

import logging

from .load import LoadResult, load
from .pipeline.extract import extract
from .pipeline.normalize import normalize
from .pipeline.read import read_bytes, read_file
from .pipeline.segment import word_edges
from .pipeline.types import ArticleMeta, RawArticle

logger = logging.getLogger("apps.ingest")


def process(raw: RawArticle):
    """The pure part: (normalized article, extraction), no database."""
    normalized = normalize(raw.text)
    # Extraction needs only where words start and end, not the words as tokens.
    return normalized, extract(normalized, meta=raw.meta, word_edges=word_edges(normalized.text))


def ingest_raw(raw: RawArticle, require_city=True) -> LoadResult:
    normalized, extraction = process(raw)
    return load(raw, normalized, extraction, require_city=require_city)


def ingest_path(path, source=None) -> LoadResult:
    """One article file; an article that names no city is kept without facts (see LoadResult.placed)."""
    return ingest_raw(read_file(path, source), require_city=False)


def ingest_upload(source: str, data: bytes, meta: ArticleMeta | None = None) -> LoadResult:
    """An article given as bytes (an upload or pasted text encoded as UTF-8)."""
    return ingest_raw(read_bytes(source, data, meta))


def summarize(result: LoadResult, warnings=(), source=None) -> dict:
    """A loaded article as plain JSON-able data: what `ingest` prints and a queued task returns.

    `source` is the name of the file loaded: for a duplicate, load returns the first copy's document.
    """
    document = result.document
    city = document.city
    status = getattr(result, "status", None) or ("created" if result.created else "updated")
    duplicate_of = getattr(result, "duplicate_of", None)
    summary = {
        "source": source or document.source,
        "status": status,
        "duplicate_of": getattr(duplicate_of, "source", None),
        "city": city.name if city else None,
        "level": city.level if city else None,
        "province": city.province if city else None,
        "counts": dict(result.counts),
        "kept_for_staff": result.kept_for_staff,
        "cleaning": document.cleaning or {},
        "warnings": list(warnings),
    }
    logger.info(
        "%s: %s, %s, %s",
        summary["source"],
        status,
        summary["city"] or "no city",
        ", ".join(f"{count} {kind}" for kind, count in summary["counts"].items()),
    )
    return summary
