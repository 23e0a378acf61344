"""``/sparql``: the SPARQL 1.1 Protocol endpoint."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from api.errors import problem

blueprint = Blueprint("sparql", __name__)


@blueprint.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """Answer a SPARQL query with JSON results."""
    query = request.values.get("query")
    if not query:
        return problem(400, "Pass a SPARQL query in the 'query' parameter.")
    store = current_app.extensions["conflictkg.store"]
    try:
        result = store.oxigraph.query(query, use_default_graph_as_union=True)
    except SyntaxError as err:
        return problem(400, f"The query does not parse: {err}")
    body = result.serialize(format=ox.QueryResultsFormat.JSON)
    return Response(body, mimetype="application/sparql-results+json")
