"""Review status in public: verified marks, the "approved only" switch, and the pages that finish the site."""

import re

import pytest
from django.test import override_settings

from apps.atlas.models import City, Document, IndustryCluster, Official, ReviewStatus
from apps.atlas.visibility import approved_only, showing_approved_only

HTMX = {"HTTP_HX_REQUEST": "true"}


def switch_href(content):
    return re.search(r'<a class="approved-switch[^"]*" href="([^"]*)"', content).group(1)


def page(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_approved_facts_carry_a_verified_mark_and_the_others_say_unreviewed(client, atlas):
    content = page(client, "/cities/kunshan/")
    official = content.split('id="official-周伟"')[1].split("</li>")[0]
    assert "已核实" in official  # approved in the factories
    mayor = content.split('id="official-李晖"')[1].split("</li>")[0]
    assert "未审核" in mayor and "已核实" not in mayor


def test_each_fact_links_to_its_own_page(client, atlas):
    content = page(client, "/cities/kunshan/")
    assert f'href="/facts/target/{atlas.facts["kunshan_gdp"].pk}/"' in content
    assert f'href="/facts/official/{atlas.facts["zhou_wei"].pk}/"' in content


def test_public_is_narrowed_to_approved_only_while_the_switch_is_on(atlas):
    approved = set(Official.objects.filter(review_status=ReviewStatus.APPROVED))
    assert approved and set(Official.objects.public()) > approved
    with showing_approved_only():
        assert approved_only() and set(Official.objects.public()) == approved
    assert not approved_only() and set(Official.objects.public()) > approved


def test_approved_only_switch_narrows_lists_and_counts(client, atlas):
    everything = client.get("/")
    approved = client.get("/?approved=1")
    counts = {city.slug: city.cluster_count for city in everything.context["cities"]}
    approved_counts = {city.slug: city.cluster_count for city in approved.context["cities"]}
    assert counts["kunshan"] > 0
    expected = IndustryCluster.objects.filter(city__slug="kunshan", review_status=ReviewStatus.APPROVED).count()
    assert approved_counts["kunshan"] == expected < counts["kunshan"]

    IndustryCluster.objects.filter(pk=atlas.facts["electronics"].pk).update(review_status=ReviewStatus.APPROVED)
    after = {city.slug: city.cluster_count for city in client.get("/?approved=1").context["cities"]}
    assert after["kunshan"] == expected + 1  # counts follow a review at once, cache or not


def test_approved_only_profile_hides_unreviewed_facts_and_keeps_the_switch_in_links(client, atlas):
    content = page(client, "/cities/kunshan/?approved=1")
    assert 'id="official-周伟"' in content and 'id="official-李晖"' not in content
    assert "未审核" not in content.split("<main")[1]
    assert 'href="/cities/suzhou/?approved=1"' in content  # the breadcrumb keeps the switch on
    assert 'class="approved-switch is-on"' in content
    assert switch_href(content) == "/cities/kunshan/"  # the switch turns it off again, on the same page


def test_switch_link_turns_it_on_and_keeps_the_other_filters(client, atlas):
    content = page(client, "/tags/integrated-circuits/?tier=主导&page=1")
    switch = switch_href(content)
    assert "approved=1" in switch and "tier=" in switch and "page=" not in switch


def test_chips_sorts_and_city_links_keep_the_switch(client, atlas):
    IndustryCluster.objects.filter(pk=atlas.facts["kunshan_ic"].pk).update(review_status=ReviewStatus.APPROVED)
    content = page(client, "/?approved=1")
    assert 'href="/?tag=integrated-circuits&amp;approved=1"' in content
    assert 'href="/tags/electronic-information/' not in content  # no approved cluster carries it
    assert 'href="/?sort=clusters&amp;approved=1"' in content
    assert 'href="/cities/kunshan/?approved=1"' in content


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/cities/kunshan/",
        "/compare/?cities=kunshan,wuxi",
        "/tags/integrated-circuits/",
        "/search/?q=昆山",
        "/map/",
        "/metrics/",
    ],
)
def test_every_page_has_the_switch_with_english_marked_as_english(client, atlas, url):
    content = page(client, url)
    assert 'class="approved-switch' in content
    assert '<span class="en">' not in content  # every English span says lang="en"
    assert 'lang="en"' in content


def test_parent_city_lists_its_covered_counties(client, atlas):
    content = page(client, "/cities/suzhou/")
    assert "下辖县区" in content and 'href="/cities/kunshan/"' in content
    assert "下辖县区" not in page(client, "/cities/kunshan/")  # a county has none under it


def test_tiers_and_numbers_are_shown_for_people(client, atlas):
    content = page(client, "/tags/textiles/")
    assert "其他 other" in content or "传统 traditional" in content
    profile = page(client, "/cities/kunshan/")
    assert "15,000亿元" in profile and "3.9%" in profile and "2,800家" in profile


def test_charts_carry_a_source_line(client, atlas):
    content = page(client, "/compare/?cities=kunshan,wuxi")
    documents = Document.objects.count()
    assert f"来源: 城市产业战略图谱, {documents} documents, " in content


def test_empty_atlas_explains_how_to_fill_it(client, atlas):
    Document.objects.all().delete()  # rolled back with the test
    content = page(client, "/")
    assert "manage.py ingest" in content and 'href="/admin/review/upload/"' in content
    assert not City.objects.covered().exists()


def test_unknown_page_is_a_bilingual_404_with_the_sites_header_and_search(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "找不到这个页面" in content and "Page not found" in content
    assert 'id="site-search"' in content and "城市产业战略图谱" in content


@override_settings(DEBUG=False)
def test_server_error_is_a_bilingual_500_with_the_sites_header(client, db, monkeypatch):
    from apps.dashboard import views

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views, "search_atlas", broken)
    client.raise_request_exception = False
    response = client.get("/search/?q=昆山")
    assert response.status_code == 500
    content = response.content.decode()
    assert "服务器出错了" in content and "Something went wrong" in content and 'id="site-search"' in content


@pytest.mark.parametrize("url", ["/?approved=1", "/tags/iot/?approved=1", "/compare/?cities=kunshan&approved=1"])
def test_filter_forms_keep_the_switch_on(client, atlas, url):
    content = page(client, url)
    form = content.split('method="get"', 2)[2].split("</form>")[0]  # the page's own form, after the header's
    assert '<input type="hidden" name="approved" value="1">' in form


def test_every_tier_is_named_in_both_languages(client, atlas):
    IndustryCluster.objects.filter(pk=atlas.facts["iot"].pk).update(tier=IndustryCluster.Tier.OTHER)
    assert "其他 other" in page(client, "/tags/iot/")
    assert "其他 other" in page(client, "/search/?q=物联网")


def test_compare_gives_each_fact_a_short_mark_and_one_link_to_its_page(client, atlas):
    """Compare shows hundreds of facts: the mark's words go to its title and the passage to the
    fact's page (which quotes it and links the document), not into a tooltip per fact; officials
    are listed without the meetings they led."""
    content = page(client, "/compare/?cities=kunshan,wuxi")
    assert f'href="/facts/official/{atlas.facts["zhou_wei"].pk}/"' in content
    assert 'class="source-link"' not in content
    assert 'title="已核实 verified">✓</span>' in content and 'title="未审核 unreviewed">未审</span>' in content
    assert '<ul class="led">' not in content  # compare has a row of meetings; each official's are on the profile
    profile = page(client, "/cities/kunshan/")
    assert 'class="source-link"' in profile and '<ul class="led">' in profile  # the profile keeps both
