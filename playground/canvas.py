"""A drawing from the canvas -> a 28×28 image prepared the way MNIST digits were.

MNIST's digits were cropped to their ink, scaled (keeping the aspect ratio) to fit a 20×20 box
with anti-aliasing, and placed in a 28×28 image so that their centre of mass sits at the
centre, pixel (14, 14). A network trained on MNIST expects exactly that, so a drawing that
skipped these steps (a small digit in a corner, say) would be misread.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

SIZE = 28  # output image side
BOX = 20  # the digit's longer side after scaling
CENTRE = 14.0  # where the centre of mass goes (row, column), as in MNIST
INK_THRESHOLD = 0.1  # fraction of the strongest ink below which a pixel counts as background


def ink(image: np.ndarray) -> np.ndarray:
    """Ink intensity 0..1 (H, W) of a grey, RGB or RGBA image, whatever the background colour.

    uint8 images are 0..255, float images 0..1. On a transparent RGBA canvas the ink is the
    alpha channel; otherwise a light background (judged from the border pixels) is inverted,
    so dark-on-light and light-on-dark drawings both work.
    """
    raw = np.asarray(image)
    a = raw.astype(np.float32) / (255.0 if raw.dtype == np.uint8 else 1.0)
    if a.ndim == 3 and a.shape[2] == 4:
        alpha = a[..., 3]
        if alpha.mean() < 0.99:  # transparent background: the strokes are wherever alpha is
            return np.clip(alpha, 0.0, 1.0)
        a = a[..., :3].mean(axis=2)
    elif a.ndim == 3:
        a = a[..., :3].mean(axis=2)
    elif a.ndim != 2:
        raise ValueError(f"expected an image (H, W) or (H, W, 3|4), got shape {a.shape}")
    border = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]])
    if np.median(border) > 0.5:
        a = 1.0 - a
    return np.clip(a, 0.0, 1.0)


def center_of_mass(image: np.ndarray) -> tuple[float, float]:
    """(row, column) of the intensity-weighted centre of a 2-D image."""
    image = np.asarray(image, dtype=np.float64)
    total = image.sum()
    if total <= 0:
        return (float("nan"), float("nan"))
    rows, cols = np.indices(image.shape)
    return float((rows * image).sum() / total), float((cols * image).sum() / total)


def preprocess(image: np.ndarray) -> np.ndarray | None:
    """The drawing as a 28×28 uint8 MNIST-style digit (ink 255 on 0), or None if nothing is drawn."""
    strength = ink(image)
    peak = strength.max(initial=0.0)
    if peak <= 0.02:
        return None
    mask = strength > INK_THRESHOLD * peak
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    crop = strength[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1] / peak
    height, width = crop.shape
    scale = BOX / max(height, width)
    new_w, new_h = max(1, round(width * scale)), max(1, round(height * scale))
    small = Image.fromarray(np.rint(crop * 255).astype(np.uint8)).resize((new_w, new_h), Image.LANCZOS)
    box = np.asarray(small, dtype=np.float32)
    if box.sum() <= 0:  # a speck that vanished when scaled: keep it visible
        box = np.full((new_h, new_w), 255.0, dtype=np.float32)
    com_row, com_col = center_of_mass(box)
    top = int(np.clip(round(CENTRE - com_row), 0, SIZE - new_h))
    left = int(np.clip(round(CENTRE - com_col), 0, SIZE - new_w))
    out = np.zeros((SIZE, SIZE), dtype=np.float32)
    out[top : top + new_h, left : left + new_w] = box
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)
