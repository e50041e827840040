"""In Korean, the Playground's CSV uploader shows Korean text where Streamlit's English was (ui/uploader.py)."""

import tomllib

from tests.conftest import ROOT
from tests.e2e.conftest import open_app, screenshot, wait_idle

LIMIT = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]

# What a reader sees in each part: the element's own text if it has a size, else its ::after content.
_SHOWN = """(sel) => [...document.querySelectorAll('.st-key-playground-csv ' + sel)].map(el => {
    const own = parseFloat(getComputedStyle(el).fontSize) > 0 && el.getBoundingClientRect().width > 0 ? el.innerText : '';
    const after = getComputedStyle(el, '::after');
    return own + (parseFloat(after.fontSize) > 0 && after.content !== 'none' ? JSON.parse(after.content) : ''); })"""


def test_korean_playground_csv_uploader_reads_in_korean(page, app_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, app_url, "", lang="ko", dataset="csv")
    wait_idle(page, 1000)
    uploader = page.locator(".st-key-playground-csv")
    uploader.scroll_into_view_if_needed()
    assert page.evaluate(_SHOWN, '[data-testid="stFileUploaderDropzoneInstructions"] span') == [
        f"파일당 최대 {LIMIT}MB • CSV, TXT"]
    assert page.evaluate(_SHOWN, '[data-testid="stFileUploaderDropzone"] button p') == ["파일 찾기"]
    # Streamlit's English text nodes (all but the upload icon) are still in the page but take no space (font-size 0); a Range over
    # a text node measures that text alone, not the ::after drawn next to it.
    widths = page.evaluate("""() => { const walk = document.createTreeWalker(
        document.querySelector('.st-key-playground-csv [data-testid="stFileUploaderDropzone"]'), NodeFilter.SHOW_TEXT);
        const out = {}; let node;
        while ((node = walk.nextNode())) { if (node.parentElement.closest('[data-testid="stIconMaterial"]')) continue;
            const range = document.createRange(); range.selectNodeContents(node);
            out[node.textContent] = range.getBoundingClientRect().width; }
        return out; }""")
    assert "Upload" in widths and f"{LIMIT}MB per file" in widths and set(widths.values()) == {0}, widths
    # Wrapped, not clipped: the narrow Playground column cut the one-line text to "파일당 최대 12MB • C".
    span = uploader.locator('[data-testid="stFileUploaderDropzoneInstructions"] span')
    assert span.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "the Korean limit text is clipped"
    screenshot(page, "korean_uploader")
