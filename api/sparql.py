"""``/sparql``: the SPARQL 1.1 Protocol endpoint (query, update, service description, editor).

- Query by ``GET ?query=``, ``POST`` form (``query=``) or ``POST`` direct
  (``application/sparql-query``); ``default-graph-uri`` / ``named-graph-uri`` set the dataset.
  Without them (and without ``FROM`` in the query) the default graph is the union of all graphs
  (the store's default graph, holding the ontology and merged facts, and one named graph per
  document), so plain triple patterns see the whole knowledge graph.
- Results by content negotiation (``Accept``, or a ``format=`` short name as SPARQLWrapper
  sends): SELECT/ASK as JSON, XML, CSV, TSV; CONSTRUCT/DESCRIBE as Turtle, N-Triples,
  JSON-LD, RDF/XML. At most ``max_rows`` rows: a longer answer is cut and flagged by the
  ``X-SPARQL-Truncated`` header (and ``"truncated": true`` in JSON).
- Update by ``POST`` form (``update=``) or direct (``application/sparql-update``), with
  ``using-graph-uri`` / ``using-named-graph-uri``; it needs the write token (api/auth.py).
  Updates see the store's real default graph (standard SPARQL Update), not the union.
- ``SERVICE`` and ``LOAD`` are refused (400), and the engine could not fetch anyway: queries
  run in worker processes, updates are vetted in one and applied on a thread, all under a
  seccomp filter that refuses Internet sockets (``api/no_network.py``). Text nested deeper than
  ``MAX_NESTING`` brackets gets a 400 (the engine's parser would overflow its stack); text
  longer than ``max_query_bytes`` a 413; no free worker a 503 with ``Retry-After``.
- A bare ``GET`` answers a service description (RDF), or the YASGUI editor for browsers.
"""

from __future__ import annotations

import functools
import threading
import tomllib
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, g, render_template, request, url_for
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header
from werkzeug.sansio.utils import get_current_url

from api.auth import check_write_token
from api.current import update_reconciled
from api.errors import problem
from api.limits import client_gone
from api.no_network import NetworkGuardUnavailable
from api.sparql_runner import QueryRunner
from api.sparql_text import analyse, refusal
from graph.store import NotAcceptable, Store, StoreError, TripleStore

__all__ = ["blueprint", "examples", "write_lock", "RESULT_TYPES", "GRAPH_TYPES"]

blueprint = Blueprint("sparql", __name__)

# Offered media types (first = default for */*), then aliases clients use for them.
RESULT_TYPES = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
]
GRAPH_TYPES = ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]
_RESULT_ALIASES = {"application/json": RESULT_TYPES[0], "application/xml": RESULT_TYPES[1], "text/xml": RESULT_TYPES[1]}
_GRAPH_ALIASES = {
    "application/x-turtle": "text/turtle",
    "text/plain": "application/n-triples",
    "application/json": "application/ld+json",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
}
# ``format=`` short names (SPARQLWrapper sends one): (results type, graph type).
_FORMAT_NAMES = {
    "json": (RESULT_TYPES[0], "application/ld+json"),
    "xml": (RESULT_TYPES[1], "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"),
    "n3": (None, "text/turtle"),
    "nt": (None, "application/n-triples"),
    "ntriples": (None, "application/n-triples"),
    "json-ld": (None, "application/ld+json"),
    "rdf+xml": (None, "application/rdf+xml"),
}
_UTF8 = ("utf-8", "utf8")
# Answers kept for request headers up to this long (Accept; scheme, Host and path), at most this many of each kind:
# a few hundred KB.
_CACHED_CHARS, _CACHED_ANSWERS = 1024, 256
# One writer at a time among updates and Graph Store writes (a Graph Store write checks whether
# its graph exists, then writes); the store serialises all writers again with its own lock.
write_lock = threading.Lock()


