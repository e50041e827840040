"""Linear regression y = w·x + b: fit the notes' study-hours example by hand, watch gradient descent and
its relatives do it on the loss surface, and compare with the least-squares answer."""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd
import streamlit as st

from playground import regression as R
from playground.charts import regression as charts
from playground.errors import UserError
from playground.state import BadParam, Param, number_table
from ui.common import (
    bad_param_notice, explain, lang, page_header, page_widget, query_values, saved_settings, show_error, sync_query, t,
)
from ui.classroom import hidden, plotly_chart

P = "linreg/"  # session-state namespace of this page
SOURCES = ("hours", "hours_sleep", "generated")
TABLE_COLUMNS = {"hours": ("hours", "score"), "hours_sleep": ("hours", "sleep", "score")}
NOTES_ROWS = {
    "hours": [{"hours": h, "score": s} for h, s in zip(R.NOTES_HOURS, R.NOTES_SCORES)],
    "hours_sleep": [{"hours": h, "sleep": z, "score": s} for h, z, s in zip(R.NOTES_HOURS, R.NOTES_SLEEP, R.NOTES_SCORES)],
}
LEARNING_RATES = (1e-5, 3e-5, 1e-4, 3e-4, 0.001, 0.002, 0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0)
OTHER_OPTIMIZERS = ("sgd", "momentum", "adam")
MAX_STEPS = 1000
MAX_TABLE_ROWS = 60  # an edited table in a link (a class example, not a data set: ~1,000 characters at most)
SURFACE_GRID = 81
URL_PARAMS = [
    Param("data", "hours", str, choices=SOURCES),
    Param("w", 0.0, float, -R.MAX_VALUE, R.MAX_VALUE),
    Param("w2", 0.0, float, -R.MAX_VALUE, R.MAX_VALUE),
    Param("b", 0.0, float, -R.MAX_VALUE, R.MAX_VALUE),
    Param("lr", 0.01, float, choices=LEARNING_RATES),
    Param("steps", 200, int, 1, MAX_STEPS),
    Param("lr_sgd", 0.005, float, choices=LEARNING_RATES),
    Param("lr_momentum", 0.005, float, choices=LEARNING_RATES),
    Param("lr_adam", 1.0, float, choices=LEARNING_RATES),
    Param("slope", 2.0, float, -5.0, 5.0, step=0.1),
    Param("intercept", 1.0, float, -10.0, 10.0, step=0.5),
    Param("noise", 2.0, float, 0.0, 5.0, step=0.1),
    Param("n", 40, int, 5, 200),
    Param("seed", 0, int, 0, 9999),
    Param("best", False, bool),
    Param("zoom", False, bool),
    # An edited table: "x,y;x,y;..." (three numbers a row with the sleep column). Absent: the notes' table.
    Param("rows", (), parser=number_table((2, 3), MAX_TABLE_ROWS, R.MAX_VALUE)),
]


# ---------------------------------------------------------------- widget values that survive page switches
# Streamlit forgets a widget's value when its page is left; a plain dict in session_state does not.


_saved = partial(saved_settings, P)  # this page's kept settings
_widget = partial(page_widget, P)  # a widget keyed P + name, its value kept in _saved() under name


def _ranged_slider(name: str, label: str, rng: R.Range, default: float, help: str | None = None) -> float:
    """A slider whose limits follow the data. Streamlit treats new limits as a new widget, so the value
    is handed over (kept inside the new range) on every run."""
    key = P + name
    st.session_state[key] = rng.limit(st.session_state.get(key, _saved().get(name, default)))
    if hidden(key, label):  # the teacher hid it (ui/classroom.py): it keeps its value
        value = _saved()[name] = st.session_state[key]
        return value
    value = st.slider(label, rng.low, rng.high, step=rng.step, key=key, help=help)
    _saved()[name] = value
    return value


