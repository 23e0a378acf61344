"""The OpenAPI 3 document of the REST API (``/openapi.json``) and its docs page (``/docs``).

Written once, here, next to nothing else: every ``/api`` route, its parameters, and the
schema of every answer. ``tests/test_openapi.py`` checks that each route of the app is
described and that live answers match their schemas. The docs page is Swagger UI, vendored
from the ``swagger-ui-dist`` npm package into ``api/static/swagger-ui`` (no CDN).
"""

from __future__ import annotations

import os
from typing import Any

from flask import Blueprint, Response, jsonify, render_template

from api.params import DATE_PATTERN, ID_PATTERN, MAX_LIMIT, MAX_OFFSET, MAX_TEXT, SPACE, TEXT_PATTERN
from graph import __version__

__all__ = ["blueprint", "document"]

blueprint = Blueprint("openapi", __name__, static_folder=os.path.join("static", "swagger-ui"),
                      static_url_path="/-/static/swagger-ui")

_S = {"type": "string"}
_NS = {"type": "string", "nullable": True}
_NI = {"type": "integer", "nullable": True}
_NN = {"type": "number", "nullable": True}
_I = {"type": "integer"}
_NREF = {"allOf": [{"$ref": "#/components/schemas/EntityRef"}], "nullable": True}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(required: list[str] | None = None, /, **properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": required if required is not None else list(properties),
            "properties": properties}