@blueprint.record_once
def _start_runner(state: Any) -> None:
    """Give the app its query runner (worker processes start on the first query)."""
    app = state.app
    settings = app.config["CONFLICTKG"]
    # Running and briefly waiting queries hold at most query_capacity server threads: the rest stay free for
    # /-/health, REST and pages however many runaway queries arrive.
    app.extensions["conflictkg.sparql_runner"] = QueryRunner(
        app.extensions["conflictkg.store"], settings.query_timeout_ms, settings.max_rows, settings.worker_processes,
        memory_mb=settings.worker_memory_mb, capacity=settings.query_capacity,
    )


@blueprint.after_app_request
def _note_writes(response: Response) -> Response:
    """After any successful write request anywhere in the app, later queries read a new snapshot."""
    if request.method in ("POST", "PUT", "DELETE", "PATCH") and response.status_code < 400 and not g.get("read_only"):
        runner = current_app.extensions.get("conflictkg.sparql_runner")
        if runner is not None:
            runner.mark_written()
    return response


@blueprint.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """Answer a SPARQL query or update, a service description, or the query editor."""
    operation = _operation()
    if isinstance(operation, Response):
        return operation
    kind, text = operation
    limit = current_app.config["CONFLICTKG"].max_query_bytes
    if len(text.encode("utf-8", "surrogatepass")) > limit:
        return problem(413, f"The {kind} text is longer than {limit} bytes (setting max_query_bytes).")
    if kind == "update":
        return _update(text)
    g.read_only = True
    if kind == "none":
        return _bare_get()
    return _query(text)


def _operation() -> tuple[str, str] | Response:
    """("query" | "update" | "none", text) from the request, or the 4xx problem to answer."""
    if request.method in ("GET", "HEAD"):  # HEAD answers as GET does, without the body
        if "update" in request.args:
            return problem(400, "Updates must be sent by POST (form field 'update' or application/sparql-update).")
        return _single("query", request.args.getlist("query")) if "query" in request.args else ("none", "")
    charset = request.mimetype_params.get("charset")
    if charset and charset.lower() not in _UTF8:
        return problem(415, f"SPARQL must be sent as UTF-8, not {charset}.")
    mimetype = request.mimetype
    if mimetype == "application/x-www-form-urlencoded":
        queries, updates = request.form.getlist("query"), request.form.getlist("update")
        if queries and updates:
            return problem(400, "Send either a 'query' or an 'update' field, not both.")
        if not queries and not updates:
            return problem(400, "The form needs a 'query' or an 'update' field.")
        return _single("query", queries) if queries else _single("update", updates)
    if mimetype in ("application/sparql-query", "application/sparql-update"):
        try:
            text = request.get_data().decode("utf-8")
        except UnicodeDecodeError:
            return problem(400, "The request body is not valid UTF-8.")
        return ("query" if mimetype.endswith("query") else "update"), text
    if not mimetype:
        return problem(400, "Set Content-Type: application/sparql-query, application/sparql-update or a form.")
    return problem(
        415,
        f"Content-Type {mimetype} is not accepted here: use application/sparql-query, "
        "application/sparql-update or application/x-www-form-urlencoded.",
    )


def _single(kind: str, values: list[str]) -> tuple[str, str] | Response:
    if len(values) != 1:
        return problem(400, f"Send exactly one '{kind}' parameter, not {len(values)}.")
    if not values[0].strip():
        return problem(400, f"The '{kind}' parameter is empty.")
    return kind, values[0]


def _base_iri() -> str:
    """This endpoint's URL, the base of relative IRIs (a fixed one if the Host header makes it invalid)."""
    return _from_cache(_endpoint_iri, request.scheme, request.host, request.root_path, request.path)


@functools.lru_cache(maxsize=_CACHED_ANSWERS)
def _endpoint_iri(scheme: str, host: str, root_path: str, path: str) -> str:
    """The IRI of the URL ``request.base_url`` is made of (cached: a client sends the same Host every time)."""
    try:
        return ox.NamedNode(get_current_url(scheme, host, root_path, path)).value
    except ValueError:
        return "http://localhost/sparql"


