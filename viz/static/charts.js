/* ConflictKG charts: events and fatalities per month, stacked by event type or country.
 *
 * Every <figure class="chart" data-src="/charts/months.json?..."> gets a Chart.js bar chart (vendored),
 * with axes titles, a legend, controls for the measure and the grouping, and the numbers as a table
 * for screen readers and copying. Names come from the graph: they are only ever set as text.
 */
(function () {
  "use strict";

  const PALETTE = ["#4a78c2", "#d9534f", "#f0ad4e", "#5cb85c", "#8e6bbf", "#20a5a5", "#c76f2b", "#7a7a7a", "#b85c9e"];

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function select(name, label, options) {
    const wrap = element("label", {}, label + " ");
    const control = element("select", {name: name});
    options.forEach(([value, text]) => control.appendChild(element("option", {value: value}, text)));
    wrap.appendChild(control);
    return [wrap, control];
  }

  function numbers(data, key) {
    const table = element("table", {class: "browse chart-numbers"});
    const head = table.appendChild(element("thead")).appendChild(element("tr"));
    head.appendChild(element("th", {scope: "col"}, "Month"));
    data.series.forEach((s) => head.appendChild(element("th", {scope: "col"}, s.name)));
    const body = table.appendChild(element("tbody"));
    data.months.forEach((month, i) => {
      const row = body.appendChild(element("tr"));
      row.appendChild(element("th", {scope: "row"}, month));
      data.series.forEach((s) => row.appendChild(element("td", {}, String(s[key][i]))));
    });
    return table;
  }

  function setUp(figure) {
    const controls = element("div", {class: "chart-controls"});
    const [measureLabel, measure] = select("measure", "Show", [["events", "Events"], ["fatalities", "Fatalities"]]);
    const [byLabel, by] = select("by", "by", [["type", "event type"], ["country", "country"]]);
    controls.append(measureLabel, byLabel);
    const box = element("div", {class: "chart-box"});
    const canvas = box.appendChild(element("canvas", {role: "img"}));
    const status = element("p", {class: "chart-status", "aria-live": "polite"});
    const details = element("details");
    details.appendChild(element("summary", {}, "The numbers"));
    figure.append(controls, box, status, details);
    let data = null;
    let chart = null;

    function render() {
      const key = measure.value;
      const title = key === "events" ? "Events" : "Fatalities (lowest reported)";
      const datasets = data.series.map((s, i) => ({
        label: s.name, data: s[key], backgroundColor: PALETTE[i % PALETTE.length], stack: "months", maxBarThickness: 48}));
      if (chart) chart.destroy();
      chart = new window.Chart(canvas, {
        type: "bar",
        data: {labels: data.months, datasets: datasets},
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          scales: {
            x: {stacked: true, title: {display: true, text: "Month"}},
            y: {stacked: true, beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: title}},
          },
          plugins: {legend: {position: "bottom"}},
        },
      });
      const total = datasets.reduce((sum, d) => sum + d.data.reduce((a, b) => a + b, 0), 0);
      const span = data.months.length ? `${data.months[0]} to ${data.months[data.months.length - 1]}` : "";
      const summary = data.months.length ? `${title} per month, ${span}: ${total} in all.` : "No dated events to chart.";
      canvas.setAttribute("aria-label", summary);
      status.textContent = summary;
      details.replaceChildren(details.firstChild, numbers(data, key));
      figure.dataset.ready = "1";
    }

    async function load() {
      figure.dataset.ready = "0";
      const url = new URL(figure.dataset.src, window.location.href);
      url.searchParams.set("by", by.value);
      const answer = await fetch(url, {headers: {Accept: "application/json"}});
      if (!answer.ok) {
        status.textContent = `The chart could not be loaded (${answer.status}).`;
        figure.dataset.ready = "error";
        return;
      }
      data = await answer.json();
      render();
    }

    measure.addEventListener("change", () => { if (data) render(); });
    by.addEventListener("change", load);
    load();
  }

  document.querySelectorAll("figure.chart[data-src]").forEach(setUp);
})();
