"""Entry point: `streamlit run streamlit_app.py`. Navigation, the language switch, shared page setup."""

import streamlit as st

from playground import i18n
from playground.state import shown_value
from ui import classroom, lessons, share
from ui.common import LANG_KEY, install_history_rule, land_wrong_paths_on_home, lang, t

# The presentation view (?present=1, or the sidebar switch) starts with the sidebar closed.
st.set_page_config(page_title="Neural Network Playground", page_icon=":material/hub:", layout="wide",
                   initial_sidebar_state="collapsed" if classroom.presenting() else "auto")

# The language comes from the URL (?lang=ko) on the first run, then from the sidebar switch.
if LANG_KEY not in st.session_state:
    raw = st.query_params.get(LANG_KEY)
    code = i18n.normalize_language(raw)
    if raw is not None and code is None:
        st.session_state["app/bad_lang"] = raw
    st.session_state[LANG_KEY] = code or i18n.DEFAULT_LANGUAGE

with st.sidebar:
    st.radio(
        t("app.language"),
        options=list(i18n.LANGUAGES),
        format_func=i18n.LANGUAGES.get,
        key=LANG_KEY,
        horizontal=True,
    )
    st.toggle(t("classroom.present"), key=classroom.PRESENT, help=t("classroom.present_help"))
    st.caption(t("app.about"))
if "app/bad_lang" in st.session_state:
    st.info(t("app.bad_language", value=shown_value(st.session_state.pop("app/bad_lang"))))

# Icons from Streamlit's bundled Material Symbols font: emoji need a colour-emoji font that many
# school machines (and headless browsers) lack, and show as empty boxes there.
PAGES = {
    "app.group.neurons": [
        st.Page("app_pages/perceptron.py", title=t("perceptron.title"), icon=":material/join_inner:", url_path="perceptron"),
        st.Page("app_pages/activations.py", title=t("activations.title"), icon=":material/show_chart:", url_path="activations"),
        st.Page("app_pages/softmax.py", title=t("softmax.title"), icon=":material/bar_chart:", url_path="softmax"),
    ],
    "app.group.networks": [
        st.Page("app_pages/backpropagation.py", title=t("backprop.title"), icon=":material/undo:", url_path="backpropagation"),
        st.Page("app_pages/network_playground.py", title=t("playground.title"), icon=":material/hub:", url_path="playground", default=True),
        st.Page("app_pages/convolution.py", title=t("conv.title"), icon=":material/grid_on:", url_path="convolution"),
        st.Page("app_pages/mnist.py", title=t("mnist.title"), icon=":material/draw:", url_path="mnist"),
    ],
    "app.group.lessons": [
        st.Page(lessons.LESSONS_PAGE, title=t("lessons.title"), icon=":material/school:", url_path="lessons"),
        st.Page("app_pages/linear_regression.py", title=t("linreg.title"), icon=":material/trending_up:", url_path="linear-regression"),
        st.Page("app_pages/classic_vs_deep.py", title=t("classic.title"), icon=":material/forest:", url_path="classic-vs-deep"),
        st.Page("app_pages/train_val_test.py", title=t("splits.title"), icon=":material/call_split:", url_path="train-validation-test"),
    ],
}
with st.sidebar:
    install_history_rule()
# /playground (the default page's own name, which Streamlit serves at "/") or a mistyped path: the home page.
land_wrong_paths_on_home(page.url_path for pages in PAGES.values() for page in pages)
page = st.navigation({t(group): pages for group, pages in PAGES.items()})
page_path = page.url_path or "playground"  # the default page answers at "/" (url_path "")
lessons.arrive(page_path)  # a lesson step's link: start that step before its page reads the link
st.session_state[classroom.CONTROLS] = {}  # the hideable controls this page draws, for the teacher's panel
lesson_banner = st.container()
try:
    page.run()
    with lesson_banner:
        if page_path in lessons.NAMESPACES:
            lessons.banner(page_path)
    classroom.teacher_panel(t)
finally:
    # Page switches clear the query string; keep the language, the presentation view, hidden controls and
    # the lesson in it so any URL can be shared. Written after the page (which writes them with its settings
    # in one go) so a page switch changes the URL once.
    shell = classroom.shell_query(lang())
    for name in classroom.SHELL_PARAMS:
        if name not in shell and name in st.query_params:
            del st.query_params[name]
    for name, value in shell.items():
        if st.query_params.get(name) != value:
            st.query_params[name] = value
# Every page's "Copy link" (its settings and the shell's, as just written), under the teacher's panel.
with st.sidebar:
    share.copy_link(t)
