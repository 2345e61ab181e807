"""load and the ingest/export commands, against the database."""

import json
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from apps.atlas.models import City, Document, IndustryCluster, Meeting, Official, ReviewStatus, Target
from apps.ingest.service import ingest_path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
FACT_MODELS = (Official, Meeting, IndustryCluster, Target)

pytestmark = pytest.mark.django_db

ARTICLE = (
    "4月2日,浙江省绍兴市召开制造业高质量发展大会。市委书记温某某出席会议并讲话。"
    "会议提出,到2027年,全市规上工业总产值突破1.5万亿元,高新技术企业达到6000家;"
    "做强集成电路、高端装备、现代纺织三大主导产业。"
)


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("document__source", "fingerprint")) for model in FACT_MODELS
    }


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ingest_creates_city_with_parent_document_and_facts(tmp_path):
    result = ingest_path(write(tmp_path, "sx.txt", ARTICLE))
    document = result.document
    assert document.city.name == "绍兴" and document.city.slug == "shaoxing" and document.city.level == "地级市"
    assert result.counts == {"officials": 1, "meetings": 1, "clusters": 3, "targets": 2}
    target = Target.objects.get(unit="万亿元")
    assert (target.value, target.base_value, target.base_unit, target.year) == (
        Decimal("1.5"),
        Decimal("1.5E12"),
        "元",
        2027,
    )
    assert document.normalized_text[target.evidence_start : target.evidence_end] == target.evidence_text
    assert target.extractor_version and 0 < target.confidence <= 1


def test_county_city_gets_its_prefecture_as_parent(tmp_path):
    ingest_path(
        write(tmp_path, "cs.txt", "江苏省常熟市召开全市工业大会。常熟市委书记李某某讲话。常熟全市上下凝心聚力。")
    )
    city = City.objects.get(name="常熟")
    assert (city.level, city.province, city.parent.name) == ("县级市", "江苏", "苏州")


def test_same_document_twice_gives_the_same_rows(tmp_path):
    path = write(tmp_path, "sx.txt", ARTICLE)
    ingest_path(path)
    before, ids = snapshot(), sorted(Target.objects.values_list("pk", flat=True))
    ingest_path(path)
    assert snapshot() == before
    assert sorted(Target.objects.values_list("pk", flat=True)) == ids
    assert Document.objects.count() == 1


def test_updated_article_replaces_stale_parser_facts_but_keeps_reviewed_ones(tmp_path):
    path = write(tmp_path, "sx.txt", ARTICLE)
    ingest_path(path)
    approved = Target.objects.get(unit="家")
    approved.review_status = ReviewStatus.APPROVED
    approved.save()
    edited = IndustryCluster.objects.get(name="现代纺织")
    edited.name, edited.edited = "现代纺织服装", True
    edited.save()
    rejected = IndustryCluster.objects.get(name="集成电路")
    rejected.review_status = ReviewStatus.REJECTED
    rejected.save()

    # The article is corrected upstream: new numbers, one cluster dropped.
    path.write_text(
        ARTICLE.replace("1.5万亿元", "1.6万亿元").replace("集成电路、", "").replace("三大", "两大"), encoding="utf-8"
    )
    ingest_path(path)

    assert list(Target.objects.values_list("value", flat=True).order_by("value")) == [Decimal("1.6"), Decimal("6000")]
    assert Target.objects.get(pk=approved.pk).review_status == ReviewStatus.APPROVED
    assert IndustryCluster.objects.get(pk=edited.pk).name == "现代纺织服装"
    assert not IndustryCluster.objects.filter(name="现代纺织").exists()
    assert IndustryCluster.objects.get(pk=rejected.pk).review_status == ReviewStatus.REJECTED
    assert IndustryCluster.objects.filter(name="集成电路").count() == 1


def test_document_keeps_cleaning_report_and_offset_map(tmp_path):
    path = write(
        tmp_path,
        "ks.txt",
        "2月5日,江蘇省昆山市召開推進新型工業(yè)化工作會議,昆山市委書記周某某出席。力爭規上工業企業突破3000家。",
    )
    document = ingest_path(path).document
    assert document.script == "traditional"
    assert document.cleaning["pinyin_glosses"] == 1
    start = document.normalized_text.index("新型工业化")
    raw_start, raw_end = document.raw_span(start, start + 5)
    assert document.raw_text[raw_start:raw_end] == "新型工業(yè)化"


