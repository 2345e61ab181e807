"""Uploading an article from the admin: a file or pasted text, through the same pipeline as `ingest`."""

import json
from datetime import date

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.atlas.models import Document, IndustryCluster, Meeting, Official, Target
from apps.ingest.pipeline.read import MAX_BYTES
from apps.ingest.service import ingest_path
from apps.review import jobs
from apps.review.forms import pasted_source_name
from apps.review.jobs import run_job
from apps.review.models import UploadJob

SEED = settings.BASE_DIR / "seeds" / "004_bc168875bdddeb84.txt"  # 昆山, traditional script
UPLOAD_URL = "/admin/review/upload/"
FACT_MODELS = (Official, Meeting, IndustryCluster, Target)


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    return settings.UPLOAD_DIR


def snapshot():
    """Everything the database holds about articles and facts, to show an upload changed nothing."""
    return {
        "documents": sorted(Document.objects.values_list("source", "sha256", "title")),
        **{
            model.__name__: sorted(model.objects.values_list("pk", "fingerprint", "review_status"))
            for model in FACT_MODELS
        },
    }


def post_upload(client, **fields):
    data = {"text": "", "title": "", "publisher": "", "published": "", "url": "", **fields}
    return client.post(UPLOAD_URL, data)


def test_upload_page_is_linked_from_the_document_list(admin_client):
    assert admin_client.get(UPLOAD_URL).status_code == 200
    assert f'href="{UPLOAD_URL}"' in admin_client.get(reverse("admin:atlas_document_changelist")).content.decode()


def test_uploaded_file_is_ingested_kept_and_opens_its_review_page(admin_client, upload_dir):
    data = SEED.read_bytes()
    response = post_upload(
        admin_client,
        file=SimpleUploadedFile("昆山 article.txt", data, "text/plain"),
        publisher="昆山日报",
        published="2024-05-06",
    )
    document = Document.objects.get(source="昆山_article.txt")
    assert response.status_code == 302
    assert response["Location"] == reverse("review:document", args=[document.pk])
    assert (document.city.slug, document.publisher, document.published) == ("kunshan", "昆山日报", date(2024, 5, 6))
    assert document.targets.count() > 0 and document.industryclusters.count() > 0
    assert (upload_dir / "昆山_article.txt").read_bytes() == data
    assert json.loads((upload_dir / "昆山_article.meta.json").read_text(encoding="utf-8")) == {
        "publisher": "昆山日报",
        "published": "2024-05-06",
    }

    review = admin_client.get(response["Location"]).content.decode()
    target = document.targets.first()
    assert reverse("admin:atlas_target_change", args=[target.pk]) in review
    assert "已导入" in review  # the success message


def test_uploaded_file_gives_the_same_facts_as_ingest(admin_client, tmp_path):
    post_upload(admin_client, file=SimpleUploadedFile(SEED.name, SEED.read_bytes()))
    uploaded = {model.__name__: sorted(model.objects.values_list("fingerprint", flat=True)) for model in FACT_MODELS}
    Document.objects.all().delete()
    ingest_path(SEED)
    from_disk = {model.__name__: sorted(model.objects.values_list("fingerprint", flat=True)) for model in FACT_MODELS}
    assert uploaded == from_disk and uploaded["Target"]


