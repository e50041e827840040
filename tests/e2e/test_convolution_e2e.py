"""The Convolution page in a real browser: presets and the output size, Play slides the kernel and stops on the last
position, a click on an output cell moves it, the link carries it all, Korean; screenshots at 1280x720."""

from tests.e2e.conftest import open_app, screens, wait_for_charts, wait_idle


def _output(page, word: str = "Output") -> str:
    """The output size the page states under the formula ("5×5")."""
    line = page.locator('[data-testid="stMarkdownContainer"] strong').filter(has_text=word).first.inner_text()
    return line.split()[-1]


def test_convolution_page_in_english_and_korean(page, app_url):
    open_app(page, app_url, "")
    page.locator('[data-testid="stSidebarNav"] a[href$="/convolution"]').click()
    page.wait_for_url("**/convolution**")
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('Convolution')")
    wait_idle(page)
    wait_for_charts(page, 2)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert _output(page) == "5×5"  # 7×7, k = 3, no padding: ⌊(7 − 3)/1⌋ + 1

    page.get_by_role("button", name="Same padding").click()
    page.wait_for_function("() => location.search.includes('p=1')")
    wait_idle(page, settle_ms=600)
    assert _output(page) == "7×7"
    page.get_by_role("button", name="Stride 2 halves").click()
    page.wait_for_function("() => location.search.includes('s=2')")
    wait_idle(page, settle_ms=600)
    assert _output(page) == "4×4"

    # Play slides the kernel: the link's position moves on by itself; Pause stops it there.
    page.get_by_role("button", name="Play").click()
    page.wait_for_function("() => /[?&]pos=3(&|$)/.test(location.search)", timeout=15_000)
    page.get_by_role("button", name="Pause").click()
    wait_idle(page, settle_ms=1500)
    stopped = page.evaluate("() => new URLSearchParams(location.search).get('pos')")
    page.wait_for_timeout(2000)
    assert page.evaluate("() => new URLSearchParams(location.search).get('pos')") == stopped
    assert int(stopped) >= 3

    # A click on an output cell moves the kernel to the position that fills it (the last cell: 16).
    page.locator(".js-plotly-plot").nth(1).scroll_into_view_if_needed()
    wait_idle(page, settle_ms=300)
    x, y = page.evaluate("""() => {
        const gd = document.querySelectorAll('.js-plotly-plot')[1], L = gd._fullLayout, r = gd.getBoundingClientRect();
        return [r.left + L.xaxis._offset + L.xaxis.l2p(3), r.top + L.yaxis._offset + L.yaxis.l2p(3)]; }""")
    page.mouse.click(x, y)
    page.wait_for_function("() => /[?&]pos=16(&|$)/.test(location.search)", timeout=15_000)
    wait_idle(page, settle_ms=600)
    assert page.get_by_text("Position 16 of 16").first.is_visible()
    screens(page, "convolution_en")

    page.locator('[data-testid="stSidebar"]').get_by_text("한국어").click()
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('합성곱')")
    wait_idle(page, settle_ms=800)
    assert _output(page, "출력") == "4×4"  # the settings survive the language switch
    assert "lang=ko" in page.url and "s=2" in page.url and "pos=16" in page.url
    screens(page, "convolution_ko")


def test_play_stops_on_the_last_position_and_unused_cells_are_named(page, app_url):
    # 2×2 max pooling on 7×7: 9 positions, and the last row and column never fall under a window.
    open_app(page, app_url, "convolution", h=7, w=7, k=2, mode="max")
    wait_for_charts(page, 2)
    assert _output(page) == "3×3"
    assert page.get_by_text("no position covers row 7 and column 7").first.is_visible()
    page.get_by_role("button", name="Play").click()
    page.wait_for_function("() => /[?&]pos=9(&|$)/.test(location.search)", timeout=30_000)
    page.get_by_role("button", name="Play").wait_for(timeout=15_000)  # stopped by itself: the button is Play again
    wait_idle(page, settle_ms=2000)
    assert "pos=9" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0
    screens(page, "convolution_pool_en")


def test_presentation_view_shows_the_grids_on_a_projector(page, app_url):
    open_app(page, app_url, "convolution", present="1", lang="ko", h=8, w=8, k=3, s=2, p=1, pos=6)
    wait_for_charts(page, 2)
    assert _output(page, "출력") == "4×4"
    assert page.locator('[data-testid="stException"]').count() == 0
    screens(page, "convolution_present_ko")


def test_a_kernel_that_does_not_fit_is_drawn_past_the_edge(page, app_url):
    open_app(page, app_url, "convolution", h=3, w=5, k=6, p=1)
    wait_for_charts(page, 1)
    assert page.get_by_text("The 6×6 kernel does not fit in the 3×5 input (5×7 with padding)").first.is_visible()
    assert page.locator(".js-plotly-plot").count() == 1  # the input with the kernel running past it; no output
    assert page.locator('[data-testid="stException"]').count() == 0
    screens(page, "convolution_no_fit_en")
