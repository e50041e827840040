"""Convolution and pooling geometry: how big the output of a sliding kernel is, where the kernel lands,
which input cells it never covers, and a small numeric example. No streamlit, no torch.

`output_size` is THE formula ⌊(n + 2p − k)/s⌋ + 1 for one axis: the layer builder's shape checks
(playground/layers.py) and the Convolution page both use it, so the page teaches the rule the app applies.
Convolution here is what PyTorch's conv2d computes (cross-correlation: the kernel is not flipped).
"""

from __future__ import annotations

import numbers
import re
from dataclasses import dataclass

import numpy as np

from playground.errors import UserError

MODES = ("conv", "max", "avg")  # a pooling window is the same geometry with stride = window and no padding
KERNELS = ("vedge", "hedge", "box", "identity")  # named kernels of any size; "custom" is the student's own
MAX_KERNEL_VALUE = 99.0


class DoesNotFit(UserError):
    """The kernel is larger than the (padded) input along one axis: there is no position for it."""


def _whole(value: object, name: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < low:
        raise UserError("conv.error.bad_number", name=name, value=repr(value), low=low)
    return int(value)


def output_size(n: int, k: int, s: int = 1, p: int = 0) -> int:
    """Output length along one axis of a kernel `k` sliding over an input `n` with stride `s` and padding `p`:
    ⌊(n + 2p − k)/s⌋ + 1. DoesNotFit when k > n + 2p (PyTorch refuses such a layer too)."""
    n, k, s, p = _whole(n, "n", 1), _whole(k, "k", 1), _whole(s, "s", 1), _whole(p, "p", 0)
    if k > n + 2 * p:
        raise DoesNotFit("conv.error.does_not_fit", k=k, n=n, padded=n + 2 * p)
    return (n + 2 * p - k) // s + 1


def fits(n: int, k: int, p: int = 0) -> bool:
    """True when a kernel `k` has at least one position on an input `n` padded by `p`."""
    return k <= n + 2 * p


def starts(n: int, k: int, s: int = 1, p: int = 0) -> list[int]:
    """The first padded cell (0 = the first padding cell) of every kernel position along one axis."""
    return [i * s for i in range(output_size(n, k, s, p))] if fits(n, k, p) else []


def uncovered(n: int, k: int, s: int = 1, p: int = 0) -> list[int]:
    """The input cells (0-based, padding not counted) that no kernel position covers along one axis:
    the stride's leftover at the end, and the gaps when the stride is larger than the kernel."""
    covered = np.zeros(n + 2 * p, dtype=bool)
    for start in starts(n, k, s, p):
        covered[start:start + k] = True
    return [i - p for i in range(p, p + n) if not covered[i]]


@dataclass(frozen=True)
class Geometry:
    """A kernel (or pooling window) sliding over a height × width input; positions run row by row."""

    height: int
    width: int
    kernel: int
    stride: int = 1
    padding: int = 0

    @property
    def padded(self) -> tuple[int, int]:
        return self.height + 2 * self.padding, self.width + 2 * self.padding

    @property
    def fits(self) -> bool:
        return fits(self.height, self.kernel, self.padding) and fits(self.width, self.kernel, self.padding)

    @property
    def output(self) -> tuple[int, int]:
        """(rows, columns) of the output; DoesNotFit when the kernel has no position."""
        return (output_size(self.height, self.kernel, self.stride, self.padding),
                output_size(self.width, self.kernel, self.stride, self.padding))

    @property
    def positions(self) -> int:
        rows, cols = self.output if self.fits else (0, 0)
        return rows * cols

    def window(self, index: int) -> tuple[int, int]:
        """The padded (row, column) of the top-left cell of position `index` (row-major, as the output fills)."""
        cols = self.output[1]
        return (index // cols) * self.stride, (index % cols) * self.stride

    def cell(self, index: int) -> tuple[int, int]:
        """The output (row, column) that position `index` fills."""
        return divmod(index, self.output[1])

    def uncovered(self) -> tuple[list[int], list[int]]:
        """Input rows and columns (0-based) that no position covers."""
        k, s, p = self.kernel, self.stride, self.padding
        return uncovered(self.height, k, s, p), uncovered(self.width, k, s, p)


def geometry(height: int, width: int, kernel: int, stride: int, padding: int, mode: str = "conv") -> Geometry:
    """The page's geometry: pooling ignores stride and padding (stride = window, no padding), as the layer builder."""
    if mode not in MODES:
        raise UserError("conv.error.bad_mode", value=repr(mode), choices=", ".join(MODES))
    if mode != "conv":
        return Geometry(height, width, kernel, kernel, 0)
    return Geometry(height, width, kernel, stride, padding)


def advance(index: int, positions: int) -> tuple[int, bool]:
    """One step of Play: the next position, and whether to keep playing (stops on the last one)."""
    if positions <= 0:
        return 0, False
    nxt = min(max(index, -1) + 1, positions - 1)
    return nxt, nxt < positions - 1


# ---------------------------------------------------------------------------- the numeric example

# A digit-like 7 on 7×7 (1 = ink): the stroke a first-layer edge detector finds.
SEVEN = np.array([
    [0, 0, 0, 0, 0, 0, 0],
    [0, 1, 1, 1, 1, 1, 0],
    [0, 0, 0, 0, 1, 1, 0],
    [0, 0, 0, 1, 1, 0, 0],
    [0, 0, 0, 1, 0, 0, 0],
    [0, 0, 1, 1, 0, 0, 0],
    [0, 0, 1, 0, 0, 0, 0],
], dtype=float)


def sample_image(height: int, width: int) -> np.ndarray:
    """The 7 drawn on a height × width grid (nearest cell of the 7×7 drawing; exact at 7×7)."""
    rows = (np.arange(height) * SEVEN.shape[0]) // height
    cols = (np.arange(width) * SEVEN.shape[1]) // width
    return SEVEN[np.ix_(rows, cols)].copy()


def kernel_preset(name: str, k: int) -> np.ndarray:
    """A named k × k kernel: vertical or horizontal edges (+1 left/top of the centre, −1 right/below), all ones
    (the window's sum), or identity (1 in the centre: copies the pixel)."""
    centre = (k - 1) / 2
    if name == "vedge":
        return np.tile(np.sign(centre - np.arange(k)), (k, 1)).astype(float)
    if name == "hedge":
        return kernel_preset("vedge", k).T.copy()
    if name == "box":
        return np.ones((k, k))
    if name == "identity":
        out = np.zeros((k, k))
        out[k // 2 - (1 - k % 2), k // 2 - (1 - k % 2)] = 1.0  # even k: the upper-left of the four centre cells
        return out
    raise UserError("conv.error.bad_kernel_name", value=repr(name), choices=", ".join(KERNELS))


def format_kernel(kernel: np.ndarray) -> str:
    """A kernel for the link: rows separated by ';', values by ','  (e.g. "1,0,-1;1,0,-1;1,0,-1")."""
    return ";".join(",".join(f"{float(v):g}" for v in row) for row in np.asarray(kernel, dtype=float))


def check_kernel(values: object, k: int) -> np.ndarray:
    """`values` as a k × k array of finite numbers within ±MAX_KERNEL_VALUE, else a UserError."""
    try:
        kernel = np.array(values, dtype=float)
    except (TypeError, ValueError):
        raise UserError("conv.error.kernel_numbers") from None
    if kernel.shape != (k, k):
        raise UserError("conv.error.kernel_shape", k=k, shape="×".join(map(str, kernel.shape)) or "1")
    if not np.isfinite(kernel).all():
        raise UserError("conv.error.kernel_numbers")
    if np.abs(kernel).max() > MAX_KERNEL_VALUE:
        raise UserError("conv.error.kernel_range", limit=f"{MAX_KERNEL_VALUE:g}")
    return kernel


def parse_kernel(text: str, k: int) -> np.ndarray:
    """The kernel written by `format_kernel`, checked to be k × k."""
    text = str(text)
    if len(text) > 2000 or not re.fullmatch(r"[0-9eE+\-.,; ]*", text):
        raise UserError("conv.error.kernel_numbers")
    rows = [row.split(",") for row in text.split(";")]
    try:
        values = [[float(v) for v in row] for row in rows]
    except ValueError:
        raise UserError("conv.error.kernel_numbers") from None
    if len({len(row) for row in values}) != 1:
        raise UserError("conv.error.kernel_shape", k=k, shape="?")
    return check_kernel(values, k)


def pad(image: np.ndarray, padding: int) -> np.ndarray:
    """The image with `padding` rings of zeros (what conv2d's padding adds)."""
    return np.pad(np.asarray(image, dtype=float), padding)


def patch(image: np.ndarray, geo: Geometry, index: int, padded: np.ndarray | None = None) -> np.ndarray:
    """The k × k part of the padded image under position `index` (`padded`: the image already padded)."""
    row, col = geo.window(index)
    k = geo.kernel
    return (pad(image, geo.padding) if padded is None else padded)[row:row + k, col:col + k]


def reduce_patch(values: np.ndarray, mode: str, kernel: np.ndarray | None = None) -> float:
    """One output cell: Σ patch ⊙ kernel (conv), or the window's max or mean (pooling)."""
    if mode == "conv":
        return float((values * kernel).sum())
    return float(values.max() if mode == "max" else values.mean())


def output_values(image: np.ndarray, geo: Geometry, mode: str, kernel: np.ndarray | None = None) -> np.ndarray:
    """Every output cell, computed position by position as the page shows it (no bias)."""
    rows, cols = geo.output
    padded = pad(image, geo.padding)
    return np.array([reduce_patch(patch(image, geo, i, padded), mode, kernel)
                     for i in range(rows * cols)]).reshape(rows, cols)
