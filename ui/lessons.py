"""Guided lessons, Streamlit side: a step's link, the page's state handed to its check, the lesson banner.

A step is opened by its link (?lesson=<id>&step=<n>&<the page's settings>): the shell calls `arrive`
before the page runs, which (when the step is new to this session) forgets the page's kept settings
so the page reads them from the link, and sets the step's hidden controls. After the page ran,
`banner` checks the step against the page's state (its session-state dicts, see `page_state`).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from playground import lessons as L
from ui.classroom import DONE, HIDE, LESSON, shell_query
from ui.common import lang, t

# url_path -> (session-state namespace, the dict where the page keeps its settings)
NAMESPACES = {
    "perceptron": ("perceptron/", "perceptron/saved"),
    "activations": ("activations/", "activations/saved"),
    "softmax": ("softmax/", "softmax/saved"),
    "backpropagation": ("backprop/", "backprop/saved"),
    "playground": ("playground/", "playground/values"),
    "convolution": ("conv/", "conv/saved"),
    "mnist": ("mnist/", "mnist/saved"),
    "linear-regression": ("linreg/", "linreg/saved"),
    "classic-vs-deep": ("classic/", "classic/saved"),
    "train-validation-test": ("splits/", "splits/saved"),
}
LESSONS_PAGE = "app_pages/lessons.py"
# Material Symbols (bundled with Streamlit), not emoji: many school machines have no colour-emoji font.
MARK_DONE = ":green[:material/check_circle:]"
MARK_TODO = ":gray[:material/radio_button_unchecked:]"


def page_state(page: str) -> dict | None:
    """The settings (and, for the Playground, the latest losses) page `page` keeps in this session."""
    prefix, saved_key = NAMESPACES[page]
    saved = st.session_state.get(saved_key)
    if saved is None:
        return None
    state = {(k[len(prefix):] if k.startswith(prefix) else k): v for k, v in saved.items()}
    if page == "playground":
        worker = st.session_state.get(prefix + "worker")
        snap = worker.latest() if worker is not None else None
        if snap is not None:
            state["epoch"] = snap.epoch
            for name in ("test_loss", "train_loss", "test_acc"):
                values = snap.history.get(name) or []
                state[name] = values[-1] if values else None
    if page == "backpropagation":
        run = st.session_state.get(prefix + "run") or {}
        history = run.get("history") or []
        if history:
            state.update(updates=run.get("updates", 0), start_loss=history[0][1], loss=history[-1][1])
    if page == "train-validation-test":
        state["looks"] = st.session_state.get(prefix + "looks", 0)
    if page == "mnist":
        run = st.session_state.get(prefix + "run") or {}
        state["has_conv"] = any(spec.get("kind") == "conv2d" for spec in run.get("specs") or [])
        state["test_acc"] = run.get("test_acc")
        state.update(st.session_state.get(prefix + "sees/lesson") or {})  # the "How it sees" tab (ui/mnist_sees.py)
    return state


def _forget_page(page: str) -> None:
    """Drop page `page`'s kept settings and widget values, so its next run reads them from the link."""
    prefix, saved_key = NAMESPACES[page]
    saved = st.session_state.get(saved_key) or {}
    for name in list(saved):
        st.session_state.pop(name if name.startswith(prefix) else prefix + name, None)
    # A trained MNIST model is the student's work, not a setting: the lesson's next step on that page uses it.
    run = () if page == "mnist" else (prefix + "run",)
    for key in (saved_key, prefix + "url", prefix + "seeded", *run, prefix + "learn_signature",
                prefix + "learn_step"):
        st.session_state.pop(key, None)


def progress() -> dict[str, set[int]]:
    if DONE not in st.session_state:
        st.session_state[DONE] = L.decode_progress(st.query_params.get("done"))
    return st.session_state[DONE]


GOTO = "lesson/goto"  # session key: the step a "Next step" button asked for, opened on the next run


def _go(lesson_id: str, number: int) -> None:
    st.session_state[GOTO] = (lesson_id, number)