def _set_sliders(values: dict[str, float], ranges: dict[str, R.Range]) -> None:
    """Callback: put values on sliders (kept inside their ranges, not snapped to their grid)."""
    for name, value in values.items():
        st.session_state[P + name] = ranges[name].limit(value)
        _saved()[name] = st.session_state[P + name]


# ---------------------------------------------------------------- formatting


def num(value: float, digits: int = 3) -> str:
    """A parameter to `digits` decimals, never "-0.000"."""
    text = f"{float(value):.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def loss_text(value: float) -> str:
    """An MSE as a student reads it: 4,125.00 / 281.25 / 0.0164 / 0, and 4.00e+11 once it has blown up."""
    if not np.isfinite(value):
        return "∞"
    if value >= 1e7:
        return f"{value:.2e}"
    if value < 1e-9:
        return "0"  # float noise of an exact fit (1.7e-27), not a loss a student should read
    return f"{value:,.2f}" if value >= 1 else f"{value:.3g}"


def lr_text(value: float) -> str:
    return f"{value:g}"


def _opt_name(name: str) -> str:
    return t(f"linreg.opt.{name}")


# ---------------------------------------------------------------- data


def _restore_table(source: str) -> None:
    st.session_state[P + f"rows/{source}"] = [dict(r) for r in NOTES_ROWS[source]]
    st.session_state[P + f"rows_version/{source}"] = st.session_state.get(P + f"rows_version/{source}", 0) + 1
    st.session_state.pop(P + f"rows_edited/{source}", None)


def table_data(source: str) -> tuple[np.ndarray, np.ndarray]:
    """The editable table of the notes' example; a bad cell shows a sentence and the last good data stays."""
    columns = TABLE_COLUMNS[source]
    names = {c: t(f"linreg.col.{c}") for c in columns}
    rows_key, edited_key, version_key = P + f"rows/{source}", P + f"rows_edited/{source}", P + f"rows_version/{source}"
    st.session_state.setdefault(rows_key, [dict(r) for r in NOTES_ROWS[source]])
    editor_key = f"{P}table/{source}/{st.session_state.get(version_key, 0)}/{lang()}"
    if editor_key not in st.session_state and edited_key in st.session_state:
        # Back on this page or in the other language: the editor widget is new, the edited rows are not.
        st.session_state[rows_key] = st.session_state.pop(edited_key)
    frame = pd.DataFrame(st.session_state[rows_key], columns=list(columns)).astype(float)
    # Room for the editor's hover toolbar, which floats above its top edge: without it the toolbar covers
    # the data-set choices right above (the "Generated noisy line" option at 1280 px).
    st.space("medium")
    edited = st.data_editor(
        frame, key=editor_key, num_rows="dynamic", width="stretch",
        column_config={c: st.column_config.NumberColumn(names[c], format="%g") for c in columns},
    )
    rows = edited.to_dict("records")
    st.session_state[edited_key] = rows
    st.caption(t("linreg.data.editor_help"))
    st.button(t("linreg.data.restore"), on_click=_restore_table, args=(source,), key=P + f"restore/{source}",
              icon=":material/restart_alt:")
    good_key = P + f"good/{source}"
    try:
        x, y = R.parse_table(rows, columns, names)
        st.session_state[good_key] = (x, y)
    except UserError as error:
        show_error(error)
        st.info(t("linreg.data.kept"))
        fallback = R.parse_table(NOTES_ROWS[source], columns)
        x, y = st.session_state.get(good_key, fallback)
    return x, y


def generated_data(values: dict) -> tuple[np.ndarray, np.ndarray]:
    """A noisy line from five controls (slope, intercept, noise, number of points, seed)."""
    c1, c2 = st.columns(2)
    slope = _widget(c1.slider, "slope", values["slope"], label=t("linreg.gen.slope"), min_value=-5.0, max_value=5.0, step=0.1)
    intercept = _widget(c2.slider, "intercept", values["intercept"], label=t("linreg.gen.intercept"), min_value=-10.0,
                        max_value=10.0, step=0.5)
    noise = _widget(c1.slider, "noise", values["noise"], label=t("linreg.gen.noise"), min_value=0.0, max_value=5.0, step=0.1,
                    help=t("linreg.gen.noise_help"))
    n = _widget(c2.slider, "n", values["n"], label=t("linreg.gen.n"), min_value=5, max_value=200)
    seed = _widget(c1.number_input, "seed", values["seed"], label=t("linreg.gen.seed"), min_value=0, max_value=9999, step=1,
                   help=t("linreg.gen.seed_help"))
    st.caption(t("linreg.gen.caption"))
    return R.noisy_line(slope, intercept, noise, int(n), int(seed))


