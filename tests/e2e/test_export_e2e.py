"""The Playground's code tab in a real browser: the downloaded PyTorch script, run on its own, prints the
test loss and accuracy the page shows after the same epochs; the Keras 3 tab beside it, in both languages."""

import os
import re
import subprocess
import sys

from tests.e2e.conftest import open_app, screenshot, wait_idle

EPOCH_JS = "(e => e ? Number(e.innerText.replace(/,/g, '')) : -1)(document.querySelector('.pg-epoch'))"


def test_downloaded_script_prints_the_pages_test_scores(page, app_url, tmp_path):
    open_app(page, app_url, "", dataset="xor", noise="10")
    for epoch in (1, 2, 3):
        page.locator(".st-key-playground-step button").first.click()
        page.wait_for_function(f"() => ({EPOCH_JS}) >= {epoch}")
        wait_idle(page)
    shown_loss = float(page.locator(".pg-test-loss").first.inner_text().split()[-1])
    shown_acc = float(page.locator(".pg-test-acc").first.inner_text().split()[-1].rstrip("%")) / 100
    page.get_by_role("tab", name="Code (PyTorch, Keras)").click()
    code = page.locator('[data-testid="stCode"]').first
    code.wait_for()
    assert "EPOCHS = 3 " in code.inner_text() and "_xor(rng" in code.inner_text()
    page.get_by_text("It trains 3 epochs, as many as this run has trained").wait_for()
    with page.expect_download() as info:
        page.locator(".st-key-playground-download button").click()
    script = tmp_path / "playground_network.py"
    info.value.save_as(script)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"OMP_NUM_THREADS": "1"}
    out = subprocess.run([sys.executable, "-I", str(script)], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=120).stdout
    loss = float(re.search(r"^test loss: ([\d.]+)$", out, re.M).group(1))
    acc = float(re.search(r"^test accuracy: ([\d.]+)$", out, re.M).group(1))
    print(f"\npage after 3 epochs: test loss {shown_loss}, accuracy {shown_acc:.3f}; script: {loss}, {acc}")
    assert abs(loss - shown_loss) <= 0.0015  # the page shows three decimals
    assert abs(acc - shown_acc) <= 0.0015
    page.get_by_role("tab", name="Keras 3").click()
    page.get_by_text("The same network and training in Keras 3").wait_for()
    screenshot(page, "playground_code_keras_en")
    assert page.locator('[data-testid="stException"]').count() == 0


def test_code_tab_in_korean(page, app_url):
    open_app(page, app_url, "", lang="ko")
    page.get_by_role("tab", name="코드 (PyTorch, Keras)").click()
    page.get_by_text("아직 여기서 학습하지 않았으므로 100 에포크를 학습합니다").wait_for()
    page.get_by_role("tab", name="Keras 3").click()
    page.get_by_text("같은 신경망과 학습을 강의 노트처럼 Keras 3로 쓴 코드입니다").wait_for()
    screenshot(page, "playground_code_keras_ko")
    assert page.locator('[data-testid="stException"]').count() == 0


def test_mnist_page_offers_both_scripts(page, app_url):
    open_app(page, app_url, "mnist", preset="softmax", epochs="2")
    for key, name in (("export", "Download PyTorch script"), ("export_keras", "Download Keras 3 script")):
        button = page.locator(f".st-key-mnist-{key} button").first
        button.wait_for()
        assert name in button.inner_text()
    page.get_by_text("Show the Keras 3 code").click()
    keras = page.locator('[data-testid="stCode"]').filter(has_text="import keras").first
    keras.wait_for()
    assert "EPOCHS = 2 " in keras.inner_text() and "layers.Dense(10" in keras.inner_text()
    keras.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot(page, "mnist_export_en").with_name("mnist_export_view_en.png")))  # what one sees
    assert page.locator('[data-testid="stException"]').count() == 0
