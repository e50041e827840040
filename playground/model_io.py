"""Saving and loading a trained network as one file that never runs code when opened.

The file is a zip archive holding ``model.json`` (format tag, layer specs, input shape,
normalisation, class names, training settings and history, and a table of the weights) and
one raw little-endian array per weight under ``tensors/``. Nothing is pickled, so loading
cannot execute anything; files made with ``torch.save`` or ``pickle`` are refused by name,
never unpickled.
"""

from __future__ import annotations

import dataclasses
import io
import json
import math
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import numpy as np
import torch

from playground import layers, training
from playground.errors import UserError

FORMAT = "neural-network-playground/model"
VERSION = 1
MAX_FILE_BYTES = 12 * 2**20  # layers.MAX_PARAMS float32 weights (10 MB) plus room; the server upload limit
# A file's structure is checked against these before anything in it is parsed or inflated: the
# table and settings are a few kB (1 MB allows long histories), a network has a few dozen weights,
# and no weight has more than 4 dimensions (a convolution's).
MAX_JSON_BYTES = 2**20
MAX_ENTRIES = 256
MAX_WEIGHT_DIMS = 4
MAX_EPOCHS = 10_000
_DTYPES = {"float32": np.float32, "float64": np.float64, "float16": np.float16, "int64": np.int64}


@dataclass(frozen=True)
class SavedModel:
    """Everything a model file holds."""

    specs: list[dict]
    input_shape: tuple[int, ...]
    state: dict[str, torch.Tensor]  # the model's state_dict (CPU tensors)
    normalisation: dict[str, float]  # {"mean": ..., "std": ...} applied to pixels scaled to 0..1
    class_names: list[str]
    config: dict[str, Any] = field(default_factory=dict)  # TrainConfig fields, for continuing training
    history: dict[str, list] = field(default_factory=dict)

    def build(self) -> torch.nn.Sequential:
        """The network with these weights (on the CPU)."""
        model = layers.build(self.specs, self.input_shape, seed=0)
        try:
            model.load_state_dict(self.state, strict=True)
        except RuntimeError as error:
            raise UserError("mnist.model.corrupt", reason=str(error).splitlines()[0]) from error
        return model


