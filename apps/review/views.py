"""Staff pages next to the admin: upload an article, follow its processing, and review all facts of one document."""

import uuid
from dataclasses import dataclass

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from apps.atlas.models import Document, IndustryCluster, Meeting, Official, Target
from apps.ingest.pipeline.read import meta_from_dict, read_bytes
from apps.ingest.pipeline.types import ArticleError

from . import jobs
from .evidence import fact_in_context
from .forms import UploadForm, request_limit_message
from .models import UploadJob

FACT_MODELS = (Target, IndustryCluster, Meeting, Official)


def admin_page(request, template_name, context):
    """Render inside the admin's chrome (header, nav sidebar, permissions-aware links)."""
    return render(request, template_name, {**admin.site.each_context(request), **context})


def require_upload_permission(request):
    # Uploading creates a document and its facts, so it asks for the right to add documents.
    if not request.user.has_perm("atlas.add_document"):
        raise PermissionDenied


def upload(request):
    """The form; a valid article becomes an UploadJob, processed in the background, and we go to its page."""
    require_upload_permission(request)
    try:
        form = UploadForm(request.POST or None, request.FILES or None)
    except RequestDataTooBig:
        # Django stops reading the body here, so the text cannot come back: say why and how much fits.
        return upload_page(request, form_with_error({}, None, request_limit_message()), status=413)
    if request.method == "GET" and "job" in request.GET:
        form = form_of_failed_job(request)
    if request.method == "POST" and form.is_valid():
        source, data, meta = form.article()
        try:
            read_bytes(source, data, meta_from_dict(meta, where="the form"))  # quick checks: encoding, length
        except ArticleError as error:
            form.add_error(form.input_field, f"无法导入 — cannot ingest this article: {error}")
            return upload_page(request, form)
        job = UploadJob.objects.create(
            created_by=request.user, source=source, data=data, meta=meta, pasted=form.input_field == "text"
        )
        return after_job(request, jobs.submit(job))
    return upload_page(request, form)


def upload_page(request, form, status=200):
    response = admin_page(request, "review/upload.html", {"title": "上传文章 Upload an article", "form": form})
    response.status_code = status
    return response


def form_of_failed_job(request):
    try:
        pk = uuid.UUID(request.GET["job"])
    except ValueError:
        raise Http404("no such upload") from None
    job = get_object_or_404(UploadJob, pk=pk, status=UploadJob.Status.FAILED)
    return failed_form(job)


def after_job(request, job):
    """Where a job sends the browser: its review page when done, the form when it failed, else its progress page."""
    if job.status == UploadJob.Status.DONE:
        verb = "已导入 ingested" if job.created_document else "已更新 updated"
        messages.success(
            request, f"{verb}: {job.document} · " + ", ".join(f"{count} {kind}" for kind, count in job.counts.items())
        )
        return redirect("review:document", job.document_id)
    if job.status == UploadJob.Status.FAILED:
        return upload_page(request, failed_form(job))
    return redirect(job)


def failed_form(job):
    """The upload form as it was sent, with the error the background step found: nothing typed is lost.

    A file cannot be put back into a file input; its name is in the error, and the staff still have it.
    """
    data = {key: job.meta.get(key, "") for key in ("title", "publisher", "published", "url")}
    if job.pasted:
        data["text"] = bytes(job.data).decode("utf-8")
    return form_with_error(data, job.error_field or None, job.error)


def form_with_error(data, field, message):
    """A bound form showing `data` with one error: the one we know of, not what validating `data` would say."""
    form = UploadForm(data)
    form.full_clean()
    form.errors.clear()  # e.g. a file job has no file here; only the background step's error counts
    form.add_error(field, message)
    return form


def upload_job(request, pk):
    """The progress of one upload; htmx polls it, and it sends the browser on when the job is finished."""
    require_upload_permission(request)
    job = get_object_or_404(UploadJob.objects.select_related("document"), pk=pk)
    if job.finished:
        target = (
            reverse("review:document", args=[job.document_id])
            if job.status == UploadJob.Status.DONE
            else f"{reverse('review:upload')}?job={job.pk}"
        )
        if job.status == UploadJob.Status.DONE:
            after_job(request, job)  # queues the success message for the review page
        return HttpResponseClientRedirect(target) if request.htmx else redirect(target)
    template = "review/upload_job.html#progress" if request.htmx else "review/upload_job.html"
    return admin_page(request, template, {"title": "处理中 Processing the upload", "job": job})


@dataclass
class FactSection:
    model: type
    facts: list

    @property
    def title(self):
        return self.model._meta.verbose_name_plural

    @property
    def changelist_url(self):
        opts = self.model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return f"{changelist}?document__id__exact={self.facts[0].document_id}"


def document_review(request, pk):
    """Every fact of one document, kind by kind, each with its passage; where an upload lands."""
    if not request.user.has_perm("atlas.view_document"):
        raise PermissionDenied
    document = get_object_or_404(Document.objects.select_related("city"), pk=pk)
    sections = []
    for model in FACT_MODELS:
        facts = list(model.objects.filter(document=document).order_by("evidence_start", "pk"))
        for fact in facts:
            fact.document = document  # one copy of the text, not one query per fact
            fact.in_context = fact_in_context(fact, context=40)
            opts = model._meta
            fact.change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[fact.pk])
        if facts:
            sections.append(FactSection(model, facts))
    return admin_page(
        request,
        "review/document.html",
        {
            "title": f"审核 Review: {document}",
            "document": document,
            "sections": sections,
        },
    )
