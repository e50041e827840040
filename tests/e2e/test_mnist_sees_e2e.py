"""The MNIST page's "How it sees" tab in a real browser: a trained CNN loaded from a file, the kernel moved by
keyboard, played and paused; screenshots at 1280x720 in English and Korean."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import SCREENSHOTS, open_app, screenshot, wait_for_charts, wait_idle

SPECS = [
    {"kind": "conv2d", "filters": 8, "kernel": 3, "padding": 1, "activation": "relu"},
    {"kind": "maxpool", "size": 2},
    {"kind": "conv2d", "filters": 8, "kernel": 3, "padding": 1, "activation": "relu"},
    {"kind": "maxpool", "size": 2},
    {"kind": "flatten"},
    {"kind": "dense", "units": 10},
]
POSITION = re.compile(r"Position (\d+) of \d+|위치 (\d+) / \d+")


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    """A small CNN trained for one epoch on the embedded sample (seconds), saved as the page saves models."""
    from playground import model_io
    from playground.datasets import mnist
    from playground.mnist_presets import default_config, make_trainer

    split = mnist.load("sample", validation_fraction=0.1, seed=0)
    trainer = make_trainer(SPECS, default_config(device="cpu", seed=1), split.train, split.validation)
    trainer.train_epoch()
    path = tmp_path_factory.mktemp("model") / "small-cnn.nnp"
    path.write_bytes(model_io.save_model(SPECS, mnist.IMAGE_SHAPE, trainer.state_dict(), {"mean": mnist.MEAN, "std": mnist.STD},
                                         list(mnist.CLASS_NAMES), config={"epochs": 1}, history=trainer.history))
    return path


def _position(page) -> int:
    text = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text=POSITION).first.inner_text()
    match = POSITION.search(text)
    return int(match.group(1) or match.group(2))


def _move_to(page, target: int) -> None:
    """Arrow keys on the position slider until it reads `target` (a rerun that redraws the slider can
    swallow a key press on a busy machine, so it checks and presses again)."""
    for _ in range(8):
        wait_idle(page, 1200)  # read the position only once the last rerun has drawn it
        missing = target - _position(page)
        if missing == 0:
            return
        page.locator(".st-key-mnist-sees-slider").get_by_role("slider").focus()
        for _ in range(abs(missing)):
            page.keyboard.press("ArrowRight" if missing > 0 else "ArrowLeft")
        wait_idle(page, 1200)
    assert _position(page) == target


def _click_cell(page, row: int, col: int, expect: str) -> None:
    """Click cell (row, col), 0-based, of the feature map, where Plotly's own axes put it, until the page
    shows `expect` (a click that lands while the view is being redrawn is lost: click again)."""
    plot = page.locator(".st-key-mnist-sees-map .js-plotly-plot").first
    for _ in range(3):
        plot.scroll_into_view_if_needed()
        wait_idle(page, 500)
        at = plot.evaluate("""(p, [row, col]) => {
            const xa = p._fullLayout.xaxis, ya = p._fullLayout.yaxis, box = p.getBoundingClientRect();
            return [box.left + xa._offset + xa.l2p(col), box.top + ya._offset + ya.l2p(row)]; }""", [row, col])
        page.mouse.move(at[0], at[1])
        page.wait_for_timeout(300)
        page.mouse.click(at[0], at[1])
        try:
            page.wait_for_function("t => document.body.innerText.includes(t)", arg=expect, timeout=15_000)
            wait_idle(page, 800)
            return
        except Exception:  # noqa: BLE001 - Playwright's timeout: try again
            screenshot(page, "mnist_sees_click_missed")
    raise AssertionError(f"clicking cell {(row, col)} never showed {expect!r}")


def _open_tab(page, app_url, model_file, lang: str, tab: str, loaded: str) -> None:
    open_app(page, app_url, "mnist", lang=lang)
    page.locator(".st-key-mnist-upload input[type=file]").set_input_files(str(model_file))
    page.get_by_text(loaded).first.wait_for()
    wait_idle(page, 800)
    page.get_by_role("tab", name=tab).click()
    wait_for_charts(page, 1, within=".st-key-mnist-sees-map")
    wait_idle(page, 800)
    assert page.locator('[data-testid="stException"]').count() == 0


def _shot(page, name: str) -> None:
    """The tab's kernel view filling a 1280x720 screen, and the whole page at that width."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.evaluate("() => document.querySelector('.st-key-mnist-sees-layer').scrollIntoView({block: 'start'})")
    wait_idle(page, settle_ms=1000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}_1280x720.png"))
    page.evaluate("() => { const el = document.querySelector('.st-key-mnist-sees-path');"
                  " if (el) el.scrollIntoView({block: 'start'}); }")
    wait_idle(page, settle_ms=800)
    page.screenshot(path=str(SCREENSHOTS / f"{name}_path_1280x720.png"))


