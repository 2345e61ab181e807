"""Staff in a real browser: log in, fix a figure in the admin, see it on the public city page."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from apps.atlas.models import Target

pytestmark = pytest.mark.browser

PASSWORD = "not-a-common-password-1"


def test_staff_edit_a_target_and_the_city_page_shows_the_new_value(page, atlas, screenshot):
    User.objects.create_superuser("editor", password=PASSWORD)
    gdp = atlas.facts["kunshan_gdp"]  # 地区生产总值 5140亿元

    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#review-module")).to_be_visible()

    page.goto(f"/admin/atlas/target/{gdp.pk}/change/")
    expect(page.locator("blockquote.evidence mark")).to_have_text("昆山地区生产总值达5140亿元")
    page.fill("#id_value", "5150")
    screenshot(page, "review-target-change")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_be_visible()

    gdp.refresh_from_db()
    assert gdp.value == 5150 and gdp.edited

    page.goto("/cities/kunshan/")
    row = page.locator("#targets tr", has=page.locator("th", has_text="地区生产总值"))
    expect(row.locator("td.num")).to_have_text("5,150亿元")
    expect(row.locator("a.edit-link")).to_have_attribute("href", f"/admin/atlas/target/{gdp.pk}/change/")
    screenshot(page, "review-city-after-edit")

    page.context.clear_cookies()  # a visitor: no admin links anywhere on the page
    page.reload()
    expect(row.locator("td.num")).to_have_text("5,150亿元")
    expect(page.locator('a[href^="/admin/"]')).to_have_count(0)
    assert Target.objects.filter(metric="地区生产总值", value=5140).count() == 0