def _signed(value: float) -> str:
    """" + 3.55" / " − 2.10": a term after the first one, as a textbook writes it."""
    return f" {'−' if value < 0 else '+'} {abs(value):.2f}"


def about_data(source: str, x: np.ndarray, y: np.ndarray) -> str:
    """The text beside the data: the notes' story for the notes' table, what the fit is for an edited one."""
    if source == "generated":
        return t("linreg.data.generated_about")
    notes_x, notes_y = R.parse_table(NOTES_ROWS[source], TABLE_COLUMNS[source])
    if x.shape == notes_x.shape and np.array_equal(x, notes_x) and np.array_equal(y, notes_y):
        return t(f"linreg.data.{source}_about")
    fit = R.closed_form(x, y)
    if source == "hours":
        line = f"ŷ = {fit.w:.2f}·x{_signed(fit.b)}"
    else:
        line = f"ŷ = {fit.w[0]:.2f}·x₁{_signed(fit.w[1])}·x₂{_signed(fit.b)}"
    key = "linreg.data.edited_exact" if fit.mse == 0 else "linreg.data.edited_about"
    return t(key, n=len(y), line=line.replace("-", "−"), mse=loss_text(fit.mse))


# ---------------------------------------------------------------- one feature: a line


def _line_chart(x, y, w, b, view, best=None, ghost=None, key=""):
    plotly_chart(
        charts.line_figure(
            x, y, w, b, x_label=AXES[0], y_label=AXES[1], points_label=t("linreg.chart.points"),
            line_label=t("linreg.chart.line"), residual_label=t("linreg.chart.residuals"), x_range=view[0], y_range=view[1],
            best=best, best_label=t("linreg.chart.best"), ghost=ghost, ghost_label=t("linreg.chart.start_line"),
        ),
        key=key, config={"displayModeBar": False}, theme=None,
    )


def _surface_labels() -> dict:
    return dict(w_label="w", b_label="b", loss_label=t("linreg.chart.mse"))


def by_hand_line(x, y, ranges, best, values) -> tuple[float, float]:
    st.header(t("linreg.hand.header"))
    explain(t("linreg.hand.explain"))
    st.latex(r"\hat y = w\,x + b \qquad \mathrm{MSE} = \frac{1}{n}\sum_{i=1}^{n}\left(\hat y_i - y_i\right)^2")
    named = {"w": ranges[0], "b": ranges[1]}
    left, right = st.columns([1.25, 2], gap="large")
    with left:
        w = _ranged_slider("w", t("linreg.hand.w"), ranges[0], values["w"], help=t("linreg.hand.w_help"))
        b = _ranged_slider("b", t("linreg.hand.b"), ranges[1], values["b"], help=t("linreg.hand.b_help"))
        loss = R.mse(w, b, x, y)
        m1, m2 = st.columns(2)
        m1.metric(t("linreg.hand.mse"), loss_text(loss))
        m2.metric(t("linreg.hand.best_mse"), loss_text(best.mse), help=t("linreg.hand.best_mse_help"))
        st.latex(rf"\hat y = {num(w, 2)}\,x {'-' if b < 0 else '+'} {num(abs(b), 2)}")
        st.button(t("linreg.hand.to_best"), on_click=_set_sliders, args=({"w": best.w, "b": best.b}, named),
                  key=P + "to_best", width="stretch", icon=":material/target:")
        st.button(t("linreg.hand.to_zero"), on_click=_set_sliders, args=({"w": 0.0, "b": 0.0}, named),
                  key=P + "to_zero", width="stretch", icon=":material/restart_alt:")
        if loss <= best.mse * (1 + 1e-9) + 1e-9:
            st.success(t("linreg.hand.at_best"), icon=":material/check_circle:")
    with right:
        show_best = _widget(st.toggle, "show_best", values["best"], label=t("linreg.hand.show_best"))
        view = _line_view(x, y, ranges)
        _line_chart(x, y, w, b, view, best=(best.w, best.b) if show_best else None, key=P + "hand_chart")
    with st.expander(t("linreg.hand.table")):
        predicted = w * x + b
        st.dataframe(pd.DataFrame({
            "x": x, "y": y, "ŷ = w·x + b": predicted, "ŷ − y": predicted - y, "(ŷ − y)²": (predicted - y) ** 2,
        }), hide_index=True, width="stretch", column_config={c: st.column_config.NumberColumn(format="%.3f") for c in
                                                               ("x", "y", "ŷ = w·x + b", "ŷ − y", "(ŷ − y)²")})
        st.caption(t("linreg.hand.table_caption", n=len(x), total=loss_text(float(np.sum((predicted - y) ** 2))),
                     mse=loss_text(loss)))
    return w, b


