"""Backpropagation, step by step: forward values, δ and ∂L/∂w of a small network, the chain rule with numbers,
the update, finite-difference checks, and the loss over the updates."""

from __future__ import annotations

import math
import time
from functools import partial

import numpy as np
import pandas as pd
import streamlit as st

from playground import activations as A
from playground import backprop as bp
from playground.charts import backprop as charts
from playground.errors import UserError
from playground.state import Param, shown_value
from ui.classroom import plotly_chart
from ui.common import (
    lang, page_header, page_widget, query_values, relabel_after_language_switch, saved_settings, selected_points,
    show_error, sync_query, t,
)
from ui.live import live_fragment

P = "backprop/"
DATA_CHOICES = (*bp.DATASETS, "custom")
RATES = (0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0)
MANY_STEPS = 500
HISTORY_POINTS = 4000  # the loss curve keeps at most this many points (older halves thinned)
PARAMS = [
    Param("layers", 1, int, 0, bp.MAX_HIDDEN_LAYERS),
    *(Param(f"n{k}", 2, int, 1, bp.MAX_UNITS) for k in range(1, bp.MAX_HIDDEN_LAYERS + 1)),
    Param("out", 1, int, 1, bp.MAX_OUTPUTS),
    Param("act", "sigmoid", str, choices=A.NAMES),
    Param("oact", "sigmoid", str, choices=A.NAMES),
    Param("loss", "mse", str, choices=bp.LOSSES),
    Param("lr", 2.0, float, choices=RATES),
    Param("seed", 1, int, 0, bp.MAX_SEED),
    Param("data", "xor", str, choices=DATA_CHOICES),
    Param("ex", bp.format_examples(bp.DATASETS["xor"]), str),
    Param("w", "2.0.0", str),  # h1 -> y: the first weight the backward pass reaches
]


_saved = partial(saved_settings, P)  # this page's kept settings
_widget = partial(page_widget, P)  # a widget keyed P + name, its value kept in _saved() under name


def _f(value: float, digits: int = 3) -> str:
    """A number for the page: `digits` decimals, real minus sign, no "−0.000"."""
    if not math.isfinite(value):
        return "∞" if value > 0 else ("−∞" if value < 0 else "NaN")
    text = f"{0.0 if abs(value) < 0.5 * 10**-digits else value:.{digits}f}"
    return text.replace("-", "−")


def _tex(value: float, digits: int = 3) -> str:
    """A number inside a LaTeX product: negatives in parentheses."""
    text = _f(value, digits).replace("−", "-")
    return f"({text})" if text.startswith("-") else text


def _g(value: float) -> str:
    """A gradient: small ones need significant figures, not 3 decimals."""
    return f"{value:.4g}".replace("-", "−") if value and abs(value) < 1e-3 else _f(value, 4)


def _neuron_name(spec: bp.NetSpec, layer: int, i: int) -> str:
    if layer == 0:
        return f"x{i + 1}"
    if layer == spec.layers:
        return "y" if spec.outputs == 1 else f"y{i + 1}"
    return f"h{i + 1}" if len(spec.hidden) == 1 else f"h{layer}.{i + 1}"


def _ref_label(spec: bp.NetSpec, ref: bp.WeightRef) -> str:
    target = _neuron_name(spec, ref.layer, ref.to)
    if ref.source is None:
        return t("backprop.chain.bias", target=target)
    return t("backprop.chain.weight", source=_neuron_name(spec, ref.layer - 1, ref.source), target=target)


def _notice(name: str, raw: str, reason: str, default: str) -> None:
    st.info(t("backprop.bad_link", name=name, value=shown_value(raw), reason=reason, default=default))


# --- settings --------------------------------------------------------------------------------------

# Korean breaks lines between words (어절), not inside them; the browser's default splits words anywhere.
if lang() == "ko":
    st.html("<style>[data-testid='stMarkdownContainer'] p, [data-testid='stMarkdownContainer'] li, "
            "[data-testid='stCaptionContainer'] {word-break: keep-all; overflow-wrap: anywhere;}</style>")
