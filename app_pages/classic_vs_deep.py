"""Classic machine learning vs deep learning: eight models on one data set, feature engineering, data dependence.

Thin by design: widgets -> playground.compare, each model fitted as a job of ui.background (side by
side, kept per setting and shared by every session since they are read-only results; the page draws
a spinner where a fit is not done and polls until it is) -> charts from playground.charts.lessons.
"""

from __future__ import annotations

import random
import statistics
import time

import streamlit as st

from playground import compare, i18n, quota
from playground import features as feats
from playground.charts import lessons as charts
from playground.datasets import toy
from playground.errors import UserError
from playground.state import Param, name_list
from ui import background
from ui.classroom import plotly_chart
from ui.common import (explain, in_fragment_run, lang, own_text, page_header, query_values, show_error, shown_widget,
                       sync_query, t)

P = "classic/"  # session-state namespace of this page
NETWORKS = {"small": (8,), "medium": (16, 16), "large": (32, 32, 32)}
STEPS = (250, 500, 1000, 2000, 4000)
MIN_POINTS, MAX_POINTS = 40, 1000
FEATURE_DATASETS = ("circle", "xor", "gaussians", "moons", "spiral")
EXTRA_FEATURES = tuple(f for f in feats.FEATURES if f not in compare.RAW_FEATURES)
COLUMNS = 4  # maps per row

URL_PARAMS = [
    Param("data", "circle", str, choices=toy.CLASSIFICATION),
    Param("noise", 10, int, 0, toy.MAX_NOISE, step=5),
    Param("points", 400, int, MIN_POINTS, MAX_POINTS, step=20),
    Param("classes", 3, int, toy.MIN_CLASSES, toy.MAX_CLASSES),
    Param("net", "medium", str, choices=tuple(NETWORKS)),
    Param("steps", 1000, int, choices=STEPS),
    Param("seed", 0, int, 0, 10**6),
    Param("fe_data", "circle", str, choices=FEATURE_DATASETS),
    # Logistic regression by default: on the default circle it levels off at once while the network keeps
    # learning from more data, the picture of note 000 (a tree or an SVM keeps up with the network here).
    Param("curve_model", "logistic", str, choices=compare.CLASSIC_MODELS),
    # The engineered features added to x1, x2 (?features=x1_sq,x2_sq; empty: none).
    Param("features", ("x1_sq", "x2_sq"), parser=name_list(EXTRA_FEATURES)),
]
TRANSLATED = ("data", "net", "fe_data", "curve_model", "features")  # select boxes whose labels follow the language
SAVED_WIDGETS = ("data", "noise", "points", "classes", "net", "steps", "fe_data", "features", "curve_model")
# What each of those widgets holds when the browser knows no value for it (Streamlit's own default: a slider's
# minimum, a select box's first option, an empty multiselect).
WIDGET_DEFAULTS = {"data": toy.CLASSIFICATION[0], "noise": 0, "points": MIN_POINTS, "classes": toy.MIN_CLASSES,
                   "net": next(iter(NETWORKS)), "steps": STEPS[0], "fe_data": FEATURE_DATASETS[0], "features": [],
                   "curve_model": compare.CLASSIC_MODELS[0]}
SHOWN = P + "shown"  # the settings as the last full run drew them
CHANGED = P + "changed"  # (setting, came with a fragment's rerun) noted by callbacks since the last full run


# ---------------------------------------------------------------- settings that survive page switches


def init_widgets() -> None:
    """Seed every widget from this session's last values, else the link, else the defaults.

    Streamlit forgets a widget's value when the page is left, so the values live in P + "saved".
    After a language switch the select boxes get their values handed back so their labels follow.
    """
    url = query_values(URL_PARAMS, P + "url")
    saved = st.session_state.setdefault(P + "saved", {})
    for key, value in {**url, **saved}.items():
        st.session_state.setdefault(P + key, list(value) if key == "features" else value)
    if st.session_state.get(P + "lang") != lang():
        for key in TRANSLATED:
            st.session_state[P + key] = st.session_state[P + key]
        st.session_state[P + "lang"] = lang()


