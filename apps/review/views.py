"""Staff pages next to the admin: upload an article, and review all facts of one document."""
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from apps.atlas.models import Document, IndustryCluster, Meeting, Official, Target
from apps.ingest.load import NoCityError
from apps.ingest.pipeline.read import meta_from_dict
from apps.ingest.pipeline.types import ArticleError
from apps.ingest.service import ingest_upload

from .evidence import fact_in_context
from .forms import UploadForm

FACT_MODELS = (Target, IndustryCluster, Meeting, Official)


def admin_page(request, template_name, context):
    """Render inside the admin's chrome (header, nav sidebar, permissions-aware links)."""
    return render(request, template_name, {**admin.site.each_context(request), **context})


def upload(request):
    # Uploading creates a document and its facts, so it asks for the right to add documents.
    if not request.user.has_perm("atlas.add_document"):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        source, data, meta = form.article()
        try:
            # One transaction: an upload that cannot be kept on disk leaves no half-loaded article behind.
            with transaction.atomic():
                result = ingest_upload(source, data, meta_from_dict(meta, where="the form"))
                keep_upload(source, data, meta)
        except (ArticleError, NoCityError) as error:
            form.add_error(form.input_field, f"无法导入 — cannot ingest this article: {error}")
        except OSError as error:
            form.add_error(None, f"无法保存上传文件 — cannot store the upload in {settings.UPLOAD_DIR}: {error}")
        else:
            verb = "已导入 ingested" if result.created else "已更新 updated"
            messages.success(request, f"{verb}: {result.document} · " + ", ".join(
                f"{count} {kind}" for kind, count in result.counts.items()))
            return redirect("review:document", result.document.pk)
    return admin_page(request, "review/upload.html", {"title": "上传文章 Upload an article", "form": form})


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
    return admin_page(request, "review/document.html", {
        "title": f"审核 Review: {document}",
        "document": document,
        "sections": sections,
    })
