"""The data version changes on every kind of write the public pages could see, whoever writes."""

import pytest

from apps.atlas.dataversion import VERSIONED_TABLES, data_version
from apps.atlas.models import City, Document, IndustryCluster, IndustryTag, Meeting, Official, ReviewStatus, Target
from tests.factories import build_atlas


@pytest.fixture
def atlas(db):
    return build_atlas()


def changes(write):
    before = data_version()
    write()
    return data_version() != before


def test_every_kind_of_write_changes_the_version(atlas):
    cluster = atlas.facts["electronics"]
    official = atlas.facts["zhou_wei"]
    meeting = Meeting.objects.filter(city=official.city).first()
    assert changes(lambda: IndustryCluster.objects.filter(pk=cluster.pk).update(review_status=ReviewStatus.APPROVED))
    assert changes(lambda: Official.objects.filter(pk=official.pk).update(title="市长"))
    assert changes(lambda: cluster.save())
    assert changes(lambda: cluster.tags.add(IndustryTag.objects.exclude(clusters=cluster).first()))
    assert changes(lambda: meeting.officials.remove(*meeting.officials.all()))
    assert changes(lambda: Target.objects.filter(city=official.city).delete())
    assert changes(lambda: City.objects.filter(slug="kunshan").update(name_en="Kunshan City"))
    assert changes(lambda: Document.objects.filter(city__slug="wuxi").update(title="无锡新闻"))


def test_reading_leaves_the_version_alone(atlas):
    assert not changes(lambda: list(IndustryCluster.objects.all()) and IndustryTag.objects.count())


def test_the_versioned_tables_are_the_atlas_models_and_their_links():
    models = (City, Document, IndustryTag, Official, Meeting, IndustryCluster, Target)
    tables = {model._meta.db_table for model in models}
    tables |= {Meeting.officials.through._meta.db_table, IndustryCluster.tags.through._meta.db_table}
    assert set(VERSIONED_TABLES) == tables
