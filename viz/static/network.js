/* ConflictKG actor network: filters, search, legend and the details panel over vis-network.
 *
 * Every name and sentence comes from untrusted articles: this script only ever puts them in the
 * page with textContent / text nodes (never innerHTML), and links only to same-site paths.
 */
(function () {
  "use strict";

  function readJson(id) { return JSON.parse(document.getElementById(id).textContent); }
  const mark = (name) => performance.mark(`conflictkg:${name}`); // read by bench/bench_network.py
  mark("start");

  const page = readJson("network-page");
  const allNodes = readJson("network-nodes");
  const allEdges = readJson("network-edges");
  const visOptions = readJson("network-options");
  const events = page.events; // [id, subtype index, category, date, place node id, fatalities]
  const EV = { ID: 0, SUB: 1, CAT: 2, DATE: 3, PLACE: 4, FAT: 5 };
  const categoryById = new Map(page.categories.map((c) => [c.id, c]));
  categoryById.set("at", { id: "at", label: "events at", stance: "place", color: "#bdbdbd", directed: true });
  const MAX_PANEL_EVENTS = 10;

  mark("parsed");
  const nodeById = new Map(allNodes.map((n) => [n.id, n]));
  const edgeById = new Map();
  const edgesOf = new Map();
  allEdges.forEach(indexEdge);
  allEdges.forEach((edge) => Object.assign(edge, edgeStyle(edge, edge.ev.length)));

  function indexEdge(edge) {
    edgeById.set(edge.id, edge);
    [edge.from, edge.to].forEach((id) => {
      if (!edgesOf.has(id)) edgesOf.set(id, []);
      edgesOf.get(id).push(edge);
    });
  }

  // Colour, width, arrows, label and tooltip of an edge follow from its category and event count;
  // what every edge shares (smoothing, arrow size, opacity) is in the global options instead.
  function edgeStyle(edge, count) {
    const category = categoryById.get(edge.cat) || { label: edge.cat, color: "#999999", directed: true, stance: "other" };
    let first = "";
    let last = "";
    for (const i of edge.ev) {
      const date = events[i][EV.DATE];
      if (date && (!first || date < first)) first = date;
      if (date && date > last) last = date;
    }
    const total = edge.ev.length;
    let title = `${nodeById.get(edge.from).label} ${category.directed ? "→" : "–"} ${nodeById.get(edge.to).label}\n` +
      (total ? `${category.label}: ${count} of ${total} event${total === 1 ? "" : "s"}` : `${category.label} (stated affiliation)`);
    if (first) title += `\n${first === last ? first : `${first} – ${last}`}`;
    const style = { title, color: category.color, width: count ? 1 + 1.5 * Math.log2(1 + count) : 1.5 }; // title: shown as text
    if (category.directed) style.arrows = "to";
    if (!total) style.dashes = true; // an affiliation the text states, no event behind it
    if (page.labels) style.label = count > 1 ? `${category.label} ×${count}` : category.label;
    return style;
  }

  const state = {
    from: "", to: "", undated: true, place: "", places: false,
    kinds: new Set(page.kinds.map((k) => k.id)),
    cats: new Set(page.categories.map((c) => c.id)),
  };
  let visibleNodes = new Set();
  let visibleEdges = new Set();
  const shownCount = new Map(allEdges.map((e) => [e.id, e.ev.length]));

  // ------------------------------------------------------------------ DOM helpers
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (value === undefined || value === null) return;
      if (key === "className") node.className = value;
      else if (key === "href") { const safe = safeHref(value); if (safe) node.setAttribute("href", safe); }
      else if (key === "style") node.setAttribute("style", value);
      else node.setAttribute(key, String(value));
    });
    children.flat().forEach((child) => {
      if (child === undefined || child === null || child === false) return;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  function safeHref(href) {
    const text = String(href);
    if (text.startsWith("/") && !text.startsWith("//")) return (page.site || "") + text;
    if (page.site && text.startsWith(page.site + "/")) return text;
    return null; // javascript:, data: and other sites are never linked
  }

  // ------------------------------------------------------------------ filtering
  function periodStart(date) { return (date + "-01-01").slice(0, 10); }
  function periodEnd(date) { return date.length >= 10 ? date.slice(0, 10) : (date.length === 7 ? date + "-31" : date.slice(0, 4) + "-12-31"); }

  function eventFilterActive() {
    return Boolean(state.from || state.to || state.place !== "" || !state.undated || state.cats.size < page.categories.length);
  }

  function eventPasses(index) {
    const event = events[index];
    if (!state.cats.has(event[EV.CAT])) return false;
    if (state.place !== "" && event[EV.PLACE] !== state.place) return false;
    const date = event[EV.DATE];
    if (!date) return state.undated;
    if (state.from && periodEnd(date) < state.from) return false;
    if (state.to && periodStart(date) > state.to) return false;
    return true;
  }

  // Affiliations have no date or place: they keep actors and ties in view only when neither is chosen.
  function undatedTiesShown() { return state.place === "" && !state.from && !state.to; }

  function applyFilters() {
    const passing = new Uint8Array(events.length);
    let passingCount = 0;
    for (let i = 0; i < events.length; i++) { if (eventPasses(i)) { passing[i] = 1; passingCount++; } }
    const filtering = eventFilterActive();
    const nodesNow = new Set();
    allNodes.forEach((node) => {
      const live = node.ev.some((i) => passing[i]);
      if (node.layer === "place") {
        if (state.places && live && (state.place === "" || state.place === node.id)) nodesNow.add(node.id);
      } else if (state.kinds.has(node.kind)) {
        const asserted = undatedTiesShown() && (edgesOf.get(node.id) || []).some((e) => e.asserted && state.cats.has(e.cat));
        if (!filtering || live || asserted) nodesNow.add(node.id);
      }
    });
    const edgesNow = new Set();
    const updates = [];
    allEdges.forEach((edge) => {
      if (!nodesNow.has(edge.from) || !nodesNow.has(edge.to)) return;
      if (edge.cat !== "at" && !state.cats.has(edge.cat)) return;
      const count = edge.ev.reduce((sum, i) => sum + passing[i], 0);
      const allowed = edge.asserted && edge.cat !== "at" && undatedTiesShown();
      if (count === 0 && !allowed) return;
      edgesNow.add(edge.id);
      if (count !== shownCount.get(edge.id)) {
        shownCount.set(edge.id, count);
        const style = edgeStyle(edge, count);
        const change = { width: style.width, title: style.title, label: style.label };
        Object.assign(edge, change); // edges not streamed in yet get it when they are
        if (isLoaded(edge)) updates.push({ id: edge.id, ...change });
      }
    });
    visibleNodes = nodesNow;
    visibleEdges = edgesNow;
    if (updates.length) edges.update(updates);
    nodeView.refresh();
    edgeView.refresh();
    let actors = 0;
    nodesNow.forEach((id) => { if (nodeById.get(id).layer === "actor") actors++; });
    let interactions = 0;
    edgesNow.forEach((id) => { if (edgeById.get(id).cat !== "at") interactions++; });
    const bounded = page.view ? ` (the ${page.view.actors} most active; find others by name)` : "";
    document.getElementById("counts").textContent =
      `${actors} of ${page.counts.actors} actors${bounded} · ${interactions} interactions · ${passingCount} of ${events.length} events`;
  }

  // ------------------------------------------------------------------ network
  mark("styled");
  // Large graphs draw their nodes first and stream the edges in afterwards, a chunk per task, so the
  // page answers (pan, zoom, click, search) while vis-network is still taking the edges in.
  const PROGRESSIVE = 3000;
  let chunk = 1000; // doubles up to 8000: few chunks (each makes vis-network revisit every edge), short first ones
  const progressive = !page.physics && allEdges.length > PROGRESSIVE;
  const initialEdgeCount = allEdges.length;
  let loadedEdges = progressive ? 0 : initialEdgeCount;
  const isLoaded = (edge) => typeof edge.id !== "number" || edge.id < loadedEdges;
  const nodes = new vis.DataSet(allNodes);
  const edges = new vis.DataSet(progressive ? [] : allEdges);
  const nodeView = new vis.DataView(nodes, { filter: (n) => visibleNodes.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => visibleEdges.has(e.id) });
  mark("datasets");
  applyFilters();
  mark("filtered");
  const container = document.getElementById("network");
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, visOptions);
  mark("network");
  network.once("afterDrawing", () => {
    mark("drawn");
    window.conflictkgReadyAt = performance.now();
    document.body.dataset.ready = "1";
    requestAnimationFrame(() => mark("responsive")); // the next frame after the first drawing
    setTimeout(loadEdges, 0);
  });

  function loadEdges() {
    if (loadedEdges < initialEdgeCount) {
      const end = Math.min(loadedEdges + chunk, initialEdgeCount);
      const batch = allEdges.slice(loadedEdges, end);
      loadedEdges = end;
      chunk = Math.min(chunk * 2, 8000);
      edges.add(batch);
      setTimeout(loadEdges, 0);
      return;
    }
    mark("edges");
    document.body.dataset.edges = "complete";
  }
  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
  // Physics settles the server's layout on screen rather than before the first drawing (no stabilisation: the page
  // answers at once); once still, it stops for good and the view fits the network, unless the reader moved it.
  let viewMoved = false;
  if (page.physics) {
    network.once("dragStart", () => { viewMoved = true; });
    network.once("zoom", () => { viewMoved = true; });
    network.once("stabilized", () => {
      network.setOptions({ physics: { enabled: false } });
      if (!viewMoved) network.fit();
    });
  }

  // ------------------------------------------------------------------ legend and filter controls
  function buildControls() {
    const kindBox = document.getElementById("kind-filter");
    page.kinds.forEach((kind) => {
      const box = el("input", { type: "checkbox", value: kind.id, "data-kind": kind.id });
      box.checked = true;
      box.addEventListener("change", () => { toggle(state.kinds, kind.id, box.checked); applyFilters(); });
      kindBox.appendChild(el("label", {}, box, el("span", { className: "swatch", style: `background:${kind.color}` }), kind.label));
    });
    const catBox = document.getElementById("category-filter");
    let stance = null;
    page.categories.forEach((cat) => {
      if (cat.stance !== stance) { stance = cat.stance; catBox.appendChild(el("div", { className: "stance" }, stance)); }
      const box = el("input", { type: "checkbox", value: cat.id, "data-category": cat.id });
      box.checked = true;
      box.addEventListener("change", () => { toggle(state.cats, cat.id, box.checked); applyFilters(); });
      catBox.appendChild(el("label", { title: `${cat.label}: ${cat.stance}${cat.directed ? ", from actor 1 to actor 2" : ""}` }, box,
        el("span", { className: "line" + (cat.affiliation ? " dashed" : ""), style: `border-top-color:${cat.color}` }),
        cat.label + (cat.directed ? " →" : "")));
    });
    if (!page.categories.length) catBox.appendChild(el("p", { className: "hint" }, "No interactions between actors yet."));
    const placeSelect = document.getElementById("place-filter");
    page.places.forEach((place) => placeSelect.appendChild(el("option", { value: place.id }, place.name)));
    placeSelect.addEventListener("change", () => { state.place = placeSelect.value === "" ? "" : Number(placeSelect.value); applyFilters(); });
    const from = document.getElementById("date-from");
    const to = document.getElementById("date-to");
    if (page.dates.first) { from.min = to.min = page.dates.first; from.max = to.max = periodEnd(page.dates.last); }
    from.addEventListener("change", () => { state.from = from.value; applyFilters(); });
    to.addEventListener("change", () => { state.to = to.value; applyFilters(); });
    const undated = document.getElementById("undated");
    undated.addEventListener("change", () => { state.undated = undated.checked; applyFilters(); });
    const places = document.getElementById("show-places");
    places.addEventListener("change", () => { state.places = places.checked; addPlaceEdges(); applyFilters(); });
    document.getElementById("reset").addEventListener("click", resetFilters);
    document.getElementById("panel-close").addEventListener("click", () => { document.getElementById("panel").hidden = true; });
    const names = document.getElementById("search-names");
    const seen = new Set();
    allNodes.forEach((node) => {
      if (!seen.has(node.label)) { seen.add(node.label); names.appendChild(el("option", { value: node.label })); }
    });
    document.getElementById("search").addEventListener("submit", (event) => { event.preventDefault(); search(); });
  }

  // Actor -> place edges are built here, once, the first time places are shown (they double the data).
  let placeEdgesBuilt = false;
  function addPlaceEdges() {
    if (placeEdgesBuilt || !state.places) return;
    placeEdgesBuilt = true;
    const byPair = new Map();
    allNodes.forEach((node) => {
      if (node.layer !== "actor") return;
      node.ev.forEach((i) => {
        const place = events[i][EV.PLACE];
        if (place === null || place === undefined) return;
        const key = `${node.id}|${place}`;
        if (!byPair.has(key)) byPair.set(key, { id: `at|${key}`, from: node.id, to: place, cat: "at", ev: [], asserted: false });
        byPair.get(key).ev.push(i);
      });
    });
    const added = [...byPair.values()];
    // Put each place at the centre of its actors as drawn now (physics may have moved them off the server's layout).
    const around = new Map();
    const drawn = network.getPositions();
    added.forEach((edge) => {
      const at = drawn[edge.from];
      if (!at) return;
      if (!around.has(edge.to)) around.set(edge.to, []);
      around.get(edge.to).push(at);
    });
    nodes.update([...around].map(([id, points], n) => ({
      id,
      x: points.reduce((sum, p) => sum + p.x, 0) / points.length + 30 * Math.cos(n),
      y: points.reduce((sum, p) => sum + p.y, 0) / points.length + 30 * Math.sin(n),
    })));
    added.forEach((edge) => { Object.assign(edge, edgeStyle(edge, edge.ev.length)); indexEdge(edge); allEdges.push(edge); shownCount.set(edge.id, edge.ev.length); });
    edges.add(added);
  }

  function toggle(set, value, on) { if (on) set.add(value); else set.delete(value); }

  function resetFilters() {
    state.from = state.to = state.place = "";
    state.undated = true;
    state.places = false;
    state.kinds = new Set(page.kinds.map((k) => k.id));
    state.cats = new Set(page.categories.map((c) => c.id));
    document.querySelectorAll("#filters input[type=checkbox]").forEach((box) => {
      box.checked = box.id !== "show-places";
    });
    document.querySelectorAll("#filters input[type=date]").forEach((box) => { box.value = ""; });
    document.getElementById("place-filter").value = "";
    applyFilters();
  }

  // ------------------------------------------------------------------ search
  function search() {
    const query = document.getElementById("search-input").value.trim().toLowerCase();
    const status = document.getElementById("search-status");
    if (!query) { status.textContent = ""; return; }
    const actor = bestMatch(allNodes.filter((n) => n.layer === "actor"), query);
    if (actor) { showActor(actor, status); return; }
    const place = bestMatch(allNodes.filter((n) => n.layer === "place"), query);
    if (place) { showPlace(place, status); return; }
    if (page.site !== null) { searchServer(query, status); return; }
    status.textContent = "No match";
  }

  function bestMatch(candidates, query) {
    return candidates.find((n) => n.label.toLowerCase() === query)
      || candidates.find((n) => n.label.toLowerCase().startsWith(query))
      || candidates.find((n) => n.label.toLowerCase().includes(query));
  }

  function showActor(node, status) {
    if (!visibleNodes.has(node.id)) { status.textContent = "Hidden by the filters"; return; }
    status.textContent = "";
    focusNode(node.id);
  }

  // A place is found whether or not places are drawn: drawn, it is focused; else the view keeps its events.
  function showPlace(node, status) {
    if (state.places && visibleNodes.has(node.id)) { status.textContent = ""; focusNode(node.id); return; }
    state.place = node.id;
    document.getElementById("place-filter").value = String(node.id);
    applyFilters();
    status.textContent = `Events at ${node.label}`;
  }

  // Names the view does not hold (aliases such as "RSF", actors outside a bounded view): ask the server,
  // then show the actor or place it finds, or open the view on that actor.
  function searchServer(query, status) {
    status.textContent = "Searching…";
    fetch(`${page.site}/api/search?q=${encodeURIComponent(query)}&limit=5`)
      .then((response) => response.json())
      .then((found) => {
        for (const actor of found.actors || []) {
          const node = allNodes.find((n) => n.layer === "actor" && n.eid === actor.id);
          if (node) { showActor(node, status); return; }
        }
        for (const place of found.places || []) {
          const node = allNodes.find((n) => n.layer === "place" && n.eid === place.id);
          if (node) { showPlace(node, status); return; }
        }
        const actor = (found.actors || [])[0];
        if (!actor || !page.view) { status.textContent = "No match"; return; }
        const here = new URLSearchParams(window.location.search);
        here.set("focus", `actors/${actor.id}`);
        window.location.search = here.toString();
      })
      .catch(() => { status.textContent = "No match"; });
  }

  function focusNode(id) {
    viewMoved = true;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400 } });
    showNode(id);
  }

  // ------------------------------------------------------------------ details panel
  function openPanel(...children) {
    const body = document.getElementById("panel-body");
    body.replaceChildren(...children);
    document.getElementById("panel").hidden = false;
    return body;
  }

  function describeEvent(index) {
    const e = events[index];
    const place = e[EV.PLACE] !== null && nodeById.get(e[EV.PLACE]);
    const [type, sub] = page.subtypes[e[EV.SUB]];
    return [e[EV.DATE] || "undated", " · ", sub || type || "event",
      place ? ` · ${place.label}` : "", e[EV.FAT] ? ` · ${e[EV.FAT]} killed` : ""].join("");
  }

  function links(node) {
    if (!node.href) return el("p", { className: "note" }, "Open the network from the ConflictKG server for the timeline page and the JSON record.");
    return el("p", { className: "links" }, el("a", { href: node.href }, "Timeline page"), el("a", { href: node.api }, "JSON (" + node.api + ")"));
  }

  function showNode(id) {
    const node = nodeById.get(id);
    if (!node) return;
    const kind = page.kinds.find((k) => k.id === node.kind);
    const details = el("div", {}, el("p", { className: "note" }, "Loading details…"));
    const evidence = el("div", {});
    openPanel(
      el("h2", {}, node.label),
      el("dl", {}, el("dt", {}, node.layer === "actor" ? "Kind" : "Place kind"), el("dd", {}, kind ? kind.label : node.kind),
        el("dt", {}, "Events"), el("dd", {}, String(node.ev.length))),
      links(node), details, el("h3", {}, "Evidence"), evidence);
    if (node.api) loadRecord(node, details); else details.replaceChildren();
    const newest = node.ev.slice().sort((a, b) => (events[b][EV.DATE] || "").localeCompare(events[a][EV.DATE] || ""));
    loadEvidence(newest.filter((i) => eventPasses(i)).slice(0, MAX_PANEL_EVENTS), evidence, node.ev.length);
  }

  function showEdge(id) {
    const edge = edgeById.get(id);
    if (!edge) return;
    const from = nodeById.get(edge.from);
    const to = nodeById.get(edge.to);
    const category = categoryById.get(edge.cat);
    const evidence = el("div", {});
    const dates = edge.ev.map((i) => events[i][EV.DATE]).filter(Boolean).sort();
    openPanel(
      el("h2", {}, from.label, category && category.directed ? " → " : " – ", to.label),
      el("dl", {},
        el("dt", {}, "Interaction"), el("dd", {}, category ? `${category.label} (${category.stance})` : edge.cat),
        el("dt", {}, "Events"), el("dd", {}, edge.ev.length ? String(edge.ev.length) : "stated affiliation, no event"),
        dates.length ? [el("dt", {}, "Dates"), el("dd", {}, dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} – ${dates[dates.length - 1]}`)] : null),
      el("p", { className: "links" }, from.href ? el("a", { href: from.href }, from.label) : null, to.href ? el("a", { href: to.href }, to.label) : null),
      el("h3", {}, "Evidence"), evidence);
    const newest = edge.ev.slice().sort((a, b) => (events[b][EV.DATE] || "").localeCompare(events[a][EV.DATE] || ""));
    loadEvidence(newest.slice(0, MAX_PANEL_EVENTS), evidence, edge.ev.length);
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  }

  async function loadRecord(node, target) {
    try {
      const record = await getJson(node.api);
      const rows = [];
      const add = (label, value) => { if (value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && !value.length)) rows.push(el("dt", {}, label), el("dd", {}, value)); };
      add("Aliases", (record.aliases || []).join(", "));
      add("Country", record.country);
      add("Admin1", record.admin1);
      if (record.lat !== undefined && record.lat !== null) add("Coordinates", `${record.lat}, ${record.lon}`);
      add("First seen", record.first_seen);
      add("Last seen", record.last_seen);
      (record.affiliations || []).forEach((a) => add(a.relation.replace(/_/g, " ") + (a.direction === "in" ? " (of)" : ""),
        a.actor ? entityLink(a.actor, "actors") : ""));
      const co = (record.co_actors || record.actors || []).slice(0, 8);
      if (co.length) add(record.co_actors ? "Co-actors" : "Actors here", co.map((c, i) => [i ? ", " : "", entityLink(c, "actors"), ` (${c.events})`]).flat());
      target.replaceChildren(rows.length ? el("dl", {}, rows) : "");
    } catch (error) {
      target.replaceChildren(el("p", { className: "note" }, `Details unavailable: ${error.message}`));
    }
  }

  function entityLink(ref, segment) {
    const wrap = document.createElement("span");
    const label = ref.name || ref.id || "?";
    if (ref.id && page.site !== null) wrap.appendChild(el("a", { href: `/${segment}/${encodeURIComponent(ref.id)}` }, label));
    else wrap.textContent = label;
    return wrap;
  }

  async function loadEvidence(indices, target, total) {
    if (!indices.length) { target.replaceChildren(el("p", { className: "note" }, total ? "No event passes the filters." : "No events recorded.")); return; }
    const items = indices.map((i) => el("div", { className: "event", "data-event": events[i][EV.ID] }, el("div", { className: "what" }, describeEvent(i))));
    target.replaceChildren(...items, total > indices.length ? el("p", { className: "note" }, `Showing ${indices.length} of ${total} events; the timeline page lists them all.`) : "");
    if (page.site === null) { target.appendChild(el("p", { className: "note" }, "Evidence sentences are served by the ConflictKG API.")); return; }
    await Promise.all(indices.map(async (i, n) => {
      const url = `${page.site || ""}/api/events/${encodeURIComponent(events[i][EV.ID])}`;
      try {
        const record = await getJson(url);
        const quotes = (record.evidence || []).map((ev) => {
          const doc = ev.document || {};
          const source = [doc.publisher, doc.published, doc.title].filter(Boolean).join(" · ");
          return [el("blockquote", {}, ev.text || ""), el("div", { className: "source" }, "Source: ",
            doc.href ? el("a", { href: doc.href }, source || doc.id || "document") : (source || "unknown"))];
        });
        items[n].append(...quotes.flat(), el("a", { className: "source", href: url }, "event JSON"));
      } catch (error) {
        items[n].appendChild(el("p", { className: "note" }, `Evidence unavailable: ${error.message}`));
      }
    }));
  }

  // ------------------------------------------------------------------ start
  buildControls();
  const focus = new URLSearchParams(window.location.search).get("focus");
  if (focus) {
    const [segment, id] = focus.split("/");
    const layer = segment === "places" ? "place" : "actor";
    const target = allNodes.find((n) => n.eid === id && n.layer === layer);
    if (target) {
      if (layer === "place") { state.places = true; document.getElementById("show-places").checked = true; addPlaceEdges(); applyFilters(); }
      network.once("afterDrawing", () => focusNode(target.id));
    }
  }
  window.conflictkg = { network, nodes, edges, visibleNodes: () => new Set(visibleNodes), visibleEdges: () => new Set(visibleEdges), applyFilters };
})();
