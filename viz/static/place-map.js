/* A small map of one place (event and place pages): the place as a dot over the countries around it. */
(function () {
  "use strict";

  document.querySelectorAll(".place-map[data-lat]").forEach((element) => {
    const lat = Number(element.dataset.lat);
    const lon = Number(element.dataset.lon);
    const {map, drawn} = window.conflictkgBasemap(element, {scrollWheelZoom: false});
    map.setView([lat, lon], 5);
    L.circleMarker([lat, lon], {radius: 7, color: "#222", weight: 1, fillColor: "#d9534f", fillOpacity: 0.9})
      .bindTooltip(element.dataset.name || "").addTo(map);
    drawn.then(() => { element.dataset.ready = "1"; }, () => { element.dataset.ready = "error"; });
  });
})();
