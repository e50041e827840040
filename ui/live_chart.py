"""A Plotly chart that redraws in place, for charts that change several times a second.

`st.plotly_chart` gives every new figure a new element identity, so the browser throws the old
chart away and builds a new one: a blank flash at every redraw and a hover label that never
survives. `live_plotly_chart` mounts a small component once per key and hands each new figure
to ``Plotly.react``, which updates the existing chart (and puts the hover label back).

The component uses the Plotly bundle Streamlit itself ships (loaded on demand from Streamlit's
static folder), so nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import plotly.io as pio
import streamlit as st

_JS = r"""
export default function (component) {
  const { data, parentElement } = component;
  let root = parentElement.querySelector(".pg-live-plot");
  if (!root) {
    root = document.createElement("div");
    root.className = "pg-live-plot";
    root.style.width = "100%";
    parentElement.appendChild(root);
  }
  root.__next = data;
  const loadPlotly = async () => {
    if (window.Plotly) return window.Plotly;
    const script = document.querySelector('script[src*="/static/js/"]');
    const base = script ? script.src.replace(/[^/]*$/, "") : new URL("static/js/", document.baseURI).href;
    if (data.chunk) await import(base + data.chunk);
    return window.Plotly;
  };
  const draw = async () => {
    if (root.__busy) { root.__again = true; return; }
    root.__busy = true;
    try {
      const Plotly = await loadPlotly();
      if (!Plotly) { setTimeout(draw, 200); return; }
      const next = root.__next;
      if (root.__drawn === next.spec && root.__config === JSON.stringify(next.config)) return;  // nothing new
      const config = JSON.stringify(next.config);
      const fig = JSON.parse(next.spec);
      // Heat maps travel as layout images. When nothing but their pictures changed (a decision
      // map while a network trains), swap the pictures: Plotly then redraws only the images,
      // not every training point and axis, which is most of a redraw's time in the browser.
      const images = fig.layout.images || [];
      const sources = images.map((image) => image.source);
      const skeleton = JSON.stringify({ data: fig.data, layout: { ...fig.layout, images: images.map(({ source, ...rest }) => rest) } });
      if (root.__skeleton === skeleton && root.__config === config) {
        const update = {};
        sources.forEach((source, i) => { if (root.__sources[i] !== source) update[`images[${i}].source`] = source; });
        await Plotly.relayout(root, update);
      } else {
        await Plotly.react(root, fig.data, fig.layout, next.config || {});
      }
      root.__drawn = next.spec;
      root.__config = config;
      root.__skeleton = skeleton;
      root.__sources = sources;
      root.dataset.redraws = String(Number(root.dataset.redraws || 0) + 1);
      if (!root.__hooked) {
        root.__hooked = true;
        root.on("plotly_hover", (e) => {
          const p = e.points && e.points[0];
          root.__hover = p ? { curveNumber: p.curveNumber, pointNumber: p.pointNumber } : null;
        });
        root.on("plotly_unhover", () => { root.__hover = null; });
      }
      if (root.__hover) {
        try { Plotly.Fx.hover(root, [root.__hover]); } catch (err) { root.__hover = null; }
      }
    } finally {
      root.__busy = false;
      if (root.__again) { root.__again = false; draw(); }
    }
  };
  draw();
}
"""


@lru_cache(maxsize=1)
def _plotly_chunk() -> str:
    """File name of the Plotly bundle in Streamlit's static folder ("" if it cannot be found)."""
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    found = sorted(folder.glob("PlotlyChart.*.js"))
    return found[0].name if found else ""


@lru_cache(maxsize=1)
def _component():
    return st.components.v2.component("playground_live_plotly", js=_JS, isolate_styles=False)


def live_plotly_chart(figure: Any, key: str, height: int | None = None, config: dict | None = None) -> None:
    """Draw `figure` (a go.Figure) under `key`, updating the chart already there instead of replacing it."""
    spec = pio.to_json(figure, validate=False)
    if height is None:
        height = int(figure.layout.height or 400)
    data = {"spec": spec, "config": {"displayModeBar": False, "responsive": True, **(config or {})}, "chunk": _plotly_chunk()}
    _component()(data=data, key=key, height=height)
