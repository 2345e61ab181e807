"""The admin: every atlas model, and the review of the facts the parser extracted.

The four fact admins share FactAdmin: the quoted passage in its context, links to the
public pages, approve/reject actions, and the rule that a staff edit locks the fact
against re-ingest (edited=True).  History and revert come from SimpleHistoryAdmin.
"""

from django.contrib import admin, messages
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin

from apps.atlas.models import City, Document, IndustryCluster, IndustryTag, Meeting, Official, ReviewStatus, Target
from apps.dashboard.documents import fact_key

from .evidence import fact_in_context
from .forms import FactForm
from .models import UploadJob

admin.site.site_header = "城市产业战略图谱 · 管理 City Strategy Atlas"
admin.site.site_title = "City Strategy Atlas admin"

# Fields that record the review rather than what the fact says: changing only these is no edit.
REVIEW_FIELDS = frozenset({"review_status", "edited", "updated_at"})
# A document's text columns run to many kilobytes; fact lists only show its title.
HEAVY_DOCUMENT_COLUMNS = ("raw_text", "normalized_text", "offset_map", "cleaning")

FACT_COLUMNS = ("city", "review_status", "edited", "passage")
FACT_FILTERS = (
    "review_status",
    "edited",
    "origin",
    "anchor_lost",
    ("city", RelatedOnlyFieldListFilter),
    ("document", RelatedOnlyFieldListFilter),
)
FACT_SEARCH = ("evidence_text", "city__name", "document__title")

# Form labels in Chinese with the English staff know from the code, the export and the docs.
FIELD_LABELS = {
    "name": "名称 Name",
    "title": "职务 Title",
    "city": "城市 City",
    "document": "文章 Document",
    "evidence_text": "原文 Passage",
    "evidence_start": "起 Start",
    "evidence_end": "止 End",
    "review_status": "审核状态 Review status",
    "date": "日期 Date",
    "year_inferred": "年份系推断 Year inferred",
    "kind": "类别 Kind",
    "theme": "主题 Theme",
    "location": "地点 Location",
    "officials": "官员 Officials",
    "tier": "层级 Tier",
    "tags": "产业标签 Tags",
    "metric": "指标 Metric",
    "value": "数值 Value",
    "unit": "单位 Unit",
    "year": "年份 Year",
    "baseline_value": "基期数值 Baseline value",
    "baseline_year": "基期年份 Baseline year",
    "full_name": "全称 Full name",
    "name_en": "英文名 English name",
    "level": "级别 Level",
    "province": "省份 Province",
    "parent": "上级 Parent",
    "name_zh": "中文名 Chinese name",
    "synonyms": "同义词 Synonyms",
    "sort_order": "排序 Sort order",
}


def pk_or_404(field, value):
    """A primary key from the URL in the field's type; a value of the wrong type is a missing page, not a 500."""
    try:
        return field.to_python(unquote(value))
    except (ValidationError, ValueError, TypeError):
        raise Http404(f"{value!r} is not a valid {field.model._meta.verbose_name} id") from None


