"""Softmax and cross-entropy: logits -> probabilities with the formula filled in, the loss for every class,
temperature, why a constant shift changes nothing, and why classification uses cross-entropy."""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from playground import softmax as sm
from playground.charts import softmax as charts
from playground.errors import UserError
from playground.state import Param
from ui.classroom import plotly_chart
from ui.common import (
    lang, page_header, page_widget, query_values, relabel_after_language_switch, saved_settings, show_error, sync_query, t,
)

P = "softmax/"
LIMIT = sm.LOGIT_LIMIT
DEFAULT = sm.PRESETS["notes_unsure"]
SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
PARAMS = [
    Param("k", len(DEFAULT.logits), int, sm.MIN_CLASSES, sm.MAX_CLASSES),
    # No grid for the logits: the presets' own logits (ln 3 = 1.0986…) sit between the sliders' steps, and a
    # link keeps them, and a typed 0.333, exactly (ten digits).
    *(Param(f"z{i}", DEFAULT.logits[i] if i < len(DEFAULT.logits) else 0.0, float, -LIMIT, LIMIT)
      for i in range(sm.MAX_CLASSES)),
    Param("y", DEFAULT.true_class, int, 0, sm.MAX_CLASSES - 1),
    Param("T", 1.0, float, sm.MIN_TEMPERATURE, 5.0, step=0.1),
    Param("c", 0.0, float, -LIMIT, LIMIT, step=0.5),
    Param("wrt", "p", str, choices=("p", "z")),
]


_saved = partial(saved_settings, P)  # this page's kept settings
_widget = partial(page_widget, P)  # a widget keyed P + name, its value kept in _saved() under name


def _set(name: str, value) -> None:
    st.session_state[P + name] = value
    _saved()[name] = value


def _load(preset: sm.Preset) -> None:
    _set("k", len(preset.logits))
    for i, value in enumerate(preset.logits):
        _set(f"z{i}", float(value))
    _set("y", preset.true_class)
    _set("c", 0.0)


def _num(value: float, digits: int = 3) -> str:
    """A number to `digits` decimals with a real minus sign and no "−0.000"."""
    text = f"{0.0 if abs(value) < 0.5 * 10**-digits else value:.{digits}f}"
    return text.replace("-", "−")


def _short(value: float) -> str:
    """A number for the formula: 3 significant figures, large ones without an exponent up to a million."""
    if abs(value) >= 1000 and abs(value) < 1e6:
        return f"{value:,.0f}"
    return f"{value:.3g}".replace("e+0", "e+").replace("-", "−")


def _mnist_link() -> None:
    try:
        st.page_link("app_pages/mnist.py", label=t("softmax.mnist_link"), icon=":material/draw:",
                     help=t("softmax.mnist_link_help"))
    except StreamlitAPIException:  # the page run on its own (AppTest) has no navigation to link into
        pass
    st.caption(t("softmax.mnist_caption"))


# --- the page ------------------------------------------------------------------------------------

# Korean breaks lines between words (어절), not inside them; the browser's default splits words anywhere.
if lang() == "ko":
    st.html("<style>[data-testid='stMarkdownContainer'] p, [data-testid='stMarkdownContainer'] li, "
            "[data-testid='stCaptionContainer'] {word-break: keep-all; overflow-wrap: anywhere;}</style>")
page_header("softmax")
url = query_values(PARAMS, P + "url")
if P + "seeded" not in st.session_state:
    st.session_state[P + "seeded"] = True
    if url["y"] >= url["k"]:
        st.info(t("softmax.bad_true_class", value=url["y"], count=url["k"], high=url["k"] - 1))
        url["y"] = url["k"] - 1
    _saved().update({name: url[name] for name in url})
relabel_after_language_switch(P, [P + "wrt"])

st.markdown(f"**{t('softmax.presets')}**")
for column, (name, preset) in zip(st.columns(len(sm.PRESETS)), sm.PRESETS.items()):
    column.button(t(f"softmax.preset.{name}"), key=P + "preset_" + name, on_click=_load, args=(preset,),
                  width="stretch", help=t("softmax.preset_help"))

