"""Layer specs <-> rows of an editable table (one row a layer, one column a setting).

The MNIST page edits the network in a table; blank cells mean "not set" and settings a kind
does not use are ignored, so switching a row from dense to conv2d needs no clean-up. Turning
rows back into specs never judges them: `playground.layers.validate` does, with its sentences.
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Iterable, Mapping

# table column -> the spec key it feeds, per kind
COLUMNS = ("kind", "units", "kernel", "stride", "padding", "size", "rate", "activation")
_USES: dict[str, dict[str, str]] = {
    "dense": {"units": "units", "activation": "activation"},
    "conv2d": {"units": "filters", "kernel": "kernel", "stride": "stride", "padding": "padding", "activation": "activation"},
    "maxpool": {"size": "size"},
    "avgpool": {"size": "size"},
    "dropout": {"rate": "rate"},
    "flatten": {},
    "batchnorm": {},
}
# Filled into a new row (and into cells a kind needs but left blank by switching kinds).
NEW_ROW = {"kind": "dense", "units": 32, "kernel": None, "stride": None, "padding": None, "size": None, "rate": None,
           "activation": "relu"}


def spec_to_row(spec: Mapping[str, Any]) -> dict[str, Any]:
    """One table row for a layer spec (unused columns None)."""
    row: dict[str, Any] = {column: None for column in COLUMNS}
    kind = spec.get("kind")
    row["kind"] = kind
    for column, key in _USES.get(str(kind), {}).items():
        row[column] = spec.get(key)
    if kind == "conv2d":
        row["stride"] = spec.get("stride", 1)
        row["padding"] = spec.get("padding", 0)
    if kind in ("dense", "conv2d") and row["activation"] is None:
        row["activation"] = "linear"
    return row


def specs_to_rows(specs: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Table rows for a network."""
    return [spec_to_row(spec) for spec in specs]


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isnan(float(value))


def _number(value: Any, column: str) -> Any:
    """Whole numbers as int (the table hands back floats), the dropout rate as float."""
    if column == "rate":
        return float(value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    return value  # left for layers.validate to refuse with its sentence


def row_to_spec(row: Mapping[str, Any]) -> dict[str, Any]:
    """A layer spec from a table row: blank cells and cells the kind does not use are left out."""
    kind = row.get("kind")
    if _blank(kind):
        kind = None
    spec: dict[str, Any] = {"kind": kind}
    for column, key in _USES.get(str(kind), {}).items():
        value = row.get(column)
        if _blank(value):
            continue
        spec[key] = value if column == "activation" else _number(value, column)
    return spec


def rows_to_specs(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A network from table rows (fully blank rows are skipped)."""
    return [row_to_spec(row) for row in rows if not all(_blank(row.get(c)) for c in COLUMNS)]


def move(items: list, index: int, offset: int) -> list:
    """A copy of `items` with the item at `index` moved by `offset` places (clamped at the ends)."""
    items = list(items)
    if not 0 <= index < len(items):
        return items
    target = min(max(index + offset, 0), len(items) - 1)
    items.insert(target, items.pop(index))
    return items


# ---------------------------------------------------------------- a network as short link text
# "conv2d:32:3:1:1:relu,maxpool:2,flatten,dense:10:linear": one layer per comma, its kind then its settings
# in a fixed order (the MNIST page's link). `from_text` only reads the form; layers.validate judges the network.

TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "dense": ("units", "activation"),
    "conv2d": ("filters", "kernel", "stride", "padding", "activation"),
    "maxpool": ("size",),
    "avgpool": ("size",),
    "dropout": ("rate",),
    "flatten": (),
    "batchnorm": (),
}
MAX_TEXT_LAYERS = 32  # more layers than any network the page can train in a lesson


def _field_text(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def to_text(specs: Iterable[Mapping[str, Any]]) -> str:
    """The network as one short line (settings a spec leaves out are written with their defaults)."""
    defaults = {"stride": 1, "padding": 0, "activation": "linear"}
    parts = []
    for spec in specs:
        fields = TEXT_FIELDS.get(str(spec.get("kind")), ())
        parts.append(":".join([str(spec.get("kind"))] + [_field_text(spec.get(f, defaults.get(f))) for f in fields]))
    return ",".join(parts)


def from_text(raw: str) -> list[dict[str, Any]]:
    """Layer specs from `to_text`'s line; ValueError for a form it does not read (unknown kind, wrong count)."""
    specs = []
    layers_text = [part.strip() for part in str(raw).split(",")]
    if not raw.strip() or len(layers_text) > MAX_TEXT_LAYERS:
        raise ValueError(f"{len(layers_text)} layers, not 1..{MAX_TEXT_LAYERS}")
    for part in layers_text:
        kind, *values = [v.strip() for v in part.split(":")]
        fields = TEXT_FIELDS.get(kind)
        if fields is None:
            raise ValueError(f"unknown layer kind {kind!r}")
        optional = 1 if fields and fields[-1] == "activation" else 0  # dense:10 means a linear dense layer
        if not len(fields) - optional <= len(values) <= len(fields):
            raise ValueError(f"{kind} takes {len(fields)} settings")
        spec: dict[str, Any] = {"kind": kind}
        for field, value in zip(fields, values):
            if field == "activation":
                spec[field] = value
            elif field == "rate":
                spec[field] = float(value)
                if not math.isfinite(spec[field]):
                    raise ValueError("not a finite rate")
            else:
                spec[field] = int(value)  # "3.5" or "1e9" is refused here, not rounded
        specs.append(spec)
    return specs
