"""Celery tasks: one article per task, written to the database by whichever worker takes it.

A task carries the file's bytes (not its path), so workers need no shared disk. It is
idempotent — load matches the document by its source and each fact by its fingerprint, so
running it twice gives the same rows — which is what makes acks_late safe: a worker that dies
mid-task leaves the message unacknowledged and another worker simply runs it again.
"""

import base64

from django.db import DatabaseError

from config.celery import app

from .batch import describe_failure
from .pipeline.read import read_bytes
from .pipeline.types import ArticleError, ArticleMeta
from .service import ingest_raw, summarize
from .validation import meta_from_dict


def task_arguments(raw_bytes: bytes, source: str, meta: ArticleMeta) -> dict:
    """What a task needs, as JSON: the bytes in base64 and the already checked metadata."""
    return {
        "source": source,
        "data": base64.b64encode(raw_bytes).decode("ascii"),
        "meta": {
            "url": meta.url,
            "published": meta.published.isoformat() if meta.published else "",
            "publisher": meta.publisher,
            "title": meta.title,
        },
    }


@app.task(
    name="apps.ingest.ingest_article",
    acks_late=True,
    reject_on_worker_lost=True,
    # Two workers creating one document at once collide on its unique source: the retry updates it.
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    max_retries=3,
)
def ingest_article(source: str, data: str, meta: dict) -> dict:
    """Read, extract and load one article; a bad article is reported in the result, not retried."""
    try:
        raw = read_bytes(source, base64.b64decode(data), meta_from_dict(meta, where="metadata"))
        result = ingest_raw(raw, require_city=False)
    except ArticleError as exc:
        return {"source": source, "error": describe_failure(exc)}
    return summarize(result, raw.meta.warnings, source=source)
