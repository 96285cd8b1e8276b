// The article behind an event, every field's words highlighted and labelled: trigger, actors, place,
// time, quantities, attribution, instrument; the sentences that report it shaded as evidence.
const text = (s) => document.createTextNode(s);

function node(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

// The labelled spans of one event of a document's record, each {start, end, role, label, value}.
export function eventSpans(record, event) {
  const spans = [];
  const add = (s, role, label, value) => {
    if (s && s.start != null && s.end != null && s.end > s.start) spans.push({ start: s.start, end: s.end, role, label, value });
  };
  add(event.trigger, "trigger", "trigger", event.plover.type);
  add(event.instrument, "instrument", "instrument", event.instrument?.text);
  const actors = Object.fromEntries(record.actors.map((a) => [a.id, a]));
  for (const [side, ids] of [["source", event.sources], ["target", event.targets]]) {
    for (const id of ids) {
      const actor = actors[id];
      for (const m of actor?.mentions || []) add(m, "actor", `actor (${side})`, `${actor.name}${actor.code ? " " + actor.code : ""}`);
    }
  }
  if (event.place) add(event.place, "place", "place", event.place.name);
  if (event.date) add({ start: event.date.time_start, end: event.date.time_end }, "time", "time", event.date.value);
  if (event.effective) add({ start: event.effective.time_start, end: event.effective.time_end }, "time", "takes effect", event.effective.value);
  for (const [kind, q] of Object.entries(event.quantities || {})) add(q, "quantity", kind, q.best);
  add(event.attribution, "attribution", "according to", event.attribution?.text);
  return spans;
}

// The text as nodes: evidence shaded, each field's words in a <mark> with its label before it.
export function highlighted(fullText, evidence, spans) {
  const cuts = new Set([0, fullText.length]);
  for (const s of [...evidence, ...spans]) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    let piece = text(fullText.slice(a, b));
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const inner = covering.sort((p, q) => (p.end - p.start) - (q.end - q.start))[0];
    if (inner) {
      const mark = node("mark", { class: `field ${inner.role}`, "data-role": inner.role, "data-label": inner.label });
      if (inner.start === a) mark.append(node("span", { class: "tag", "aria-hidden": "true" }, inner.label));
      mark.append(piece);
      piece = mark;
    }
    if (evidence.some((s) => s.start <= a && s.end >= b)) piece = node("span", { class: "evidence" }, piece);
    out.push(piece);
  }
  return out;
}

export function showArticle(dialog, doc, eventId) {
  const event = doc.record.events.find((e) => e.id === eventId);
  dialog.querySelector("#article-title").textContent = doc.title || doc.id;
  const merged = doc.merged_ids[eventId];
  dialog.querySelector("#article-meta").replaceChildren(
    text(`${doc.source || doc.id} · published ${doc.published || "?"} · event ${eventId}`),
    ...(merged ? [text(" · merged event "), node("code", {}, merged)] : []),
    ...(doc.url ? [text(" · "), node("a", { href: doc.url, rel: "noreferrer" }, "original")] : []));
  const spans = event ? eventSpans(doc.record, event) : [];
  const rows = spans.map((s) => node("tr", { "data-role": s.role }, node("th", { scope: "row" }, s.label),
    node("td", {}, String(s.value ?? "")), node("td", {}, node("q", {}, doc.text.slice(s.start, s.end)))));
  dialog.querySelector("#article-fields tbody").replaceChildren(...rows);
  const body = dialog.querySelector("#article-text");
  body.replaceChildren(...highlighted(doc.text, event?.evidence || [], spans));
  if (!dialog.open) dialog.showModal();
  body.querySelector(".evidence, mark")?.scrollIntoView({ block: "center" });
}
