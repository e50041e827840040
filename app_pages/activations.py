"""Activation functions: compare f and f′, one neuron over the plane, and why the derivative decides learning."""

import numpy as np
import streamlit as st

from playground import activations as A
from playground.charts import activations as charts
from playground.errors import UserError
from playground.state import Param, name_list, number_list
from ui.common import explain, lang, own_text, page_header, query_values, show_error, shown_widget, sync_query, t
from ui.classroom import plotly_chart

P = "activations/"  # session-state namespace of this page
LIMIT = 3.0  # the neuron's plane is [-LIMIT, LIMIT]²
MAX_LAYERS = 30

RANGE_LIMIT, RANGE_STEP = 10.0, 0.5  # the comparison's x range slider
DEFAULT_RANGE = (-5.0, 5.0)


def _x_range(raw: str) -> tuple[float, float]:
    """The comparison's range from the link ("-5,5"): two slider steps, the first below the second."""
    low, high = number_list(2, -RANGE_LIMIT, RANGE_LIMIT)(raw)
    if low >= high or any(abs(v / RANGE_STEP - round(v / RANGE_STEP)) > 1e-9 for v in (low, high)):
        raise ValueError(f"{raw!r} is not a range on the slider's steps")
    return low, high


# The page's whole state travels in a share link (?act=relu&w1=2&cmp=relu,tanh&range=-5,5...).
URL_PARAMS = [
    Param("act", "sigmoid", str, choices=A.NAMES),
    Param("w1", 1.0, float, -LIMIT, LIMIT, step=0.1),
    Param("w2", 1.0, float, -LIMIT, LIMIT, step=0.1),
    Param("b", -0.5, float, -LIMIT, LIMIT, step=0.1),
    Param("x1", 1.0, float, -LIMIT, LIMIT, step=0.1),
    Param("x2", -1.0, float, -LIMIT, LIMIT, step=0.1),
    Param("n", 10, int, 1, MAX_LAYERS),
    Param("cmp", ("step", "sigmoid", "tanh", "relu"), parser=name_list(A.NAMES)),
    Param("range", DEFAULT_RANGE, parser=_x_range),
    Param("fn", True, bool),
    Param("deriv", True, bool),
]
LINK_NAMES = {"cmp": "compare", "range": "x_range", "fn": "show_fn", "deriv": "show_deriv"}  # link name -> widget
TRANSLATED_CHOICES = ("compare", "act")  # widgets whose option labels depend on the language


def display_names() -> dict[str, str]:
    """Display name of every activation in the session's language (fixed for this run, for format_func)."""
    return {n: t(A.get(n).label_key) for n in A.NAMES}


def fmt(value: float) -> str:
    """A value to three decimals, without a confusing "-0.000"."""
    return f"{0.0 if abs(value) < 5e-4 else value:.3f}"


def term(value: float) -> str:
    """A slider value inside a sum, negatives in parentheses: "(-0.5)"."""
    return f"({value:g})" if value < 0 else f"{value:g}"


SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def ratio_text(n: int) -> str:
    """4ⁿ for the vanishing-gradient sentence: exact while it is short, else as a power of ten.

    A 19-digit integer (4³⁰) tells a class nothing; "(4³⁰ ≈ 1.2 × 10¹⁸)" tells the size.
    """
    ratio = 4**n
    if ratio < 1_000_000:
        return f"{ratio:,}"
    mantissa, exponent = f"{ratio:.1e}".split("e")
    return f"(4{str(n).translate(SUPERSCRIPT)} ≈ {mantissa} × 10{str(int(exponent)).translate(SUPERSCRIPT)})"


