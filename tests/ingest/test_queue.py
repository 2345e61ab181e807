"""`ingest --queue`: articles go to Celery workers over Redis; the tasks are idempotent."""

import socket
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.atlas.models import Document, IndustryCluster, Meeting, Official, Target
from apps.ingest.pipeline.read import read_file
from apps.ingest.tasks import ingest_article, task_arguments
from config.celery import app
from tests.ingest_articles import ARTICLES

ARTICLE, SECOND = ARTICLES[:2]
REDIS = ("127.0.0.1", 6379)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def rows():
    return {
        model.__name__: sorted(model.objects.values_list("pk", "document__source", "fingerprint"))
        for model in (Document, Official, Meeting, IndustryCluster, Target)
        if model is not Document
    } | {"Document": sorted(Document.objects.values_list("pk", "source", "sha256"))}


def set_conf(monkeypatch, key, value):
    """Set one Celery setting for this test. The app reads Django's CELERY_* settings, and some
    Celery versions then look a setting up under that name first, so both names are set."""
    assert app.conf.broker_url  # load the configuration now, or it would overwrite these later
    monkeypatch.setitem(app.conf, key, value)
    monkeypatch.setitem(app.conf, f"CELERY_{key.upper()}", value)
    assert getattr(app.conf, key) == value


@pytest.fixture
def eager(monkeypatch):
    set_conf(monkeypatch, "task_always_eager", True)
    set_conf(monkeypatch, "task_eager_propagates", True)


@pytest.mark.django_db
def test_queued_ingest_loads_like_ingest(tmp_path, eager):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", SECOND)
    (tmp_path / "c.txt").write_bytes(b"")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 file"):
        call_command("ingest", str(tmp_path), "--queue", "--wait", stdout=out, stderr=err)
    assert "✓ a.txt: 绍兴" in out.getvalue() and "2 of 3 articles ingested by the workers" in out.getvalue()
    assert "✗ c.txt: the file is empty" in err.getvalue()
    assert sorted(Document.objects.values_list("source", flat=True)) == ["a.txt", "b.txt"]


@pytest.mark.django_db
def test_running_a_task_again_gives_the_same_rows(tmp_path, eager):
    raw = read_file(write(tmp_path, "a.txt", ARTICLE))
    arguments = task_arguments(raw.raw_bytes, "a.txt", raw.meta)
    first = ingest_article.delay(**arguments).get()
    before = rows()
    second = ingest_article.delay(**arguments).get()
    assert rows() == before and before["Target"]
    assert (first["status"], second["status"]) == ("created", expected_status_of_a_rerun())
    assert first["counts"] == second["counts"]


def expected_status_of_a_rerun():
    # Before ingest-b's LoadResult.status lands a re-run reports "updated"; after, "unchanged" or "updated".
    from apps.ingest.load import LoadResult

    return "unchanged" if "status" in LoadResult.__dataclass_fields__ else "updated"


def test_a_bad_article_is_a_result_not_a_retry():
    result = ingest_article.apply(kwargs={"source": "x.txt", "data": "", "meta": {}}).get()
    assert result == {"source": "x.txt", "error": "the file is empty"}


def test_tasks_are_acknowledged_only_when_done():
    assert ingest_article.acks_late and ingest_article.reject_on_worker_lost
    assert app.conf.worker_prefetch_multiplier == 1


@pytest.mark.django_db
def test_without_queue_no_broker_is_needed(tmp_path, monkeypatch):
    set_conf(monkeypatch, "broker_url", "redis://127.0.0.1:1/0")  # nothing listens there
    write(tmp_path, "a.txt", ARTICLE)
    out = StringIO()
    call_command("ingest", str(tmp_path), stdout=out)
    assert "1 of 1 articles ingested" in out.getvalue()


@pytest.mark.django_db
def test_queue_with_no_broker_says_so(tmp_path, monkeypatch):
    set_conf(monkeypatch, "broker_url", "redis://127.0.0.1:1/0")
    write(tmp_path, "a.txt", ARTICLE)
    with pytest.raises(CommandError, match="does not answer"):
        call_command("ingest", str(tmp_path), "--queue", stdout=StringIO())
    assert not Document.objects.exists()


def redis_is_up():
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        return False
    return True


def forget_connections():
    """Drop what the app built from its settings (producer pool, routing, result backend)."""
    app.close()
    app._pool = None
    app.__dict__.pop("amqp", None)
    app._local.__dict__.pop("backend", None)


@pytest.fixture
def test_broker(monkeypatch):
    """Redis database 15 and a queue of this test's own, so no other worker takes its tasks."""
    queue = f"ingest-test-{uuid.uuid4().hex[:8]}"
    forget_connections()
    set_conf(monkeypatch, "broker_url", "redis://127.0.0.1:6379/15")
    set_conf(monkeypatch, "result_backend", "redis://127.0.0.1:6379/15")
    set_conf(monkeypatch, "task_default_queue", queue)
    set_conf(monkeypatch, "task_routes", {"apps.ingest.*": {"queue": queue}})
    yield queue
    forget_connections()


@pytest.mark.skipif(not redis_is_up(), reason="no Redis at 127.0.0.1:6379")
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_over_redis(tmp_path, test_broker):
    from celery.contrib.testing.worker import start_worker

    queue = test_broker
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", SECOND)
    out = StringIO()
    with start_worker(app, pool="solo", concurrency=1, perform_ping_check=False, queues=[queue], shutdown_timeout=30):
        call_command("ingest", str(tmp_path), "--queue", "--wait", "--wait-timeout", "60", stdout=out)
        first = rows()
        call_command("ingest", str(tmp_path), "--queue", "--wait", "--wait-timeout", "60", "--force", stdout=StringIO())
    assert "2 of 2 articles ingested by the workers" in out.getvalue()
    assert sorted(Document.objects.values_list("source", flat=True)) == ["a.txt", "b.txt"]
    assert rows() == first
