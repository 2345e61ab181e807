"""The industry filter (?tag=) and the cluster filters of a tag page.

Choices are validated against the database; an unknown value makes the FilterSet's
form invalid for that field only, so the filter is skipped and the view shows a notice.
"""

import django_filters
from django.db.models import Exists, OuterRef

from apps.atlas.models import City, IndustryCluster, IndustryTag


def tag_choice(**kwargs):
    return django_filters.ModelChoiceFilter(
        queryset=IndustryTag.objects.all(), to_field_name="slug", label="产业标签 industry tag", **kwargs
    )


def with_public_cluster_tagged(tag):
    """Exists() test for a City row: one of its non-rejected clusters carries `tag`."""
    return Exists(IndustryCluster.objects.public().filter(city=OuterRef("pk"), tags=tag))


class CityFilter(django_filters.FilterSet):
    """Overview: cities narrowed by province, level and an industry they have a cluster in."""

    tag = tag_choice(method="filter_tag")
    province = django_filters.CharFilter(label="省份 province")
    level = django_filters.ChoiceFilter(choices=City.Level.choices, label="级别 level")

    class Meta:
        model = City
        fields = ["tag", "province", "level"]

    def filter_tag(self, queryset, name, tag):
        return queryset.filter(with_public_cluster_tagged(tag))


class ClusterFilter(django_filters.FilterSet):
    """Tag page and compare: clusters narrowed by industry, city and tier."""

    tag = tag_choice(field_name="tags")
    # Validation only: the page lists the few cities that have the tag, never all divisions.
    city = django_filters.ModelChoiceFilter(queryset=City.objects.all(), to_field_name="slug", label="城市 city")
    tier = django_filters.ChoiceFilter(choices=IndustryCluster.Tier.choices, label="层级 tier")

    class Meta:
        model = IndustryCluster
        fields = ["tag", "city", "tier"]