def _line_view(x, y, ranges) -> tuple[tuple[float, float], tuple[float, float]]:
    """Fixed axes for the line chart: the data with room, so a sliding line never rescales the view."""
    return charts.padded_range(x, 0.08, include_zero=True), charts.padded_range(y, 0.35, include_zero=True)


def _gd_notes(path: R.Path, lr: float, limit: float, steps: int) -> None:
    if lr > limit:
        st.warning(t("linreg.gd.above_limit", lr=lr_text(lr), limit=f"{limit:.4g}"), icon=":material/warning:")
    elif lr > limit / 2:
        st.info(t("linreg.gd.zigzag", lr=lr_text(lr), half=f"{limit / 2:.4g}"))
    if path.blew_up_at is not None:
        st.error(t("linreg.gd.blew_up", step=path.blew_up_at))
    elif path.diverged:
        st.warning(t("linreg.gd.grew", first=loss_text(path.losses[0]), last=loss_text(path.losses[-1])))


def _scrubber(path: R.Path, signature) -> int:
    """The step slider: jumps to the end of a new run, keeps its place while the run stays the same."""
    key = P + "step"
    if path.steps == 0:
        return 0
    if st.session_state.get(P + "gd_signature") != signature:
        st.session_state[P + "gd_signature"] = signature
        st.session_state[key] = path.steps
    else:
        st.session_state[key] = min(max(int(st.session_state.get(key, path.steps)), 0), path.steps)
    return st.slider(t("linreg.gd.step"), 0, path.steps, key=key, help=t("linreg.gd.step_help"))


def _descent_controls(x, y, w, b, limit, values):
    """Learning rate and step sliders, the stability limit, and gradient descent's path from (w, b)."""
    c1, c2, c3 = st.columns([1.3, 1.3, 1], gap="large")
    lr = _widget(c1.select_slider, "lr", values["lr"], label=t("linreg.gd.lr"), options=LEARNING_RATES,
                 format_func=lr_text, help=t("linreg.gd.lr_help"))
    steps = _widget(c2.slider, "steps", values["steps"], label=t("linreg.gd.steps"), min_value=1, max_value=MAX_STEPS,
                    help=t("linreg.gd.steps_help"))
    c3.metric(t("linreg.gd.limit"), f"{limit:.4g}", help=t("linreg.gd.limit_help"))
    path = R.descend(x, y, (w, b), lr, steps, "gd")
    _gd_notes(path, lr, limit, steps)
    return lr, steps, path


