"""The live canvas's own PNG decoder (ui/live_canvas.py), run in Chromium, against the pixels that were encoded:
the app's PNGs (playground/charts/scene.png_b64) and Pillow's, whose encoder picks other row filters and blocks."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest

from playground.charts import scene
from ui import live_canvas


@pytest.fixture(scope="module")
def decoder(browser):
    js = live_canvas._JS
    code = js[js.index("const LEN_BASE"):js.index("function bitmap(")]  # the decoder alone, nothing of the page
    page = browser.new_page()
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=code + "\nwindow.decodePng = decodePng;")
    yield lambda b64: page.evaluate("b64 => { const d = decodePng(b64); return [d.w, d.h, Array.from(d.rgba)]; }", b64)
    page.close()


def _rgba(rgb: np.ndarray) -> list[int]:
    return np.concatenate([rgb, np.full((*rgb.shape[:2], 1), 255, np.uint8)], axis=-1).ravel().tolist()


def _images():
    rng = np.random.default_rng(7)
    y, x = np.mgrid[0:100, 0:100] / 99.0
    yield "smooth map", (np.stack([x, y, 1 - x * y], axis=-1) * 255).astype(np.uint8)  # dynamic Huffman blocks
    yield "noise", rng.integers(0, 256, (40, 60, 3), dtype=np.uint8)  # incompressible: a stored block
    yield "much noise", rng.integers(0, 256, (200, 200, 3), dtype=np.uint8)  # several stored blocks (64 kB each)
    yield "one pixel", np.array([[[12, 200, 99]]], np.uint8)  # fixed Huffman codes
    yield "flat", np.full((24, 24, 3), 230, np.uint8)  # long back-references
    yield "large", np.tile((np.stack([x, y, x * y], axis=-1) * 255).astype(np.uint8), (4, 4, 1))  # several blocks


@pytest.mark.parametrize("name, rgb", list(_images()), ids=[name for name, _ in _images()])
def test_the_canvas_decodes_the_apps_pngs_pixel_for_pixel(decoder, name, rgb):
    w, h, rgba = decoder(scene.png_b64(rgb))
    assert (w, h) == (rgb.shape[1], rgb.shape[0])
    assert rgba == _rgba(rgb), name


@pytest.mark.parametrize("name, rgb", list(_images())[:2], ids=["smooth map", "noise"])
def test_the_canvas_decodes_pillows_pngs_too(decoder, name, rgb):
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(buffer, format="PNG", optimize=True)  # Pillow's own filters and blocks
    w, h, rgba = decoder(base64.b64encode(buffer.getvalue()).decode("ascii"))
    assert (w, h) == (rgb.shape[1], rgb.shape[0]) and rgba == _rgba(rgb), name
