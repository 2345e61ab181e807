"""The dashboard in a real browser: htmx swaps without page loads, charts drawn, back button, search."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Plotly keeps its state on the chart element; markup restored from htmx's history cache has none.
ALL_CHARTS_DRAWN = """selector => {
  const charts = [...document.querySelectorAll(selector + ' [data-figure]')];
  return charts.length > 0 && charts.every(chart => chart._fullLayout && chart.querySelector('svg.main-svg'));
}"""


def wait_for_charts(tab, selector="body"):
    tab.wait_for_function(ALL_CHARTS_DRAWN, arg=selector)


def mark_page(tab):
    """A marker that only survives while the browser does not load a new page."""
    tab.evaluate("window.atlasMarker = 'still here'")


def assert_same_page(tab):
    assert tab.evaluate("window.atlasMarker") == "still here"


def test_overview_tag_filter_swaps_only_the_results_and_back_restores(page, screenshot):
    page.goto("/")
    wait_for_charts(page, "#city-results")
    expect(page.locator(".city-table tbody tr")).to_have_count(4)
    screenshot(page, "overview")
    mark_page(page)

    page.locator('.chips a[href="/?tag=iot"]').click()
    expect(page.locator(".city-table tbody tr")).to_have_count(1)
    expect(page.locator(".city-table tbody th")).to_contain_text("无锡")
    expect(page).to_have_url(re.compile(r"/\?tag=iot$"))
    wait_for_charts(page, "#city-results")
    assert_same_page(page)
    screenshot(page, "overview-filtered")

    page.go_back()
    expect(page.locator(".city-table tbody tr")).to_have_count(4)
    expect(page).to_have_url(re.compile(r"/$"))
    wait_for_charts(page, "#city-results")
    assert_same_page(page)


def test_city_profile_draws_every_chart(page, screenshot):
    page.goto("/cities/kunshan/")
    wait_for_charts(page)
    assert page.locator(".chart svg.main-svg").count() >= 4  # timeline, 亿元, %, counts
    expect(page.locator("#official-周伟")).to_have_count(1)
    screenshot(page, "city")


def test_compare_adds_and_removes_cities_in_place(page, screenshot):
    page.goto("/compare/?cities=kunshan,wuxi")
    wait_for_charts(page, "#compare-results")
    columns = page.locator("table.compare thead th")
    expect(columns).to_have_count(2)
    mark_page(page)

    page.select_option("#add-city", "jiangyin")
    page.get_by_role("button", name="添加 Add").click()
    expect(columns).to_have_count(3)
    expect(page).to_have_url(re.compile(r"/compare/\?cities=kunshan,wuxi,jiangyin$"))
    wait_for_charts(page, "#compare-results")
    # The meeting timeline, compare's last chart, has a trace (and colour) per city.
    assert (
        page.evaluate("JSON.parse([...document.querySelectorAll('[data-figure]')].at(-1).dataset.figure).data.length")
        == 3
    )
    screenshot(page, "compare")

    page.get_by_role("link", name="移除 remove 昆山").click()
    expect(columns).to_have_count(2)
    expect(columns.first).to_contain_text("无锡")
    expect(page).to_have_url(re.compile(r"/compare/\?cities=wuxi,jiangyin$"))
    assert_same_page(page)

    page.go_back()
    expect(columns).to_have_count(3)
    expect(page).to_have_url(re.compile(r"cities=kunshan,wuxi,jiangyin$"))
    wait_for_charts(page, "#compare-results")
    assert_same_page(page)


def test_tag_page_filter_swaps_results_and_back_restores_the_form(page, screenshot):
    page.goto("/tags/integrated-circuits/")
    groups = page.locator(".tag-city")
    expect(groups).to_have_count(2)
    mark_page(page)

    page.select_option("select[name=city]", "wuxi")
    expect(groups).to_have_count(1)
    expect(page).to_have_url(re.compile(r"city=wuxi"))
    assert_same_page(page)
    screenshot(page, "tag")

    page.go_back()
    expect(groups).to_have_count(2)
    expect(page.locator("select[name=city]")).to_have_value("")
    assert_same_page(page)


def test_search_finds_kunshan_from_traditional_script(page, screenshot):
    page.goto("/")
    page.locator("#site-search").press_sequentially("崑山")
    suggestion = page.locator('#search-suggest a[href="/cities/kunshan/"]')
    expect(suggestion).to_be_visible()
    expect(suggestion).to_contain_text("昆山")
    screenshot(page, "search-suggest")

    page.locator("#site-search").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    expect(page.locator('#search-page a[href="/cities/kunshan/"]')).to_contain_text("昆山")
    screenshot(page, "search")


def test_document_switches_to_the_original_text_in_place(page, atlas, screenshot):
    page.goto(atlas.documents["kunshan_traditional"].get_absolute_url())
    text = page.locator(".document-text")
    expect(text).to_contain_text("昆山市集成电路产业座谈会")
    mark_page(page)
    page.get_by_role("link", name="原文 Original").click()
    expect(text).to_contain_text("崑山（kūn shān）市集成電路產業座談會")
    expect(page).to_have_url(re.compile(r"\?text=raw$"))
    assert_same_page(page)
    page.goto(atlas.documents["kunshan"].get_absolute_url())
    screenshot(page, "document")


def test_pages_work_without_javascript(new_tab):
    tab = new_tab(java_script_enabled=False)
    tab.goto("/")
    tab.locator('.chips a[href="/?tag=iot"]').click()
    expect(tab.locator(".city-table tbody tr")).to_have_count(1)

    tab.goto("/compare/?cities=kunshan,wuxi")
    tab.select_option("#add-city", "jingjiang")
    tab.get_by_role("button", name="添加 Add").click()
    expect(tab.locator("table.compare thead th")).to_have_count(3)
    expect(tab.locator(".chart-data table").first).to_be_attached()  # the charts' numbers, as tables


def test_pages_fit_a_phone(new_tab, screenshot):
    tab = new_tab(viewport={"width": 390, "height": 844}, is_mobile=True)
    for name, url in [("overview", "/"), ("city", "/cities/kunshan/"), ("compare", "/compare/?cities=kunshan,wuxi")]:
        tab.goto(url)
        wait_for_charts(tab)
        # Nothing but the comparison table (which scrolls in its own box) may be wider than the screen.
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
        screenshot(tab, f"phone-{name}")
