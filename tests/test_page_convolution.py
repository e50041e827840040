"""The Convolution page in AppTest: both languages, the formula filled in, presets, the numbers against
torch.nn.functional.conv2d, sentences for kernels that do not fit and cells never covered, the position controls,
hidden controls, and a link that round-trips every setting."""

from __future__ import annotations

import base64
import json

import numpy as np
import torch
from torch.nn import functional as F

from playground import conv_geometry as cg
from tests.apptest_utils import all_text, run_page
from tests.test_link_roundtrip import hostile, link_notices, round_trip, widgets

P = "conv/"


def _figures(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _output_grid(at) -> np.ndarray:
    """The output chart's cell values (NaN where the kernel has not been yet)."""
    z = _figures(at)[1]["data"][0]["z"]
    if isinstance(z, dict):  # Plotly's typed-array form of a NumPy array: base64 bytes, dtype and shape
        shape = tuple(int(n) for n in str(z["shape"]).split(","))
        return np.frombuffer(base64.b64decode(z["bdata"]), dtype=np.dtype(z["dtype"])).reshape(shape).astype(float)
    return np.array([[np.nan if v is None else v for v in row] for row in z], dtype=float)


def _query(at) -> dict:
    return {name: at.query_params[name] for name in at.query_params}


def _value(raw):
    return raw[0] if isinstance(raw, list) else raw


def test_english_page_fills_in_the_formula_and_draws_both_grids():
    at = run_page("convolution")
    assert at.title[0].value == "Convolution and pooling"
    formula = at.latex[0].value
    # 7×7, k = 3, s = 1, p = 0: ⌊(7 + 0 − 3)/1⌋ + 1 = 5, written out with the numbers.
    assert r"\frac{7 + 2\cdot 0 - 3}{1}" in formula and formula.strip().endswith("= 5\n$$".strip())
    text = all_text(at)
    assert "**Output 5×5**: 25 kernel positions on the 7×7 input." in text
    assert "Position 1 of 25: output row 1, column 1." in text
    assert len(at.get("plotly_chart")) == 2
    # The first position's products written out: the 7's top-left corner under the vertical-edge kernel.
    assert r"\xrightarrow{\;\Sigma\;}\; -1" in at.latex[1].value


def test_output_values_on_the_page_equal_torch_conv2d():
    at = run_page("convolution", query={"h": "9", "w": "8", "k": "3", "s": "2", "p": "1", "kern": "hedge", "pos": "20"})
    image = torch.tensor(cg.sample_image(9, 8))[None, None]
    kernel = torch.tensor(cg.kernel_preset("hedge", 3))[None, None]
    expected = F.conv2d(image, kernel, stride=2, padding=1)[0, 0].numpy()
    grid = _output_grid(at)
    assert grid.shape == expected.shape == (5, 4)
    filled = ~np.isnan(grid)
    assert filled.sum() == 20  # the output fills up to the current position, row by row
    np.testing.assert_allclose(grid[filled], expected[filled], atol=1e-12)


def test_korean_page_uses_the_course_terms():
    at = run_page("convolution", "ko")
    assert at.title[0].value == "합성곱과 풀링"
    text = all_text(at)
    for term in ("합성곱", "커널", "스트라이드", "패딩", "특징 맵", "풀링"):
        assert term in text, term
    assert at.slider(key=P + "s").label == "스트라이드 s"
    assert "**출력 5×5**" in text


def test_presets_set_the_teachers_examples():
    at = run_page("convolution")
    at.button(key=P + "preset_same").click().run()
    assert "**Output 7×7**" in all_text(at) and "same" in at.success[0].value
    at.button(key=P + "preset_stride2").click().run()
    assert "**Output 4×4**" in all_text(at) and at.slider(key=P + "s").value == 2
    at.button(key=P + "preset_valid").click().run()
    assert "**Output 5×5**" in all_text(at)
    at.button(key=P + "preset_pool").click().run()
    assert at.radio(key=P + "mode").value == "max"
    assert "**Output 4×4**" in all_text(at) and "stride s = window k = 2" in all_text(at)
    assert r"\max" in at.latex[1].value


def test_kernel_too_large_and_uncovered_cells_are_explained():
    at = run_page("convolution", query={"h": "3", "w": "3", "k": "7", "p": "1"})
    assert "The 7×7 kernel does not fit in the 3×3 input (5×5 with padding)" in at.error[0].value
    assert len(at.get("plotly_chart")) == 1  # the input with the kernel running past it; no output
    at = run_page("convolution", query={"h": "7", "w": "7", "k": "2", "mode": "max"})
    assert "no position covers row 7 and column 7 of the input" in at.warning[0].value
    at = run_page("convolution", query={"h": "7", "w": "9", "k": "1", "s": "3"})  # stride larger than the kernel
    assert "rows 2, 3, 5, 6 and columns 2, 3, 5, 6, 8, 9" in at.warning[0].value


def test_position_controls_move_the_kernel_and_the_link():
    at = run_page("convolution")
    at.button(key=P + "next").click().run()
    assert at.slider(key=P + "pos").value == 2 and _value(at.query_params["pos"]) == "2"
    at.slider(key=P + "pos").set_value(25).run()
    assert "Position 25 of 25: output row 5, column 5." in all_text(at)
    assert at.button(key=P + "next").disabled
    at.button(key=P + "prev").click().run()
    assert at.slider(key=P + "pos").value == 24
    at.slider(key=P + "k").set_value(7).run()  # one position left: the position follows, no slider
    assert "1 kernel positions" in all_text(at) or "**Output 1×1**" in all_text(at)
    assert _value(at.query_params["pos"]) == "1"


def test_play_button_turns_into_pause_and_back():
    at = run_page("convolution")
    at.button(key=P + "play").click().run()
    assert at.session_state[P + "playing"] and at.button(key=P + "play").label == "Pause"
    at.button(key=P + "play").click().run()
    assert not at.session_state[P + "playing"] and at.button(key=P + "play").label == "Play"
    assert cg.advance(24, 25) == (24, False)  # what a tick does on the last position: stop there


def test_kernel_choice_and_size_change():
    at = run_page("convolution")
    at.selectbox(key=P + "kern").set_value("identity").run()
    assert _value(at.query_params["kern"]) == "identity" and "kv" not in at.query_params
    at.toggle(key=P + "num").set_value(False).run()
    assert len(at.latex) == 1 and _value(at.query_params["num"]) == "0"  # no numbers: the formula only
    at = run_page("convolution", query={"kern": "custom", "kv": "1,2;3,4", "k": "2"})
    at.slider(key=P + "k").set_value(3).run()  # one's own 2×2 kernel cannot be resized: vertical edges at 3×3
    assert at.selectbox(key=P + "kern").value == "vedge"


def test_hidden_controls_are_not_drawn_and_keep_their_value():
    at = run_page("convolution", query={"k": "5", "hide": "conv/k,conv/table,conv/play"})
    assert not [s for s in at.slider if s.key == P + "k"]
    assert not [b for b in at.button if b.key == P + "play"]
    assert "**Output 3×3**" in all_text(at)
    controls = at.session_state["app/controls"]
    assert {P + "k", P + "table", P + "play"} <= set(controls)


def test_link_round_trips_every_setting():
    at = run_page("convolution", query={"kern": "custom", "kv": "0.5,-1.25;2,0", "k": "2"})
    at.radio(key=P + "mode").set_value("conv")
    at.slider(key=P + "h").set_value(11)
    at.slider(key=P + "w").set_value(9)
    at.slider(key=P + "k").set_value(2)
    at.slider(key=P + "s").set_value(3)
    at.slider(key=P + "p").set_value(2)
    at.run()
    at.slider(key=P + "pos").set_value(7).run()
    query = round_trip(at, "convolution", P)
    assert query["kern"] == "custom" and query["kv"] == "0.5,-1.25;2,0" and query["pos"] == "7"
    assert (query["h"], query["w"], query["k"], query["s"], query["p"]) == ("11", "9", "2", "3", "2")
    again = run_page("convolution", query=query)
    assert _query(again) == {**query, "lang": "en"}  # the link the page writes is the link it was given
    # Pooling keeps the convolution's stride and padding in the link for a switch back.
    at.radio(key=P + "mode").set_value("avg").run()
    query = round_trip(at, "convolution", P)
    assert query["mode"] == "avg" and query["s"] == "3" and query["p"] == "2"


def test_hostile_link_values_fall_back_with_a_short_notice():
    hostile("convolution", ["h", "k", "s", "p", "mode", "pos", "kern", "num"], P)
    for bad in ("1,2;3", "**x**,0;0,0", "9" * 3000, "1e999,0;0,0", "100,0;0,0"):
        at = run_page("convolution", query={"kern": "custom", "kv": bad, "k": "2"})
        notices = link_notices(at)
        assert len(notices) == 1 and "'kv'" in notices[0] and len(notices[0]) < 400, bad
        assert at.selectbox(key=P + "kern").value == "vedge"
    at = run_page("convolution", query={"pos": "400"})
    assert "only 25; showing position 25" in at.info[0].value
    assert at.slider(key=P + "pos").value == 25


def test_presentation_view_styles_the_grids_for_a_projector():
    at = run_page("convolution", query={"present": "1"})
    for figure in _figures(at):
        assert figure["layout"]["font"]["size"] >= 18
    assert widgets(at, P)[P + "k"] == 3


def test_the_lesson_on_sizes_can_be_done_on_the_page():
    # Each step opened by its link, done with the one control it leaves, and checked from the page's own state.
    from playground import lessons as L

    (lesson,) = [lesson for lesson in L.load_all() if lesson.id == "convolution-sizes"]
    moves = [("slider", P + "p", 1), ("slider", P + "s", 2), ("radio", P + "mode", "max")]
    for step, (kind, key, value) in zip(lesson.steps, moves):
        at = run_page("convolution", query={**step.query(), "hide": ",".join(step.hide)})
        assert not L.check_done(step.check, step.args, at.session_state[P + "saved"])
        assert not [w for w in getattr(at, kind) if w.key in step.hide]
        getattr(at, kind)(key=key).set_value(value).run()
        if kind == "radio":
            at.slider(key=P + "k").set_value(2).run()
        assert L.check_done(step.check, step.args, at.session_state[P + "saved"]), step.task["en"]


def test_a_play_left_behind_on_another_page_is_paused_on_return():
    at = run_page("convolution")
    at.button(key=P + "play").click().run()
    assert at.button(key=P + "play").label == "Pause"
    at.session_state[P + "tick"] = at.session_state[P + "tick"] - 60  # no tick for a minute: the page was left
    at.run()
    assert not at.session_state[P + "playing"] and at.button(key=P + "play").label == "Play"


def test_no_kernel_table_without_a_position_to_compute():
    at = run_page("convolution", query={"h": "3", "w": "5", "k": "6", "p": "1", "kern": "box"})
    assert not [s for s in at.selectbox if s.key == P + "kern"]
    assert _value(at.query_params["kern"]) == "box"  # kept in the link all the same
    at.slider(key=P + "k").set_value(3).run()
    assert at.selectbox(key=P + "kern").value == "box"