def save(*names: str) -> None:
    """A setting changed (its widget's callback): noted here, and kept or put back by `settle_changes` at the top of
    the next full run (a change can come with a fragment's rerun, which does not run the page's top)."""
    st.session_state.setdefault(CHANGED, []).extend((name, in_fragment_run()) for name in names)


def settle_changes() -> None:
    """Keep the settings the student changed since the last full run, and put back changes that were not theirs.

    In full CI runs the browser was seen sending the sliders' and the multiselect's built-in defaults (40 points,
    noise 0, no features) all at once, after the page's poll fragments had run (Streamlit loses those widgets'
    values in the browser around a fragment's `st.rerun()`), and the page took them as the student's: every
    setting jumped to its minimum while a learning curve was measured. So changes that all land on the widgets'
    own defaults are put back as the last full run drew them when several come at once or one comes with a
    fragment's rerun (these controls are outside every fragment). A student's change reruns the whole page; two
    quick ones may arrive together, and only those that both land on such defaults are put back. Writing the
    values back into session state also makes Streamlit send them to the browser again.
    """
    in_fragment: dict[str, bool] = {}  # each changed setting: whether it came with a fragment's rerun
    for name, fragment in st.session_state.pop(CHANGED, []):
        if P + name in st.session_state:  # (a widget Streamlit has since forgotten: the page was left)
            in_fragment[name] = in_fragment.get(name, False) or fragment
    saved, shown = st.session_state.setdefault(P + "saved", {}), st.session_state.get(SHOWN, {})
    at_default = [n for n in in_fragment if n in SAVED_WIDGETS and st.session_state[P + n] == WIDGET_DEFAULTS[n]]
    for name, fragment in in_fragment.items():
        if name in at_default and name in shown and (fragment or len(at_default) > 1):
            st.session_state[P + name] = shown[name]
        else:
            saved[name] = st.session_state[P + name]


def remember_shown() -> None:
    """The settings as this full run drew them (what `settle_changes` puts back)."""
    st.session_state[SHOWN] = {name: st.session_state[P + name] for name in SAVED_WIDGETS}


def new_points() -> None:
    st.session_state[P + "seed"] = random.randrange(10**6)
    save("seed")


# ---------------------------------------------------------------- fits in the background (shared by sessions)
# Every model is one job in ui.background, keyed by exactly the settings it depends on (a classic
# model ignores the network's size; the feature-engineering network on the circle is the
# comparison's), so the eight fits run side by side and a change refits only what it changes.
# The page never waits: maps show a spinner until their fit is done.


def _data(name: str, noise: int, points: int, classes: int, seed: int) -> toy.ToyData:
    return toy.make(name, n_points=points, noise=noise, test_ratio=0.5, seed=seed, n_classes=classes)


def _net(size: str, steps: int) -> compare.NetSettings:
    return compare.NetSettings(hidden=NETWORKS[size], steps=steps)


def data_key(name: str, noise: int, points: int, classes: int, seed: int) -> tuple:
    """The data set's settings; the class count only where the data set has one."""
    return name, noise, points, classes if name in toy.MULTICLASS else 2, seed


def _fit(model: str, features: tuple[str, ...], data: tuple, net: tuple | None) -> compare.ModelResult:
    seed = data[-1]
    return compare.fit(model, _data(*data), features, _net(*net) if net else compare.NetSettings(), seed)


def fit_job(model: str, data: tuple, net: tuple, features: tuple[str, ...] = compare.RAW_FEATURES):
    """The background job fitting `model` on the data set `data` (see data_key); `net` = (size, steps)."""
    net_key = net if model == compare.NETWORK else None
    return background.job(("classic/fit", model, features, data, net_key), _fit, model, features, data, net_key)


def _curve(name: str, noise: int, classes: int, classic: str, size: str, steps: int, seed: int,
           sizes: tuple[int, ...], repeats: int, test_points: int, progress=None) -> compare.LearningCurve:
    return compare.learning_curve(name, noise, classic, sizes=sizes, net=_net(size, steps), repeats=repeats,
                                  test_points=test_points, seed=seed, n_classes=classes, progress=progress)


# ---------------------------------------------------------------- drawing


def labels(prefix: str, names) -> callable:
    """A menu's format_func: labels translated now, for this run (Streamlit may call it outside the run,
    where the session's language cannot be read)."""
    return {name: t(f"{prefix}.{name}") for name in names}.__getitem__


