"""The MNIST page's "How it sees" tab: convolution, then every later step, with the trained model's own numbers.

Streamlit side only: playground.conv_explain traces one digit through the model (under
``worker.lock``, only while it is not training) and redoes each step by hand; the charts are in
playground.charts.conv_explain. The tab is a fragment (its controls rerun only the tab); inside it
the sliding kernel is a second fragment that, while playing, reruns itself a few times a second and
nothing else. Play and Pause rerun the page once so that fragment is registered at its new pace.
"""

from __future__ import annotations

import numpy as np
import streamlit as st
from streamlit.errors import StreamlitAPIException

from playground import conv_explain as cx
from playground import conv_geometry, layers
from playground.charts import conv_explain as charts
from playground.charts import mnist as mnist_charts
from playground.datasets import mnist
from playground.worker import TrainingWorker
from ui import lessons
from ui.classroom import plotly_chart
from ui.common import shown_widget, t
from ui.live import live_fragment

P = "mnist/sees/"
POS = P + "pos"  # the kernel's position, 0-based row by row (not a widget key: playing moves it)
PLAYING = P + "playing"
TICK_SECONDS = 0.3  # about three positions a second while playing: readable, and light on a shared server
PLOT_CONFIG = {"displayModeBar": False}
DRAWN = "mnist/drawn"  # the digit drawn on the page's canvas (ui.mnist_inspect.draw_section keeps it)
SANDBOX = "app_pages/convolution.py"  # the kernel/stride/padding sandbox page
LESSON_STATE = P + "lesson"  # the tab's numbers a guided lesson's check reads


def _chart(fig, key: str, fixed: bool = False) -> None:
    plotly_chart(fig, key=P + key, config=PLOT_CONFIG, width="content" if fixed else "stretch")


def _num(value: float, digits: int = 3) -> str:
    """A number for a formula: `digits` decimals, a real minus sign, no "−0.000"."""
    text = f"{0.0 if abs(value) < 0.5 * 10**-digits else value:.{digits}f}"
    return text.replace("-", "−")


def _short(value: float) -> str:
    """A large or tiny number (e^z) to 3 significant figures, as 1.23 \cdot 10^{5}."""
    mantissa, _, exponent = f"{value:.3g}".partition("e")
    return mantissa + (rf" \cdot 10^{{{int(exponent)}}}" if exponent else "")


def _signed(values, first: bool = True) -> str:
    """Numbers added up: "−0.078 + 0.077 − 0.103" (a leading "+ " unless `first`)."""
    parts = []
    for i, value in enumerate(values):
        sign = "−" if value < 0 and abs(value) >= 0.0005 else "+"
        if i == 0 and first:
            parts.append(_num(value))
        else:
            parts.append(f"{sign} {_num(abs(value))}")
    return " ".join(parts)


def _term(value: float) -> str:
    return f"({_num(value)})" if value < 0 and abs(value) >= 0.0005 else _num(value)


def _products_sum(products: np.ndarray, total: float, label: str) -> str:
    """Σ x·w written out one kernel row a line (kernels up to 5×5; larger ones: the sum alone)."""
    k = products.shape[0]
    if k > 5:
        return rf"\sum{label} (x \cdot w) = {_num(total)}"
    rows = [_signed(row, first=i == 0) for i, row in enumerate(products)]
    lines = r" \\ &\quad ".join(rows)
    return rf"\begin{{aligned}} \sum{label} (x \cdot w) &= {lines} \\ &= {_num(total)} \end{{aligned}}"


def _step_name(step: cx.Step) -> str:
    if step.kind in layers.LAYER_KINDS:
        return t(f"core.kind.{step.kind}")
    return t(f"core.layer_act.{step.kind}") if step.kind in layers.LAYER_ACTIVATIONS else step.kind


def _shape(array: np.ndarray) -> str:
    return "×".join(map(str, array.shape))


# --- the digit and its trace ----------------------------------------------------------------------


def _digit(run: dict) -> tuple[np.ndarray, str, tuple] | None:
    """The chosen digit (28×28 uint8), its caption and a cache key; None if the drawn one is chosen but empty."""
    test = run["split"].test
    drawn = st.session_state.get(DRAWN)
    cols = st.columns([1.4, 1], vertical_alignment="bottom")
    source = shown_widget(cols[0].radio, P + "source", t("mnist.sees.source"), options=("test", "drawn"),
                          format_func=lambda s: t(f"mnist.sees.source.{s}"), horizontal=True) or "test"
    if source == "drawn":
        if drawn is None:
            cols[1].caption(t("mnist.sees.no_drawing"))
            return None
        return drawn, t("mnist.sees.drawn_caption"), ("drawn", drawn.tobytes())
    number = shown_widget(cols[1].number_input, P + "digit", t("mnist.sees.digit", n=f"{len(test):,}"), min_value=1,
                          max_value=len(test), value=1, step=1) or 1
    index = min(int(number), len(test)) - 1
    return test.images[index], t("mnist.inspect.true_label", label=int(test.labels[index])), ("test", index)


