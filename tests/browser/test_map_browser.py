"""/map/ in a real browser with every host but the live server blocked: it draws from our static files alone."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.map_atlas import place_atlas

pytestmark = pytest.mark.browser

# Where a city's marker is on the screen, from Plotly's axes (x is longitude, y latitude).
MARKER_POSITION = """slug => {
  const map = document.querySelector('[data-map]');
  const city = JSON.parse(document.getElementById('map-data').textContent).cities.find(c => c.slug === slug);
  const layout = map._fullLayout, box = map.getBoundingClientRect();
  return {x: box.left + layout.xaxis._offset + layout.xaxis.l2p(city.lon),
          y: box.top + layout.yaxis._offset + layout.yaxis.l2p(city.lat)};
}"""


@pytest.fixture
def offline_tab(new_tab, live_server, atlas):
    """A tab whose requests to any host but the live server are aborted, and recorded."""
    place_atlas(atlas)
    tab = new_tab()
    server = urlsplit(live_server.url).netloc
    tab.blocked = []

    def only_live_server(route):
        if urlsplit(route.request.url).netloc == server:
            route.continue_()
        else:
            tab.blocked.append(route.request.url)
            route.abort()

    tab.context.route("**/*", only_live_server)
    return tab


def wait_for_map(tab):
    tab.wait_for_selector("[data-map][data-drawn]")


def marker_position(tab, slug):
    tab.locator("[data-map]").scroll_into_view_if_needed()
    return tab.evaluate(MARKER_POSITION, slug)


def test_map_draws_offline_with_a_marker_per_covered_city_and_opens_profiles(offline_tab, screenshot):
    tab = offline_tab
    tab.goto("/map/?metric=gdp&measure=level&year=2023")
    wait_for_map(tab)
    # The outlines are one line trace; each of the four covered cities is a marker.
    expect(tab.locator("[data-map] .scatterlayer .point")).to_have_count(4)
    assert tab.locator("[data-map] .scatterlayer .trace path.js-line").count() >= 1
    expect(tab.locator("[data-map] .colorbar")).to_have_count(1)
    screenshot(tab, "map")

    position = marker_position(tab, "wuxi")
    tab.mouse.move(position["x"], position["y"])
    expect(tab.locator(".hoverlayer")).to_contain_text("无锡")
    expect(tab.locator(".hoverlayer")).to_contain_text("15,456亿元")

    tab.mouse.click(position["x"], position["y"])
    expect(tab).to_have_url(re.compile(r"/cities/wuxi/$"))
    assert tab.blocked == []


def test_choosing_an_industry_recolours_the_map_in_place(offline_tab, screenshot):
    tab = offline_tab
    tab.goto("/map/")
    wait_for_map(tab)
    tab.evaluate("window.mapMarker = 'still here'")
    tab.select_option("#map-tag", "integrated-circuits")
    expect(tab).to_have_url(re.compile(r"/map/\?tag=integrated-circuits$"))
    expect(tab.locator(".map-title")).to_contain_text("集成电路")
    wait_for_map(tab)
    expect(tab.locator("[data-map] .scatterlayer .point")).to_have_count(4)
    assert tab.evaluate("window.mapMarker") == "still here"  # htmx swapped the results, no page load
    screenshot(tab, "map-tag")

    position = marker_position(tab, "kunshan")
    tab.mouse.move(position["x"], position["y"])
    expect(tab.locator(".hoverlayer")).to_contain_text("2个集群")
    assert tab.blocked == []