def pct(value: float) -> str:
    return f"{value:.0%}" if value in (0.0, 1.0) else f"{value:.1%}"


def times(ratio: float) -> str:
    return f"{ratio:,.0f}" if ratio >= 10 else f"{ratio:.1f}"


def map_labels() -> charts.MapLabels:
    return charts.MapLabels(klass=t("classic.chart.class"), train=t("classic.chart.train"), held_out=t("classic.chart.test"))


def draw_map(result: compare.ModelResult, data: toy.ToyData, title: str, key: str, about: str | None = None) -> None:
    """One model's decision map with its scores underneath."""
    _, axis = compare.map_grid()
    fig = charts.decision_map(axis, result.probs, data.x_train, data.y_train, data.x_test, data.y_test, map_labels(),
                              title=title, height=270, marker_size=5)
    plotly_chart(fig, key=key, config={"displayModeBar": False}, width="stretch")
    st.markdown(t("classic.scores", train=pct(result.train_acc), test=pct(result.test_acc),
                  time=compare.describe_time(result.fit_seconds)))
    if about:
        st.caption(about)


def settings_panel() -> dict:
    """The data and network controls; returns the chosen values."""
    with st.container(border=True):
        cols = st.columns([1.2, 1, 1, 1.2, 1, 1.15], vertical_alignment="bottom")
        name = shown_widget(cols[0].selectbox, P + "data", t("classic.dataset"), toy.CLASSIFICATION,
                                 format_func=labels("classic.dataset", toy.CLASSIFICATION), on_change=save, args=("data",))
        noise = shown_widget(cols[1].slider, P + "noise", t("classic.noise"), 0, toy.MAX_NOISE, step=5, help=t("classic.noise_help"),
                               on_change=save, args=("noise",))
        points = shown_widget(cols[2].slider, P + "points", t("classic.points"), MIN_POINTS, MAX_POINTS, step=20,
                                help=t("classic.points_help"), on_change=save, args=("points",))
        size = shown_widget(cols[3].selectbox, P + "net", t("classic.network"), tuple(NETWORKS), help=t("classic.network_help"),
                                 format_func=labels("classic.net", NETWORKS), on_change=save, args=("net",))
        steps = shown_widget(cols[4].select_slider, P + "steps", t("classic.steps"), STEPS, help=t("classic.steps_help"),
                                      on_change=save, args=("steps",))
        cols[5].button(t("classic.new_data"), key=P + "new", on_click=new_points, icon=":material/shuffle:",
                       help=t("classic.new_data_help"), width="stretch")
        classes = st.session_state[P + "classes"]
        if name in toy.MULTICLASS:
            classes = shown_widget(st.slider, P + "classes", t("classic.classes"), toy.MIN_CLASSES, toy.MAX_CLASSES,
                                on_change=save, args=("classes",))
    return dict(name=name, noise=noise, points=points, classes=classes, size=size, steps=steps,
                seed=st.session_state[P + "seed"])


def pending_map(title: str) -> None:
    """Where a map will be, while its model is still fitting."""
    st.markdown(f"**{title}**")
    st.info(t("classic.fitting_one"), icon="spinner")  # not st.status: it sleeps 50 ms each, 0.55 s for eleven


def draw_job(job, data: toy.ToyData, title: str, key: str, about: str | None = None) -> compare.ModelResult | None:
    """The job's map when its fit is done (its error sentence if it failed), else a spinner; its result or None."""
    if not job.done():
        pending_map(title)
        return None
    try:
        result = job.result()
    except UserError as error:
        st.markdown(f"**{title}**")
        show_error(error)
        return None
    draw_map(result, data, title, key=key, about=about)
    return result


def about_text(model: str, n_classes: int) -> str:
    """The one-line description under a model's map; some say it differently for more than two classes."""
    multi = f"classic.about.{model}.multi"
    return t(multi) if n_classes > 2 and multi in i18n.strings() else t(f"classic.about.{model}")


