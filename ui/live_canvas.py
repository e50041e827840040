"""A canvas that paints a scene (playground/charts/scene.py) in place, for charts redrawn many times a second.

Plotly spent 50-90 ms of the browser's main thread on each redraw of the network diagram and the
curves, which held the live view to 3-4 redraws a second with the browser on the same two cores
as the server. This component (HTML/JS in the page, no iframe) mounts once per key and paints
each new scene on a canvas: raw RGB images, lines, text, dots. Layers that change rarely
(titles, axes, data points) are painted once per id into a cached bitmap. Hovering shows the
text of the box under the pointer, else of the nearest line (the rule of `scene.hit_test`).

``root.dataset.redraws`` counts painted frames and ``root.__paintMs`` sums their paint time,
for the browser tests that measure the rate.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Hashable

import streamlit as st

from playground.charts.scene import HIT_TOLERANCE

_JS = r"""
const TOL = __TOL__;
function segDist(px, py, x0, y0, x1, y1) {
  const dx = x1 - x0, dy = y1 - y0, l2 = dx * dx + dy * dy;
  const s = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / l2));
  return Math.hypot(px - (x0 + s * dx), py - (y0 + s * dy));
}
function hitTest(hits, x, y) {  // same rule as playground/charts/scene.py hit_test
  let best = null, bestD = TOL;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if (h.k === "rect") {
      if (x >= h.x && x <= h.x + h.w && y >= h.y && y <= h.y + h.h) return i;
      continue;
    }
    const p = h.p;
    for (let j = 0; j + 3 < p.length; j += 2) {
      if (p[j] === null || p[j + 2] === null) continue;
      const d = segDist(x, y, p[j], p[j + 1], p[j + 2], p[j + 3]);
      if (d <= bestD) { best = i; bestD = d; }
    }
  }
  return best;
}
function bitmap(op, cache, next) {  // raw RGB base64 -> a canvas of iw x ih, reused while unchanged
  let c = cache.get(op.rgb);
  if (!c) {
    const bytes = atob(op.rgb), n = op.iw * op.ih, rgba = new Uint8ClampedArray(n * 4);
    for (let i = 0, j = 0; i < n; i++, j += 3) {
      rgba[i * 4] = bytes.charCodeAt(j); rgba[i * 4 + 1] = bytes.charCodeAt(j + 1);
      rgba[i * 4 + 2] = bytes.charCodeAt(j + 2); rgba[i * 4 + 3] = 255;
    }
    c = document.createElement("canvas"); c.width = op.iw; c.height = op.ih;
    c.getContext("2d").putImageData(new ImageData(rgba, op.iw, op.ih), 0, 0);
  }
  next.set(op.rgb, c);
  return c;
}
function trace(ctx, p) {
  ctx.beginPath();
  let pen = false;
  for (let j = 0; j + 1 < p.length; j += 2) {
    if (p[j] === null) { pen = false; continue; }
    if (pen) ctx.lineTo(p[j], p[j + 1]); else { ctx.moveTo(p[j], p[j + 1]); pen = true; }
  }
}
function paintOps(ctx, ops, cache, next, textScale) {
  for (const op of ops) {
    ctx.globalAlpha = op.a === undefined ? 1 : op.a;
    if (op.k === "img") {
      ctx.drawImage(bitmap(op, cache, next), op.x, op.y, op.w, op.h);
    } else if (op.k === "path") {
      trace(ctx, op.p);
      ctx.setLineDash(op.dash || []);
      ctx.strokeStyle = op.c; ctx.lineWidth = op.lw; ctx.lineJoin = "round"; ctx.lineCap = "round";
      ctx.stroke();
      ctx.setLineDash([]);
    } else if (op.k === "rect") {
      if (op.fill) { ctx.fillStyle = op.fill; ctx.fillRect(op.x, op.y, op.w, op.h); }
      if (op.c) { ctx.strokeStyle = op.c; ctx.lineWidth = op.lw || 1; ctx.strokeRect(op.x, op.y, op.w, op.h); }
    } else if (op.k === "text") {
      ctx.font = (op.bold ? "600 " : "") + op.size * (textScale || 1) + 'px "Source Sans Pro", "Source Sans 3", "Noto Sans CJK KR", sans-serif';
      ctx.fillStyle = op.c; ctx.textAlign = op.align; ctx.textBaseline = op.base;
      ctx.fillText(op.t, op.x, op.y);
    } else if (op.k === "dots") {
      const p = op.p;
      ctx.lineWidth = op.lw || 1;
      if (op.c) ctx.strokeStyle = op.c;
      for (let j = 0, n = 0; j + 1 < p.length; j += 2, n++) {
        if (p[j] === null) continue;
        ctx.beginPath(); ctx.arc(p[j], p[j + 1], op.r, 0, 2 * Math.PI);
        ctx.fillStyle = op.fills ? op.fills[n] : op.fill; ctx.fill();
        if (op.c) ctx.stroke();
      }
    }
  }
  ctx.globalAlpha = 1;
}
export default function (component) {
  const { data, parentElement } = component;
  let root = parentElement.querySelector(".pg-live-canvas");
  if (!root) {
    root = document.createElement("div");
    root.className = "pg-live-canvas";
    root.style.cssText = "position:relative;width:100%;";
    const canvas = document.createElement("canvas");
    canvas.style.cssText = "display:block;margin:0 auto;touch-action:none;";
    const tip = document.createElement("div");
    tip.className = "pg-live-tip";
    tip.style.cssText = "position:absolute;display:none;pointer-events:none;white-space:pre;z-index:5;" +
      "background:rgba(255,255,255,0.96);border:1px solid #c8ccd0;border-radius:4px;padding:3px 7px;" +
      "font:13px 'Source Sans Pro','Noto Sans CJK KR',sans-serif;color:#222;box-shadow:0 1px 4px rgba(0,0,0,.15);";
    root.append(canvas, tip);
    parentElement.appendChild(root);
    root.__images = new Map();
    root.__layers = {};
    root.__paintMs = 0;
    root.hover = () => {  // show the hit under root.__pointer (CSS px in the canvas)
      const s = root.__scene, p = root.__pointer;
      const i = s && p ? hitTest(s.hits || [], p.x / root.__scale, p.y / root.__scale) : null;
      root.dataset.hover = i === null ? "" : String(i);
      if (i === null) { tip.style.display = "none"; return; }
      tip.textContent = s.hits[i].t;
      tip.style.display = "block";
      const left = Math.min(p.x + canvas.offsetLeft + 14, root.clientWidth - tip.offsetWidth - 2);
      tip.style.left = Math.max(0, left) + "px";
      tip.style.top = Math.max(0, p.y - tip.offsetHeight - 8) + "px";
    };
    canvas.addEventListener("pointermove", (e) => { root.__pointer = { x: e.offsetX, y: e.offsetY }; root.hover(); });
    canvas.addEventListener("pointerleave", () => { root.__pointer = null; root.hover(); });
    root.paint = (counted) => {
      const s = root.__scene;
      if (!s) return;
      const t0 = performance.now();
      const width = root.clientWidth || s.w;
      const scale = Math.min(width / s.w, root.__maxScale || 99);
      const dpr = window.devicePixelRatio || 1;
      const pw = Math.round(s.w * scale * dpr), ph = Math.round(s.h * scale * dpr);
      if (canvas.width !== pw || canvas.height !== ph) {
        canvas.width = pw; canvas.height = ph; root.__layers = {};
        canvas.style.width = s.w * scale + "px"; canvas.style.height = s.h * scale + "px";
      }
      root.__scale = scale;
      const ctx = canvas.getContext("2d");
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, pw, ph);
      const next = new Map();
      const layer = (name) => {  // a rarely changing layer, painted once per id into its own bitmap
        const l = s[name];
        if (!l || !l.ops.length) return;
        let cached = root.__layers[name];
        if (!cached || cached.id !== l.id || cached.ts !== root.__textScale) {
          const c = document.createElement("canvas"); c.width = pw; c.height = ph;
          const lctx = c.getContext("2d");
          lctx.setTransform(scale * dpr, 0, 0, scale * dpr, 0, 0);
          paintOps(lctx, l.ops, root.__images, next, root.__textScale);
          cached = root.__layers[name] = { id: l.id, ts: root.__textScale, canvas: c };
        }
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.drawImage(cached.canvas, 0, 0);
      };
      layer("back");
      ctx.setTransform(scale * dpr, 0, 0, scale * dpr, 0, 0);
      paintOps(ctx, s.ops, root.__images, next, root.__textScale);
      layer("front");
      root.__images = next;
      if (counted) {
        root.__paintMs += performance.now() - t0;
        root.dataset.redraws = String(Number(root.dataset.redraws || 0) + 1);
      }
      root.hover();
    };
    new ResizeObserver(() => root.paint(false)).observe(root);
  }
  root.__maxScale = data.max_scale;
  root.__textScale = data.text_scale || 1;
  if (root.__version === data.version) return;  // the same frame again: nothing to paint
  root.__version = data.version;
  root.__scene = JSON.parse(data.scene);
  if (!root.__queued) {  // paint at the next frame; a newer scene that arrives first replaces this one
    root.__queued = true;
    requestAnimationFrame(() => { root.__queued = false; root.paint(true); });
  }
}
"""


@lru_cache(maxsize=1)
def _component():
    js = _JS.replace("__TOL__", repr(HIT_TOLERANCE))
    return st.components.v2.component("playground_live_canvas", js=js, isolate_styles=False)


PRESENT_TEXT_SCALE = 1.5  # the presentation view's text on a live canvas: 12 px labels -> 18 px


def live_canvas(scene: dict, key: str, version: Hashable = None, max_scale: float = 3.0, text_scale: float = 1.0) -> None:
    """Paint `scene` under `key`, in place. `version` names the frame (same version: nothing repainted).

    The canvas is as wide as its column (at most `max_scale` times the scene's logical width).
    `text_scale` enlarges every text (the presentation view's projector-sized labels); a change of
    it must come with a new `version`. The scene travels as one JSON string: Streamlit inspects
    every value of a component's data for data frames, which cost 7 ms a redraw on a scene's
    nested dicts and nothing on a string.
    """
    blob = json.dumps(scene, separators=(",", ":"), ensure_ascii=False)
    if version is None:
        version = f"{text_scale}/{hashlib.sha1(blob.encode()).hexdigest()[:16]}"
    _component()(data={"scene": blob, "version": str(version), "max_scale": max_scale, "text_scale": text_scale}, key=key)
