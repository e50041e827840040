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


# The first chart's traces as JSON (the plane: the boundary line moves with w1); None while Streamlit swaps it.
_PLANE = "(() => { const gd = document.querySelector('.js-plotly-plot'); " \
         "return gd && gd.data ? JSON.stringify(gd.data.map((t) => [t.x, t.y])) : null; })()"


def test_a_slider_step_redraws_the_chart_quickly(page, app_url):
    # Issue 8: "from the input event to the updated chart" in Chromium (target 400 ms on an idle machine).
    # Timed in the page with performance.now(): from just before the key press to the first animation
    # frame where the plane chart's data differs. Measured three times; the median is printed.
    open_app(page, app_url, "perceptron")
    _charts_drawn(page)
    wait_idle(page, settle_ms=800)
    thumb = _slider(page, "Weight w1")
    times = []
    for key in ("ArrowRight", "ArrowLeft", "ArrowRight"):
        page.evaluate(f"() => {{ window.__before = {_PLANE}; window.__t1 = null; }}")
        thumb.focus()
        page.evaluate("() => { window.__t0 = performance.now(); }")
        thumb.press(key)
        page.wait_for_function(
            f"() => {{ const now = {_PLANE}; if (now && now !== window.__before) {{ window.__t1 = window.__t1 || "
            "performance.now(); return true; } return false; }", polling="raf", timeout=30_000)
        times.append(page.evaluate("() => window.__t1 - window.__t0"))
        wait_idle(page, settle_ms=500)
    times.sort()
    print(f"\nPerceptron slider step to updated chart in Chromium: median {times[1]:.0f} ms, worst {times[-1]:.0f} ms")
    assert 0 < times[1] < 3000  # a loose floor: the figure is the point (issue 8's target is 400 ms, idle)
