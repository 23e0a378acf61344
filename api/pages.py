"""Pages for browsers and the service's own endpoints: home page, ``/-/health``, ``/-/stats``."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template

from graph import __version__
from graph import queries as q

__all__ = ["blueprint", "stats"]

blueprint = Blueprint("pages", __name__)


def stats() -> dict[str, Any]:
    """Return the counts of documents, events, actors and places, the store kind and the version.

    Counting scans every event and actor, so the counts are kept in the app's cache until the next write.
    """
    return dict(current_app.extensions["conflictkg.cache"].kept("stats()", _stats))


def _stats() -> dict[str, Any]:
    store = current_app.extensions["conflictkg.store"]
    counts = (store.read(q.STATS) or [{}])[0]
    settings = current_app.config["CONFLICTKG"]
    return {
        **{key: counts.get(key, 0) for key in ("documents", "events", "actors", "places")},
        "graphs": store.select(q.GRAPH_COUNT)[0]["n"],
        "store": "oxigraph-embedded" if getattr(store, "kind", "embedded") == "embedded" else "sparql",
        "base_iri": settings.base_iri,
        "version": __version__,
    }


def export_formats() -> list[str]:
    """Return the export formats ``/api/export`` offers (none when graph/export.py is absent)."""
    try:
        from graph.export import FORMATS
    except ImportError:
        return []
    return list(FORMATS)


@blueprint.get("/")
def home() -> str:
    """The home page: what the graph holds and a link to every part of the service."""
    settings = current_app.config["CONFLICTKG"]
    return render_template("pages/home.html", stats=stats(), exports=export_formats(), base_iri=settings.base_iri)


@blueprint.get("/-/health")
def health() -> Response:
    """Liveness: the store answers a query."""
    current_app.extensions["conflictkg.store"].select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
    return jsonify({"status": "ok", "version": __version__})


@blueprint.get("/-/stats")
def service_stats() -> Response:
    """Counts of documents, events, actors and places; store kind; version."""
    return jsonify(stats())