def descent_line(x, y, w, b, ranges, best, limit, values) -> int:
    st.header(t("linreg.gd.header"))
    explain(t("linreg.gd.explain"))
    st.latex(r"w \leftarrow w - \eta\,\frac{\partial\,\mathrm{MSE}}{\partial w} \qquad "
             r"b \leftarrow b - \eta\,\frac{\partial\,\mathrm{MSE}}{\partial b}")
    lr, steps, path = _descent_controls(x, y, w, b, limit, values)
    scrub_column, zoom_column = st.columns([3, 1], vertical_alignment="bottom", gap="large")
    with scrub_column:
        step = _scrubber(path, (x.tobytes(), y.tobytes(), w, b, lr, steps))
    with zoom_column:
        zoom = _widget(st.toggle, "zoom", values["zoom"], label=t("linreg.gd.zoom"), help=t("linreg.gd.zoom_help"))
    wk, bk = path.at(step)
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("linreg.gd.metric_step"), f"{step} / {steps}")
    m2.metric("w", num(wk))
    m3.metric("b", num(bk))
    m4.metric(t("linreg.hand.mse"), loss_text(float(path.losses[step])))
    surface = _surface(x, y, ranges, [path.points, (w, b), (best.w, best.b)] if zoom else None)
    left, right = st.columns([1.1, 1], gap="large")
    with left:
        plotly_chart(
            charts.surface_figure(
                surface, **_surface_labels(), start=(w, b), start_label=t("linreg.chart.start"), best=(best.w, best.b),
                best_label=t("linreg.chart.best_point"), path=path.points, step=step, path_label=t("linreg.chart.path"),
                step_label=t("linreg.chart.step_point", step=step),
            ),
            key=P + "surface", config={"displayModeBar": False}, theme=None,
        )
        st.caption(t("linreg.gd.surface_caption"))
    with right:
        _line_chart(x, y, wk, bk, _line_view(x, y, ranges), ghost=(w, b), key=P + "gd_line")
        plotly_chart(
            charts.loss_curves_figure([charts.Curve("gd", _opt_name("gd"), path.points, path.losses)], step=step,
                                      x_label=t("linreg.chart.step"), y_label=t("linreg.chart.mse"), reference=best.mse,
                                      reference_label=t("linreg.chart.best_mse"), height=280),
            key=P + "gd_loss", config={"displayModeBar": False}, theme=None,
        )
    in_view = ranges[0].low <= wk <= ranges[0].high and ranges[1].low <= bk <= ranges[1].high
    st.button(t("linreg.gd.apply"), on_click=_set_sliders, args=({"w": wk, "b": bk}, {"w": ranges[0], "b": ranges[1]}),
              key=P + "gd_apply", disabled=step == 0 or not in_view, icon=":material/publish:",
              help=t("linreg.gd.apply_help") if in_view else t("linreg.gd.apply_outside"))
    return lr, steps, zoom


def _surface(x, y, ranges, zoom_on=None) -> R.Surface:
    """The loss surface over the sliders' ranges, or zoomed onto the points `zoom_on`."""
    box = R.view_box(zoom_on, ranges[:2]) if zoom_on else [(r.low, r.high) for r in ranges[:2]]
    return R.loss_surface(x, y, box[0], box[1], SURFACE_GRID)


# ---------------------------------------------------------------- two features: a plane


