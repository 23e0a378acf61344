"""``/api/...``: JSON lookups by entity."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from api.errors import problem

blueprint = Blueprint("rest", __name__, url_prefix="/api")

_ACTORS = """
PREFIX schema: <https://schema.org/>
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?actor ?name ?kind WHERE {
  ?actor a sem:Actor ; schema:name ?name ; ckg:kind ?kind .
  FILTER(CONTAINS(LCASE(?name), LCASE(?q)))
} ORDER BY ?name
"""


@blueprint.get("/actors")
def actors():
    """List actors whose name contains ``q``."""
    store = current_app.extensions["conflictkg.store"]
    rows = store.select(_ACTORS, {"q": request.args.get("q", "")})
    found = [{"id": r["actor"].rsplit("/", 1)[-1], "name": r["name"], "kind": r["kind"]} for r in rows]
    return jsonify({"actors": found})


@blueprint.get("/actors/<actor_id>")
def actor(actor_id: str):
    """Return one actor."""
    return problem(404, f"No actor with id {actor_id!r}.")
