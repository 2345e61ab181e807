"""Trust and access in a real browser: verified marks, the approved-only switch, data out, search by
keyboard, phones, and axe-core's accessibility audit of every page at both widths."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from apps.atlas.models import ReviewStatus, Target
from tests.map_atlas import place_atlas
from tests.metric_atlas import add_metric_figures

pytestmark = pytest.mark.browser

PASSWORD = "not-a-common-password-1"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}


def pages(atlas):
    return {
        "overview": "/",
        "profile": "/cities/kunshan/",
        "parent": "/cities/suzhou/",
        "compare": "/compare/?cities=kunshan,wuxi",
        "tag": "/tags/integrated-circuits/",
        "search": "/search/?q=kunshan",
        "document": f"/documents/{atlas.documents['kunshan'].pk}/",
        "fact": f"/facts/target/{atlas.facts['kunshan_gdp'].pk}/",
        "map": "/map/",
        "map-industry": "/map/?tag=integrated-circuits",
        "metrics": "/metrics/",
        "metric": "/metrics/gdp/?measure=growth&year=2023",
        "approved-only": "/cities/kunshan/?approved=1",
        "missing": "/no/such/page/",
    }


def axe_violations(tab):
    """Serious and critical violations axe-core finds on the page as it is drawn."""
    tab.add_script_tag(path=str(AXE))
    results = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def settled(tab):
    tab.wait_for_load_state("networkidle")
    if tab.locator("[data-figure]").count():
        expect(tab.locator("[data-figure] .main-svg").first).to_be_attached()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed: run `make static-vendor`")
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_every_page_passes_axe_and_is_screenshotted(new_tab, atlas, screenshot, width):
    # axe-core goes in as an inline script, which the site's CSP refuses; tests/browser/test_csp_browser.py
    # checks the policy itself, so this audit tab alone runs without it.
    tab = new_tab(bypass_csp=True, **(PHONE if width == "phone" else {}))
    add_metric_figures(place_atlas(atlas))  # the map and the metric pages with figures to show
    found = {}
    for name, url in pages(atlas).items():
        tab.goto(url)
        settled(tab)
        screenshot(tab, f"trust-{name}-{width}")
        if violations := axe_violations(tab):
            found[name] = violations
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def test_approve_a_fact_in_the_admin_and_see_it_marked_and_counted(page, atlas, screenshot):
    User.objects.create_superuser("editor", password=PASSWORD)
    mayor = atlas.facts["li_hui"]
    page.goto("/cities/kunshan/")
    person = page.locator("#official-李晖")
    expect(person.locator(".badge-unreviewed")).to_be_visible()

    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"/admin/atlas/official/{mayor.pk}/change/")
    page.click("input[name=_approve]")
    expect(page.locator(".messagelist")).to_be_visible()
    mayor.refresh_from_db()
    assert mayor.review_status == ReviewStatus.APPROVED

    page.context.clear_cookies()
    page.goto("/cities/kunshan/")
    expect(person.locator(".badge-verified")).to_contain_text("已核实")
    screenshot(page, "trust-verified-mark")

    # The switch: unreviewed facts leave the page and the counts follow.
    page.goto("/")
    row = page.locator("table.city-table tbody tr", has=page.locator("a.city-name", has_text="昆山"))
    clusters = int(row.locator("td.num").first.inner_text())
    page.click("a.approved-switch")
    page.wait_for_url("**/?approved=1")
    expect(page.locator("a.approved-switch")).to_have_class("approved-switch is-on")
    approved_clusters = int(row.locator("td.num").first.inner_text())
    assert approved_clusters < clusters
    row.locator("a.city-name").click()
    page.wait_for_url("**/cities/kunshan/?approved=1")
    expect(page.locator("#official-李晖 .badge-verified")).to_be_visible()
    expect(page.locator(".badge-unreviewed")).to_have_count(0)
    screenshot(page, "trust-approved-only-profile")


def download_rows(tab, link_text):
    """Follows the page's CSV or JSON link and returns its rows."""
    link = tab.locator(".data-links a", has_text=link_text).first
    href = link.get_attribute("href")
    body = tab.request.get(href).text()
    if link_text == "CSV":
        return list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    return json.loads(body)["rows"]


