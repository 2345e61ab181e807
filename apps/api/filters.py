"""Query-string filters of the list endpoints, the same ones the pages offer.

An unknown city or tag slug simply matches nothing; a value of the wrong shape (a year
that is not a number, a review status that does not exist) is answered with 422.
"""

from typing import Annotated, Literal

from django.db.models import Q
from ninja import FilterLookup, FilterSchema
from pydantic import Field, StringConstraints

from apps.atlas.models import Document, IndustryCluster, ReviewStatus, Target

# PostgreSQL refuses NUL in a text parameter (a 500); no control character is a meaningful filter value.
Text = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")]


class FactFilter(FilterSchema):
    city: Annotated[Text | None, FilterLookup("city__slug")] = Field(None, description="City slug, e.g. kunshan")
    document: Annotated[int | None, FilterLookup("document_id")] = Field(None, description="Document id")
    review_status: Literal["pending", "approved"] | None = Field(
        None, description="pending or approved (rejected facts are never served)"
    )
    approved_only: bool = Field(False, description="Only facts staff have approved")

    def filter_approved_only(self, approved_only):
        return Q(review_status=ReviewStatus.APPROVED) if approved_only else Q()


class OfficialFilter(FactFilter):
    name: Text | None = Field(None, description="Exact name, e.g. 周伟")


class MeetingFilter(FactFilter):
    kind: Text | None = Field(None, description="Meeting kind (the `meeting_kind` field), e.g. 大会")
    year: Annotated[int | None, FilterLookup("date__year")] = Field(None, description="Year of the meeting's date")


class ClusterFilter(FactFilter):
    tag: Annotated[Text | None, FilterLookup("tags__slug")] = Field(None, description="Industry tag slug")
    tier: Literal[tuple(IndustryCluster.Tier.values)] | None = None


class TargetFilter(FactFilter):
    kind: Literal[tuple(Target.Kind.values)] | None = Field(
        None, description="target (a goal) or actual (a reported figure): the `target_kind` field"
    )
    year: int | None = Field(None, description="Deadline of a target, reference year of an actual figure")
    metric_key: Text | None = Field(None, description="Key in the metric taxonomy, e.g. gdp")
    estimated: bool | None = None


class CityFilter(FilterSchema):
    tag: Text | None = Field(None, description="Cities with a (non-rejected) cluster carrying this tag slug")
    province: Text | None = Field(None, description="Province name, e.g. 江苏省")
    covered: bool | None = Field(None, description="true: only cities at least one document is about")

    def filter_tag(self, slug):
        if slug is None:
            return Q()
        return Q(pk__in=IndustryCluster.objects.public().filter(tags__slug=slug).values("city_id"))

    def filter_covered(self, covered):
        if covered is None:
            return Q()
        about_a_document = Q(pk__in=Document.objects.filter(city__isnull=False).values("city_id"))
        return about_a_document if covered else ~about_a_document


class DocumentFilter(FilterSchema):
    city: Annotated[Text | None, FilterLookup("city__slug")] = Field(None, description="City slug")
    year: Annotated[int | None, FilterLookup("published__year")] = Field(None, description="Year published")
    genre: Literal[tuple(Document.Genre.values)] | None = None