def _iris(name: str) -> list[str]:
    """Every value of protocol parameter ``name`` (URL, and form body for form POSTs), validated.

    Raises:
        ValueError: a value is not an absolute IRI.
    """
    values = request.args.getlist(name)
    if request.method == "POST" and request.mimetype == "application/x-www-form-urlencoded":
        values += request.form.getlist(name)
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError:
            raise ValueError(f"{name} must be an absolute IRI, got {value!r}.") from None
    return values


def _query(text: str) -> Response:
    try:
        default, named = _iris("default-graph-uri"), _iris("named-graph-uri")
    except ValueError as err:
        return problem(400, str(err))
    results_type, graph_type = _negotiate()
    given = bool(default or named)
    job = {
        "query": text,
        "base_iri": _base_iri(),
        "default_graph": default if given else None,
        "named_graphs": named if given else None,
        "results_format": results_type,
        "graph_format": graph_type,
    }
    store = current_app.extensions["conflictkg.store"]
    if not hasattr(store, "oxigraph"):  # a remote store answers for itself
        return _remote_query(store, job)
    header, body = current_app.extensions["conflictkg.sparql_runner"].run(job, client_gone)
    if header["status"] != 200:
        return _failure(header)
    response = Response(body, mimetype=header["media_type"])
    response.vary.add("Accept")
    if header["truncated"]:
        response.headers["X-SPARQL-Truncated"] = "true"
        response.headers["X-SPARQL-Max-Rows"] = str(current_app.config["CONFLICTKG"].max_rows)
    return response


def _failure(header: dict[str, Any]) -> Response:
    """The problem answer for a worker's non-success header (with Retry-After when it was busy)."""
    response = problem(header["status"], header["detail"], title="Query timeout" if header.get("timeout") else None)
    if "retry_after" in header:
        response.headers["Retry-After"] = str(header["retry_after"])
    return response


def _remote_query(store: TripleStore, job: dict[str, Any]) -> Response:
    """Forward a query to a remote store (``store = sparql:URL``); it applies its own limits.

    The remote engine does the fetching there, so the text check is the guard: SERVICE, LOAD and
    pathological nesting are refused here first.
    """
    refused = refusal(analyse(job["query"]))
    if refused:
        return problem(400, refused)
    accept = ", ".join(f"{t};q={q}" for t, q in ((job["results_format"], 1), (job["graph_format"], 0.9)) if t)
    try:
        body, media_type = store.query_raw(
            job["query"], accept or "*/*", job["default_graph"] or (), job["named_graphs"] or (),
            timeout_s=current_app.config["CONFLICTKG"].query_timeout_ms / 1000,
        )
    except SyntaxError as err:
        return problem(400, f"The query was refused: {err}")
    except StoreError as err:
        return problem(406 if isinstance(err, NotAcceptable) else 502, str(err))
    response = Response(body, mimetype=media_type)
    response.vary.add("Accept")
    return response


def _from_cache(cached: Any, *parts: str) -> Any:
    """``cached(*parts)`` (a ``functools.lru_cache`` function of request headers), from its cache when the parts are
    short: a client sends the same headers every time, and one sending long ones never fills the cache."""
    return cached(*parts) if sum(map(len, parts)) <= _CACHED_CHARS else cached.__wrapped__(*parts)


def _negotiate() -> tuple[str | None, str | None]:
    """(results media type, graph media type) the client accepts; ``None`` where it accepts none."""
    named = _FORMAT_NAMES.get(request.values.get("format", "").strip().lower())
    if named is not None:
        return named
    return _from_cache(_accepted, request.headers.get("Accept", ""))


