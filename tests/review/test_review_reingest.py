"""What staff did in the admin survives ingesting the same articles again, or updated ones."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.urls import reverse

from apps.atlas.models import Document, IndustryCluster, IndustryTag, Meeting, Official, Origin, Target
from apps.ingest.pipeline.read import read_meta
from apps.ingest.service import ingest_upload
from apps.review.testing import change_form_data

SEEDS = settings.BASE_DIR / "seeds"
KUNSHAN = "004_bc168875bdddeb84.txt"
FACT_MODELS = (Official, Meeting, IndustryCluster, Target)


def ingest_seeds():
    # --force: an unchanged file would be skipped, and these tests are about what loading again keeps.
    call_command("ingest", str(SEEDS), "--force", stdout=StringIO(), stderr=StringIO())


def snapshot():
    """Every fact with every field and relation, keyed by model and primary key (updated_at aside)."""
    rows = {}
    for model in FACT_MODELS:
        for fact in model.objects.all():
            values = model_to_dict(fact)
            for name, related in values.items():
                if isinstance(related, list):
                    values[name] = sorted(obj.pk for obj in related)
            rows[(model.__name__, fact.pk)] = values
    return rows


def fact(model, fingerprint, source=KUNSHAN):
    return model.objects.get(document__source=source, fingerprint=fingerprint)


def change(client, obj, **changes):
    url = reverse(f"admin:atlas_{obj._meta.model_name}_change", args=[obj.pk])
    response = client.post(url, change_form_data(client, url, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    obj.refresh_from_db()
    return obj


def run_action(client, obj, action):
    url = reverse(f"admin:atlas_{obj._meta.model_name}_changelist")
    client.post(url, {"action": action, "_selected_action": [obj.pk]})
    obj.refresh_from_db()
    return obj


@pytest.fixture
def reviewed(shared_seeds, admin_client, db):
    """The seeds, then a round of review touching every kind of fact in every way staff can."""
    kunshan = Document.objects.get(source=KUNSHAN)
    facts = {
        "edited": change(
            admin_client, fact(Target, "高新技术企业|4000家|target|2027"), value="4500", metric="高新技术企业数"
        ),
        "approved": run_action(admin_client, fact(Target, "规上工业企业|3000家|target|2027"), "approve"),
        "rejected": run_action(admin_client, fact(Target, "特色专业创新园区|50个|target|2027"), "reject"),
        "retagged": change(
            admin_client,
            fact(IndustryCluster, "大健康"),  # the parser tagged it biomedicine-health
            tags=[IndustryTag.objects.get(slug=slug).pk for slug in ("biomedicine-health", "synthetic-biology")],
        ),
        "tier_fixed": change(admin_client, fact(IndustryCluster, "新一代信息技术"), tier="主导", _approve="1"),
        "rejected_official": run_action(admin_client, fact(Official, "周伟"), "reject"),
        "meeting_fixed": change(admin_client, Meeting.objects.get(document=kunshan), theme="新春第一会"),
    }
    response = admin_client.post(
        reverse("admin:atlas_target_add"),
        {
            "metric": "总量",
            "kind": "target",
            "value": "6000",
            "unit": "亿元",
            "year": "2027",
            "review_status": "pending",
            "document": kunshan.pk,
            "city": "",
            "evidence_start": "",
            "evidence_end": "",
            "evidence_text": kunshan.normalized_text[kunshan.normalized_text.index("总量迈上6000亿元") :][:11],
        },
    )
    assert response.status_code == 302
    facts["added"] = Target.objects.get(origin=Origin.STAFF)
    assert {key: f.is_locked for key, f in facts.items()} == dict.fromkeys(facts, True)
    assert facts["retagged"].edited and facts["tier_fixed"].review_status == "approved"
    return facts


def test_reingesting_the_seeds_changes_nothing_staff_touched(reviewed):
    before = snapshot()
    ingest_seeds()
    assert snapshot() == before  # same rows, same values, same tags and officials: nothing overwritten or added
    for key, obj in reviewed.items():
        assert (type(obj).__name__, obj.pk) in before, key
    rejected = reviewed["rejected"]
    rejected.refresh_from_db()
    assert rejected.review_status == "rejected"


def test_reingest_reports_the_facts_it_kept_for_staff(reviewed):
    out = StringIO()
    call_command("ingest", str(SEEDS / KUNSHAN), "--force", stdout=out)
    kept_in_kunshan = [f for f in reviewed.values() if f.origin == Origin.PARSER]
    assert f"{len(kept_in_kunshan)} staff-reviewed facts kept" in out.getvalue()


def test_an_updated_article_keeps_staff_facts_and_drops_only_untouched_stale_ones(reviewed):
    raw = (SEEDS / KUNSHAN).read_text(encoding="utf-8")
    # The new version loses the “4” and “5” clauses: 高新技术企业 (edited), 特色专业创新园区 (rejected)
    # and 总产值 5000亿元 (never reviewed) are no longer in the text.
    cut_from, cut_to = raw.index(",“4”是"), raw.index(";基本形成")
    updated = raw[:cut_from] + raw[cut_to:]
    before = snapshot()

    ingest_upload(KUNSHAN, updated.encode("utf-8"), read_meta(SEEDS / KUNSHAN))

    after = snapshot()
    # What staff decided stays; only where the passage sits follows the new text (re-anchoring).
    anchor = {"evidence_start", "evidence_end", "anchor_lost"}
    text = Document.objects.get(source=KUNSHAN).normalized_text
    for key, obj in reviewed.items():
        now, then = after[(type(obj).__name__, obj.pk)], before[(type(obj).__name__, obj.pk)]
        assert {k: v for k, v in now.items() if k not in anchor} == {
            k: v for k, v in then.items() if k not in anchor
        }, key
        if key in ("edited", "rejected"):  # their clauses were cut: flagged for review, nothing highlighted
            assert now["anchor_lost"] and now["evidence_start"] == now["evidence_end"] == 0, key
        else:
            assert (
                not now["anchor_lost"] and text[now["evidence_start"] : now["evidence_end"]] == now["evidence_text"]
            ), key
    assert not Target.objects.filter(document__source=KUNSHAN, fingerprint="总产值|5000亿元|target|2027").exists()
    assert Target.objects.filter(document__source=KUNSHAN, metric="高新技术企业").count() == 0  # not re-added
    assert Document.objects.get(source=KUNSHAN).raw_text == updated


def test_rejected_facts_stay_off_the_city_page_after_reingest(reviewed, client):
    ingest_seeds()
    page = client.get("/cities/kunshan/").content.decode()
    assert '<th scope="row">特色专业创新园区</th>' not in page  # (another figure quotes the same clause)
    assert '<th scope="row">高新技术企业数</th>' in page  # the edited metric, not the parser's
    assert '<th scope="row">高新技术企业</th>' not in page
