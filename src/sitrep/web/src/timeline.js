// Stacked bars of events per day by type; drag across them to pick a date range (the brush), or
// focus the chart and use the buttons. Marks (a ceasefire's start, its violations) are drawn on top.
import { colorOf } from "./colors.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

const toDay = (t) => new Date(t).toISOString().slice(0, 10);

export function drawTimeline(svg, data, marks, onBrush) {
  svg.replaceChildren();
  const width = svg.clientWidth || 600, height = svg.clientHeight || 110, pad = 18;
  if (!data.series.length) {
    el("text", { x: 10, y: 20, class: "empty" }, svg).textContent = "No dated events";
    return;
  }
  const times = data.series.map((d) => Date.parse(d.date));
  const lo = Math.min(...times) - DAY, hi = Math.max(...times) + DAY;
  const x = (t) => pad + ((t - lo) / (hi - lo)) * (width - 2 * pad);
  const max = Math.max(...data.series.map((d) => d.total));
  const y = (n) => ((height - 2 * pad) * n) / max;
  const barWidth = Math.max(2, Math.min(14, (width - 2 * pad) / ((hi - lo) / DAY) - 1));
  for (const d of data.series) {
    let base = height - pad;
    for (const type of data.types) {
      const n = d.counts[type];
      if (!n) continue;
      const h = y(n);
      el("rect", { x: x(Date.parse(d.date)) - barWidth / 2, y: base - h, width: barWidth, height: h,
        fill: colorOf(type), class: "bar", "data-date": d.date, "data-type": type }, svg)
        .appendChild(el("title", {})).textContent = `${d.date}: ${n} ${type}`;
      base -= h;
    }
  }
  el("text", { x: pad, y: height - 3, class: "axis" }, svg).textContent = toDay(lo + DAY);
  el("text", { x: width - pad, y: height - 3, class: "axis", "text-anchor": "end" }, svg).textContent = toDay(hi - DAY);
  for (const mark of marks) {
    const t = Date.parse(mark.date);
    if (Number.isNaN(t) || t < lo || t > hi) continue;
    el("line", { x1: x(t), x2: x(t), y1: 4, y2: height - pad, class: `mark ${mark.kind}` }, svg)
      .appendChild(el("title", {})).textContent = mark.label;
  }
  brush(svg, (a, b) => {
    const t0 = lo + ((Math.min(a, b) - pad) / (width - 2 * pad)) * (hi - lo);
    const t1 = lo + ((Math.max(a, b) - pad) / (width - 2 * pad)) * (hi - lo);
    onBrush(toDay(Math.max(t0, lo + DAY)), toDay(Math.min(t1, hi - DAY)));
  }, height);
}

function brush(svg, done, height) {
  let start = null, rect = null;
  const at = (event) => event.clientX - svg.getBoundingClientRect().left;
  svg.onpointerdown = (event) => {
    start = at(event);
    rect = el("rect", { x: start, y: 0, width: 0, height, class: "brush" }, svg);
    svg.setPointerCapture?.(event.pointerId);
  };
  svg.onpointermove = (event) => {
    if (start == null) return;
    const now = at(event);
    rect.setAttribute("x", Math.min(start, now));
    rect.setAttribute("width", Math.abs(now - start));
  };
  svg.onpointerup = (event) => {
    if (start == null) return;
    const end = at(event);
    if (Math.abs(end - start) > 3) done(start, end);
    start = null;
  };
}
