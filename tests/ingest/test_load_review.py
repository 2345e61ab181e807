"""A changed article never corrupts review: reviewed facts follow their passage, rewordings
keep a fact's identity, lost passages are flagged."""

import pytest
from django.conf import settings
from django.urls import reverse

from apps.atlas.models import Document, IndustryCluster, Official, ReviewStatus, Target
from apps.dashboard.documents import document_passages
from apps.ingest.pipeline.read import read_meta
from apps.ingest.service import ingest_upload

pytestmark = pytest.mark.django_db

SEEDS = settings.BASE_DIR / "seeds"
KUNSHAN = "004_bc168875bdddeb84.txt"  # traditional script with pinyin glosses
RAW = (SEEDS / KUNSHAN).read_text(encoding="utf-8")
FACTORY_FIRMS = "规上工业企业|3000家|target|2027"


def ingest(text):
    return ingest_upload(KUNSHAN, text.encode("utf-8"), read_meta(SEEDS / KUNSHAN))


def review(model, fingerprint, status):
    fact = model.objects.get(document__source=KUNSHAN, fingerprint=fingerprint)
    fact.review_status = status
    fact.save()
    return fact


def anchored(fact):
    fact.refresh_from_db()
    text = fact.document.normalized_text
    return not fact.anchor_lost and text[fact.evidence_start : fact.evidence_end] == fact.evidence_text


def test_inserting_a_sentence_keeps_approved_facts_on_their_passage(client):
    ingest(RAW)
    approved = [
        review(Target, FACTORY_FIRMS, ReviewStatus.APPROVED),
        review(Official, "周伟", ReviewStatus.APPROVED),
        review(IndustryCluster, "大健康", ReviewStatus.APPROVED),
    ]
    before = {fact.pk: fact.evidence_text for fact in approved}
    # A sentence added near the top (written for this test) shifts every later passage.
    first_line_end = RAW.index("\n")
    result = ingest(
        RAW[: first_line_end + 1]
        + "記者從昆山市工業和信息化局獲悉,全市將召開多場專題會議。\n"
        + RAW[first_line_end + 1 :]
    )

    assert result.status == "updated" and result.anchors_lost == 0
    for fact in approved:
        assert anchored(fact), fact
        assert fact.evidence_text == before[fact.pk]
        assert fact.review_status == ReviewStatus.APPROVED
    passages = {
        passage.fact.pk: passage for passage in document_passages(result.document) if isinstance(passage.fact, Target)
    }
    target = approved[0]
    shown = passages[target.pk]
    assert result.document.normalized_text[shown.start : shown.end] == target.evidence_text
    page = client.get(result.document.get_absolute_url()).content.decode()
    assert f'href="#fact-target-{target.pk}"' in page


def test_rewording_a_short_form_keeps_a_rejected_target_rejected_and_hidden(client):
    ingest(RAW)
    rejected = review(Target, FACTORY_FIRMS, ReviewStatus.REJECTED)
    targets = Target.objects.count()
    reworded = RAW.replace("“3”是規(guī)上工業", "“3”是規模以上工業")
    assert reworded != RAW

    result = ingest(reworded)

    assert "规模以上工业企业突破3000家" in result.document.normalized_text
    assert Target.objects.count() == targets  # nothing new came in for the reworded clause
    assert not Target.objects.filter(metric__startswith="规模以上工业企业").exists()
    rejected.refresh_from_db()
    assert rejected.review_status == ReviewStatus.REJECTED
    assert anchored(rejected) and "规模以上工业企业" in rejected.evidence_text
    assert not Target.objects.public().filter(value=3000, unit="家").exists()
    page = client.get(reverse("dashboard:city", args=[result.document.city.slug])).content.decode()
    assert '<th scope="row">规模以上工业企业</th>' not in page and '<th scope="row">规上工业企业</th>' not in page


def test_a_reviewed_fact_whose_passage_is_gone_is_flagged_and_comes_back_when_it_returns(admin_client):
    ingest(RAW)
    approved = review(Target, FACTORY_FIRMS, ReviewStatus.APPROVED)
    clause = "“3”是規(guī)上工業(yè)企業(yè)突破3000家,"
    assert clause in RAW
    result = ingest(RAW.replace(clause, ""))
    approved.refresh_from_db()
    assert result.anchors_lost == 1
    assert approved.anchor_lost and approved.evidence_start == approved.evidence_end == 0
    assert approved.review_status == ReviewStatus.APPROVED
    flagged = admin_client.get(reverse("admin:atlas_target_changelist"), {"anchor_lost__exact": "1"})
    assert list(flagged.context["cl"].result_list) == [approved]

    ingest(RAW)
    assert anchored(approved)
    assert Document.objects.count() == 1