page_header("backprop")
url = query_values(PARAMS, P + "url")
if P + "seeded" not in st.session_state:
    st.session_state[P + "seeded"] = True
    seed_values = {name: url[name] for name in url if name not in ("ex", "w")}
    rows = [list(r) for r in bp.DATASETS.get(url["data"], bp.DATASETS["xor"])]
    if url["data"] == "custom":
        try:
            rows = [list(x) + [target] for x, target in bp.parse_examples(url["ex"], bp.NetSpec(outputs=url["out"]))]
        except UserError as error:
            _notice("ex", url["ex"], error.message(lang()), "XOR")
            seed_values["data"] = "xor"
    _saved().update(seed_values)
    _saved()["rows"] = rows
    _saved()["w"] = url["w"]
relabel_after_language_switch(P, [P + "act", P + "oact", P + "loss", P + "data"])


def _data_changed() -> None:
    choice = st.session_state[P + "data"]
    if choice in bp.DATASETS:
        _saved()["rows"] = [list(r) for r in bp.DATASETS[choice]]
        st.session_state.pop(P + "table", None)  # the editor's edits belong to the table it showed before


def _table_edited() -> None:
    # An edited gate table is the student's own (set in a callback: a drawn radio cannot be changed later).
    st.session_state[P + "data"] = "custom"
    _saved()["data"] = "custom"


def _from_playground() -> None:
    """Take the Playground's hidden layers, activation and learning rate (read only; its page keeps them)."""
    config = st.session_state.get("playground/trained_config")
    hidden = tuple(getattr(config, "hidden", ()) or ())
    if config is None:
        st.session_state[P + "pg_message"] = ("info", "backprop.playground.none", {})
    elif len(hidden) > bp.MAX_HIDDEN_LAYERS or any(n > bp.MAX_UNITS for n in hidden):
        st.session_state[P + "pg_message"] = ("warning", "backprop.playground.too_big", {
            "layers": "-".join(map(str, hidden)), "max_layers": bp.MAX_HIDDEN_LAYERS, "max_units": bp.MAX_UNITS})
    else:
        values = {"layers": len(hidden), **{f"n{k}": n for k, n in enumerate(hidden, start=1)}}
        if getattr(config, "activation", None) in A.NAMES:
            values["act"] = config.activation
        rate = float(getattr(config, "learning_rate", 2.0))
        values["lr"] = min(RATES, key=lambda r: abs(math.log(r) - math.log(rate)))  # the nearest choice here
        for name, value in values.items():
            st.session_state[P + name] = value
            _saved()[name] = value
        st.session_state[P + "pg_message"] = ("success", "backprop.playground.taken", {
            "sizes": "-".join(map(str, (2, *hidden, _saved().get("out", 1)))), "rate": f"{values['lr']:g}"})