@functools.lru_cache(maxsize=_CACHED_ANSWERS)
def _accepted(accept: str) -> tuple[str | None, str | None]:
    """(results media type, graph media type) for an ``Accept`` header; cached, as a client sends the same one
    every time and matching it against the offers cost more than the rest of a point lookup's handling here."""
    if not accept.strip():
        return RESULT_TYPES[0], GRAPH_TYPES[0]
    mimetypes = parse_accept_header(accept, MIMEAccept)
    return _best(mimetypes, RESULT_TYPES, _RESULT_ALIASES), _best(mimetypes, GRAPH_TYPES, _GRAPH_ALIASES)


def _best(accept: MIMEAccept, offers: list[str], aliases: dict[str, str]) -> str | None:
    choice = accept.best_match(offers + list(aliases))
    return aliases.get(choice, choice) if choice else None


def _update(text: str) -> Response:
    refused = check_write_token()
    if refused is not None:
        return refused
    try:
        using, using_named = _iris("using-graph-uri"), _iris("using-named-graph-uri")
    except ValueError as err:
        return problem(400, str(err))
    runner: QueryRunner = current_app.extensions["conflictkg.sparql_runner"]
    header, _ = runner.vet(text, _base_iri(), using, using_named)
    if header["status"] != 200:
        return _failure(header)
    store = current_app.extensions["conflictkg.store"]
    try:
        with write_lock:
            if isinstance(store, Store):
                runner.apply_update(functools.partial(update_reconciled, store), header["update"])
            else:  # a remote store runs it there
                update_reconciled(store, header["update"])
    except SyntaxError as err:
        return problem(400, f"The update does not parse: {err}")
    except NetworkGuardUnavailable as err:
        return problem(503, f"Updates are disabled on this system: {err}")
    except StoreError as err:
        return problem(502, str(err))
    except (ValueError, OSError) as err:
        return problem(400, f"The update failed: {err}")
    finally:
        runner.mark_written()
    return Response(status=204)


def _bare_get() -> Response:
    """Service description (RDF) or, for browsers, the query editor."""
    choice = request.accept_mimetypes.best_match([*GRAPH_TYPES, "text/html"]) if request.accept_mimetypes else None
    if choice == "text/html":
        return Response(render_template("sparql.html", endpoint=url_for("sparql.sparql"), examples=examples()))
    graph_type = _best(request.accept_mimetypes, GRAPH_TYPES, _GRAPH_ALIASES) if request.accept_mimetypes else None
    graph_type = graph_type or GRAPH_TYPES[0]
    body = ox.serialize(
        _service_description(_base_iri()), format=ox.RdfFormat.from_media_type(graph_type), prefixes=_SD_PREFIXES
    )
    response = Response(body, mimetype=graph_type)
    response.vary.add("Accept")
    return response


@functools.cache
def examples() -> list[dict[str, str]]:
    """The editor's example queries (``api/sparql_examples.toml``): name and query text."""
    with open(Path(__file__).with_name("sparql_examples.toml"), "rb") as handle:
        return tomllib.load(handle)["example"]


_SD = "http://www.w3.org/ns/sparql-service-description#"
_SD_PREFIXES = {"sd": _SD, "formats": "http://www.w3.org/ns/formats/"}
_FORMAT_IRIS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "JSON-LD", "RDF_XML"]  # fmt: skip


def _service_description(endpoint: str) -> list[ox.Triple]:
    """The SPARQL 1.1 Service Description of this endpoint."""
    service, default_dataset, default_graph = ox.BlankNode(), ox.BlankNode(), ox.BlankNode()
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

    def sd(term: str) -> ox.NamedNode:
        return ox.NamedNode(_SD + term)

    triples = [
        ox.Triple(service, rdf_type, sd("Service")),
        ox.Triple(service, sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Update")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultDataset"), default_dataset),
        ox.Triple(default_dataset, rdf_type, sd("Dataset")),
        ox.Triple(default_dataset, sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, rdf_type, sd("Graph")),
    ]
    triples += [
        ox.Triple(service, sd("resultFormat"), ox.NamedNode("http://www.w3.org/ns/formats/" + name))
        for name in _FORMAT_IRIS
    ]
    return triples
