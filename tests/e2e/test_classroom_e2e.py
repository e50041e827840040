"""Classroom mode in a real browser at 1280x720 (a projector): the presentation view in English and Korean,
the Playground's Play and decision map on one screen, and a lesson step ticked and followed."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.e2e.conftest import RUN_TIMEOUT_MS, SCREENSHOTS, wait_for_charts, wait_idle

VIEW = {"width": 1280, "height": 720}


def _open(page, app_url: str, path: str, **query) -> None:
    """Open a page; the presentation view starts with the sidebar closed, so wait for the title only."""
    page.set_viewport_size(VIEW)
    page.goto(f"{app_url}/{path}?{urlencode(query)}")
    page.wait_for_selector("h1", timeout=RUN_TIMEOUT_MS)
    wait_idle(page, settle_ms=800)
    assert page.locator('[data-testid="stException"]').count() == 0


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def _sidebar_open(page) -> bool:
    box = page.locator('[data-testid="stSidebar"]').bounding_box()
    return box is not None and box["x"] + box["width"] > 5


@pytest.mark.parametrize("lang,play", [("en", "Play"), ("ko", "학습 시작")])
def test_playground_presentation_fits_a_projector(page, app_url, lang, play):
    _open(page, app_url, "playground", present="1", lang=lang)
    assert not _sidebar_open(page)
    page.wait_for_function("() => document.querySelectorAll('.pg-live-canvas canvas').length >= 3",
                           timeout=RUN_TIMEOUT_MS)
    wait_idle(page, settle_ms=1500)
    button = page.locator(".st-key-playground-play button").first
    box = button.bounding_box()
    boundary = page.locator(".st-key-playground-boundary .pg-live-canvas canvas").first.bounding_box()
    assert box["y"] + box["height"] <= VIEW["height"]
    assert boundary["y"] + 0.5 * boundary["height"] <= VIEW["height"], boundary  # the map is on the first screen
    label = button.locator("p").first
    assert label.inner_text().strip() == play
    assert label.evaluate("el => el.scrollWidth <= el.clientWidth + 1")  # not cut to "Pa…"
    _shot(page, f"classroom_playground_present_{lang}")
    button.click()
    pause = {"en": "Pause", "ko": "일시정지"}[lang]
    page.wait_for_function("(t) => document.querySelector('.st-key-playground-play button').innerText.includes(t)",
                           arg=pause, timeout=RUN_TIMEOUT_MS)
    label = page.locator(".st-key-playground-play button p").first
    assert label.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    page.wait_for_timeout(1500)
    _shot(page, f"classroom_playground_training_{lang}")
    page.locator(".st-key-playground-play button").first.click()
    wait_idle(page)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("path,charts", [("perceptron", 2), ("activations", 3), ("train-validation-test", 1)])
def test_pages_in_presentation_view(page, app_url, lang, path, charts):
    _open(page, app_url, path, present="1", lang=lang)
    wait_for_charts(page, charts)
    wait_idle(page, settle_ms=1000)
    # Chart text is at least 18 px and dark (Plotly draws it as SVG text with inline styles).
    sizes = page.evaluate("""() => Array.from(document.querySelectorAll('.js-plotly-plot text'))
        .filter(t => t.textContent.trim() && t.getBBox().width > 0)
        .map(t => parseFloat(getComputedStyle(t).fontSize))""")
    assert sizes and min(sizes) >= 18, sorted(sizes)[:5]
    _shot(page, f"classroom_{path}_present_{lang}")


@pytest.mark.parametrize("lang,preset,next_step", [("en", "Load AND preset", "Next step"),
                                                    ("ko", "AND 예시 값 불러오기", "다음 단계")])
def test_a_lesson_step_is_ticked_and_leads_on(page, app_url, lang, preset, next_step):
    _open(page, app_url, "lessons", lang=lang, present="1")
    _shot(page, f"classroom_lessons_home_present_{lang}")
    page.locator(".st-key-lesson-perceptron-gates a[href*=\"step=1\"]").first.click()
    page.wait_for_url("**/perceptron?**lesson=perceptron-gates**")
    assert "present=1" in page.url  # the step's link keeps the presentation view
    page.wait_for_selector(".st-key-lesson-banner", timeout=RUN_TIMEOUT_MS)
    wait_idle(page, settle_ms=800)
    banner = page.locator(".st-key-lesson-banner")
    assert "radio_button_unchecked" in banner.inner_text()  # the Material Symbols ligature of the open mark
    page.get_by_role("button", name=preset).click()  # the notes' AND weights
    page.wait_for_function("() => document.querySelector('.st-key-lesson-banner').innerText.includes('check_circle')",
                           timeout=RUN_TIMEOUT_MS)
    assert "done=perceptron-gates" in page.url
    _shot(page, f"classroom_lesson_done_{lang}")
    banner.get_by_text(next_step).click()
    page.wait_for_function("() => location.search.includes('step=2')", timeout=RUN_TIMEOUT_MS)
    page.wait_for_function("() => document.querySelector('.st-key-lesson-banner').innerText.includes('radio_button_unchecked')",
                           timeout=RUN_TIMEOUT_MS)
    wait_idle(page, settle_ms=800)
    assert "NAND" in page.locator(".st-key-lesson-banner").inner_text()
    _shot(page, f"classroom_lesson_step2_{lang}")
