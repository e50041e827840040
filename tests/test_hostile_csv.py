"""CSV files a hostile (or unlucky) student uploads: every problem a sentence, reading bounded.

Each file here reached a traceback, a wrong result or unbounded work before: a field over
csv's 131,072-character limit, values near 1e308 (infinite scale, every point at -0.0), a
200 MB file read whole. Class names as labels (the iris file's "setosa") are accepted and mapped.
"""

from __future__ import annotations

import codecs
import io
import tracemalloc

import numpy as np
import pytest

from playground.datasets import toy
from playground.errors import UserError


def _rows(n: int, label=lambda i: i % 2) -> str:
    return "\n".join(f"{(i % 7) - 3},{(i % 5) - 2},{label(i)}" for i in range(n))


class CountingStream(io.RawIOBase):
    """An endless (or long) file that counts the bytes handed out: reading must stop at a limit."""

    def __init__(self, line: bytes, total: int):
        self.line, self.total, self.given = line, total, 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = min(len(buffer), self.total - self.given)
        if n <= 0:
            return 0
        chunk = (self.line * (n // len(self.line) + 2))[self.given % len(self.line):][:n]
        buffer[:n] = chunk
        self.given += n
        return n


def _refused(content, task="classification") -> UserError:
    with pytest.raises(UserError) as err:
        toy.from_csv(content, task=task)
    message = err.value.message("en")
    assert message.endswith((".", ")")) and "Traceback" not in message and "_csv" not in message
    assert err.value.message("ko") != message
    return err.value


def test_field_longer_than_the_csv_module_allows_is_a_sentence():
    error = _refused((_rows(5) + "\n1," + "9" * 200_000 + ",0\n" + _rows(6)).encode())
    assert "Row 6" in str(error)


@pytest.mark.parametrize("content, key", [
    (b"", "playground.csv.empty"),
    (b"x1,x2,label\n", "playground.csv.too_few_rows"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "playground.csv.not_text"),
    (bytes(np.random.default_rng(0).integers(0, 256, 5000, dtype=np.uint8)), "playground.csv.not_text"),
    (_rows(20).replace(",", "|").encode(), "playground.csv.columns"),
    ("\n".join(f"{1e308 * (-1) ** i},{i},{i % 2}" for i in range(20)).encode(), "playground.csv.range"),
])
def test_broken_files_get_their_sentence(content, key):
    assert _refused(content).key == key


def test_regression_targets_beyond_float32_are_refused():
    assert _refused("\n".join(f"{i},{i},{1e300 * i}" for i in range(20)), task="regression").key == "playground.csv.range"


def test_utf16_with_bom_as_excel_saves_it_is_read():
    text = "x1\tx2\tlabel\n" + _rows(20).replace(",", "\t")
    data = toy.from_csv(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert len(data.x_train) + len(data.x_test) == 20 and data.n_classes == 2


def test_class_names_are_mapped_in_sorted_order():
    names = ("setosa", "versicolor", "virginica")
    text = "sepal_length,sepal_width,species\n" + "\n".join(
        f"{1 + (i % 9) / 3},{2 + (i % 4) / 2},{names[i % 3]}" for i in range(30))
    data = toy.from_csv(text.encode(), test_ratio=0.0)
    assert data.class_names == names and data.n_classes == 3
    # the first three rows are setosa, versicolor, virginica: classes 0, 1, 2
    x = np.concatenate([data.x_train, data.x_test])
    y = np.concatenate([data.y_train, data.y_test])
    first = np.flatnonzero(np.isclose(x[:, 0], 1.0) & np.isclose(x[:, 1], 2.0))
    assert set(y[first]) == {0}
    assert toy.from_csv(_rows(20).encode()).class_names == ()  # numbers keep their meaning


def test_too_many_bytes_stops_reading_at_the_limit():
    stream = CountingStream(b"1,2,0\n", 200 * 2**20)
    assert _refused(stream).key == "playground.csv.too_big"
    assert stream.given <= toy.CSV_MAX_BYTES + 2**20


def test_too_many_rows_stops_parsing_at_the_limit():
    stream = CountingStream(b"1,2,0\n3,4,1\n", 3 * 2**20)  # 520,000 rows, under the byte limit
    error = _refused(stream)
    assert error.key == "playground.csv.too_many_rows" and "20,000" in str(error)


def test_reading_the_largest_allowed_file_stays_small_in_memory():
    content = b"123.456789,-98.7654321,1\n-23.456789,8.7654321,0\n" * (toy.CSV_MAX_ROWS // 2)
    tracemalloc.start()
    try:
        toy.from_csv(io.BytesIO(content))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 * 2**20, f"peak {peak / 2**20:.1f} MB for a {len(content) / 2**20:.1f} MB file"