def test_pasted_text_is_stored_under_a_generated_name(admin_client, upload_dir):
    text = SEED.read_bytes().decode("utf-8")
    response = post_upload(
        admin_client,
        text=text,
        title="昆山：集成电路产业再上台阶",
        publisher="新华社",
        published="2024-07-01",
        url="https://example.com/a",
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.source.startswith("upload-") and document.source.endswith("-昆山集成电路产业再上台阶.txt")
    assert (document.title, document.publisher, document.url) == (
        "昆山：集成电路产业再上台阶",
        "新华社",
        "https://example.com/a",
    )
    assert document.city.slug == "kunshan" and document.targets.exists()
    assert (upload_dir / document.source).read_text(encoding="utf-8") == text.strip()


def test_uploading_the_same_file_again_updates_its_document(admin_client):
    for _ in range(2):
        post_upload(admin_client, file=SimpleUploadedFile(SEED.name, SEED.read_bytes()))
    assert Document.objects.count() == 1
    assert "已更新" in admin_client.get(reverse("review:document", args=[Document.objects.get().pk])).content.decode()


NO_CITY = (
    "今天天气很好，我们一起去公园散步，看到了很多美丽的花朵和绿色的树木，心情非常愉快，大家都说这是一个难忘的周末。"
)


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"file": ("a.txt", b"")}, "file", ""),  # Django refuses an empty file itself
        ({"file": ("a.txt", b"   \n\n")}, "file", "empty"),
        ({"file": ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)}, "file", "binary"),
        ({"file": ("a.txt", b"\x80\xff\xfe\x81" * 40)}, "file", "not UTF-8"),
        ({"file": ("a.pdf", "昆山市召开大会".encode())}, "file", ".txt"),
        ({"file": ("a.txt", NO_CITY.encode())}, "file", "no Chinese city"),
        ({"text": NO_CITY, "title": "周末"}, "text", "no Chinese city"),
        ({"text": "昆山市", "title": "太短"}, "text", "fewer than 30"),
        ({"text": NO_CITY}, "title", "needs a title"),
        ({"published": "2024-13-01", "text": NO_CITY, "title": "x"}, "published", ""),
        ({}, None, "not both"),
        ({"file": ("a.txt", NO_CITY.encode()), "text": NO_CITY, "title": "x"}, None, "not both"),
    ],
    ids=[
        "empty file",
        "blank file",
        "binary",
        "undecodable",
        "not an article type",
        "no city in file",
        "no city in text",
        "too short",
        "no title",
        "bad date",
        "nothing",
        "both",
    ],
)
def test_bad_input_gives_a_form_error_and_loses_nothing(admin_client, upload_dir, fields, field, message):
    ingest_path(SEED)
    before = snapshot()
    if "file" in fields:
        name, data = fields["file"]
        fields = {**fields, "file": SimpleUploadedFile(name, data)}
    response = post_upload(admin_client, **fields)
    assert response.status_code == 200
    form = response.context["form"]
    errors = form.errors.get(field or "__all__")
    assert errors, form.errors
    assert message in " ".join(errors)
    assert message in response.content.decode()
    assert snapshot() == before
    assert not upload_dir.exists() or not any(upload_dir.iterdir())


def test_an_upload_that_cannot_be_stored_leaves_no_article_behind(admin_client, upload_dir):
    upload_dir.parent.mkdir(exist_ok=True)
    upload_dir.write_text("a file where the folder should be")
    response = post_upload(admin_client, file=SimpleUploadedFile(SEED.name, SEED.read_bytes()))
    assert response.status_code == 200 and "cannot store the upload" in response.content.decode()
    assert not Document.objects.exists() and not Target.objects.exists()


# Limits: a clear error, and what was typed comes back -----------------------------------------------