@pytest.mark.parametrize(
    "url,check",
    [
        ("/", "overview"),
        ("/cities/kunshan/", "facts"),
        ("/compare/?cities=kunshan,wuxi", "facts"),
        ("/tags/integrated-circuits/", "facts"),
    ],
)
def test_downloads_hold_what_the_page_shows(page, atlas, url, check):
    page.goto(url)
    csv_rows, json_rows = download_rows(page, "CSV"), download_rows(page, "JSON")
    assert csv_rows and len(csv_rows) == len(json_rows)
    if check == "overview":
        shown = page.locator("table.city-table tbody a.city-name").all_inner_texts()
        assert [f"{r['name']} {r['name_en']}" for r in csv_rows] == [" ".join(s.split()) for s in shown]
        counts = page.locator("table.city-table tbody tr td.num").all_inner_texts()[::3]
        assert [r["clusters"] for r in csv_rows] == counts
    else:
        links = set(page.locator("a.fact-link").evaluate_all("els => els.map(e => e.getAttribute('href'))"))
        assert {r["fact_url"] for r in csv_rows} == links == {r["fact_url"] for r in json_rows}


def normalized(texts):
    return [" ".join(text.split()) for text in texts]


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_metric_ranking_downloads_hold_its_rows_and_review_marks(new_tab, atlas, screenshot, width):
    add_metric_figures(atlas)
    Target.objects.filter(city__slug="kunshan", metric_key="gdp", measure="growth", year=2023).update(
        review_status=ReviewStatus.APPROVED
    )
    tab = new_tab(**(PHONE if width == "phone" else {}))
    tab.goto("/metrics/gdp/?measure=growth&year=2023")
    settled(tab)
    screenshot(tab, f"trust-metric-downloads-{width}")
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.viewport_size["width"]
    csv_rows, json_rows = download_rows(tab, "CSV"), download_rows(tab, "JSON")
    rows = tab.locator("table.metric-ranking tbody tr")
    assert [r["city"] for r in csv_rows] == [r["city"] for r in json_rows] and len(csv_rows) == rows.count() == 3
    assert normalized(rows.locator("a.city-name").all_inner_texts()) == [
        f"{r['city_name']} {r['city_name_en']}" for r in csv_rows
    ]
    assert rows.locator("td.num:first-child").all_inner_texts() == [r["rank"] for r in csv_rows]
    for index, row in enumerate(csv_rows):
        marks = rows.nth(index).locator(".ranking-sources .badge")
        statuses = [row["goal_review_status"], row["result_review_status"]]
        expected = ["✓ 已核实 verified" if status == "approved" else "未审核 unreviewed" for status in statuses]
        assert normalized(marks.all_inner_texts()) == expected
    assert ["approved", "approved"] in [[r["goal_review_status"], r["result_review_status"]] for r in csv_rows]

    tab.click("a.approved-switch")
    tab.wait_for_url("**approved=1*")
    expect(rows).to_have_count(1)
    expect(tab.locator(".badge-unreviewed")).to_have_count(0)
    assert [r["city"] for r in download_rows(tab, "CSV")] == ["kunshan"]  # the links follow the switch too


@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("query", ["?metric=gdp&measure=level&year=2023", "?tag=integrated-circuits"])
def test_map_downloads_hold_its_table(new_tab, atlas, screenshot, width, query):
    place_atlas(atlas)
    Target.objects.filter(pk=atlas.facts["kunshan_gdp"].pk).update(review_status=ReviewStatus.APPROVED)
    tab = new_tab(**(PHONE if width == "phone" else {}))
    tab.goto("/map/" + query)
    tab.wait_for_selector("[data-map][data-drawn]")
    mode = "tag" if "tag=" in query else "metric"
    screenshot(tab, f"trust-map-{mode}-downloads-{width}")
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.viewport_size["width"]
    csv_rows, json_rows = download_rows(tab, "CSV"), download_rows(tab, "JSON")
    table = tab.locator("table.map-table tbody tr")
    assert [r["slug"] for r in csv_rows] == [r["slug"] for r in json_rows] and len(csv_rows) == table.count() == 4
    shown = normalized(table.locator("th a").all_text_contents())
    assert shown == [f"{r['name']} {r['name_en']}" for r in csv_rows]
    marks = {"approved": " ✓ 已核实 verified", "pending": " 未审核 unreviewed", "": ""}
    assert normalized(table.locator("td:last-child").all_text_contents()) == [
        r["label"] + marks[r["review_status"]] for r in csv_rows
    ]
    if mode == "metric":
        assert {r["review_status"] for r in csv_rows} == {"approved", "pending", ""}


