"""Compare runs on the Playground in a real browser (training processes, as a class server runs it):
two learning rates give two curves named by their rates; Run again trains the same seed to the same curve.
Screenshots at a projector's 1280x720, in English and Korean."""

import pytest

from tests.e2e.conftest import (PAUSE, PLAYGROUND_PLAY, SCREENSHOTS, button_says, open_app, playground_pause,
                                playground_play, wait_idle)

EPOCH_JS = "(e => e ? Number(e.innerText.replace(/,/g, '')) : -1)(document.querySelector('.pg-epoch'))"
CHART = ".st-key-playground-runs-chart .js-plotly-plot"
# The kept runs as the browser's Plotly holds them: {name: [epochs, held-out losses]} of the legend entries' traces.
RUNS_JS = f"""() => {{ const plot = document.querySelector('{CHART}'); if (!plot || !plot.data) return {{}};
    const out = {{}}; for (const tr of plot.data) if (tr.showlegend) out[tr.name] = [tr.x, tr.y]; return out; }}"""
TEXTS = {
    "en": ("Compare runs", "learning rate 0.03", "learning rate 0.1", "Run again"),
    "ko": ("실행 비교", "학습률 0.03", "학습률 0.1", "다시 실행"),
}
LR_SLIDER = ".st-key-playground-lr input[type=range]"


def _train_then_pause(page, lang, epochs=15):
    start = page.evaluate(EPOCH_JS)
    playground_play(page, lang)
    page.wait_for_function(f"() => ({EPOCH_JS}) >= {start + epochs}")
    playground_pause(page, lang)


def _reset(page) -> None:
    """Press Reset until the epoch counter reads 0 (a press landing in a rerun can be lost on a busy machine:
    seen in a clean CI run, where the run before then trained on as one run instead of two)."""
    for _ in range(5):
        wait_idle(page)
        page.locator(".st-key-playground-reset button").first.click()
        try:
            page.wait_for_function(f"() => ({EPOCH_JS}) === 0", timeout=10_000)
            break
        except Exception:  # (playwright's TimeoutError) press again
            continue
    wait_idle(page)
    assert page.evaluate(EPOCH_JS) == 0


def _set_learning_rate(page, text: str) -> None:
    """One arrow key on the learning-rate slider, pressed again if a rerun swallowed it, until it reads `text`."""
    for _ in range(5):
        wait_idle(page, 800)
        if page.locator(LR_SLIDER).first.get_attribute("aria-valuetext") == text:
            break
        page.locator(LR_SLIDER).first.focus()
        page.keyboard.press("ArrowRight")
    wait_idle(page, 800)
    assert page.locator(LR_SLIDER).first.get_attribute("aria-valuetext") == text
    # The slider shows its new value at once but tells the server a moment later: a Play pressed before
    # that would start the run at the old rate (and Compare runs would rightly call it "0.03 → 0.1").
    page.wait_for_function(f"() => /[?&]lr={text.replace('.', '[.]')}(&|$)/.test(location.search)")
    wait_idle(page)


class MissingRun(AssertionError):
    """A paused run that Compare runs never showed."""


def _runs(page, count):
    try:
        page.wait_for_function(f"() => Object.keys(({RUNS_JS})()).length >= {count}")
    except Exception as error:  # say what the chart held instead
        raise MissingRun(f"wanted {count} runs, the chart holds {list(page.evaluate(RUNS_JS))}") from error
    return page.evaluate(RUNS_JS)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_two_learning_rates_then_run_again(browser, app_url, lang):
    # Known and not yet understood: in full runs (never alone, where each passes in about 30 s), a paused run
    # was sometimes missing from the chart for good, about one run in ten of this test on a server other
    # tests had used. It is tried a second time in a fresh tab then, and fails if that misses one too.
    try:
        _two_learning_rates_then_run_again(browser, app_url, lang)
    except MissingRun as first:
        print(f"\ncompare runs ({lang}), first try: {first}; trying once more in a fresh tab")
        _two_learning_rates_then_run_again(browser, app_url, lang)


def _two_learning_rates_then_run_again(browser, app_url, lang):
    header, slow, fast, again = TEXTS[lang]
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        open_app(page, app_url, dataset="spiral", noise="10", lang=lang)
        page.wait_for_selector(".st-key-playground-boundary .pg-live-canvas canvas")
        _train_then_pause(page, lang)  # kept when paused
        _reset(page)
        _set_learning_rate(page, "0.1")  # from 0.03
        _train_then_pause(page, lang)
        runs = _runs(page, 2)
        assert list(runs) == [slow, fast], runs
        assert runs[slow][1][:5] != runs[fast][1][:5]

        section = page.locator("h3", has_text=header).first
        section.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(500)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"compare_runs_{lang}.png"))

        # Run again the newest run (learning rate 0.1): its seed gives the same curve, in a training process.
        page.locator(".st-key-playground-runs-again button").first.click()
        page.wait_for_function(button_says(PLAYGROUND_PLAY, PAUSE[lang]))  # training again
        page.wait_for_timeout(2000)  # (the first two runs trained 15 epochs in well under a second each)
        playground_pause(page, lang)
        runs = _runs(page, 3)
        names = list(runs)
        assert names[0].startswith(slow) and names[1].startswith(fast) and names[2].startswith(fast), names
        # Long runs are thinned to at most 200 points each, at power-of-two strides: compare the epochs both kept.
        first, again_ = (dict(zip(*runs[name])) for name in names[1:])
        common = sorted(set(first) & set(again_))
        assert len(common) >= 10 and [again_[e] for e in common] == pytest.approx([first[e] for e in common], rel=1e-6)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.get_by_role("button", name=again).count() == 1
    finally:
        context.close()
