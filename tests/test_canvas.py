"""Canvas preprocessing on synthetic strokes and on real MNIST digits blown up and moved around."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from playground import canvas
from playground.datasets import mnist


def _stroke(size=280, rows=(100, 180), cols=(130, 150)) -> np.ndarray:
    """White ink on black (uint8), a filled rectangle standing in for a stroke."""
    image = np.zeros((size, size), dtype=np.uint8)
    image[rows[0] : rows[1], cols[0] : cols[1]] = 255
    return image


def _ring(size=280, centre=(140, 140), radius=70, width=16) -> np.ndarray:
    r, c = np.indices((size, size))
    distance = np.hypot(r - centre[0], c - centre[1])
    return (np.abs(distance - radius) < width / 2).astype(np.uint8) * 255


def _box(image: np.ndarray) -> tuple[int, int]:
    rows, cols = np.flatnonzero(image.any(1)), np.flatnonzero(image.any(0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def test_centred_ring_stays_centred_and_fills_20_pixels():
    out = canvas.preprocess(_ring())
    assert out.shape == (28, 28) and out.dtype == np.uint8
    com = ndimage.center_of_mass(out.astype(float))
    assert abs(com[0] - 14) <= 0.5 and abs(com[1] - 14) <= 0.5
    assert max(_box(out)) in (20, 21)  # the LANCZOS kernel may bleed one faint pixel
    assert out.max() >= 200


@pytest.mark.parametrize("centre", [(60, 60), (220, 50), (150, 230)])
def test_off_centre_ring_is_moved_to_the_centre(centre):
    out = canvas.preprocess(_ring(centre=centre, radius=40))
    com = ndimage.center_of_mass(out.astype(float))
    assert abs(com[0] - 14) <= 0.5 and abs(com[1] - 14) <= 0.5


def test_thin_stroke_in_a_corner_keeps_its_aspect_ratio():
    out = canvas.preprocess(_stroke(rows=(10, 90), cols=(5, 25)))  # 80 tall, 20 wide, top-left corner
    height, width = _box(out > 40)
    assert height in (20, 21) and width in (5, 6, 7)
    com = ndimage.center_of_mass(out.astype(float))
    assert abs(com[0] - 14) <= 0.5 and abs(com[1] - 14) <= 0.5


def test_wide_stroke_is_scaled_by_its_longer_side():
    out = canvas.preprocess(_stroke(rows=(200, 240), cols=(20, 180)))  # 40 tall, 160 wide
    height, width = _box(out > 40)
    assert width in (20, 21) and height in (5, 6, 7)


def test_empty_canvas_gives_nothing():
    assert canvas.preprocess(np.zeros((280, 280), dtype=np.uint8)) is None
    blank_rgba = np.zeros((280, 280, 4), dtype=np.uint8)
    assert canvas.preprocess(blank_rgba) is None


def test_any_colour_scheme_gives_the_same_digit():
    white_on_black = _ring(centre=(100, 160))
    expected = canvas.preprocess(white_on_black)
    black_on_white = 255 - white_on_black
    rgb = np.repeat(black_on_white[..., None], 3, axis=2)
    transparent = np.zeros((280, 280, 4), dtype=np.uint8)  # st_canvas's black strokes on a transparent canvas
    transparent[..., 3] = white_on_black
    opaque_black = np.dstack([white_on_black] * 3 + [np.full_like(white_on_black, 255)])
    for variant in (black_on_white, rgb, transparent, opaque_black):
        assert np.array_equal(canvas.preprocess(variant), expected)


def test_real_digits_blown_up_and_moved_come_back():
    """MNIST digits were made by exactly this recipe, so redoing it on a scaled, moved copy recovers them."""
    digits = mnist.embedded_sample().images[::500][:10]
    for digit in digits:
        big = np.kron(digit, np.ones((8, 8), dtype=np.uint8))  # 224×224
        page = np.zeros((400, 400), dtype=np.uint8)
        page[20:244, 150:374] = big  # pushed to the top right
        out = canvas.preprocess(page).astype(float)
        correlation = np.corrcoef(out.ravel(), digit.astype(float).ravel())[0, 1]
        assert correlation > 0.97  # a two-pixel shift scores below 0.7