class AtlasModelAdmin(admin.ModelAdmin):
    """What every atlas admin shares: bilingual form labels, and searches that survive any input."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and db_field.name in FIELD_LABELS:
            formfield.label = FIELD_LABELS[db_field.name]
        return formfield

    def get_search_results(self, request, queryset, search_term):
        # PostgreSQL refuses NUL in a string ("A string literal cannot contain NUL"); no text holds one.
        # This serves the list's search box and the autocomplete view (?term=) alike.
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))


@admin.register(City)
class CityAdmin(AtlasModelAdmin):
    list_display = ("full_name", "name_en", "level", "province", "parent", "slug", "adcode")
    list_filter = ("level", "province")
    search_fields = ("name", "full_name", "name_en", "slug", "adcode")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)


@admin.register(IndustryTag)
class IndustryTagAdmin(AtlasModelAdmin):
    list_display = ("name_zh", "name_en", "slug", "sort_order")
    search_fields = ("name_zh", "name_en", "slug")


@admin.register(Document)
class DocumentAdmin(AtlasModelAdmin):
    """Read-only: a re-ingest rewrites a document (title, publisher, date, city) from its file and sidecar.

    Corrections go through the pipeline instead: upload the file again with the right title,
    publisher and date, or fix the article's .meta.json and ingest it.
    """

    list_display = ("__str__", "city", "publisher", "published", "source", "script", "spun", "review_link")
    list_filter = (("city", RelatedOnlyFieldListFilter), "script", "spun")
    search_fields = ("title", "source", "publisher", "city__name", "normalized_text")
    list_select_related = ("city",)
    change_list_template = "admin/review/document_change_list.html"
    fieldsets = [
        (None, {"fields": ("title", "publisher", "published", "url", "city", "review_link")}),
        (
            "导入 Ingest",
            {
                "classes": ["collapse"],
                "fields": ("source", "sha256", "script", "spun", "cleaning", "extractor_version", "ingested_at"),
            },
        ),
        ("清洗稿 Normalized text", {"classes": ["collapse"], "fields": ("normalized_text",)}),
    ]
    readonly_fields = ("review_link",)

    def get_queryset(self, request):
        return super().get_queryset(request).defer("raw_text", "offset_map")

    def has_add_permission(self, request):
        return False  # articles come in through the pipeline: the upload page or `ingest`

    def has_change_permission(self, request, obj=None):
        return False  # see the class docstring; viewing and deleting stay as permitted

    @admin.display(description="审核 Review")
    def review_link(self, document):
        return format_html(
            '<a href="{}">审核本文的信息 review its facts</a>', reverse("review:document", args=[document.pk])
        )


class FactAdmin(AtlasModelAdmin, SimpleHistoryAdmin):
    """What the four fact admins share; each names its own fields in `own_fields`."""

    form = FactForm
    change_form_template = "admin/review/fact_change_form.html"
    own_fields = ()
    own_readonly_fields = ()
    city_section = ""  # anchor of the fact's section on the city page; may use {pk}
    list_select_related = ("city", "document")
    autocomplete_fields = ("document", "city")
    history_list_display = ("review_status", "edited")
    actions = ("approve", "reject")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("city", "document")
            .defer(*(f"document__{column}" for column in HEAVY_DOCUMENT_COLUMNS))
        )

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # adding: the staff picks the document and gives the passage
            source = ("document", "city", "evidence_text", ("evidence_start", "evidence_end"))
            review = ("review_status",)
        else:
            source = (
                "passage_in_context",
                "links",
                "document",
                "city",
                "evidence_text",
                ("evidence_start", "evidence_end"),
            )
            review = (
                "review_status",
                "edited",
                "origin",
                "fingerprint",
                "extractor_version",
                "confidence",
                "updated_at",
            )
        return [
            (None, {"fields": self.own_fields}),
            (
                "出处 Source passage",
                {
                    "fields": source,
                    "description": "给出原文或其在清洗稿中的起止位置 — give the passage as words from the document's normalized text, "
                    "or as start/end offsets; the other is filled in.",
                },
            ),
            (
                "审核 Review",
                {
                    "fields": review,
                    "description": "要隐藏一条信息请驳回而非删除：删除的解析结果会在下次导入时恢复 — reject a fact to hide it; a deleted "
                    "parser fact comes back with the next ingest.",
                },
            ),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.own_readonly_fields
        # A fact stays with the document it was found in: its fingerprint is only unique there.
        return (
            *self.own_readonly_fields,
            "passage_in_context",
            "links",
            "document",
            "edited",
            "origin",
            "fingerprint",
            "extractor_version",
            "confidence",
            "updated_at",
        )

    def history_view(self, request, object_id, extra_context=None):
        pk_or_404(self.model._meta.pk, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        pk_or_404(self.model._meta.pk, object_id)
        pk_or_404(self.model.history.model._meta.pk, version_id)
        # simple_history (3.13) saves a POSTed revert for anyone who may merely view history,
        # and only hides the button: a revert is a change, so it needs the change permission.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # rejecting is how facts leave the public pages
        return actions

    def save_model(self, request, obj, form, change):
        if change and content_changed(obj, form):
            obj.edited = True
        if "_approve" in request.POST:  # the "Save and approve" button: fix and approve in one step
            obj.review_status = ReviewStatus.APPROVED
        super().save_model(request, obj, form, change)

    @admin.action(description="通过所选 Approve selected", permissions=["change"])
    def approve(self, request, queryset):
        self.set_review_status(request, queryset, ReviewStatus.APPROVED)

    @admin.action(description="驳回所选 Reject selected", permissions=["change"])
    def reject(self, request, queryset):
        self.set_review_status(request, queryset, ReviewStatus.REJECTED)

    def set_review_status(self, request, queryset, status):
        # One save per fact, never queryset.update(): each change gets a history record naming the reviewer.
        facts = list(queryset.exclude(review_status=status))
        with transaction.atomic():
            for fact in facts:
                fact.review_status = status
                fact._history_user = request.user
                fact._change_reason = f"review: {status}"
                fact.save(update_fields=["review_status", "updated_at"])
                self.log_change(request, fact, [{"changed": {"fields": ["review_status"]}}])
        self.message_user(request, f"{len(facts)} 条已设为 {ReviewStatus(status).label}", messages.SUCCESS)

    @admin.display(description="出处 Passage")
    def passage(self, fact):
        return Truncator(fact.evidence_text).chars(40)

    @admin.display(description="上下文 Passage in context")
    def passage_in_context(self, fact):
        return fact_in_context(fact)

    @admin.display(description="链接 Links")
    def links(self, fact):
        document_url = reverse("dashboard:document", args=[fact.document_id]) + f"#ev-{fact_key(fact)}"
        city_url = reverse("dashboard:city", args=[fact.city.slug]) + "#" + self.city_section.format(pk=fact.pk)
        return format_html('<a href="{}">文章 document</a> · <a href="{}">城市页 city page</a>', document_url, city_url)


def content_changed(fact, form):
    """Whether saving `fact` changes what it says (not only its review), compared with the stored row.

    Compared with the database rather than form.changed_data: a history revert starts its
    form from the old version, so the form sees no change while the fact does change.
    """
    stored = type(fact).objects.get(pk=fact.pk)
    for field in fact._meta.concrete_fields:
        if field.name not in REVIEW_FIELDS and field.value_from_object(fact) != field.value_from_object(stored):
            return True
    for field in fact._meta.many_to_many:
        if field.name in form.cleaned_data:
            wanted = {related.pk for related in form.cleaned_data[field.name]}
            if wanted != set(getattr(stored, field.name).values_list("pk", flat=True)):
                return True
    return False


@admin.register(Official)
class OfficialAdmin(FactAdmin):
    list_display = ("name", "title", *FACT_COLUMNS)
    list_filter = FACT_FILTERS
    search_fields = ("name", "title", *FACT_SEARCH)
    own_fields = ("name", "title")
    city_section = "officials"


@admin.register(Meeting)
class MeetingAdmin(FactAdmin):
    list_display = ("date", "name", "kind", "location", *FACT_COLUMNS)
    list_filter = ("kind", "year_inferred", *FACT_FILTERS)
    search_fields = ("name", "theme", "location", "kind", *FACT_SEARCH)
    autocomplete_fields = (*FactAdmin.autocomplete_fields, "officials")
    own_fields = (("date", "year_inferred"), "name", "kind", "theme", "location", "officials")
    city_section = "meeting-{pk}"


@admin.register(IndustryCluster)
class IndustryClusterAdmin(FactAdmin):
    list_display = ("name", "tier", *FACT_COLUMNS)
    list_filter = ("tier", "tags", *FACT_FILTERS)
    search_fields = ("name", "tags__name_zh", *FACT_SEARCH)
    autocomplete_fields = (*FactAdmin.autocomplete_fields, "tags")
    own_fields = ("name", "tier", "tags")
    city_section = "clusters"


@admin.register(Target)
class TargetAdmin(FactAdmin):
    list_display = ("metric", "kind", "figure", "year", *FACT_COLUMNS)
    list_filter = ("kind", "base_unit", "year", *FACT_FILTERS)
    search_fields = ("metric", "unit", *FACT_SEARCH)
    own_fields = (
        "metric",
        "kind",
        ("value", "unit"),
        "year",
        ("baseline_value", "baseline_year"),
        ("base_value", "base_unit"),
    )
    own_readonly_fields = ("base_value", "base_unit")  # Target.save() derives them from value and unit
    city_section = "targets"

    @admin.display(description="数值 Value", ordering="base_value")
    def figure(self, target):
        return f"{target.value.normalize():f}{target.unit}"  # as written: 1.5万亿元, not 1.5000 万亿元


@admin.register(UploadJob)
class UploadJobAdmin(admin.ModelAdmin):
    """Uploads and how each ended: a record to look at, written only by the upload page and its background step."""

    list_display = ("source", "status", "step", "created_by", "created_at", "document", "error")
    list_filter = ("status",)
    search_fields = ("source", "error")
    list_select_related = ("created_by", "document")
    exclude = ("data",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
