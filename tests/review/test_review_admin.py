"""Staff review in the admin: lists and filters, the passage in context, actions, edits, added facts, history."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from apps.atlas.models import City, Document, IndustryCluster, IndustryTag, Meeting, Official, Origin, Target
from apps.review.evidence import passage_in_context
from apps.review.groups import ANALYSTS
from apps.review.testing import change_form_data
from tests.factories import add_fact, make_document

APPROVED, REJECTED, PENDING = "approved", "rejected", "pending"
ALL_MODELS = (City, IndustryTag, Document, Official, Meeting, IndustryCluster, Target)


def admin_url(model, view="changelist", *args):
    return reverse(f"admin:atlas_{model._meta.model_name}_{view}", args=args)


def listed(client, model, query=""):
    """The rows of a changelist, as the admin selected them."""
    response = client.get(admin_url(model) + query)
    assert response.status_code == 200
    assert "?e=1" not in response.get("Location", ""), "the admin ignored an unknown filter"
    return set(response.context["cl"].queryset)


# Every model, lists and filters --------------------------------------------------------------------


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_atlas_model_has_a_list_and_a_change_page(admin_client, atlas, model):
    assert admin_client.get(admin_url(model)).status_code == 200
    obj = model.objects.first()
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_documents_are_read_only_since_reingest_rewrites_them(admin_client, atlas):
    document = atlas.documents["wuxi"]
    url = admin_url(Document, "change", document.pk)
    page = admin_client.get(url).content.decode()
    assert 'name="_save"' not in page and reverse("review:document", args=[document.pk]) in page
    assert admin_client.post(url, {"title": "改过的标题"}).status_code == 403
    assert admin_client.get(admin_url(Document, "add")).status_code == 403
    document.refresh_from_db()
    assert document.title == "无锡市推进现代化产业体系建设大会召开"


def test_filters_select_by_review_status_city_document_and_edited(admin_client, atlas):
    f, d = atlas.facts, atlas.documents
    assert listed(admin_client, Target, "?review_status__exact=rejected") == {f["land"]}
    assert listed(admin_client, IndustryCluster, "?review_status__exact=rejected") == {f["metaverse"]}
    wuxi = atlas.cities["wuxi"]
    assert listed(admin_client, Target, f"?city__id__exact={wuxi.pk}") == {
        f["wuxi_ic_target"],
        f["wuxi_gdp"],
        f["wuxi_rd"],
    }
    assert listed(admin_client, Official, f"?document__id__exact={d['kunshan_traditional'].pk}") == {
        f["zhou_wei_again"]
    }
    assert listed(admin_client, Target, "?edited__exact=1") == set()
    Target.objects.filter(pk=f["wuxi_rd"].pk).update(edited=True)
    assert listed(admin_client, Target, "?edited__exact=1") == {f["wuxi_rd"]}


def test_filters_by_kind_tier_and_tag(admin_client, atlas):
    f = atlas.facts
    targets = listed(admin_client, Target, "?kind__exact=target")
    assert targets and all(t.kind == "target" for t in targets) and f["output_target"] in targets
    assert f["kunshan_gdp"] not in targets
    assert listed(admin_client, IndustryCluster, "?tier__exact=特色") == {f["wuxi_bio"]}
    assert listed(admin_client, Meeting, "?kind=座谈会") == {f["ic_forum"]}
    iot = atlas.tags["iot"]
    assert listed(admin_client, IndustryCluster, f"?tags__id__exact={iot.pk}") == {f["iot"]}


def test_search_in_chinese(admin_client, atlas):
    f = atlas.facts
    assert listed(admin_client, Target, "?q=研发投入") == {f["kunshan_rd"], f["wuxi_rd"]}
    assert listed(admin_client, Official, "?q=周伟") == {f["zhou_wei"], f["zhou_wei_again"]}
    # By the passage, by the city and by a tag's Chinese name.
    assert listed(admin_client, Meeting, "?q=花桥举行") == {f["ic_forum"]}
    assert f["wuxi_rd"] in listed(admin_client, Target, "?q=无锡")
    # 集成电路 of 无锡 is tagged 电子信息; the other two quote it.
    assert listed(admin_client, IndustryCluster, "?q=电子信息") == {f["wuxi_ic"], f["electronics"], f["equipment"]}
    assert {c.slug for c in listed(admin_client, City, "?q=昆山")} == {"kunshan"}


# The passage, marked in its context ----------------------------------------------------------------


def test_passage_in_context_marks_the_span_and_escapes_the_text():
    text = "前文<b>加粗</b>" + "甲" * 100 + "目标值<script>x</script>" + "乙" * 100
    start = text.index("目标值")
    html = str(passage_in_context(text, start, start + 3 + len("<script>x</script>"), context=5))
    assert "<mark>目标值&lt;script&gt;x&lt;/script&gt;</mark>" in html
    assert "<script>" not in html and "<b>" not in html
    assert "…甲甲甲甲甲<mark>" in html and "</mark>乙乙乙乙乙…" in html


def test_passage_in_context_survives_offsets_outside_the_text():
    assert "<mark>" not in str(passage_in_context("短文", 5, 9, "引文"))
    assert "引文" in str(passage_in_context("短文", 5, 9, "引文"))
    assert "<mark>文</mark>" in str(passage_in_context("短文", 1, 99))


def test_change_page_shows_the_passage_in_context_and_links_to_public_pages(admin_client, atlas):
    rd = atlas.facts["kunshan_rd"]
    content = admin_client.get(admin_url(Target, "change", rd.pk)).content.decode()
    assert "生产总值达5140亿元，<mark>研发投入强度达3.9%</mark>，全市拥有" in content
    assert f'href="/documents/{rd.document_id}/#ev-target-{rd.pk}"' in content
    assert 'href="/cities/kunshan/#targets"' in content


def test_markup_in_an_article_is_shown_as_text(admin_client, atlas):
    city = atlas.cities["wuxi"]
    document = make_document(city, "markup.txt", "标记", "无锡<img src=x onerror=alert(1)>市长赵建军说", None)
    fact = add_fact(Official, document, "市长赵建军", name="赵建军", title="市长")
    content = admin_client.get(admin_url(Official, "change", fact.pk)).content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;<mark>市长赵建军</mark>" in content
    assert "<img src=x" not in content


# Review: actions and "save and approve" ------------------------------------------------------------


def run_action(client, model, action, facts):
    return client.post(admin_url(model), {"action": action, "_selected_action": [f.pk for f in facts]}, follow=True)


def test_approve_and_reject_actions_record_history_with_the_reviewer(admin_client, atlas):
    f = atlas.facts
    admin_user = User.objects.get(username="admin")
    run_action(admin_client, Target, "approve", [f["kunshan_gdp"], f["kunshan_rd"]])
    run_action(admin_client, Target, "reject", [f["hightech_firms"]])
    statuses = dict(
        Target.objects.filter(pk__in=[f[k].pk for k in ("kunshan_gdp", "kunshan_rd", "hightech_firms")]).values_list(
            "metric", "review_status"
        )
    )
    assert statuses == {"地区生产总值": APPROVED, "研发投入强度": APPROVED, "高新技术企业": REJECTED}
    latest = Target.history.filter(id=f["hightech_firms"].pk).latest("history_date")
    assert (latest.review_status, latest.history_user, latest.history_type) == (REJECTED, admin_user, "~")
    # An approval is no edit: only review_status changed.
    assert not Target.objects.get(pk=f["kunshan_gdp"].pk).edited


def test_a_rejected_fact_is_kept_but_leaves_the_public_page(admin_client, client, atlas):
    firms = atlas.facts["hightech_firms"]
    assert "高新技术企业" in client.get("/cities/kunshan/").content.decode()
    run_action(admin_client, Target, "reject", [firms])
    assert Target.objects.filter(pk=firms.pk, review_status=REJECTED).exists()
    assert "高新技术企业" not in client.get("/cities/kunshan/").content.decode()


def test_save_and_approve_fixes_and_approves_in_one_step(admin_client, atlas):
    gdp = atlas.facts["kunshan_gdp"]
    url = admin_url(Target, "change", gdp.pk)
    assert 'name="_approve"' in admin_client.get(url).content.decode()
    response = admin_client.post(url, change_form_data(admin_client, url, value="5150", _approve="1"))
    assert response.status_code == 302
    gdp.refresh_from_db()
    assert (gdp.value, gdp.review_status, gdp.edited) == (5150, APPROVED, True)
    assert gdp.base_value == 5150 * 10**8  # derived again from the new value


# Edits lock the fact --------------------------------------------------------------------------------


def test_changing_a_field_marks_the_fact_edited(admin_client, atlas):
    li = atlas.facts["li_hui"]
    url = admin_url(Official, "change", li.pk)
    admin_client.post(url, change_form_data(admin_client, url, title="代市长"))
    li.refresh_from_db()
    assert (li.title, li.edited, li.review_status) == ("代市长", True, PENDING)
    assert li.is_locked


def test_changing_only_tags_marks_the_cluster_edited(admin_client, atlas):
    iot, tags = atlas.facts["iot"], atlas.tags
    url = admin_url(IndustryCluster, "change", iot.pk)
    admin_client.post(
        url, change_form_data(admin_client, url, tags=[tags["iot"].pk, tags["electronic-information"].pk])
    )
    iot.refresh_from_db()
    assert iot.edited
    assert set(iot.tags.values_list("slug", flat=True)) == {"iot", "electronic-information"}


def test_changing_only_officials_marks_the_meeting_edited(admin_client, atlas):
    meeting, fang_li = atlas.facts["wuxi_congress"], atlas.facts["fang_li"]
    url = admin_url(Meeting, "change", meeting.pk)
    data = change_form_data(admin_client, url)
    admin_client.post(url, {**data, "officials": [*data["officials"], str(fang_li.pk)]})
    meeting.refresh_from_db()
    assert meeting.edited and fang_li in meeting.officials.all()


def test_saving_without_a_change_or_only_the_status_is_no_edit(admin_client, atlas):
    rd = atlas.facts["wuxi_rd"]
    url = admin_url(Target, "change", rd.pk)
    admin_client.post(url, change_form_data(admin_client, url))
    rd.refresh_from_db()
    assert not rd.edited and rd.review_status == PENDING
    admin_client.post(url, change_form_data(admin_client, url, review_status=REJECTED))
    rd.refresh_from_db()
    assert not rd.edited and rd.review_status == REJECTED and rd.is_locked


def test_changing_the_passage_recomputes_the_offsets(admin_client, atlas):
    rd = atlas.facts["kunshan_rd"]
    url = admin_url(Target, "change", rd.pk)
    admin_client.post(url, change_form_data(admin_client, url, evidence_text="研发投入强度达3.9%，全市拥有"))
    rd.refresh_from_db()
    text = rd.document.normalized_text
    assert text[rd.evidence_start : rd.evidence_end] == "研发投入强度达3.9%，全市拥有" and rd.edited


# Facts the parser missed ----------------------------------------------------------------------------


def add_form(**fields):
    return {
        "review_status": PENDING,
        "evidence_start": "",
        "evidence_end": "",
        "evidence_text": "",
        "city": "",
        **fields,
    }


def test_staff_add_a_fact_by_its_passage(admin_client, atlas):
    document = atlas.documents["kunshan"]
    response = admin_client.post(
        admin_url(Target, "add"),
        add_form(
            metric="工业总产值",
            kind="actual",
            value="1.2",
            unit="万亿元",
            year="2023",
            document=document.pk,
            evidence_text="全市工业总产值突破1.5万亿元",
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    fact = Target.objects.get(metric="工业总产值", kind="actual")
    start = document.normalized_text.index("全市工业总产值突破1.5万亿元")
    assert (fact.origin, fact.city, fact.evidence_start, fact.evidence_end) == (
        Origin.STAFF,
        document.city,
        start,
        start + len("全市工业总产值突破1.5万亿元"),
    )
    assert fact.fingerprint.startswith("staff:") and fact.is_locked
    assert Target.history.filter(id=fact.pk, history_type="+", history_user__username="admin").exists()


def test_staff_add_a_fact_by_its_offsets(admin_client, atlas):
    document = atlas.documents["wuxi"]
    start = document.normalized_text.index("生物医药")
    response = admin_client.post(
        admin_url(IndustryCluster, "add"),
        add_form(
            name="生物医药",
            tier="优势",
            document=document.pk,
            evidence_start=start,
            evidence_end=start + 4,
            tags=[atlas.tags["biomedicine"].pk],
        ),
    )
    assert response.status_code == 302
    fact = IndustryCluster.objects.get(name="生物医药", tier="优势")
    assert fact.evidence_text == "生物医药" and fact.origin == Origin.STAFF
    assert list(fact.tags.all()) == [atlas.tags["biomedicine"]]


def test_two_added_facts_never_share_a_fingerprint(admin_client, atlas):
    document = atlas.documents["wuxi"]
    for _ in range(2):
        admin_client.post(
            admin_url(Official, "add"), add_form(name="王五", document=document.pk, evidence_text="市长赵建军")
        )
    fingerprints = set(Official.objects.filter(name="王五").values_list("fingerprint", flat=True))
    assert len(fingerprints) == 2


@pytest.mark.parametrize(
    "passage",
    [{"evidence_text": "这句话不在文章里"}, {"evidence_start": "5", "evidence_end": "9999"}, {}],
    ids=["unknown passage", "offsets outside", "no passage"],
)
def test_a_fact_without_a_passage_of_its_document_is_refused(admin_client, atlas, passage):
    before = Official.objects.count()
    response = admin_client.post(
        admin_url(Official, "add"), add_form(name="王五", document=atlas.documents["wuxi"].pk, **passage)
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["evidence_text"]
    assert Official.objects.count() == before


# History ----------------------------------------------------------------------------------------------


def test_history_shows_who_changed_what_and_a_revert_restores_it(admin_client, atlas):
    gdp = atlas.facts["wuxi_gdp"]
    url = admin_url(Target, "change", gdp.pk)
    admin_client.post(url, change_form_data(admin_client, url, value="16000"))
    history = admin_client.get(admin_url(Target, "history", gdp.pk)).content.decode()
    assert "admin" in history and "16000" in history and "15456" in history

    original = Target.history.filter(id=gdp.pk).earliest("history_date")
    revert_url = reverse("admin:atlas_target_simple_history", args=[gdp.pk, original.history_id])
    response = admin_client.post(revert_url, change_form_data(admin_client, revert_url))
    assert response.status_code == 302
    gdp.refresh_from_db()
    assert gdp.value == 15456
    # The revert is itself a staff change: kept out of the parser's reach, and recorded.
    assert gdp.edited
    assert Target.history.filter(id=gdp.pk).count() == 3


def test_a_revert_restores_the_tags_of_that_version(admin_client, atlas):
    cluster, tags = atlas.facts["wuxi_ic"], atlas.tags
    url = admin_url(IndustryCluster, "change", cluster.pk)
    before = change_form_data(admin_client, url)  # integrated-circuits and electronic-information
    admin_client.post(url, {**before, "tags": [str(tags["iot"].pk)]})
    assert set(cluster.tags.values_list("slug", flat=True)) == {"iot"}

    tagged = IndustryCluster.history.filter(id=cluster.pk, history_date__lt=cluster.history.latest().history_date)
    version = next(v for v in tagged.order_by("-history_date") if v.tags.count() == 2)
    revert_url = reverse("admin:atlas_industrycluster_simple_history", args=[cluster.pk, version.history_id])
    data = change_form_data(admin_client, revert_url)
    assert sorted(data["tags"]) == sorted(before["tags"])
    admin_client.post(revert_url, data)
    assert set(cluster.tags.values_list("slug", flat=True)) == {"integrated-circuits", "electronic-information"}
    cluster.refresh_from_db()
    assert cluster.edited


# Who gets in ------------------------------------------------------------------------------------------


@pytest.fixture
def analyst(db, client):
    user = User.objects.create_user("analyst", password="not-a-common-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=ANALYSTS))  # made by the review app's data migration
    client.force_login(user)
    return client


def test_analysts_can_look_at_everything_and_change_nothing(analyst, atlas):
    firms = atlas.facts["hightech_firms"]
    for model in ALL_MODELS:
        assert analyst.get(admin_url(model)).status_code == 200, model
    url = admin_url(Target, "change", firms.pk)
    page = analyst.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert 'name="_approve"' not in page.content.decode()
    assert analyst.post(url, {"metric": "x", "value": "1"}).status_code == 403
    assert analyst.get(admin_url(Target, "add")).status_code == 403
    assert analyst.get(admin_url(Target, "history", firms.pk)).status_code == 200
    # The bulk actions need the change permission: they are not offered, and a forged POST changes nothing.
    assert "approve" not in analyst.get(admin_url(Target)).context["cl"].model_admin.get_actions(
        analyst.get(admin_url(Target)).wsgi_request
    )
    run_action(analyst, Target, "approve", [firms])
    firms.refresh_from_db()
    assert firms.review_status == PENDING and firms.metric == "高新技术企业"
    assert analyst.get(reverse("review:upload")).status_code == 403


def test_analysts_cannot_revert_through_the_history_page(analyst, admin_client, atlas):
    gdp = atlas.facts["wuxi_gdp"]
    version = Target.history.filter(id=gdp.pk).earliest("history_date")
    revert_url = reverse("admin:atlas_target_simple_history", args=[gdp.pk, version.history_id])
    assert analyst.get(revert_url).status_code == 200  # they may look at an old version
    assert analyst.post(revert_url, change_form_data(admin_client, revert_url, value="1")).status_code == 403
    gdp.refresh_from_db()
    assert gdp.value == 15456 and not gdp.edited


@pytest.mark.parametrize(
    "url", ["/admin/", "/admin/atlas/target/", "/admin/review/upload/", "/admin/review/documents/1/"]
)
def test_only_staff_reach_the_admin(client, db, url):
    assert client.get(url)["Location"].startswith("/admin/login/")
    User.objects.create_user("visitor", password="not-a-common-password-1")
    client.login(username="visitor", password="not-a-common-password-1")
    assert client.get(url)["Location"].startswith("/admin/login/")


def test_public_city_page_has_admin_links_for_staff_only(client, admin_client, atlas):
    anonymous = client.get("/cities/kunshan/").content.decode()
    assert "高新技术企业" in anonymous and "/admin/" not in anonymous
    staff = admin_client.get("/cities/kunshan/").content.decode()
    assert admin_url(Target, "change", atlas.facts["hightech_firms"].pk) in staff


# Entry points -----------------------------------------------------------------------------------------


def test_admin_index_links_the_upload_page_and_the_pending_queues(admin_client, db):
    content = admin_client.get("/admin/").content.decode()
    assert 'href="/admin/review/upload/"' in content
    assert 'href="/admin/atlas/target/?review_status__exact=pending"' in content


def test_document_review_page_lists_every_kind_of_fact(admin_client, atlas):
    document = atlas.documents["kunshan"]
    content = admin_client.get(reverse("review:document", args=[document.pk])).content.decode()
    for key in ("zhou_wei", "kunshan_congress", "electronics", "kunshan_rd", "land"):
        fact = atlas.facts[key]
        assert admin_url(type(fact), "change", fact.pk) in content
    assert f"/admin/atlas/target/?document__id__exact={document.pk}" in content
    assert "<mark>研发投入强度达3.9%</mark>" in content


def test_staff_see_admin_links_in_the_header_and_visitors_do_not(client, admin_client, db):
    assert "/admin/" not in client.get("/").content.decode()
    page = admin_client.get("/").content.decode()
    assert 'href="/admin/"' in page and 'href="/admin/review/upload/"' in page