def test_pasted_text_over_the_article_limit_is_refused_and_comes_back(admin_client):
    text = "昆山市召开大会。" * (MAX_BYTES // len("昆山市召开大会。".encode()) + 1)
    response = post_upload(admin_client, text=text, title="太长的文章", publisher="新华社")
    assert response.status_code == 200
    form = response.context["form"]
    assert "an article may be at most 5 MiB" in " ".join(form.errors["text"])
    assert form["text"].value() == text and form["title"].value() == "太长的文章"
    assert not Document.objects.exists()


def test_pasted_text_over_djangos_default_request_limit_reaches_the_form(admin_client):
    """2.5 MB was Django's default limit on a request's fields: such a paste used to be a bare 400."""
    text = "昆山" * (512 * 1024)  # 1 Mi characters, 3 MiB of UTF-8
    assert len(text.encode()) > 2.5 * 1000 * 1000
    response = post_upload(admin_client, text=text)  # no title: the form answers, so the request was read
    assert response.status_code == 200
    assert "needs a title" in " ".join(response.context["form"].errors["title"])
    assert response.context["form"]["text"].value() == text


def test_a_request_over_the_request_limit_gets_a_clear_message(admin_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post_upload(admin_client, text="昆山" * 1000, title="x")
    assert response.status_code == 413
    assert "could not be read" in response.content.decode()


def test_a_file_over_the_limit_is_refused_with_its_size(admin_client):
    data = b"a" * (MAX_BYTES + 1)
    response = post_upload(admin_client, file=SimpleUploadedFile("big.txt", data))
    assert response.status_code == 200
    assert "the file is 5.0 MiB; an article may be at most 5 MiB" in " ".join(response.context["form"].errors["file"])


# The background step ----------------------------------------------------------------------------------


def queued_job(admin_user, text, title="昆山：集成电路产业再上台阶"):
    return UploadJob.objects.create(
        created_by=admin_user,
        source=pasted_source_name(title),
        pasted=True,
        data=text.encode(),
        meta={"title": title, "publisher": "新华社"},
    )


def test_a_running_job_shows_its_progress_and_polls(admin_client, admin_user):
    job = queued_job(admin_user, SEED.read_text(encoding="utf-8"))
    page = admin_client.get(job.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert f'hx-get="{job.get_absolute_url()}"' in html and "排队中 Queued" in html and "htmx" in html
    fragment = admin_client.get(job.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert 'id="upload-progress"' in fragment and "<html" not in fragment


def test_a_finished_job_sends_the_browser_to_its_review_page(admin_client, admin_user):
    job = run_job(queued_job(admin_user, SEED.read_text(encoding="utf-8")).pk)
    assert job.status == UploadJob.Status.DONE and job.document.city.slug == "kunshan"
    review = reverse("review:document", args=[job.document_id])
    assert admin_client.get(job.get_absolute_url(), headers={"HX-Request": "true"})["HX-Redirect"] == review
    response = admin_client.get(job.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == review
    assert "已导入" in admin_client.get(review).content.decode()


def test_a_failed_job_gives_back_the_form_with_the_text_and_the_error(admin_client, admin_user):
    job = run_job(queued_job(admin_user, NO_CITY, title="周末").pk)
    assert job.status == UploadJob.Status.FAILED and "no Chinese city" in job.error
    response = admin_client.get(job.get_absolute_url(), follow=True)
    form = response.context["form"]
    assert form["text"].value() == NO_CITY and form["title"].value() == "周末" and form["publisher"].value() == "新华社"
    assert "no Chinese city" in " ".join(form.errors["text"])


@pytest.mark.django_db(transaction=True)
def test_the_upload_answers_at_once_and_a_thread_does_the_work(client, admin_user, settings, monkeypatch):
    settings.UPLOAD_JOBS_IN_THREAD = True
    threads = []
    monkeypatch.setattr(jobs, "start_thread", lambda pk, start=jobs.start_thread: threads.append(start(pk)))
    client.force_login(admin_user)
    response = post_upload(client, text=SEED.read_text(encoding="utf-8"), title="昆山：集成电路产业再上台阶")
    [thread] = threads
    # Waits for the thread before reading: the tests' in-memory SQLite shares one cache between
    # connections and refuses a read while another connection writes (a file database waits instead).
    thread.join(timeout=120)
    job = UploadJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.status == UploadJob.Status.DONE, job.error
    poll = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert poll["HX-Redirect"] == reverse("review:document", args=[job.document_id])
    assert job.document.targets.exists()


@pytest.mark.parametrize("job", ["abc", "00000000-0000-0000-0000-000000000000"])
def test_refilling_the_form_from_an_unknown_job_is_404(admin_client, job):
    assert admin_client.get(UPLOAD_URL, {"job": job}).status_code == 404


def test_staff_see_past_uploads_and_how_they_ended(admin_client, admin_user):
    done = run_job(queued_job(admin_user, SEED.read_text(encoding="utf-8")).pk)
    failed = run_job(queued_job(admin_user, NO_CITY, title="周末").pk)
    assert bytes(done.data) == b"" and bytes(failed.data) == NO_CITY.encode()  # kept only while needed
    page = admin_client.get(reverse("admin:review_uploadjob_changelist")).content.decode()
    assert done.source in page and failed.source in page and "no Chinese city" in page
    assert admin_client.get(reverse("admin:review_uploadjob_change", args=[failed.pk])).status_code == 200