def init_widgets() -> None:
    """Give every widget its starting value: the last values this session used, else the link, else defaults.

    (Streamlit forgets a widget's value when its page is left, so the values are kept in "activations/saved".)
    """
    url = query_values(URL_PARAMS, P + "url")  # values between the sliders' steps are moved onto them, with a notice
    start = {LINK_NAMES.get(name, name): value for name, value in url.items()}
    for key, value in {**start, **st.session_state.get(P + "saved", {})}.items():
        st.session_state.setdefault(P + key, list(value) if key == "compare" else value)
    # Select boxes remember their choice by its displayed label; after a language switch those labels
    # change, so hand the choices back through session state, which makes the browser show the new labels.
    if st.session_state.get(P + "lang") != lang():
        for key in TRANSLATED_CHOICES:
            st.session_state[P + key] = st.session_state[P + key]
        st.session_state[P + "lang"] = lang()


page_header("activations")
init_widgets()
NAME = display_names()

# ---------------------------------------------------------------- compare functions
st.subheader(t("activations.compare.header"))
explain(t("activations.compare.explain"))
picked = shown_widget(
    st.multiselect, P + "compare",
    t("activations.compare.pick"), A.NAMES, format_func=NAME.__getitem__, help=t("activations.compare.pick_help"),
    placeholder=own_text("common.choose_options"),
)
col_fn, col_deriv, col_range = st.columns([1, 1, 2], vertical_alignment="center", gap="large")
show_fn = shown_widget(col_fn.toggle, P + "show_fn", t("activations.compare.show_fn"))
show_deriv = shown_widget(col_deriv.toggle, P + "show_deriv", t("activations.compare.show_deriv"))
x_range = shown_widget(
    col_range.slider, P + "x_range",
    t("activations.compare.x_range"), -10.0, 10.0, step=0.5, help=t("activations.compare.x_range_help")
)
try:
    x = A.x_grid(*x_range)
    st.session_state[P + "good_range"] = x_range
except UserError as error:
    show_error(error)
    x = A.x_grid(*st.session_state.get(P + "good_range", DEFAULT_RANGE))

if not picked:
    st.info(t("activations.compare.none"))
elif not (show_fn or show_deriv):
    st.info(t("activations.compare.nothing_shown"))
else:
    curves = [charts.Curve(n, NAME[n], A.apply(n, x), A.derivative(n, x)) for n in picked]
    plotly_chart(
        charts.functions_chart(
            x, curves, show_function=show_fn, show_derivative=show_deriv,
            x_label=t("activations.chart.x"), y_label=t("activations.chart.y"),
            derivative_label=t("activations.chart.derivative"),
        ),
        key=P + "functions_chart",
    )
if picked:
    st.markdown(f"##### {t('activations.compare.details')}")
    per_row = 3
    for start in range(0, len(picked), per_row):
        for column, n in zip(st.columns(per_row), picked[start : start + per_row]):
            activation = A.get(n)
            with column.container(border=True):
                st.markdown(f"**{NAME[n]}**")
                st.latex(activation.formula)
                st.latex(activation.derivative_formula)
                st.caption(t("activations.facts", range=activation.output_range, slope=f"{activation.max_derivative:.3g}"))
                st.markdown(t(activation.use_key))

# ---------------------------------------------------------------- one neuron with two inputs
st.divider()
st.subheader(t("activations.neuron.header"))
explain(t("activations.neuron.explain"))
controls, picture = st.columns([1, 2], gap="large")
with controls:
    act = shown_widget(st.selectbox, P + "act", t("activations.neuron.activation"), A.NAMES, format_func=NAME.__getitem__)
    w1 = shown_widget(st.slider, P + "w1", t("activations.neuron.w1"), -LIMIT, LIMIT, step=0.1)
    w2 = shown_widget(st.slider, P + "w2", t("activations.neuron.w2"), -LIMIT, LIMIT, step=0.1)
    b = shown_widget(st.slider, P + "b", t("activations.neuron.b"), -LIMIT, LIMIT, step=0.1)
    st.markdown(f"**{t('activations.neuron.point')}**")
    x1 = shown_widget(st.slider, P + "x1", t("activations.neuron.x1"), -LIMIT, LIMIT, step=0.1)
    x2 = shown_widget(st.slider, P + "x2", t("activations.neuron.x2"), -LIMIT, LIMIT, step=0.1)

