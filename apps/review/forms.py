"""Forms for staff: a fact's change/add form, and uploading an article."""

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.utils import timezone
from django.utils.text import get_valid_filename, slugify
from simple_history.manager import SIMPLE_HISTORY_REVERSE_ATTR_NAME
from simple_history.utils import get_m2m_reverse_field_name

from apps.atlas.models import Origin
from apps.ingest.pipeline.read import ARTICLE_SUFFIXES, MAX_BYTES
from apps.ingest.validation import MAX_PUBLISHER, MAX_TITLE, Checked, clean_string, clean_url

from .evidence import locate_passage

PASSAGE_FIELDS = ("evidence_text", "evidence_start", "evidence_end")
MIB = 1024 * 1024


def request_limit_message():
    """Said when a request is over DATA_UPLOAD_MAX_MEMORY_SIZE: Django has refused to read it at all."""
    return (
        f"上传内容超过 {settings.DATA_UPLOAD_MAX_MEMORY_SIZE // MIB} MiB，未能读取 — the form was larger than "
        f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE // MIB} MiB and could not be read; an article may be at most "
        f"{MAX_BYTES // MIB} MiB: upload it as a file, or split it"
    )


def staff_fingerprint():
    """Parser fingerprints never contain 'staff:', so (document, fingerprint) cannot collide."""
    return f"staff:{uuid.uuid4().hex}"


