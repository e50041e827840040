"""Classic machine learning vs deep learning: eight models on one data set, feature engineering, data dependence.

Thin by design: widgets -> playground.compare (fits cached per setting with st.cache_data, shared by
every session since they are read-only results) -> charts from playground.charts.lessons.
"""

from __future__ import annotations

import random
import statistics
import time

import streamlit as st

from playground import compare, grids, quota
from playground import features as feats
from playground.charts import lessons as charts
from playground.datasets import toy
from playground.errors import UserError
from playground.state import Param
from ui.common import explain, lang, page_header, query_values, show_error, sync_query, t
from ui.classroom import plotly_chart

P = "classic/"  # session-state namespace of this page
NETWORKS = {"small": (8,), "medium": (16, 16), "large": (32, 32, 32)}
STEPS = (250, 500, 1000, 2000, 4000)
MIN_POINTS, MAX_POINTS = 40, 1000
FEATURE_DATASETS = ("circle", "xor", "gaussians", "moons", "spiral")
EXTRA_FEATURES = tuple(f for f in feats.FEATURES if f not in compare.RAW_FEATURES)
COLUMNS = 4  # maps per row

URL_PARAMS = [
    Param("data", "circle", str, choices=toy.CLASSIFICATION),
    Param("noise", 10, int, 0, toy.MAX_NOISE),
    Param("points", 400, int, MIN_POINTS, MAX_POINTS),
    Param("classes", 3, int, toy.MIN_CLASSES, toy.MAX_CLASSES),
    Param("net", "medium", str, choices=tuple(NETWORKS)),
    Param("steps", 1000, int, choices=STEPS),
    Param("seed", 0, int, 0, 10**6),
    Param("fe_data", "circle", str, choices=FEATURE_DATASETS),
    Param("curve_model", "tree", str, choices=compare.CLASSIC_MODELS),
]
DEFAULTS = {"features": ["x1_sq", "x2_sq"]}
TRANSLATED = ("data", "net", "fe_data", "curve_model", "features")  # select boxes whose labels follow the language


# ---------------------------------------------------------------- settings that survive page switches


def init_widgets() -> None:
    """Seed every widget from this session's last values, else the link, else the defaults.

    Streamlit forgets a widget's value when the page is left, so the values live in P + "saved".
    After a language switch the select boxes get their values handed back so their labels follow.
    """
    url = query_values(URL_PARAMS, P + "url")
    saved = st.session_state.setdefault(P + "saved", {})
    for key, value in {**DEFAULTS, **url, **saved}.items():
        st.session_state.setdefault(P + key, value)
    if st.session_state.get(P + "lang") != lang():
        for key in TRANSLATED:
            st.session_state[P + key] = st.session_state[P + key]
        st.session_state[P + "lang"] = lang()


def save(*names: str) -> None:
    """Remember the current values of these widgets for the next visit."""
    saved = st.session_state[P + "saved"]
    for name in names:
        saved[name] = st.session_state[P + name]


def new_points() -> None:
    st.session_state[P + "seed"] = random.randrange(10**6)
    save("seed")


# ---------------------------------------------------------------- cached fits (read-only, shared by sessions)


def _data(name: str, noise: int, points: int, classes: int, seed: int) -> toy.ToyData:
    return toy.make(name, n_points=points, noise=noise, test_ratio=0.5, seed=seed, n_classes=classes)


def _net(size: str, steps: int) -> compare.NetSettings:
    return compare.NetSettings(hidden=NETWORKS[size], steps=steps)


@st.cache_data(max_entries=24, show_spinner=False)
def fit_all(name: str, noise: int, points: int, classes: int, seed: int, size: str, steps: int) -> list[compare.ModelResult]:
    """Every model on one data set (cached per setting)."""
    return compare.compare(_data(name, noise, points, classes, seed), net=_net(size, steps), seed=seed)


@st.cache_data(max_entries=24, show_spinner=False)
def fit_features(name: str, noise: int, points: int, seed: int, engineered: tuple[str, ...], size: str,
                 steps: int) -> tuple[compare.ModelResult, ...]:
    """Logistic regression with and without the engineered inputs, and the network (cached per setting)."""
    data = _data(name, noise, points, 2, seed)
    return compare.feature_engineering(data, engineered, _net(size, steps), seed=seed)