z = float(A.net_input(w1, w2, b, x1, x2))
y = float(A.apply(act, z))
slope = float(A.derivative(act, z))
axis1, axis2, grid = A.neuron_grid(act, w1, w2, b, limit=LIMIT)
segment = A.decision_segment(w1, w2, b, limit=LIMIT)
with picture:
    m_net, m_out, m_slope = st.columns(3)
    m_net.metric(t("activations.neuron.net"), fmt(z))
    m_out.metric(t("activations.neuron.output"), fmt(y))
    m_slope.metric(t("activations.neuron.slope"), fmt(slope))
    st.markdown(t("activations.neuron.calc", w1=term(w1), x1=term(x1), w2=term(w2), x2=term(x2), b=term(b), z=fmt(z), y=fmt(y)))
    plotly_chart(
        charts.neuron_heatmap(
            axis1, axis2, grid, segment=segment, point=(x1, x2), point_value=y,
            midpoint=float(A.apply(act, 0.0)),
            x1_label=t("activations.heatmap.x1"), x2_label=t("activations.heatmap.x2"),
            output_label=t("activations.heatmap.output"), line_label=t("activations.heatmap.line"),
            point_label=t("activations.heatmap.point"),
        ),
        key=P + "neuron_chart",
    )
    if w1 == 0 and w2 == 0:
        st.caption(t("activations.neuron.no_line"))
    elif segment is None:
        st.caption(t("activations.neuron.line_outside"))
st.info(t("activations.neuron.same_line"))

# ---------------------------------------------------------------- why the derivative decides learning
st.divider()
st.subheader(t("activations.learning.header"))
left, right = st.columns(2, gap="large")
with left:
    st.markdown(f"#### {t('activations.step.header')}")
    st.markdown(t("activations.step.body"))
    grads = (slope * x1, slope * x2, slope)
    st.markdown(t("activations.step.here", name=NAME[act], dw1=fmt(grads[0]), dw2=fmt(grads[1]), db=fmt(grads[2])))
    if all(abs(g) < 5e-4 for g in grads):
        st.warning(t("activations.step.here_zero"))
with right:
    st.markdown(f"#### {t('activations.vanish.header')}")
    st.markdown(t("activations.vanish.body"))
    n_layers = shown_widget(st.slider, P + "n", t("activations.vanish.layers"), 1, MAX_LAYERS)
    bound = A.gradient_bound("sigmoid", n_layers)
    m_bound, m_measured = st.columns(2)
    m_bound.metric(t("activations.vanish.bound"), f"{bound:.2e}")
    m_measured.metric(
        t("activations.vanish.measured"), f"{A.chain_gradient('sigmoid', n_layers):.2e}",
        help=t("activations.vanish.measured_help"),
    )
    st.caption(t("activations.vanish.ratio", n=n_layers, ratio=ratio_text(n_layers)))
    layers = np.arange(1, MAX_LAYERS + 1)
    plotly_chart(
        charts.vanishing_chart(
            layers,
            np.array([A.gradient_bound("sigmoid", int(k)) for k in layers]),
            np.array([A.chain_gradient("sigmoid", int(k)) for k in layers]),
            chosen=n_layers,
            x_label=t("activations.vanish.x"), y_label=t("activations.vanish.y"),
            bound_label=t("activations.vanish.bound_line"), measured_label=t("activations.vanish.measured_line"),
            relu_label=t("activations.vanish.relu_line"),
        ),
        key=P + "vanishing_chart",
    )

current = {"act": act, "w1": w1, "w2": w2, "b": b, "x1": x1, "x2": x2, "n": n_layers}
st.session_state[P + "saved"] = {
    **current, "compare": picked, "show_fn": show_fn, "show_deriv": show_deriv, "x_range": x_range,
}
sync_query({**current, "cmp": tuple(picked), "range": tuple(x_range), "fn": show_fn, "deriv": show_deriv})
