"""Entity IRIs dereference: ``/id/<kind>/<id>`` answers JSON, RDF or HTML by ``Accept``.

IRIs are ``{base_iri}<kind>/<id>``; when the base points at this service, ``/id/...`` is
where they land. Browsers get the entity's page (the viz pages ``/actors/<id>`` and
``/places/<id>`` when they exist, else the record page here), RDF clients get the entity's
own triples (CONSTRUCT), everyone else the REST record.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as WerkzeugResponse

from api import article, entities, tables
from api.errors import problem
from api.limits import read_graph
from api.records import KINDS, record_body, record_iri
from graph import queries as q
from viz import legend

__all__ = ["blueprint", "RDF_FORMATS"]

blueprint = Blueprint("dereference", __name__)

RDF_FORMATS = ("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")
# ?format= names, for links and clients that cannot set Accept.
_FORMAT_NAMES = {"json": "application/json", "html": "text/html", "turtle": "text/turtle", "ttl": "text/turtle",
                 "ntriples": "application/n-triples", "nt": "application/n-triples",
                 "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml"}
_OFFERED = ["application/json", "text/html", *RDF_FORMATS]
_NOT_FOUND = "No {kind} with id {entity_id!r}; list them at /api/{kind}s."


@blueprint.app_template_filter("page_link")
def page_link(href: str) -> str:
    """Turn a REST href (``/api/actors/x``) into the entity's dereferenceable page (``/id/actor/x``)."""
    parts = href.strip("/").split("/")
    if len(parts) == 3 and parts[0] == "api" and parts[1] in entities.KINDS:
        return f"/id/{entities.KINDS[parts[1]]}/{parts[2]}"
    return href


@blueprint.app_template_filter("api_link")
def api_link(iri: str) -> str:
    """Turn an entity IRI into its REST URL."""
    kind, entity_id = iri.rstrip("/").rsplit("/", 2)[-2:]
    return f"/api/{kind}s/{entity_id}"


def _media_type() -> str | None:
    name = request.args.get("format")
    if name is not None:
        return _FORMAT_NAMES.get(name.lower())
    return request.accept_mimetypes.best_match(_OFFERED, default="application/json")


@blueprint.get("/id/<kind>/<entity_id>")
def dereference(kind: str, entity_id: str) -> Any:
    """Answer an entity IRI with JSON, RDF or (for browsers) its page, by ``Accept`` or ``?format=``."""
    if kind not in KINDS:
        return problem(404, f"Entity IRIs are /id/<kind>/<id> with kind one of {', '.join(KINDS)}.")
    media_type = _media_type()
    if media_type is None:
        return problem(400, f"'format' must be one of {', '.join(_FORMAT_NAMES)}.")
    response: WerkzeugResponse
    if media_type == "application/json":  # the kept answer as it is (reading, writing it again: 0.75 ms a busy actor)
        response = Response(_record_body(kind, entity_id), mimetype="application/json")
    elif media_type == "text/html":
        body = _record_body(kind, entity_id)
        target = _html_page(kind, entity_id)
        response = redirect(target, code=303) if target else Response(_page(kind, json.loads(body)),
                                                                       mimetype="text/html")
    else:  # the entity's own triples: its record is not needed, only that it exists
        iri = record_iri(kind, entity_id)
        if iri is None:
            abort(404, _NOT_FOUND.format(kind=kind, entity_id=entity_id))
        response = _rdf(iri, media_type)
    response.headers["Vary"] = "Accept"
    return response


def _record_body(kind: str, entity_id: str) -> str:
    """The entity's record as JSON (api.records: JSON and pages share it with /api/<kind>s/<id>), else a 404."""
    body = record_body(kind, entity_id)
    if body is None:
        abort(404, _NOT_FOUND.format(kind=kind, entity_id=entity_id))
    return body


def _record(kind: str, entity_id: str) -> dict[str, Any]:
    """The entity's record (``_record_body``), else a 404."""
    found: dict[str, Any] = json.loads(_record_body(kind, entity_id))
    return found


def _html_page(kind: str, entity_id: str) -> str | None:
    """The entity's HTML page: /actors/<id>, /places/<id> (viz pages, when that route exists), /events/<id>..."""
    path = f"/{kind}s/{entity_id}"
    try:
        current_app.url_map.bind("").match(path, method="GET")
    except HTTPException:  # no such route (or a redirect): render the record page here instead
        return None
    return path


def _rdf(iri: str, media_type: str) -> Response:
    body, content_type = read_graph(q.with_iris(q.DESCRIBE, [iri]), media_type)
    return Response(body, content_type=f"{content_type}; charset=utf-8")


def _page(kind: str, record: dict[str, Any]) -> str:
    heading = record.get("name") or record.get("title") or f"{record.get('sub_type') or kind} {record['id']}"
    turtle = f"/id/{kind}/{record['id']}?format=turtle"
    return render_template("pages/record.html", record=record, kind=kind, heading=heading, turtle=turtle)


_ROLES = (("actor1", "Actor 1"), ("actor2", "Actor 2"), ("assoc_actor_1", "With actor 1"),
          ("assoc_actor_2", "With actor 2"))


@blueprint.get("/events/<entity_id>", endpoint="event_page")
def event_page(entity_id: str) -> str:
    """The HTML page of one event: type, date, place, actors by role, every source sentence and its figures."""
    record = _record("event", entity_id)
    place: dict[str, Any] = {}
    if record["place"]:
        settings = current_app.config["CONFLICTKG"]
        iri = f"{settings.base_iri}place/{record['place']['id']}"
        found = entities.fields(current_app.extensions["conflictkg.store"], [iri]).get(iri, {})
        lat, lon = entities.parse_point((found.get("wkt") or [None])[0])
        place = {"admin1": (found.get("admin1") or [None])[0], "lat": lat, "lon": lon,
                 "country": tables.country_name((found.get("country") or [None])[0])}
    return render_template("pages/event.html", record=record, place=place, roles=_ROLES, kinds=legend.kinds(),
                           heading=record.get("sub_type") or "Event", turtle=f"/id/event/{entity_id}?format=turtle")


@blueprint.get("/documents/<entity_id>", endpoint="document_page")
def document_page(entity_id: str) -> str:
    """The HTML page of one document: the article with each evidence sentence marked and linked, what was read."""
    record = _record("document", entity_id)
    found, unplaced = article.segments(record["text"] or "", record["evidence"])
    seen: set[str] = set()
    for item in [i for segment in found for i in segment.evidence] + unplaced:
        item["anchor"] = item["event"]["id"] not in seen  # the first mark of an event is where its links land
        seen.add(item["event"]["id"])
    return render_template("pages/document.html", record=record, segments=found, unplaced=unplaced,
                           heading=record.get("title") or f"Document {entity_id}",
                           turtle=f"/id/document/{entity_id}?format=turtle")
