"""Metric pages, goal-against-result charts and compare's sections in a real browser: drawn, swapped in place."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_dashboard_browser import assert_same_page, mark_page, wait_for_charts
from tests.metric_atlas import add_metric_figures

pytestmark = pytest.mark.browser


@pytest.fixture
def metric_atlas(atlas):
    return add_metric_figures(atlas)


def test_metric_page_ranks_cities_and_swaps_the_year_in_place(metric_atlas, page, screenshot):
    page.goto("/metrics/")
    page.get_by_role("link", name=re.compile("地区生产总值")).first.click()
    expect(page).to_have_url(re.compile(r"/metrics/gdp/\?measure=growth"))
    wait_for_charts(page, "#metric-results")
    expect(page.locator("table.metric-ranking tbody tr")).to_have_count(3)
    screenshot(page, "metric-growth")
    mark_page(page)

    page.locator(".year-chips a", has_text="2022").click()
    expect(page).to_have_url(re.compile(r"year=2022"))
    expect(page.locator("table.metric-ranking tbody tr").first).to_contain_text("江阴")
    expect(page.locator("table.metric-ranking")).to_contain_text("✗ 未达成 missed")
    wait_for_charts(page, "#metric-results")
    assert_same_page(page)
    page.goto("/metrics/gdp/?measure=level&year=2023")
    wait_for_charts(page, "#metric-results")
    screenshot(page, "metric-level")


def test_city_profile_draws_goal_against_result_and_the_officials_line(metric_atlas, page, screenshot):
    page.goto("/cities/kunshan/")
    wait_for_charts(page, "#goals-results")
    expect(page.locator("#goals-results [data-figure]")).to_have_count(3)  # growth, level, unemployment
    expect(page.locator("#officials-over-time")).to_contain_text("周伟")
    screenshot(page, "city-goals")
    page.locator("#goals-results").screenshot(path=SCREENSHOTS / "city-goals-section.png")
    page.locator("#officials-over-time").screenshot(path=SCREENSHOTS / "city-officials-line.png")


def test_compare_draws_shared_metrics_deadlines_and_the_matrix(metric_atlas, page, screenshot):
    page.goto("/compare/?cities=kunshan,wuxi,jiangyin")
    wait_for_charts(page, "#compare-results")
    expect(page.locator("table.deadlines tbody tr")).to_have_count(3)
    # growth and level (shared by all three), unemployment (two), the matrix, the timeline
    expect(page.locator("#compare-results [data-figure]")).to_have_count(5)
    screenshot(page, "compare-metrics")
    page.locator("#compare-results .chart-grid").first.screenshot(path=SCREENSHOTS / "compare-metrics-charts.png")


def test_one_meeting_gets_a_readable_date_axis(page, screenshot):
    page.goto("/cities/jiangyin/")
    wait_for_charts(page, "#meetings")
    ticks = page.locator("#meetings .xtick text").evaluate_all("texts => texts.map(t => t.textContent)")
    assert ticks and len(ticks) == len(set(ticks)), ticks  # no date repeated over hourly ticks
    page.locator("#meetings .chart-card").screenshot(path=SCREENSHOTS / "timeline-one-meeting.png")
