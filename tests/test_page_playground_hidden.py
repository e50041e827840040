"""AppTest of the Playground's hidden-layer view: shown for a layer of 2 or 3 neurons, a hint otherwise, a picker
when several layers qualify (kept in the link, without rebuilding the run), redrawn from each new snapshot."""

import pytest

from tests.apptest_utils import all_text, run_page

P = "playground/"
WORKER = P + "worker"


@pytest.fixture(autouse=True)
def threads(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_TRAINING_PROCESSES", "0")  # the tests read the worker's trainer


@pytest.fixture
def apps():
    opened = []
    yield opened
    for at in opened:
        if WORKER in at.session_state:
            at.session_state[WORKER].stop()


def _open(apps, **kwargs):
    at = run_page("network_playground", **kwargs)
    apps.append(at)
    return at


def _scene(at):
    frame = at.session_state[P + "hidden_frame"] if P + "hidden_frame" in at.session_state else None
    return None if frame is None else frame[1]


def _dots(scene):
    return [p for op in scene["ops"] if op["k"] == "dots" for p in op["p"]]


def test_default_network_shows_its_two_neuron_layer(apps):
    at = _open(apps)
    text = all_text(at)
    assert "What hidden layer 2 sees" in text and "decision flips" in text
    scene = _scene(at)
    assert len(_dots(scene)) == 2 * 250  # every training point of the default set (500 at 50 %)
    assert not [s for s in at.selectbox if s.key == P + "view"]  # one layer qualifies: nothing to pick
    before = _dots(scene)
    at.button(key=P + "step").click().run()
    assert _dots(_scene(at)) != before  # one epoch later the points have moved


def test_no_layer_of_two_or_three_says_how_to_get_one(apps):
    at = _open(apps, query={"layers": "4,4"})
    text = all_text(at)
    assert "has no such layer" in text and "2 neurons" in text
    assert _scene(at) is None and "What hidden layer" not in text


def test_picker_chooses_the_layer_keeps_the_run_and_goes_in_the_link(apps):
    at = _open(apps, query={"layers": "3,5,2"})
    picker = at.selectbox(key=P + "view")
    assert picker.options == ["Layer 1 (3 neurons)", "Layer 3 (2 neurons)"] and picker.value == 3
    worker = at.session_state[WORKER]
    picker.select(1).run()
    assert not at.exception
    text = all_text(at)
    assert "What hidden layer 1 sees" in text and "three neurons" in text and "decision flips" not in text
    assert at.session_state[WORKER] is worker  # only the view changed, not the network
    assert at.query_params["view"] == "1"  # in the page's link
    assert {op["t"] for op in _scene(at)["back"]["ops"] if op["k"] == "text"} == {"neuron 1", "neuron 2", "neuron 3"}


def test_link_opens_on_its_layer_in_korean(apps):
    at = _open(apps, lang="ko", query={"layers": "3,5,2", "view": "1"})
    assert at.selectbox(key=P + "view").value == 1
    text = all_text(at)
    assert "은닉층 1에서 본 데이터" in text and "세 뉴런" in text
    assert {op["t"] for op in _scene(at)["back"]["ops"] if op["k"] == "text"} == {"뉴런 1", "뉴런 2", "뉴런 3"}


def test_the_box_of_three_neurons_turns_without_rebuilding_the_run(apps):
    at = _open(apps, query={"layers": "4,3"})
    worker, before = at.session_state[WORKER], _scene(at)
    assert at.slider(key=P + "turn").value == 35
    at.slider(key=P + "turn").set_value(-90).run()
    assert not at.exception and at.session_state[WORKER] is worker
    assert at.query_params["turn"] == "-90"
    after = _scene(at)
    assert _dots(after) != _dots(before) and len(_dots(after)) == len(_dots(before))  # same points, seen turned
    plane = _open(apps, query={"layers": "4,2"})
    assert not [s for s in plane.slider if s.key == P + "turn"]  # nothing to turn on a plane
