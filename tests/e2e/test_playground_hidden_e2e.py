"""The Playground's hidden-layer view in a real browser: it appears under the decision map for a network with a
2-neuron layer, its points move while the network trains (XOR, 4-2 tanh), and a network without such a layer
shows the hint instead. Screenshots at 1280x720, English and Korean, scrolled to the view."""

import pytest

from tests.e2e.conftest import SCREENSHOTS, open_app, playground_pause, playground_play

CANVAS = ".st-key-playground-hidden .pg-live-canvas"
# The points as painted now (all dot ops of the scene the canvas last received), and how many frames it painted.
POINTS = f"""() => {{ const r = document.querySelector('{CANVAS}');
    if (!r || !r.__scene) return null;
    return {{redraws: Number(r.dataset.redraws || 0),
             points: r.__scene.ops.filter(o => o.k === 'dots').map(o => o.p).flat()}}; }}"""
XOR = {"dataset": "xor", "layers": "4,2", "lr": "0.03", "points": "400"}


@pytest.mark.parametrize("lang, title", [("en", "What hidden layer 2 sees"), ("ko", "은닉층 2에서 본 데이터")])
def test_hidden_layer_view_moves_while_training(browser, app_url, lang, title):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.set_default_timeout(90_000)
    page = context.new_page()
    try:
        open_app(page, app_url, lang=lang, **XOR)
        page.wait_for_selector(f"{CANVAS} canvas")
        assert page.get_by_text(title).count() == 1
        first = page.evaluate(POINTS)
        assert first is not None and len(first["points"]) == 2 * 200  # the 200 training points, x and y each
        playground_play(page, lang)
        page.wait_for_function(f"() => (s => s && s.redraws >= {first['redraws'] + 5})(({POINTS})())")
        page.wait_for_timeout(2500)  # long enough for the layers to bend the data visibly
        later = page.evaluate(POINTS)
        moved = sum(abs(a - b) > 2 for a, b in zip(first["points"], later["points"]))
        print(f"\nhidden view ({lang}): {later['redraws'] - first['redraws']} redraws, {moved // 2} of 200 points moved > 2 px")
        assert moved > 100, "the points should move as the network trains"
        playground_pause(page, lang)  # so the screenshot holds still
        page.locator(".st-key-playground-hidden").scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"playground_hidden_{lang}_1280x720.png"))
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()


def test_three_neurons_are_drawn_in_a_box_in_the_presentation_view(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.set_default_timeout(90_000)
    page = context.new_page()
    try:
        open_app(page, app_url, layers="4,3", present="1")
        page.wait_for_selector(f"{CANVAS} canvas")
        assert page.get_by_text("What hidden layer 2 sees").count() == 1
        playground_play(page)
        page.wait_for_timeout(2000)
        playground_pause(page)
        page.wait_for_timeout(500)
        before = page.evaluate(POINTS)
        thumb = page.locator('.st-key-playground-turn').get_by_role('slider')  # turn the box with the keyboard
        thumb.focus()
        for _ in range(12):
            page.keyboard.press("ArrowLeft")  # 12 × 5° = 60°
        page.wait_for_function(f"() => (s => s && s.redraws > {before['redraws']})(({POINTS})())")
        page.wait_for_timeout(800)
        after = page.evaluate(POINTS)
        assert len(after["points"]) == len(before["points"]) == 2 * 250 and after["points"] != before["points"]
        assert "turn=-25" in page.url
        page.locator(".st-key-playground-hidden").scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "playground_hidden_cube_present_en_1280x720.png"))
    finally:
        context.close()


def test_network_without_a_two_neuron_layer_shows_the_hint(page, app_url):
    open_app(page, app_url, layers="4,4")
    page.wait_for_selector(".st-key-playground-boundary .pg-live-canvas canvas")
    assert page.get_by_text("has no such layer").count() == 1
    assert page.locator(CANVAS).count() == 0