def _trace(worker: TrainingWorker, run: dict, digit: np.ndarray, key: tuple) -> cx.Trace:
    """The digit traced through the model, cached until the weights or the digit change."""
    with worker.lock:
        full = (run["id"], worker.trainer.steps, key)
        cached = st.session_state.get(P + "trace")
        if cached is None or cached[0] != full:
            x = mnist.to_input(digit[None], *run["normalisation"])[0]
            st.session_state[P + "trace"] = (full, cx.trace(worker.trainer.model, run["specs"], mnist.IMAGE_SHAPE, x))
    return st.session_state[P + "trace"][1]


# --- the tab ----------------------------------------------------------------------------------------


def sees_tab(worker: TrainingWorker, run: dict) -> None:
    """The whole tab (call it inside the tab, only while the worker is not training)."""
    st.caption(t("mnist.sees.help"))
    _sandbox_link()
    _tab(worker, run)


def _sandbox_link() -> None:
    try:
        st.page_link(SANDBOX, label=t("mnist.sees.sandbox_link"), icon=":material/grid_on:")
    except StreamlitAPIException:  # the page run on its own (AppTest) has no navigation to link into
        pass


@st.fragment
def _tab(worker: TrainingWorker, run: dict) -> None:
    if worker.status == "running":  # training started since the page was drawn: the weights are moving
        st.info(t("mnist.inspect.running"))
        return
    if st.session_state.pop(P + "rerun_page", False):
        st.rerun()  # Play or Pause: the sliding kernel's fragment must be registered at its new pace
    chosen = _digit(run)
    if chosen is None:
        return
    digit, caption, key = chosen
    traced = _trace(worker, run, digit, key)
    convs = traced.conv_steps()
    if not convs:
        st.info(t("mnist.sees.no_conv"))
        _path(traced, -1, None)
        return
    cols = st.columns(3, vertical_alignment="bottom")
    which = shown_widget(cols[0].selectbox, P + "layer", t("mnist.sees.layer"), options=convs,
                         format_func=lambda i: t("mnist.sees.layer_option", layer=traced.steps[i].layer,
                                                 filters=traced.steps[i].output.shape[0],
                                                 k=traced.steps[i].spec["kernel"]))
    if which not in convs:  # a network with fewer convolutions than the last one
        which = convs[0]
    step = traced.steps[which]
    filters, out_h, out_w = step.output.shape
    channels = step.input.shape[0]
    picked = shown_widget(cols[1].number_input, P + "filter", t("mnist.sees.filter", n=filters), min_value=1,
                          max_value=filters, value=1, step=1) or 1
    flt = min(int(picked), filters) - 1
    channel = 0
    if channels > 1:
        picked = shown_widget(cols[2].number_input, P + "channel", t("mnist.sees.channel", n=channels), min_value=1,
                              max_value=channels, value=1, step=1) or 1
        channel = min(int(picked), channels) - 1
    count = out_h * out_w
    pos = min(max(int(st.session_state.get(POS, 0)), 0), count - 1)
    st.session_state[POS] = pos
    _controls(count, out_w)
    _sliding_view(traced, which, flt, channel, caption)
    row, col = cx.position(pos, out_w)  # where the view stood (playing moves it on afterwards)
    with st.container(key=P + "path"):
        st.subheader(t("mnist.sees.path_header"))
        st.caption(t("mnist.sees.path_help", filter=flt + 1, row=row + 1, col=col + 1))
        _path(traced, which, (flt, row, col))


def _controls(count: int, width: int) -> None:
    """The position slider and Play/Pause."""
    st.session_state[P + "slider"] = st.session_state[POS] + 1
    cols = st.columns([4, 1.2], vertical_alignment="bottom")
    shown_widget(cols[0].slider, P + "slider", t("mnist.sees.position", n=count), min_value=1,
                 max_value=max(count, 2), step=1, on_change=_slid, help=t("mnist.sees.position_help"))
    playing = bool(st.session_state.get(PLAYING))
    cols[1].button(t("mnist.sees.pause") if playing else t("mnist.sees.play"), key=P + "play", width="stretch",
                   icon=":material/pause:" if playing else ":material/play_arrow:", on_click=_set_playing,
                   args=(not playing, count))


