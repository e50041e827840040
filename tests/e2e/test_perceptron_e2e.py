"""The perceptron page in a real browser: keyboard on a slider changes the verdict, learning runs, Korean works."""

from tests.e2e.conftest import open_app, screenshot, wait_idle


def _charts_drawn(page) -> None:
    """Wait until Plotly has drawn the page's five figures (they load after the rest of the page)."""
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length >= 5")


def _slider(page, label: str):
    """The draggable thumb of the slider labelled `label`."""
    return page.locator('[data-testid="stSlider"]').filter(has_text=label).first.get_by_role("slider")


def test_keyboard_slider_learning_and_korean(page, app_url):
    open_app(page, app_url, "perceptron")
    assert page.locator('[data-testid="stException"]').count() == 0
    # A shared deep link must run the app shell (language switch, navigation) around the page. Streamlit
    # runs a page file on its own (old multipage mode) while a folder named `pages/` sits next to the entry
    # script and no session has called st.navigation yet: this catches that.
    # (On a busy machine the sidebar can paint a moment after the page's title: wait for it.)
    switch = page.locator('[data-testid="stSidebar"]').get_by_text("Language", exact=True)
    switch.wait_for(timeout=15_000)
    assert switch.count() == 1, "the deep link /perceptron opened without the app shell"
    assert page.get_by_text("This perceptron is an AND gate").first.is_visible()

    # θ from 0.7 down to 0.45 with the keyboard (step 0.05): 0.5 > 0.45, so (0, 1) and (1, 0) now fire.
    thumb = _slider(page, "Threshold θ")
    thumb.focus()
    for _ in range(5):
        thumb.press("ArrowLeft")
    wait_idle(page, settle_ms=800)
    assert thumb.input_value() == "0.45"
    verdict = page.get_by_text("Not an AND gate yet").first
    verdict.wait_for()
    assert "(0, 1), (1, 0)" in verdict.inner_text()
    assert "theta=0.45" in page.url  # the setting is in the share link

    # Let the learning rule fix it, all the way to the end.
    page.get_by_role("button", name="Run to the end").click()
    wait_idle(page, settle_ms=800)
    page.get_by_text("Converged: after").first.wait_for()
    _charts_drawn(page)
    screenshot(page, "perceptron_english_learning")

    # Switch to Korean in the sidebar: the text changes, the weights stay.
    page.locator('[data-testid="stSidebar"]').get_by_text("한국어").click()
    wait_idle(page, settle_ms=800)
    page.get_by_role("heading", name="퍼셉트론과 논리 게이트").first.wait_for()
    assert page.get_by_text("아직 AND 게이트가 아닙니다").first.is_visible()
    assert _slider(page, "임계값 θ").input_value() == "0.45"
    assert "lang=ko" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0
    _charts_drawn(page)
    page.locator("h1").first.scroll_into_view_if_needed()
    screenshot(page, "perceptron_korean")
