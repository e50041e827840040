"""Copy link in a real browser at 1280x720: the sidebar's button copies the page's whole address (path,
settings, language), by the clipboard API where the browser has one and by a hidden text area where it
has not (a plain-http class server); the copied link opens the page in the same state, in English and Korean.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.e2e.conftest import RUN_TIMEOUT_MS, SCREENSHOTS, wait_idle

VIEW = {"width": 1280, "height": 720}
# Settings no page starts with: a lesson link for the Perceptron's learning rule and its XOR part.
PERCEPTRON = {"gate": "NAND", "w1": "-0.5", "w2": "-0.35", "theta": "-0.7", "bias": "1", "lr": "0.25",
              "epochs": "200", "xor": "-0.5,-0.5,-0.7,0.5,0.5,0.2,0.5,0.5,0.7"}
COPIED = {"en": "Copied", "ko": "복사했습니다"}
LABEL = {"en": "Copy link", "ko": "링크 복사"}
# Where the browser has no clipboard API (http on a LAN): record what a copy event copies.
NO_CLIPBOARD = """
Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
document.addEventListener('copy', (e) => {
  const t = e.target;
  window.__copied = (t && 'value' in t) ? t.value.substring(t.selectionStart, t.selectionEnd)
                                        : String(document.getSelection());
}, true);
"""


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("h1", timeout=RUN_TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stSidebar"] .pg-copy-link button', timeout=RUN_TIMEOUT_MS)
    wait_idle(page, settle_ms=800)
    assert page.locator('[data-testid="stException"]').count() == 0


def _query(url: str) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def _copy(page, lang: str):
    block = page.locator('[data-testid="stSidebar"] .pg-copy-link').first
    button = block.locator("button")
    assert button.inner_text().strip() == LABEL[lang]
    button.click()
    page.wait_for_function("(t) => document.querySelector('[data-testid=\"stSidebar\"] .pg-copy-status')"
                           ".innerText.includes(t)", arg=COPIED[lang], timeout=10_000)
    return block


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_copy_link_copies_the_whole_page_address(browser, app_url, lang):
    context = browser.new_context(viewport=VIEW)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    context.set_default_timeout(RUN_TIMEOUT_MS)
    page = context.new_page()
    try:
        _open(page, f"{app_url}/perceptron?{urlencode({**PERCEPTRON, 'lang': lang})}")
        block = _copy(page, lang)
        assert block.get_attribute("data-copied") == "clipboard"
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == page.url and urlsplit(copied).path == "/perceptron"  # what the address bar says
        query = _query(copied)
        assert {k: query[k] for k in PERCEPTRON} == PERCEPTRON and query["lang"] == lang
        assert block.locator(".pg-copy-text").inner_text().strip() == copied  # shown too, for a projector
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"copy_link_{lang}.png"))
        # the copied link, opened by a student: the page in the same state, so the same link again
        other = context.new_page()
        _open(other, copied)
        assert _query(other.url) == query
        other.close()
    finally:
        context.close()


def test_copy_link_without_a_clipboard_api_falls_back_to_a_text_area(browser, app_url):
    context = browser.new_context(viewport=VIEW)
    context.add_init_script(NO_CLIPBOARD)
    context.set_default_timeout(RUN_TIMEOUT_MS)
    page = context.new_page()
    try:
        _open(page, f"{app_url}/activations?{urlencode({'cmp': 'relu,gelu', 'range': '-2.5,7', 'w1': '0.3'})}")
        assert page.evaluate("() => navigator.clipboard === undefined")
        block = _copy(page, "en")
        assert block.get_attribute("data-copied") == "textarea"
        copied = page.evaluate("() => window.__copied")
        assert copied == page.url
        query = _query(copied)
        assert query["cmp"] == "relu,gelu" and query["range"] == "-2.5,7" and query["w1"] == "0.3"
        assert page.locator("textarea").count() == page.locator('[data-testid="stSidebar"] textarea').count()  # removed
    finally:
        context.close()