def test_a_facts_links_lead_to_its_page_and_its_passage(page, atlas):
    gdp = atlas.facts["kunshan_gdp"]
    page.goto("/cities/kunshan/")
    row = page.locator("#targets tr", has=page.locator("th", has_text="地区生产总值"))
    row.locator("a.source-link").click()
    page.wait_for_url(f"**/documents/{gdp.document_id}/#ev-target-{gdp.pk}")
    expect(page.locator(f"#ev-target-{gdp.pk}")).to_be_visible()
    page.go_back()
    row.locator("a.fact-link").click()
    page.wait_for_url(f"**/facts/target/{gdp.pk}/")
    expect(page.locator("main")).to_contain_text("5140")


@pytest.mark.parametrize(
    "query,expected",
    [
        ("GDP", "5,140亿元"),
        ("2027", "工业总产值"),
        ("kunshan", "李晖"),
    ],
)
def test_search_for_a_metric_a_year_and_a_person_in_pinyin_by_keyboard(page, atlas, query, expected):
    page.goto("/")
    box = page.locator("#site-search")
    box.click()
    box.type(query, delay=20)
    suggestions = page.locator("#search-suggest")
    expect(suggestions).to_contain_text(expected)
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    first = suggestions.locator('[role="option"]').first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    href = first.get_attribute("href")
    box.press("Enter")
    page.wait_for_url(f"**{href.split('#')[0]}*")


def test_phone_layouts_stack_and_charts_keep_their_labels(new_tab, atlas, screenshot):
    tab = new_tab(**PHONE)
    tab.goto("/")
    first_row = tab.locator("table.city-table tbody tr").first
    assert first_row.evaluate("el => getComputedStyle(el).display") == "block"  # a card, not a table row
    tab.goto("/compare/?cities=kunshan,wuxi")
    cells = tab.locator("table.compare tbody tr").first.locator("td")
    boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
    assert boxes[1]["y"] > boxes[0]["y"] and abs(boxes[1]["x"] - boxes[0]["x"]) < 2  # stacked, not side by side
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    tab.goto("/cities/kunshan/")
    expect(tab.locator(".scroll-hint")).to_be_visible()
    settled(tab)
    labels = tab.locator("[data-figure] .xtick text, [data-figure] .ytick text")
    assert labels.count() > 0
    screenshot(tab, "trust-profile-phone-charts")


def test_a_chart_downloads_as_png_under_the_sites_csp(page, atlas):
    page.goto("/compare/?cities=kunshan,wuxi")
    chart = page.locator("[data-figure]").first
    expect(chart.locator(".main-svg").first).to_be_attached()
    chart.hover()
    with page.expect_download() as download:
        chart.locator('.modebar-btn[data-title="Download plot as a PNG"]').click()
    assert download.value.suggested_filename.endswith(".png")
    expect(chart.locator("xpath=ancestor::figure").locator(".chart-source")).to_contain_text(
        "来源: 城市产业战略图谱, 5 documents"
    )


def test_the_query_shows_as_typed_in_box_and_heading(page, atlas):
    for query in ["崑山", "kunshan"]:
        page.goto(f"/search/?q={query}")
        expect(page.locator("#site-search")).to_have_value(query)
        assert f"“{query}”" in page.locator(".search-heading").inner_text()  # inner_text follows text-transform


def test_the_switch_keeps_filters_chosen_in_place(page, atlas):
    page.goto("/tags/integrated-circuits/")
    page.select_option("#tag-results select[name=tier]", "主导")
    page.wait_for_url("**tier=*")
    page.click("a.approved-switch")
    page.wait_for_url("**approved=1*")
    assert "tier=" in page.url
    expect(page.locator("#tag-results select[name=tier]")).to_have_value("主导")