def arrive(current_page: str) -> None:
    """Before the page runs: a step link new to this session starts that step (see the module doc).

    A "Next step" button's step is opened here too: a link to the page already shown does nothing
    in the browser, so the button sets the link's parameters (or switches page with them).
    """
    goto = st.session_state.pop(GOTO, None)
    lesson = L.by_id(goto[0]) if goto else None
    if lesson is not None:
        query = step_query(lesson, goto[1])
        step = lesson.steps[goto[1] - 1]
        if step.page != current_page:
            st.switch_page(L.PAGES[step.page], query_params=query)
        st.query_params.from_dict(query)
    done = progress()
    query = st.query_params
    lesson = L.by_id(query.get("lesson"))
    for lesson_id, steps in L.decode_progress(query.get("done")).items():
        done.setdefault(lesson_id, set()).update(steps)
    if lesson is None:
        return
    try:
        number = int(query.get("step", "1"))
    except ValueError:
        number = 1
    number = min(max(number, 1), len(lesson.steps))
    if st.session_state.get(LESSON) == (lesson.id, number):
        return
    step = lesson.steps[number - 1]
    _forget_page(step.page)
    st.session_state[LESSON] = (lesson.id, number)
    st.session_state[HIDE] = set(step.hide)


def step_query(lesson: L.Lesson, number: int) -> dict[str, str]:
    """The link parameters that open step `number` of `lesson` (with this session's language, view, progress)."""
    step = lesson.steps[number - 1]
    query = {k: v for k, v in shell_query(lang()).items() if k not in ("hide", "lesson", "step")}
    query.update(step.query())
    query.update(lesson=lesson.id, step=str(number))
    if step.hide:
        query["hide"] = ",".join(step.hide)
    return query


def step_link(lesson: L.Lesson, number: int, label: str, **kwargs) -> None:
    step = lesson.steps[number - 1]
    st.page_link(L.PAGES[step.page], label=label, query_params=step_query(lesson, number), **kwargs)


def leave() -> None:
    """Callback: stop following the lesson (progress is kept), show every control again."""
    st.session_state[LESSON] = None
    st.session_state[HIDE] = set()


def _active_step(page: str) -> tuple[L.Lesson, int] | None:
    """The lesson and step number being followed, when that step is on page `page`."""
    active = st.session_state.get(LESSON)
    lesson = L.by_id(active[0]) if active else None
    if lesson is None or lesson.steps[active[1] - 1].page != page:
        return None
    return lesson, active[1]


def _tick(page: str, lesson: L.Lesson, number: int) -> bool:
    """Whether step `number` is done, ticking it (for good) the first time the page's state meets its check."""
    done = progress().setdefault(lesson.id, set())
    step = lesson.steps[number - 1]
    if number not in done and L.check_done(step.check, step.args, page_state(page)):
        done.add(number)
    return number in done


def live_check(page: str) -> None:
    """In a live view: tick the step the moment training meets it, not only when the student pauses.

    The banner is drawn by the whole page's run; a live fragment's reruns leave it as it was. So the
    first time the step is met during a fragment's own rerun, the whole page reruns once to show the
    tick and the way on. (In the page's full run the banner, drawn after the page, shows it anyway.)
    """
    active = _active_step(page)
    if active is None or active[1] in progress().get(active[0].id, set()):
        return
    if _tick(page, *active) and getattr(get_script_run_ctx(), "fragment_ids_this_run", None):
        st.rerun()


def banner(page: str) -> None:
    """On the step's page: its task, ticked once the page's state meets its check, and the way on."""
    active = _active_step(page)
    if active is None:
        return
    lesson, number = active
    step = lesson.steps[number - 1]
    ok = _tick(page, lesson, number)
    with st.container(border=True, key="lesson-banner"):
        text, way = st.columns([4, 1.3], vertical_alignment="center")
        head = t("lessons.banner", title=lesson.title[lang()], n=number, total=len(lesson.steps))
        mark = MARK_DONE if ok else MARK_TODO
        text.markdown(f"{mark} **{head}** · {step.task[lang()]}")
        with way:
            if ok and number < len(lesson.steps):
                st.button(t("lessons.next"), icon=":material/arrow_forward:", on_click=_go, args=(lesson.id, number + 1),
                          type="primary", key="lesson-next")
            elif ok:
                st.page_link(LESSONS_PAGE, label=t("lessons.all_done"), icon=":material/flag:",
                             query_params={k: v for k, v in shell_query(lang()).items() if k not in ("lesson", "step", "hide")})
            else:
                st.caption(t("lessons.not_yet"))
