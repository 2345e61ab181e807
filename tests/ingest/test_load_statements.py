"""Loading an article takes a fixed handful of SQL statements, history and links included."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.atlas.models import IndustryCluster, Meeting, Official, Target
from apps.ingest.load import load
from apps.ingest.pipeline.read import read_bytes
from apps.ingest.service import process

pytestmark = pytest.mark.django_db

# Articles in the style of local news about a development conference (written for these tests).
SMALL = (
    "浙江省绍兴市召开制造业高质量发展大会。4月2日上午,市委书记温某某主持召开绍兴市制造业高质量发展大会。"
    "会议提出,到2027年,全市规上工业总产值突破1.5万亿元,高新技术企业达到6000家;"
    "做强集成电路、高端装备、现代纺织三大主导产业。"
)
LARGE = (
    "浙江省绍兴市召开制造业高质量发展大会。4月2日上午,市委书记温某某主持召开绍兴市制造业高质量发展大会,"
    "市长施某某、副市长李某某出席会议。"
    "会议提出,到2027年,全市规上工业总产值突破1.5万亿元,高新技术企业达到6000家,专精特新企业达到1000家,"
    "数字经济核心产业增加值达到2000亿元,研发投入强度达到3.5%;"
    "做强集成电路、高端装备、现代纺织、生物医药、新材料、新能源六大主导产业。"
)
WARM_UP = "浙江省绍兴市召开全市工业大会。绍兴市委书记温某某讲话,提出做强现代纺织产业。"
# The statements of one load inside the test's transaction: savepoint and release, the document
# (looked up, checked for a copy, compared with reposts, inserted), its city, the four kinds of facts
# with their history rows, the tags, the two kinds of links with their history snapshots; on
# PostgreSQL one more, the advisory lock that serializes new documents about one city.
FIRST_LOAD = {"sqlite": 20, "postgresql": 21}
# The document, its city, the four kinds of facts, the links of meetings and clusters and the tags.
UNCHANGED = 11


def prepared(source, text):
    raw = read_bytes(source, text.encode("utf-8"))
    return (raw, *process(raw))


def statements(article):
    with CaptureQueriesContext(connection) as captured:
        result = load(*article)
    return len(captured.captured_queries), result


def fact_count(article):
    extraction = article[2]
    return sum(len(getattr(extraction, kind)) for kind in ("officials", "meetings", "clusters", "targets"))


def test_statements_per_article_do_not_grow_with_its_facts():
    load(*prepared("warm-up.txt", WARM_UP))  # the city and the tag taxonomy exist from now on
    small, large = prepared("small.txt", SMALL), prepared("large.txt", LARGE)
    assert fact_count(large) >= 2 * fact_count(small)

    assert statements(small)[0] == FIRST_LOAD[connection.vendor]
    count, result = statements(large)
    assert count == FIRST_LOAD[connection.vendor] and result.status == "created"
    assert result.counts == {"officials": 3, "meetings": 1, "clusters": 6, "targets": 5}

    assert statements(small)[0] == UNCHANGED
    count, result = statements(large)
    assert count == UNCHANGED and result.status == "unchanged"


def test_bulk_rows_have_their_history_and_link_snapshots():
    load(*prepared("large.txt", LARGE))
    meeting = Meeting.objects.get()
    assert meeting.officials.count() == 3
    [record] = meeting.history.all()
    assert record.history_type == "+"
    assert sorted(link.official_id for link in record.officials.all()) == sorted(
        meeting.officials.values_list("pk", flat=True)
    )
    for model in (Official, IndustryCluster, Target):
        assert model.history.filter(history_type="+").count() == model.objects.count() > 0
    cluster = IndustryCluster.objects.get(name="集成电路")
    assert cluster.tags.exists()
    assert {link.industrytag_id for link in cluster.history.get().tags.all()} == set(
        cluster.tags.values_list("pk", flat=True)
    )
    target = Target.objects.get(unit="万亿元")
    assert (target.base_value, target.base_unit) == (target.value * 10**12, "元")


def test_a_changed_fact_gets_one_update_history_row_and_its_links_follow():
    load(*prepared("sx.txt", LARGE))
    meeting = Meeting.objects.get()
    # The article is corrected: the vice-mayor is no longer mentioned, one figure changes.
    result = load(*prepared("sx.txt", LARGE.replace("、副市长李某某", "").replace("1000家", "1200家")))
    assert result.status == "updated"
    assert set(meeting.officials.values_list("name", flat=True)) == {"温某某", "施某某"}
    latest = meeting.history.order_by("-history_id").first()
    assert latest.history_type == "~"
    assert {link.official_id for link in latest.officials.all()} == set(meeting.officials.values_list("pk", flat=True))
    assert not Official.objects.filter(name="李某某").exists()
    assert Target.objects.filter(metric="专精特新企业").get().value == 1200
