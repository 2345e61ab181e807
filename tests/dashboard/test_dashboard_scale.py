"""The public pages at hundreds of rows: paged lists, "more" links, sorting and filtering, SQL search.

Sizes here are just past one page (50 rows), enough to show that a page stops growing with the
data; speed and size figures at 1,000 cities live in bench/load_pages.py and bench/page_weight.py.
"""

import gzip
import re
from datetime import date

import pytest
from django.conf import settings
from django.core.cache import cache

from apps.atlas.models import City, Document, IndustryCluster, Meeting, Official, Target
from apps.dashboard import links
from apps.dashboard.views import COMPARED_ROWS, PROFILE_PAGE_SIZE
from tests.factories import build_atlas, make_city

HTMX = {"HTTP_HX_REQUEST": "true"}
ROWS = 60  # past one page of 50


@pytest.fixture(autouse=True)
def fresh_cache():
    """What the pages cache is keyed by the data's version; tests that share data must not share it."""
    cache.clear()


@pytest.fixture
def atlas(db):
    return build_atlas()


def crowd_cities(atlas, n=ROWS):
    """n more covered cities in two provinces, city i with i clusters tagged 物联网 (iot)."""
    iot = atlas.tags["iot"]
    for i in range(n):
        city = make_city(
            f"crowd-{i:03d}",
            f"众城{i:03d}",
            f"Crowd {i:03d}",
            City.Level.COUNTY,
            province="浙江省" if i % 2 else "安徽省",
        )
        document = Document.objects.create(
            city=city,
            source=f"crowd-{i}.txt",
            sha256=f"{i:064d}",
            title=f"众城{i}",
            raw_text="众城",
            normalized_text="众城",
        )
        clusters = IndustryCluster.objects.bulk_create(
            IndustryCluster(document=document, city=city, fingerprint=f"c{j}", name=f"产业{j}", tier="特色")
            for j in range(i)
        )
        IndustryCluster.tags.through.objects.bulk_create(
            IndustryCluster.tags.through(industrycluster=cluster, industrytag=iot) for cluster in clusters
        )


def crowd_city_facts(atlas, slug="kunshan", n=ROWS):
    """n more facts of every kind for one city."""
    document = atlas.documents[slug]
    city = document.city
    common = dict(document=document, city=city, evidence_text="", evidence_start=0, evidence_end=0)
    Official.objects.bulk_create(Official(fingerprint=f"o{i}", name=f"官{i:03d}", **common) for i in range(n))
    Meeting.objects.bulk_create(
        Meeting(fingerprint=f"m{i}", name=f"会{i:03d}", date=date(2020, 1, 1), **common) for i in range(n)
    )
    IndustryCluster.objects.bulk_create(
        IndustryCluster(fingerprint=f"c{i}", name=f"群{i:03d}", **common) for i in range(n)
    )
    Target.objects.bulk_create(
        Target(
            fingerprint=f"t{i}",
            metric=f"指标{i:03d}",
            value=i,
            unit="亿元",
            base_value=i * 10**8,
            base_unit="元",
            **common,
        )
        for i in range(n)
    )


def text(response):
    assert response.status_code == 200
    return response.content.decode()


def city_rows(content):
    return re.findall(r'<th scope="row">\s*<a class="city-name" href="/cities/([\w-]+)/"', content)


# Overview ---------------------------------------------------------------------------------------


def test_overview_shows_one_page_and_a_more_link_that_appends_the_next(client, atlas):
    crowd_cities(atlas)
    first = text(client.get("/"))
    assert len(city_rows(first)) == 50
    assert 'id="city-more"' in first and 'href="/?page=2"' in first
    more = text(client.get("/?page=2", HTTP_HX_TARGET="city-more", **HTMX))
    assert more.strip().startswith("<tr>") and "<table" not in more and "<html" not in more
    assert len(city_rows(more)) == 64 - 50 and 'id="city-more"' not in more
    assert not set(city_rows(more)) & set(city_rows(first))
    # Without JavaScript the same link is a whole page, with a way back to the first.
    second = text(client.get("/?page=2"))
    assert "<html" in second and city_rows(second) == city_rows(more) and 'href="/"' in second


def test_overview_sorts_by_counts_and_keeps_the_filters_in_its_links(client, atlas):
    crowd_cities(atlas)
    content = text(client.get("/?sort=clusters&province=浙江省"))
    slugs = city_rows(content)
    assert slugs[:3] == ["crowd-059", "crowd-057", "crowd-055"]  # 59, 57, 55 clusters; 浙江 has the odd ones
    assert len(slugs) == 30
    assert 'href="/?tag=iot&amp;province=%E6%B5%99%E6%B1%9F%E7%9C%81&amp;sort=clusters"' in content


