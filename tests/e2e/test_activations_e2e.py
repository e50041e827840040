"""The Activation functions page in a real browser: keyboard and mouse change the neuron, Korean switch."""

import math

from tests.e2e.conftest import open_app, screenshot, wait_idle


def _whole_page_screenshot(page, name: str) -> None:
    # Streamlit scrolls inside its own container, so a tall viewport is what shows the whole page.
    page.set_viewport_size({"width": 1400, "height": 3900})
    page.evaluate("() => document.querySelectorAll('*').forEach(el => { if (el.scrollTop) el.scrollTop = 0; })")
    wait_idle(page, settle_ms=1000)
    screenshot(page, name)


def _metric(page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def _slider_thumb(page, label: str):
    return page.locator('[data-testid="stSlider"]').filter(has_text=label).first.get_by_role("slider")


def _open_from_front_page(page, app_url) -> None:
    # Arrive as a student does: the app's front page, then the sidebar link.
    open_app(page, app_url, "")
    page.locator('[data-testid="stSidebarNav"] a[href$="/activations"]').click()
    page.wait_for_url("**/activations**")
    page.wait_for_function(
        "() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('Activation functions')"
    )
    wait_idle(page)


def test_keyboard_and_mouse_change_the_neuron(page, app_url):
    _open_from_front_page(page, app_url)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.inner_text().strip() == "Activation functions"
    # Defaults: w1 = w2 = 1, b = -0.5 at (1, -1): z = -0.5, sigmoid(-0.5) = 0.378.
    assert _metric(page, "Net input z") == "-0.500"
    assert _metric(page, "Output f(z)") == f"{1 / (1 + math.exp(0.5)):.3f}"

    # Keyboard: five steps of 0.1 on w1 make z = 1.5*1 - 1 - 0.5 = 0, so sigmoid gives 0.5.
    thumb = _slider_thumb(page, "Weight w₁")
    thumb.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    # The share link is written at the end of the run, so once it follows the slider the page is redrawn.
    page.wait_for_function("() => location.search.includes('w1=1.5')")
    wait_idle(page, settle_ms=800)
    assert _metric(page, "Net input z") == "0.000"
    assert _metric(page, "Output f(z)") == "0.500"

    # Mouse: pick ReLU for the neuron; relu(0) = 0 and the link says so.
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Activation function").first.click()
    page.get_by_role("option", name="ReLU", exact=True).click()
    page.wait_for_function("() => location.search.includes('act=relu')")
    wait_idle(page, settle_ms=800)
    assert _metric(page, "Output f(z)") == "0.000"
    assert page.locator('[data-testid="stException"]').count() == 0
    _whole_page_screenshot(page, "activations_en")


def test_korean_switch(page, app_url):
    _open_from_front_page(page, app_url)
    page.locator('[data-testid="stSidebar"]').get_by_text("한국어").click()
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('활성화 함수')")
    wait_idle(page, settle_ms=800)
    assert page.get_by_text("입력이 두 개인 뉴런 하나").first.is_visible()
    assert page.get_by_text("기울기 소실").first.is_visible()
    assert _metric(page, "순입력 z") == "-0.500"
    # The choices survive the switch and the next interaction, now under Korean labels.
    chips = page.locator('[data-testid="stMultiSelect"]').first
    assert "계단 함수" in chips.inner_text() and "시그모이드" in chips.inner_text()
    _slider_thumb(page, "편향 b").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('b=-0.4')")
    wait_idle(page, settle_ms=800)
    assert "act=sigmoid" in page.url
    assert "계단 함수" in chips.inner_text() and "ReLU" in chips.inner_text()
    assert _metric(page, "출력 f(z)") == f"{1 / (1 + math.exp(0.4)):.3f}"  # sigmoid(-0.4)
    assert "lang=ko" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0
    _whole_page_screenshot(page, "activations_ko")
