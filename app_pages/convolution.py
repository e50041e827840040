"""Convolution and pooling: input size, kernel, stride and padding -> the output size with the formula filled in,
the kernel's positions on the padded input (one highlighted; Play slides it), the output grid, and a small
numeric example whose products and sum are written out at the current position."""

from __future__ import annotations

import time
from functools import partial

import numpy as np
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from playground import conv_geometry as cg
from playground.charts import convolution as charts
from playground.errors import UserError
from playground.state import Param, shown_value
from ui.classroom import hidden, plotly_chart
from ui.common import (explain, lang, page_header, page_widget, query_values, relabel_after_language_switch,
                       saved_settings, selected_points, shown_widget, sync_query, t)

P = "conv/"
MAX_SIZE, MAX_KERNEL, MAX_STRIDE, MAX_PADDING = 32, 11, 6, 5
MAX_POSITIONS = (MAX_SIZE + 2 * MAX_PADDING) ** 2
STEP_S = 0.7  # seconds per kernel position while playing
STALE_S = 10 * STEP_S  # a Play that has not ticked for this long was left behind (another page): paused
WRITE_OUT = 5  # the products are written out for windows up to 5×5
KERNEL_CHOICES = (*cg.KERNELS, "custom")
# The teacher's four examples; pooling keeps s = 2, p = 0 so that switching it to convolution keeps the geometry.
PRESETS = {
    "same": dict(h=7, w=7, k=3, s=1, p=1, mode="conv"),
    "stride2": dict(h=8, w=8, k=3, s=2, p=1, mode="conv"),
    "valid": dict(h=7, w=7, k=3, s=1, p=0, mode="conv"),
    "pool": dict(h=8, w=8, k=2, s=2, p=0, mode="max"),
}
PARAMS = [
    Param("h", 7, int, 1, MAX_SIZE),
    Param("w", 7, int, 1, MAX_SIZE),
    Param("k", 3, int, 1, MAX_KERNEL),
    Param("s", 1, int, 1, MAX_STRIDE),
    Param("p", 0, int, 0, MAX_PADDING),
    Param("mode", "conv", str, choices=cg.MODES),
    Param("num", True, bool),
    Param("kern", "vedge", str, choices=KERNEL_CHOICES),
    Param("kv", "", str),  # the kernel's values when kern=custom: rows by ';', values by ','
    Param("pos", 1, int, 1, MAX_POSITIONS),  # the highlighted position, 1-based as on the slider
]


_saved = partial(saved_settings, P)  # this page's kept settings
_widget = partial(page_widget, P)  # a widget keyed P + name, its value kept in _saved() under name


def _set(name: str, value) -> None:
    st.session_state[P + name] = value
    _saved()[name] = value


def _load(name: str) -> None:
    for key, value in PRESETS[name].items():
        _set(key, value)
    _set("pos", 1)
    st.session_state[P + "playing"] = False


def _kernel_picked() -> None:
    choice = st.session_state[P + "kern"]
    if choice in cg.KERNELS:
        _saved()["kv"] = cg.format_kernel(cg.kernel_preset(choice, _saved().get("k", 3)))
        st.session_state.pop(P + "table", None)  # the editor's edits belong to the kernel it showed before


def _table_edited() -> None:
    _set("kern", "custom")  # an edited kernel is the student's own (set in a callback: the select box is drawn)


def _move(to: int) -> None:
    _set("pos", to)


def _toggle_play(positions: int) -> None:
    if st.session_state.get(P + "playing"):
        st.session_state[P + "playing"] = False
        return
    if _saved().get("pos", 1) >= positions:  # at the end: play from the start
        _set("pos", 1)
    st.session_state[P + "playing"] = True
    st.session_state[P + "tick"] = time.monotonic()


def _clicked() -> None:
    """A click on an output cell moves the kernel to the position that fills it."""
    for point in selected_points(P + "output"):
        data = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(data, (list, tuple)) and data:
            _set("pos", int(data[0]))
            st.session_state[P + "playing"] = False
            return


def _num(value: float) -> str:
    """A number for LaTeX: integers plain, others to 2 decimals; negatives keep their sign."""
    if abs(value - round(value)) < 1e-9:
        return str(int(round(value)))
    return f"{value:.2f}"


def _matrix(values: np.ndarray) -> str:
    rows = [" & ".join(_num(v) for v in row) for row in values]
    return r"\begin{bmatrix}" + r" \\ ".join(rows) + r"\end{bmatrix}"


