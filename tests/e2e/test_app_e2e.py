"""The shell in a real browser: every page opens without an error, and a Korean link stays Korean."""

import pytest

from tests.e2e.conftest import open_app, screenshot

PATHS = ["", "perceptron", "activations", "mnist", "linear-regression", "classic-vs-deep", "train-validation-test",
         "convolution"]


def test_korean_link_and_navigation(page, app_url):
    open_app(page, app_url, "perceptron", lang="ko")
    assert page.get_by_text("언어").first.is_visible()
    # Follow the sidebar link to another page: the language must survive the page switch.
    page.locator('[data-testid="stSidebarNav"] a[href$="/activations"]').click()
    page.wait_for_url("**/activations**")
    page.wait_for_selector("h1")
    assert "lang=ko" in page.url
    assert page.get_by_text("언어").first.is_visible()
    screenshot(page, "app_korean_navigation")


@pytest.mark.parametrize("path", PATHS)
def test_every_page_renders_without_exception(page, app_url, path):
    open_app(page, app_url, path)
    assert page.locator('[data-testid="stException"]').count() == 0, f"/{path} shows a traceback"
    assert page.locator("h1").first.inner_text().strip()
