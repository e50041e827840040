"""Perceptron & logic gates: weights and threshold by hand, the learning rule, XOR with two layers."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from playground import perceptron as pc
from playground.charts import perceptron as charts
from playground.errors import UserError
from playground.state import Param, number_list
from ui.common import explain, kept_widget, page_header, query_values, show_error, sync_query, t
from ui.classroom import plotly_chart

P = "perceptron/"
LOW, HIGH, STEP = -1.5, 1.5, 0.05
GATE_NAMES = tuple(pc.GATES)
DEFAULT = pc.PRESETS["AND"]
LEARNING_RATES = (0.05, 0.1, 0.2, 0.25, 0.5, 1.0)
EPOCH_CHOICES = (5, 10, 20, 50, 100, 200)
HISTORY_LINES = 8  # earlier lines drawn faintly behind the current one while learning
XOR_NEURONS = (("nand", "s1", "NAND"), ("or", "s2", "OR"), ("and", "y", "AND"))
XOR_FIELDS = ("w1", "w2", "theta")
XOR_LIMIT = 5.0  # the XOR boxes' range
XOR_DEFAULT = tuple(getattr(pc.PRESETS[gate], field) + 0.0 for _, _, gate in XOR_NEURONS for field in XOR_FIELDS)
# The page's whole state in its link (?w1=0.5&...&xor=<the nine XOR weights, NAND then OR then AND>).
PARAMS = [
    Param("w1", DEFAULT.w1, float, LOW, HIGH, step=STEP),
    Param("w2", DEFAULT.w2, float, LOW, HIGH, step=STEP),
    Param("theta", DEFAULT.theta, float, LOW, HIGH, step=STEP),
    Param("gate", "AND", str, choices=GATE_NAMES),
    Param("bias", False, bool),
    Param("lr", 0.1, float, choices=LEARNING_RATES),
    Param("epochs", 50, int, choices=EPOCH_CHOICES),
    Param("xor", XOR_DEFAULT, parser=number_list(len(XOR_DEFAULT), -XOR_LIMIT, XOR_LIMIT)),
]
# The XOR figures change only with the XOR boxes, and every change above reruns the page: cached, a
# rerun gets a copy instead of rebuilding them (a copy ~10 ms, a build 25-35 ms each on the 2-core machine).
xor_diagram_figure = st.cache_data(charts.xor_diagram_figure, max_entries=64, show_spinner=False)
xor_plane_figure = st.cache_data(charts.xor_plane_figure, max_entries=64, show_spinner=False)


# --- widget values that survive page switches ---------------------------------------------------
# Streamlit forgets a widget's value when its page is not shown; a plain dict in session_state does
# not, so every widget is seeded from (and saved to) P + "saved".


def _saved() -> dict:
    return st.session_state.setdefault(P + "saved", {})


def _set(key: str, value) -> None:
    """Set a widget's value (from a callback or before the widget is drawn) and remember it."""
    st.session_state[key] = value
    _saved()[key] = value


def _widget(draw, key: str, default, **kwargs):
    """Draw a widget whose value is kept in P + "saved" and return its value."""
    return kept_widget(draw, key, default, _saved(), **kwargs)


def _snap(value: float) -> float:
    """`value` on the slider grid and inside its range."""
    return round(min(max(round(value / STEP) * STEP, LOW), HIGH), 2) + 0.0


def _tex(value: float) -> str:
    """A number for LaTeX: at most 4 decimals, no trailing zeros, never "-0"."""
    text = f"{round(value, 4):g}"
    return "0" if text == "-0" else text


def _num(value: float) -> str:
    """A number for text and tables, with a real minus sign (−) as a textbook prints it."""
    return _tex(value).replace("-", "−")


def _rows(rows) -> str:
    return ", ".join(f"({x1}, {x2})" for x1, x2 in rows)


def _calculation(perceptron: pc.Perceptron, x1: int, x2: int, with_bias: bool) -> str:
    """"0.5·1 + 0.5·0 = 0.5" (or with "− 0.7" for the bias), as a student would write it."""
    terms = [(perceptron.w1, f"·{x1}"), (perceptron.w2, f"·{x2}")]
    total = perceptron.weighted_sum(x1, x2)
    if with_bias:
        terms.append((perceptron.bias, ""))
        total = round(total + perceptron.bias, pc.DECIMALS) + 0.0
    text = ""
    for i, (value, suffix) in enumerate(terms):
        if i == 0:
            text = f"{_num(value)}{suffix}"
        else:
            text += f" {'−' if value < 0 else '+'} {_num(abs(value))}{suffix}"
    return f"{text} = {_num(total)}"