left, right = st.columns([1, 2], gap="large")
with left:
    k = _widget(st.slider, "k", len(DEFAULT.logits), label=t("softmax.classes"),
                min_value=sm.MIN_CLASSES, max_value=sm.MAX_CLASSES, help=t("softmax.classes_help"))
    if _saved().get("y", 0) >= k:  # fewer classes than the chosen answer: the last class becomes the answer
        _set("y", k - 1)
    y = _widget(st.radio, "y", 0, label=t("softmax.true_class"), options=list(range(k)), horizontal=True,
                help=t("softmax.true_class_help"))
    temperature = _widget(st.slider, "T", 1.0, label=t("softmax.temperature"), min_value=sm.MIN_TEMPERATURE,
                          max_value=5.0, step=0.1, help=t("softmax.temperature_help"))
with right:
    st.markdown(f"**{t('softmax.logits')}**")
    logits = []
    per_row = 5
    for start in range(0, k, per_row):
        for column, i in zip(st.columns(per_row), range(start, min(start + per_row, k))):
            with column:
                default = DEFAULT.logits[i] if i < len(DEFAULT.logits) else 0.0
                logits.append(_widget(st.slider, f"z{i}", default, label=t("softmax.logit", sub=str(i).translate(SUB), i=i),
                                      min_value=-LIMIT, max_value=LIMIT, step=0.01))

try:
    z = np.array(logits, dtype=float)
    p = sm.softmax(z, temperature)
    exps = sm.exponentials(z, temperature)
    losses = sm.cross_entropy_for_every_class(z, temperature)
    ce = sm.cross_entropy(z, y, temperature)
    se = sm.squared_error(z, y, temperature)
except UserError as error:  # only reachable with a hand-edited session; keep the page alive
    show_error(error)
    st.stop()
predicted = int(p.argmax())
names = [str(i) for i in range(k)]

st.divider()
bars_column, numbers_column = st.columns([3, 2], gap="large")
with numbers_column:
    m1, m2 = st.columns(2)
    m1.metric(t("softmax.metric.predicted"), predicted)
    m2.metric(t("softmax.metric.p_true"), _num(p[y]))
    m3, m4 = st.columns(2)
    m3.metric(t("softmax.metric.ce"), _num(ce))
    m4.metric(t("softmax.metric.se"), _num(se))
    if predicted == y:
        st.success(t("softmax.right"), icon=":material/check_circle:")
    else:
        st.warning(t("softmax.wrong", predicted=predicted, y=y))
    st.caption(t("softmax.sum_check", total=_num(float(p.sum())), best=_num(float(p.max()))))
    if temperature != 1.0:
        st.info(t("softmax.temperature.effect", t=f"{temperature:g}", here=_num(float(p.max())),
                  one=_num(float(sm.softmax(z).max()))))

# --- the formula ---------------------------------------------------------------------------------
st.subheader(t("softmax.formula.header"))
arg = "z_j" if temperature == 1.0 else r"z_j / T"
scaled = z / temperature
terms = " + ".join(_short(e) for e in exps)
st.latex(rf"p_i = \frac{{e^{{{arg.replace('j', 'i')}}}}}{{\sum_{{j}} e^{{{arg}}}}}"
         rf"\qquad p_{{{y}}} = \frac{{e^{{{_num(scaled[y], 2)}}}}}{{{' + '.join(f'e^{{{_num(s, 2)}}}' for s in scaled)}}}")
st.latex(rf"p_{{{y}}} = \frac{{{_short(exps[y])}}}{{{terms}}} = \frac{{{_short(exps[y])}}}{{{_short(exps.sum())}}}"
         rf" = {_num(p[y])} \qquad L = -\ln p_{{{y}}} = {_num(ce)}")
st.caption(t("softmax.formula.caption"))
table = pd.DataFrame({
    t("softmax.table.class"): names,
    t("softmax.table.z"): [_num(v, 2) for v in z],
    **({t("softmax.table.scaled"): [_num(v, 2) for v in scaled]} if temperature != 1.0 else {}),
    t("softmax.table.exp"): [_short(v) for v in exps],
    t("softmax.table.p"): [_num(v) for v in p],
    t("softmax.table.target"): [1 if i == y else 0 for i in range(k)],
    t("softmax.table.loss"): [_num(v) for v in losses],
})
st.table(table.style.apply(lambda row: ["background-color: #d8f3dc" if row.name == y else "" for _ in row], axis=1),
         hide_index=True)
