""""Copy link": one button on every page that copies the page's whole link (path, settings, classroom settings).

The link is the page's address (`st.context.url`, which names the page's path) plus its query string as
the page and the shell wrote it (`ui.common.sync_query`, `ui.classroom.shell_query`), so it opens the
same page in the same state. A class server is usually plain http on a school LAN, where the browser
has no `navigator.clipboard` (it needs a secure context): the button then copies through a hidden
text area and `document.execCommand("copy")`; if that fails too, the link's text is selected for Ctrl+C.
The link is also shown as text, for a projector or a manual copy. No iframe (components v2), and the
link goes into the page as text only (`textContent`): it carries values anyone can write into a URL.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping
from urllib.parse import urlencode, urlsplit

import streamlit as st

_JS = r"""
function fullLink(link) {  // a link known only as "?query" (no address from the browser yet): this page's
  return link.charAt(0) === "?" ? location.origin + location.pathname + link : link;
}
function viaTextArea(text) {  // the copy that works without a secure context (plain http on a LAN)
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.cssText = "position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;";
  document.body.appendChild(area);
  area.focus();
  area.select();
  area.setSelectionRange(0, text.length);
  let ok = false;
  try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
  area.remove();
  return ok;
}
async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try { await navigator.clipboard.writeText(text); return "clipboard"; } catch (e) { /* fall back below */ }
  }
  return viaTextArea(text) ? "textarea" : "";
}
export default function (component) {
  const { data, parentElement } = component;
  let root = parentElement.querySelector(".pg-copy-link");
  if (!root) {
    root = document.createElement("div");
    root.className = "pg-copy-link";
    root.style.cssText = "display:flex;flex-direction:column;gap:0.35rem;width:100%;";
    const row = document.createElement("div");
    row.style.cssText = "display:flex;align-items:center;gap:0.6rem;flex-wrap:wrap;";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "pg-copy-button";
    button.style.cssText = "font:inherit;font-size:0.95rem;padding:0.3rem 0.8rem;border-radius:0.5rem;cursor:pointer;" +
      "border:1px solid rgba(49,51,63,0.3);background:#fff;color:#262730;";
    const status = document.createElement("span");
    status.className = "pg-copy-status";
    status.setAttribute("role", "status");
    status.style.cssText = "font-size:0.9rem;color:#1b5e20;font-weight:600;";
    const text = document.createElement("div");
    text.className = "pg-copy-text";
    text.style.cssText = "font-family:'Source Code Pro',monospace;font-size:0.75rem;line-height:1.3;color:#222;" +
      "background:#f4f5f7;border-radius:0.4rem;padding:0.3rem 0.45rem;user-select:all;" +
      // whole lines only (content-box: the padding is outside the 12 lines); any character may end a line,
      // also in Korean, whose page rule keeps words whole
      "box-sizing:content-box;max-height:15.6em;overflow:auto;word-break:break-all !important;overflow-wrap:anywhere;";
    row.append(button, status);
    root.append(row, text);
    parentElement.appendChild(root);
    button.addEventListener("click", async () => {
      const link = fullLink(root.__data.link);
      const how = await copyText(link);
      root.dataset.copied = how;
      root.dataset.link = link;
      status.style.color = how ? "#1b5e20" : "#8a4b00";
      status.textContent = how ? root.__data.copied : root.__data.failed;
      if (!how) {  // let the student copy by hand: the whole link selected
        const range = document.createRange();
        range.selectNodeContents(text);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }
      clearTimeout(root.__timer);
      root.__timer = setTimeout(() => { status.textContent = ""; }, 4000);
    });
  }
  root.__data = data;
  root.querySelector(".pg-copy-button").textContent = data.label;
  root.querySelector(".pg-copy-button").title = data.help;
  root.querySelector(".pg-copy-text").textContent = fullLink(data.link);
}
"""


@lru_cache(maxsize=1)
def _component():
    return st.components.v2.component("playground_copy_link", js=_JS, isolate_styles=False)


def share_url(query: Mapping[str, str], base: str | None) -> str:
    """The link for `query` on the page at `base` (the page's address; None: just "?query", the browser adds it)."""
    text = "?" + urlencode(dict(query))
    if not base:
        return text
    base = base.rstrip("/")
    return f"{base}/{text}" if not urlsplit(base).path else f"{base}{text}"  # /perceptron?… but host/?… (home)


def current_link() -> str:
    """This page's link as the browser will show it once this run's query-string writes arrive."""
    return share_url(st.query_params.to_dict(), st.context.url)


def copy_link(t, key: str = "app/copy_link") -> str:
    """Draw the "Copy link" button and the link as text; return the link. Call after the page wrote its query."""
    link = current_link()
    _component()(data={"link": link, "label": t("share.copy"), "copied": t("share.copied"),
                       "failed": t("share.failed"), "help": t("share.help")}, key=key)
    return link
