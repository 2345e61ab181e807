"""The atlas: cities, the articles about them, and the facts extracted from those articles.

Every fact (Meeting, Official, IndustryCluster, Target) hangs off the Document it came
from and quotes the passage that supports it.  `fingerprint` is the parser's natural key
for the fact inside its document; it is set once, when the parser first creates the row,
and never recomputed, so a re-ingest recognises the fact even after staff changed it.
"""

from decimal import Decimal

from django.db import models
from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .pinyin import pinyin_key
from .visibility import approved_only


def _per_city(model, aggregate):
    """One correlated subquery per relation: joining several relations at once multiplies their rows."""
    rows = model.objects.public().filter(city=OuterRef("pk")).order_by().values("city")
    return Subquery(rows.annotate(value=aggregate).values("value"))


class CityQuerySet(models.QuerySet):
    def covered(self):
        """Cities that at least one ingested article is about."""
        return self.filter(Exists(Document.objects.filter(city=OuterRef("pk"))))

    def with_counts(self):
        """Public fact counts and the latest meeting's date, each from its own indexed subquery."""
        return self.annotate(
            cluster_count=Coalesce(_per_city(IndustryCluster, Count("pk")), 0),
            target_count=Coalesce(_per_city(Target, Count("pk")), 0),
            meeting_count=Coalesce(_per_city(Meeting, Count("pk")), 0),
            latest_meeting_date=_per_city(Meeting, Max("date")),
        )