def _maps_view(jobs: dict, data: toy.ToyData) -> None:
    results = []
    names = list(compare.MODELS)
    for row in range(0, len(names), COLUMNS):
        cols = st.columns(COLUMNS, gap="small")
        for col, name in zip(cols, names[row : row + COLUMNS]):
            with col:
                results.append(draw_job(jobs[name], data, t(f"classic.model.{name}"), key=P + f"map/{name}",
                                        about=about_text(name, data.n_classes)))
    if any(r is None for r in results):
        return
    best = max(r.test_acc for r in results)
    winners = ", ".join(t(f"classic.model.{r.name}") for r in results if r.test_acc == best)
    network = next(r for r in results if r.name == compare.NETWORK)
    median = statistics.median(r.fit_seconds for r in results if r.name != compare.NETWORK)
    st.info(t(
        "classic.best", models=winners, acc=pct(best), net_time=compare.describe_time(network.fit_seconds),
        ratio=t("classic.times", ratio=times(network.fit_seconds / max(median, 1e-6))), median=compare.describe_time(median),
    ))
    st.caption(t("classic.overfit_note"))


def comparison(s: dict) -> None:
    st.subheader(t("classic.models.header"))
    explain(t("classic.models.explain"))
    key = data_key(s["name"], s["noise"], s["points"], s["classes"], s["seed"])
    try:
        data = _data(*key)
    except UserError as error:
        show_error(error)
        return
    # The network first: it takes longest, and the classic models share the other cores meanwhile.
    order = (compare.NETWORK, *compare.CLASSIC_MODELS)
    jobs = {name: fit_job(name, key, (s["size"], s["steps"])) for name in order}
    background.poll_while(jobs.values(), _maps_view, jobs, data, state_key=P + "poll/maps")


def _features_view(jobs: tuple, data: toy.ToyData, engineered: tuple[str, ...]) -> None:
    symbols = ", ".join(feats.SYMBOLS[f] for f in engineered)
    cols = st.columns(3, gap="medium")
    results = []
    for col, job, title, key in zip(
        cols, jobs,
        (t("classic.features.raw"), t("classic.features.engineered", features=symbols), t("classic.features.network")),
        ("raw", "engineered", "network"),
    ):
        with col:
            results.append(draw_job(job, data, title, key=P + f"fe/{key}"))
    if all(r is not None for r in results):
        raw, eng, net = results
        st.success(t("classic.features.verdict", raw=pct(raw.test_acc), engineered=pct(eng.test_acc),
                     network=pct(net.test_acc)))


def feature_engineering(s: dict) -> None:
    st.subheader(t("classic.features.header"))
    explain(t("classic.features.explain"))
    cols = st.columns([1, 2])
    name = shown_widget(cols[0].selectbox, P + "fe_data", t("classic.features.dataset"), FEATURE_DATASETS,
                             format_func=labels("classic.dataset", FEATURE_DATASETS), on_change=save, args=("fe_data",))
    extra = shown_widget(cols[1].multiselect, P + "features", t("classic.features.pick"), EXTRA_FEATURES,
                                format_func=feats.SYMBOLS.get, help=t("classic.features.pick_help"),
                                placeholder=own_text("common.choose_options"),
                                on_change=save, args=("features",))
    engineered = feats.check((*compare.RAW_FEATURES, *extra))
    key = data_key(name, s["noise"], s["points"], 2, s["seed"])
    try:
        data = _data(*key)
    except UserError as error:
        show_error(error)
        return
    jobs = (
        fit_job(compare.NETWORK, key, (s["size"], s["steps"])),
        fit_job("logistic", key, (s["size"], s["steps"])),
        fit_job("logistic", key, (s["size"], s["steps"]), engineered),
    )
    background.poll_while(jobs, _features_view, (jobs[1], jobs[2], jobs[0]), data, engineered,
                          state_key=P + "poll/features")


