"""A lesson step met by training ticks while training runs (the live view reruns the page once), no pause needed."""

import pytest

from playground import lessons as L
from tests.e2e.conftest import SCREENSHOTS, open_app, wait_idle

TEXT = {"en": ("Pause", "Next step", "Lesson done: all lessons"), "ko": ("일시정지", "다음 단계", "수업 완료: 수업 목록")}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_circle_step_ticks_while_the_playground_trains(page, app_url, lang):
    pause, next_step, all_done = TEXT[lang]
    lesson = L.by_id("circle")
    step = lesson.steps[1]  # "get the circle's test loss below 0.1"
    open_app(page, app_url, "playground", lesson="circle", step="2", lang=lang, **step.query())
    page.set_viewport_size({"width": 1280, "height": 720})
    banner = page.locator(".st-key-lesson-banner")
    assert "radio_button_unchecked" in banner.inner_text()
    page.locator(".st-key-playground-play button").first.click()
    page.wait_for_function("() => document.querySelector('.st-key-lesson-banner').innerText.includes('check_circle')",
                           timeout=90_000)
    # Ticked while it still trains: the button says Pause, and the banner offers the way on.
    assert pause in page.locator(".st-key-playground-play button").first.inner_text()
    banner.get_by_text(next_step if len(lesson.steps) > 2 else all_done).wait_for(timeout=10_000)
    page.mouse.move(5, 5)
    page.wait_for_timeout(300)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"lesson_live_tick_{lang}_1280x720.png"))
    page.locator(".st-key-playground-play button").first.click()  # pause: the run stops with the test
    wait_idle(page)