activation_names = {n: t(A.get(n).label_key) for n in A.NAMES}
# Closed at first, so a 1280x720 screen opens on the network and its buttons; the line below it says what is set.
with st.expander(t("backprop.settings"), expanded=False, icon=":material/tune:"):
    c1, c2, c3, c4 = st.columns(4, gap="medium")
    with c1:
        n_layers = _widget(st.slider, "layers", 1, label=t("backprop.layers"), min_value=0,
                           max_value=bp.MAX_HIDDEN_LAYERS, help=t("backprop.layers_help"))
        hidden = tuple(
            _widget(st.slider, f"n{k}", 2, label=t("backprop.units", n=k), min_value=1, max_value=bp.MAX_UNITS)
            for k in range(1, n_layers + 1)
        )
    with c2:
        outputs = _widget(st.slider, "out", 1, label=t("backprop.outputs"), min_value=1, max_value=bp.MAX_OUTPUTS,
                          help=t("backprop.outputs_help"))
        loss_name = _widget(st.radio, "loss", "mse", label=t("backprop.loss"), options=list(bp.LOSSES),
                            format_func={v: t(f"backprop.loss.{v}") for v in bp.LOSSES}.__getitem__)
    with c3:
        activation = _widget(st.selectbox, "act", "sigmoid", label=t("backprop.activation"), options=list(A.NAMES),
                             format_func=activation_names.__getitem__)
        if loss_name == "mse":
            output_activation = _widget(st.selectbox, "oact", "sigmoid", label=t("backprop.output_activation"),
                                        options=list(A.NAMES), format_func=activation_names.__getitem__)
        else:
            output_activation = _saved().get("oact", "sigmoid")
            st.caption(t("backprop.output_fixed", kind="sigmoid" if outputs == 1 else "softmax"))
    with c4:
        rate = _widget(st.select_slider, "lr", 2.0, label=t("backprop.rate"), options=list(RATES))
        seed = _widget(st.number_input, "seed", 1, label=t("backprop.seed"), min_value=0, max_value=bp.MAX_SEED,
                       step=1, help=t("backprop.seed_help"))
        seed = int(seed if seed is not None else _saved().get("seed", 1))
    st.button(t("backprop.playground.button"), icon=":material/hub:", key=P + "from_playground",
              on_click=_from_playground, help=t("backprop.playground.help"))
    if P + "pg_message" in st.session_state:
        kind, key, fields = st.session_state.pop(P + "pg_message")
        getattr(st, kind)(t(key, **fields))
    data_choice = _widget(st.radio, "data", "xor", label=t("backprop.data"), options=list(DATA_CHOICES),
                          horizontal=True, format_func={v: t(f"backprop.data.{v}") for v in DATA_CHOICES}.__getitem__, on_change=_data_changed,
                          help=t("backprop.data_help"))
    # The editor keeps its edits as changes to the table it was given, so it is given the same table until
    # a preset replaces it (or the page is opened again, when the current rows become that table).
    if P + "table" not in st.session_state:
        _saved()["base"] = _saved()["rows"]
    frame = pd.DataFrame(_saved()["base"], columns=["x1", "x2", "t"])
    edited = st.data_editor(
        frame, key=P + "table", num_rows="dynamic", hide_index=True, on_change=_table_edited,
        column_config={"t": st.column_config.NumberColumn(t("backprop.table.target"))},
    )

spec = bp.NetSpec(hidden=hidden, outputs=outputs, activation=activation, output_activation=output_activation,
                  loss=loss_name)
rows = edited.to_dict("split")["data"]
try:
    examples = bp.check_examples(spec, rows)
    _saved()["rows"] = [[float(v) for v in r] for r in rows]
except UserError as error:
    st.error(t("backprop.bad_table", reason=error.message(lang())))
    try:
        examples = bp.check_examples(spec, _saved()["rows"])
    except UserError:  # the last good rows do not fit the new network (e.g. class 1 with one class)
        examples = bp.check_examples(spec, [r[:2] + [0] for r in _saved()["rows"]])

# --- the run: weights, position in the walk-through, loss history ----------------------------------
# The walk-through below the settings is a fragment: its buttons, and Play's ticks, rerun only that part.
# Play reveals one value a tick (PLAY_SECONDS apart, read from the clock: a click inside the fragment
# reruns it too, and must not count as a tick); while paused the fragment has no timer at all.

PLAY_SECONDS = 0.7  # a tick of Play: long enough to read the number that just appeared
STALE_SECONDS = 10 * PLAY_SECONDS  # a Play that has not ticked for this long was left on another page
signature = (spec, seed, tuple(tuple(map(float, np.append(x, target))) for x, target in examples))
order = bp.events(spec)
_left = st.session_state.get(P + "run")
if _left is not None and _left.get("playing") and time.monotonic() - _left.get("tick", 0.0) > STALE_SECONDS:
    _left["playing"] = False  # the student went to another page while it played: paused on return (as Convolution)


def _run() -> dict:
    """This network's run (its weights, where the walk-through stands, the loss history); a new one when the
    network, seed or examples changed."""
    run = st.session_state.get(P + "run")
    if run is None or run["signature"] != signature:
        params0 = bp.init_params(spec, seed)
        run = {"signature": signature, "params": params0.to_lists(), "pos": 0, "example": 0, "updates": 0,
               "history": [(0, bp.mean_loss(spec, params0, examples))], "playing": False, "tick": 0.0}
        st.session_state[P + "run"] = run
    return run


def _playing() -> bool:
    run = st.session_state.get(P + "run")
    return bool(run is not None and run["signature"] == signature and run.get("playing"))


def _record(run: dict, new: bp.Params, steps: list[float]) -> None:
    run["params"] = new.to_lists()
    for value in steps:
        run["updates"] += 1
        run["history"].append((run["updates"], value))
    if len(run["history"]) > HISTORY_POINTS:
        run["history"] = run["history"][:1] + run["history"][1::2]
    run["pos"] = 0


