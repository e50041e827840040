"""The Linear regression page in a real browser: the keyboard moves w and the MSE follows; a learning
rate past the stability limit is reported; the Korean page."""

from tests.e2e.conftest import open_app, screenshot, wait_idle


def _whole_page_screenshot(page, name: str, height: int = 4200) -> None:
    # Streamlit scrolls inside its own container, so a tall viewport is what shows the whole page.
    page.set_viewport_size({"width": 1400, "height": height})
    wait_idle(page, settle_ms=1500)
    screenshot(page, name)


# The value of the first metric whose label is exactly `label` ("MSE" must not match "Best possible MSE").
_METRIC_JS = """([label, wanted]) => {
    const m = [...document.querySelectorAll('[data-testid="stMetric"]')]
        .find(el => el.querySelector('[data-testid="stMetricLabel"]').innerText.trim() === label);
    const value = m ? m.querySelector('[data-testid="stMetricValue"]').innerText.trim() : null;
    return wanted === null ? value : value === wanted;
}"""


def _metric(page, label: str) -> str:
    return page.evaluate(_METRIC_JS, [label, None])


def _wait_metric(page, label: str, value: str) -> None:
    page.wait_for_function(_METRIC_JS, arg=[label, value])


def _thumb(page, label: str):
    return page.locator('[data-testid="stSlider"]').filter(has_text=label).first.get_by_role("slider")


def test_keyboard_moves_w_and_the_mse_follows(page, app_url):
    open_app(page, app_url, "linear-regression")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.inner_text().strip() == "Linear regression"
    # Start: w = 0, b = 0, so the MSE is the mean of the squared scores: (90² + 80² + 40² + 20²)/4.
    _wait_metric(page, "MSE", "4,125.00")
    assert _metric(page, "Stability limit 2/λmax") == "0.02378"

    # Ten presses of → move w by 0.1 each: w = 1 predicts 9, 8, 4, 2, so the residuals are -81, -72, -36, -18.
    thumb = _thumb(page, "Weight w")
    thumb.focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    _wait_metric(page, "MSE", "3,341.25")
    page.wait_for_function("() => location.search.includes('w=1')")  # the share link follows the slider
    wait_idle(page, settle_ms=800)
    assert _metric(page, "MSE") == "3,341.25"

    # The least-squares button puts the line through every point: MSE 0.
    page.get_by_role("button", name="Least-squares answer").click()
    _wait_metric(page, "MSE", "0")
    page.get_by_text("This is the best fit").first.wait_for()  # drawn after the MSE in the same run: waited for
    assert page.locator('[data-testid="stException"]').count() == 0
    page.get_by_role("button", name="Back to zero").click()
    _wait_metric(page, "MSE", "4,125.00")
    page.get_by_text("Zoom to the paths").click()  # the maps close in on where the optimisers went
    wait_idle(page, settle_ms=800)
    assert page.locator('[data-testid="stException"]').count() == 0
    _whole_page_screenshot(page, "linear_regression_en")


def test_learning_rate_past_the_limit_and_korean(page, app_url):
    open_app(page, app_url, "linear-regression", lang="ko")  # a shared link, opened directly
    assert page.locator("h1").first.inner_text().strip() == "선형 회귀"
    assert page.get_by_text("손실 곡면 위의 경사 하강법").first.is_visible()
    # 0.01 -> 0.015 -> 0.02 -> 0.025 with the keyboard: past the limit 0.02378.
    thumb = page.locator('[data-testid="stSlider"]').filter(has_text="학습률 η").first.get_by_role("slider")
    thumb.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('lr=0.025')")
    wait_idle(page, settle_ms=800)
    page.get_by_text("안정 한계 0.02378보다 큽니다").first.wait_for()
    assert page.get_by_text("발산했습니다").first.is_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    _whole_page_screenshot(page, "linear_regression_ko_diverging")


def _overlap(a, b) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and \
        a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


def _hover_toolbar_button(page, button) -> None:
    """Hover one of the table's toolbar buttons. The toolbar shows only while the pointer is over the table
    (a rerun that redraws the table can hide it again), so the table is hovered first, again if needed."""
    for _ in range(5):
        page.locator('[data-testid="stDataFrame"]').first.hover()
        try:
            button.hover(timeout=10_000)
            page.wait_for_timeout(400)
            return
        except Exception:  # (playwright's TimeoutError: hidden or still sliding) hover the table again
            wait_idle(page)
    button.hover(timeout=10_000)


def test_the_table_toolbar_leaves_the_data_choices_uncovered(page, app_url):
    # At 1280×720 the data editor's hover toolbar sat on the "Generated noisy line" option above it.
    page.set_viewport_size({"width": 1280, "height": 720})
    for lang in ("en", "ko"):
        open_app(page, app_url, "linear-regression", lang=lang)
        options = page.locator('[data-testid="stMain"] [data-testid="stRadio"]').first.locator('[role="radiogroup"] label')
        page.locator('[data-testid="stDataFrame"]').first.hover()
        toolbar = page.locator('[data-testid="stElementToolbar"]').first
        toolbar.wait_for(state="visible")
        buttons = toolbar.locator("button")
        for i in range(buttons.count()):  # the toolbar slides up while its buttons are hovered
            _hover_toolbar_button(page, buttons.nth(i))
            box = buttons.nth(i).bounding_box()
            choices = [options.nth(k).bounding_box() for k in range(options.count())]  # after any scrolling
            assert not any(_overlap(box, choice) for choice in choices), (lang, i, box, choices)
