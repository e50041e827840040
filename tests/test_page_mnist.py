"""AppTest for the MNIST page: defaults, presets, the layer table, a short run, inspection, model files.

Parameter counts are worked out by hand from the layer shapes; live redraws (run_every) are not
ticked by AppTest, so the run is awaited through the session's worker itself.
"""

from __future__ import annotations

import json
import pickle

import pytest

from playground import model_io
from tests.apptest_utils import all_text, run_page

# Small CNN: conv 1->32 3×3 (32·9+32=320), conv 32->32 3×3 (32·32·9+32=9,248), dense 32·7·7->10 (15,690).
CNN_PARAMS = "25,258"
# MLP: 784·128+128 = 100,480 and 128·10+10 = 1,290.
MLP_PARAMS = "101,770"
# Softmax regression: 784·10+10.
SOFTMAX_PARAMS = "7,850"


@pytest.fixture(autouse=True)
def _empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_MNIST_DIR", str(tmp_path / "mnist-cache"))


def _stop_worker(at) -> None:
    worker = at.session_state["mnist/worker"] if "mnist/worker" in at.session_state else None
    if worker is not None:
        worker.stop()


def test_defaults_in_english_and_korean():
    at = run_page("mnist")
    text = all_text(at)
    assert "3,600 digits for training, 400 for validation, 1,000 for the final test" in text
    assert "held back from the sample" in text
    assert f"Total trainable parameters: {CNN_PARAMS}" in text
    assert at.selectbox(key="mnist/preset").value == "cnn"
    assert at.select_slider(key="mnist/lr").value == 0.002
    assert at.selectbox(key="mnist/device").value == "cpu"  # the fastest device here (no GPU)
    assert "No model yet" in text and not at.error
    ko = all_text(run_page("mnist", lang="ko"))
    assert "손글씨" in ko and "훈련 3,600개" in ko


def test_presets_replace_the_network():
    at = run_page("mnist")
    at.selectbox(key="mnist/preset").set_value("mlp").run()
    assert f"Total trainable parameters: {MLP_PARAMS}" in all_text(at)
    at.selectbox(key="mnist/preset").set_value("softmax").run()
    assert f"Total trainable parameters: {SOFTMAX_PARAMS}" in all_text(at)


def test_url_settings_are_read():
    at = run_page("mnist", query={"preset": "mlp", "lr": "0.01", "epochs": "3", "val": "20", "seed": "banana"})
    text = all_text(at)
    assert f"Total trainable parameters: {MLP_PARAMS}" in text
    assert at.select_slider(key="mnist/lr").value == 0.01 and at.slider(key="mnist/epochs").value == 3
    assert "3,200 digits for training, 800 for validation" in text
    assert "'banana'" in text  # the bad seed is reported and the default used
    # The exported scripts train these settings on these digits (tests/test_export_code.py runs such scripts).
    pytorch = next(c.value for c in at.code if "import torch" in c.value and "keras" not in c.value)
    assert "SOURCE = 'sample'" in pytorch and "VALIDATION = 0.2" in pytorch and "EPOCHS = 3 " in pytorch
    assert "LEARNING_RATE = 0.01" in pytorch and "nn.Linear(784, 128)" in pytorch
    keras = next(c.value for c in at.code if "import keras" in c.value)
    assert "layers.Dense(128, activation='relu'" in keras and "VALIDATION = 0.2" in keras


