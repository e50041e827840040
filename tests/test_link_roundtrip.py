"""Every page's link carries its whole state: set the widgets to values other than the defaults (with
awkward precision where a box takes any number), read the URL the page wrote, open a fresh session on
that URL and find every widget as it was. And each new link value, when hostile, gives a short notice
and the default, never a traceback.
"""

from __future__ import annotations

import pytest

from tests.apptest_utils import all_text, run_page
from tests.test_fuzz_pages import _calm

WIDGETS = ("slider", "select_slider", "selectbox", "radio", "number_input", "checkbox", "toggle", "text_input",
           "multiselect")
HOSTILE = ("**x** ![i](http://e.example/i.png)" + "9" * 3000, "nan,nan", "-1e999", "🙂\u202e\u0000")


@pytest.fixture(autouse=True)
def threads(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_TRAINING_PROCESSES", "0")


def _stop(at) -> None:
    """Stop the training threads a page started."""
    for key in ("playground/worker", "mnist/worker", "splits/worker"):
        worker = at.session_state[key] if key in at.session_state else None
        if worker is not None:
            worker.stop()


def widgets(at, prefix: str) -> dict:
    """{key: value} of the page's widgets (the page's namespace only)."""
    values = {}
    for kind in WIDGETS:
        for widget in getattr(at, kind):
            if widget.key and widget.key.startswith(prefix):
                value = widget.value
                values[widget.key] = list(value) if isinstance(value, tuple) else value
    return values


def link_notices(at) -> list[str]:
    """The notices about the link's values (the page's own notices aside)."""
    return [str(i.value) for i in at.info if "The link's" in str(i.value)]


def reopen(at, page: str):
    """A fresh session on the link `at` wrote (its query string), as a student opening it would."""
    query = {name: at.query_params[name] for name in at.query_params}
    return run_page(page, query=query), query


def round_trip(at, page: str, prefix: str, skip=()) -> dict:
    """Open the page's link in a new session and check every widget (but `skip`) came back; the query."""
    before = {k: v for k, v in widgets(at, prefix).items() if k not in skip}
    again, query = reopen(at, page)
    try:
        refused = link_notices(again)
        assert not refused, refused  # nothing in its own link is refused or moved
        after = {k: v for k, v in widgets(again, prefix).items() if k not in skip}
        assert after == before
    finally:
        _stop(again)
    return query


def hostile(page: str, names, prefix: str):
    """Each of `names` hostile in turn: a short plain notice, the default value, no traceback."""
    clean = run_page(page)
    default = widgets(clean, prefix)
    _stop(clean)
    for i, name in enumerate(names):
        at = run_page(page, query={name: HOSTILE[i % len(HOSTILE)]})
        try:
            _calm(at)
            notices = " ".join(str(n.value) for n in at.info)
            assert f"'{name}'" in notices and "9" * 100 not in notices, (name, notices[:300])
            assert widgets(at, prefix) == default, name
        finally:
            _stop(at)


# ---------------------------------------------------------------- Perceptron

PERCEPTRON = "perceptron/"


def test_perceptron_link_round_trips_every_setting():
    at = run_page("perceptron")
    at.radio(key=PERCEPTRON + "gate").set_value("OR")
    at.slider(key=PERCEPTRON + "w1").set_value(-0.35)
    at.slider(key=PERCEPTRON + "w2").set_value(1.15)
    at.select_slider(key=PERCEPTRON + "learning_rate").set_value(0.25)
    at.select_slider(key=PERCEPTRON + "max_epochs").set_value(200)
    at.number_input(key=PERCEPTRON + "xor/nand/w1").set_value(-0.333)
    at.number_input(key=PERCEPTRON + "xor/and/theta").set_value(1.2345678)
    at.run()
    at.toggle(key=PERCEPTRON + "use_bias").set_value(True).run()
    at.slider(key=PERCEPTRON + "bias").set_value(-0.45).run()
    query = round_trip(at, "perceptron", PERCEPTRON, skip={PERCEPTRON + "learn_step"})
    assert query["bias"] == "1" and query["theta"] == "0.45" and query["lr"] == "0.25" and query["epochs"] == "200"
    assert query["xor"].startswith("-0.333,") and "1.2345678" in query["xor"]


def test_perceptron_link_between_slider_steps_says_so():
    at = run_page("perceptron", query={"w1": "0.333", "theta": "0.7"})
    assert at.slider(key=PERCEPTRON + "w1").value == 0.35
    notice = " ".join(str(n.value) for n in at.info)
    assert "0\\.333" in notice and "0.05" in notice and "0.35" in notice


def test_perceptron_hostile_new_values_fall_back():
    hostile("perceptron", ["bias", "lr", "epochs", "xor"], PERCEPTRON)


# ---------------------------------------------------------------- Activations

ACT = "activations/"


def test_activations_link_round_trips_every_setting():
    at = run_page("activations")
    at.multiselect(key=ACT + "compare").set_value(["gelu", "step", "elu"])
    at.slider(key=ACT + "x_range").set_value((-7.5, 2.5))
    at.toggle(key=ACT + "show_fn").set_value(False)
    at.selectbox(key=ACT + "act").set_value("tanh")
    at.slider(key=ACT + "w1").set_value(-2.7)
    at.slider(key=ACT + "x2").set_value(0.3)
    at.slider(key=ACT + "n").set_value(23)
    at.run()
    query = round_trip(at, "activations", ACT)
    assert query["cmp"] == "gelu,step,elu" and query["range"] == "-7.5,2.5" and query["fn"] == "0"


def test_activations_link_between_slider_steps_says_so():
    at = run_page("activations", query={"w1": "0.333"})
    assert at.slider(key=ACT + "w1").value == 0.3
    assert "0.1" in " ".join(str(n.value) for n in at.info)


def test_activations_hostile_new_values_fall_back():
    hostile("activations", ["cmp", "range", "fn", "deriv"], ACT)
    for bad in ("relu,relu", "2,1", "0.3,4", "1,2,3"):
        at = run_page("activations", query={"cmp": bad, "range": bad})
        assert len(link_notices(at)) == 2 and not at.exception, bad


# ---------------------------------------------------------------- Linear regression

LINREG = "linreg/"


def test_linear_regression_link_round_trips_every_setting():
    at = run_page("linear_regression")
    at.toggle(key=LINREG + "show_best").set_value(True)
    at.toggle(key=LINREG + "zoom").set_value(True)
    at.select_slider(key=LINREG + "lr").set_value(0.002)
    at.slider(key=LINREG + "steps").set_value(321)
    at.select_slider(key=LINREG + "lr_adam").set_value(0.5)
    at.run()
    query = round_trip(at, "linear_regression", LINREG, skip={LINREG + "step"})
    assert query["best"] == "1" and query["zoom"] == "1" and "rows" not in query  # the notes' table: no rows
    at = run_page("linear_regression")
    at.radio(key=LINREG + "data").set_value("generated").run()
    at.slider(key=LINREG + "slope").set_value(-1.3)
    at.slider(key=LINREG + "noise").set_value(4.4)
    at.number_input(key=LINREG + "seed").set_value(77).run()
    round_trip(at, "linear_regression", LINREG, skip={LINREG + "step"})


def test_linear_regression_link_carries_an_edited_table():
    rows = "1,2.5;2,4.333;3,7;4,8.125"
    at = run_page("linear_regression", query={"rows": rows})
    assert not link_notices(at)
    assert at.query_params["rows"] == rows  # the page writes back the table it read, digits kept
    fit = [m.value for m in at.metric]
    again = run_page("linear_regression", query={"rows": at.query_params["rows"]})
    assert [m.value for m in again.metric] == fit
    sleep = "1,7,50;2,6,55;3,8,61;5,5,70"
    at = run_page("linear_regression", query={"data": "hours_sleep", "rows": sleep})
    assert not link_notices(at) and at.query_params["rows"] == sleep


def test_linear_regression_hostile_tables_fall_back_to_the_notes():
    hostile("linear_regression", ["rows", "best", "zoom"], LINREG)
    clean = [m.value for m in run_page("linear_regression").metric]
    for bad in ("1,2;1,3", "1,2", "1,2,3;4,5", "1,2;3,nan;4,5", "1,2;3,1e999;5,6", ";".join(["1,2"] * 500),
                "1,2,3;2,3,4;3,4,5;4,5,6"):  # constant x, too few, ragged, NaN, infinite, too long, wrong width
        at = run_page("linear_regression", query={"rows": bad})
        _calm(at)
        assert len(link_notices(at)) == 1 and "rows" not in at.query_params, bad
        assert [m.value for m in at.metric] == clean, bad


# ---------------------------------------------------------------- Classic vs deep

CLASSIC = "classic/"
CLASSIC_QUICK = {"points": "200", "steps": "250", "net": "small", "noise": "0"}  # quick fits (cached per setting)


def test_classic_vs_deep_link_round_trips_every_setting():
    at = run_page("classic_vs_deep", query=CLASSIC_QUICK)
    at.multiselect(key=CLASSIC + "features").set_value(["sin_x1", "x1x2", "x2_sq"])
    at.selectbox(key=CLASSIC + "fe_data").set_value("xor")
    at.selectbox(key=CLASSIC + "curve_model").set_value("svm_rbf")
    at.slider(key=CLASSIC + "noise").set_value(15)
    at.run()
    query = round_trip(at, "classic_vs_deep", CLASSIC)
    assert query["features"] == "sin_x1,x1x2,x2_sq" and query["fe_data"] == "xor"
    at = run_page("classic_vs_deep", query={**CLASSIC_QUICK, "features": ""})  # no engineered feature at all
    assert at.multiselect(key=CLASSIC + "features").value == [] and not link_notices(at)


def test_classic_vs_deep_hostile_features_fall_back():
    hostile("classic_vs_deep", ["features"], CLASSIC)
    at = run_page("classic_vs_deep", query={"features": "x1_sq,x1_sq", "points": "210"})  # repeated; off the grid
    assert len(link_notices(at)) == 2 and at.slider(key=CLASSIC + "points").value == 220  # 40 + 8.5 steps of 20: halves go up


@pytest.mark.parametrize("key,name", [("classic/noise", "noise"), ("classic/features", "features"),
                                      ("classic/curve_model", "curve_model")])
def test_classic_vs_deep_controls_can_be_hidden(key, name):
    value = {"noise": "5", "features": "x1x2", "curve_model": "tree"}[name]
    at = run_page("classic_vs_deep", query={**CLASSIC_QUICK, "hide": key, name: value})
    drawn = {w.key for kind in WIDGETS for w in getattr(at, kind)}
    assert key not in drawn and CLASSIC + "data" in drawn
    assert at.query_params[name] == value  # a hidden control keeps its value, and the link carries it


# ---------------------------------------------------------------- Train / validation / test

SPLITS = "splits/"


def test_train_val_test_link_round_trips_every_setting():
    at = run_page("train_val_test", query={"epochs": "100", "speed": "fast"})
    try:
        at.selectbox(key=SPLITS + "data").set_value("xor")
        at.slider(key=SPLITS + "noise").set_value(35)
        at.slider(key=SPLITS + "points").set_value(520)
        at.slider(key=SPLITS + "split").set_value((45, 70))
        at.toggle(key=SPLITS + "l2").set_value(True)
        at.toggle(key=SPLITS + "dropout").set_value(True)
        at.run()
        at.select_slider(key=SPLITS + "l2_rate").set_value(0.03)
        at.select_slider(key=SPLITS + "dropout_rate").set_value(0.5)
        at.selectbox(key=SPLITS + "speed").set_value("slow")
        at.run()
        query = round_trip(at, "train_val_test", SPLITS, skip={SPLITS + "epoch"})
        assert (query["train"], query["val"], query["l2_rate"]) == ("45", "25", "0.03")
    finally:
        _stop(at)


def test_train_val_test_link_between_slider_steps_says_so():
    at = run_page("train_val_test", query={"points": "333", "train": "62"})
    try:
        assert at.slider(key=SPLITS + "points").value == 340 and at.slider(key=SPLITS + "split").value[0] == 60
        assert len(link_notices(at)) == 2
    finally:
        _stop(at)


@pytest.mark.parametrize("key,name,value", [("splits/noise", "noise", "25"), ("splits/split", "train", "55"),
                                            ("splits/l2", "l2", "1"), ("splits/speed", "speed", "slow")])
def test_train_val_test_controls_can_be_hidden(key, name, value):
    at = run_page("train_val_test", query={"hide": key, name: value})
    try:
        drawn = {w.key for kind in WIDGETS for w in getattr(at, kind)}
        assert key not in drawn and SPLITS + "data" in drawn
        assert at.query_params[name] == value
        at.selectbox(key=SPLITS + "data").set_value("xor").run()  # another setting changes: the hidden one stays
        assert not at.exception and at.query_params[name] == value
    finally:
        _stop(at)


# ---------------------------------------------------------------- MNIST

MNIST = "mnist/"


@pytest.fixture
def mnist_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_MNIST_DIR", str(tmp_path / "mnist-cache"))


def _total(at) -> str:
    return next(line for line in all_text(at).splitlines() if "Total trainable parameters" in line)


def test_mnist_link_round_trips_an_edited_layer_table(mnist_cache):
    at = run_page("mnist")
    at.selectbox(key=MNIST + "preset").set_value("lenet").run()
    at.selectbox(key=MNIST + "move_which").set_value(1).run()  # the table edited: its first pool moved down
    at.button(key=MNIST + "move1").click().run()
    at.select_slider(key=MNIST + "lr").set_value(0.01)
    at.slider(key=MNIST + "epochs").set_value(7)
    at.slider(key=MNIST + "val").set_value(25)
    at.number_input(key=MNIST + "seed").set_value(4242).run()
    query = round_trip(at, "mnist", MNIST, skip={MNIST + "device", MNIST + "move_which"})
    assert query["layers"].startswith("conv2d:6:5:1:2:relu,conv2d:16:5:1:0:relu,maxpool:2,")
    again = run_page("mnist", query=query)
    assert _total(again) == _total(at)  # the same network, so the same parameter count
    _stop(again)
    plain = run_page("mnist", query={"preset": "mlp"})
    assert "layers" not in plain.query_params  # a preset's own table is named by the preset alone


def test_mnist_link_reads_the_compact_layer_form(mnist_cache):
    at = run_page("mnist", query={"layers": "conv2d:8:3:1:1:relu,maxpool:2,flatten,dense:10"})
    assert not link_notices(at)
    # conv 1->8 3×3: 8·9+8 = 80; dense 8·14·14->10: 15,680+10
    assert "15,770" in _total(at)
    assert at.query_params["layers"] == "conv2d:8:3:1:1:relu,maxpool:2,flatten,dense:10:linear"


def test_mnist_hostile_layer_tables_keep_the_preset(mnist_cache):
    hostile("mnist", ["layers"], MNIST)
    clean = _total(run_page("mnist"))
    for bad in ("conv2d:8:3:1:1:relu,flatten,dense:7",  # 7 outputs, not 10
                "dense:10", "warp:3,flatten,dense:10", "flatten,dense:10.5", "flatten,dense:1e9",
                "flatten,dense:10:evil", "flatten," * 40 + "dense:10", "flatten,dense:2000000,dense:10",
                "conv2d:512:3:1:1:relu,conv2d:512:3:1:1:relu,flatten,dense:10"):
        at = run_page("mnist", query={"layers": bad})
        _calm(at)
        assert len(link_notices(at)) == 1 and "layers" not in at.query_params, bad
        assert _total(at) == clean, bad


def test_layer_text_round_trips_every_preset():
    from playground import layer_table, layers
    from playground.mnist_presets import PRESETS

    for name, specs in PRESETS.items():
        text = layer_table.to_text(specs)
        back = layer_table.from_text(text)
        assert layer_table.to_text(back) == text, name
        shapes = [(i.output_shape, i.params) for i in layers.validate(specs, (1, 28, 28))]
        assert [(i.output_shape, i.params) for i in layers.validate(back, (1, 28, 28))] == shapes, name


# ---------------------------------------------------------------- Softmax and Backpropagation (already whole)

SOFTMAX = "softmax/"


def test_softmax_link_round_trips_every_setting():
    at = run_page("softmax")
    at.slider(key=SOFTMAX + "k").set_value(5).run()
    at.slider(key=SOFTMAX + "z3").set_value(-7.33)
    at.slider(key=SOFTMAX + "z0").set_value(0.01)
    at.radio(key=SOFTMAX + "y").set_value(4)
    at.slider(key=SOFTMAX + "T").set_value(2.3)
    at.slider(key=SOFTMAX + "c").set_value(-4.5)
    at.radio(key=SOFTMAX + "wrt").set_value("z")
    at.run()
    query = round_trip(at, "softmax", SOFTMAX)
    assert query["z3"] == "-7.33" and query["T"] == "2.3"
    at = run_page("softmax", query={"z0": "0.333", "T": "0.25"})  # logits keep any precision (as the presets' do)
    assert at.slider(key=SOFTMAX + "z0").value == 0.333 and at.query_params["z0"] == "0.333"
    assert at.slider(key=SOFTMAX + "T").value == 0.3 and len(link_notices(at)) == 1  # T is on its grid, said so


BACKPROP = "backprop/"


def test_backpropagation_link_round_trips_every_setting():
    at = run_page("backpropagation")
    at.slider(key=BACKPROP + "layers").set_value(2).run()
    at.slider(key=BACKPROP + "n2").set_value(3)
    at.slider(key=BACKPROP + "out").set_value(2)
    at.radio(key=BACKPROP + "loss").set_value("mse")
    at.selectbox(key=BACKPROP + "act").set_value("tanh")
    at.select_slider(key=BACKPROP + "lr").set_value(0.3)
    at.number_input(key=BACKPROP + "seed").set_value(31)
    at.radio(key=BACKPROP + "data").set_value("and")
    at.run()
    round_trip(at, "backpropagation", BACKPROP)


# ---------------------------------------------------------------- Playground (its own config <-> query mechanism)

PLAYGROUND = "playground/"


def test_playground_link_round_trips_every_setting():
    at = run_page("network_playground")
    try:
        at.selectbox(key=PLAYGROUND + "dataset").set_value("spiral")
        at.slider(key=PLAYGROUND + "noise").set_value(35)
        at.slider(key=PLAYGROUND + "train").set_value(70)
        at.select_slider(key=PLAYGROUND + "lr").set_value(0.3)
        at.selectbox(key=PLAYGROUND + "opt").set_value("adam")
        at.checkbox(key=PLAYGROUND + "feat/sin_x1").check()
        at.toggle(key=PLAYGROUND + "discrete").set_value(True)
        at.number_input(key=PLAYGROUND + "seed").set_value(123)
        at.run()
        assert not at.exception
        query = round_trip(at, "network_playground", PLAYGROUND)
        assert query["features"] == "x1,x2,sin_x1" and query["lr"] == "0.3"
    finally:
        _stop(at)


def test_share_url_is_the_address_bar_form():
    from ui.share import share_url

    assert share_url({"a": "1,2", "lang": "ko"}, "http://10.0.0.5:8501/perceptron/") == \
        "http://10.0.0.5:8501/perceptron?a=1%2C2&lang=ko"
    assert share_url({"a": "1"}, "http://10.0.0.5:8501") == "http://10.0.0.5:8501/?a=1"  # the home page
    assert share_url({"a": "1"}, "https://school.example/class/mnist") == "https://school.example/class/mnist?a=1"
    assert share_url({"a": "1"}, None) == "?a=1"  # no address known: the browser puts this page's in front


# ---------------------------------------------------------------- Convolution

CONV = "conv/"


def test_convolution_link_round_trips_every_setting():
    at = run_page("convolution")
    at.slider(key=CONV + "h").set_value(9)
    at.slider(key=CONV + "k").set_value(5)
    at.slider(key=CONV + "s").set_value(2)
    at.slider(key=CONV + "p").set_value(2)
    at.toggle(key=CONV + "num").set_value(False)
    at.run()
    at.slider(key=CONV + "pos").set_value(4).run()
    query = round_trip(at, "convolution", CONV)
    assert (query["h"], query["k"], query["s"], query["pos"]) == ("9", "5", "2", "4")


# ---------------------------------------------------------------- Copy link, drawn by the shell on every page


def _copy_links(at) -> list[dict]:
    import json

    return [json.loads(el.proto.json) for el in at.get("bidi_component")
            if el.proto.component_name == "playground_copy_link"]


@pytest.mark.parametrize("page", ["perceptron", "activations", "softmax", "backpropagation", "network_playground",
                                  "mnist", "linear_regression", "classic_vs_deep", "train_val_test", "convolution"])
def test_every_page_has_copy_link_with_its_settings_and_the_shell_settings(page, mnist_cache):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APPTEST_TIMEOUT, ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=APPTEST_TIMEOUT)
    at.query_params.update({"present": "1"})
    at.run()  # the home page first: AppTest names a page by its file, the shell knows "linear-regression"
    at.session_state["lang"] = "ko"  # then the sidebar's language switch, and the page
    at.switch_page(f"app_pages/{page}.py").run()
    try:
        assert not at.exception, [e.message for e in at.exception]
        links = _copy_links(at)  # the sidebar's (and the Playground's share tab's: the same link)
        assert links and all(link == links[0] for link in links) and links[0]["label"] == "링크 복사"
        query = {name: at.query_params[name] for name in at.query_params}
        from ui.share import share_url

        assert links[0]["link"] == share_url(query, None)  # the page's own settings and the shell's
        assert "lang=ko" in links[0]["link"] and "present=1" in links[0]["link"] and len(query) > 3
    finally:
        _stop(at)


def test_copy_link_carries_the_controls_the_teacher_hid():
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APPTEST_TIMEOUT, ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=APPTEST_TIMEOUT)
    at.query_params.update({"present": "1"})
    at.switch_page("app_pages/perceptron.py")
    at.run()
    at.sidebar.multiselect(key="app/hide_pick").set_value(["perceptron/w2", "perceptron/learning_rate"]).run()
    link = _copy_links(at)[0]["link"]
    assert "hide=perceptron%2Flearning_rate%2Cperceptron%2Fw2" in link and "w2=0.5" in link and "lr=0.1" in link
