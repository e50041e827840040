"""The Classic ML vs deep learning page in a real browser: eight maps with scores, the feature-engineering
trio, a measured learning curve with its progress bar, and the Korean page."""

import re

from tests.e2e.conftest import open_app, screenshot, wait_for_charts, wait_idle

# Quick settings: a small network with few steps keeps the fits (and the learning curve) short.
QUICK = {"points": "200", "steps": "250", "net": "small", "noise": "10"}


def _score_lines(page) -> list[str]:
    return [s for s in page.locator('[data-testid="stMarkdownContainer"]').all_inner_texts()
            if re.search(r"(train|훈련) [\d.]+% · (test|테스트) [\d.]+%", s)]


def _whole_page_screenshot(page, name: str, height: int = 4400) -> None:
    # Streamlit scrolls inside its own container, so a tall viewport is what shows the whole page.
    page.set_viewport_size({"width": 1400, "height": height})
    wait_idle(page, settle_ms=1500)
    screenshot(page, name)


def _settings_kept(page, when: str) -> None:
    """The link's settings are still the page's. (Twice in full CI runs, never alone, this test found every setting
    at its widget's own default, 40 points, noise 0, logistic regression, no features, in the page's link, so the
    k-NN curve it waits for never came: a lost session state, not a slow fit. Named here if it happens again.)"""
    query = page.url.split("?", 1)[-1]
    assert "data=moons" in query and "curve_model=knn" in query and "points=200" in query, \
        f"the page's settings changed {when}: {page.url}"


def test_maps_scores_and_a_measured_learning_curve(page, app_url):
    open_app(page, app_url, "classic-vs-deep", data="moons", curve_model="knn", **QUICK)
    assert page.locator("h1").first.inner_text().strip() == "Classic ML vs deep learning"
    page.get_by_text("Best on the test data").first.wait_for()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert len(_score_lines(page)) == 11  # eight models + the feature-engineering trio
    wait_for_charts(page, 11)
    assert page.locator(".js-plotly-plot").count() == 11

    _settings_kept(page, "before Measure")
    page.get_by_role("button", name="Measure").click()
    page.locator('[data-testid="stProgress"]').first.wait_for(timeout=20_000)  # progress while it trains
    try:
        page.get_by_text(re.compile(r"With 2,000: k-nearest")).first.wait_for(timeout=150_000)  # 48 fits, queued behind any others
    except Exception:
        _settings_kept(page, "while the curve was measured")
        raise
    wait_idle(page, settle_ms=800)
    wait_for_charts(page, 12)
    assert page.locator(".js-plotly-plot").count() == 12
    assert page.locator('[data-testid="stException"]').count() == 0
    _whole_page_screenshot(page, "classic_vs_deep_en")


def test_korean_page(page, app_url):
    open_app(page, app_url, "classic-vs-deep", lang="ko", data="xor", fe_data="xor", **QUICK)
    assert page.locator("h1").first.inner_text().strip() == "머신러닝과 딥러닝 비교"
    page.get_by_text("테스트 데이터에서 가장 좋은 모델").first.wait_for()
    assert len(_score_lines(page)) == 11
    assert page.locator('[data-testid="stException"]').count() == 0
    page.set_viewport_size({"width": 1400, "height": 2000})
    wait_idle(page, settle_ms=1200)
    screenshot(page, "classic_vs_deep_ko")
