"""Headless Chromium (Debian's build at /usr/bin/chromium; Playwright downloads nothing) against live_server."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.factories import build_atlas

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
LAPTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def atlas(transactional_db, django_db_serialized_rollback):
    """Committed rows: the live server answers from another thread, outside the test's transaction.

    Such tests end by emptying the tables; the serialized rollback then puts back what
    migrations put there (the review app's analysts group) for the transactional tests after them.
    """
    return build_atlas()


@pytest.fixture
def new_tab(browser, live_server, atlas):
    """new_tab(**context options): a tab in a fresh browser context on the live server.

    Any uncaught JavaScript error in any of the tabs fails the test when it ends.
    """
    contexts, errors = [], []

    def open_tab(**options):
        options.setdefault("viewport", LAPTOP)
        context = browser.new_context(base_url=live_server.url, locale="zh-CN", **options)
        contexts.append(context)
        tab = context.new_page()
        tab.on("pageerror", lambda error: errors.append(error))
        return tab

    yield open_tab
    for context in contexts:
        context.close()
    assert not errors, errors


@pytest.fixture
def page(new_tab):
    return new_tab()


@pytest.fixture
def screenshot():
    """screenshot(page, name): the whole page into tests/screenshots/NAME.png (git-ignored), to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(tab, name):
        tab.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return take