def _array(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


def _with_ref(**extra: Any) -> dict[str, Any]:
    return {"allOf": [_ref("EntityRef"), _obj(**extra)]}


def _list_of(key: str, item: str) -> dict[str, Any]:
    return _obj(**{key: _array(_ref(item))}, limit=_I, offset=_I,
                next={**_NS, "description": "URL of the next page, or null on the last page."})


_DOCUMENT_REF = _with_ref(title=_NS, published=_NS)
# an actor's or place's record lists its newest events and documents (api.entities.RECORD_NEWEST)
_EVENTS_HREF = {"type": "string", "description": "Every event of the entity, newest first, paged (/api/events?actor="
                "<id> or ?place=<id>); `events` holds the newest of them, `documents` the newest documents."}
_ROLES = {"actor1": _I, "actor2": _I, "assoc_actor_1": _I, "assoc_actor_2": _I}
_ROLE_REFS = {role: _array({"allOf": [_ref("EntityRef"), _obj(kind=_NS)]}) for role in _ROLES}

SCHEMAS: dict[str, Any] = {
    "Problem": {**_obj(["type", "title", "status", "detail"], type=_S, title=_S, status=_I, detail=_S, instance=_S),
                "description": "RFC 9457 problem document; detail says what to fix."},
    "EntityRef": _obj(["id", "name", "href"], id=_S, name=_NS, href=_S),
    "CountedRef": _with_ref(events={**_I, "description": "Events shared with the entity described."}),
    "ActorSummary": {"allOf": [_ref("EntityRef"), _obj(kind=_NS, country=_NS, aliases=_array(_S))]},
    "ActorList": _list_of("actors", "ActorSummary"),
    "Actor": _obj(
        id=_S, iri=_S, name=_NS, kind=_NS, country=_NS, aliases=_array(_S),
        affiliations=_array(_obj(
            relation={"type": "string", "enum": ["member_of", "part_of", "affiliated_with", "supports", "leads"]},
            direction={"type": "string", "enum": ["out", "in"]}, actor=_ref("EntityRef"))),
        event_count=_I, events_href=_EVENTS_HREF, roles=_obj(**_ROLES), first_seen=_NS, last_seen=_NS,
        events=_array(_with_ref(date=_NS, type=_NS, sub_type=_NS, place=_NREF,
                                roles=_array({"type": "string", "enum": list(_ROLES)}))),
        co_actors=_array(_ref("CountedRef")), places=_array(_ref("CountedRef")), documents=_array(_DOCUMENT_REF)),
    "PlaceSummary": {"allOf": [_ref("EntityRef"), _obj(kind=_NS, country=_NS, admin1=_NS, lat=_NN, lon=_NN)]},
    "PlaceList": _list_of("places", "PlaceSummary"),
    "Place": _obj(
        id=_S, iri=_S, name=_NS, kind=_NS, country=_NS, admin1=_NS, geonames_id=_NI, precision=_NI, lat=_NN,
        lon=_NN, aliases=_array(_S), event_count=_I, events_href=_EVENTS_HREF, first_seen=_NS, last_seen=_NS,
        events=_array(_with_ref(date=_NS, type=_NS, sub_type=_NS, fatalities=_NI)),
        actors=_array(_ref("CountedRef")), documents=_array(_DOCUMENT_REF)),
    "EventSummary": {"allOf": [_ref("EntityRef"), _obj(
        date=_NS, type=_NS, sub_type=_NS, place=_NREF, fatalities=_NI,
        actor1=_NREF, actor2=_NREF)]},
    "EventList": _list_of("events", "EventSummary"),
    "Event": _obj(
        id=_S, iri=_S, type=_NS, sub_type=_NS, date=_NS, date_precision=_NS, source_count=_I, fatalities=_NI,
        fatalities_max=_NI, quantity=_NI, confidence=_NN, cameo=_NS, plover=_NS,
        place=_NREF, actors=_obj(**_ROLE_REFS),
        evidence=_array(_obj(
            text=_NS, start=_NI, end=_NI, date=_NS, date_precision=_NS, fatalities=_NI, confidence=_NN,
            document={"allOf": [_DOCUMENT_REF, _obj(publisher=_NS)], "nullable": True},
            reported_by=_array(_obj(id=_NS, name=_NS, href=_NS)))),
        sources=_array({"allOf": [_DOCUMENT_REF, _obj(publisher=_NS)]})),
    "DocumentSummary": {"allOf": [_ref("EntityRef"), _obj(title=_NS, publisher=_NS, published=_NS)]},
    "DocumentList": _list_of("documents", "DocumentSummary"),
    "Document": _obj(
        id=_S, iri=_S, title=_NS, publisher=_NS, published=_NS, author=_NS, url=_NS, path=_NS, extractor_version=_NS,
        actors=_array(_ref("EntityRef")), places=_array(_ref("EntityRef")),
        events=_array(_with_ref(sub_type=_NS, date=_NS))),
    "IngestRequest": {
        "type": "object", "additionalProperties": False,
        "description": "One of 'text', 'html' or 'url' (fetched by the server only when fetch_urls is on).",
        "anyOf": [{"required": ["text"]}, {"required": ["html"]}, {"required": ["url"]}],
        "properties": {
            "text": {"type": "string", "minLength": 1, "pattern": r"\S", "description": "The article's full text."},
            "html": {"type": "string", "minLength": 1, "pattern": r"\S",
                     "description": "A saved page; its main text, title, date, author and site are read from it."},
            "url": {"type": "string", "minLength": 1, "maxLength": 2000, "pattern": r"\S",
                    "description": "The article's link: metadata with text or html, else fetched (fetch_urls)."},
            "published": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                          "description": "YYYY-MM-DD; wins over the page's date and the text's dateline."},
            "title": {"type": "string", "minLength": 1, "maxLength": 1000, "pattern": r"\S"},
            "source": {"type": "string", "minLength": 1, "maxLength": 300, "pattern": r"\S",
                       "description": "Publisher."},
            "author": {"type": "string", "minLength": 1, "maxLength": 300, "pattern": r"\S"},
            "id": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "[A-Za-z0-9]",
                   "description": "Document id; default: a hash of the text or html (re-sending replaces), "
                                  "or one made from the url."},
        },
    },
    "IngestResult": _obj(
        id=_S, href=_S, graph=_S, counts=_obj(actors=_I, places=_I, events=_I, relations=_I),
        extraction={"type": "object", "description": "The extraction (docs/extraction_schema.md), text left out."}),
    "SearchResult": _obj(
        q=_S, limit=_I, offset=_I, actors=_array({"allOf": [_ref("EntityRef"), _obj(kind=_NS)]}),
        places=_array({"allOf": [_ref("EntityRef"), _obj(kind=_NS)]}),
        events=_array(_with_ref(type=_NS, sub_type=_NS, date=_NS))),
    "Stats": _obj(documents=_I, events=_I, actors=_I, places=_I, graphs=_I, store=_S, base_iri=_S, version=_S),
    "Health": _obj(status={"type": "string", "enum": ["ok"]}, version=_S),
}


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/problem+json": {"schema": _ref("Problem")}}}