def _slid() -> None:
    st.session_state[POS] = int(st.session_state[P + "slider"]) - 1


def _set_playing(play: bool, count: int) -> None:
    """Play (from the start once the kernel has reached the end) or pause; the page then reruns once."""
    if play and st.session_state.get(POS, 0) >= count - 1:
        st.session_state[POS] = 0
    st.session_state[PLAYING] = play
    st.session_state[P + "rerun_page"] = True


def _playing() -> bool:
    return bool(st.session_state.get(PLAYING))


def _sliding_view(traced: cx.Trace, which: int, flt: int, channel: int, caption: str) -> None:
    # live_fragment: slower ticks while a class trains on the server, and a page rerun (no more timer) if a
    # tick finds the kernel paused.
    live_fragment(_slide, _playing(), TICK_SECONDS, traced, which, flt, channel, caption,
                  stopped=lambda: not _playing())


def _slide(traced: cx.Trace, which: int, flt: int, channel: int, caption: str) -> None:
    """The kernel at the current position: window, numbers, products, sum, the cell it fills; one step on if playing."""
    step = traced.steps[which]
    spec = step.spec
    k, pad = spec["kernel"], spec["padding"]
    filters, out_h, out_w = step.output.shape
    count = out_h * out_w
    pos = min(int(st.session_state.get(POS, 0)), count - 1)
    row, col = cx.position(pos, out_w)
    cell = cx.conv_cell(step, flt, row, col)
    channels = step.input.shape[0]
    st.markdown(t("mnist.sees.at", pos=pos + 1, n=count, row=row + 1, col=col + 1, top=cell.top + 1,
                  left=cell.left + 1))
    # One row reads left to right: the window on the input, its numbers multiplied, the cell it fills.
    cols = st.columns([1, 1.45, 1])
    with cols[0]:
        if which == 0:
            title = t("mnist.sees.input_title", shape=_shape(step.input))
        else:
            title = t("mnist.sees.input_channel_title", channel=channel + 1, n=channels)
        _chart(charts.input_window_figure(step.input[channel], pad, cell.top, cell.left, k, title, grey=which == 0,
                                          size=250), "window")
        st.caption(caption)
    with cols[1]:
        _chart(charts.products_figure(cell.patch[channel], cell.kernel[channel], cell.products[channel],
                                      [t("mnist.sees.patch"), t("mnist.sees.kernel"), t("mnist.sees.products")],
                                      height=150), "products")
        label = "" if channels == 1 else rf"_{{\mathrm{{ch}}\,{channel + 1}}}"
        st.latex(_products_sum(cell.products[channel], float(cell.channel_sums[channel]), label))
        if channels == 1:
            st.latex(rf"{_num(float(cell.channel_sums.sum()))} + b\,({_num(cell.bias)}) = {_num(cell.value)}")
    with cols[2]:
        fig = charts.output_map_figure(cx.filled_so_far(step.output[flt], pos), row, col,
                                       t("mnist.sees.map_title", filter=flt + 1),
                                       span=float(np.abs(step.output[flt]).max()) or 1.0, size=250)
        # The chart keeps a clicked cell selected, so clicking that cell again (after Play or the slider moved
        # the kernel on) would change nothing: each handled click gets a fresh chart, with no selection.
        with st.container(key=P + "map"):
            event = plotly_chart(fig, key=f"{P}map/{st.session_state.get(P + 'clicks', 0)}", config=PLOT_CONFIG,
                                 on_select="rerun", selection_mode="points")
        st.caption(t("mnist.sees.map_help"))
    _clicked(event, out_w, count)
    if channels > 1:  # as CNN Explainer: every input channel's sum, then their total and the bias
        labels = [t("mnist.sees.ch", n=i + 1) for i in range(channels)] + [t("mnist.sees.bias_bar")]
        _chart(charts.channel_sums_figure(cell.channel_sums, cell.bias, labels, t("mnist.sees.channel_sums")), "sums")
        terms = _signed(cell.channel_sums) if channels <= 6 else r"\dots"
        st.latex(rf"\sum_{{c=1}}^{{{channels}}} s_c = {terms} = {_num(float(cell.channel_sums.sum()))}")
        st.latex(rf"{_num(float(cell.channel_sums.sum()))} + b\,({_num(cell.bias)}) = {_num(cell.value)}")
    st.caption(t("mnist.sees.sum_help", value=_num(cell.value), model=_num(cell.model_value), filter=flt + 1,
                 row=row + 1, col=col + 1))
    # What a lesson step checks (ui.lessons.page_state): the cell shown and how many maps its kernel reads.
    st.session_state[LESSON_STATE] = {"sees_value": cell.value, "sees_channels": channels, "sees_pos": pos}
    lessons.live_check("mnist")
    if st.session_state.get(PLAYING):
        following, _ = conv_geometry.advance(pos, count)  # the Convolution page's Play steps the same way
        if following == pos:  # the last position: stop, and let the page register the view without its timer
            st.session_state[PLAYING] = False
            st.rerun()
        st.session_state[POS] = following


