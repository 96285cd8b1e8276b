// The side panels: the event list, the ceasefire monitor and the humanitarian figures.
import { colorOf } from "./colors.js";

function node(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children.map((c) => (typeof c === "string" ? document.createTextNode(c) : c)));
  return e;
}

const names = (actors) => actors.map((a) => a.name + (a.code ? ` (${a.code})` : "")).join("; ");

export function eventItem(item, onOpen) {
  const who = [names(item.sources), names(item.targets)].filter(Boolean).join(" → ");
  const button = node("button", { type: "button", class: "event", "data-key": `${item.document.pk}/${item.event_id}` },
    node("span", { class: "swatch", style: `background:${colorOf(item.plover.type)}` }),
    node("strong", {}, item.plover.type), ` ${item.acled.sub_event_type || item.category || ""} · `,
    node("span", { class: "when" }, item.date?.value || "undated"), " · ",
    node("span", { class: "where" }, item.place?.name || "no place"),
    item.modality !== "asserted" ? node("em", {}, ` ${item.modality}`) : "",
    node("br"), node("span", { class: "who" }, who || "—"),
    node("span", { class: "words" }, item.evidence[0]?.text || ""));
  button.addEventListener("click", () => onOpen(item));
  return node("li", {}, button);
}

function startsTable(truce) {
  const head = node("tr", {}, ...["claimed start", "the words", "said by", "outlet"].map((h) => node("th", { scope: "col" }, h)));
  const rows = truce.claimed_starts.map((c) => node("tr", { class: "claimed-start" }, node("td", {}, c.value),
    node("td", {}, node("q", {}, c.words)), node("td", {}, c.said_by || "—"), node("td", {}, c.outlet || c.document_id)));
  return node("table", { class: "starts" }, node("thead", {}, head), node("tbody", {}, ...rows));
}

export function ceasefireCard(truce, onShow) {
  const show = node("button", { type: "button" }, "Show it and its violations on the map and timeline");
  show.addEventListener("click", () => onShow(truce));
  const violations = truce.violations.map((v) => node("li", {}, `${v.type} ${v.date || "?"} at ${v.place || "?"} (${v.certainty})`));
  return node("article", { class: "ceasefire", "data-id": truce.id },
    node("h3", {}, `${truce.area || "?"} — ${truce.status}`),
    node("p", {}, `Parties: ${truce.parties.join(", ") || "not named"} · announced ${truce.announced || "?"} · start ${truce.start || "?"}`),
    truce.claimed_starts.length ? startsTable(truce) : node("p", {}, "No start claimed"),
    node("p", {}, `${truce.violations.length} violation(s) reported after it`),
    violations.length ? node("ul", {}, ...violations) : "", show);
}

export function figureCard(series) {
  const rows = series.points.map((p) => node("tr", {}, node("td", {}, p.date || "?"),
    node("td", { class: "number" }, p.best == null ? "?" : p.best.toLocaleString("en")),
    node("td", {}, p.attributed_to || p.outlet || p.document_id), node("td", {}, node("q", {}, p.quote || ""))));
  const head = node("tr", {}, ...["date", "number", "source", "words"].map((h) => node("th", { scope: "col" }, h)));
  return node("article", { class: "figure" }, node("h3", {}, `${series.place}: ${series.kind.replace("_", " ")}`),
    node("table", {}, node("thead", {}, head), node("tbody", {}, ...rows)));
}