def _curve_view(job, classic: str, s: dict) -> None:
    """The measured curve, or how far the measurement has come."""
    if not job.done():
        fraction = job.progress.fraction
        st.progress(fraction, text=t("classic.curve.progress", percent=f"{fraction:.0%}"))
        return
    try:
        curve: compare.LearningCurve = job.result()
    except UserError as error:
        show_error(error)
        return
    name = t(f"classic.model.{classic}")
    labels = charts.CurveLabels(size=t("classic.chart.size"), accuracy=t("classic.chart.accuracy"), classic=name,
                                network=t("classic.model.network"), chance=t("classic.chart.chance"))
    fig = charts.learning_curve_figure(curve.sizes, curve.classic_mean, curve.classic_std, curve.network_mean,
                                       curve.network_std, compare.chance_level(toy.classes_of(s["name"], s["classes"])),
                                       labels)
    plotly_chart(fig, key=P + "curve_chart", config={"displayModeBar": False}, width="stretch")
    st.caption(t(
        "classic.curve.reading", small=f"{curve.sizes[0]:,}", large=f"{curve.sizes[-1]:,}", classic=name,
        classic_small=pct(curve.classic_mean[0]), network_small=pct(curve.network_mean[0]),
        classic_large=pct(curve.classic_mean[-1]), network_large=pct(curve.network_mean[-1]),
    ))
    reading = compare.read_curve(curve)
    verdict = t(f"classic.curve.verdict.{reading.verdict}", classic=name, **reading.texts())
    if reading.network_flat_from is not None and reading.verdict in ("notes", "network_ahead"):
        verdict += " " + t("classic.curve.flat", **reading.texts())
    st.markdown(verdict)


def _measure(key: tuple) -> None:
    """Start measuring the curve for `key`, unless this session measured too many new ones lately (a shared server)."""
    measured = st.session_state.setdefault(P + "curves_measured", {})  # key -> when (this session's curves)
    now = time.monotonic()
    if key not in measured:
        wait = quota.wait_seconds(list(measured.values()), now, compare.CURVES_PER_WINDOW, compare.CURVE_WINDOW_SECONDS)
        if wait:
            show_error(UserError("classic.curve.too_often", count=compare.CURVES_PER_WINDOW,
                                 minutes=round(compare.CURVE_WINDOW_SECONDS / 60), seconds=wait))
            return
    background.job(("classic/curve", *key), _curve, *key, progress=True)
    st.session_state[P + "curve"] = key
    measured.setdefault(key, now)


def data_dependence(s: dict) -> None:
    st.subheader(t("classic.curve.header"))
    st.markdown(t(
        "classic.curve.explain", sizes=", ".join(f"{n:,}" for n in compare.CURVE_SIZES), repeats=compare.CURVE_REPEATS,
        test=f"{compare.CURVE_TEST_POINTS:,}",
    ))
    cols = st.columns([1.3, 1, 2.2], vertical_alignment="bottom")
    classic = shown_widget(cols[0].selectbox, P + "curve_model", t("classic.curve.model"), compare.CLASSIC_MODELS,
                                format_func=labels("classic.model", compare.CLASSIC_MODELS), on_change=save, args=("curve_model",))
    key = (s["name"], s["noise"], s["classes"] if s["name"] in toy.MULTICLASS else 2, classic, s["size"], s["steps"],
           s["seed"], tuple(compare.CURVE_SIZES), compare.CURVE_REPEATS, compare.CURVE_TEST_POINTS)
    fits = 2 * len(compare.CURVE_SIZES) * compare.CURVE_REPEATS
    # Measured on demand and in the background (48 fits): the page stays usable while it runs.
    if cols[1].button(t("classic.curve.measure"), key=P + "measure", type="primary", icon=":material/monitoring:",
                      help=t("classic.curve.measure_help", fits=fits), width="stretch"):
        _measure(key)
    job = background.find(("classic/curve", *key)) if st.session_state.get(P + "curve") == key else None
    if job is None:
        st.caption(t("classic.curve.prompt"))
        return
    background.poll_while([job], _curve_view, job, classic, s, state_key=P + "poll/curve")


# ---------------------------------------------------------------- page

page_header("classic")
settle_changes()
init_widgets()
settings = settings_panel()
comparison(settings)
st.divider()
feature_engineering(settings)
st.divider()
data_dependence(settings)
st.divider()
st.subheader(t("classic.summary.header"))
st.markdown(t("classic.summary.text"))
sync_query({
    "data": settings["name"], "noise": settings["noise"], "points": settings["points"], "classes": settings["classes"],
    "net": settings["size"], "steps": settings["steps"], "seed": settings["seed"],
    "fe_data": st.session_state[P + "fe_data"], "curve_model": st.session_state[P + "curve_model"],
    "features": tuple(st.session_state[P + "features"]),
})
remember_shown()
background.start_jobs()  # the fits asked for above start now that the page is drawn