st.caption(t("softmax.table.caption"))

# --- the notes' two vectors ----------------------------------------------------------------------
st.divider()
st.subheader(t("softmax.notes.header"))
unsure, sure = sm.PRESETS["notes_unsure"], sm.PRESETS["notes_sure"]
st.markdown(t("softmax.notes.body", unsure=_num(sm.cross_entropy(unsure.logits, 0)), sure=_num(sm.cross_entropy(sure.logits, 0))))
st.caption(t("softmax.notes.logits", unsure_z=", ".join(_num(v, 2) for v in unsure.logits),
             sure_z=", ".join(_num(v, 2) for v in sure.logits)))

# --- adding a constant ---------------------------------------------------------------------------
st.divider()
st.subheader(t("softmax.shift.header"))
st.markdown(t("softmax.shift.body"))
shift_controls, shift_result = st.columns([1, 2], gap="large")
with shift_controls:
    constant = _widget(st.slider, "c", 0.0, label=t("softmax.shift.constant"), min_value=-LIMIT, max_value=LIMIT, step=0.5)
    _, shifted, difference = sm.shift_invariance(z, constant, temperature)
    st.metric(t("softmax.shift.difference"), f"{difference:.1e}" if difference else "0")
    shifted_exps = sm.exponentials(np.clip(z + constant, -2 * LIMIT, 2 * LIMIT), temperature)
    st.caption(t("softmax.shift.exps", c=f"{constant:g}", exps=", ".join(_short(v) for v in shifted_exps),
                 factor=_short(float(np.exp(constant / temperature)))))

with bars_column:
    plotly_chart(
        charts.probability_bars(p, names, y, {
            "axis": t("softmax.bars.axis"), "probability": t("softmax.bars.probability"),
            "target": t("softmax.bars.target"), "compare": t("softmax.bars.compare"),
        }, compare=shifted if constant else None),
        key=P + "bars", config={"displayModeBar": False},
    )
with shift_result:
    plotly_chart(
        charts.probability_bars(p, names, y, {
            "axis": t("softmax.bars.axis"), "probability": t("softmax.bars.probability"),
            "target": t("softmax.bars.target"), "compare": t("softmax.bars.compare"),
        }, compare=shifted, height=300),
        key=P + "shift_bars", config={"displayModeBar": False},
    )

# --- cross-entropy against squared error ---------------------------------------------------------
st.divider()
st.subheader(t("softmax.why.header"))
st.markdown(t("softmax.why.body"))
wrt = _widget(st.radio, "wrt", "p", label=t("softmax.why.wrt"), options=["p", "z"], horizontal=True,
              format_func={v: t(f"softmax.why.wrt.{v}") for v in ("p", "z")}.__getitem__)
p_y = float(min(max(p[y], 1e-12), 1.0))
at = sm.loss_at(p_y)
st.markdown(t("softmax.why.here", p=_num(p_y), ce=_num(at["ce"]), ce_grad=_num(at[f"ce_grad_{wrt}"]),
              se=_num(at["se"]), se_grad=_num(at[f"se_grad_{wrt}"])))
plotly_chart(
    charts.loss_chart(sm.loss_curves(), p_y, at, wrt, {
        "x": t("softmax.chart.x"), "y": t("softmax.chart.y"), "ce": t("softmax.chart.ce"), "se": t("softmax.chart.se"),
        "ce_grad": t("softmax.chart.ce_grad"), "se_grad": t("softmax.chart.se_grad"), "here": t("softmax.chart.here"),
    }),
    key=P + "loss_chart", config={"displayModeBar": False},
)
st.caption(t("softmax.why.caption"))

# --- where learning starts -----------------------------------------------------------------------
st.divider()
st.subheader(t("softmax.gradient.header"))
st.markdown(t("softmax.gradient.body", grad=", ".join(_num(v) for v in sm.logit_gradient(z, y, temperature))))
_mnist_link()

sync_query({"k": k, **{f"z{i}": v for i, v in enumerate(logits)}, "y": y, "T": temperature, "c": constant, "wrt": wrt})
