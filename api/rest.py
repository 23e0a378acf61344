"""``/api/...``: JSON lookups by entity, search, and ingest of one article.

Lists answer ``{<kind>: [...], limit, offset, next}`` where ``next`` is the URL of the next
page or null; records come from :mod:`api.entities`; bad input is a 400 problem document.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, send_file, url_for

from api import entities, params, tables
from api.cache import keep_by_url, kept_read
from api.document_index import matching_documents
from api.entity_index import page_by_name
from api.errors import problem
from api.exports import export_to_spool
from api.ingest import ingest_json
from api.labels import labels
from api.limits import client_gone, heavy
from api.records import record_body
from api.search import search_results
from graph import queries as q
from graph.link.summaries import summary_of
from graph.newest import kept_first, newest_first, rows_of
from graph.store import Store

__all__ = ["blueprint"]

blueprint = Blueprint("rest", __name__, url_prefix="/api")
# Not kept by URL: the export is a file; an entity's record is kept once for every route that shows it (api.records)
_NOT_KEPT_BY_URL = frozenset({"rest.export", "rest.actor", "rest.place", "rest.event", "rest.document"})


@blueprint.record_once
def _setup(state) -> None:
    state.app.extensions.setdefault("conflictkg.extract_lock", threading.Lock())


keep_by_url(blueprint, ("application/json",), _NOT_KEPT_BY_URL)


def _store() -> Store:
    return current_app.extensions["conflictkg.store"]


def _base() -> str:
    return current_app.config["CONFLICTKG"].base_iri


def _iri_param(name: str, segment: str) -> Any:
    value = params.entity_id(name)
    if value is None:
        return None
    # an id that cannot form an IRI names no entity: bind one that matches nothing
    return entities.iri_of(_base(), segment, value) or entities.iri_of(_base(), segment, "-")


def _listing(key: str, read_rows: Callable[[int, int], list[dict[str, Any]]], row_key: str,
             convert: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]],
             decorate: Callable[[list[dict[str, Any]]], dict[str, Any]] = lambda rows: {}) -> Response:
    """Answer one page of a list (``read_rows(limit, offset)``: one row or more per item), decorated, with a ``next``
    link. ``decorate`` gets the page's rows and returns what ``convert`` needs besides the row (names, fields), read
    by one query for the whole page.
    """
    limit, offset = params.limit_offset()
    rows = read_rows(limit + 1, offset)
    first: dict[str, dict[str, Any]] = {}
    for row in rows:
        first.setdefault(row[row_key], row)
    page_rows = list(first.values())[:limit]
    extra = decorate(page_rows)
    following = None
    if len(first) > limit:
        args: dict[str, Any] = {**request.args.to_dict(), "offset": offset + limit, "limit": limit}
        following = url_for(str(request.endpoint), **(request.view_args or {}), **args)  # endpoint: set in a view
    return jsonify({key: [convert(r, extra) for r in page_rows], "limit": limit, "offset": offset,
                    "next": following})


def _newest(query: q.NewestFirst, bindings: dict[str, Any]) -> Callable[[int, int], list[dict[str, Any]]]:
    """The reads of a newest-first list's pages. An event list filtered by one actor or place alone is read from
    the first events of the summary its writer keeps when they hold the page (``graph.newest.kept_first``): its
    counts per date and the matches of the page's dates cost a busy actor's list 20-40 ms at 100,000 documents."""
    bound = {k: v for k, v in bindings.items() if v is not None}
    entity = bound.get("actor", bound.get("place")) if len(bound) == 1 else None

    def read_rows(limit: int, offset: int) -> list[dict[str, Any]]:
        first = kept_first(summary_of(_store(), str(entity)), offset + limit) if entity is not None else None
        if first is None:
            return newest_first(_store(), query, bound, limit, offset, counts=kept_read)
        return rows_of(_store(), query, first[offset:])

    return read_rows


def _by_name(kind: str, listed: Callable[[list[str]], str],
             bindings: dict[str, Any]) -> Callable[[int, int], list[dict[str, Any]]]:
    """The reads of an actor or place list's pages by name: cut from the entities kept in name order
    (``api.entity_index``), or read by the engine (``listed(filters)``, one page sorted) when they are too many."""
    bound = {k: v for k, v in bindings.items() if v is not None}

    def read_rows(limit: int, offset: int) -> list[dict[str, Any]]:
        rows = page_by_name(kind, bound, limit, offset)
        return rows if rows is not None else _store().read(q.page(listed(list(bound)), limit, offset), bound)

    return read_rows


def _labels_of(*keys: str) -> Callable[[list[dict[str, Any]]], dict[str, Any]]:
    return lambda rows: labels(_store(), {r.get(k) for r in rows for k in keys})


def _name(names: dict[str, Any], iri: str | None, kind: str) -> dict[str, Any] | None:
    return entities.ref(iri, names.get(iri, {}).get("name") if iri else None, kind)


@blueprint.get("/actors")
def actors() -> Response:
    """List actors by name, filtered by ``q`` (name or alias contains) and ``kind``."""
    bindings = {"q": params.text("q"), "kind": params.text("kind")}

    def convert(r: dict[str, Any], found: dict[str, Any]) -> dict[str, Any]:
        entity = found.get(r["actor"], {})
        aliases = sorted((set(entity.get("name", [])) | set(entity.get("alias", []))) - {r.get("name")})
        return {**entities.ref(r["actor"], r.get("name"), "actors"), "kind": entities.first_value(entity, "kind"),
                "country": entities.first_value(entity, "country"), "aliases": aliases}

    return _listing("actors", _by_name("actor", q.actor_list, bindings), "actor", convert,
                    lambda rows: tables.list_fields(_store(), q.ACTOR_LIST_FIELDS, [r["actor"] for r in rows]))


@blueprint.get("/actors/<actor_id>")
def actor(actor_id: str) -> Response:
    """Everything known about one actor."""
    return _record("actor", actor_id)


@blueprint.get("/places")
def places() -> Response:
    """List places by name, filtered by ``q``, ``kind`` and ``country``."""
    bindings = {"q": params.text("q"), "kind": params.text("kind"), "country": params.text("country")}

    def convert(r: dict[str, Any], found: dict[str, Any]) -> dict[str, Any]:
        place = found.get(r["place"], {})
        lat, lon = entities.parse_point(place.get("wkt"))
        return {**entities.ref(r["place"], r.get("name"), "places"), "kind": place.get("kind"),
                "country": place.get("country"), "admin1": place.get("admin1_name") or place.get("admin1"),
                "lat": lat, "lon": lon}

    def decorate(rows: list[dict[str, Any]]) -> dict[str, Any]:
        return {r["place"]: r for r in _store().read(q.with_iris(q.PLACE_LIST_FIELDS, [r["place"] for r in rows]))}

    return _listing("places", _by_name("place", q.place_list, bindings), "place", convert, decorate)


@blueprint.get("/places/<place_id>")
def place(place_id: str) -> Response:
    """Everything known about one place."""
    return _record("place", place_id)


@blueprint.get("/events")
def events() -> Response:
    """List events, newest first, filtered by actor, place, type, sub_type, document and a date range."""
    start, end = params.iso_date("from"), params.iso_date("to")  # from after to: simply no events
    bindings = {"actor": _iri_param("actor", "actor"), "place": _iri_param("place", "place"),
                "type": params.text("type"), "sub_type": params.text("sub_type"),
                "document": _iri_param("document", "document"), "from": start, "to": end}
    query = q.event_list(name for name, value in bindings.items() if value is not None)
    return _listing("events", _newest(query, bindings), "event", lambda r, names: {
        **entities.ref(r["event"], None, "events"), "date": r.get("date"), "type": r.get("type"),
        "sub_type": r.get("sub_type"), "place": _name(names, r.get("place"), "places"),
        "fatalities": r.get("fatalities"), "actor1": _name(names, r.get("actor1"), "actors"),
        "actor2": _name(names, r.get("actor2"), "actors")}, _labels_of("place", "actor1", "actor2"))


@blueprint.get("/events/<event_id>")
def event(event_id: str) -> Response:
    """One event with its actors by role, place, evidence sentences and sources."""
    return _record("event", event_id)


@blueprint.get("/documents")
def documents() -> Response:
    """List documents, newest first, filtered by ``q`` (title or publisher contains): the matches of the kept
    document index (``api.document_index``) while it is kept."""
    term = params.text("q")
    query = q.document_list(["q"] if term is not None else [])
    matched = matching_documents(term) if term is not None else None
    read_rows = _newest(query, {"q": term}) if matched is None else (
        lambda limit, offset: rows_of(_store(), query, matched[offset:offset + limit]))
    return _listing("documents", read_rows, "document", lambda r, _: {
        **entities.ref(r["document"], r.get("title"), "documents"), "title": r.get("title"),
        "publisher": r.get("publisher"), "published": r.get("published")})


@blueprint.get("/documents/<document_id>")
def document(document_id: str) -> Response:
    """One document with the actors, places and events read from it."""
    return _record("document", document_id)


@blueprint.post("/documents")
def ingest() -> Response:
    """Extract one article (JSON: text, published, title?, source?, id?, url?) into the graph."""
    return ingest_json(current_app, request)


@blueprint.get("/search")
def search() -> Response:
    """One box over actors, places and events: names and aliases containing ``q``, best matches first."""
    term = params.text("q", required=True)
    limit, offset = params.limit_offset(10)
    return jsonify(search_results(term, limit, offset))


_EXTENSIONS = {"turtle": "ttl", "nquads": "nq", "jsonld": "jsonld", "csv": "csv", "graphml": "graphml",
               "gexf": "gexf"}


@blueprint.get("/export")
@heavy
def export() -> Response:
    """The whole graph in one format (``format=turtle|nquads|jsonld|csv|graphml|gexf``), streamed from a file.

    Built in a child process under ``export_timeout_ms`` and stopped if the client leaves (``api.exports``).
    """
    try:
        from graph.export import FORMATS
    except ImportError:
        return problem(404, "Exports are not available in this version.")
    fmt = params.text("format", required=True)
    if fmt not in FORMATS:
        raise params.BadParameter(f"'format' must be one of {', '.join(FORMATS)}, got {fmt!r}.")
    spool = export_to_spool(_store(), fmt, current_app.config["CONFLICTKG"], client_gone)
    return send_file(spool, mimetype=FORMATS[fmt][0], download_name=f"conflictkg.{_EXTENSIONS.get(fmt, fmt)}")


def _record(kind: str, entity_id: str) -> Response:
    body = record_body(kind, entity_id)
    if body is None:
        return problem(404, f"No {kind} with id {entity_id!r}; list them at /api/{kind}s?q=<name>.")
    return Response(body, mimetype="application/json")
