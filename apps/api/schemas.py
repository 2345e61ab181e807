"""What the API sends: cities, documents and the four fact kinds, as pydantic schemas.

The fact page's JSON (/facts/<kind>/<id>/?format=json) is the same schema, so a fact reads
the same wherever it is fetched from.  A fact's own `kind` field (a meeting's 大会/座谈会, a
target's target/actual) is named `meeting_kind` / `target_kind` in the output, because
`kind` says which of the four fact kinds the object is.
"""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field, PlainSerializer

from apps.atlas.models import Document, IndustryCluster, Target
from apps.facts.kinds import kind_of
from apps.facts.links import fact_path


def json_number(value):
    """Decimal('2000.0000') → 2000, Decimal('3.9000') → 3.9: the numbers as a JSON client expects them."""
    return int(value) if value == value.to_integral_value() else float(value)


# Figures are stored as decimals; JSON gets them as plain numbers (integers when whole).
Number = Annotated[Decimal, PlainSerializer(json_number, return_type=float)]

PublicStatus = Literal["pending", "approved"]


def absolute(path, context):
    request = (context or {}).get("request")
    return request.build_absolute_uri(path) if request else path


class CityRef(Schema):
    slug: str
    name: str
    full_name: str
    name_en: str


class CityOut(CityRef):
    adcode: str | None
    level: str
    province: str
    parent: CityRef | None
    longitude: float | None
    latitude: float | None
    page: str = Field(description="The city's page on the atlas")

    @staticmethod
    def resolve_page(city, context):
        return absolute(city.get_absolute_url(), context)


class CityDetailOut(CityOut):
    cluster_count: int = Field(description="Industry clusters not rejected by staff")
    target_count: int
    meeting_count: int
    latest_meeting_date: date | None


class DocumentRef(Schema):
    id: int
    source: str = Field(description="The file the document was ingested from")
    title: str
    publisher: str
    published: date | None
    url: str = Field(description="Where the article was published, when known")
    page: str = Field(description="The document's page on the atlas, with every fact's passage highlighted")

    @staticmethod
    def resolve_page(document, context):
        return absolute(document.get_absolute_url(), context)


class DocumentOut(DocumentRef):
    city: CityRef | None
    genre: Literal[tuple(Document.Genre.values)]
    script: Literal[tuple(Document.Script.values)]
    spun: bool
    extractor_version: str


class DocumentDetailOut(DocumentOut):
    normalized_text: str = Field(description="The cleaned, simplified text that evidence offsets point into")
    official_count: int
    meeting_count: int
    cluster_count: int
    target_count: int


class Evidence(Schema):
    text: str = Field(description="The passage the fact was taken from")
    start: int = Field(description="Offset of the passage in the document's normalized_text")
    end: int = Field(description="End offset (exclusive) in normalized_text")


class FactOut(Schema):
    """Provenance and review state every fact carries."""

    id: int
    kind: Literal["official", "meeting", "cluster", "target"]
    page: str = Field(description="The fact's own page on the atlas, with its passage and a citation")
    city: CityRef
    document: DocumentRef
    evidence: Evidence
    review_status: PublicStatus = Field(
        description="approved: checked by staff; pending: not yet reviewed. Rejected facts are never served."
    )
    extractor_version: str
    confidence: float
    edited: bool = Field(description="Corrected by staff after extraction")
    origin: Literal["parser", "staff"]

    @staticmethod
    def resolve_kind(fact):
        return kind_of(fact)

    @staticmethod
    def resolve_page(fact, context):
        return absolute(fact_path(fact), context)

    @staticmethod
    def resolve_evidence(fact):
        return {"text": fact.evidence_text, "start": fact.evidence_start, "end": fact.evidence_end}


class OfficialRef(Schema):
    id: int
    name: str
    title: str


class OfficialOut(FactOut):
    name: str
    title: str


class MeetingOut(FactOut):
    name: str
    date: date | None
    year_inferred: bool = Field(description="The article left the year out; it was inferred")
    meeting_kind: str = Field(description="大会, 座谈会, 工作会议, 考察 …")
    theme: str
    location: str
    officials: list[OfficialRef] = Field(description="Officials at the meeting (rejected ones left out)")

    @staticmethod
    def resolve_meeting_kind(meeting):
        return meeting.kind

    @staticmethod
    def resolve_officials(meeting):
        return list(meeting.officials.all())


class TagOut(Schema):
    slug: str
    name_zh: str
    name_en: str


class ClusterOut(FactOut):
    name: str
    tier: Literal[tuple(IndustryCluster.Tier.values)]
    tags: list[TagOut]

    @staticmethod
    def resolve_tags(cluster):
        return list(cluster.tags.all())


class TargetOut(FactOut):
    metric: str = Field(description="The metric as the article names it")
    metric_key: str = Field(description="Key in the metric taxonomy; empty when none fits")
    measure: Literal[("",) + tuple(Target.Measure.values)]
    target_kind: Literal[tuple(Target.Kind.values)] = Field(description="target: a goal; actual: a reported figure")
    year: int | None = Field(description="Deadline of a target, reference year of an actual figure")
    value: Number = Field(description="The figure as written, in `unit`; the lower end of a range")
    value_high: Number | None = Field(description="Upper end of a range")
    bound: Literal[tuple(Target.Bound.values)]
    unit: str
    base_value: Number = Field(description="The figure in base units (元, %, rank, count)")
    base_unit: Literal[tuple(Target.BaseUnit.values)]
    estimated: bool = Field(description="预计/初步测算: an estimate, not a final figure")
    baseline_value: Number | None
    baseline_year: int | None

    @staticmethod
    def resolve_target_kind(target):
        return target.kind


SCHEMAS = {"official": OfficialOut, "meeting": MeetingOut, "cluster": ClusterOut, "target": TargetOut}


def fact_json(fact, request):
    """One fact as the API sends it, for the fact page's JSON view."""
    return SCHEMAS[kind_of(fact)].from_orm(fact, context={"request": request}).model_dump(mode="json")
