"""One document per article: copies under other names, re-ingests and reposts on other sites."""

import shutil
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from apps.atlas.models import Document, IndustryCluster, Meeting, Official, Target
from apps.ingest.service import ingest_path, ingest_upload

pytestmark = pytest.mark.django_db

SEEDS = settings.BASE_DIR / "seeds"
SEED_A, SEED_B = "001_62f8318e51c4fe30.txt", "003_a889f4cb870d6376.txt"
FACT_MODELS = (Official, Meeting, IndustryCluster, Target)
# Portal chrome, written for these tests after the pattern of news portals: normalization drops
# all of it, so a copy wrapped in it is an exact duplicate.
PORTAL_HEADER = "首页 | 要闻 | 地方 | 财经\n当前位置:首页 > 地方频道 > 正文\n来源:东方产业观察网 2024-03-01 09:30\n"
PORTAL_FOOTER = "\n(原标题有删改)\n责任编辑:李某 审核:王某\n关于我们 | 联系方式 | 版权声明\n本网站所刊登的各种新闻信息均已获得授权\n"
# Another outlet's own header and footer, which no boilerplate rule knows: a repost.
OTHER_HEADER = "东方产业观察 · 每日产业快讯第218期\n今日导读:制造业集群与城市更新\n"
OTHER_FOOTER = "\n相关阅读:长三角制造业集群发展报告发布\n扫码关注东方产业观察,获取更多地方产业动态\n"


def fact_rows():
    return {model.__name__: model.objects.count() for model in FACT_MODELS}


def copy_seed(tmp_path, seed, name):
    target = tmp_path / name
    shutil.copy(SEEDS / seed, target)
    return target


def test_a_copy_under_another_name_is_the_same_document(tmp_path):
    first = ingest_path(copy_seed(tmp_path, SEED_A, "a.txt"))
    assert first.status == "created" and first.duplicate_of is None
    rows = fact_rows()

    again = ingest_path(copy_seed(tmp_path, SEED_A, "renamed-copy.txt"))
    assert again.status == "duplicate"
    assert again.duplicate_of == first.document == again.document
    assert again.counts == dict.fromkeys(("officials", "meetings", "clusters", "targets"), 0)
    assert Document.objects.count() == 1 and fact_rows() == rows
    assert Document.objects.get().also_seen_as == [{"source": "renamed-copy.txt", "url": ""}]

    assert ingest_path(tmp_path / "a.txt").status == "unchanged"
    assert ingest_path(tmp_path / "renamed-copy.txt").status == "duplicate"
    assert Document.objects.get().also_seen_as == [{"source": "renamed-copy.txt", "url": ""}]


def test_an_upload_of_the_same_text_with_other_spacing_is_a_duplicate(tmp_path):
    first = ingest_path(copy_seed(tmp_path, SEED_A, "a.txt"))
    text = (SEEDS / SEED_A).read_text(encoding="utf-8")
    upload = ingest_upload("upload-1.txt", ("\n\n" + text.replace("。", "。\n") + "\n").encode("utf-8"))
    assert (upload.status, upload.duplicate_of) == ("duplicate", first.document)


def test_a_copy_in_portal_chrome_that_normalization_removes_is_a_duplicate(tmp_path):
    first = ingest_path(copy_seed(tmp_path, SEED_A, "a.txt"))
    wrapped = tmp_path / "portal.txt"
    wrapped.write_text(PORTAL_HEADER + (SEEDS / SEED_A).read_text(encoding="utf-8") + PORTAL_FOOTER, encoding="utf-8")
    assert (ingest_path(wrapped).status, Document.objects.count()) == ("duplicate", 1)
    assert Document.objects.get(pk=first.document.pk).also_seen_as == [{"source": "portal.txt", "url": ""}]


def test_a_repost_in_another_sites_chrome_is_linked_and_adds_no_facts(tmp_path, client):
    first = ingest_path(copy_seed(tmp_path, SEED_A, "a.txt"))
    ingest_path(copy_seed(tmp_path, SEED_B, "b.txt"))
    rows = fact_rows()
    text = (SEEDS / SEED_A).read_text(encoding="utf-8")
    reposted = tmp_path / "portal-repost.txt"
    reposted.write_text(OTHER_HEADER + text + OTHER_FOOTER, encoding="utf-8")

    result = ingest_path(reposted)
    assert result.status == "repost" and result.created
    assert result.duplicate_of == first.document
    assert result.document != first.document and result.document.duplicate_of == first.document
    assert result.document.city == first.document.city
    assert fact_rows() == rows
    assert ingest_path(reposted).status == "repost"  # stays a repost when it arrives again
    assert fact_rows() == rows

    page = client.get(first.document.get_absolute_url()).content.decode()
    assert "Also appeared at" in page and f'href="{result.document.get_absolute_url()}"' in page
    page = client.get(result.document.get_absolute_url()).content.decode()
    assert f'href="{first.document.get_absolute_url()}"' in page and "first copy" in page


def test_a_different_article_about_the_same_city_is_not_a_repost(tmp_path):
    text = (SEEDS / SEED_A).read_text(encoding="utf-8")
    ingest_path(copy_seed(tmp_path, SEED_A, "a.txt"))
    half = tmp_path / "other.txt"
    # The first sentences only (the city and the meeting) followed by another article's body.
    half.write_text(text[:120] + (SEEDS / SEED_B).read_text(encoding="utf-8")[200:], encoding="utf-8")
    assert ingest_path(half).status == "created"


def test_ingesting_the_seeds_with_renamed_copies_and_reposts_keeps_one_document_per_article(tmp_path):
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
        shutil.copy(seed, tmp_path / f"copy-of-{seed.name}")
        (tmp_path / f"repost-of-{seed.name}").write_text(
            OTHER_HEADER + seed.read_text(encoding="utf-8") + OTHER_FOOTER, encoding="utf-8"
        )
    call_command("ingest", str(tmp_path), stdout=StringIO())
    seeds = sorted(seed.name for seed in SEEDS.glob("*.txt"))
    originals = Document.objects.filter(duplicate_of__isnull=True)
    # The seeds' names sort before "copy-of-…": each seed is the first copy, its renamed copy a duplicate.
    assert sorted(originals.values_list("source", flat=True)) == seeds
    assert sorted(Document.objects.filter(duplicate_of__isnull=False).values_list("source", flat=True)) == [
        f"repost-of-{name}" for name in seeds
    ]
    assert all(doc.also_seen_as == [{"source": f"copy-of-{doc.source}", "url": ""}] for doc in originals)
    for model in FACT_MODELS:
        assert not model.objects.filter(document__duplicate_of__isnull=False).exists()
