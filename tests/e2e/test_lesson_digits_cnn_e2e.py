"""The guided lesson "Digits with a CNN" in a real browser: train the CNN on its page, then meet both steps
of the "How it sees" tab (a cell where a filter fires, a second convolution), the trained model kept between steps."""

from playground import lessons as L
from tests.e2e.conftest import SCREENSHOTS, open_app, wait_for_charts, wait_idle
from tests.e2e.test_mnist_sees_e2e import _click_cell

DONE = "() => document.querySelector('.st-key-lesson-banner').innerText.includes('check_circle')"
OPEN = "() => document.querySelector('.st-key-lesson-banner').innerText.includes('radio_button_unchecked')"


def test_digits_with_a_cnn(page, app_url):
    lesson = L.by_id("digits-cnn")
    open_app(page, app_url, "mnist", lesson="digits-cnn", step="1", lang="en", **lesson.steps[0].query())
    page.set_viewport_size({"width": 1280, "height": 720})
    banner = page.locator(".st-key-lesson-banner")
    assert "radio_button_unchecked" in banner.inner_text()
    page.get_by_role("button", name="Train new model").click()
    page.wait_for_function(DONE, timeout=300_000)  # one epoch of the 32-filter CNN on a shared CPU
    banner.get_by_text("Next step").click()
    page.wait_for_function("() => location.search.includes('step=2')")
    page.wait_for_function(OPEN)
    wait_idle(page, 800)
    page.get_by_role("tab", name="How it sees").click()  # the trained model is still there
    wait_for_charts(page, 1, within=".st-key-mnist-sees-map")
    # Fill the whole map (a click on its last cell), then click its strongest cell.
    _click_cell(page, 27, 27, "output row 28, column 28")
    best = page.locator(".st-key-mnist-sees-map .js-plotly-plot").first.evaluate("""p => {
        const z = p.calcdata[0][0].z; let best = [0, 0, -1e9];  // the heatmap's decoded rows
        Array.from(z).forEach((row, r) => Array.from(row).forEach((v, c) => {
            if (v !== null && Number.isFinite(v) && v > best[2]) best = [r, c, v]; }));
        return best; }""")
    assert best[2] >= 0.5, f"filter 1's strongest cell is only {best[2]}"
    _click_cell(page, best[0], best[1], f"output row {best[0] + 1}, column {best[1] + 1}")
    page.wait_for_function(DONE)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "lesson_digits_cnn_step2_1280x720.png"))
    banner.get_by_text("Next step").click()
    page.wait_for_function("() => location.search.includes('step=3')")
    page.wait_for_function(OPEN)
    wait_idle(page, 800)
    page.get_by_role("tab", name="How it sees").click()
    page.locator(".st-key-mnist-sees-layer").click()
    page.get_by_role("option", name="Layer 3: 32 filters of 3×3").click()
    page.wait_for_function(DONE)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(SCREENSHOTS / "lesson_digits_cnn_step3_1280x720.png"))