def test_ingest_command_reports_each_file_and_fails_at_the_end_for_bad_ones(tmp_path):
    write(tmp_path, "a_good.txt", ARTICLE)
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "c_empty.txt").write_bytes(b"")
    write(
        tmp_path,
        "d_nocity.txt",
        "会议强调,要加快发展新质生产力,推动传统产业转型升级,培育壮大新兴产业,布局建设未来产业。",
    )
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="2 file"):
        call_command("ingest", str(tmp_path), stdout=out, stderr=err)
    assert "✓ a_good.txt: 绍兴" in out.getvalue()
    assert "⚠ d_nocity.txt: stored, but it names no Chinese city" in out.getvalue()
    errors = err.getvalue()
    assert "b_binary.txt: the file is binary" in errors
    assert "c_empty.txt: the file is empty" in errors
    assert sorted(Document.objects.values_list("source", "city__name")) == [
        ("a_good.txt", "绍兴"),
        ("d_nocity.txt", None),
    ]


def test_article_naming_no_city_alone_does_not_fail_the_batch(tmp_path, client):
    write(
        tmp_path, "nocity.txt", "会议强调,要加快发展新质生产力,推动传统产业转型升级,培育壮大新兴产业,布局建设未来产业。"
    )
    out = StringIO()
    call_command("ingest", str(tmp_path), stdout=out)
    assert "1 of 1 articles ingested" in out.getvalue()
    assert not Target.objects.exists()
    document = Document.objects.get()
    assert client.get(document.get_absolute_url()).status_code == 200


def test_failed_file_loses_nothing_already_loaded(tmp_path):
    path = write(tmp_path, "sx.txt", ARTICLE)
    ingest_path(path)
    before = snapshot()
    path.write_bytes(b"")
    with pytest.raises(CommandError):
        call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())
    assert snapshot() == before


def test_ingest_command_rejects_missing_paths():
    with pytest.raises(CommandError, match="no such file or folder"):
        call_command("ingest", "/nonexistent/articles", stdout=StringIO())


def test_export_facts_follows_the_contract_and_hides_rejected(tmp_path):
    # A news page's header: its title, then the date and publisher line under it.
    header = "绍兴召开制造业高质量发展大会\n2023-04-03 09:12 来源：绍兴日报\n"
    ingest_path(write(tmp_path, "sx.txt", header + ARTICLE))
    IndustryCluster.objects.filter(name="现代纺织").update(review_status=ReviewStatus.REJECTED)
    out = StringIO()
    call_command("export_facts", stdout=out)
    data = json.loads(out.getvalue())
    assert data["documents"] == [
        {
            "source": "sx.txt",
            "city": "绍兴",
            "title": "绍兴召开制造业高质量发展大会",
            "published": "2023-04-03",
            "spun": False,
            "genre": "news",
        }
    ]
    [city] = data["cities"]
    assert (city["name"], city["slug"], city["name_en"], city["province"]) == ("绍兴", "shaoxing", "Shaoxing", "浙江")
    assert {c["name"] for c in city["clusters"]} == {"集成电路", "高端装备"}
    assert {(t["value"], t["unit"], t["year"], t["kind"]) for t in city["targets"]} == {
        (1.5, "万亿元", 2027, "target"),
        (6000, "家", 2027, "target"),
    }
    assert all(f["source"] == "sx.txt" for kind in ("meetings", "officials", "clusters", "targets") for f in city[kind])


def test_sidecar_publication_date_resolves_a_yearless_date(tmp_path):
    write(tmp_path, "sx.txt", ARTICLE)
    (tmp_path / "sx.meta.json").write_text(json.dumps({"published": "2023-04-03", "publisher": "绍兴日报"}))
    call_command("ingest", str(tmp_path), stdout=StringIO())
    meeting = Meeting.objects.get()
    assert meeting.date.isoformat() == "2023-04-02" and meeting.year_inferred
    assert Document.objects.get().publisher == "绍兴日报"
