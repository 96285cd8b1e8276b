// The map: country outlines shipped with the page (world-atlas), no tiles. Each event is a circle in
// its type's colour: filled for a town (precision 1), paler and wider near a town or in part of a
// region (2), hollow and dashed for a province or country (3).
import L from "leaflet";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { colorOf } from "./colors.js";

const STYLE = {
  1: { radius: 6, fillOpacity: 0.85, weight: 1 },
  2: { radius: 9, fillOpacity: 0.35, weight: 2 },
  3: { radius: 14, fillOpacity: 0, weight: 2, dashArray: "4 3" },
};

export function createMap(element) {
  const map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 }).setView([25, 30], 2);
  L.geoJSON(feature(world, world.objects.countries), {
    style: { color: "#9aa5b1", weight: 0.6, fillColor: "#eef1f4", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas");
  const events = L.featureGroup().addTo(map);
  const overlay = L.featureGroup().addTo(map);
  return { map, events, overlay };
}

export function eventMarker(item, onOpen) {
  const place = item.place;
  const style = STYLE[place.precision] || STYLE[3];
  const color = colorOf(item.plover.type);
  const marker = L.circleMarker([place.lat, place.lon], { ...style, color, fillColor: color,
    className: `event-marker precision-${place.precision}` });
  marker.bindTooltip(`${item.plover.type} · ${place.name} · ${item.date?.value || "undated"}`);
  marker.on("click", () => onOpen(item));
  marker.on("add", () => {
    const el = marker.getElement();
    if (el) {
      el.dataset.key = `${item.document.pk}/${item.event_id}`;
      el.setAttribute("aria-label", `${item.plover.type} at ${place.name}`);
    }
  });
  return marker;
}

export function showEvents(view, items, onOpen) {
  view.events.clearLayers();
  for (const item of items) if (item.place) view.events.addLayer(eventMarker(item, onOpen));
  const bounds = view.events.getBounds();
  if (bounds.isValid()) view.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 });
}

export function showCeasefire(view, truce) {
  view.overlay.clearLayers();
  if (truce.lat != null) {
    L.circleMarker([truce.lat, truce.lon], { radius: 18, color: "#27ae60", weight: 3, fill: false,
      className: "ceasefire-area" }).bindTooltip(`Ceasefire: ${truce.area || "?"}`).addTo(view.overlay);
  }
  for (const v of truce.violations) {
    if (v.lat == null) continue;
    L.circleMarker([v.lat, v.lon], { radius: 8, color: "#000", weight: 2, fillColor: "#c0392b", fillOpacity: 1,
      className: "violation-marker" }).bindTooltip(`Violation: ${v.type} ${v.date || ""} ${v.place || ""}`)
      .addTo(view.overlay);
  }
  const bounds = view.overlay.getBounds();
  if (bounds.isValid()) view.map.fitBounds(bounds, { padding: [40, 40], maxZoom: 8 });
}