def _latex_sum(terms) -> str:
    """LaTeX for w1·x1 + w2·x2 (+ b) with the signs written the way a teacher would write them."""
    text = ""
    for i, (value, symbol) in enumerate(terms):
        sign = "-" if value < 0 else "+"
        magnitude = _tex(abs(value))
        if i == 0:
            text = f"{'-' if value < 0 else ''}{magnitude}\\,{symbol}" if symbol else _tex(value)
        else:
            text += f" {sign} {magnitude}" + (f"\\,{symbol}" if symbol else "")
    return text


def _a_gate(gate: str) -> str:
    """"an AND gate" / "AND 게이트": the gate's name with the article English needs."""
    return t(f"perceptron.a_gate.{gate}")


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _colour_marks(frame: pd.DataFrame, column: str):
    """Green/red background on the ✓/✗ column, so a projector shows the mistakes from the back row."""
    def colour(value):
        return "background-color: #d8f3dc; color: #1b5e20" if value == "✓" else "background-color: #fde2e1; color: #b71c1c"
    return frame.style.map(colour, subset=[column])


def _plane_labels(**overrides: str) -> charts.PlaneLabels:
    labels = dict(
        x1="x1", x2="x2", target0=t("perceptron.plot.target0"), target1=t("perceptron.plot.target1"),
        wrong=t("perceptron.plot.wrong"), boundary=t("perceptron.plot.boundary"), region=t("perceptron.plot.region"),
        no_line=t("perceptron.plot.no_line"), outside_one=t("perceptron.plot.outside_one"),
        outside_zero=t("perceptron.plot.outside_zero"),
    )
    return charts.PlaneLabels(**{**labels, **overrides})


# --- callbacks -----------------------------------------------------------------------------------


def _load_preset() -> None:
    preset = pc.PRESETS.get(st.session_state.get(P + "gate"))
    if preset is not None:
        _set_weights(preset)


def _set_weights(perceptron: pc.Perceptron) -> None:
    _set(P + "w1", _snap(perceptron.w1))
    _set(P + "w2", _snap(perceptron.w2))
    _set(P + "theta", _snap(perceptron.theta))
    _set(P + "bias", _snap(perceptron.bias))


def _bias_toggled() -> None:
    # The slider that appears must show the same rule the one that disappears showed.
    saved = _saved()
    if st.session_state.get(P + "use_bias"):
        _set(P + "bias", _snap(-saved.get(P + "theta", DEFAULT.theta)))
    else:
        _set(P + "theta", _snap(-saved.get(P + "bias", DEFAULT.bias)))


def _learn_move(to: int) -> None:
    _set(P + "learn_step", to)


def _keep_number(key: str, default: float) -> None:
    """An emptied number box keeps its last value (Streamlit would otherwise put its minimum, −5, there)."""
    if st.session_state.get(key) is None:
        st.session_state[key] = _saved().get(key, default)


def _reset_xor() -> None:
    for name, _, gate in XOR_NEURONS:
        preset = pc.PRESETS[gate]
        for field in ("w1", "w2", "theta"):
            _set(f"{P}xor/{name}/{field}", getattr(preset, field))


# --- the page ------------------------------------------------------------------------------------

page_header("perceptron")

url = query_values(PARAMS, P + "url")
if P + "saved" not in st.session_state:
    _saved().update({P + "w1": _snap(url["w1"]), P + "w2": _snap(url["w2"]), P + "theta": _snap(url["theta"]),
                     P + "bias": _snap(-url["theta"]), P + "gate": url["gate"], P + "use_bias": url["bias"],
                     P + "learning_rate": url["lr"], P + "max_epochs": url["epochs"]})
    _saved().update({f"{P}xor/{name}/{field}": url["xor"][3 * i + j]
                     for i, (name, _, _) in enumerate(XOR_NEURONS) for j, field in enumerate(XOR_FIELDS)})

gate_column, w1_column, w2_column, theta_column, extra_column = st.columns([1.1, 1, 1, 1, 1.2], gap="medium")
with gate_column:
    gate = _widget(st.radio, P + "gate", "AND", label=t("perceptron.gate"), options=GATE_NAMES, horizontal=True,
                   help=t("perceptron.gate_help"))