def _ok(schema: str, description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema)}}}


def _query(name: str, description: str, schema: dict[str, Any] | None = None, required: bool = False):
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": schema or {"type": "string", "maxLength": MAX_TEXT, "pattern": f"^{TEXT_PATTERN}$"}}


_LIMIT = _query("limit", f"Items per page, 1 to {MAX_LIMIT}.", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT})
_OFFSET = _query("offset", "Items to skip.", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET})
_DATE = {"type": "string", "pattern": f"^{DATE_PATTERN}$"}
_ENTITY = {"type": "string", "pattern": f"^{ID_PATTERN}$"}
_SEARCH_TEXT = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT,
                "pattern": f"^{TEXT_PATTERN}[^{SPACE}\\x00-\\x1f]{TEXT_PATTERN}$"}  # something besides spaces
_BAD = _problem("A parameter cannot be used; detail says what to send.")


def _path_id(name: str, example: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": _ENTITY,
            "description": f"The entity id: the last segment of its IRI, e.g. {example!r}."}


def _lookup(tag: str, schema: str, name: str, example: str, summary: str) -> dict[str, Any]:
    return {"get": {"tags": [tag], "summary": summary, "parameters": [_path_id(name, example)],
                    "responses": {"200": _ok(schema), "404": _problem("No such entity.")}}}


def _listing(tag: str, schema: str, summary: str, parameters: list[dict[str, Any]]) -> dict[str, Any]:
    return {"get": {"tags": [tag], "summary": summary, "parameters": [*parameters, _LIMIT, _OFFSET],
                    "responses": {"200": _ok(schema), "400": _BAD}}}


