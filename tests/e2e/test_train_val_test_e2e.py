"""The Train, validation and test page in a real browser: live curves while the worker trains, the
early-stopping epoch, the test score on request, L2 shrinking the gap against the previous run, Korean."""

import re

from tests.e2e.conftest import open_app, screenshot, wait_idle


def _metric(page, label: str) -> str:
    return page.evaluate(
        """(label) => {
            const m = [...document.querySelectorAll('[data-testid="stMetric"]')]
                .find(el => el.querySelector('[data-testid="stMetricLabel"]').innerText.trim().startsWith(label));
            return m ? m.querySelector('[data-testid="stMetricValue"]').innerText.trim() : null;
        }""",
        label,
    )


def _wait_finished(page, epochs: int) -> None:
    page.wait_for_function(
        """(text) => [...document.querySelectorAll('[data-testid="stMetricValue"]')].some(e => e.innerText.trim() === text)""",
        arg=f"{epochs} / {epochs}", timeout=60_000,
    )
    page.get_by_role("button", name="Reveal the test score").wait_for()
    page.wait_for_function(
        "() => [...document.querySelectorAll('button')].some(b => b.innerText.includes('Reveal the test score') && !b.disabled)"
    )
    wait_idle(page, settle_ms=600)


def test_live_curves_early_stopping_test_score_and_l2(page, app_url):
    open_app(page, app_url, "train-validation-test", epochs="60", speed="normal")
    assert page.locator("h1").first.inner_text().strip() == "Train, validation and test"
    assert page.get_by_role("button", name="Reveal the test score").is_disabled()  # nothing to score yet

    page.get_by_role("button", name="Play").click()
    # While it trains the epoch counter climbs and the charts are redrawn in place.
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stMetricValue"]')]
                 .some(e => /^([2-5]\\d) \\/ 60$/.test(e.innerText.trim()))""",
        timeout=60_000,
    )
    page.set_viewport_size({"width": 1400, "height": 2600})
    screenshot(page, "train_val_test_live")
    # The pace changes without restarting the run.
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Speed").first.click()
    page.get_by_role("option", name="As fast as possible").click()
    _wait_finished(page, 60)
    best = int(_metric(page, "Best epoch"))
    assert 1 <= best < 50
    gap_plain = float(_metric(page, "Gap"))
    assert gap_plain > 0.3  # the large network has overfitted
    assert page.get_by_text(f"Decision boundary at epoch {best}").first.is_visible()  # the map starts at the best epoch

    page.get_by_role("button", name="Reveal the test score").click()
    page.get_by_text(re.compile(r"Early stopping kept the weights of epoch \d+")).first.wait_for()
    assert re.fullmatch(r"\d+\.\d%", _metric(page, "Test accuracy, early stopping"))
    screenshot(page, "train_val_test_revealed")

    # L2 on: a new run starts; after it, the gap is smaller and the previous run is drawn dotted.
    page.locator('[data-testid="stCheckbox"]').filter(has_text="L2 regularisation").first.click()
    page.get_by_text(re.compile(r"Dotted: the previous run")).first.wait_for()
    page.get_by_role("button", name="Play").click()
    _wait_finished(page, 60)
    gap_l2 = float(_metric(page, "Gap"))
    assert gap_l2 < 0.6 * gap_plain, (gap_l2, gap_plain)
    assert page.locator('[data-testid="stException"]').count() == 0
    wait_idle(page, settle_ms=1200)
    screenshot(page, "train_val_test_en")


def test_korean_page(page, app_url):
    open_app(page, app_url, "train-validation-test", lang="ko", epochs="100", speed="fast", size="medium", l2="1")
    assert page.locator("h1").first.inner_text().strip() == "훈련, 검증, 테스트 데이터"
    page.get_by_text("검증 데이터", exact=False).first.wait_for()
    page.get_by_role("button", name="학습 시작").wait_for()
    assert page.get_by_role("button", name="테스트 점수 공개").is_disabled()
    assert page.locator('[data-testid="stException"]').count() == 0
    page.set_viewport_size({"width": 1400, "height": 2400})
    wait_idle(page, settle_ms=800)
    screenshot(page, "train_val_test_ko")