def save_model(
    specs: Sequence[dict],
    input_shape: Sequence[int],
    state: Mapping[str, torch.Tensor],
    normalisation: Mapping[str, float],
    class_names: Sequence[str],
    config: Mapping[str, Any] | None = None,
    history: Mapping[str, list] | None = None,
) -> bytes:
    """The model file's bytes (see the module docstring)."""
    layers.validate(list(specs), tuple(input_shape))
    table, blobs = [], {}
    for i, (name, tensor) in enumerate(state.items()):
        array = tensor.detach().cpu().contiguous().numpy()
        dtype = array.dtype.name
        if dtype not in _DTYPES:
            raise ValueError(f"cannot save weight {name} of type {dtype}")
        path = f"tensors/{i}.bin"
        table.append({"name": name, "dtype": dtype, "shape": list(array.shape), "file": path})
        blobs[path] = array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes()
    meta = {
        "format": FORMAT,
        "version": VERSION,
        "specs": [dict(s) for s in specs],
        "input_shape": [int(s) for s in input_shape],
        "normalisation": {"mean": float(normalisation["mean"]), "std": float(normalisation["std"])},
        "class_names": [str(c) for c in class_names],
        "config": dict(config or {}),
        "history": {k: list(v) for k, v in (history or {}).items()},
        "tensors": table,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("model.json", json.dumps(meta, indent=1, allow_nan=False))
        for path, blob in blobs.items():
            archive.writestr(path, blob)
    return buffer.getvalue()


def _safe_name(name: str) -> bool:
    """Whether an archive entry name is a plain relative path (nothing is ever extracted; still refused)."""
    parts = name.replace("\\", "/").split("/")
    return bool(name) and not name.startswith("/") and ".." not in parts and "\x00" not in name and ":" not in name


def _read_meta(archive: zipfile.ZipFile) -> dict:
    infos = archive.infolist()  # the zip's directory: sizes are checked here, before anything is inflated
    names = [info.filename for info in infos]
    if any(name.endswith(".pkl") for name in names):  # torch.save's zip format: <name>/data.pkl
        raise UserError("mnist.model.pickle")
    if "model.json" not in names:
        raise UserError("mnist.model.not_model")
    if len(infos) > MAX_ENTRIES:
        raise UserError("mnist.model.corrupt", reason=f"{len(infos)} parts")
    if not all(_safe_name(name) for name in names):
        raise UserError("mnist.model.corrupt", reason="a part has an unsafe name")
    if sum(info.file_size for info in infos) > MAX_FILE_BYTES:
        raise UserError("mnist.model.too_big", limit=MAX_FILE_BYTES // 2**20)
    if archive.getinfo("model.json").file_size > MAX_JSON_BYTES:
        raise UserError("mnist.model.corrupt", reason="the settings part is too large")
    try:
        meta = json.loads(archive.read("model.json").decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # RecursionError: JSON nested 100,000 deep
        raise UserError("mnist.model.not_model") from error
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise UserError("mnist.model.not_model")
    if meta.get("version") != VERSION:
        raise UserError("mnist.model.version", version=str(meta.get("version")))
    return meta


def _read_tensor(archive: zipfile.ZipFile, entry: object, names: set[str]) -> tuple[str, torch.Tensor]:
    if not isinstance(entry, dict) or not {"name", "dtype", "shape", "file"} <= entry.keys():
        raise UserError("mnist.model.corrupt", reason="a weight entry is incomplete")
    name, dtype, shape, path = entry["name"], entry["dtype"], entry["shape"], entry["file"]
    if not isinstance(dtype, str) or not isinstance(path, str) or dtype not in _DTYPES or path not in names:
        raise UserError("mnist.model.corrupt", reason=f"weight {name} cannot be read")
    name = str(name)[:40]
    if (not isinstance(shape, list) or len(shape) > MAX_WEIGHT_DIMS
            or not all(isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in shape)):
        raise UserError("mnist.model.corrupt", reason=f"weight {name} has a bad shape")
    expected = math.prod(shape) * np.dtype(_DTYPES[dtype]).itemsize
    if archive.getinfo(path).file_size != expected:  # checked before the part is inflated
        raise UserError("mnist.model.corrupt",
                        reason=f"weight {name} has {archive.getinfo(path).file_size} bytes instead of {expected}")
    blob = archive.read(path)
    if len(blob) != expected:
        raise UserError("mnist.model.corrupt", reason=f"weight {name} has {len(blob)} bytes instead of {expected}")
    array = np.frombuffer(blob, dtype=np.dtype(_DTYPES[dtype]).newbyteorder("<")).reshape(shape)
    return str(name), torch.from_numpy(array.astype(_DTYPES[dtype]))


def _checked_config(config: object) -> dict:
    """The saved training settings, refused (a sentence) when a page could not use them."""
    if config is None:
        return {}
    if not isinstance(config, dict):
        raise UserError("mnist.model.corrupt", reason="bad training settings")
    fields = {f.name for f in dataclasses.fields(training.TrainConfig)}
    try:
        dataclasses.replace(training.TrainConfig(), **{k: v for k, v in config.items() if k in fields}).check()
    except (TypeError, OverflowError) as error:
        raise UserError("mnist.model.corrupt", reason="bad training settings") from error
    epochs = config.get("epochs", 1)
    if isinstance(epochs, bool) or not isinstance(epochs, int) or not 0 <= epochs <= MAX_EPOCHS:
        raise UserError("mnist.model.corrupt", reason="bad number of epochs")
    return dict(config)


def _checked_history(history: object) -> dict[str, list]:
    if history is None:
        return {}
    if not isinstance(history, dict) or not all(isinstance(v, list) and len(v) <= MAX_EPOCHS for v in history.values()):
        raise UserError("mnist.model.corrupt", reason="bad training history")
    return {str(k): list(v) for k, v in history.items()}


def load_model(data: bytes) -> SavedModel:
    """Read a file made by `save_model`; UserError for anything else (pickles refused unread)."""
    if not isinstance(data, (bytes, bytearray)) or len(data) == 0:
        raise UserError("mnist.model.not_model")
    if len(data) > MAX_FILE_BYTES:
        raise UserError("mnist.model.too_big", limit=MAX_FILE_BYTES // 2**20)
    if data[:1] == b"\x80":  # pickle protocol 2+ (torch.save's legacy format, pickle.dump)
        raise UserError("mnist.model.pickle")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UserError("mnist.model.not_model") from error
    try:
        with archive:
            meta = _read_meta(archive)
            names = set(archive.namelist())
            tensors = meta.get("tensors")
            if not isinstance(tensors, list):
                raise UserError("mnist.model.corrupt", reason="no weight table")
            state = dict(_read_tensor(archive, entry, names) for entry in tensors)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        raise UserError("mnist.model.corrupt", reason=str(error)) from error
    specs, shape = meta.get("specs"), meta.get("input_shape")
    if not isinstance(shape, list):
        raise UserError("mnist.model.corrupt", reason="no input shape")
    layers.validate(specs, tuple(shape))  # a UserError naming the bad layer
    norm = meta.get("normalisation") or {}
    try:
        normalisation = {"mean": float(norm["mean"]), "std": float(norm["std"])}
    except (KeyError, TypeError, ValueError) as error:
        raise UserError("mnist.model.corrupt", reason="no normalisation") from error
    if not (math.isfinite(normalisation["std"]) and normalisation["std"] > 0 and math.isfinite(normalisation["mean"])):
        raise UserError("mnist.model.corrupt", reason="bad normalisation")
    names = meta.get("class_names") or []
    if not isinstance(names, list) or len(names) > 1000:
        raise UserError("mnist.model.corrupt", reason="bad class names")
    class_names = [str(c)[:100] for c in names]
    saved = SavedModel(
        specs=[dict(s) for s in specs], input_shape=tuple(int(s) for s in shape), state=state,
        normalisation=normalisation, class_names=class_names,
        config=_checked_config(meta.get("config")), history=_checked_history(meta.get("history")),
    )
    outputs = layers.validate(saved.specs, saved.input_shape)[-1].output_shape
    if class_names and outputs != (len(class_names),):
        raise UserError("mnist.model.corrupt", reason=f"{len(class_names)} class names for outputs {outputs}")
    saved.build()  # weights must fit the layers: a UserError now rather than at inspection time
    return saved