with w1_column:
    w1 = _widget(st.slider, P + "w1", DEFAULT.w1, label=t("perceptron.w1"), min_value=LOW, max_value=HIGH, step=STEP)
with w2_column:
    w2 = _widget(st.slider, P + "w2", DEFAULT.w2, label=t("perceptron.w2"), min_value=LOW, max_value=HIGH, step=STEP)
with extra_column:
    use_bias = _widget(st.toggle, P + "use_bias", False, label=t("perceptron.use_bias"), on_change=_bias_toggled,
                       help=t("perceptron.use_bias_help"))
    st.button(t("perceptron.load_preset", gate=gate), on_click=_load_preset, disabled=gate not in pc.PRESETS,
              width="stretch", key=P + "preset",
              help=t("perceptron.no_preset_xor") if gate not in pc.PRESETS else t("perceptron.load_preset_help"))
with theta_column:
    if use_bias:
        bias = _widget(st.slider, P + "bias", _snap(-_saved().get(P + "theta", DEFAULT.theta)), label=t("perceptron.bias"),
                       min_value=LOW, max_value=HIGH, step=STEP)
        theta = _snap(-bias)
        _saved()[P + "theta"] = theta
    else:
        theta = _widget(st.slider, P + "theta", DEFAULT.theta, label=t("perceptron.theta"), min_value=LOW, max_value=HIGH,
                        step=STEP)
        _saved()[P + "bias"] = _snap(-theta)

current = pc.Perceptron(w1, w2, theta)
goal = pc.targets(gate)

table_column, plot_column = st.columns([1.0, 1.0], gap="large")
with table_column:
    st.subheader(t("perceptron.table.header"))
    weighted = _latex_sum([(w1, "x_1"), (w2, "x_2")] + ([(current.bias, "")] if use_bias else []))
    limit = "0" if use_bias else _tex(theta)
    st.latex(rf"y = \begin{{cases}} 1 & {weighted} > {limit} \\ 0 & {weighted} \le {limit} \end{{cases}}")
    wrong = pc.wrong_rows(current, gate)
    if not wrong:
        st.success(t("perceptron.verdict.is_gate", a_gate=_a_gate(gate)), icon=":material/check_circle:")
    else:
        others = pc.gates_implemented(current)
        also = " " + t("perceptron.verdict.is_other", a_gate=_a_gate(others[0])) if others else ""
        st.warning(t("perceptron.verdict.wrong_rows", a_gate=_a_gate(gate), rows=_rows(wrong), count=len(wrong)) + also)
    if gate == "XOR":
        st.info(t("perceptron.verdict.xor_impossible"))
    sum_header = t("perceptron.table.sum_bias") if use_bias else t("perceptron.table.sum", theta=_num(theta))
    table = pd.DataFrame(
        [
            {
                "x1": row.x1,
                "x2": row.x2,
                sum_header: _calculation(current, row.x1, row.x2, use_bias),
                t("perceptron.table.output"): row.output,
                t("perceptron.table.target", gate=gate): row.target,
                t("perceptron.table.correct"): _mark(row.correct),
            }
            for row in pc.truth_table(current, gate)
        ]
    )
    st.table(_colour_marks(table, t("perceptron.table.correct")), hide_index=True)
    st.caption(t("perceptron.table.caption_bias") if use_bias else t("perceptron.table.caption"))

with plot_column:
    st.subheader(t("perceptron.plot.header"))
    plotly_chart(charts.plane_figure(current, goal, _plane_labels()), key=P + "plane", config={"displayModeBar": False}, theme=None)
    st.caption(t("perceptron.plot.caption"))


# --- the learning rule ---------------------------------------------------------------------------

st.divider()
st.header(t("perceptron.learn.header"))
explain(t("perceptron.learn.intro", gate=gate))
st.latex(r"w_i \leftarrow w_i + \eta\,(t - y)\,x_i \qquad \theta \leftarrow \theta - \eta\,(t - y)")

settings, buttons = st.columns([1.3, 2.0], gap="large")
with settings:
    rate = _widget(st.select_slider, P + "learning_rate", 0.1, label=t("perceptron.learn.rate"), options=LEARNING_RATES,
                   help=t("perceptron.learn.rate_help"))
    max_epochs = _widget(st.select_slider, P + "max_epochs", 50, label=t("perceptron.learn.max_epochs"),
                         options=EPOCH_CHOICES, help=t("perceptron.learn.max_epochs_help"))
    st.button(t("perceptron.learn.zero"), on_click=_set_weights, args=(pc.Perceptron(0, 0, 0),), key=P + "learn_zero",
              help=t("perceptron.learn.zero_help"), disabled=(w1, w2, theta) == (0, 0, 0))
