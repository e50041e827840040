"""The Backpropagation page in a real browser: step the three phases, hover a weight, a batch run, Korean, screenshots."""

from tests.e2e.conftest import SCREENSHOTS, open_app, screens, wait_for_charts, wait_idle


def _metric(page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def _press(page, name: str, times: int = 1) -> None:
    for _ in range(times):
        page.get_by_role("button", name=name, exact=True).click()
        wait_idle(page, settle_ms=500)


def test_backprop_page_steps_through_and_learns(page, app_url):
    open_app(page, app_url, "")
    page.locator('[data-testid="stSidebarNav"] a[href$="/backpropagation"]').click()
    page.wait_for_url("**/backpropagation**")
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('Backpropagation')")
    wait_idle(page)
    wait_for_charts(page, 2)
    assert page.locator('[data-testid="stException"]').count() == 0

    _press(page, "Step", 4)  # three forward steps, then the output's δ
    assert page.get_by_text("Backward pass: step 1 of 3").first.is_visible()
    network = page.locator(".js-plotly-plot").first
    assert "δ" in network.inner_text()
    _press(page, "Finish this phase")
    assert float(_metric(page, "Largest difference")) < 1e-6
    # A click on neuron h2 (layer 1, second neuron: x = 1, y = -0.5) writes out the chain rule of its bias.
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    wait_idle(page, settle_ms=300)
    x, y = page.evaluate("""() => {
        const gd = document.querySelectorAll('.js-plotly-plot')[0], L = gd._fullLayout, r = gd.getBoundingClientRect();
        return [r.left + L._size.l + L.xaxis.l2p(1), r.top + L._size.t + L.yaxis.l2p(-0.5)]; }""")
    page.mouse.click(x, y)
    # The link's w is the weight picker's value at the end of the run, so this says the picker chose it.
    page.wait_for_function("() => location.search.includes('w=1.1.b')")
    wait_idle(page, settle_ms=800)
    _press(page, "Finish this phase")  # the update
    assert page.get_by_text("Every weight and bias moves against its gradient").first.is_visible()
    screens(page, "backprop_en", 3600)

    _press(page, "Next example")
    assert page.get_by_text("Example 2 of 4").first.is_visible()
    assert _metric(page, "Updates so far") == "1"
    _press(page, "500 batch steps", 2)
    assert _metric(page, "Updates so far") == "1001"
    assert float(_metric(page, "Mean loss now")) < 0.05
    assert "seed=1" in page.url and "act=sigmoid" in page.url

    page.locator('[data-testid="stSidebar"]').get_by_text("한국어").click()
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('역전파')")
    wait_idle(page, settle_ms=800)
    assert _metric(page, "지금까지 갱신 횟수") == "1001"  # the run survives the language switch
    _press(page, "한 단계", 4)
    assert page.get_by_text("역전파: 3단계 중 1단계").first.is_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    screens(page, "backprop_ko", 3600)


def _button(page, label: str):
    return page.get_by_role("button", name=label, exact=True)


def test_play_walks_through_by_itself_and_pause_leaves_the_server_alone(page, app_url):
    sent = []  # the browser's messages to the server: a fragment's timer sends one a tick
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(payload)))
    open_app(page, app_url, "backpropagation")
    wait_for_charts(page, 2)
    page.set_viewport_size({"width": 1280, "height": 720})

    _button(page, "Play").click()
    # Nobody clicks again: the forward values, then the δs from the output back, then the update.
    page.get_by_text("Forward pass: step 3 of 3").first.wait_for(timeout=15_000)
    page.get_by_text("Backward pass: step 1 of 3").first.wait_for(timeout=15_000)
    page.get_by_text("Every weight and bias moves against its gradient").first.wait_for(timeout=15_000)
    _button(page, "Play").wait_for(timeout=15_000)  # it stopped at the end of the update
    wait_idle(page, settle_ms=1500)
    assert _metric(page, "Updates so far") == "0"
    before = len(sent)
    page.wait_for_timeout(3000)
    assert len(sent) == before, "a stopped walk-through still polls the server"

    # Keep going: the update is applied, the next example starts, and the loss chart grows, until Pause.
    page.get_by_text("Keep going").first.click()
    wait_idle(page)
    playing_from = len(sent)
    _button(page, "Play").click()
    page.get_by_text("Example 3 of 4").first.wait_for(timeout=30_000)
    assert len(sent) - playing_from >= 5  # the timer's ticks do reach the server (what the checks count)
    _shots_720(page, "backprop_play_en")
    assert int(_metric(page, "Updates so far")) >= 2
    _button(page, "Pause").click()
    _button(page, "Play").wait_for()
    wait_idle(page, settle_ms=1500)
    text = page.locator('[data-testid="stMain"]').inner_text()
    before = len(sent)
    page.wait_for_timeout(3000)
    assert len(sent) == before, "a paused walk-through still polls the server"
    assert page.locator('[data-testid="stMain"]').inner_text() == text  # and nothing moved
    assert page.locator('[data-testid="stException"]').count() == 0

    page.locator('[data-testid="stSidebar"]').get_by_text("한국어").click()
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('역전파')")
    wait_idle(page, settle_ms=800)
    _button(page, "자동 진행").click()
    page.get_by_text("순전파: 3단계 중 2단계").first.wait_for(timeout=15_000)
    _button(page, "일시정지").click()
    _button(page, "자동 진행").wait_for()
    wait_idle(page, settle_ms=1000)
    _shots_720(page, "backprop_play_ko")
    assert page.locator('[data-testid="stException"]').count() == 0


def _shots_720(page, name: str) -> None:
    page.mouse.move(5, 5)  # no button's tooltip over the page
    page.evaluate("() => document.querySelectorAll('*').forEach(el => { if (el.scrollTop) el.scrollTop = 0; })")
    page.wait_for_timeout(500)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}_1280x720.png"))