def test_editing_the_table_and_an_impossible_stack_keeps_the_last_valid_network():
    at = run_page("mnist")
    # A wider first convolution: 1->24 filters, 24·9+24=240; second conv 32·24·9+32=6,944; dense 15,690.
    at.session_state[at.data_editor[0].key] = {"edited_rows": {0: {"units": 24}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "Total trainable parameters: 22,874" in all_text(at)
    # Now a kernel of 40 on a 28×28 image: the builder's sentence, and the 22,874 network stays.
    at.session_state[at.data_editor[0].key] = {"edited_rows": {0: {"units": 24, "kernel": 40}}, "added_rows": [],
                                         "deleted_rows": []}
    at.run()
    errors = " ".join(e.value for e in at.error)
    assert "Layer 1 (conv2d, kernel 40) receives a 28×28 input" in errors
    assert "last network that worked" in all_text(at)
    assert "Total trainable parameters: 22,874" in all_text(at)


def test_network_must_end_in_ten_outputs():
    at = run_page("mnist")
    at.session_state[at.data_editor[0].key] = {"edited_rows": {5: {"units": 7}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "must end with a dense layer of 10 units" in " ".join(e.value for e in at.error)


def test_moving_a_layer():
    at = run_page("mnist", query={"preset": "mlp"})
    at.selectbox(key="mnist/move_which").set_value(0).run()
    at.button(key="mnist/move1").click().run()  # flatten moves below the dense layer: dense on an image
    errors = " ".join(e.value for e in at.error)
    assert "Layer 1 (dense) receives an image of shape 1×28×28: add a flatten layer before it" in errors


def test_short_run_then_inspection_and_model_file_round_trip():
    at = run_page("mnist", query={"preset": "softmax", "epochs": "2", "batch": "64", "lr": "0.003"})
    at.button(key="mnist/train").click().run()
    worker = at.session_state["mnist/worker"]
    try:
        assert worker.wait(60), "two epochs of softmax regression should take seconds"
        assert worker.status == "finished" and worker.latest().history["epoch"] == [1, 2]
        at.run()
        text = all_text(at)
        accuracy = float(text.split("Test accuracy: ")[1].split("%")[0])
        assert accuracy > 80  # ten classes: chance is 10%
        assert "Most frequent confusion" in text and "misread" in text
        assert "one 28×28 image of weights per digit" in text.lower()
        assert "no convolution layers" in text
        # The saved file loads back into the page as a paused run with the same predictions.
        with worker.lock:
            trainer = worker.trainer
            data = model_io.save_model(
                at.session_state["mnist/run"]["specs"], (1, 28, 28), trainer.state_dict(),
                {"mean": 0.1307, "std": 0.3081}, [str(d) for d in range(10)], history=trainer.history,
            )
        at.file_uploader(key="mnist/upload").upload("mine.nnp", data).run()
        assert "Loaded mine.nnp: 7,850 weights, trained for 2 epochs" in all_text(at)
        loaded = at.session_state["mnist/worker"]
        assert loaded is not worker and loaded.status == "paused"
        import numpy as np

        x = np.random.default_rng(0).normal(size=(5, 1, 28, 28)).astype(np.float32)
        with worker.lock, loaded.lock:
            assert np.array_equal(worker.trainer.predict(x), loaded.trainer.predict(x))
    finally:
        _stop_worker(at)
        worker.stop()


def test_uploading_a_pickle_or_junk_gives_a_sentence(tmp_path):
    class Evil:
        def __reduce__(self):
            return (open, (str(tmp_path / "pwned"), "w"))

    at = run_page("mnist")
    at.file_uploader(key="mnist/upload").upload("model.pt", pickle.dumps(Evil())).run()
    assert "pickle" in " ".join(e.value for e in at.error)
    assert not (tmp_path / "pwned").exists()
    at.file_uploader(key="mnist/upload").set_value(("notes.txt", b"just some text", "text/plain")).run()
    assert "not a model saved by this app" in " ".join(e.value for e in at.error)
    assert "No model yet" in all_text(at)


def test_missing_folder_falls_back_to_the_sample(tmp_path, monkeypatch):
    from playground.datasets import mnist

    monkeypatch.setenv(mnist.ENV_ROOT, str(tmp_path))
    at = run_page("mnist")
    at.radio(key="mnist/data").set_value("folder").run()
    at.text_input(key="mnist/folder").input("no/such/folder").run()
    assert "no/such/folder' does not exist" in " ".join(e.value for e in at.error)
    assert "3,600 digits for training" in all_text(at)


def test_folders_outside_the_data_root_are_refused_without_probing(tmp_path, monkeypatch):
    from playground.datasets import mnist

    monkeypatch.setenv(mnist.ENV_ROOT, str(tmp_path))
    at = run_page("mnist")
    at.radio(key="mnist/data").set_value("folder").run()
    texts = []
    for probe in ("/root", "/no/such/folder", "/proc/1/root", "x" * 5000):
        at.text_input(key="mnist/folder").input(probe).run()
        assert not at.exception
        texts.append(" ".join(e.value for e in at.error).replace(probe[:80], "P"))
    assert f"only under {tmp_path}" in texts[0] and texts[0] == texts[1] == texts[2]
    assert "3,600 digits for training" in all_text(at)


def test_folder_option_with_the_shared_10k_folder(shared_data, monkeypatch):
    from playground.datasets import mnist

    monkeypatch.setenv(mnist.ENV_ROOT, str(shared_data))
    at = run_page("mnist")
    at.radio(key="mnist/data").set_value("folder").run()
    at.text_input(key="mnist/folder").input(str(shared_data / "mnist-10k")).run()
    assert "7,200 digits for training, 800 for validation, 2,000 for the final test" in all_text(at)
    assert "MNIST's own test set" in all_text(at)


def test_download_without_network_says_so_and_keeps_the_sample(monkeypatch):
    from playground.datasets import mnist

    def offline(url, timeout=30.0):
        raise OSError("Network is unreachable")

    monkeypatch.setattr(mnist, "urllib_fetch", offline)
    at = run_page("mnist")
    at.radio(key="mnist/data").set_value("full").run()
    assert "press the download button first" in " ".join(e.value for e in at.error)
    at.button(key="mnist/download").click().run()
    errors = " ".join(e.value for e in at.error)
    assert "Could not download train-images-idx3-ubyte.gz from any mirror" in errors
    assert "Network is unreachable" in errors
    assert "3,600 digits for training" in all_text(at)


def test_settings_survive_a_language_switch():
    at = run_page("mnist")
    at.selectbox(key="mnist/preset").set_value("mlp").run()
    at.select_slider(key="mnist/lr").set_value(0.01).run()
    at.slider(key="mnist/epochs").set_value(7).run()
    at.session_state["lang"] = "ko"
    at.run()
    assert at.selectbox(key="mnist/preset").value == "mlp"
    assert at.select_slider(key="mnist/lr").value == 0.01 and at.slider(key="mnist/epochs").value == 7
    assert "학습되는 매개변수는 모두 101,770개입니다" in all_text(at)


def test_a_stale_move_selection_after_a_preset_change_is_reset():
    # What the browser sent after the CNN's 6 layers became softmax regression's 2 (found by the browser test).
    at = run_page("mnist", query={"preset": "softmax"}, **{"mnist/move_which": "5: Max pooling"})
    assert at.selectbox(key="mnist/move_which").value == 0
    at = run_page("mnist", query={"preset": "softmax"}, **{"mnist/move_which": 4})
    assert at.selectbox(key="mnist/move_which").value == 1


def _saved_softmax(history: dict, epochs: int) -> bytes:
    """A model file as the page saves it: softmax regression (untrained weights) with a 2-epoch history."""
    from playground import layers
    from playground.mnist_presets import PRESETS

    model = layers.build(PRESETS["softmax"], (1, 28, 28), seed=0)
    config = {"optimizer": "adam", "learning_rate": 0.003, "batch_size": 64, "epochs": epochs}
    return model_io.save_model(PRESETS["softmax"], (1, 28, 28), model.state_dict(), {"mean": 0.1307, "std": 0.3081},
                               [str(d) for d in range(10)], config=config, history=history)


def test_a_loaded_model_shows_what_it_is_and_resumes_from_its_epoch_count():
    history = {"epoch": [1, 2], "train_loss": [0.6, 0.4], "test_loss": [0.5, 0.35],
               "train_acc": [0.85, 0.9], "test_acc": [0.87, 0.91]}
    at = run_page("mnist")
    at.file_uploader(key="mnist/upload").upload("mine.nnp", _saved_softmax(history, 2)).run()
    try:
        assert "trained for 2 epochs" in all_text(at)
        metrics = {m.label: m.value for m in at.metric}
        assert metrics["Epochs done"] == "2 / 2" and metrics["Validation accuracy"] == "91.0%"
        assert "Test accuracy:" in all_text(at)  # what the loaded model scores on the test digits
        curves = [c for c in at.get("plotly_chart") if c.proto.id and "curves" in c.proto.id] or at.get("plotly_chart")
        xs = [trace.get("x") for c in curves for trace in json.loads(c.proto.spec)["data"]]
        assert any(list(x or []) == [1, 2] for x in xs), "the saved learning curves are drawn"
        # One more epoch: training continues at epoch 3 with the saved curve in front of it.
        at.slider(key="mnist/epochs").set_value(3).run()
        at.button(key="mnist/pause").click().run()
        worker = at.session_state["mnist/worker"]
        assert worker.wait(60)
        assert worker.latest().history["epoch"] == [1, 2, 3]
        assert worker.latest().history["test_acc"][:2] == [0.87, 0.91]
    finally:
        _stop_worker(at)


def test_a_download_error_has_no_stray_none_under_it():
    from playground.errors import UserError

    at = run_page("mnist", **{"mnist/download_msg": ("error", UserError("mnist.model.kept"))})
    assert at.error, "the error is shown"
    assert not [m.value for m in at.markdown if m.value.strip("` ") == "None"]


def test_a_new_layer_row_gets_relu_not_a_blank_activation():
    at = run_page("mnist")
    columns = json.loads(at.data_editor[0].proto.columns)
    assert columns["activation"]["default"] == "relu"  # what the browser fills into a row added with +


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_layer_table_headers_are_not_squeezed_into_small_columns(lang):
    # A "small" column (75 px) cut "Units / filte" and "Dropout rat"; only short headers may use it.
    at = run_page("mnist", lang)
    columns = json.loads(at.data_editor[0].proto.columns)
    squeezed = [c["label"] for c in columns.values() if c.get("width") == "small" and len(c["label"]) > 7]
    assert not squeezed, squeezed


def test_the_page_runs_with_its_preset_data_and_validation_controls_hidden():
    # A teacher's ?hide=... (or a lesson step) leaves these widgets undrawn: the page reads the kept values
    # (it raised KeyError on st.session_state["mnist/preset"], found by the Digits-with-a-CNN lesson's browser test).
    at = run_page("mnist", query={"preset": "mlp"}, **{"app/hide": {"mnist/preset", "mnist/data", "mnist/val"}})
    assert f"Total trainable parameters: {MLP_PARAMS}" in all_text(at)
    assert "mnist/preset" not in [w.key for w in at.selectbox]