def _next_example(run: dict) -> None:
    """Apply the current example's update (w ← w − η·∂L/∂w) and start the walk-through of the next one."""
    params = bp.Params.from_lists(run["params"])
    x, target = examples[run["example"] % len(examples)]
    new = bp.update(params, bp.backward(spec, params, bp.forward(spec, params, x), target), rate)
    _record(run, new, [bp.mean_loss(spec, new, examples)])
    run["example"] = (run["example"] + 1) % len(examples)


def _batch(run: dict, n: int) -> None:
    current, losses = bp.Params.from_lists(run["params"]), []
    for _ in range(n):
        _, grads = bp.batch_gradients(spec, current, examples)
        current = bp.update(current, grads, rate)
        losses.append(bp.mean_loss(spec, current, examples))
        if not math.isfinite(losses[-1]):
            break
    _record(run, current, losses)


def _move(run: dict, to: int) -> None:
    run["pos"] = min(max(to, 0), len(order))


def _phase_end(run: dict) -> None:
    phase = order[run["pos"]].phase if run["pos"] < len(order) else "update"
    _move(run, max(k for k, e in enumerate(order) if e.phase == phase) + 1)


def _reset(run: dict) -> None:
    st.session_state.pop(P + "run", None)


def _by_hand(action, run: dict, *args) -> None:
    """A button's action: the student takes over, so Play stops."""
    run["playing"] = False
    action(run, *args)


def _play(run: dict) -> None:
    if run["pos"] >= len(order):  # at the end of the update: go on with the next example
        _next_example(run)
    _move(run, run["pos"] + 1)  # the first value at once, the next ones a tick apart
    run.update(playing=run["pos"] < len(order), tick=time.monotonic())


def _pause(run: dict) -> None:
    run["playing"] = False


def _tick(run: dict) -> None:
    """Play's tick: the next value; after the update it stops, or (keep going) takes the next example."""
    now = time.monotonic()
    if now - run.get("tick", 0.0) < 0.8 * PLAY_SECONDS:  # a click's rerun, not the timer
        return
    run["tick"] = now
    if run["pos"] < len(order):
        _move(run, run["pos"] + 1)
    elif _saved().get("keep"):
        _next_example(run)
        _move(run, 1)
    if run["pos"] >= len(order) and not _saved().get("keep"):
        run["playing"] = False  # the update is shown: stop there (the fragment's timer stops at its next tick)


