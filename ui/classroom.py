"""Classroom mode, Streamlit side: the presentation view, hidden controls, and the shell's link parameters.

Presentation view (?present=1): every Plotly chart goes through `plotly_chart`, which restyles a copy
for a projector (18 px dark text, thicker lines, bigger markers), and `present_css` enlarges the
page's own text once per run. Hidden controls (?hide=perceptron/w1,...): the shared widget helpers
ask `hidden(key)` and skip drawing a hidden widget, which keeps its value. Both live in session
state after the first run, so page switches (which clear the query string) keep them; the shell
writes them back with `shell_query`.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

PRESENT = "app/present"  # session key: presentation view on/off (also the sidebar toggle's key)
HIDE = "app/hide"  # session key: the set of hidden widget keys
CONTROLS = "app/controls"  # session key: {widget key: label} of the hideable controls the current page drew
LESSON = "lesson/active"  # session key: (lesson id, step number) or None
DONE = "lesson/done"  # session key: {lesson id: {step numbers done}}
SHELL_PARAMS = ("lang", "present", "hide", "lesson", "step", "done")  # the link parameters the shell owns
MAX_HIDE = 40  # a link names at most this many hidden controls (the rest is ignored)
FONT = 18  # px: the smallest chart text in the presentation view
INK = "#111111"  # text colour on white: dark enough for a washed-out projector


def _flag(raw) -> bool:
    return str(raw).strip().lower() in ("1", "true", "yes", "on")


def _init() -> None:
    """On a session's first run, the classroom settings come from the link."""
    if PRESENT in st.session_state and HIDE in st.session_state:
        return
    query = st.query_params
    st.session_state.setdefault(PRESENT, _flag(query.get("present", "0")))
    names = [h.strip() for h in str(query.get("hide", ""))[:2000].split(",") if h.strip()]
    st.session_state.setdefault(HIDE, set(names[:MAX_HIDE]))


def presenting() -> bool:
    """True when this session shows the projector form of the pages."""
    _init()
    return bool(st.session_state.get(PRESENT))


def hidden(key: str, label: object = None) -> bool:
    """True when the teacher hid widget `key`; also lists it (with `label`) for the teacher's panel."""
    _init()
    st.session_state.setdefault(CONTROLS, {})[key] = str(label if label is not None else key)
    return key in st.session_state[HIDE]


def shell_query(lang: str) -> dict[str, str]:
    """The app-level link parameters every page's URL keeps: language, presentation, hidden controls, lesson."""
    from playground import lessons  # the core module; imported here so pages without lessons stay light

    _init()
    query = {"lang": lang}
    if st.session_state.get(PRESENT):
        query["present"] = "1"
    if st.session_state.get(HIDE):
        query["hide"] = ",".join(sorted(st.session_state[HIDE]))
    active = st.session_state.get(LESSON)
    if active:
        query["lesson"], query["step"] = active[0], str(active[1])
    done = lessons.encode_progress(st.session_state.get(DONE, {}))
    if done:
        query["done"] = done
    return query


# ---------------------------------------------------------------- charts


def present_figure(fig: go.Figure) -> go.Figure:
    """A copy of `fig` restyled for a projector: text >= 18 px and dark, lines and markers bigger."""
    fig = go.Figure(fig)
    fig.update_layout(font=dict(size=FONT, color=INK), legend_font=dict(size=FONT, color=INK),
                      hoverlabel_font_size=FONT)
    title_size = max(fig.layout.title.font.size or 0, FONT + 2)
    fig.update_layout(title_font=dict(size=title_size, color=INK))
    axis = dict(tickfont=dict(size=FONT, color=INK), title_font=dict(size=FONT, color=INK), automargin=True)
    fig.update_xaxes(**axis)
    fig.update_yaxes(**axis)
    fig.update_annotations(font_size=FONT)
    fig.for_each_coloraxis(lambda c: c.update(colorbar_tickfont=dict(size=FONT, color=INK)))
    for trace in fig.data:
        line = getattr(trace, "line", None)
        if line is not None and "width" in line:
            trace.line.width = max((line.width or 2) * 1.6, 3)
        marker = getattr(trace, "marker", None)
        if marker is not None and "size" in marker and isinstance(marker.size, (int, float)):
            trace.marker.size = marker.size * 1.5
        if getattr(trace, "textfont", None) is not None and "size" in trace.textfont:
            trace.textfont.size = max(trace.textfont.size or FONT, FONT)
        colorbar = getattr(trace, "colorbar", None)
        if colorbar is not None and "tickfont" in colorbar:
            trace.colorbar.tickfont = dict(size=FONT, color=INK)
    return fig


def plotly_chart(fig: go.Figure, **kwargs):
    """st.plotly_chart for every page: the projector's styling when the presentation view is on."""
    return st.plotly_chart(present_figure(fig) if presenting() else fig, **kwargs)


# The page's own text at projector size; the sidebar starts collapsed (set_page_config in the shell).
PRESENT_CSS = """<style>
.stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stCaptionContainer"] p { color: #222; }
.stApp [data-testid="stWidgetLabel"] p { font-weight: 600; color: #111; }
.stApp [data-testid="stMetricValue"] { font-size: 2.2rem; }
.stApp [data-testid="stTable"] td, .stApp [data-testid="stTable"] th { font-size: 1.2rem; color: #111; }
.stApp [data-testid="stSliderThumbValue"], .stApp [data-testid="stSliderTickBar"] { font-size: 1.1rem; }
.stApp h1 { font-size: 1.9rem; padding: 0 0 0.4rem 0; }
.stMainBlockContainer { padding-top: 3.2rem; }
.stApp header[data-testid="stHeader"] { background: transparent; }
.stApp div:has(> div[class^="pg-"]) > div:not([class]) { font-size: 1rem !important; opacity: 0.9 !important; }
.stApp .pg-status { font-size: 0.95rem !important; opacity: 0.9 !important; }
</style>"""


def present_css() -> None:
    """The projector's text sizes for the page's own elements (once per page run, when presenting)."""
    if presenting():
        st.html(PRESENT_CSS)


def _hide_changed() -> None:
    picked = set(st.session_state.get("app/hide_pick") or [])
    on_page = set(st.session_state.get(CONTROLS, {}))
    st.session_state[HIDE] = (set(st.session_state.get(HIDE, set())) - on_page) | picked


def teacher_panel(t) -> None:
    """In the presentation view, the sidebar's list of this page's controls the class does not see."""
    controls = st.session_state.get(CONTROLS) or {}
    if not presenting() or not controls:
        return
    st.session_state["app/hide_pick"] = [key for key in controls if key in st.session_state.get(HIDE, set())]
    with st.sidebar:
        st.multiselect(t("classroom.hide"), list(controls), format_func=controls.get, key="app/hide_pick",
                       on_change=_hide_changed, help=t("classroom.hide_help"),
                       placeholder=t("common.choose_options"))  # Korean in Korean; Streamlit's own wording in English