def _clicked(event, width: int, count: int) -> None:
    """A click on a cell of the feature map moves the kernel there (the whole page then follows it)."""
    points = list(((event or {}).get("selection") or {}).get("points") or [])
    if not points:
        return
    cell = (int(round(points[0]["y"])), int(round(points[0]["x"])))
    st.session_state[P + "clicks"] = st.session_state.get(P + "clicks", 0) + 1  # the next run draws a fresh chart
    st.session_state[POS] = min(max(cell[0] * width + cell[1], 0), count - 1)
    st.rerun()


# --- after the convolution ------------------------------------------------------------------------


def _path(traced: cx.Trace, start: int, cell: tuple[int, int, int] | None) -> None:
    """Every step after `start` (the chosen convolution; -1: from the input) with its numbers, then softmax."""
    where = cx.followed_cell(traced, start, cell) if cell is not None else [None] * len(traced.steps)
    if start > 0:
        st.caption(t("mnist.sees.before", layer=traced.steps[start].layer, shape=_shape(traced.steps[start].input)))
    for i in range(start + 1, len(traced.steps)):
        step = traced.steps[i]
        st.markdown(t("mnist.sees.step", layer=step.layer, name=_step_name(step), shape=_shape(step.output)))
        if step.kind in layers.LAYER_ACTIVATIONS:
            _activation(step, where[i], i)
        elif step.kind in ("maxpool", "avgpool"):
            _pool(step, where[i], i)
        elif step.kind == "batchnorm":
            _batchnorm(step, where[i])
        elif step.kind == "dropout":
            st.caption(t("mnist.sees.dropout", rate=f"{step.params['rate']:g}"))
        elif step.kind == "conv2d":
            f, r, q = where[i]
            st.caption(t("mnist.sees.later_conv", channels=step.input.shape[0], filter=f + 1, row=r + 1, col=q + 1))
            maps = step.output
            _chart(mnist_charts.feature_map_figure(maps, "", columns=min(8, len(maps))), f"conv{i}")
        elif step.kind == "flatten":
            followed = where[i]
            st.caption(t("mnist.sees.flatten", shape=_shape(step.input), n=f"{step.output.size:,}")
                       + (" " + t("mnist.sees.flatten_cell", index=f"{followed[0] + 1:,}") if followed else ""))
        elif step.kind == "dense":
            _dense(step, last=i == len(traced.steps) - 1, index=i)
    _softmax(traced.logits)


def _activation(step: cx.Step, cell: tuple[int, ...] | None, index: int) -> None:
    formula = {"relu": r"\max(0,\ {x})", "tanh": r"\tanh({x})", "sigmoid": r"\frac{{1}}{{1 + e^{{-{x}}}}}",
               "leaky_relu": r"\mathrm{{LeakyReLU}}({x})", "gelu": r"\mathrm{{GELU}}({x})", "silu": r"{x}\,\sigma({x})",
               "elu": r"\mathrm{{ELU}}({x})"}[step.kind]
    figure, words = st.columns([1.7, 1], vertical_alignment="center")
    with figure:
        if step.output.ndim == 3:
            at = cell or (0, 0, 0)
            c = at[0]
            _chart(charts.before_after_figure(step.input[c], step.output[c], at[1:],
                                              [t("mnist.sees.before_act", channel=c + 1), t("mnist.sees.after_act")]),
                   f"act{index}")
        else:
            at = (int(np.argmax(step.output)),)
            _chart(charts.vector_figure(step.output, t("mnist.sees.after_act"), highlight=at[0]), f"act{index}")
    x, y = float(step.input[at]), float(step.output[at])
    with words:
        st.latex(formula.format(x=_num(x)) + f" = {_num(y)}")
        st.caption(t("mnist.sees.relu" if step.kind == "relu" else "mnist.sees.activation",
                     name=t(f"core.layer_act.{step.kind}"), cell=_cell_text(at)))


