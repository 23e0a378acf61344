/* ConflictKG map: the filtered events as points over Natural Earth countries, offline (no tile server).
 *
 * Points are coloured by event type and sized by fatalities; supercluster groups them when dense; two
 * range inputs choose the months shown; a click opens the event with its evidence and sources
 * (/api/events/<id>). Every name and sentence from the graph is set as text, never as HTML.
 */
(function () {
  "use strict";

  const COLOURS = ["#d9534f", "#f0ad4e", "#4a78c2", "#8e6bbf", "#5cb85c", "#20a5a5", "#7a7a7a"];
  const root = document.getElementById("map");
  const status = document.getElementById("map-status");
  const fromInput = document.getElementById("month-from");
  const toInput = document.getElementById("month-to");
  const types = root.dataset.types.split("|");
  const colourOf = (type) => COLOURS[types.indexOf(type)] || COLOURS[COLOURS.length - 1];
  const radiusOf = (fatalities) => 5 + 2.5 * Math.sqrt(fatalities || 0);

  const {map, drawn, admin1} = window.conflictkgBasemap(root, {});
  map.setView([15, 20], 2);
  const layer = L.layerGroup().addTo(map);
  let events = [];
  let months = [];
  let index = null;
  let shown = [];

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function legend() {
    const list = document.getElementById("map-legend");
    [...types, "Other"].forEach((type) => {
      const item = list.appendChild(element("li"));
      item.appendChild(element("span", {class: "swatch", style: `background:${colourOf(type)}`}));
      item.appendChild(document.createTextNode(type));
    });
  }

  function inWindow(event) {
    if (!months.length) return true;
    const from = months[Number(fromInput.value)];
    const to = months[Number(toInput.value)];
    const whole = Number(fromInput.value) === 0 && Number(toInput.value) === months.length - 1;
    if (!event.date || event.date.length < 7) return whole;  // undated or year-only: only with every month
    const month = event.date.slice(0, 7);
    return month >= from && month <= to;
  }

  function rebuild() {
    shown = events.filter(inWindow);
    index = new Supercluster({radius: 45, maxZoom: 11,
      map: (p) => ({fatalities: p.fatalities || 0}),
      reduce: (sum, p) => { sum.fatalities += p.fatalities; }});
    index.load(shown.map((e) => ({type: "Feature", properties: e, geometry: {type: "Point", coordinates: [e.lon, e.lat]}})));
    if (months.length) {
      document.getElementById("month-from-label").textContent = months[Number(fromInput.value)];
      document.getElementById("month-to-label").textContent = months[Number(toInput.value)];
    }
    status.textContent = `${shown.length} of ${events.length} located events shown` +
      (root.dataset.total > events.length ? ` (${root.dataset.total - events.length} more have no coordinates).` : ".");
    draw();
  }

  function draw() {
    layer.clearLayers();
    const bounds = map.getBounds();
    const box = [Math.max(-180, bounds.getWest()), Math.max(-85, bounds.getSouth()),
                 Math.min(180, bounds.getEast()), Math.min(85, bounds.getNorth())];
    index.getClusters(box, Math.round(map.getZoom())).forEach((feature) => {
      const [lon, lat] = feature.geometry.coordinates;
      const p = feature.properties;
      if (p.cluster) {
        const size = 26 + Math.min(24, Math.log2(p.point_count) * 4);
        const marker = focusable([lat, lon], "cluster", size, `${p.point_count} events: zoom in`,
          () => map.setView([lat, lon], index.getClusterExpansionZoom(p.cluster_id)));
        marker.on("add", () => { marker.getElement().textContent = String(p.point_count); });
        layer.addLayer(marker);
      } else {
        const where = p.place ? ` in ${p.place}` : "";
        const point = focusable([lat, lon], "point", 2 * radiusOf(p.fatalities),
          `${p.sub_type || p.type || "Event"}${where}, ${p.date || "undated"}`, () => open(p, point));
        point.on("add", () => { point.getElement().style.background = colourOf(p.type); });
        layer.addLayer(point);
      }
    });
  }

  // A marker that Tab reaches (in the order drawn) and that Enter or Space opens like a click.
  function focusable(at, className, size, title, action) {
    const icon = L.divIcon({className: className, iconSize: [size, size], html: ""});
    const marker = L.marker(at, {icon: icon, keyboard: true, title: title, alt: title});
    marker.on("click", action);
    marker.on("add", () => {
      const node = marker.getElement();
      node.setAttribute("aria-label", title);
      node.addEventListener("keydown", (key) => {
        if (key.key === "Enter" || key.key === " ") { key.preventDefault(); action(); }
      });
    });
    return marker;
  }

  async function open(event, point) {
    const box = element("div", {class: "event-popup"});
    const title = box.appendChild(element("a", {href: `/events/${encodeURIComponent(event.id)}`}, event.sub_type || event.type || "Event"));
    title.className = "popup-title";
    const where = [event.place, event.admin1 !== event.place ? event.admin1 : null].filter(Boolean).join(", ");
    box.appendChild(element("div", {class: "popup-where"}, [event.date || "undated", where, event.fatalities ? `${event.fatalities} killed` : null]
      .filter(Boolean).join(" · ")));
    box.addEventListener("keydown", (key) => {  // Escape closes it and gives the focus back to the point
      if (key.key === "Escape") { point.closePopup(); point.getElement().focus(); }
    });
    point.bindPopup(box, {maxWidth: 360, keepInView: true}).openPopup();
    const answer = await fetch(`/api/events/${encodeURIComponent(event.id)}`, {headers: {Accept: "application/json"}});
    if (answer.ok) evidence(box, await answer.json());
    else box.appendChild(element("p", {}, `Evidence could not be loaded (${answer.status}).`));
    point.getPopup().update();  // sets the content again, which takes the focus away: given to the title after
    title.focus({preventScroll: true});  // a keyboard user lands in the popup (Escape closes it)
    root.dataset.opened = event.id;
  }

  function evidence(box, record) {
    record.evidence.slice(0, 3).forEach((quote) => {
      box.appendChild(element("blockquote", {}, quote.text));
      if (quote.document) {
        const source = box.appendChild(element("div", {class: "source"}));
        source.appendChild(element("a", {href: `/documents/${encodeURIComponent(quote.document.id)}`}, quote.document.title || quote.document.id));
        if (quote.document.publisher) source.appendChild(document.createTextNode(` · ${quote.document.publisher}`));
      }
    });
    if (record.evidence.length > 3) box.appendChild(element("p", {}, `and ${record.evidence.length - 3} more on the event's page`));
  }

  async function load() {
    const answer = await fetch(root.dataset.src, {headers: {Accept: "application/json"}});
    if (!answer.ok) { status.textContent = `The events could not be loaded (${answer.status}).`; return; }
    const data = await answer.json();
    events = data.rows.map((row) => Object.fromEntries(data.columns.map((c, i) => [c, row[i]])));
    root.dataset.total = data.total;
    months = monthsOf(events);
    [fromInput, toInput].forEach((input) => { input.max = Math.max(0, months.length - 1); input.disabled = months.length < 2; });
    fromInput.value = 0;
    toInput.value = Math.max(0, months.length - 1);
    rebuild();
    if (events.length) map.fitBounds(L.latLngBounds(events.map((e) => [e.lat, e.lon])).pad(0.3), {maxZoom: 7});
  }

  function monthsOf(list) {
    const dated = list.filter((e) => e.date && e.date.length >= 7).map((e) => e.date.slice(0, 7)).sort();
    if (!dated.length) return [];
    const out = [];
    let [year, month] = dated[0].split("-").map(Number);
    const last = dated[dated.length - 1];
    for (;;) {
      const key = `${year}-${String(month).padStart(2, "0")}`;
      if (key > last) break;
      out.push(key);
      [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    }
    return out;
  }

  fromInput.addEventListener("input", () => { if (Number(fromInput.value) > Number(toInput.value)) toInput.value = fromInput.value; rebuild(); });
  toInput.addEventListener("input", () => { if (Number(toInput.value) < Number(fromInput.value)) fromInput.value = toInput.value; rebuild(); });
  map.on("moveend", () => { if (index) draw(); });
  legend();
  window.conflictkg = {map: map, admin1: admin1, shown: () => shown.map((e) => e.id), events: () => events};
  Promise.all([drawn, load()]).then(() => { document.body.dataset.ready = "1"; },
    (error) => { status.textContent = `The map could not be drawn: ${error.message}`; });
})();