def _walkthrough(timed: bool) -> None:
    """Everything below the settings, redrawn from the run; `timed`: the fragment has Play's timer."""
    run = _run()
    if run.get("playing") and not timed:
        st.rerun()  # Play was pressed in here: the whole page registers the fragment again, with the timer
    if run.get("playing"):
        _tick(run)
    params = bp.Params.from_lists(run["params"])
    index = run["example"] % len(examples)
    x, target = examples[index]
    fwd = bp.forward(spec, params, x)
    back = bp.backward(spec, params, fwd, target)
    loss = bp.loss_of(spec, fwd, target)
    new_params = bp.update(params, back, rate)
    fd = bp.finite_differences(spec, params, [(x, target)])
    pos = min(max(int(run["pos"]), 0), len(order))

    def _clicked() -> None:
        """A click on the drawing: a weight's line or a neuron (its bias) becomes the selected weight."""
        for point in selected_points(P + "network"):
            key = point.get("customdata") if isinstance(point, dict) else None
            if isinstance(key, str) and key:
                st.session_state[P + "w"] = key
                _saved()["w"] = key
                return

    # --- what has been revealed ------------------------------------------------------------------------

    shown = order[:pos]
    forward_done = {(e.layer, e.neuron) for e in shown if e.phase == "forward"}
    backward_done = {(e.layer, e.neuron) for e in shown if e.phase == "backward"}
    updated = pos == len(order)
    current = shown[-1] if shown else None

    refs = bp.weight_refs(spec)
    ref_keys = [r.key for r in refs]
    if _saved().get("w") not in ref_keys:
        fallback = "2.0.0" if "2.0.0" in ref_keys else ref_keys[0]  # h1 -> y when there is one (the link's default)
        if P + "w" not in st.session_state and _saved().get("w") not in (None, "2.0.0"):
            _notice("w", _saved().get("w"), t("backprop.no_weight"), _ref_label(spec, bp.WeightRef.from_key(fallback)))
        _saved()["w"] = fallback
        st.session_state.pop(P + "w", None)

    st.caption(t("backprop.summary", sizes="-".join(map(str, spec.sizes)), act=activation_names[activation],
                 loss=t(f"backprop.loss.{loss_name}"), rate=f"{rate:g}", seed=seed,
                 data=t(f"backprop.data.{_saved().get('data', data_choice)}")))
    st.markdown(t("backprop.example", k=index + 1, n=len(examples), x=", ".join(_f(v, 2) for v in x),
                  t=_f(target, 2)))
    playing = bool(run.get("playing"))
    b0, b1, b2, b3, b4 = st.columns(5)
    b5, b6, b7, b8, b9 = st.columns(5, vertical_alignment="center")
    b0.button(t("backprop.pause") if playing else t("backprop.play"), key=P + "play",
              icon=":material/pause:" if playing else ":material/play_arrow:", on_click=_pause if playing else _play,
              args=(run,), help=t("backprop.pause_help") if playing else t("backprop.play_help", s=f"{PLAY_SECONDS:g}"),
              width="stretch")
    b1.button(t("backprop.restart"), icon=":material/first_page:", key=P + "restart", on_click=_by_hand,
              args=(_move, run, 0), disabled=pos == 0, width="stretch")
    b2.button(t("backprop.back"), icon=":material/chevron_left:", key=P + "back", on_click=_by_hand,
              args=(_move, run, pos - 1), disabled=pos == 0, width="stretch")
    b3.button(t("backprop.step"), icon=":material/chevron_right:", key=P + "step", on_click=_by_hand,
              args=(_move, run, pos + 1), disabled=updated, type="primary", width="stretch")
    b4.button(t("backprop.phase_end"), icon=":material/last_page:", key=P + "phase_end", on_click=_by_hand,
              args=(_phase_end, run), disabled=updated, width="stretch")
    b5.button(t("backprop.next_example"), icon=":material/skip_next:", key=P + "next", on_click=_by_hand,
              args=(_next_example, run), help=t("backprop.next_example_help"), width="stretch")
    b6.button(t("backprop.batch"), icon=":material/select_all:", key=P + "batch", on_click=_by_hand,
              args=(_batch, run, 1), help=t("backprop.batch_help"), width="stretch")
    b7.button(t("backprop.batch_many", n=MANY_STEPS), icon=":material/fast_forward:", key=P + "batch_many",
              on_click=_by_hand, args=(_batch, run, MANY_STEPS), help=t("backprop.batch_many_help", n=MANY_STEPS),
              width="stretch")
    b8.button(t("backprop.reset"), icon=":material/restart_alt:", key=P + "reset", on_click=_by_hand,
              args=(_reset, run), help=t("backprop.reset_help"), width="stretch")
    with b9:
        _widget(st.toggle, "keep", False, label=t("backprop.keep_going"), help=t("backprop.keep_going_help"))

    if not math.isfinite(loss) or not all(np.isfinite(w).all() for w in params.weights):
        run["playing"] = False
        st.error(t("backprop.diverged"))
        sync_query({})
        st.stop()

    # --- the explanation of the current step -----------------------------------------------------------

    def _f_name(layer: int) -> str:
        kind = spec.activation_of(layer)
        return r"\mathrm{softmax}" if kind == "softmax" else rf"\mathrm{{{kind.replace('_', '')}}}"

    def _net_latex(layer: int, i: int) -> str:
        w, b = params.weights[layer - 1][i], params.biases[layer - 1][i]
        inputs = fwd.acts[layer - 1]
        terms = " + ".join(rf"{_tex(wj, 2)}\cdot{_tex(aj)}" for wj, aj in zip(w, inputs))
        name = _neuron_name(spec, layer, i)
        return (rf"\mathrm{{net}}_{{{name}}} = {terms} + {_tex(b, 2)} = {_f(fwd.nets[layer - 1][i]).replace('−', '-')}"
                rf"\qquad a_{{{name}}} = {_f_name(layer)}({_f(fwd.nets[layer - 1][i]).replace('−', '-')}) = "
                rf"{_f(fwd.acts[layer][i]).replace('−', '-')}")

    def _delta_latex(layer: int, i: int) -> str:
        name = _neuron_name(spec, layer, i)
        c = bp.chain(spec, params, fwd, back, target, bp.WeightRef(layer, i))
        d = _f(c.delta, 4).replace("−", "-")
        if c.slope is None:
            return rf"\delta_{{{name}}} = a - t = {_tex(c.output)} - {_tex(c.target)} = {d}"
        if not c.upstream:
            return (rf"\delta_{{{name}}} = (a - t)\cdot f'(\mathrm{{net}}) = ({_tex(c.output)} - {_tex(c.target)})"
                    rf"\cdot{_tex(c.slope)} = {d}")
        parts = " + ".join(rf"{_tex(w, 2)}\cdot{_tex(dk, 4)}" for w, dk in c.upstream)
        return rf"\delta_{{{name}}} = \Bigl(\sum_k w_k\,\delta_k\Bigr)\cdot f'(\mathrm{{net}}) = ({parts})\cdot{_tex(c.slope)} = {d}"

    phase_of = {"forward": t("backprop.phase.forward"), "backward": t("backprop.phase.backward"),
                "update": t("backprop.phase.update")}
    with st.container(border=True):
        if current is None:
            st.markdown(t("backprop.phase.start"))
        else:
            same = [e for e in order if e.phase == current.phase]
            st.markdown(f"**{t('backprop.progress', phase=phase_of[current.phase], k=same.index(current) + 1, n=len(same))}**")
            if current.phase == "forward":
                st.latex(_net_latex(current.layer, current.neuron))
                if current.layer == spec.layers and current.neuron == spec.outputs - 1:
                    st.markdown(t("backprop.forward.done", out=", ".join(_f(v) for v in fwd.output), loss=_f(loss, 4)))
            elif current.phase == "backward":
                st.caption(t("backprop.backward.output" if current.layer == spec.layers else "backprop.backward.hidden"))
                st.latex(_delta_latex(current.layer, current.neuron))
                incoming = [r for r in refs if r.layer == current.layer and r.to == current.neuron]
                st.markdown(t("backprop.backward.weights", name=_neuron_name(spec, current.layer, current.neuron),
                              grads=", ".join(f"{_ref_label(spec, r)}: {_g(bp.grad_of(back, r))}" for r in incoming)))
            else:
                st.markdown(t("backprop.update.body", rate=f"{rate:g}"))

    # --- the drawing ---------------------------------------------------------------------------------

    selected_key = _widget(st.selectbox, "w", ref_keys[0], label=t("backprop.chain.pick"), options=ref_keys,
                           format_func={r.key: _ref_label(spec, r) for r in refs}.__getitem__, help=t("backprop.chain.pick_help"))
    selected = bp.WeightRef.from_key(selected_key)
    node_text, node_hover, edge_hover, edge_text = {}, {}, {}, {}
    for i, value in enumerate(x):
        node_text[(0, i)] = (_neuron_name(spec, 0, i), _f(value, 2), "")
        node_hover[(0, i)] = f"{_neuron_name(spec, 0, i)} = {_f(value)}"
    for layer in range(1, spec.layers + 1):
        for i in range(spec.sizes[layer]):
            name = _neuron_name(spec, layer, i)
            seen, got_delta = (layer, i) in forward_done, (layer, i) in backward_done
            node_text[(layer, i)] = (
                f"net {_f(fwd.nets[layer - 1][i], 2)}" if seen else name,
                _f(fwd.acts[layer][i], 3) if seen else "?",
                f"δ {_g(back.deltas[layer - 1][i])}" if got_delta else "",
            )
            lines = [f"<b>{name}</b>", f"b = {_f(params.biases[layer - 1][i], 3)}"]
            if seen:
                lines += [f"net = {_f(fwd.nets[layer - 1][i], 4)}", f"a = {_f(fwd.acts[layer][i], 4)}"]
            if got_delta:
                lines += [f"δ = {_g(back.deltas[layer - 1][i])}",
                          f"∂L/∂b = {_g(bp.grad_of(back, bp.WeightRef(layer, i)))}"]
            node_hover[(layer, i)] = "<br>".join(lines)
            for j in range(spec.sizes[layer - 1]):
                ref = bp.WeightRef(layer, i, j)
                lines = [f"<b>{_ref_label(spec, ref)}</b>", f"w = {_f(bp.value_of(params, ref), 4)}"]
                if got_delta:
                    lines += [f"∂L/∂w = {_g(bp.grad_of(back, ref))}", f"FD = {_g(bp.grad_of(fd, ref))}"]
                if updated:
                    lines.append(f"w → {_f(bp.value_of(new_params, ref), 4)}")
                    edge_text[(layer, i, j)] = f"{_f(bp.value_of(params, ref), 2)}→{_f(bp.value_of(new_params, ref), 2)}"
                edge_hover[(layer, i, j)] = "<br>".join(lines)
    layer_names = [t("backprop.layer.input"), *(t("backprop.layer.hidden", n=k) for k in range(1, len(spec.hidden) + 1)),
                   t("backprop.layer.output")]
    done = (spec.layers, spec.outputs - 1) in forward_done
    side = t("backprop.side", t=_f(target, 2), loss=_f(loss, 4) if done else "?")
    view = charts.NetworkView(
        sizes=spec.sizes, weights=params.weights, layer_names=layer_names, node_text=node_text, node_hover=node_hover,
        edge_hover=edge_hover, edge_text=edge_text,
        selected=(selected.layer, selected.to, selected.source),
        active=(current.layer, current.neuron) if current is not None and current.phase != "update" else None,
        active_color=charts.SELECTED if current is not None and current.phase == "backward" else charts.POSITIVE,
        edge_keys={(r.layer, r.to, r.source): r.key for r in refs if r.source is not None},
        node_keys={(r.layer, r.to): r.key for r in refs if r.source is None},
        weight_labels=sum(a * b for a, b in zip(spec.sizes, spec.sizes[1:])) <= 12, side_text=side,
    )
    plotly_chart(charts.network_figure(view, height=190 + 120 * max(spec.sizes)), key=P + "network",
                 config={"displayModeBar": False}, on_select=_clicked, selection_mode="points")
    st.caption(t("backprop.drawing_caption"))

    # --- the chain rule for the chosen weight ------------------------------------------------------------

    st.subheader(t("backprop.chain.header"))
    if (selected.layer, selected.to) not in backward_done:
        st.info(t("backprop.chain.wait", name=_neuron_name(spec, selected.layer, selected.to)))
    else:
        c = bp.chain(spec, params, fwd, back, target, selected)
        target_name = _neuron_name(spec, selected.layer, selected.to)
        wname = "b" if selected.source is None else "w"
        carried = "1" if selected.source is None else rf"a_{{{_neuron_name(spec, selected.layer - 1, selected.source)}}}"
        grad = _f(c.gradient, 5).replace("−", "-")
        if c.slope is None:
            st.latex(rf"\frac{{\partial L}}{{\partial {wname}}} = \underbrace{{(a - t)}}_{{\delta_{{{target_name}}}}}\cdot {carried}"
                     rf" = ({_tex(c.output)} - {_tex(c.target)})\cdot {_tex(c.source_activation)} = {grad}")
            st.caption(t("backprop.chain.ce", kind="sigmoid" if spec.outputs == 1 else "softmax"))
        else:
            first = (rf"(a - t) = ({_tex(c.output)} - {_tex(c.target)})" if not c.upstream else
                     r"\sum_k w_k\delta_k = " + " + ".join(rf"{_tex(w, 2)}\cdot{_tex(d, 4)}" for w, d in c.upstream))
            st.latex(rf"\frac{{\partial L}}{{\partial {wname}}} = \frac{{\partial L}}{{\partial a_{{{target_name}}}}}\cdot"
                     rf"\frac{{\partial a_{{{target_name}}}}}{{\partial \mathrm{{net}}_{{{target_name}}}}}\cdot"
                     rf"\frac{{\partial \mathrm{{net}}_{{{target_name}}}}}{{\partial {wname}}}"
                     rf" = {_tex(c.dL_da, 4)}\cdot {_tex(c.slope, 4)}\cdot {_tex(c.source_activation)} = {grad}")
            st.latex(rf"\frac{{\partial L}}{{\partial a_{{{target_name}}}}} = {first} = {_tex(c.dL_da, 4)}\qquad "
                     rf"f'(\mathrm{{net}}_{{{target_name}}}) = f'({_f(fwd.nets[selected.layer - 1][selected.to]).replace('−', '-')}) = {_tex(c.slope, 4)}")
        old, new = bp.value_of(params, selected), bp.value_of(new_params, selected)
        st.latex(rf"{wname} \leftarrow {wname} - \eta\,\frac{{\partial L}}{{\partial {wname}}} = {_tex(old, 4)} - {rate:g}\cdot{_tex(c.gradient, 5)}"
                 rf" = {_f(new, 4).replace('−', '-')}")
        st.caption(t("backprop.chain.check", fd=_g(bp.grad_of(fd, selected)), bp=_g(c.gradient)))

    # --- every gradient, checked -----------------------------------------------------------------------

    st.subheader(t("backprop.grads.header"))
    table_rows, worst = [], 0.0
    for ref in refs:
        got = (ref.layer, ref.to) in backward_done
        gradient, estimate = bp.grad_of(back, ref), bp.grad_of(fd, ref)
        if got:
            worst = max(worst, abs(gradient - estimate))
        table_rows.append({
            t("backprop.grads.name"): _ref_label(spec, ref),
            t("backprop.grads.value"): _f(bp.value_of(params, ref), 4),
            t("backprop.grads.bp"): _g(gradient) if got else "…",
            t("backprop.grads.fd"): _g(estimate) if got else "…",
            t("backprop.grads.diff"): f"{abs(gradient - estimate):.1e}" if got else "…",
            t("backprop.grads.new"): _f(bp.value_of(new_params, ref), 4) if updated else "…",
        })
    grads_column, worst_column = st.columns([4, 1], gap="large")
    grads_column.dataframe(pd.DataFrame(table_rows), hide_index=True, key=P + "grads",
                           height=min(36 * (len(table_rows) + 1) + 4, 420))
    worst_column.metric(t("backprop.grads.worst"), f"{worst:.1e}" if backward_done else "…")
    st.caption(t("backprop.grads.caption"))

    # --- the loss over updates -------------------------------------------------------------------------

    st.subheader(t("backprop.loss.header"))
    steps, losses = zip(*run["history"])
    numbers_column, chart_column = st.columns([2, 3], gap="large")
    m1, m2 = numbers_column.columns(2)
    m1.metric(t("backprop.loss.metric"), _f(losses[-1], 4),
              # a number, not text: Streamlit reads the sign (and the arrow) from it; inverse = falling is good
              delta=round(float(losses[-1] - losses[0]), 4) if len(losses) > 1 else None, delta_color="inverse")
    m2.metric(t("backprop.loss.updates"), run["updates"])
    outputs_now = [", ".join(_f(v) for v in bp.forward(spec, params, ex_x).output) for ex_x, _ in examples]
    numbers_column.dataframe(pd.DataFrame({"x": [", ".join(_f(v, 1) for v in ex_x) for ex_x, _ in examples],
                               t("backprop.table.target"): [_f(tt, 2) for _, tt in examples],
                               t("backprop.table.output"): outputs_now}), hide_index=True, key=P + "outputs")
    with chart_column:
        if run["updates"] == 0:
            st.info(t("backprop.loss.none"))
        plotly_chart(charts.loss_figure(steps, losses, {"x": t("backprop.loss.x"), "y": t("backprop.loss.y")}),
                        key=P + "loss_chart", config={"displayModeBar": False})

    sync_query({
        "layers": n_layers, **{f"n{k}": hidden[k - 1] for k in range(1, n_layers + 1)}, "out": outputs, "act": activation,
        "oact": output_activation, "loss": loss_name, "lr": rate, "seed": seed, "data": _saved().get("data", data_choice),
        **({"ex": bp.format_examples(_saved()["rows"])} if _saved().get("data", data_choice) == "custom" else {}),
        "w": selected_key,
    })


live_fragment(_walkthrough, _playing(), PLAY_SECONDS, _playing(), stopped=lambda: not _playing(),
              lesson_page="backpropagation")
