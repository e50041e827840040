"""Small helpers every page uses: translated text, the page header, URL parameters."""

from __future__ import annotations

from typing import Any, Sequence

import streamlit as st

from playground import i18n
from playground.errors import UserError
from playground.state import Param, read_params, shown_value, to_query
from ui.classroom import hidden, present_css, presenting, shell_query

LANG_KEY = "lang"  # session_state key and URL parameter for the language


def lang() -> str:
    """The session's language code ("en" or "ko")."""
    return st.session_state.get(LANG_KEY, i18n.DEFAULT_LANGUAGE)


def t(key: str, **fmt: object) -> str:
    """`key` translated into the session's language."""
    return i18n.text(key, lang(), **fmt)


# Line breaks between words, never inside one. Streamlit sets `word-break: break-word`, which cuts a
# Korean word anywhere ("정/답?", "게이트입니/다") and a long English label too ("Regularisatio/n").
# Korean keeps its words whole (keep-all: breaks only at spaces); English labels break at spaces and,
# for a word wider than its box, with a hyphen.
_TEXT_CSS = {
    "ko": ".stApp, .stApp * { word-break: keep-all !important; overflow-wrap: break-word; }",
    "en": (".stApp [data-testid='stWidgetLabel'] *, .stApp [data-testid='stMetricLabel'] *, .stApp h1, .stApp h2, "
           ".stApp h3, .stApp h4 { word-break: normal !important; overflow-wrap: break-word; hyphens: auto; }"),
}


def text_style() -> None:
    """The page-wide line-breaking rule for the session's language (a style only: it takes no space)."""
    st.html(f"<style>{_TEXT_CSS.get(lang(), _TEXT_CSS['en'])}</style>")


def own_text(key: str) -> str | None:
    """Text for a Streamlit-owned string a widget lets the page set (e.g. a multiselect's placeholder):
    ours in Korean, None in English so Streamlit keeps its own wording."""
    return None if lang() == "en" else t(key)


def page_header(prefix: str) -> None:
    """Title and the one-or-two-sentence explanation every page opens with (and the page's text style)."""
    present_css()
    text_style()
    st.title(t(f"{prefix}.title"))
    st.markdown(t(f"{prefix}.intro"))


def explain(text: str) -> None:
    """A paragraph of explanation under a section heading; left out of the presentation view, where the
    teacher talks and the screen keeps the charts and controls."""
    if not presenting():
        st.markdown(text)


def show_error(error: Exception) -> None:
    """A user-facing sentence for an error raised by the core (never a traceback)."""
    st.error(error.message(lang()) if isinstance(error, UserError) else str(error))


def bad_param_notice(item) -> None:
    """The notice for a link value that was not used: the value cut short and shown as plain text."""
    if getattr(item, "step", None):  # a valid value between a slider's steps: it moved to the nearest one
        st.info(t("common.off_grid", name=item.name, value=shown_value(item.value), step=f"{item.step:g}",
                  used=to_query({"v": item.default})["v"]))
        return
    default = to_query({"v": item.default})["v"] if isinstance(item.default, (tuple, list)) else item.default
    st.info(t("common.bad_param", name=item.name, value=shown_value(item.value), default=default))


def query_values(params: Sequence[Param], once_key: str) -> dict[str, Any]:
    """Values for `params` read from the URL, once per session per page.

    Invalid values fall back to their defaults with a short notice. `once_key`
    (namespaced by page, e.g. "perceptron/url") makes the URL win only on the
    first run, so later widget changes are not overwritten by a stale URL.
    """
    if once_key in st.session_state:
        return st.session_state[once_key]
    values, bad = read_params(st.query_params.to_dict(), params)
    for item in bad:
        bad_param_notice(item)
    st.session_state[once_key] = values
    return values


def sync_query(values: dict[str, Any]) -> None:
    """Write the page's current settings into the URL (keeping the language and the classroom settings)."""
    wanted = to_query(values)
    wanted.update(shell_query(lang()))
    current = st.query_params.to_dict()
    if current != wanted:
        st.query_params.from_dict(wanted)


def kept_widget(draw, key: str, default, saved: dict, saved_as: str | None = None, **kwargs):
    """Draw widget `key` seeded from, and saved back to, the page's `saved` dict; return its value.

    Streamlit forgets a widget's value when its page is not shown; a plain dict in session state
    does not, so a student who visits another page finds every setting as it was. `saved_as` is
    the entry's name in `saved` (default: the widget key).
    A control the teacher hid (ui/classroom.py) is not drawn and keeps its value.
    """
    name = saved_as or key
    if hidden(key, kwargs.get("label")):
        value = saved.get(name, st.session_state.get(key, default))
        saved[name] = value
        return value
    if key not in st.session_state:
        st.session_state[key] = saved.get(name, default)
    value = draw(key=key, **kwargs)
    saved[name] = value
    return value


