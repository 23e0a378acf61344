"""``/map``: the filtered events on a map (points by type and toll, clustered, a time slider), offline.

``/map/events.json`` takes the events table's filters and answers the located events as rows of
``columns`` (compact: ten thousand events take about 1.4 MB), at most ``max_rows``, kept per URL until
the next write (``api.limits.kept``, as the network's data). The page draws them with Leaflet over Natural
Earth country and admin-1 boundaries, all served from here.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, render_template, request

from api import entities, tables
from api.labels import labels
from api.limits import kept
from graph import queries as q
from graph.ontology import event_types
from graph.store import TripleStore
from viz import legend

__all__ = ["blueprint", "COLUMNS"]

blueprint = Blueprint("maps", __name__)
COLUMNS = ("id", "date", "type", "sub_type", "fatalities", "lat", "lon", "place", "admin1")


@blueprint.get("/map")
def map_page() -> str:
    """The map page: the events table's filters, the map, a legend and a time slider."""
    query = tables.read_query("events")
    return render_template("pages/map.html", table=query.table, query=query, filters=tables.FORM["events"],
                           regions=tables.regions(), country_name=tables.country_name, types=event_types(),
                           kinds=legend.kinds(), data_args=tables.filter_args(query))


@blueprint.get("/map/events.json")
def map_events() -> Response:
    """The located events the filters keep: ``{columns, rows, total, located, limit}``, kept until the next write."""
    return Response(kept(f"map {request.full_path}", _located_events), mimetype="application/json")


def _located_events() -> str:
    query = tables.read_query("events")
    store = current_app.extensions["conflictkg.store"]
    limit = current_app.config["CONFLICTKG"].max_rows
    found: dict[str, dict] = {}
    if tables.scans_sentences(query):
        read = store.read(q.page(q.map_events(query.filters), limit, 0), query.bindings)
    else:  # newest first without sorting every match, as the events table
        read = tables.newest_page(store, query, q.map_event_list(query.filters), limit, 0)
    for row in read:
        found.setdefault(row["event"], row)
    places = _places(store, {r["place"] for r in found.values()})
    rows = []
    for row in found.values():
        lat, lon = entities.parse_point(row.get("wkt"))
        rows.append([entities.local_id(row["event"]), row.get("date"), row.get("type"), row.get("sub_type"),
                     row.get("fatalities"), lat, lon, *places.get(row["place"], (None, None))])
    return json.dumps({"filters": query.filters, "columns": COLUMNS, "rows": rows, "located": len(rows),
                       "total": tables.count(store, query), "limit": limit}, separators=(",", ":"))


def _places(store: TripleStore, places: set[str]) -> dict[str, tuple[str | None, str | None]]:
    """``{place: (name, admin1)}``, read once per place (a map of 10,000 events may have a few hundred)."""
    if not places:
        return {}
    names = labels(store, places)
    admin1 = {r["place"]: r["admin1"] for r in store.read(q.with_iris(q.PLACE_ADMIN1, sorted(places)))}
    return {place: (names.get(place, {}).get("name"), admin1.get(place)) for place in places}
