// The page: filters (in the URL) → /api/events and /api/timeline → map, timeline and list; a click
// opens the article with the words of every field highlighted. Only this server is ever called.
import "leaflet/dist/leaflet.css";
import "./style.css";
import { getJSON } from "./api.js";
import { TYPES, colorOf } from "./colors.js";
import { fillForm, readForm, readURL, writeURL } from "./filters.js";
import { createMap, showCeasefire, showEvents } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { showArticle } from "./article.js";
import { ceasefireCard, eventItem, figureCard } from "./panels.js";

const $ = (id) => document.getElementById(id);
const PAGE = 200;
const state = { filters: readURL(), cursor: null, marks: [], timeline: null };
let view;

function status(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

async function openEvent(item) {
  try {
    const doc = await getJSON(`documents/${item.document.pk}`);
    showArticle($("article"), doc, item.event_id);
  } catch (e) {
    status(e.message, true);
  }
}

async function load() {
  fillForm($("filters"), state.filters);
  status("Loading…");
  try {
    const [page, counts] = await Promise.all([getJSON("events", { ...state.filters, limit: PAGE, total: true }),
      getJSON("timeline", state.filters)]);
    state.cursor = page.next_cursor;
    state.timeline = counts;
    $("event-list").replaceChildren(...page.items.map((i) => eventItem(i, openEvent)));
    $("more").hidden = !state.cursor;
    showEvents(view, page.items, openEvent);
    drawTimeline($("timeline"), counts, state.marks, brushed);
    status(`${page.total} event${page.total === 1 ? "" : "s"}${page.total > page.items.length ? `, ${page.items.length} shown` : ""}`);
  } catch (e) {
    status(e.message, true);
  }
}

async function more() {
  const page = await getJSON("events", { ...state.filters, limit: PAGE, cursor: state.cursor });
  state.cursor = page.next_cursor;
  $("event-list").append(...page.items.map((i) => eventItem(i, openEvent)));
  $("more").hidden = !state.cursor;
}

function apply(filters) {
  state.filters = filters;
  writeURL(filters);
  load();
}

function brushed(since, until) {
  apply({ ...state.filters, since, until });
}

async function loadPanels() {
  const [truces, figures] = await Promise.all([getJSON("ceasefires"), getJSON("figures")]);
  $("panel-ceasefires").replaceChildren(...(truces.length ? truces.map((t) => ceasefireCard(t, focusCeasefire)) : ["No ceasefires stored."]));
  $("panel-figures").replaceChildren(...(figures.length ? figures.map(figureCard) : ["No figures stored."]));
}

function focusCeasefire(truce) {
  showCeasefire(view, truce);
  state.marks = [{ date: truce.start, kind: "start", label: `Ceasefire start ${truce.start}` },
    ...truce.violations.map((v) => ({ date: v.date, kind: "violation", label: `Violation ${v.type} ${v.date}` }))];
  if (state.timeline) drawTimeline($("timeline"), state.timeline, state.marks, brushed);
  status(`Ceasefire in ${truce.area || "?"}: ${truce.violations.length} violation(s) shown`);
}

function selectTab(tab) {
  for (const other of document.querySelectorAll('[role="tab"]')) {
    const on = other === tab;
    other.setAttribute("aria-selected", String(on));
    other.tabIndex = on ? 0 : -1;
    $(other.getAttribute("aria-controls")).hidden = !on;
  }
  tab.focus();
}

function wireTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  for (const tab of tabs) {
    tab.addEventListener("click", () => selectTab(tab));
    tab.addEventListener("keydown", (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (step) selectTab(tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]);
    });
  }
}

function legend() {
  $("legend").replaceChildren(...TYPES.filter((t) => t !== "OTHER").map((t) => {
    const item = document.createElement("span");
    item.innerHTML = `<i style="background:${colorOf(t)}"></i>${t}`;
    return item;
  }), Object.assign(document.createElement("span"), { className: "precision-key",
    textContent: "● town · ◍ near a town · ◌ province or country" }));
  $("types").replaceChildren(...TYPES.map((t) => Object.assign(document.createElement("option"), { value: t })));
}

function main() {
  view = createMap($("map"));
  legend();
  wireTabs();
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); apply(readForm($("filters"))); });
  $("clear").addEventListener("click", () => { state.marks = []; view.overlay.clearLayers(); apply({}); });
  $("more").addEventListener("click", more);
  $("article-close").addEventListener("click", () => $("article").close());
  window.addEventListener("popstate", () => { state.filters = readURL(); load(); });
  load();
  loadPanels().catch((e) => status(e.message, true));
}

main();