@st.cache_data(max_entries=16, show_spinner=False)
def measure_curve(name: str, noise: int, classes: int, classic: str, size: str, steps: int, seed: int,
                  sizes: tuple[int, ...], repeats: int, test_points: int, _progress=None) -> compare.LearningCurve:
    """Test accuracy against training-set size (cached per setting; `_progress` is not part of the key)."""
    return compare.learning_curve(name, noise, classic, sizes=sizes, net=_net(size, steps), repeats=repeats,
                                  test_points=test_points, seed=seed, n_classes=classes, progress=_progress)


# ---------------------------------------------------------------- drawing


def pct(value: float) -> str:
    return f"{value:.0%}" if value in (0.0, 1.0) else f"{value:.1%}"


def times(ratio: float) -> str:
    return f"{ratio:,.0f}" if ratio >= 10 else f"{ratio:.1f}"


def map_labels() -> charts.MapLabels:
    return charts.MapLabels(klass=t("classic.chart.class"), train=t("classic.chart.train"), held_out=t("classic.chart.test"))


def draw_map(result: compare.ModelResult, data: toy.ToyData, title: str, key: str, about: str | None = None) -> None:
    """One model's decision map with its scores underneath."""
    _, axis = grids.grid_points(toy.EXTENT, compare.RESOLUTION)
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
        name = cols[0].selectbox(t("classic.dataset"), toy.CLASSIFICATION, key=P + "data",
                                 format_func=lambda d: t(f"classic.dataset.{d}"), on_change=save, args=("data",))
        noise = cols[1].slider(t("classic.noise"), 0, toy.MAX_NOISE, step=5, key=P + "noise", help=t("classic.noise_help"),
                               on_change=save, args=("noise",))
        points = cols[2].slider(t("classic.points"), MIN_POINTS, MAX_POINTS, step=20, key=P + "points",
                                help=t("classic.points_help"), on_change=save, args=("points",))
        size = cols[3].selectbox(t("classic.network"), tuple(NETWORKS), key=P + "net", help=t("classic.network_help"),
                                 format_func=lambda s: t(f"classic.net.{s}"), on_change=save, args=("net",))
        steps = cols[4].select_slider(t("classic.steps"), STEPS, key=P + "steps", help=t("classic.steps_help"),
                                      on_change=save, args=("steps",))
        cols[5].button(t("classic.new_data"), key=P + "new", on_click=new_points, icon=":material/shuffle:",
                       help=t("classic.new_data_help"), width="stretch")
        classes = st.session_state[P + "classes"]
        if name in toy.MULTICLASS:
            classes = st.slider(t("classic.classes"), toy.MIN_CLASSES, toy.MAX_CLASSES, key=P + "classes",
                                on_change=save, args=("classes",))
    return dict(name=name, noise=noise, points=points, classes=classes, size=size, steps=steps,
                seed=st.session_state[P + "seed"])


def comparison(s: dict) -> None:
    st.subheader(t("classic.models.header"))
    explain(t("classic.models.explain"))
    try:
        data = _data(s["name"], s["noise"], s["points"], s["classes"], s["seed"])
        with st.spinner(t("classic.fitting")):
            results = fit_all(s["name"], s["noise"], s["points"], s["classes"], s["seed"], s["size"], s["steps"])
    except UserError as error:
        show_error(error)
        return
    for row in range(0, len(results), COLUMNS):
        cols = st.columns(COLUMNS, gap="small")
        for col, result in zip(cols, results[row : row + COLUMNS]):
            with col:
                draw_map(result, data, t(f"classic.model.{result.name}"), key=P + f"map/{result.name}",
                         about=t(f"classic.about.{result.name}"))
    best = max(r.test_acc for r in results)
    winners = ", ".join(t(f"classic.model.{r.name}") for r in results if r.test_acc == best)
    network = next(r for r in results if r.name == compare.NETWORK)
    median = statistics.median(r.fit_seconds for r in results if r.name != compare.NETWORK)
    st.info(t(
        "classic.best", models=winners, acc=pct(best), net_time=compare.describe_time(network.fit_seconds),
        ratio=t("classic.times", ratio=times(network.fit_seconds / max(median, 1e-6))), median=compare.describe_time(median),
    ))
    st.caption(t("classic.overfit_note"))


