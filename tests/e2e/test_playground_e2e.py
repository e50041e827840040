"""The Playground in a real browser: press play, the epoch counter runs, the loss falls, pause stops it;
every connection's weight shows on hover; the toolbar keeps its height."""

from tests.e2e.conftest import PLAY, PLAYGROUND_PLAY, open_app, playground_pause, screenshot

# The counters are redrawn in place, so an element can be missing for a moment: read defensively.
EPOCH_JS = "(e => e ? Number(e.innerText.replace(/,/g, '')) : -1)(document.querySelector('.pg-epoch'))"
# (How often the charts redraw is measured in test_live_rates_e2e.py.)


def _number(page, selector):
    page.wait_for_selector(selector)
    text = page.locator(selector).first.inner_text().replace(",", "").strip()
    return None if text in ("", "–") else float(text)


def test_play_trains_live_then_pause_stops(page, app_url):
    open_app(page, app_url)  # the default page
    assert page.locator('[data-testid="stException"]').count() == 0
    page.wait_for_selector(".st-key-playground-boundary .pg-live-canvas canvas")
    assert _number(page, ".pg-epoch") == 0

    page.locator(".st-key-playground-play button").first.click()
    page.wait_for_function(f"() => ({EPOCH_JS}) >= 2")
    first_epoch, first_loss = _number(page, ".pg-epoch"), _number(page, ".pg-train-loss")
    page.wait_for_timeout(3000)
    last_epoch, last_loss = _number(page, ".pg-epoch"), _number(page, ".pg-train-loss")
    print(f"\nPlayground e2e: epoch {first_epoch:.0f} -> {last_epoch:.0f} in 3 s; "
          f"training loss {first_loss:.3f} -> {last_loss:.3f}")
    screenshot(page, "playground_training")
    assert last_epoch > first_epoch
    assert last_loss < first_loss

    # Pause: the button says Play and the counter stops. (Pressed only on an idle page: a press during a rerun hits
    # the button as last drawn, which on a busy server can still be Play, and then the run goes on, as it should.)
    playground_pause(page)
    paused_at = _number(page, ".pg-epoch")
    page.wait_for_timeout(1000)
    still = _number(page, ".pg-epoch")
    label = page.locator(PLAYGROUND_PLAY).first.inner_text()
    assert still == paused_at, f"epoch {paused_at:.0f} -> {still:.0f} in the second after Pause; the button says {label!r}"
    assert PLAY["en"] in label
    assert page.locator('[data-testid="stException"]').count() == 0


# The toolbar is the bordered box around the Play button.
TOOLBAR_HEIGHT = """() => { let e = document.querySelector('.st-key-playground-play');
    while (e && getComputedStyle(e).borderTopStyle !== 'solid') e = e.parentElement;
    return e ? e.getBoundingClientRect().height : -1; }"""


def test_toolbar_keeps_its_height_when_play_is_pressed(browser, app_url):
    # Issue: the status under the epoch wrapped to a second line while training, so pressing Play
    # grew the toolbar and pushed the whole page down (a projector's 1280 px, English and Korean).
    for lang, width in (("en", 1280), ("ko", 1280), ("en", 1400)):
        context = browser.new_context(viewport={"width": width, "height": 720})
        page = context.new_page()
        page.set_default_timeout(90_000)
        open_app(page, app_url, lang=lang)
        page.wait_for_selector(".st-key-playground-boundary .pg-live-canvas canvas")
        before = page.evaluate(TOOLBAR_HEIGHT)
        page.locator(".st-key-playground-play button").first.click()
        page.wait_for_function(f"() => ({EPOCH_JS}) >= 2")
        page.wait_for_timeout(800)
        during = page.evaluate(TOOLBAR_HEIGHT)
        context.close()
        assert before > 0 and abs(during - before) <= 1, f"{lang} at {width} px: toolbar {before} -> {during} px"


# Points to hover, in page pixels: for every `stride`-th connection, a vertex 40 % along its own line
# where no other line is nearer (found with the same hit rule the page runs), and its expected text.
HOVER_TARGETS = """(stride) => {
    const root = document.querySelector('.st-key-playground-network .pg-live-canvas');
    const box = root.querySelector('canvas').getBoundingClientRect();
    const hits = root.__scene.hits, out = [];
    hits.forEach((h, i) => {
        if (h.k !== 'path' || (i % stride)) return;
        const p = h.p || root.__scene.ops[h.op].p;  // a line's hit shares the drawn line's points
        const n = p.length / 2;
        for (const f of [0.4, 0.5, 0.3, 0.6, 0.2, 0.7]) {
            const k = Math.floor((n - 1) * f) * 2;
            out.push({x: box.left + p[k] * root.__scale, y: box.top + p[k + 1] * root.__scale, t: h.t, i});
            break;
        }
    });
    return out;
}"""
TIP = "() => (t => t && t.style.display !== 'none' ? t.innerText : '')(document.querySelector('.st-key-playground-network .pg-live-tip'))"


def test_every_connection_shows_its_weight_on_hover(page, app_url):
    # Issue: crossing lines shared a midpoint hover marker, hiding 6 of 18 weights of the default network
    # and 112 of 160 with 7 features and 8-8-8. Paused, so the weights hold still while hovered.
    for query, stride in (({}, 1), ({"features": "x1,x2,x1_sq,x2_sq,x1x2,sin_x1,sin_x2", "layers": "8,8,8"}, 9)):
        open_app(page, app_url, **query)
        page.wait_for_selector(".st-key-playground-network .pg-live-canvas canvas")
        page.locator(".st-key-playground-network").scroll_into_view_if_needed()
        targets = page.evaluate(HOVER_TARGETS, stride)
        assert len(targets) >= (18 if not query else 160 // 9)
        missed = []
        for target in targets:
            page.mouse.move(target["x"], target["y"])
            shown = page.evaluate(TIP)
            if shown.split("\n")[0] != target["t"].split("\n")[0]:
                missed.append((target["t"], shown))
        assert missed == [], missed
        page.mouse.move(2, 2)  # away: the label goes
        assert page.evaluate(TIP) == ""
