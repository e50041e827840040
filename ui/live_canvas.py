"""A canvas that paints a scene (playground/charts/scene.py) in place, for charts redrawn many times a second.

Plotly spent 50-90 ms of the browser's main thread on each redraw of the network diagram and the
curves, which held the live view to 3-4 redraws a second with the browser on the same two cores
as the server. This component (HTML/JS in the page, no iframe) mounts once per key and paints
each new scene on a canvas: PNG images, lines, text, dots. Layers that change rarely
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
function hitTest(hits, ops, x, y) {  // same rule as playground/charts/scene.py hit_test
  let best = null, bestD = TOL;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if (h.k === "rect") {
      if (x >= h.x && x <= h.x + h.w && y >= h.y && y <= h.y + h.h) return i;
      continue;
    }
    const p = h.p || ops[h.op].p;  // a line's hit shares the points of the line drawn
    for (let j = 0; j + 3 < p.length; j += 2) {
      if (p[j] === null || p[j + 2] === null) continue;
      const d = segDist(x, y, p[j], p[j + 1], p[j + 2], p[j + 3]);
      if (d <= bestD) { best = i; bestD = d; }
    }
  }
  return best;
}
// PNG decoding, synchronous and small, for the images scene.py writes (8-bit RGB; any filter type). The
// browser's own decoders are asynchronous: waiting for them cost a quarter of the live redraws on a busy
// machine, so the few kB a frame carries are inflated here (RFC 1951, read LSB first) as they are needed.
const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
  2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
function huffman(lengths) {  // a canonical Huffman code: how many codes of each length, symbols in code order
  const counts = new Uint16Array(16), next = new Uint16Array(16), symbols = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) counts[lengths[s]]++;
  counts[0] = 0;
  for (let len = 1; len < 16; len++) next[len] = next[len - 1] + counts[len - 1];
  for (let s = 0; s < lengths.length; s++) if (lengths[s]) symbols[next[lengths[s]]++] = s;
  return { counts, symbols };
}
const FIXED_LIT = huffman(Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)));
const FIXED_DIST = huffman(new Array(30).fill(5));
function inflate(src, start, end) {  // the deflate stream in src[start:end] -> its bytes
  let pos = start, held = 0, count = 0, out = new Uint8Array((end - start) * 8 + 64), n = 0;
  const bits = (need) => {
    while (count < need) {
      if (pos >= end) throw new Error("truncated image");
      held |= src[pos++] << count; count += 8;
    }
    const v = held & ((1 << need) - 1);
    held >>>= need; count -= need;
    return v;
  };
  const decode = (h) => {  // one symbol, read a bit at a time against the code's first code of each length
    let code = 0, first = 0, index = 0;
    for (let len = 1; len < 16; len++) {
      code |= bits(1);
      const c = h.counts[len];
      if (code - c < first) return h.symbols[index + code - first];
      index += c; first = (first + c) << 1; code <<= 1;
    }
    throw new Error("bad code in image");
  };
  const room = (k) => {
    if (n + k > out.length) { const bigger = new Uint8Array(Math.max(out.length * 2, n + k)); bigger.set(out); out = bigger; }
  };
  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {  // stored: from the next byte boundary, LEN, NLEN, then LEN bytes
      held = 0; count = 0;
      const len = src[pos] | (src[pos + 1] << 8);
      pos += 4;
      room(len); out.set(src.subarray(pos, pos + len), n); n += len; pos += len;
      continue;
    }
    let lit = FIXED_LIT, dist = FIXED_DIST;
    if (type === 2) {  // dynamic codes, themselves sent with a code-length code
      const nlit = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4;
      const codeLengths = new Uint8Array(19);
      for (let i = 0; i < ncode; i++) codeLengths[CODE_ORDER[i]] = bits(3);
      const lengthCode = huffman(codeLengths), lengths = new Uint8Array(nlit + ndist);
      for (let i = 0; i < nlit + ndist;) {
        const sym = decode(lengthCode);
        if (sym < 16) { lengths[i++] = sym; continue; }
        const value = sym === 16 ? lengths[i - 1] : 0;
        let repeat = sym === 16 ? 3 + bits(2) : sym === 17 ? 3 + bits(3) : 11 + bits(7);
        while (repeat--) lengths[i++] = value;
      }
      lit = huffman(lengths.subarray(0, nlit)); dist = huffman(lengths.subarray(nlit));
    } else if (type !== 1) throw new Error("bad block in image");
    for (;;) {
      const sym = decode(lit);
      if (sym < 256) { room(1); out[n++] = sym; continue; }
      if (sym === 256) break;
      const len = LEN_BASE[sym - 257] + bits(LEN_EXTRA[sym - 257]);
      const d = decode(dist), back = DIST_BASE[d] + bits(DIST_EXTRA[d]);
      room(len);
      for (let i = 0; i < len; i++, n++) out[n] = out[n - back];
    }
  }
  return out.subarray(0, n);
}
function decodePng(b64) {  // base64 PNG (8-bit RGB, not interlaced) -> {w, h, rgba}
  const raw = atob(b64), src = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) src[i] = raw.charCodeAt(i);
  const u32 = (i) => ((src[i] << 24) | (src[i + 1] << 16) | (src[i + 2] << 8) | src[i + 3]) >>> 0;
  let w = 0, h = 0, parts = [], total = 0;
  for (let i = 8; i + 8 <= src.length;) {  // chunks after the 8-byte signature: length, type, data, CRC
    const len = u32(i), type = String.fromCharCode(src[i + 4], src[i + 5], src[i + 6], src[i + 7]);
    if (type === "IHDR") {
      w = u32(i + 8); h = u32(i + 12);
      if (src[i + 16] !== 8 || src[i + 17] !== 2 || src[i + 20] !== 0) throw new Error("not an 8-bit RGB image");
    }
    if (type === "IDAT") { parts.push(src.subarray(i + 8, i + 8 + len)); total += len; }
    if (type === "IEND") break;
    i += 12 + len;
  }
  const z = new Uint8Array(total);
  for (let i = 0, at = 0; i < parts.length; at += parts[i].length, i++) z.set(parts[i], at);
  const rows = inflate(z, 2, z.length);  // (2: the zlib header; the Adler-32 at the end is not checked)
  const stride = w * 3, rgb = new Uint8Array(h * stride), rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {  // undo each row's filter: the left (a), up (b) and up-left (c) neighbours
    const f = rows[y * (stride + 1)], from = y * (stride + 1) + 1, at = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= 3 ? rgb[at + x - 3] : 0, b = y ? rgb[at - stride + x] : 0;
      const c = x >= 3 && y ? rgb[at - stride + x - 3] : 0;
      let p = 0;
      if (f === 1) p = a;
      else if (f === 2) p = b;
      else if (f === 3) p = (a + b) >> 1;
      else if (f === 4) {
        const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rgb[at + x] = (rows[from + x] + p) & 255;
    }
  }
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    rgba[i] = rgb[j]; rgba[i + 1] = rgb[j + 1]; rgba[i + 2] = rgb[j + 2]; rgba[i + 3] = 255;
  }
  return { w, h, rgba };
}
function bitmap(op, cache, next) {  // a PNG image op -> a canvas of iw x ih, reused while unchanged
  let c = cache.get(op.png);
  if (!c) {
    c = document.createElement("canvas"); c.width = op.iw; c.height = op.ih;
    try {
      const image = decodePng(op.png);
      c.getContext("2d").putImageData(new ImageData(image.rgba, image.w, image.h), 0, 0);
    } catch (e) {  // a broken image leaves its box empty; the rest of the frame is painted
      console.warn("live canvas:", e);
    }
  }
  next.set(op.png, c);
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
      const i = s && p ? hitTest(s.hits || [], s.ops, p.x / root.__scale, p.y / root.__scale) : null;
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
