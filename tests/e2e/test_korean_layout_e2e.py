"""Korean text in a real browser at 1280×720: lines break between words, and menus show their whole choice."""

import pytest

from tests.e2e.conftest import open_app, wait_idle

# (path, link settings): the long Korean choices reported cut ("여러 나선 (3–5개 클래", "SGD (확률적 경사 하강").
PATHS = [("", {"dataset": "spirals", "opt": "sgd"}), ("perceptron", {}), ("activations", {}), ("mnist", {"opt": "sgd"}),
         ("linear-regression", {}), ("classic-vs-deep", {"data": "spirals"}), ("train-validation-test", {}),
         ("convolution", {"kern": "identity"})]

# Each select box's shown choice: is it cut (its text wider than its box)?
_CUT_MENUS = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stSelectbox"] input[role="combobox"]')]
    .filter(input => input.scrollWidth > input.clientWidth + 1).map(input => input.value)"""


@pytest.mark.parametrize("path, query", PATHS)
def test_korean_pages_break_between_words_and_show_whole_menu_choices(page, app_url, path, query):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, app_url, path, lang="ko", **query)
    wait_idle(page, 1000)
    rule = page.evaluate("() => getComputedStyle(document.querySelector('[data-testid=\"stMain\"] h1')).wordBreak")
    assert rule == "keep-all", rule
    label = page.locator('[data-testid="stMain"] [data-testid="stWidgetLabel"]').first
    assert label.evaluate("el => getComputedStyle(el.querySelector('p') || el).wordBreak") == "keep-all"
    assert page.evaluate(_CUT_MENUS) == []
