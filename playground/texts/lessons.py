"""Strings of the Lessons home, the lesson banner and the classroom switches (presentation, hidden controls)."""

STRINGS = {
    "lessons.title": ("Lessons", "수업 따라가기"),
    "lessons.intro": (
        "Short guided lessons in the order of the course notes. Each step opens a page set up for it and asks you to do one thing; the step is ticked as soon as the page shows you did it.",
        "강의 노트 순서대로 진행하는 짧은 수업입니다. 단계마다 준비된 페이지가 열리고 할 일 하나를 알려 줍니다. 페이지에서 해내는 순간 그 단계에 체크 표시가 됩니다.",
    ),
    "lessons.step": ("Step {n}", "{n}단계"),
    "lessons.open": ("Open", "열기"),
    "lessons.progress": ("{done} of {total} steps done", "{total}단계 중 {done}단계 완료"),
    "lessons.banner": ("{title}, step {n} of {total}", "{title} · {total}단계 중 {n}단계"),
    "lessons.next": ("Next step", "다음 단계"),
    "lessons.all_done": ("Lesson done: all lessons", "수업 완료: 수업 목록"),
    "lessons.not_yet": ("Not done yet", "아직 진행 중"),
    "lessons.leave": ("Leave the lesson (show every control)", "수업 끝내기 (모든 조작 보이기)"),
    "lessons.bad_file": ("A lesson file could not be read: {reason}", "수업 파일을 읽을 수 없습니다: {reason}"),
    "classroom.present": ("Presentation view", "발표 화면"),
    "classroom.present_help": (
        "Projector form of every page: bigger chart text, darker labels, sidebar closed. Kept in the link (?present=1).",
        "모든 페이지를 프로젝터에 맞게 보여 줍니다. 그래프 글자가 커지고 색이 진해지며 사이드바가 닫힙니다. 링크에 함께 저장됩니다 (?present=1).",
    ),
    "classroom.hide": ("Controls hidden from the class", "학생에게 숨길 조작"),
    "classroom.hide_help": (
        "Pick the controls of this page the class should not see; they keep their values and the link carries the choice (?hide=...).",
        "이 페이지에서 학생에게 보이지 않을 조작을 고르세요. 값은 그대로 유지되고, 선택은 링크에 함께 저장됩니다 (?hide=...).",
    ),
}