def _cell_text(at: tuple[int, ...]) -> str:
    if len(at) == 3:
        return t("mnist.sees.cell3", channel=at[0] + 1, row=at[1] + 1, col=at[2] + 1)
    return t("mnist.sees.cell1", index=at[0] + 1)


def _pool(step: cx.Step, cell: tuple[int, ...] | None, index: int) -> None:
    c, r, q = cell if cell is not None else (0, 0, 0)
    p = cx.pool_cell(step, c, r, q)
    figure, words = st.columns([1.7, 1], vertical_alignment="center")
    with figure:
        _chart(charts.pool_figure(step.input[c], step.output[c], r, q, p.size,
                                  [t("mnist.sees.pool_before", channel=c + 1), t("mnist.sees.pool_after")]),
               f"pool{index}")
    # The window as a matrix, as it sits on the map (up to 3×3; a larger one by its size alone).
    if p.size <= 3:
        window = r"\begin{pmatrix}" + r" \\ ".join(" & ".join(_num(v) for v in row) for row in p.window) + r"\end{pmatrix}"
    else:
        window = rf"(\text{{{p.size}×{p.size}}})"
    with words:
        name = r"\max" if p.kind == "maxpool" else r"\operatorname{mean}"
        st.latex(rf"{name} {window} = {_num(p.value)}")
        st.caption(t(f"mnist.sees.{p.kind}", size=p.size, cell=_cell_text((c, r, q))))


def _batchnorm(step: cx.Step, cell: tuple[int, ...] | None) -> None:
    at = cell or (0,) * step.input.ndim
    x, mean, var, gamma, beta, y = cx.batchnorm_value(step, at)
    st.latex(rf"\gamma\,\frac{{x - \mu}}{{\sqrt{{\sigma^2 + \epsilon}}}} + \beta = {_num(gamma)}\cdot"
             rf"\frac{{{_term(x)} - {_term(mean)}}}{{\sqrt{{{_num(var)} + \epsilon}}}} + {_term(beta)} = {_num(y)}")
    st.caption(t("mnist.sees.batchnorm", cell=_cell_text(at)))


def _dense(step: cx.Step, last: bool, index: int) -> None:
    unit = int(np.argmax(step.output))
    d = cx.dense_unit(step, unit)
    n = d.inputs.size
    if last:
        _chart(charts.vector_figure(step.output, t("mnist.sees.logits"), highlight=unit, names=mnist.CLASS_NAMES),
               f"dense{index}")
        st.latex(rf"z_{{{unit}}} = \sum_{{i=1}}^{{{n}}} w_{{{unit},i}}\,x_i + b_{{{unit}}} = "
                 rf"{_num(d.value - d.bias)} + {_term(d.bias)} = {_num(d.value)}")
        st.caption(t("mnist.sees.logits_help", n=f"{n:,}", digit=unit))
    else:
        _chart(charts.vector_figure(step.output, t("mnist.sees.dense_out", n=step.output.size), highlight=unit),
               f"dense{index}")
        st.latex(rf"y_{{{unit + 1}}} = \sum_{{i=1}}^{{{n}}} w_{{{unit + 1},i}}\,x_i + b_{{{unit + 1}}} = "
                 rf"{_num(d.value - d.bias)} + {_term(d.bias)} = {_num(d.value)}")
        st.caption(t("mnist.sees.dense_help", n=f"{n:,}", units=step.output.size, unit=unit + 1))


def _softmax(logits: np.ndarray) -> None:
    exps, probs = cx.softmax(logits)
    best = int(np.argmax(probs))
    st.markdown(t("mnist.sees.softmax_step"))
    exponents = " + ".join(f"e^{{{_num(z, 2)}}}" for z in logits)
    st.latex(rf"p_{{{best}}} = \frac{{e^{{z_{{{best}}}}}}}{{\sum_j e^{{z_j}}}} = \frac{{e^{{{_num(logits[best], 2)}}}}}"
             rf"{{{exponents}}}")
    st.latex(rf"p_{{{best}}} = \frac{{{_short(exps[best])}}}{{{_short(float(exps.sum()))}}} = {_num(probs[best])}")
    _chart(mnist_charts.probability_figure(probs, mnist.CLASS_NAMES, t("mnist.inspect.probability")), "softmax")
    st.success(t("mnist.sees.prediction", digit=best, p=f"{probs[best]:.1%}"))
