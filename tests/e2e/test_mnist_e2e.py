"""The MNIST page in a real browser: train a few hundred steps, watch the curves move, draw a digit."""

from __future__ import annotations

import re

from tests.e2e.conftest import RUN_TIMEOUT_MS, open_app, screenshot, wait_for_charts, wait_idle

# Points drawn by the curves: on the live canvas while training, in the Plotly chart once stopped.
CURVE_POINTS = """() => {
    const live = document.querySelector('.st-key-mnist-curves .pg-live-canvas');
    if (live && live.__scene) return live.__scene.ops.reduce((n, op) => n + (op.k === 'path' ? op.p.length / 2 : 0), 0);
    const plot = document.querySelector('.st-key-mnist-curves .js-plotly-plot');
    return plot && plot.data ? plot.data.reduce((n, trace) => n + (trace.x || []).length, 0) : 0;
}"""


def _curve_points(page) -> int:
    return page.evaluate(CURVE_POINTS)


def _press(page, key: str, keys: str, times: int) -> None:
    """Move a (select) slider with the keyboard, as a user would, and wait for the rerun."""
    page.locator(f".st-key-mnist-{key} input[type=range]").focus()
    for _ in range(times):
        page.keyboard.press(keys)
    wait_idle(page, 800)


def test_train_watch_the_curves_then_draw_a_digit(page, app_url):
    # Through the app's own navigation (a fresh deep link to /mnist bypasses the app shell).
    open_app(page, app_url, "")
    page.locator('[data-testid="stSidebarNav"] a[href$="/mnist"]').click()
    page.wait_for_url("**/mnist**")
    page.get_by_role("button", name="Train new model").wait_for()
    wait_idle(page)
    assert page.locator('[data-testid="stException"]').count() == 0

    # Softmax regression, batch 8, 4 epochs: 3,600 training digits give 450 steps an epoch, 1,800 in all
    # (long enough for several live redraws even on a fast machine; 2 epochs once ended before the first).
    page.locator(".st-key-mnist-preset").click()
    page.get_by_role("option", name="Softmax regression").click()
    wait_idle(page, 800)
    _press(page, "epochs", "ArrowLeft", 1)  # 5 -> 4
    _press(page, "batch", "ArrowLeft", 2)  # 32 -> 8
    _press(page, "lr", "ArrowRight", 1)  # 0.002 -> 0.003
    page.wait_for_function("() => ['preset=softmax', 'epochs=4', 'batch=8', 'lr=0.003']"
                           ".every(part => location.search.includes(part))")  # the page echoes its settings
    assert page.get_by_text("Total trainable parameters: 7,850").is_visible()
    # The live fragment redraws the curves while the worker trains: record every point count the
    # chart shows (a softmax run can finish within a second, too fast to poll from here).
    page.evaluate(f"""() => {{ window.__counts = new Set();
        window.__recorder = setInterval(() => window.__counts.add(({CURVE_POINTS})()), 20); }}""")
    page.get_by_role("button", name="Train new model").click()

    # At the end: every epoch plotted and the test accuracy reported, far above chance (10%).
    success = page.get_by_text(re.compile(r"Test accuracy: [0-9.]+%"))
    success.first.wait_for(timeout=RUN_TIMEOUT_MS)
    wait_idle(page)  # the page redraws once more when the run ends
    seen = page.evaluate("() => { clearInterval(window.__recorder); return [...window.__counts].filter(n => n > 0); }")
    assert len(seen) >= 2, f"the curves never grew while training (point counts seen: {seen})"
    accuracy = float(re.search(r"Test accuracy: ([0-9.]+)%", success.first.inner_text()).group(1))
    assert accuracy > 80
    assert page.get_by_text("4 / 4", exact=True).first.is_visible()  # epochs done

    # Draw a "1" with the mouse on the canvas; the model answers with its probability bars.
    canvas = page.locator(".st-key-mnist-canvas canvas").last
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + 140, box["y"] + 45)
    page.mouse.down()
    for step in range(1, 24):
        page.mouse.move(box["x"] + 140 + step * 0.4, box["y"] + 45 + step * 8)
    page.mouse.up()
    answer = page.get_by_text(re.compile(r"The network reads \d"))
    answer.wait_for(timeout=RUN_TIMEOUT_MS)
    wait_for_charts(page, 1, within=".st-key-mnist-drawn_probs")
    assert page.locator(".st-key-mnist-drawn .js-plotly-plot").count() == 1  # the 28×28 the model sees
    assert page.locator(".st-key-mnist-drawn_probs .js-plotly-plot").count() == 1
    assert page.locator('[data-testid="stException"]').count() == 0

    page.set_viewport_size({"width": 1400, "height": 5200})  # Streamlit scrolls inside: show it all
    page.wait_for_timeout(1500)
    screenshot(page, "mnist_trained_and_drawn")
