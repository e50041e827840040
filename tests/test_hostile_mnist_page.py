"""The MNIST page refuses a network too big for one training step, saying why, and keeps the last one."""

from tests.apptest_utils import all_text, run_page


def test_five_hundred_filters_at_batch_512_are_refused_with_the_reason():
    at = run_page("mnist", query={"batch": "512"})
    before = all_text(at)
    at.session_state[at.data_editor[0].key] = {"edited_rows": {0: {"units": 500}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "batch size 512 needs about" in errors and "MB" in errors
    assert "last network that worked" in all_text(at)
    total = [line for line in before.splitlines() if line.startswith("Total trainable parameters")]
    assert total and total[0] in all_text(at)  # the previous network stays
    at.button(key="mnist/train").click().run()  # training the kept network still works
    assert not at.exception and not [e for e in at.error if "Traceback" in e.value]
    worker = at.session_state["mnist/worker"] if "mnist/worker" in at.session_state else None
    if worker is not None:
        worker.stop()
