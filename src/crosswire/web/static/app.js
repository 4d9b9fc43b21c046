// The map on a story page: country outlines and one marker per mapped (merged) event, from the JSON API.
// Everything it draws comes from this server; text goes in as textContent, never as HTML.
"use strict";

const TYPE_COLOURS = {
  "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9", "Riots": "#16a085", "Strategic developments": "#2c3e50",
};

async function allPages(url) {
  const items = [];
  let offset = 0;
  for (;;) {
    const sep = url.includes("?") ? "&" : "?";
    const response = await fetch(`${url}${sep}limit=500&offset=${offset}`);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    const page = await response.json();
    items.push(...page.items);
    if (page.next_offset === null) return items;
    offset = page.next_offset;
  }
}

const LEVEL_PRECISION = { local: 1, division: 2, country: 3 };  // a merged event's place level

function precisionOf(place) {
  return place.geo_precision || LEVEL_PRECISION[place.level] || 3;
}

function popup(event) {
  const box = document.createElement("div");
  box.className = "event-popup";
  const title = document.createElement("a");
  title.href = `/events/${encodeURIComponent(event.id)}`;
  title.textContent = `${event.event_type}${event.sub_event_type ? " – " + event.sub_event_type : ""}`;
  const line = document.createElement("div");
  line.textContent = `${event.date || "undated"} · ${event.place.name || ""} (precision ${precisionOf(event.place)}) · ${event.mentions.length} mention(s)`;
  box.append(title, line);
  return box;
}

async function drawMap(element) {
  const map = L.map(element, { worldCopyJump: true, attributionControl: true }).setView([20, 0], 2);
  map.attributionControl.setPrefix("Leaflet").addAttribution("Natural Earth country outlines");
  const topo = await (await fetch("/static/vendor/countries-110m.json")).json();
  L.geoJSON(topojson.feature(topo, topo.objects.countries),
    { style: { color: "#7f8c99", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
  const events = await allPages(element.dataset.events);
  const points = [];
  for (const event of events) {
    if (!event.place || event.place.lat === null) continue;
    const precision = precisionOf(event.place);
    const marker = L.circleMarker([event.place.lat, event.place.lon], {
      radius: 11 - 2 * precision, color: "#222", weight: 1, fillOpacity: 0.85,
      fillColor: TYPE_COLOURS[event.event_type] || "#7f8c8d",
      className: `event-marker precision-${precision}`,
    });
    marker.bindPopup(popup(event)).addTo(map);
    points.push([event.place.lat, event.place.lon]);
  }
  if (points.length) map.fitBounds(points, { padding: [30, 30], maxZoom: 9 });
  element.dataset.markers = String(points.length);
}

document.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("map");
  if (element) drawMap(element).catch((err) => { element.textContent = `map unavailable: ${err.message}`; });
});