try:
    result = pc.learn(gate, current, rate, max_epochs)
except UserError as error:  # only reachable with a hand-edited session; keep the page alive
    show_error(error)
    st.stop()

updates = len(result.steps)
signature = (current, gate, rate, max_epochs)
if st.session_state.get(P + "learn_signature") != signature:
    # New start, gate or settings: the run starts again from the sliders' perceptron.
    st.session_state[P + "learn_signature"] = signature
    _set(P + "learn_step", 0)
# The position lives in the page's saved dict (the scrubber's callback writes it there), not in the
# scrubber's own key: Streamlit hands a page that comes back the slider's default (0), not its last value.
raw_position = _saved().get(P + "learn_step", 0)
position = min(max(int(raw_position), 0), updates)
_set(P + "learn_step", position)

with buttons:
    st.write("")
    b1, b2, b3 = st.columns(3)
    b1.button(t("perceptron.learn.step"), icon=":material/skip_next:", on_click=_learn_move, args=(min(position + 1, updates),),
              disabled=position >= updates, width="stretch", key=P + "learn_next")
    b2.button(t("perceptron.learn.run"), icon=":material/fast_forward:", on_click=_learn_move, args=(updates,), disabled=position >= updates,
              width="stretch", key=P + "learn_run", type="primary")
    b3.button(t("perceptron.learn.restart"), icon=":material/replay:", on_click=_learn_move, args=(0,), disabled=position == 0,
              width="stretch", key=P + "learn_restart")
    if updates:
        position = st.slider(t("perceptron.learn.scrubber"), min_value=0, max_value=updates, step=1, key=P + "learn_step",
                             on_change=lambda: _learn_move(st.session_state[P + "learn_step"]),
                             help=t("perceptron.learn.scrubber_help"))

shown = result.path[position]
epoch = result.steps[position - 1].epoch if position else 0
m1, m2, m3, m4 = st.columns(4)
m1.metric(t("perceptron.learn.metric_update"), f"{position} / {updates}")
m2.metric(t("perceptron.learn.metric_epoch"), f"{epoch} / {result.epochs}")
m3.metric(t("perceptron.learn.metric_weights"), f"{_num(shown.w1)}, {_num(shown.w2)}, {_num(shown.theta)}")
m4.metric(t("perceptron.learn.metric_wrong"), len(pc.wrong_rows(shown, gate)))

if updates == 0:
    st.success(t("perceptron.learn.nothing_to_learn", a_gate=_a_gate(gate)), icon=":material/check_circle:")
elif position == 0:
    st.info(t("perceptron.learn.at_start", count=len(pc.wrong_rows(current, gate))))
else:
    step = result.steps[position - 1]
    before = result.path[position - 1]
    st.info(t(
        "perceptron.learn.step_explained", k=position, epoch=step.epoch, x1=step.inputs[0], x2=step.inputs[1],
        output=step.output, target=step.target, sign="+" if step.target > step.output else "−",
        w1a=_num(before.w1), w1b=_num(step.after.w1), w2a=_num(before.w2), w2b=_num(step.after.w2),
        ta=_num(before.theta), tb=_num(step.after.theta),
    ))
if position == updates and updates:
    if result.converged:
        st.success(t("perceptron.learn.converged", epochs=result.epochs, updates=updates, a_gate=_a_gate(gate)), icon=":material/flag:")
    elif gate == "XOR":
        st.warning(t("perceptron.learn.xor_never", epochs=result.epochs, updates=updates))
    else:
        st.warning(t("perceptron.learn.not_yet", epochs=result.epochs))

learn_plot, learn_weights = st.columns(2, gap="large")
with learn_plot:
    history = result.path[max(0, position - HISTORY_LINES):position]
    plotly_chart(charts.plane_figure(shown, goal, _plane_labels(), history=history), key=P + "learn_plane",
                    config={"displayModeBar": False}, theme=None)