def test_overview_filters_by_level_and_ignores_an_unknown_sort(client, atlas):
    response = client.get("/?level=县级市&sort=bogus")
    assert {city.slug for city in response.context["cities"]} == {"kunshan", "jiangyin", "jingjiang"}
    assert any("bogus" in notice for notice in response.context["notices"])


def test_tag_chip_counts_follow_a_review_at_once(client, atlas):
    def iot_chip_count():
        counts = [chip.count for chip in client.get("/").context["chips"] if chip.tag and chip.tag.slug == "iot"]
        return counts[0] if counts else None

    assert iot_chip_count() == 1  # 无锡
    rejected = IndustryCluster.objects.get(name="物联网")
    rejected.review_status = "rejected"
    rejected.save(update_fields=["review_status", "updated_at"])
    assert iot_chip_count() is None  # no city has it any more: no chip


def test_overview_heatmap_is_limited_to_the_top_cities(client, atlas):
    crowd_cities(atlas)
    matrix = client.get("/").context["matrix"]
    labels = [row[0] for row in matrix.rows]
    assert len(labels) == 15 and labels[0] == "众城059 Crowd 059"


@pytest.mark.parametrize("rows", [0, ROWS], ids=["small", "crowded"])
def test_overview_query_count_is_the_same_at_any_number_of_cities(client, atlas, rows, django_assert_num_queries):
    crowd_cities(atlas, rows)
    with django_assert_num_queries(9):  # with the heatmap's source line (documents, latest)
        client.get("/?sort=latest")
    with django_assert_num_queries(5):  # chips and heatmap from the cache: count, page, provinces, version, source
        client.get("/?sort=latest")
    with django_assert_num_queries(2):  # the next page's rows: their count and the rows
        client.get("/?page=2", HTTP_HX_TARGET="city-more", **HTMX)


# City profile -----------------------------------------------------------------------------------


def test_profile_lists_a_page_of_each_kind_and_loads_more_in_place(client, atlas):
    crowd_city_facts(atlas)
    content = text(client.get("/cities/kunshan/"))
    assert PROFILE_PAGE_SIZE == 25
    assert content.count('class="meeting"') == 25 and content.count('class="cluster"') == 25
    assert content.count('class="person"') == 24  # 25 rows, two of them 周伟's
    for section in ("officials", "meetings", "clusters", "targets"):
        assert f'id="{section}-more"' in content
    assert 'href="/cities/kunshan/?meetings_page=2#meetings"' in content
    more = text(client.get("/cities/kunshan/?meetings_page=3", HTTP_HX_TARGET="meetings-more", **HTMX))
    assert "<html" not in more and more.strip().startswith('<li class="meeting"')
    assert more.count('class="meeting"') == 62 - 50  # 2 meetings of the atlas and 60 more
    assert 'id="meetings-more"' not in more  # the last page
    full = text(client.get("/cities/kunshan/?meetings_page=3"))
    assert full.count('class="meeting"') == 12 and full.count('class="cluster"') == 25


def test_profile_size_stops_growing_past_a_page(client, atlas):
    crowd_city_facts(atlas, n=PROFILE_PAGE_SIZE)
    size_at_one_page = len(client.get("/cities/kunshan/").content)
    Official.objects.bulk_create(
        Official(
            document=atlas.documents["kunshan"], city=atlas.cities["kunshan"], fingerprint=f"x{i}", name=f"新官{i:03d}"
        )
        for i in range(200)
    )
    assert len(client.get("/cities/kunshan/").content) < size_at_one_page * 1.05


# Compare and tag pages --------------------------------------------------------------------------


def test_compare_keeps_the_first_rows_per_city_and_links_to_the_rest(client, atlas):
    crowd_city_facts(atlas)
    response = client.get("/compare/?cities=kunshan,wuxi")
    kunshan, wuxi = response.context["facts_list"]
    assert COMPARED_ROWS == 10
    assert len(kunshan.meetings) == 10 and kunshan.more_meetings == 62 - 10
    assert len(kunshan.targets) == 10 and kunshan.more_targets == 66 - 10
    assert [m.name for m in kunshan.meetings][-1] == "会009"  # the earliest first: the 2020 ones, by name
    assert wuxi.more_meetings == 0
    assert "另有52条" in response.content.decode()


