/* ConflictKG base map: Natural Earth countries (world-atlas TopoJSON, vendored) under Leaflet, no tiles.
 *
 * window.conflictkgBasemap(element, boundariesUrl, options) returns a Leaflet map whose countries are
 * drawn in a pane below every other layer, and a promise that settles once they are drawn.
 */
(function () {
  "use strict";

  window.conflictkgBasemap = function (element, boundariesUrl, options) {
    const map = L.map(element, {preferCanvas: true, minZoom: 1, maxZoom: 13, worldCopyJump: true, ...options});
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth");
    map.createPane("countries").style.zIndex = 250;  // under the events, whichever is drawn first
    const drawn = fetch(boundariesUrl)
      .then((answer) => answer.json())
      .then((topology) => {
        L.geoJSON(topojson.feature(topology, topology.objects.countries), {interactive: false, pane: "countries",
          renderer: L.canvas({pane: "countries"}),
          style: {color: "#9aa7b4", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1}}).addTo(map);
      });
    return {map: map, drawn: drawn};
  };
})();
