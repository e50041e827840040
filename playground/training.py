"""Training a layer-spec network: data on the device, randperm batches, optimisers, losses, history.

The hot loop is kept as lean as a hand-written PyTorch loop: no DataLoader, no ``.item()``
per batch (batch outputs are kept, detached, and scored once per epoch), one device sync per
epoch or per `train_steps` call. A NaN, infinite or exploding loss stops training with a
sentence telling the user to lower the learning rate, and the last good weights are put back.
"""

from __future__ import annotations

import ctypes
import math
import numbers
import os
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterator, Mapping, Sequence

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from playground import i18n, layers
from playground.dense_fastpath import DenseFastPath
from playground.errors import UserError

OPTIMIZERS = ("sgd", "momentum", "adam", "rmsprop")
LOSSES = ("cross_entropy", "bce", "mse")
REGULARIZATIONS = ("none", "l1", "l2")
MAX_SEED = 2**32 - 1  # seeds are whole numbers 0..MAX_SEED
HISTORY_KEYS = ("epoch", "train_loss", "test_loss", "train_acc", "test_acc")

# An epoch loss this many times the untrained network's loss (at least 1) counts as diverged:
# with a huge learning rate a tanh network's loss grows to hundreds without ever becoming NaN
# (measured on the toy sets: lr 1000 gives 100-400, lr 10 at most 5).
DIVERGENCE_FACTOR = 50.0
# Networks this small on vector inputs run faster on the CPU than on a GPU (launch overhead).
SMALL_MODEL_PARAMS = 10_000
# Data up to this size is shuffled as a whole once an epoch; larger data is gathered per batch.
PRESHUFFLE_BYTES = 64 * 2**20
# Values per activation tensor when evaluating in batches (bounds evaluation memory).
EVAL_VALUES = 2**23


class PhrasedError(UserError):
    """A UserError some of whose parameters are themselves string keys, translated with the sentence.

    Lets one sentence say "the training data" / "훈련 데이터" without a key per combination.
    """

    def __init__(self, key: str, terms: dict[str, str], **params: object) -> None:
        self.terms = terms
        super().__init__(key, **params, **{name: i18n.text(term, "en") for name, term in terms.items()})

    def message(self, lang: str) -> str:
        """The sentence in `lang`, its terms translated too."""
        terms = {name: i18n.text(term, lang) for name, term in self.terms.items()}
        return i18n.text(self.key, lang, **{**self.params, **terms})