def feature_engineering(s: dict) -> None:
    st.subheader(t("classic.features.header"))
    explain(t("classic.features.explain"))
    cols = st.columns([1, 2])
    name = cols[0].selectbox(t("classic.features.dataset"), FEATURE_DATASETS, key=P + "fe_data",
                             format_func=lambda d: t(f"classic.dataset.{d}"), on_change=save, args=("fe_data",))
    extra = cols[1].multiselect(t("classic.features.pick"), EXTRA_FEATURES, key=P + "features",
                                format_func=feats.SYMBOLS.get, help=t("classic.features.pick_help"),
                                on_change=save, args=("features",))
    engineered = feats.check((*compare.RAW_FEATURES, *extra))
    try:
        data = _data(name, s["noise"], s["points"], 2, s["seed"])
        with st.spinner(t("classic.fitting")):
            raw, eng, net = fit_features(name, s["noise"], s["points"], s["seed"], engineered, s["size"], s["steps"])
    except UserError as error:
        show_error(error)
        return
    symbols = ", ".join(feats.SYMBOLS[f] for f in engineered)
    cols = st.columns(3, gap="medium")
    for col, result, title, key in (
        (cols[0], raw, t("classic.features.raw"), "raw"),
        (cols[1], eng, t("classic.features.engineered", features=symbols), "engineered"),
        (cols[2], net, t("classic.features.network"), "network"),
    ):
        with col:
            draw_map(result, data, title, key=P + f"fe/{key}")
    st.success(t("classic.features.verdict", raw=pct(raw.test_acc), engineered=pct(eng.test_acc), network=pct(net.test_acc)))


def _measure(key: tuple, place) -> None:
    """Measure the curve for `key`, unless this session measured too many new ones lately (a shared server)."""
    measured = st.session_state.setdefault(P + "curves_measured", {})  # key -> when (this session's curves)
    now = time.monotonic()
    if key not in measured:
        wait = quota.wait_seconds(list(measured.values()), now, compare.CURVES_PER_WINDOW, compare.CURVE_WINDOW_SECONDS)
        if wait:
            show_error(UserError("classic.curve.too_often", count=compare.CURVES_PER_WINDOW,
                                 minutes=round(compare.CURVE_WINDOW_SECONDS / 60), seconds=wait))
            return
    bar = place.progress(0.0, text=t("classic.curve.progress", percent="0%"))

    def progress(fraction: float) -> None:
        bar.progress(fraction, text=t("classic.curve.progress", percent=f"{fraction:.0%}"))

    try:
        st.session_state[P + "curve"] = (key, measure_curve(*key, _progress=progress))
        measured.setdefault(key, now)
    except UserError as error:
        show_error(error)
    bar.empty()


def data_dependence(s: dict) -> None:
    st.subheader(t("classic.curve.header"))
    st.markdown(t(
        "classic.curve.explain", sizes=", ".join(f"{n:,}" for n in compare.CURVE_SIZES), repeats=compare.CURVE_REPEATS,
        test=f"{compare.CURVE_TEST_POINTS:,}",
    ))
    cols = st.columns([1.3, 1, 2.2], vertical_alignment="bottom")
    classic = cols[0].selectbox(t("classic.curve.model"), compare.CLASSIC_MODELS, key=P + "curve_model",
                                format_func=lambda m: t(f"classic.model.{m}"), on_change=save, args=("curve_model",))
    key = (s["name"], s["noise"], s["classes"], classic, s["size"], s["steps"], s["seed"], tuple(compare.CURVE_SIZES),
           compare.CURVE_REPEATS, compare.CURVE_TEST_POINTS)
    fits = 2 * len(compare.CURVE_SIZES) * compare.CURVE_REPEATS
    if cols[1].button(t("classic.curve.measure"), key=P + "measure", type="primary", icon=":material/monitoring:",
                      help=t("classic.curve.measure_help", fits=fits), width="stretch"):
        _measure(key, cols[2])
    stored = st.session_state.get(P + "curve")

    if stored is None or stored[0] != key:
        st.caption(t("classic.curve.prompt"))
        return
    curve: compare.LearningCurve = stored[1]
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


# ---------------------------------------------------------------- page

page_header("classic")
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
})
