"""``/store``: the SPARQL 1.1 Graph Store HTTP Protocol (indirect graph identification).

``?graph=IRI`` names a graph, ``?default`` the store's default graph (ontology and merged
facts; documents live in named graphs). ``GET``/``HEAD`` read a graph in a negotiated RDF
format (no parameter: the whole dataset as TriG or N-Quads); ``PUT`` replaces it, ``POST``
adds to it, ``DELETE`` drops it; writes need the bearer token. Each write is one SPARQL
update, so it is atomic: readers see the graph before or after, never half.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from api.auth import check_write_token
from api.current import update_reconciled
from api.errors import problem
from api.sparql import write_lock
from graph.store import NotAcceptable, Store, StoreError, TripleStore, as_bytes

__all__ = ["blueprint"]

blueprint = Blueprint("graph_store", __name__)

_GRAPH_TYPES = ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]
_DATASET_TYPES = ["application/trig", "application/n-quads"]
_ALIASES = {"text/plain": "application/n-triples", "application/x-turtle": "text/turtle"}


@blueprint.route("/store", methods=["GET", "PUT", "POST", "DELETE"])
def graph_store() -> Response:
    """Read or write one graph of the store (Graph Store HTTP Protocol)."""
    target = _target()
    if isinstance(target, Response):
        return target
    if request.method in ("GET", "HEAD"):
        return _read(target)
    refusal = check_write_token()
    if refusal is not None:
        return refusal
    if isinstance(target, str):  # "dataset"
        return problem(400, "Name the graph to write: ?graph=<IRI> or ?default.")
    try:
        if request.method == "DELETE":
            return _delete(target)
        return _write(target, replace=request.method == "PUT")
    except StoreError as err:  # a remote store failed
        return problem(502, str(err))


def _target() -> ox.NamedNode | ox.DefaultGraph | str | Response:
    """The graph the request names, ``"dataset"`` for none, or a 400 problem."""
    graphs = request.args.getlist("graph")
    if "default" in request.args:
        return problem(400, "Give either ?graph=<IRI> or ?default, not both.") if graphs else ox.DefaultGraph()
    if not graphs:
        return "dataset"
    if len(graphs) > 1:
        return problem(400, "Give one ?graph parameter.")
    try:
        return ox.NamedNode(graphs[0])
    except ValueError:
        return problem(400, f"?graph must be an absolute IRI, got {graphs[0]!r}.")


def _read(target: ox.NamedNode | ox.DefaultGraph | str) -> Response:
    store = current_app.extensions["conflictkg.store"]
    offers = _DATASET_TYPES if target == "dataset" else _GRAPH_TYPES
    choice = request.accept_mimetypes.best_match(offers + list(_ALIASES)) if request.accept_mimetypes else offers[0]
    media_type = _ALIASES.get(choice, choice) if choice else None
    if media_type not in offers:
        return problem(406, f"Ask for one of: {', '.join(offers)}.")
    if isinstance(target, ox.NamedNode) and not store.has_graph(target.value):  # the default graph always is
        return problem(404, f"There is no graph {target.value}.")
    try:
        body = _serialise(store, target, media_type)
    except StoreError as err:
        return problem(406 if isinstance(err, NotAcceptable) else 502, str(err))
    response = Response(body, mimetype=media_type)
    response.vary.add("Accept")
    return response


def _serialise(store: TripleStore, target: ox.NamedNode | ox.DefaultGraph | str, media_type: str) -> bytes:
    """The dataset or one graph in ``media_type``, from the embedded engine or a remote store."""
    if isinstance(store, Store):
        rdf_format = ox.RdfFormat.from_media_type(media_type)
        if isinstance(target, str):  # "dataset"
            return as_bytes(store.oxigraph.dump(format=rdf_format))
        return as_bytes(store.oxigraph.dump(format=rdf_format, from_graph=target))
    if target == "dataset":
        return store.dump(media_type)
    if isinstance(target, ox.DefaultGraph):
        raise StoreError("A remote store's default graph cannot be read through /store; query it at /sparql.")
    body, _ = store.query_raw(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {target} {{ ?s ?p ?o }} }}", media_type)
    return body


def _write(graph: ox.NamedNode | ox.DefaultGraph, replace: bool) -> Response:
    store = current_app.extensions["conflictkg.store"]
    try:
        rdf_format = ox.RdfFormat.from_media_type(request.mimetype) if request.mimetype else None
    except ValueError:
        rdf_format = None
    # JSON-LD can hold several graphs: all its triples go to the target graph.
    if rdf_format is None or (rdf_format.supports_datasets and rdf_format != ox.RdfFormat.JSON_LD):
        return problem(415, f"Send an RDF graph as one of: {', '.join(_GRAPH_TYPES)}.")
    try:
        triples = [q.triple for q in ox.parse(request.get_data(), format=rdf_format, base_iri=request.base_url)]
    except (SyntaxError, ValueError) as err:
        return problem(400, f"The body does not parse as {request.mimetype}: {err}")
    data = as_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)).decode()
    target = "DEFAULT" if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph}"
    inside = data if isinstance(graph, ox.DefaultGraph) else f"{target} {{ {data} }}"
    with write_lock:
        existed = isinstance(graph, ox.NamedNode) and store.has_graph(graph.value)
        drop = f"DROP SILENT {target} ; " if replace else ""
        create = "" if isinstance(graph, ox.DefaultGraph) else f"CREATE SILENT {target} ; "
        update_reconciled(store, f"{drop}{create}INSERT DATA {{ {inside} }}")
    return Response(status=204 if existed or isinstance(graph, ox.DefaultGraph) else 201)


def _delete(graph: ox.NamedNode | ox.DefaultGraph) -> Response:
    store = current_app.extensions["conflictkg.store"]
    with write_lock:
        if isinstance(graph, ox.NamedNode) and not store.has_graph(graph.value):
            return problem(404, f"There is no graph {graph.value}.")
        update_reconciled(store, "DROP DEFAULT" if isinstance(graph, ox.DefaultGraph) else f"DROP GRAPH {graph}")
    return Response(status=204)