def _paths() -> dict[str, Any]:
    q = _query("q", "Text the name or an alias contains (case-insensitive).")
    kind = _query("kind", "Kind, e.g. armed_group, state_forces, city, governorate.")
    documents = _listing("documents", "DocumentList", "Documents, newest first.",
                         [_query("q", "Text the title or publisher contains.")])
    documents["post"] = {
        "tags": ["documents"], "summary": "Ingest one article; answers what was extracted.",
        "security": [{"bearer": []}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("IngestRequest")}}},
        "responses": {"201": _ok("IngestResult", "Extracted and written to the graph."), "400": _BAD,
                      "401": _problem("Missing or wrong bearer token."),
                      "403": _problem("Writes are switched off (no write token configured)."),
                      "413": _problem("Body larger than max_request_bytes.")},
    }
    paths: dict[str, Any] = {
        "/api/actors": _listing("actors", "ActorList", "Actors by name.", [q, kind]),
        "/api/actors/{actor_id}": _lookup("actors", "Actor", "actor_id", "syrian-arab-army",
                                          "One actor: aliases, affiliations, events by role, co-actors, places."),
        "/api/places": _listing("places", "PlaceList", "Places by name.", [
            q, kind, _query("country", "ISO 3166-1 alpha-2 country code.")]),
        "/api/places/{place_id}": _lookup("places", "Place", "place_id", "idlib",
                                          "One place: coordinates, admin1, country, events and actors there."),
        "/api/events": _listing("events", "EventList", "Events, newest first.", [
            _query("actor", "Actor id taking part in any role.", _ENTITY),
            _query("place", "Place id.", _ENTITY),
            _query("type", "ACLED event type, exactly, e.g. Battles."),
            _query("sub_type", "ACLED sub-event type, exactly, e.g. Armed clash."),
            _query("document", "Id of a document reporting the event.", _ENTITY),
            _query("from", "Earliest date (YYYY, YYYY-MM or YYYY-MM-DD); overlapping dates count.", _DATE),
            _query("to", "Latest date (YYYY, YYYY-MM or YYYY-MM-DD).", _DATE)]),
        "/api/events/{event_id}": _lookup("events", "Event", "event_id", "battles-idlib-2020-03-01-1a2b3c",
                                          "One event: actors by role, place, evidence sentences, sources."),
        "/api/documents": documents,
        "/api/documents/{document_id}": _lookup("documents", "Document", "document_id", "000-14ac35c731f5b702",
                                                "One document and what was read from it."),
        "/api/search": {"get": {
            "tags": ["search"], "summary": "Actors, places and events whose names or aliases contain q.",
            "parameters": [_query("q", "Search text.", _SEARCH_TEXT, required=True), _LIMIT, _OFFSET],
            "responses": {"200": _ok("SearchResult"), "400": _BAD}}},
        "/id/{kind}/{entity_id}": {"get": {
            "tags": ["linked data"], "summary": "Dereference an entity IRI: JSON, RDF or HTML by Accept.",
            "parameters": [
                {"name": "kind", "in": "path", "required": True,
                 "schema": {"type": "string", "enum": ["actor", "place", "event", "document"]}},
                _path_id("entity_id", "syrian-arab-army"),
                _query("format", "Overrides Accept.", {"type": "string", "enum": [
                    "json", "html", "turtle", "ttl", "ntriples", "nt", "jsonld", "rdfxml"]})],
            "responses": {
                "200": {"description": "The entity", "content": {
                    "application/json": {"schema": {"type": "object"}}, "text/html": {"schema": _S},
                    "text/turtle": {"schema": _S}, "application/n-triples": {"schema": _S},
                    "application/ld+json": {"schema": {}}, "application/rdf+xml": {"schema": _S}}},
                "303": {"description": "Browsers: see the entity's page."}, "400": _BAD,
                "404": _problem("No such entity.")}}},
        "/-/health": {"get": {"tags": ["service"], "summary": "Liveness.", "responses": {"200": _ok("Health")}}},
        "/-/stats": {"get": {"tags": ["service"], "summary": "Counts, store and version.",
                             "responses": {"200": _ok("Stats")}}},
    }
    export = _export_path()
    if export:
        paths["/api/export"] = export
    return paths


def _export_path() -> dict[str, Any] | None:
    try:
        from graph.export import FORMATS
    except ImportError:
        return None
    return {"get": {
        "tags": ["export"], "summary": "The whole graph in one format.",
        "parameters": [_query("format", "Export format.", {"type": "string", "enum": list(FORMATS)}, required=True)],
        "responses": {"200": {"description": "The export", "content": {
            media: {"schema": {} if "json" in media else {"type": "string", "format": "binary"}}
            for media in sorted({media for media, _write in FORMATS.values()})}},
            "400": _BAD}}}


def document() -> dict[str, Any]:
    """Return the OpenAPI 3.0 document of the service."""
    return {
        "openapi": "3.0.3",
        "info": {"title": "ConflictKG REST API", "version": __version__,
                 "description": "JSON lookups of actors, places, events and documents in the conflict-event "
                 "graph. Errors are RFC 9457 problem documents. SPARQL is served at /sparql."},
        "paths": _paths(),
        "components": {"schemas": SCHEMAS,
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                                      "description": "CONFLICTKG_WRITE_TOKEN of the server."}}},
    }


@blueprint.get("/openapi.json")
def openapi_json() -> Response:
    """The OpenAPI document."""
    return jsonify(document())


@blueprint.get("/docs")
def docs() -> str:
    """Swagger UI over /openapi.json, every asset served from this service."""
    return render_template("pages/docs.html")