def selected_points(key: str) -> list:
    """The points a click selected on the Plotly chart drawn with `key` and on_select (its event in session state,
    a dict or an attribute object depending on how the run was started)."""
    event = st.session_state.get(key)
    if isinstance(event, dict):
        return (event.get("selection") or {}).get("points", []) or []
    return getattr(getattr(event, "selection", None), "points", []) or []


def saved_settings(prefix: str) -> dict:
    """Where the page of namespace `prefix` keeps its settings between visits: st.session_state[prefix + "saved"]."""
    return st.session_state.setdefault(prefix + "saved", {})


def page_widget(prefix: str, draw, name: str, default, **kwargs):
    """`kept_widget` as most pages use it: the widget keyed prefix + name, its value kept in
    `saved_settings(prefix)` under `name` (the name of its link parameter)."""
    return kept_widget(draw, prefix + name, default, saved_settings(prefix), saved_as=name, **kwargs)


def shown_widget(draw, key: str, *args, **kwargs):
    """`draw(*args, key=key, **kwargs)`, unless the teacher hid `key`: then its value, undrawn."""
    label = kwargs.get("label", args[0] if args else None)
    if hidden(key, label):
        return st.session_state.get(key)
    return draw(*args, key=key, **kwargs)


def in_fragment_run() -> bool:
    """True while Streamlit reruns only a fragment (its timer, or a widget inside it), not the whole page.

    A control outside every fragment that "changes" in such a run was not changed by the user (that reruns the
    whole page): see Classic vs deep's `settle_changes`."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    return bool(getattr(get_script_run_ctx(), "fragment_ids_this_run", None))


def relabel_after_language_switch(prefix: str, keys) -> None:
    """After a language switch, hand the choices of the widgets `keys` back through session state.

    A select box or radio remembers its choice in the browser by the displayed label; when the
    labels change language the browser keeps showing the old one until the next click. Setting
    the value again makes Streamlit send it, with the new label. `prefix` is the page's namespace
    (its last language is kept under prefix + "lang").
    """
    if st.session_state.get(prefix + "lang") == lang():
        return
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
    st.session_state[prefix + "lang"] = lang()


# Streamlit's browser side adds a history entry for every URL change: one for the new page's path, one
# for each query-string write (the language, the page's settings), so Back needed three presses per page
# and one per slider move. This keeps one entry per page: a change that keeps the path replaces the
# current entry, and so does leaving a path that is not a page (a wrong link redirected home).
HISTORY_SCRIPT = """<script>
(function () {
  if (window.__nnOneEntryPerPage) return;
  window.__nnOneEntryPerPage = true;
  var push = window.history.pushState.bind(window.history);
  function pagePaths() {
    var links = document.querySelectorAll('[data-testid="stSidebarNav"] a[href]');
    return Array.prototype.map.call(links, function (a) { return new URL(a.href, location.href).pathname; });
  }
  window.history.pushState = function (state, title, url) {
    try {
      var next = new URL(url, location.href), here = location.pathname, paths = pagePaths();
      if (next.pathname === here || (paths.length && paths.indexOf(here) < 0)) {
        return window.history.replaceState(state, title, url);
      }
    } catch (e) {}
    return push(state, title, url);
  };
})();
</script>"""


def install_history_rule() -> None:
    """One browser-history entry per page visit (see HISTORY_SCRIPT). Call once per run, in the sidebar."""
    st.html(HISTORY_SCRIPT, unsafe_allow_javascript=True)


def land_wrong_paths_on_home(known_paths) -> None:
    """Run the default page, without Streamlit's English "Page not found" dialog, for a path that is no page.

    The default page answers at "/", so its own url_path (the README's /playground) is "not found" to
    Streamlit too. Called before st.navigation: on a first load the browser names the page by its path
    (the intent); an unknown name is cleared, so navigation falls back to the default page. Uses
    Streamlit's script-run context (no public API for this); without one it does nothing.
    """
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    manager = getattr(get_script_run_ctx(), "pages_manager", None)
    if manager is None:
        return
    name = getattr(manager, "intended_page_name", None)
    if name and not getattr(manager, "intended_page_script_hash", None) and name not in set(known_paths):
        manager.set_script_intent("", "")