class City(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "省级", "省级"
        MUNICIPALITY = "直辖市", "直辖市"
        PREFECTURE = "地级市", "地级市"
        COUNTY_CITY = "县级市", "县级市"
        COUNTY = "县", "县"
        DISTRICT = "区", "区"
        PREFECTURE_AREA = "地区", "地区"
        OTHER = "其他", "其他"

    adcode = models.CharField(
        max_length=12, unique=True, null=True, blank=True, help_text="National administrative division code"
    )
    name = models.CharField(max_length=40, db_index=True, help_text="Short name without 市/县/区, e.g. 昆山")
    full_name = models.CharField(max_length=60, help_text="Official name, e.g. 昆山市")
    slug = models.SlugField(max_length=80, unique=True)
    name_en = models.CharField(max_length=80, blank=True)
    level = models.CharField(max_length=8, choices=Level.choices, default=Level.OTHER)
    province = models.CharField(max_length=40, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)

    objects = CityQuerySet.as_manager()

    class Meta:
        verbose_name = "城市 City"
        verbose_name_plural = "城市 Cities"
        ordering = ["province", "name"]
        # The overview's default order and its province and level filters.
        indexes = [
            models.Index(fields=["province", "name"], name="city_province_name"),
            models.Index(fields=["level", "name"], name="city_level_name"),
        ]

    def __str__(self):
        return self.full_name or self.name

    def get_absolute_url(self):
        return reverse("dashboard:city", args=[self.slug])


class IndustryTag(models.Model):
    """One entry of the controlled taxonomy in apps/atlas/data/industry_tags.json."""

    slug = models.SlugField(max_length=60, unique=True)
    name_zh = models.CharField(max_length=40)
    name_en = models.CharField(max_length=80)
    synonyms = models.JSONField(default=list, blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "产业标签 Industry tag"
        verbose_name_plural = "产业标签 Industry tags"
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return f"{self.name_zh} / {self.name_en}"

    def get_absolute_url(self):
        return reverse("dashboard:tag", args=[self.slug])


class Document(models.Model):
    class Script(models.TextChoices):
        SIMPLIFIED = "simplified", "简体"
        TRADITIONAL = "traditional", "繁體"
        MIXED = "mixed", "mixed"

    class Genre(models.TextChoices):
        WORK_REPORT = "work_report", "政府工作报告 work report"
        NEWS = "news", "新闻 news"
        OTHER = "other", "其他 other"

    source = models.CharField(
        max_length=500, unique=True, help_text="Path of the file under what was ingested (or the upload's name)"
    )
    sha256 = models.CharField(max_length=64, db_index=True, help_text="Hash of the file's bytes")
    content_hash = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        help_text="Hash of the normalized text: the same article under any name",
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reposts",
        help_text="The first copy of a reposted article",
    )
    genre = models.CharField(max_length=12, choices=Genre.choices, default=Genre.NEWS, db_index=True)
    reference_date = models.DateField(
        null=True, blank=True, help_text="The date extraction resolved relative dates against"
    )
    url = models.URLField(max_length=500, blank=True)
    title = models.CharField(max_length=300, blank=True)
    publisher = models.CharField(max_length=120, blank=True)
    published = models.DateField(null=True, blank=True)
    raw_text = models.TextField(help_text="The article as decoded from the file")
    normalized_text = models.TextField(help_text="Simplified, cleaned text that evidence offsets point into")
    # Run-length map from normalized offsets back to raw offsets: [[norm_start, raw_start, length], ...]
    offset_map = models.JSONField(default=list, blank=True)
    script = models.CharField(max_length=12, choices=Script.choices, default=Script.SIMPLIFIED)
    cleaning = models.JSONField(
        default=dict, blank=True, help_text="What normalization did: boilerplate lines, pinyin glosses, spun words …"
    )
    spun = models.BooleanField(default=False, help_text="Synonym-spun copy, mapped back to the usual wording")
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents")
    extractor_version = models.CharField(max_length=20, blank=True)
    also_seen_as = models.JSONField(
        default=list, blank=True, help_text="Other file names and links the same text arrived under"
    )
    ingested_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "文章 Document"
        verbose_name_plural = "文章 Documents"
        ordering = ["-published", "source"]
        constraints = [
            # One document per text: a second copy is a duplicate, never a second set of facts,
            # even when two ingests load it at the same moment.
            models.UniqueConstraint(
                fields=["content_hash"],
                name="unique_document_text",
                condition=Q(duplicate_of__isnull=True) & ~Q(content_hash=""),
            ),
        ]
        indexes = [models.Index(fields=["city", "published"], name="document_city_published")]

    def __str__(self):
        return self.title or self.source

    def get_absolute_url(self):
        return reverse("dashboard:document", args=[self.pk])

    def raw_span(self, start, end):
        """Map a [start, end) span of normalized_text back to raw_text offsets."""
        return (self._to_raw(start), self._to_raw(end - 1) + 1 if end > start else self._to_raw(start))

    def _to_raw(self, offset):
        for norm_start, raw_start, length in reversed(self.offset_map or []):
            if offset >= norm_start:
                return raw_start + min(offset - norm_start, max(length - 1, 0))
        return offset


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "待审核 pending"
    APPROVED = "approved", "已通过 approved"
    REJECTED = "rejected", "已驳回 rejected"


class Origin(models.TextChoices):
    PARSER = "parser", "parser"
    STAFF = "staff", "staff"


def public_q(prefix=""):
    """The condition of `.public()` on a fact, or on a related one through `prefix` ("clusters__"),
    for queries that start from another table: one rule for what visitors see, switch included."""
    if approved_only():
        return Q(**{f"{prefix}review_status": ReviewStatus.APPROVED})
    return ~Q(**{f"{prefix}review_status": ReviewStatus.REJECTED})


class FactQuerySet(models.QuerySet):
    def public(self):
        """What visitors see: everything staff have not rejected (only what they approved, see visibility)."""
        return self.filter(public_q())

    def locked(self):
        """Facts a re-ingest must leave alone."""
        return self.filter(Q(edited=True) | Q(origin=Origin.STAFF) | ~Q(review_status=ReviewStatus.PENDING))


class Fact(models.Model):
    """Provenance and review state shared by every extracted fact."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="%(class)ss")
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="%(class)ss")
    fingerprint = models.CharField(max_length=200, help_text="Parser's key for this fact within its document")
    evidence_start = models.PositiveIntegerField(default=0)
    evidence_end = models.PositiveIntegerField(default=0)
    evidence_text = models.TextField(blank=True, help_text="The quoted passage the fact comes from")
    extractor_version = models.CharField(max_length=20, blank=True)
    confidence = models.FloatField(default=0.5)
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING, db_index=True
    )
    edited = models.BooleanField(default=False, help_text="Changed by staff; re-ingest never overwrites it")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.PARSER)
    anchor_lost = models.BooleanField(
        default=False,
        db_index=True,
        help_text="An updated article no longer contains this fact's passage: check it against the new text",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = FactQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_locked(self):
        return self.edited or self.origin == Origin.STAFF or self.review_status != ReviewStatus.PENDING


def _fact_constraints(name):
    return [models.UniqueConstraint(fields=["document", "fingerprint"], name=f"unique_{name}_per_document")]


def _fact_indexes(name, *extra):
    """Every public page reads a city's non-rejected facts; `extra` adds the page's sort orders."""
    return [models.Index(fields=["city", "review_status"], name=f"{name}_city_status"), *extra]


class PinyinNamed(models.Model):
    """A fact with a name also stores its pinyin, so a pinyin search is a query, not a loop in Python."""

    name_pinyin = models.CharField(
        max_length=400, blank=True, editable=False, help_text="Toneless pinyin of the name, filled on save"
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.name_pinyin = pinyin_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_pinyin"}
        super().save(*args, **kwargs)


class Official(PinyinNamed, Fact):
    name = models.CharField(max_length=20, db_index=True)
    title = models.CharField(max_length=120, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "官员 Official"
        verbose_name_plural = "官员 Officials"
        ordering = ["city", "name"]
        constraints = _fact_constraints("official")
        indexes = _fact_indexes("official", models.Index(fields=["city", "name"], name="official_city_name"))

    def __str__(self):
        return f"{self.title}{self.name}" if self.title else self.name


class Meeting(PinyinNamed, Fact):
    date = models.DateField(null=True, blank=True, db_index=True)
    year_inferred = models.BooleanField(default=False, help_text="The text left the year out")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, blank=True, help_text="大会, 座谈会, 工作会议, 考察 …")
    theme = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=120, blank=True)
    officials = models.ManyToManyField(Official, blank=True, related_name="meetings")

    history = HistoricalRecords(m2m_fields=[officials])

    class Meta:
        verbose_name = "会议 Meeting"
        verbose_name_plural = "会议 Meetings"
        ordering = ["date", "name"]
        constraints = _fact_constraints("meeting")
        indexes = _fact_indexes("meeting", models.Index(fields=["city", "date"], name="meeting_city_date"))

    def __str__(self):
        return f"{self.date or '?'} {self.name}"


class IndustryCluster(PinyinNamed, Fact):
    class Tier(models.TextChoices):
        LEADING = "主导", "主导 leading"
        DISTINCTIVE = "特色", "特色 distinctive"
        EMERGING = "新兴", "新兴 emerging"
        FUTURE = "未来", "未来 future"
        TRADITIONAL = "传统", "传统 traditional"
        ADVANTAGE = "优势", "优势 advantage"
        LANDMARK = "地标", "地标 landmark"
        PILLAR = "支柱", "支柱 pillar"
        OTHER = "other", "其他 other"

    name = models.CharField(max_length=60, db_index=True)
    tier = models.CharField(max_length=10, choices=Tier.choices, default=Tier.OTHER, db_index=True)
    tags = models.ManyToManyField(IndustryTag, blank=True, related_name="clusters")

    history = HistoricalRecords(m2m_fields=[tags])

    class Meta:
        verbose_name = "产业集群 Industry cluster"
        verbose_name_plural = "产业集群 Industry clusters"
        ordering = ["city", "tier", "name"]
        constraints = _fact_constraints("industrycluster")
        indexes = _fact_indexes("cluster", models.Index(fields=["city", "tier", "name"], name="cluster_city_tier_name"))

    def __str__(self):
        return f"{self.name} ({self.tier})"


class Target(Fact):
    class Kind(models.TextChoices):
        TARGET = "target", "目标 target"
        ACTUAL = "actual", "实际 actual"

    class BaseUnit(models.TextChoices):
        YUAN = "元", "元"
        PERCENT = "%", "%"
        RANK = "位", "位 rank"
        COUNT = "count", "count"

    class Measure(models.TextChoices):
        LEVEL = "level", "总量 level"
        GROWTH = "growth", "增速 growth rate"
        SHARE = "share", "占比 share"
        COUNT = "count", "数量 count"
        RANKING = "ranking", "排名 ranking"
        INTENSITY = "intensity", "强度 intensity"

    class Bound(models.TextChoices):
        EXACT = "exact", "="
        ABOUT = "about", "左右 about"
        AT_LEAST = "at_least", "以上 at least"
        AT_MOST = "at_most", "以内 at most"
        RANGE = "range", "区间 range"

    metric = models.CharField(max_length=120)
    metric_key = models.CharField(
        max_length=60,
        blank=True,
        db_index=True,
        help_text="Key in the metric taxonomy (apps/atlas/data/metrics.json); blank when none fits",
    )
    measure = models.CharField(max_length=10, choices=Measure.choices, blank=True)
    bound = models.CharField(max_length=10, choices=Bound.choices, default=Bound.EXACT)
    value_high = models.DecimalField(
        max_digits=20,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="Upper end of a range (6%-6.5%); value holds the lower end",
    )
    estimated = models.BooleanField(default=False, help_text="预计/初步测算: an estimate, not a final figure")
    value = models.DecimalField(max_digits=20, decimal_places=4)
    unit = models.CharField(max_length=10, help_text="As written: 元, 万元, 亿元, 万亿元, %, 家, 个, 位 …")
    base_value = models.DecimalField(max_digits=24, decimal_places=4, help_text="Value in base units")
    base_unit = models.CharField(max_length=8, choices=BaseUnit.choices)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.ACTUAL, db_index=True)
    year = models.PositiveIntegerField(
        null=True, blank=True, help_text="Deadline for a target, reference year for an actual"
    )
    baseline_value = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    baseline_year = models.PositiveIntegerField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "目标与数据 Target"
        verbose_name_plural = "目标与数据 Targets"
        ordering = ["city", "kind", "metric"]
        constraints = _fact_constraints("target")
        indexes = _fact_indexes(
            "target",
            models.Index(fields=["city", "metric", "kind", "year"], name="target_city_metric"),
            # The metric pages rank every city on one key, measure and year.
            models.Index(fields=["metric_key", "measure", "year", "kind", "city"], name="target_metric_ranking"),
        )

    def __str__(self):
        return f"{self.metric} {self.value}{self.unit}"

    def save(self, *args, **kwargs):
        self.base_value, self.base_unit = to_base_units(self.value, self.unit)
        super().save(*args, **kwargs)


MONEY_UNITS = {"元": 1, "万元": 10**4, "亿元": 10**8, "万亿元": 10**12}


def to_base_units(value, unit):
    """(value in 元 / % / rank / count, base unit) for a value written in `unit`."""
    value = Decimal(value)
    if unit in MONEY_UNITS:
        return value * MONEY_UNITS[unit], Target.BaseUnit.YUAN
    if unit in ("%", "％"):
        return value, Target.BaseUnit.PERCENT
    if unit in ("位", "名"):
        return value, Target.BaseUnit.RANK
    return value, Target.BaseUnit.COUNT