def by_hand_plane(x, y, ranges, best, values) -> tuple[np.ndarray, float]:
    st.header(t("linreg.plane.header"))
    explain(t("linreg.plane.explain"))
    st.latex(r"\hat y = w_1 x_1 + w_2 x_2 + b \qquad \mathrm{MSE} = \frac{1}{n}\sum_{i=1}^{n}\left(\hat y_i - y_i\right)^2")
    named = {"w1": ranges[0], "w2": ranges[1], "pb": ranges[2]}
    left, right = st.columns([1.25, 2], gap="large")
    with left:
        w1 = _ranged_slider("w1", t("linreg.plane.w1"), ranges[0], values["w"])
        w2 = _ranged_slider("w2", t("linreg.plane.w2"), ranges[1], values["w2"])
        b = _ranged_slider("pb", t("linreg.hand.b"), ranges[2], values["b"])
        loss = R.mse([w1, w2], b, x, y)
        m1, m2 = st.columns(2)
        m1.metric(t("linreg.hand.mse"), loss_text(loss))
        m2.metric(t("linreg.hand.best_mse"), loss_text(best.mse), help=t("linreg.hand.best_mse_help"))
        st.latex(rf"\hat y = {num(w1, 2)}\,x_1 {'-' if w2 < 0 else '+'} {num(abs(w2), 2)}\,x_2 "
                 rf"{'-' if b < 0 else '+'} {num(abs(b), 2)}")
        st.button(t("linreg.hand.to_best"), on_click=_set_sliders,
                  args=({"w1": best.w[0], "w2": best.w[1], "pb": best.b}, named), key=P + "plane_to_best",
                  width="stretch", icon=":material/target:")
        st.button(t("linreg.hand.to_zero"), on_click=_set_sliders, args=({"w1": 0.0, "w2": 0.0, "pb": 0.0}, named),
                  key=P + "plane_to_zero", width="stretch", icon=":material/restart_alt:")
        if loss <= best.mse * (1 + 1e-9) + 1e-9:
            st.success(t("linreg.hand.at_best"), icon=":material/check_circle:")
    with right:
        plotly_chart(
            charts.plane_figure(x, y, (w1, w2), b, x1_label=t("linreg.col.hours"), x2_label=t("linreg.col.sleep"),
                                y_label=t("linreg.col.score"), points_label=t("linreg.chart.points"),
                                plane_label=t("linreg.chart.plane"), residual_label=t("linreg.chart.residuals")),
            key=P + "plane", config={"displayModeBar": False}, theme=None,
        )
        st.caption(t("linreg.plane.caption"))
    return np.array([w1, w2]), b


def descent_plane(x, y, w, b, ranges, best, limit, values) -> tuple[float, int]:
    st.header(t("linreg.gd.header"))
    explain(t("linreg.gd.explain_plane"))
    lr, steps, path = _descent_controls(x, y, w, b, limit, values)
    (w1, w2), bk = path.at(path.steps)
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("w₁", num(w1))
    m2.metric("w₂", num(w2))
    m3.metric("b", num(bk))
    m4.metric(t("linreg.hand.mse"), loss_text(float(path.losses[-1])))
    left, right = st.columns(2, gap="large")
    with left:
        plotly_chart(
            charts.loss_curves_figure([charts.Curve("gd", _opt_name("gd"), path.points, path.losses)],
                                      x_label=t("linreg.chart.step"), y_label=t("linreg.chart.mse"), reference=best.mse,
                                      reference_label=t("linreg.chart.best_mse")),
            key=P + "plane_loss", config={"displayModeBar": False}, theme=None,
        )
    with right:
        plotly_chart(
            charts.parameters_figure(path.points, ["w₁", "w₂", "b"], x_label=t("linreg.chart.step"),
                                     y_label=t("linreg.chart.value"), best=[*best.w, best.b]),
            key=P + "plane_params", config={"displayModeBar": False}, theme=None,
        )
        st.caption(t("linreg.gd.params_caption"))
    named = {"w1": ranges[0], "w2": ranges[1], "pb": ranges[2]}
    inside = all(r.low <= v <= r.high for r, v in zip(ranges, (w1, w2, bk)))
    st.button(t("linreg.gd.apply_end"), on_click=_set_sliders, args=({"w1": w1, "w2": w2, "pb": bk}, named),
              key=P + "plane_gd_apply", disabled=not inside, icon=":material/publish:",
              help=t("linreg.gd.apply_help") if inside else t("linreg.gd.apply_outside"))
    return lr, steps


# ---------------------------------------------------------------- optimisers side by side and the closed form