def _formula(name: str, n: int, k: int, s: int, p: int) -> str:
    """One axis of ⌊(n + 2p − k)/s⌋ + 1 with the numbers filled in."""
    top = n + 2 * p - k
    result = top // s + 1
    quotient = str(top // s) if top % s == 0 else f"{top / s:.2f}".rstrip("0")
    return (rf"{name} = \left\lfloor \frac{{n + 2p - k}}{{s}} \right\rfloor + 1 = "
            rf"\left\lfloor \frac{{{n} + 2\cdot {p} - {k}}}{{{s}}} \right\rfloor + 1 = "
            rf"\left\lfloor {quotient} \right\rfloor + 1 = {result}" + (r" \;\le 0" if result <= 0 else ""))


def _unused_sentence(rows: list[int], cols: list[int], s: int, k: int) -> str:
    def listed(items: list[int]) -> str:
        shown = ", ".join(str(i + 1) for i in items[:8])
        return shown + (", …" if len(items) > 8 else "")
    parts = []
    if rows:
        parts.append(t("conv.unused.rows_many" if len(rows) > 1 else "conv.unused.rows", rows=listed(rows)))
    if cols:
        parts.append(t("conv.unused.cols_many" if len(cols) > 1 else "conv.unused.cols", cols=listed(cols)))
    cells = t("conv.unused.both", rows=parts[0], cols=parts[1]) if len(parts) == 2 else parts[0]
    return t("conv.unused", s=s, k=k, cells=cells)


def _mnist_link() -> None:
    try:
        st.page_link("app_pages/mnist.py", label=t("conv.mnist.link"), icon=":material/draw:")
    except StreamlitAPIException:  # the page run on its own (AppTest) has no navigation to link into
        pass


# --- settings --------------------------------------------------------------------------------------

page_header("conv")
url = query_values(PARAMS, P + "url")
first_run = P + "seeded" not in st.session_state
if first_run:  # (also when a lesson step opens the page: ui/lessons.py forgets its settings)
    st.session_state[P + "seeded"] = True
    st.session_state.pop(P + "table", None)  # edits to a kernel table shown before
    st.session_state[P + "playing"] = False
    values = {name: url[name] for name in url if name != "kv"}
    kernel0 = cg.kernel_preset(url["kern"] if url["kern"] in cg.KERNELS else "vedge", url["k"])
    if url["kern"] == "custom":
        try:
            kernel0 = cg.parse_kernel(url["kv"], url["k"])
        except UserError as error:
            if url["kv"] or "kv" not in st.query_params:  # (a value too long to read was reported already)
                st.info(t("conv.bad_kernel_link", value=shown_value(url["kv"]), reason=error.message(lang()).rstrip(".")))
            values["kern"] = "vedge"
    values["kv"] = cg.format_kernel(kernel0)
    _saved().update(values)
relabel_after_language_switch(P, [P + "mode", P + "kern"])

controls, scene = st.columns([0.95, 3], gap="large")
with controls:
    st.markdown(f"**{t('conv.presets')}**")
    for name in PRESETS:
        shown_widget(st.button, P + "preset_" + name, t(f"conv.preset.{name}"), on_click=_load, args=(name,),
                     width="stretch", help=t("conv.preset_help"))
    mode = _widget(st.radio, "mode", "conv", label=t("conv.mode"), options=list(cg.MODES),
                   format_func={m: t(f"conv.mode.{m}") for m in cg.MODES}.__getitem__, help=t("conv.mode_help"))
    h = _widget(st.slider, "h", 7, label=t("conv.height"), min_value=1, max_value=MAX_SIZE)
    w = _widget(st.slider, "w", 7, label=t("conv.width"), min_value=1, max_value=MAX_SIZE)
    k = _widget(st.slider, "k", 3, label=t("conv.kernel"), min_value=1, max_value=MAX_KERNEL)
    if mode == "conv":
        s = _widget(st.slider, "s", 1, label=t("conv.stride"), min_value=1, max_value=MAX_STRIDE)
        p = _widget(st.slider, "p", 0, label=t("conv.padding"), min_value=0, max_value=MAX_PADDING)
    else:  # kept for a switch back to convolution; pooling uses stride = window, no padding
        s, p = _saved().get("s", 1), _saved().get("p", 0)
        st.caption(t("conv.pool_fixed", k=k))
    numbers = _widget(st.toggle, "num", True, label=t("conv.numbers"), help=t("conv.numbers_help"))

if mode == "conv":
    try:
        cg.parse_kernel(_saved().get("kv", ""), k)
    except UserError:  # the kernel size changed: the named kernel at the new size (one's own cannot be resized)
        if _saved().get("kern") not in cg.KERNELS:
            _set("kern", "vedge")
        _saved()["kv"] = cg.format_kernel(cg.kernel_preset(_saved()["kern"], k))
        st.session_state.pop(P + "table", None)

geo = cg.geometry(h, w, k, s, p, mode)
positions = geo.positions
image = cg.sample_image(h, w) if numbers else None
if first_run and positions and url["pos"] > positions:
    st.info(t("conv.bad_pos", value=url["pos"], count=positions))
# The slider's value (moved just now) or the kept one, within this layer's positions: written back before the
# slider is drawn, since a smaller layer has fewer positions.
pos = min(max(int(st.session_state.get(P + "pos", _saved().get("pos", 1))), 1), max(positions, 1))
if st.session_state.get(P + "pos", pos) != pos:
    st.session_state[P + "pos"] = pos
_saved()["pos"] = pos
if positions <= 1 or time.monotonic() - st.session_state.get(P + "tick", 0.0) > STALE_S:
    # (no tick for a while: the student went to another page while it played, and finds it paused on return)
    st.session_state[P + "playing"] = False
playing = bool(st.session_state.get(P + "playing"))

# --- the output size -------------------------------------------------------------------------------

with scene:
    ph, pw = geo.padded
    if h == w:
        st.latex(_formula("H = W", h, k, geo.stride, geo.padding))
    else:
        st.latex(_formula("H", h, k, geo.stride, geo.padding))
        st.latex(_formula("W", w, k, geo.stride, geo.padding))
    padded = t("conv.padded", ph=ph, pw=pw) if geo.padding else ""
    if geo.fits:
        st.markdown(t("conv.summary", oh=geo.output[0], ow=geo.output[1], n=positions, h=h, w=w, padded=padded))
    else:
        st.markdown(t("conv.summary.none", h=h, w=w, padded=padded))
    gone_rows, gone_cols = geo.uncovered() if geo.fits else ([], [])
    if not geo.fits:
        st.error(t("conv.not_fit", k=k, h=h, w=w, ph=ph, pw=pw))
    elif gone_rows or gone_cols:
        st.warning(_unused_sentence(gone_rows, gone_cols, geo.stride, k))
    elif geo.output == (h, w) and k > 1:
        st.success(t("conv.same_size"))


# --- the sliding kernel (a fragment: Play and the position redraw only this part) ---------------------

def _kernel() -> tuple[str, np.ndarray | None]:
    """The kernel's name and values: the named choice or the student's own table (convolution with numbers)."""
    if mode != "conv":
        return _saved().get("kern", "vedge"), None
    kernel = cg.parse_kernel(_saved()["kv"], k)
    if not (numbers and geo.fits):  # nothing to compute: the kernel's table waits undrawn
        return _saved().get("kern", "vedge"), kernel
    kern = _widget(st.selectbox, "kern", "vedge", label=t("conv.kernel_values"), options=list(KERNEL_CHOICES),
                   format_func={c: t(f"conv.kern.{c}") for c in KERNEL_CHOICES}.__getitem__,
                   on_change=_kernel_picked, help=t("conv.kernel_help"))
    if hidden(P + "table", t("conv.kernel_table")):
        return kern, kernel
    # The editor keeps its edits as changes to the table it was given: give it the same table until a
    # named kernel or a new size replaces it.
    if P + "table" not in st.session_state:
        _saved()["base"] = _saved()["kv"]
    columns = [str(j + 1) for j in range(k)]
    edited = st.data_editor(
        pd.DataFrame(cg.parse_kernel(_saved()["base"], k), columns=columns), key=P + "table", hide_index=True,
        on_change=_table_edited, column_config={c: st.column_config.NumberColumn(c, format="%g", width=44) for c in columns},
    )
    try:
        kernel = cg.check_kernel(edited.to_numpy(dtype=float), k)
        _saved()["kv"] = cg.format_kernel(kernel)
    except (UserError, TypeError, ValueError) as error:
        reason = error.message(lang()) if isinstance(error, UserError) else t("conv.error.kernel_numbers")
        st.error(t("conv.bad_kernel", reason=reason))
    return kern, kernel


def _products(index: int, kernel: np.ndarray | None) -> None:
    window = cg.patch(image, geo, index)
    if k > WRITE_OUT:
        st.caption(t("conv.products.too_big", k=k, count=k * k))
        return
    if mode == "conv":
        value = cg.reduce_patch(window, mode, kernel)
        st.latex(rf"{_matrix(window)} \odot {_matrix(kernel)} = {_matrix(window * kernel)}"
                 rf"\;\xrightarrow{{\;\Sigma\;}}\; {_num(value)}")
    elif mode == "max":
        st.latex(rf"\max {_matrix(window)} = {_num(window.max())}")
    else:
        st.latex(rf"\operatorname{{mean}} {_matrix(window)} = \frac{{{_num(window.sum())}}}{{{k * k}}} = {_num(window.mean())}")
    st.caption(t(f"conv.products.{mode}"))


def _scene() -> None:
    if bool(st.session_state.get(P + "playing")) != playing:
        st.rerun()  # Play or Pause was pressed: the whole page again, so this part ticks (or stops ticking)
    current = min(max(int(_saved().get("pos", 1)), 1), max(positions, 1))
    if playing:
        now = time.monotonic()
        if now - st.session_state.get(P + "tick", 0.0) >= STEP_S * 0.8:
            index, keep = cg.advance(current - 1, positions)
            current = index + 1
            _set("pos", current)
            st.session_state[P + "tick"] = now
            if not keep:  # the last position: stop (the whole page again: Play's label, no more ticks)
                st.session_state[P + "playing"] = False
                st.rerun()
    if positions > 1:
        play, back, forward, slider = st.columns([1.4, 1, 1, 2.4], vertical_alignment="bottom")
        with play:
            shown_widget(st.button, P + "play", t("conv.pause" if playing else "conv.play"), type="primary",
                         icon=":material/pause:" if playing else ":material/play_arrow:", on_click=_toggle_play,
                         args=(positions,), help=t("conv.play_help"), width="stretch")
        with back:
            shown_widget(st.button, P + "prev", t("conv.prev"), icon=":material/chevron_left:", on_click=_move,
                         args=(current - 1,), disabled=current <= 1, width="stretch")
        with forward:
            shown_widget(st.button, P + "next", t("conv.next"), icon=":material/chevron_right:", on_click=_move,
                         args=(current + 1,), disabled=current >= positions, width="stretch")
        with slider:
            current = _widget(st.slider, "pos", 1, label=t("conv.position"), min_value=1, max_value=positions,
                              help=t("conv.position_help"))
    index = current - 1
    grids = st.container()
    if geo.fits:
        (r, c), (r0, c0) = geo.cell(index), geo.window(index)
        st.caption(t("conv.at", i=current, n=positions, r=r + 1, c=c + 1, r0=r0 + 1, r1=r0 + k, c0=c0 + 1, c1=c0 + k))
    explain(t("conv.grids_caption"))
    kern, kernel = _kernel_section(index)
    values = cg.output_values(image, geo, mode, kernel) if numbers and geo.fits else None
    cell = t("conv.chart.cell", r="{r}", c="{c}")
    left, right = grids.columns([3, 2], gap="medium")
    with left:
        plotly_chart(charts.input_figure(geo, index, {
            "title": t("conv.chart.input_padded" if geo.padding else "conv.chart.input", h=h, w=w,
                       ph=geo.padded[0], pw=geo.padded[1]), "cell": cell,
            "padding": t("conv.chart.padding"), "uncovered": t("conv.chart.uncovered"),
            "value": t("conv.chart.value"), "position": t("conv.chart.position"),
        }, image=image, uncovered=(gone_rows, gone_cols)), key=P + "input", config={"displayModeBar": False})
    with right:
        if geo.fits:
            plotly_chart(charts.output_figure(geo, index, {
                "title": t("conv.chart.output", oh=geo.output[0], ow=geo.output[1]), "cell": cell,
                "value": t("conv.chart.value"), "position": t("conv.chart.position"),
            }, values=values, diverging=mode == "conv"), key=P + "output", config={"displayModeBar": False},
                on_select=_clicked, selection_mode="points")
        else:
            st.markdown(f"**{t('conv.chart.no_output')}**")
    # The link follows the kernel as it slides (this part reruns on its own while playing).
    sync_query({"h": h, "w": w, "k": k, "s": s, "p": p, "mode": mode, "num": numbers, "kern": kern,
                **({"kv": _saved()["kv"]} if kern == "custom" else {}), "pos": current})


def _kernel_section(index: int) -> tuple[str, np.ndarray | None]:
    """The numeric example under the grids: the kernel's table (convolution) and the products at `index`."""
    if not (numbers and geo.fits):
        return _kernel()
    st.markdown(f"**{t('conv.numbers.header')}**")
    table, sums = st.columns([1.2, 3], gap="medium")
    with table:
        kern, kernel = _kernel()
    with sums:
        _products(index, kernel)
        st.caption(t("conv.image_caption"))
    return kern, kernel


with scene:
    st.fragment(_scene, run_every=STEP_S if playing else None)()
    explain(t("conv.formula.caption"))

# --- in a real network -----------------------------------------------------------------------------

st.divider()
st.subheader(t("conv.mnist.header"))
explain(t("conv.mnist.body"))
_mnist_link()