def test_compare_size_stops_growing_past_its_first_rows(client, atlas):
    """Facts of every kind and goals for one deadline, past what a column and a deadline cell show."""
    document = atlas.documents["kunshan"]
    common = dict(document=document, city=document.city, evidence_text="", evidence_start=0, evidence_end=0)

    def add(prefix, n):
        Official.objects.bulk_create(
            Official(fingerprint=f"{prefix}o{i}", name=f"官{i:03d}", **common) for i in range(n)
        )
        Meeting.objects.bulk_create(
            Meeting(fingerprint=f"{prefix}m{i}", name=f"会{i:03d}", date=date(2020, 1, 1), **common) for i in range(n)
        )
        IndustryCluster.objects.bulk_create(
            IndustryCluster(fingerprint=f"{prefix}c{i}", name=f"群{i:03d}", **common) for i in range(n)
        )
        Target.objects.bulk_create(
            Target(
                fingerprint=f"{prefix}t{i}",
                metric=f"目标{i:03d}",
                value=i + 1,
                unit="亿元",
                base_value=(i + 1) * 10**8,
                base_unit="元",
                kind=Target.Kind.TARGET,
                year=2030,
                **common,
            )
            for i in range(n)
        )

    add("a", COMPARED_ROWS)
    url = "/compare/?cities=kunshan,wuxi"
    size_at_first_rows = len(client.get(url).content)
    add("b", 200)
    content = client.get(url).content
    assert "另有".encode() in content  # the rest is counted, not shown
    assert len(content) < size_at_first_rows * 1.05


def test_tag_page_offers_the_cities_with_most_clusters_and_keeps_the_selected_one(client, atlas):
    crowd_cities(atlas, 110)
    response = client.get("/tags/iot/?city=wuxi")
    choices = [city.slug for city in response.context["city_choices"]]
    assert len(choices) == 101 and "wuxi" in choices and "crowd-109" in choices and "crowd-005" not in choices


def test_tag_page_is_paged(client, atlas):
    crowd_cities(atlas)
    content = text(client.get("/tags/iot/"))
    assert content.count('<li class="cluster">') == 50 and 'id="tag-results-more"' in content
    more = text(client.get("/tags/iot/?page=2", HTTP_HX_TARGET="tag-results-more", **HTMX))
    assert "<html" not in more and more.count('<li class="cluster">') == 50


# Search -----------------------------------------------------------------------------------------


def test_pinyin_is_stored_when_a_fact_is_saved(atlas):
    official = atlas.facts["zhou_wei"]
    assert official.name_pinyin == "zhouwei"
    official.name = "李晖"
    official.save(update_fields=["name"])
    official.refresh_from_db()
    assert official.name_pinyin == "lihui"


def test_pinyin_search_is_a_query_over_the_stored_column(client, atlas, django_assert_max_num_queries):
    Meeting.objects.filter(name="集成电路产业座谈会").update(name_pinyin="")  # a stale column is not guessed around
    results = client.get("/search/", {"q": "jichengdianlu"}).context["results"]
    assert {cluster.name for cluster in results.clusters} == {"集成电路"}
    assert results.meetings == []


def test_search_shows_the_query_as_typed_and_says_how_it_was_read(client, atlas):
    content = text(client.get("/search/", {"q": "崑山"}))
    assert 'value="崑山"' in content and "未找到" not in content
    assert "searched as 昆山" in content


def test_search_finds_articles_by_their_text(client, atlas):
    results = client.get("/search/", {"q": "研发投入强度"}).context["results"]  # a phrase of the 昆山 article
    assert atlas.documents["kunshan"] in results.documents
    assert all("研发投入强度" in document.normalized_text for document in results.documents)
    assert client.get("/search/", {"q": "研发投入强度不存在"}).context["results"].documents == []


# Links, connections, compression ----------------------------------------------------------------


def test_links_built_from_a_prefix_match_reverse(atlas):
    city, tag, document = atlas.cities["kunshan"], atlas.tags["iot"], atlas.documents["kunshan"]
    assert links.city_url(city) == city.get_absolute_url()
    assert links.tag_url(tag) == tag.get_absolute_url()
    assert links.document_url(document.pk) == document.get_absolute_url()


def test_connections_are_kept_and_checked():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_pages_are_gzipped_for_browsers_that_accept_it(client, atlas):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "<html" in gzip.decompress(response.content).decode()
