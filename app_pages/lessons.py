"""Lessons home: the guided lessons (playground/lessons/*.toml) in the notes' order, each step a link."""

import streamlit as st

from playground import lessons as L
from ui.classroom import LESSON
from ui.common import lang, page_header, show_error, t
from ui.lessons import MARK_DONE, MARK_TODO, leave, progress, step_link

page_header("lessons")
try:
    LESSONS = L.load_all()
except L.LessonError as error:  # a teacher's file with a mistake: say which, keep the page alive
    show_error(ValueError(t("lessons.bad_file", reason=str(error)[:300])))
    st.stop()

done = progress()
active = st.session_state.get(LESSON)
if active:
    st.button(t("lessons.leave"), on_click=leave, icon=":material/logout:", key="lessons/leave")
for lesson in LESSONS:
    finished = done.get(lesson.id, set())
    with st.container(border=True, key=f"lesson-{lesson.id}"):
        st.subheader(lesson.title[lang()])
        st.markdown(lesson.intro[lang()])
        st.progress(len(finished) / len(lesson.steps),
                    text=t("lessons.progress", done=len(finished), total=len(lesson.steps)))
        for number, step in enumerate(lesson.steps, 1):
            task, link = st.columns([5, 1], vertical_alignment="center")
            mark = MARK_DONE if number in finished else MARK_TODO
            task.markdown(f"{mark} **{t('lessons.step', n=number)}** · {step.task[lang()]}")
            with link:
                step_link(lesson, number, t("lessons.open"), icon=":material/open_in_new:")