def _data_error(key: str, which: str, **params: object) -> PhrasedError:
    return PhrasedError(key, {"which": f"core.train.which.{which}"}, **params)


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides a training run besides the network and the data."""

    optimizer: str = "sgd"  # one of OPTIMIZERS; "momentum" is SGD with momentum 0.9
    learning_rate: float = 0.03  # step size of gradient descent
    batch_size: int = 10  # examples per step (capped at the training set size)
    loss: str = "cross_entropy"  # one of LOSSES; the last layer outputs logits, the loss applies softmax/sigmoid
    regularization: str = "none"  # one of REGULARIZATIONS: L1 adds reg_rate·Σ|w|, L2 adds reg_rate·Σw² (weights, not biases)
    reg_rate: float = 0.0  # strength of the L1/L2 penalty
    weight_decay: float = 0.0  # the optimiser's own weight decay (used by the MNIST page)
    seed: int = 0  # initial weights, shuffling and dropout masks: same seed, same run
    device: str = "auto"  # "auto", "cpu", "cuda", "cuda:N" or "mps"

    def check(self) -> "TrainConfig":
        """Self, or a UserError naming the first bad setting."""
        for setting, value, choices in (
            ("optimizer", self.optimizer, OPTIMIZERS),
            ("loss", self.loss, LOSSES),
            ("regularization", self.regularization, REGULARIZATIONS),
        ):
            if value not in choices:
                raise PhrasedError(
                    "core.train.unknown_choice", {"setting": f"core.train.setting.{setting}"},
                    value=str(value), choices=", ".join(choices),
                )
        check_learning_rate(self.learning_rate)
        if isinstance(self.batch_size, bool) or not isinstance(self.batch_size, numbers.Integral) or self.batch_size < 1:
            raise UserError("core.train.bad_batch_size", value=repr(self.batch_size))
        for setting, value in (("reg_rate", self.reg_rate), ("weight_decay", self.weight_decay)):
            if not _is_number(value) or not _finite(value) or value < 0:
                raise PhrasedError("core.train.bad_rate", {"setting": f"core.train.setting.{setting}"}, value=repr(value))
        if (isinstance(self.seed, bool) or not isinstance(self.seed, numbers.Integral) or self.seed < 0
                or self.seed > MAX_SEED):  # torch.manual_seed overflows past 64 bits (a seed of 2**70)
            raise UserError("core.train.bad_seed", value=_shown(self.seed))
        return self


def _shown(value: object) -> str:
    """A short repr for a sentence (Python refuses to print an int of more than 4,300 digits)."""
    try:
        text = repr(value)
    except ValueError:
        return "…"
    return text if len(text) <= 40 else text[:40] + "…"


def _is_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _finite(value: numbers.Real) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float (10**400) is no usable rate either
        return False


def check_learning_rate(lr: object) -> float:
    """`lr` as a float, or a UserError unless it is a positive finite number."""
    if not _is_number(lr) or not _finite(lr) or lr <= 0:
        raise UserError("core.train.bad_learning_rate", value=repr(lr))
    return float(lr)


# ---------------------------------------------------------------------------- devices


def available_devices() -> list[tuple[str, str]]:
    """[(device id, human label)] for this machine, fastest first; the CPU is always last."""
    devices = []
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            devices.append((f"cuda:{i}", f"CUDA {i}: {torch.cuda.get_device_name(i)}"))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append(("mps", "Apple MPS"))
    devices.append(("cpu", f"CPU ({torch.get_num_threads()} threads)"))
    return devices


def pick_device(name: str = "auto", model_params: int | None = None, vector_input: bool = False) -> torch.device:
    """The torch device for `name` ("auto": the fastest available; UserError if not available).

    With "auto", a network on vector inputs with fewer than SMALL_MODEL_PARAMS parameters
    (the toy playground's) goes to the CPU, where such tiny steps run faster than on a GPU.
    """
    ids = [device for device, _ in available_devices()]
    if name in (None, "", "auto"):
        if model_params is not None and vector_input and model_params < SMALL_MODEL_PARAMS:
            return torch.device("cpu")
        return torch.device(ids[0])
    if name == "cuda" and "cuda:0" in ids:
        name = "cuda:0"
    if name not in ids:
        raise UserError("core.train.unknown_device", device=str(name), choices=", ".join(ids))
    return torch.device(name)


def _thread_local_setters() -> list[Callable[[int], int | None]]:
    """Setters for *this thread's* OpenMP and MKL thread counts, where the torch build has them.

    ``torch.set_num_threads`` would also change the default of threads started later (other
    sessions); these two leave every other thread alone.
    """
    lib_dir = os.path.join(os.path.dirname(torch.__file__), "lib")
    setters: list[Callable[[int], int | None]] = []
    try:
        gomp = ctypes.CDLL(os.path.join(lib_dir, "libgomp.so.1"))
        get_omp, set_omp = gomp.omp_get_max_threads, gomp.omp_set_num_threads
        get_omp.restype, set_omp.argtypes = ctypes.c_int, [ctypes.c_int]

        def omp(n: int) -> int:
            previous = get_omp()
            set_omp(n)
            return previous

        setters.append(omp)
    except (OSError, AttributeError):
        pass
    try:
        mkl = ctypes.CDLL(os.path.join(lib_dir, "libtorch_cpu.so")).MKL_Set_Num_Threads_Local
        mkl.restype, mkl.argtypes = ctypes.c_int, [ctypes.c_int]
        setters.append(mkl)  # returns the previous thread-local value (0 = the global one)
    except (OSError, AttributeError):
        pass
    return setters


_THREAD_SETTERS = _thread_local_setters()


@contextmanager
def single_threaded(enabled: bool = True) -> Iterator[None]:
    """Run this thread's torch ops on one core (thread-local: other sessions are unaffected).

    For a toy network each op is a few microseconds of work, and waking a helper thread costs
    more than the op. On a busy server it is far worse: measured on the shared 2-core machine,
    a toy-network step took 5-20 ms with two threads and 0.3-0.8 ms with one.
    """
    if not enabled or not _THREAD_SETTERS:
        yield
        return
    torch.get_num_threads()  # let torch initialise this thread's settings first, so ours stick
    previous = [setter(1) for setter in _THREAD_SETTERS]
    try:
        yield
    finally:
        for setter, value in zip(_THREAD_SETTERS, previous):
            setter(value)


# ---------------------------------------------------------------------------- registries


def _sgd(params, c: TrainConfig) -> torch.optim.Optimizer:
    return torch.optim.SGD(params, lr=c.learning_rate, weight_decay=c.weight_decay)


def _momentum(params, c: TrainConfig) -> torch.optim.Optimizer:
    return torch.optim.SGD(params, lr=c.learning_rate, momentum=0.9, weight_decay=c.weight_decay)


def _adam(params, c: TrainConfig) -> torch.optim.Optimizer:
    return torch.optim.Adam(params, lr=c.learning_rate, weight_decay=c.weight_decay)


def _rmsprop(params, c: TrainConfig) -> torch.optim.Optimizer:
    return torch.optim.RMSprop(params, lr=c.learning_rate, weight_decay=c.weight_decay)


_OPTIMIZER_FACTORIES: dict[str, Callable[..., torch.optim.Optimizer]] = {
    "sgd": _sgd,
    "momentum": _momentum,
    "adam": _adam,
    "rmsprop": _rmsprop,
}

# name -> loss(output, target, reduction=...) on logits
_LOSS_FUNCTIONS: dict[str, Callable[..., torch.Tensor]] = {
    "cross_entropy": F.cross_entropy,
    "bce": F.binary_cross_entropy_with_logits,
    "mse": F.mse_loss,
}


def _correct_classes(out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return (out.argmax(1) == y).sum()


def _correct_binary(out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return ((out > 0) == (y > 0.5)).sum()


_CORRECT: dict[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor] | None] = {
    "cross_entropy": _correct_classes,
    "bce": _correct_binary,
    "mse": None,
}


# ---------------------------------------------------------------------------- trainer


class Trainer:
    """Trains `specs` on (x_train, y_train), scoring (x_test, y_test) after every epoch.

    x: float array (n, *input_shape); y: int class ids (n,) for cross_entropy, 0/1 (n,) for
    bce, values (n,) or (n, outputs) for mse. The same config and data give the same run.

    Recorded per epoch in `history`: the training loss/accuracy as the mean over the epoch's
    batches (as Keras reports it, free to compute), and the test loss/accuracy of the weights
    at the end of the epoch (None without test data; accuracies are None for mse).
    """

    def __init__(
        self,
        specs: Sequence[dict],
        input_shape: Sequence[int],
        config: TrainConfig,
        x_train: Any,
        y_train: Any,
        x_test: Any = None,
        y_test: Any = None,
    ) -> None:
        self.config = config.check()
        self.specs = [dict(spec) for spec in specs]
        self.infos = layers.validate(specs, input_shape)
        # Refused before anything is allocated: the memory of one step at the batch really used.
        layers.check_step_memory(specs, input_shape, min(int(config.batch_size), max(len(x_train), 1)), config.optimizer)
        self.input_shape = tuple(int(s) for s in input_shape)
        out_shape = self.infos[-1].output_shape
        if len(out_shape) != 1:
            raise UserError("core.train.output_not_vector", shape="×".join(map(str, out_shape)))
        self.n_outputs = out_shape[0]
        if config.loss == "cross_entropy" and self.n_outputs < 2:
            raise UserError("core.train.ce_needs_classes", outputs=self.n_outputs)
        if config.loss == "bce" and self.n_outputs != 1:
            raise UserError("core.train.bce_outputs", outputs=self.n_outputs)
        n_params = layers.total_params(self.infos)
        self.device = pick_device(config.device, n_params, len(self.input_shape) == 1)
        # Tiny CPU networks train (and draw their snapshots) on one thread: see single_threaded.
        self.single_thread = self.device.type == "cpu" and n_params < SMALL_MODEL_PARAMS

        self.x_train, self.y_train = self._tensors(x_train, y_train, "train")
        if len(self.x_train) == 0:
            raise UserError("core.train.no_data")
        self.x_test = self.y_test = None
        if x_test is not None and y_test is not None and len(x_test) > 0:
            self.x_test, self.y_test = self._tensors(x_test, y_test, "test")

        self.model = layers.build(specs, input_shape, seed=config.seed).to(self.device)
        self._has_batchnorm1d = layers.has_kind(self.model, nn.BatchNorm1d)
        if self._has_batchnorm1d and config.batch_size == 1:
            raise UserError("core.train.batchnorm_batch")
        self._mode_matters = layers.has_kind(self.model, (nn.Dropout, nn.modules.batchnorm._BatchNorm))
        dropout_generator = torch.Generator(device=self.device)
        dropout_generator.manual_seed(config.seed + 1)
        for module in self.model.modules():
            if isinstance(module, layers.SeededDropout):
                module.generator = dropout_generator

        self._loss = _LOSS_FUNCTIONS[config.loss]
        self._correct = _CORRECT[config.loss]
        self.optimizer = _OPTIMIZER_FACTORIES[config.optimizer](self.model.parameters(), config)
        self._penalised = [m.weight for m in self.model.modules() if isinstance(m, (nn.Linear, nn.Conv2d))]
        # Tiny dense networks skip autograd (same numbers, several times faster): see dense_fastpath.
        self._fast = DenseFastPath.plan(self.model, config.loss, self.device, self.single_thread)
        self._state = [*self.model.parameters(), *self.model.buffers()]
        self._good = [t.detach().clone() for t in self._state]
        self._good_steps = 0

        n = len(self.x_train)
        self.batch_size = min(int(config.batch_size), n)
        bounds = [(start, min(start + self.batch_size, n)) for start in range(0, n, self.batch_size)]
        if self._has_batchnorm1d and len(bounds) > 1 and bounds[-1][1] - bounds[-1][0] == 1:
            bounds.pop()  # batch norm cannot normalise a batch of one example
        self._bounds = bounds
        self.batches_per_epoch = len(bounds)
        self.examples_per_epoch = bounds[-1][1]
        self._preshuffle = self.x_train.numel() * self.x_train.element_size() <= PRESHUFFLE_BYTES
        values = max(math.prod(self.input_shape), *(math.prod(i.output_shape) for i in self.infos))
        # As few rows as keep each evaluation tensor within EVAL_VALUES: a wide conv layer is
        # evaluated a few digits at a time rather than 256 (400 MB a tensor with 500 filters).
        self._eval_rows = int(min(65536, max(1, EVAL_VALUES // values)))
        self._shuffle_generator = torch.Generator()
        self._shuffle_generator.manual_seed(config.seed)

        self.epoch = 0
        self.steps = 0
        self.examples_seen = 0
        self.train_seconds = 0.0  # wall time spent in train_steps (a run's time per epoch, for comparing runs)
        self.history: dict[str, list] = {key: [] for key in HISTORY_KEYS}
        self.diverged: UserError | None = None
        sample = min(n, 1024)
        self.initial_loss = self._measure(self.x_train[:sample], self.y_train[:sample])[0].item()
        self._start_epoch()

    # ------------------------------------------------------------------ data

    def _tensors(self, x: Any, y: Any, which: str) -> tuple[torch.Tensor, torch.Tensor]:
        try:
            xa = np.asarray(x.detach().cpu() if isinstance(x, torch.Tensor) else x, dtype=np.float32)
            ya = np.asarray(y.detach().cpu() if isinstance(y, torch.Tensor) else y)
        except (TypeError, ValueError) as error:
            raise _data_error("core.train.bad_array", which) from error
        if xa.ndim == 0 or xa.shape[1:] != self.input_shape:
            raise _data_error("core.train.shape_mismatch", which, shape=_shape(xa.shape[1:]), expected=_shape(self.input_shape)
            )
        if ya.ndim == 0 or len(ya) != len(xa):
            raise _data_error("core.train.length_mismatch", which, examples=len(xa), labels=ya.size)
        if not np.isfinite(xa).all():
            raise _data_error("core.train.not_finite", which)
        loss = self.config.loss
        if loss == "cross_entropy":
            ya = self._class_labels(ya, which)
        elif loss == "bce":
            ya = _float_labels(ya, which).reshape(-1, 1)
            bad = ya[(ya != 0) & (ya != 1)]
            if bad.size:
                raise _data_error("core.train.bce_labels", which, value=f"{bad[0]:g}")
        else:
            ya = _float_labels(ya, which)
            ya = ya.reshape(len(ya), -1)
            if ya.shape[1] != self.n_outputs:
                raise _data_error("core.train.mse_outputs", which, outputs=self.n_outputs, columns=ya.shape[1])
        xt, yt = _to_device(xa, self.device), _to_device(ya, self.device)
        return xt, yt

    def _class_labels(self, ya: np.ndarray, which: str) -> np.ndarray:
        if ya.ndim != 1:
            raise _data_error("core.train.length_mismatch", which, examples=len(ya), labels=ya.size)
        if ya.dtype.kind == "f":
            bad = ya[~np.isfinite(ya) | (ya != np.round(ya))]
            if bad.size:
                raise _data_error("core.train.labels_out_of_range", which, high=self.n_outputs - 1, outputs=self.n_outputs,
                    value=f"{bad[0]:g}",
                )
        elif ya.dtype.kind not in "iub":
            raise _data_error("core.train.bad_array", which)
        ya = ya.astype(np.int64)
        bad = ya[(ya < 0) | (ya >= self.n_outputs)]
        if bad.size:
            raise _data_error("core.train.labels_out_of_range", which, high=self.n_outputs - 1, outputs=self.n_outputs,
                value=int(bad[0]),
            )
        return ya

    def _as_input(self, x: Any) -> torch.Tensor:
        xa = np.asarray(x.detach().cpu() if isinstance(x, torch.Tensor) else x, dtype=np.float32)
        if xa.shape[1:] != self.input_shape:
            raise _data_error("core.train.shape_mismatch", "input", shape=_shape(xa.shape[1:]), expected=_shape(self.input_shape))
        return _to_device(xa, self.device)

    # ------------------------------------------------------------------ training

    def _start_epoch(self) -> None:
        perm = torch.randperm(len(self.x_train), generator=self._shuffle_generator).to(self.device)
        self._perm = perm
        self._xs = self.x_train[perm] if self._preshuffle else None
        self._ys = self.y_train[perm]
        self._pos = 0
        self._outs: list[torch.Tensor] = []

    def _remember_good(self) -> None:
        if self._good_steps != self.steps:
            torch._foreach_copy_(self._good, [t.detach() for t in self._state])
            self._good_steps = self.steps

    def _restore_good(self) -> None:
        with torch.no_grad():
            torch._foreach_copy_(self._state, self._good)
        self.steps = self._good_steps
        # Moments of Adam/RMSprop/momentum may hold NaN too: start the optimiser afresh.
        self.optimizer = _OPTIMIZER_FACTORIES[self.config.optimizer](self.model.parameters(), self.config)
        self._start_epoch()

    def _blown_up(self, value: float) -> bool:
        return not math.isfinite(value) or value > DIVERGENCE_FACTOR * max(self.initial_loss, 1.0)

    def _diverge(self, value: float) -> bool:
        lr = self.config.learning_rate
        self.diverged = UserError(
            "core.diverged", value=f"{value:.3g}", epoch=self.epoch + 1, lr=f"{lr:g}", suggestion=f"{lr / 10:g}"
        )
        self._restore_good()
        return False

    def train_steps(self, n: int) -> bool:
        """Train `n` mini-batches (across epoch ends); False if the loss diverged (weights restored)."""
        started = time.perf_counter()
        try:
            with single_threaded(self.single_thread):
                return self._train_steps(n)
        finally:
            self.train_seconds += time.perf_counter() - started

    def _train_steps(self, n: int) -> bool:
        self.diverged = None
        self._remember_good()
        if self._mode_matters:
            self.model.train()
        regularization, rate = self.config.regularization, self.config.reg_rate
        if rate == 0:
            regularization = "none"
        if self._fast is not None:
            self._fast.bind(self.optimizer)  # the learning rate or the optimiser may have changed
        batches = self._fast_batches if self._fast is not None else self._autograd_batches
        loss = None
        while n > 0:
            take = min(n, self.batches_per_epoch - self._pos)
            loss = batches(self._pos, self._pos + take, regularization, rate)
            bounds = self._bounds
            self.examples_seen += bounds[self._pos + take - 1][1] - bounds[self._pos][0]
            self._pos += take
            self.steps += take
            n -= take
            if self._pos == self.batches_per_epoch and not self._finish_epoch():
                return False
        if self._pos and loss is not None:  # stopped mid-epoch: one sync to catch a NaN/inf now
            last, norm = torch.stack([loss.detach(), self._param_norm()]).tolist()
            if not math.isfinite(last) or not math.isfinite(norm):
                return self._diverge(last if not math.isfinite(last) else norm)
            self._remember_good()
        return True

    def _batch_input(self, start: int, stop: int) -> torch.Tensor:
        if self._xs is not None:
            return self._xs[start:stop]
        return self.x_train.index_select(0, self._perm[start:stop])

    def _autograd_batches(self, first: int, end: int, regularization: str, rate: float) -> torch.Tensor:
        """Train batches first..end-1 of the epoch with autograd; the last batch's loss."""
        model, optimizer, loss_fn, bounds = self.model, self.optimizer, self._loss, self._bounds
        penalised, ys, outs = self._penalised, self._ys, self._outs
        for b in range(first, end):
            start, stop = bounds[b]
            out = model(self._batch_input(start, stop))
            loss = loss_fn(out, ys[start:stop])
            optimizer.zero_grad()
            loss.backward()
            if regularization == "l2":
                torch._foreach_add_([p.grad for p in penalised], penalised, alpha=2 * rate)
            elif regularization == "l1":
                torch._foreach_add_([p.grad for p in penalised], torch._foreach_sign(penalised), alpha=rate)
            optimizer.step()
            outs.append(out.detach())
        return loss

    def _fast_batches(self, first: int, end: int, regularization: str, rate: float) -> torch.Tensor:
        """The same as `_autograd_batches`, by `DenseFastPath` (hand-derived gradients)."""
        step, bounds, ys, outs = self._fast.step, self._bounds, self._ys, self._outs
        with torch.no_grad():
            for b in range(first, end):
                start, stop = bounds[b]
                y = ys[start:stop]
                out = step(self._batch_input(start, stop), y, regularization, rate)
                outs.append(out)
            # Only the mid-epoch NaN check reads the loss: computed for the last batch only.
            return self._loss(out, y)

    @property
    def epoch_progress(self) -> float:
        """Fraction of the current epoch already trained (0 at an epoch boundary)."""
        return self._pos / self.batches_per_epoch

    @property
    def steps_to_epoch_end(self) -> int:
        """Mini-batches left in the current epoch."""
        return self.batches_per_epoch - self._pos

    def train_epoch(self) -> bool:
        """Train to the end of the current epoch (a whole epoch when at an epoch boundary)."""
        return self.train_steps(self.steps_to_epoch_end)

    def _param_norm(self) -> torch.Tensor:
        return torch.stack(torch._foreach_norm([p.detach() for p in self.model.parameters()])).sum()

    def _finish_epoch(self) -> bool:
        used = self.examples_per_epoch
        with torch.no_grad():
            out = torch.cat(self._outs)
            y = self._ys[:used]
            measured = [self._loss(out, y), self._param_norm()]
            if self._correct is not None:
                measured.append(self._correct(out, y).float() / used)
            has_test = self.x_test is not None
            if has_test:
                test_loss, test_correct = self._measure(self.x_test, self.y_test)
                measured.append(test_loss)
                if test_correct is not None:
                    measured.append(test_correct / len(self.x_test))
        values = torch.stack([v.float() for v in measured]).tolist()  # the epoch's one sync
        train_loss, norm = values[0], values[1]
        rest = iter(values[2:])
        train_acc = next(rest) if self._correct is not None else None
        test_loss = next(rest) if has_test else None
        test_acc = next(rest) if has_test and self._correct is not None else None
        if self._blown_up(train_loss) or not math.isfinite(norm) or (has_test and not math.isfinite(test_loss)):
            return self._diverge(train_loss if self._blown_up(train_loss) or not math.isfinite(norm) else test_loss)
        self.epoch += 1
        for key, value in zip(HISTORY_KEYS, (self.epoch, train_loss, test_loss, train_acc, test_acc)):
            self.history[key].append(value)
        self._start_epoch()
        self._remember_good()
        return True

    # ------------------------------------------------------------------ evaluation

    def _measure(self, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Mean loss and number correct (None for mse) of the current weights, as tensors (no sync)."""
        was_training = self.model.training
        if self._mode_matters:
            self.model.eval()
        total = torch.zeros((), device=self.device)
        correct = torch.zeros((), device=self.device) if self._correct is not None else None
        with torch.no_grad():
            for start in range(0, len(x), self._eval_rows):
                xb, yb = x[start:start + self._eval_rows], y[start:start + self._eval_rows]
                out = self.model(xb)
                total = total + self._loss(out, yb, reduction="sum")
                if correct is not None:
                    correct = correct + self._correct(out, yb)
        if self._mode_matters and was_training:
            self.model.train()
        # mse sums over every output value; divide so it matches the mean used in training
        per_example = y[0].numel() if y.dim() > 1 else 1
        return total / (len(x) * per_example), correct

    def evaluate(self, x: Any, y: Any) -> tuple[float, float | None]:
        """(mean loss, accuracy or None for mse) of the current weights on (x, y)."""
        xt, yt = self._tensors(x, y, "test")
        with single_threaded(self.single_thread):
            loss, correct = self._measure(xt, yt)
        if correct is None:
            return loss.item(), None
        loss_value, correct_value = torch.stack([loss, correct.float()]).tolist()
        return loss_value, correct_value / len(xt)

    def logits(self, x: Any) -> torch.Tensor:
        """Raw network outputs for `x` (eval mode, no grad, batched), on the CPU."""
        xt = self._as_input(x)
        was_training = self.model.training
        self.model.eval()
        with torch.no_grad(), single_threaded(self.single_thread):
            chunks = [self.model(xt[s : s + self._eval_rows]) for s in range(0, len(xt), self._eval_rows)]
        out = torch.cat(chunks) if chunks else torch.zeros(0, self.n_outputs)
        if was_training:
            self.model.train()
        return out.cpu()

    def predict(self, x: Any) -> np.ndarray:
        """Class probabilities (n, classes) for cross_entropy, P(class 1) (n,) for bce, values for mse."""
        out = self.logits(x)
        if self.config.loss == "cross_entropy":
            return torch.softmax(out, dim=1).numpy()
        if self.config.loss == "bce":
            return torch.sigmoid(out[:, 0]).numpy()
        return (out[:, 0] if self.n_outputs == 1 else out).numpy()

    # ------------------------------------------------------------------ settings and weights

    def set_learning_rate(self, lr: float) -> None:
        """Change the learning rate from the next step on (the run continues)."""
        lr = check_learning_rate(lr)
        self.config = replace(self.config, learning_rate=lr)
        for group in self.optimizer.param_groups:
            group["lr"] = lr

    def state_dict(self) -> dict[str, torch.Tensor]:
        """A CPU copy of the model's weights and buffers."""
        return {name: value.detach().cpu().clone() for name, value in self.model.state_dict().items()}

    def continue_history(self, history: Mapping[str, Sequence]) -> bool:
        """Take over a saved run's per-epoch history, so the epoch count and curves go on from it.

        For a loaded model file: without this it would say "0 epochs done" and draw no curve.
        A history that is not a clean table (epochs 1..n, numbers or None) is ignored: False.
        """
        if not isinstance(history, Mapping) or not isinstance(history.get("epoch"), (list, tuple)):
            return False
        epochs = list(history["epoch"])
        n = len(epochs)
        if n == 0 or epochs != list(range(1, n + 1)):
            return False
        table = {"epoch": epochs}
        for key in HISTORY_KEYS[1:]:
            column = history.get(key)
            column = [None] * n if column is None else list(column) if isinstance(column, (list, tuple)) else []
            ok = len(column) == n and all(
                v is None or (isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)) for v in column)
            if not ok:
                return False
            table[key] = [None if v is None else float(v) for v in column]
        self.history = table
        self.epoch = n
        return True

    def load_state_dict(self, state: dict[str, torch.Tensor]) -> None:
        """Load weights (e.g. from `state_dict`) into the model; they become the last good weights."""
        self.model.load_state_dict(state)
        self._good_steps = -1
        self._remember_good()


def _to_device(array: np.ndarray, device: torch.device) -> torch.Tensor:
    """A tensor on `device`; on the CPU it shares memory with `array` (which is never written to)."""
    with warnings.catch_warnings():
        # Arrays shared between sessions (st.cache_resource) may be read-only; we only read them.
        warnings.filterwarnings("ignore", message="The given NumPy array is not writable")
        return torch.as_tensor(np.ascontiguousarray(array)).to(device)


def _shape(shape: Sequence[int]) -> str:
    return "(" + ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def _float_labels(ya: np.ndarray, which: str) -> np.ndarray:
    try:
        values = ya.astype(np.float32)
    except (TypeError, ValueError) as error:
        raise _data_error("core.train.bad_array", which) from error
    if not np.isfinite(values).all():
        raise _data_error("core.train.not_finite", which)
    return values
