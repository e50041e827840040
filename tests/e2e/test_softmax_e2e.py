"""The Softmax page in a real browser: presets, keyboard on a slider, the link to MNIST, Korean, screenshots at 1280x720."""

import math

from tests.e2e.conftest import open_app, screens, wait_for_charts, wait_idle


def _metric(page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_softmax_page_in_english_and_korean(page, app_url):
    open_app(page, app_url, "")
    page.locator('[data-testid="stSidebarNav"] a[href$="/softmax"]').click()
    page.wait_for_url("**/softmax**")
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('Softmax')")
    wait_idle(page)
    wait_for_charts(page, 3)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert _metric(page, "p of the true class") == "0.400"

    page.get_by_role("button", name="Confidently wrong").click()
    page.wait_for_function("() => location.search.includes('k=3')")
    wait_idle(page, settle_ms=800)
    assert _metric(page, "Predicted class") == "0"
    assert page.get_by_text("The prediction is wrong").first.is_visible()

    # Keyboard on the temperature slider: five steps of 0.1 from T = 1.
    thumb = page.locator('[data-testid="stSlider"]').filter(has_text="Temperature T").first.get_by_role("slider")
    thumb.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('T=1.5')")
    wait_idle(page, settle_ms=800)
    z = [5.0, 0.5, 0.0]
    p2 = math.exp(z[2] / 1.5) / sum(math.exp(v / 1.5) for v in z)
    assert _metric(page, "p of the true class") == f"{p2:.3f}"
    screens(page, "softmax_en", 4200)

    page.set_viewport_size({"width": 1280, "height": 720})
    page.locator('[data-testid="stSidebar"]').get_by_text("한국어").click()
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('소프트맥스')")
    wait_idle(page, settle_ms=800)
    assert _metric(page, "정답 클래스의 확률") == f"{p2:.3f}"  # the settings survive the language switch
    assert "lang=ko" in page.url and "T=1.5" in page.url
    screens(page, "softmax_ko", 4200)

    # "See it on a real network" leads to the MNIST page.
    page.get_by_role("link", name="실제 신경망에서 보기").click()
    page.wait_for_url("**/mnist**")
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('MNIST')")
    assert page.locator('[data-testid="stException"]').count() == 0