def compare(x, y, start, lr, steps, best, values, ranges=None, zoom=False) -> dict[str, float]:
    """The four optimisers from the same start; contour maps of their paths when there is one feature (`ranges`)."""
    st.header(t("linreg.compare.header"))
    explain(t("linreg.compare.explain", steps=steps))
    rates = {"gd": lr}
    for column, name in zip(st.columns(3, gap="large"), OTHER_OPTIMIZERS):
        rates[name] = _widget(column.select_slider, f"lr_{name}", values[f"lr_{name}"],
                              label=t("linreg.compare.lr", name=_opt_name(name)), options=LEARNING_RATES,
                              format_func=lr_text, help=t(f"linreg.opt.{name}_help"))
    st.caption(t("linreg.compare.gd_rate", lr=lr_text(lr)))
    paths = {name: R.descend(x, y, start, rates[name], steps, name, seed=0) for name in ("gd", *OTHER_OPTIMIZERS)}
    curves = [charts.Curve(name, f"{_opt_name(name)} (η = {lr_text(rates[name])})", p.points, p.losses,
                           title=f"{t(f'linreg.opt.{name}_short')}<br>η = {lr_text(rates[name])}")
              for name, p in paths.items()]
    best_theta = np.append(np.atleast_1d(best.w), best.b)
    table = pd.DataFrame([
        {
            t("linreg.compare.col.optimizer"): _opt_name(name), t("linreg.compare.col.lr"): lr_text(rates[name]),
            t("linreg.compare.col.steps"): p.steps, t("linreg.compare.col.mse"): loss_text(float(p.losses[-1])),
            t("linreg.compare.col.distance"): float(np.linalg.norm(p.points[-1] - best_theta)),
            t("linreg.compare.col.status"): _status(p),
        }
        for name, p in paths.items()
    ])
    loss_chart = charts.loss_curves_figure(curves, x_label=t("linreg.chart.step"), y_label=t("linreg.chart.mse"),
                                           reference=best.mse, reference_label=t("linreg.chart.best_mse"))
    if ranges is not None:
        surface = _surface(x, y, ranges, [p.points for p in paths.values()] + [start, (best.w, best.b)] if zoom else None)
        left, right = st.columns([1.15, 1], gap="large")
        with left:
            plotly_chart(
                charts.optimizers_figure(surface, curves, **_surface_labels(), start=start, best=(best.w, best.b)),
                key=P + "compare_maps", config={"displayModeBar": False}, theme=None,
            )
        with right:
            plotly_chart(loss_chart, key=P + "compare_loss", config={"displayModeBar": False}, theme=None)
            st.caption(t("linreg.compare.caption"))
    else:
        plotly_chart(loss_chart, key=P + "compare_loss", config={"displayModeBar": False}, theme=None)
        st.caption(t("linreg.compare.caption"))
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        t("linreg.compare.col.distance"): st.column_config.NumberColumn(format="%.4f")})
    return rates


def _status(path: R.Path) -> str:
    if path.blew_up_at is not None:
        return t("linreg.compare.status.blew_up", step=path.blew_up_at)
    if path.diverged:
        return t("linreg.compare.status.grew")
    return t("linreg.compare.status.ok")


def closed_form_section(x, best, features: int) -> None:
    st.header(t("linreg.closed.header"))
    explain(t("linreg.closed.explain"))
    if features == 1:
        st.latex(r"w^* = \frac{\sum_i (x_i - \bar x)(y_i - \bar y)}{\sum_i (x_i - \bar x)^2} \qquad b^* = \bar y - w^*\,\bar x")
        cells = [("w*", best.w), ("b*", best.b)]
    else:
        st.latex(r"(w_1^*, w_2^*, b^*) = (A^\top A)^{-1} A^\top y, \qquad A = \begin{bmatrix} x_1 & x_2 & 1 \end{bmatrix}")
        cells = [("w₁*", best.w[0]), ("w₂*", best.w[1]), ("b*", best.b)]
    columns = st.columns(len(cells) + 1)
    for column, (label, value) in zip(columns, cells):
        column.metric(label, num(value))
    columns[-1].metric(t("linreg.hand.best_mse"), loss_text(best.mse))
    st.caption(t("linreg.closed.caption", n=len(x)))