with learn_weights:
    epochs_of = [0, *(s.epoch for s in result.steps)]
    plotly_chart(
        charts.weights_path_figure(result.path, position, epochs_of, {
            "w1": "w1", "w2": "w2", "theta": "θ", "update": t("perceptron.learn.axis_update"),
            "value": t("perceptron.learn.axis_value"), "epoch": t("perceptron.learn.metric_epoch"),
            "title": t("perceptron.learn.weights_title"),
        }),
        key=P + "learn_weights", config={"displayModeBar": False}, theme=None,
    )
    in_range = all(LOW <= v <= HIGH for v in (shown.w1, shown.w2, shown.theta))
    st.button(t("perceptron.learn.apply"), on_click=_set_weights, args=(shown,), disabled=position == 0 or not in_range,
              key=P + "learn_apply", help=t("perceptron.learn.apply_help") if in_range else t("perceptron.learn.out_of_range"))

# --- XOR with two layers -------------------------------------------------------------------------

st.divider()
st.header(t("perceptron.xor.header"))
explain(t("perceptron.xor.intro"))

neurons: dict[str, pc.Perceptron] = {}
diagram_column, editor_column = st.columns([1.2, 1.0], gap="large")
with editor_column:
    st.subheader(t("perceptron.xor.weights_header"))
    for column, (name, symbol, gate_name) in zip(st.columns(3), XOR_NEURONS):
        preset = pc.PRESETS[gate_name]
        with column:
            st.markdown(f"**{symbol} = {gate_name}**")
            values = [
                _widget(st.number_input, f"{P}xor/{name}/{field}", getattr(preset, field), label=label,
                        min_value=-5.0, max_value=5.0, step=STEP, format="%.2f", value=None,
                        on_change=_keep_number, args=(f"{P}xor/{name}/{field}", getattr(preset, field)))
                for field, label in zip(XOR_FIELDS, ("w1", "w2", "θ"))
            ]
            neurons[name] = pc.Perceptron(*values)
            if pc.implements(neurons[name], gate_name):
                st.caption(t("perceptron.xor.neuron_ok", a_gate=_a_gate(gate_name)))
            else:
                st.caption(t("perceptron.xor.neuron_not", a_gate=_a_gate(gate_name)))
    st.button(t("perceptron.xor.reset"), on_click=_reset_xor, key=P + "xor_reset")

network = pc.xor_network(nand=neurons["nand"], or_=neurons["or"], and_=neurons["and"])
sync_query({"w1": w1, "w2": w2, "theta": theta, "gate": gate, "bias": use_bias, "lr": rate, "epochs": max_epochs,
            "xor": tuple(getattr(neurons[name], field) for name, _, _ in XOR_NEURONS for field in XOR_FIELDS)})
with diagram_column:
    plotly_chart(
        xor_diagram_figure(network, {
            "input": t("perceptron.xor.layer_input"), "hidden": t("perceptron.xor.layer_hidden"),
            "output": t("perceptron.xor.layer_output"), "theta": "θ", "nand": "NAND", "or": "OR", "and": "AND",
        }),
        key=P + "xor_diagram", config={"displayModeBar": False}, theme=None,
    )

xor_table_column, xor_plot_column = st.columns([1.0, 1.1], gap="large")
with xor_table_column:
    st.subheader(t("perceptron.xor.table_header"))
    if network.is_xor:
        st.success(t("perceptron.xor.verdict_ok"), icon=":material/check_circle:")
    else:
        st.warning(t("perceptron.xor.verdict_wrong", rows=_rows(network.wrong_rows), count=len(network.wrong_rows)))
    xor_goal = pc.GATES["XOR"]
    xor_table = pd.DataFrame(
        [
            {
                "x1": x1, "x2": x2, "s1 (NAND)": s1, "s2 (OR)": s2, "y = AND(s1, s2)": y,
                t("perceptron.table.target", gate="XOR"): want, t("perceptron.table.correct"): _mark(y == want),
            }
            for (x1, x2), s1, s2, y, want in zip(pc.INPUTS, network.s1, network.s2, network.y, xor_goal)
        ]
    )
    st.table(_colour_marks(xor_table, t("perceptron.table.correct")), hide_index=True)
    st.caption(t("perceptron.xor.table_caption"))
with xor_plot_column:
    plotly_chart(
        xor_plane_figure(network, xor_goal, _plane_labels(region=t("perceptron.xor.region")),
                                nand_name=t("perceptron.xor.line_nand"), or_name=t("perceptron.xor.line_or")),
        key=P + "xor_plane", config={"displayModeBar": False}, theme=None,
    )
    st.caption(t("perceptron.xor.plot_caption"))
