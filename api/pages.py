"""Pages for browsers: the home page and service health."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

blueprint = Blueprint("pages", __name__)


@blueprint.get("/")
def home() -> Response:
    """The home page, linking every part of the service."""
    return Response(
        "<!doctype html><title>ConflictKG</title><h1>ConflictKG</h1><ul>"
        '<li><a href="/sparql">SPARQL</a></li><li><a href="/api/actors">Actors</a></li>'
        '<li><a href="/network">Actor network</a></li></ul>',
        mimetype="text/html",
    )


@blueprint.get("/-/health")
def health():
    """Liveness: the store answers."""
    current_app.extensions["conflictkg.store"].oxigraph.query("ASK { }")
    return jsonify({"status": "ok"})