class FactForm(forms.ModelForm):
    """The admin form of every fact kind.

    A new fact is the staff's own (origin=staff, a fresh fingerprint).  Its passage is given
    as words or as offsets into the document's normalized text; the other is filled in, so
    evidence_text and the offsets always agree.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding:
            self.instance.origin = Origin.STAFF
            self.instance.fingerprint = staff_fingerprint()
            self.instance.confidence = 1.0
        for name in ("city", "evidence_start", "evidence_end"):
            if name in self.fields:
                self.fields[name].required = False  # filled in by clean()
        self.initial.update(self.historical_relations())
        if "city" in self.fields:
            self.fields["city"].help_text = "留空则取文章所属城市 — leave empty for the document's city"

    def historical_relations(self):
        """{m2m field: pks} as recorded in the version being reverted to, if this form reverts one.

        simple_history hands the revert form an instance rebuilt from the historical row, but
        its tags and officials would be read from the live tables: take them from the history.
        """
        version = getattr(self.instance, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None)
        if version is None:
            return {}
        return {
            field.name: list(
                getattr(version, field.name).values_list(get_m2m_reverse_field_name(field) + "_id", flat=True)
            )
            for field in self.instance._meta.many_to_many
            if field.name in self.fields and hasattr(version, field.name)
        }

    def clean(self):
        cleaned = super().clean()
        document = cleaned.get("document") or (self.instance.document if self.instance.document_id else None)
        if document is None:
            return cleaned  # the document field already carries its error
        if "city" in self.fields and not cleaned.get("city"):
            if document.city is None:
                self.add_error("city", "文章没有城市，请选择 — the document has no city; choose one")
            else:
                cleaned["city"] = document.city
        passage_touched = set(PASSAGE_FIELDS) & set(self.changed_data)
        if self.instance.pk and not passage_touched:
            return cleaned  # parser offsets stay as they were, even an empty span
        try:
            start, end, passage = locate_passage(
                document.normalized_text,
                cleaned.get("evidence_text"),
                cleaned.get("evidence_start"),
                cleaned.get("evidence_end"),
                prefer_text="evidence_text" in self.changed_data,
            )
        except ValidationError as error:
            self.add_error("evidence_text", error)
        else:
            cleaned.update(evidence_start=start, evidence_end=end, evidence_text=passage)
        return cleaned


class UploadForm(forms.Form):
    """One article: a file, or pasted text with its title, publisher and date."""

    file = forms.FileField(
        required=False,
        label="文件 File",
        help_text="Article as .txt, .html or .htm (UTF-8, GB18030/GBK or Big5). A file named like an "
        "ingested article updates that article, exactly as `ingest` would.",
    )
    text = forms.CharField(
        required=False,
        strip=True,
        label="或粘贴正文 Or paste the text",
        help_text=f"At most {MAX_BYTES // MIB} MiB, like a file.",
        widget=forms.Textarea(attrs={"rows": 14, "cols": 80}),
    )
    title = forms.CharField(
        required=False,
        max_length=300,
        label="标题 Title",
        help_text="Required for pasted text; overrides the file's own title when given.",
    )
    publisher = forms.CharField(required=False, max_length=120, label="来源 Publisher")
    published = forms.DateField(
        required=False, label="发布日期 Published", widget=forms.DateInput(attrs={"type": "date"})
    )
    url = forms.URLField(required=False, max_length=500, label="网址 URL", assume_scheme="https")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if Path(upload.name).suffix.lower() not in ARTICLE_SUFFIXES:
            raise ValidationError("只接受 .txt、.html、.htm — only .txt, .html and .htm files are articles")
        if upload.size > MAX_BYTES:
            raise ValidationError(
                f"文件过大 — the file is {upload.size / MIB:.1f} MiB; an article may be at most {MAX_BYTES // MIB} MiB"
            )
        try:
            get_valid_filename(Path(upload.name).name)
        except SuspiciousFileOperation:
            raise ValidationError("文件名无效 — the file name cannot be used") from None
        return upload

    def clean_text(self):
        # Checked here rather than left to the request limit, which sits higher: the form comes back
        # with the error and with the text as typed.
        text = self.cleaned_data["text"]
        size = len(text.encode("utf-8"))
        if size > MAX_BYTES:
            raise ValidationError(
                f"正文过长 — the text is {size / MIB:.1f} MiB; an article may be at most {MAX_BYTES // MIB} MiB"
            )
        return text

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        has_file, has_text = bool(cleaned.get("file")), bool(cleaned.get("text"))
        if has_file == has_text:
            raise ValidationError("请上传文件或粘贴正文（二选一） — upload a file or paste the text, not both")
        if has_text and not cleaned.get("title"):
            self.add_error("title", "粘贴的正文需要标题 — pasted text needs a title")
        self.check_at_boundary(cleaned)
        return cleaned

    def check_at_boundary(self, cleaned):
        """The same checks as a sidecar's values (apps/ingest/validation.py); what they drop is an error here."""
        for name, check in (
            ("title", lambda v, c: clean_string(v, "title", MAX_TITLE, c)),
            ("publisher", lambda v, c: clean_string(v, "publisher", MAX_PUBLISHER, c)),
            ("url", lambda v, c: clean_url(v, "url", c)),
        ):
            if not cleaned.get(name):
                continue
            checked = Checked()
            value = check(cleaned[name], checked)
            if value is None:
                self.add_error(name, checked.warnings[-1])
            else:
                cleaned[name] = value

    @property
    def input_field(self):
        """The field the article came through, where errors about its content belong."""
        return "file" if self.cleaned_data.get("file") else "text"

    def article(self):
        """(source name, bytes, metadata dict) of the valid form, the way `ingest` sees a file and its sidecar."""
        data = self.cleaned_data
        meta = {
            "title": data["title"],
            "publisher": data["publisher"],
            "url": data["url"],
            "published": data["published"].isoformat() if data["published"] else "",
        }
        meta = {key: value for key, value in meta.items() if value}
        if data["file"]:
            return get_valid_filename(Path(data["file"].name).name), data["file"].read(), meta
        return pasted_source_name(data["title"]), data["text"].encode("utf-8"), meta


def pasted_source_name(title, now=None):
    """'upload-20250301-093015-123456-昆山召开大会.txt': unique per paste, readable in the list of documents."""
    stamp = (now or timezone.localtime()).strftime("%Y%m%d-%H%M%S-%f")
    slug = slugify(title, allow_unicode=True)[:40] or "article"
    return f"upload-{stamp}-{slug}.txt"
