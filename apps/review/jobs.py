"""The background step of an upload: run the pipeline for an UploadJob and record how far it got.

The request that uploads only stores the job; run_job does the slow part (cleaning, jieba,
extraction, loading).  It runs in a thread of the web process once the job's row is committed,
or inline when settings.UPLOAD_JOBS_IN_THREAD is off (the tests: a test's transaction is
invisible to another thread's connection).  A job left "running" by a process that stopped
stays so; uploading the article again starts a fresh job.
"""

import json
import logging
import threading
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connections, transaction

from apps.ingest.load import NoCityError, load
from apps.ingest.pipeline.read import meta_from_dict, read_bytes
from apps.ingest.pipeline.types import ArticleError
from apps.ingest.service import process

from .models import UploadJob

logger = logging.getLogger(__name__)
Status, Step = UploadJob.Status, UploadJob.Step


def submit(job):
    """Start the job: in a thread once its row is committed, or now when threads are off; returns it as it stands."""
    if settings.UPLOAD_JOBS_IN_THREAD:
        transaction.on_commit(lambda: start_thread(job.pk))
        return job  # queued: the thread owns the row from here on
    return run_job(job.pk)


def start_thread(job_pk):
    thread = threading.Thread(target=run_in_thread, args=(job_pk,), name=f"upload-{job_pk}", daemon=True)
    thread.start()
    return thread


def run_in_thread(job_pk):
    close_old_connections()
    try:
        run_job(job_pk)
    finally:
        connections.close_all()  # this thread's connections would otherwise outlive it


def run_job(job_pk):
    """Read → normalize → segment → extract → load one uploaded article; never raises."""
    job = UploadJob.objects.get(pk=job_pk)
    data, field = bytes(job.data), "text" if job.pasted else "file"
    try:
        advance(job, Status.RUNNING, Step.READING)
        raw = read_bytes(job.source, data, meta_from_dict(job.meta, where="the form"))
        advance(job, Status.RUNNING, Step.EXTRACTING)
        normalized, extraction = process(raw)
        advance(job, Status.RUNNING, Step.LOADING)
        # One transaction: an upload that cannot be kept on disk leaves no half-loaded article behind.
        with transaction.atomic():
            result = load(raw, normalized, extraction)
            keep_upload(job.source, data, job.meta)
    except (ArticleError, NoCityError) as error:
        fail(job, f"无法导入 — cannot ingest this article: {error}", field)
    except OSError as error:
        fail(job, f"无法保存上传文件 — cannot store the upload in {settings.UPLOAD_DIR}: {error}", "")
    except Exception:
        logger.exception("upload job %s failed", job.pk)
        fail(job, "处理出错 — the article could not be processed; the error is in the server log", field)
    else:
        job.document, job.created_document, job.counts = result.document, result.created, dict(result.counts)
        job.data = b""  # the article is in, and its bytes are kept under UPLOAD_DIR
        advance(job, Status.DONE, Step.FINISHED)
        logger.info("upload job %s: %s %s", job.pk, "created" if result.created else "updated", result.document)
    return job


def advance(job, status, step):
    job.status, job.step = status, step
    job.save()


def fail(job, message, field):
    job.error, job.error_field = message, field
    advance(job, Status.FAILED, Step.FINISHED)
    logger.info("upload job %s failed: %s", job.pk, message)


def keep_upload(source, data, meta):
    """The bytes as uploaded, plus a sidecar, under UPLOAD_DIR: `ingest` on that folder gives the same documents."""
    folder = Path(settings.UPLOAD_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / source).write_bytes(data)
    sidecar = folder / (source.rsplit(".", 1)[0] + ".meta.json")
    if meta:
        sidecar.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    else:
        sidecar.unlink(missing_ok=True)  # an older upload's metadata would be wrong for this one
