"""Paths and browser history in a real browser: the README's /playground, a wrong path, and Back."""

import pytest

from tests.e2e.conftest import RUN_TIMEOUT_MS, open_app, wait_idle


def _no_dialog(page):
    assert page.get_by_role("dialog").count() == 0, page.get_by_role("dialog").first.inner_text()


@pytest.mark.parametrize("path, query, title", [
    ("playground", {}, "Neural network playground"),
    ("playground", {"lang": "ko"}, None),
    ("no-such-page", {}, "Neural network playground"),
])
def test_documented_and_wrong_paths_land_on_the_playground_without_a_dialog(page, app_url, path, query, title):
    open_app(page, app_url, path, **query)  # open_app itself fails on a "Page not found" dialog
    wait_idle(page, 800)
    _no_dialog(page)
    heading = page.locator("h1").first.inner_text().strip()
    if title:
        assert heading == title
    else:
        assert any("\uac00" <= ch <= "\ud7a3" for ch in heading), heading  # the Korean playground title
    assert page.locator('[data-testid="stException"]').count() == 0


def test_back_after_a_page_switch_returns_in_one_press(page, app_url):
    open_app(page, app_url, "perceptron")
    wait_idle(page, 800)
    start = page.evaluate("history.length")
    page.locator('[data-testid="stSidebarNav"] a[href$="/activations"]').click()
    page.wait_for_url("**/activations**")
    page.wait_for_selector("h1:has-text('Activation functions')")
    wait_idle(page, 1500)
    assert page.evaluate("history.length") == start + 1, "one page switch, one history entry"
    # A slider move on the page changes the link, not the history.
    page.go_back()
    page.wait_for_url("**/perceptron**", timeout=RUN_TIMEOUT_MS)
    page.wait_for_selector("h1:has-text('Perceptron')")
    wait_idle(page, 800)
    assert "/perceptron" in page.url