# ---------------------------------------------------------------- the page

def _table_from_link(values: dict) -> None:
    """On a session's first run, an edited table from the link becomes the table of its data set.

    Rows the table would refuse (too few, a constant column, the wrong width for the data set) are
    reported with the link's notice and the notes' table stays.
    """
    rows, source = values["rows"], values["data"]
    if not rows:
        return
    columns = TABLE_COLUMNS.get(source)
    try:
        if columns is None or len(rows[0]) != len(columns):
            raise ValueError("rows of the wrong width for the data set")
        table = [dict(zip(columns, row)) for row in rows]
        R.parse_table(table, columns)
    except ValueError:  # UserError is a ValueError
        bad_param_notice(BadParam("rows", str(st.query_params.get("rows", "")), t("linreg.link.notes_rows")))
        return
    st.session_state[P + f"rows/{source}"] = table


def _rows_for_link(source: str, x: np.ndarray, y: np.ndarray) -> tuple:
    """The table's rows for the link; () while it is the notes' table (the link stays short)."""
    if source not in TABLE_COLUMNS:
        return ()
    notes_x, notes_y = R.parse_table(NOTES_ROWS[source], TABLE_COLUMNS[source])
    if notes_x.shape == x.shape and np.array_equal(notes_x, x) and np.array_equal(notes_y, y):
        return ()
    return tuple(tuple(float(v) for v in row) for row in np.column_stack([x, y]))


page_header("linreg")
first_visit = P + "url" not in st.session_state
values = query_values(URL_PARAMS, P + "url")
if first_visit:
    _table_from_link(values)
if st.session_state.get(P + "lang") != lang():
    # The radio remembers its choice by label; hand it back so the new language's labels show it.
    if P + "data" in st.session_state:
        st.session_state[P + "data"] = st.session_state[P + "data"]
    st.session_state[P + "lang"] = lang()

st.header(t("linreg.data.header"))
SOURCE_NAMES = {s: t(f"linreg.data.{s}") for s in SOURCES}  # fixed for this run (format_func may be called later)
source = _widget(st.radio, "data", values["data"], label=t("linreg.data.source"), options=SOURCES,
                 format_func=SOURCE_NAMES.__getitem__, horizontal=True)
data_column, about_column = st.columns([1.2, 1], gap="large")
with data_column:
    x, y = generated_data(values) if source == "generated" else table_data(source)
with about_column:
    st.markdown(about_data(source, x, y))
features = R.features(x).shape[1]
AXES = ("x", "y") if source == "generated" else (t("linreg.chart.x"), t("linreg.chart.y"))
ranges = R.parameter_ranges(x, y)
best = R.closed_form(x, y)
limit = R.stability_limit(x)
st.divider()

current: dict[str, object] = {"data": source}
if features == 1:
    w, b = by_hand_line(x, y, ranges, best, values)
    st.divider()
    lr, steps, zoom = descent_line(x, y, w, b, ranges, best, limit, values)
    st.divider()
    rates = compare(x, y, (w, b), lr, steps, best, values, ranges, zoom)
    current.update(w=w, b=b)
else:
    w, b = by_hand_plane(x, y, ranges, best, values)
    st.divider()
    lr, steps = descent_plane(x, y, w, b, ranges, best, limit, values)
    st.divider()
    rates = compare(x, y, (w, b), lr, steps, best, values)
    current.update(w=float(w[0]), w2=float(w[1]), b=b)
st.divider()
closed_form_section(x, best, features)

current.update(lr=lr, steps=steps, **{f"lr_{n}": rates[n] for n in OTHER_OPTIMIZERS})
current.update(best=_saved().get("show_best", False), zoom=_saved().get("zoom", False))
if source == "generated":
    current.update({k: _saved()[k] for k in ("slope", "intercept", "noise", "n", "seed")})
rows = _rows_for_link(source, x, y)
if rows:
    current["rows"] = rows
sync_query(current)