def test_how_it_sees_slides_plays_and_pauses(page, app_url, model_file):
    _open_tab(page, app_url, model_file, "en", "How it sees", "Loaded small-cnn.nnp")
    assert _position(page) == 1
    assert page.get_by_text(re.compile(r"The network reads this digit as \d")).count() == 1
    sandbox = page.get_by_role("link", name="Try kernel size, stride and padding on their own")
    assert sandbox.count() == 1 and sandbox.get_attribute("href").rstrip("/").endswith("convolution")

    # The keyboard on the position slider: 30 steps right -> position 31 (row 2, column 3).
    _move_to(page, 31)
    assert page.get_by_text("output row 2, column 3").first.is_visible()
    # A click on the feature map moves the kernel to that cell: row 9, column 12, on the digit's stroke.
    _click_cell(page, 8, 11, "output row 9, column 12")
    assert _position(page) == 8 * 28 + 12
    _shot(page, "mnist_sees_en")

    # Play: the kernel moves on by itself, a few positions a second, redrawing only its own view.
    page.set_viewport_size({"width": 1280, "height": 720})
    page.get_by_role("button", name="Play").click()
    page.get_by_role("button", name="Pause").wait_for()
    start = _position(page)
    page.wait_for_timeout(3000)
    moved = _position(page) - start
    assert 3 <= moved <= 20, f"the kernel moved {moved} positions in 3 s while playing"
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Play").wait_for()
    wait_idle(page, 800)
    stopped = _position(page)
    page.wait_for_timeout(2000)
    assert _position(page) == stopped, "Pause stops the kernel"
    # The cell clicked before Play, clicked again: the kernel goes back to it (the chart kept no old selection).
    _click_cell(page, 8, 11, "output row 9, column 12")
    assert _position(page) == 8 * 28 + 12
    assert page.locator('[data-testid="stException"]').count() == 0


def test_how_it_sees_in_korean(page, app_url, model_file):
    _open_tab(page, app_url, model_file, "ko", "신경망이 보는 법", "small-cnn.nnp")
    assert page.get_by_text("소프트맥스").first.count() == 1
    _move_to(page, 46)
    assert page.get_by_text("출력의 2행 18열").first.is_visible()
    _click_cell(page, 12, 14, "출력의 13행 15열")
    # The second convolution reads 8 maps: each channel's sum, then their total (as CNN Explainer shows it).
    page.locator(".st-key-mnist-sees-layer").click()
    page.get_by_role("option", name="3번째 층: 3×3 필터 8개").click()
    page.locator(".st-key-mnist-sees-sums .js-plotly-plot").wait_for()
    wait_idle(page, 800)
    assert page.locator('[data-testid="stException"]').count() == 0
    _click_cell(page, 5, 5, "출력의 6행 6열")  # 14×14 output: position 76
    assert _position(page) == 14 * 5 + 6
    _shot(page, "mnist_sees_ko")
    page.set_viewport_size({"width": 1280, "height": 6000})
    page.wait_for_timeout(1500)
    screenshot(page, "mnist_sees_ko_whole")
