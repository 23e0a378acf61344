"""Pages drawn by ``viz``: ``/network`` (and its ``.json`` twin) and the entity timelines.

``/actors/<id>`` and ``/places/<id>`` show an entity's events in date order. Every page here is
kept until the next write (``api.limits.kept``); only the network's are built in a heavy slot.

Every asset is served from ``viz/static`` under ``/viz/static/``; a Content-Security-Policy
keeps the pages from loading or sending anything outside this server, and from running any
script that is not one of those files (a second wall behind the escaping of untrusted text).
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, request

from api import params
from api.entity_rows import rows_by_entity, rows_read
from api.errors import problem
from api.limits import kept, prefetch
from graph.network import NetworkView
from graph.queries import TIMELINE_LIMIT
from viz import network_json, render_network
from viz.pages import PageReads, entity_page
from viz.render import STATIC, TEMPLATES

blueprint = Blueprint("network", __name__, static_folder=str(STATIC), static_url_path="/viz/static",
                      template_folder=str(TEMPLATES))  # viz/: the site navigation (nav.html) of every page

MAX_PAGE = params.MAX_OFFSET // TIMELINE_LIMIT  # an entity page's pages of events reach as far as a list's offset
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _html(body: str, status: int = 200) -> Response:
    response = Response(body, status=status, mimetype="text/html")
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@blueprint.get("/network")
def network() -> Response:
    """The actor network page: the most active actors in the window (``from``, ``to``, ``type``), ``focus`` in."""
    return _html(_cached(lambda store, view: render_network(store, view=view)))


@blueprint.get("/network/data.json")
def network_data() -> Response:
    """The network page's data: nodes with positions, edges with their events, legend, events."""
    body = _cached(lambda store, view: json.dumps(network_json(store, view=view), separators=(",", ":")))
    return Response(body, mimetype="application/json")


def _cached(build) -> str:
    """The answer for this URL since the last write (``api.limits.kept``), else built in a heavy slot and kept; a
    request for a URL being built (the default view, built ahead by ``api.ahead``) waits for that build."""
    return kept(f"network {request.full_path}", lambda: build(current_app.extensions["conflictkg.store"], _view()),
                wait=True)


def _view() -> NetworkView:
    """The view the request asks for: ``actors`` (1..500, default 150), ``from``, ``to``, ``type``, ``focus``."""
    focus = params.text("focus")
    focus_iri = None
    if focus:
        segment, _, entity_id = focus.partition("/")
        if segment == "actors" and params.is_entity_id(entity_id):
            focus_iri = f"{current_app.config['CONFLICTKG'].base_iri}actor/{entity_id}"
    actors = params.integer("actors", NetworkView.actors, 1, params.MAX_LIMIT)
    return NetworkView(actors=actors, start=params.iso_date("from"), end=params.iso_date("to"),
                       event_type=params.text("type"), focus=focus_iri)


@blueprint.get("/actors/<entity_id>")
def actor_page(entity_id: str) -> Response:
    """An actor's page: details and a timeline of its events."""
    return _entity("actors", entity_id)


@blueprint.get("/places/<entity_id>")
def place_page(entity_id: str) -> Response:
    """A place's page: details and a timeline of the events there."""
    return _entity("places", entity_id)


def _entity(segment: str, entity_id: str) -> Response:
    """The page of the actor or place (``page``: which of its pages of events, newest first; 1, the latest, by
    default), kept until the next write."""
    settings = current_app.config["CONFLICTKG"]
    page = params.integer("page", 1, 1, MAX_PAGE)
    body = kept(f"page {segment}/{entity_id}" + (f" {page}" if page > 1 else ""), lambda: entity_page(
        current_app.extensions["conflictkg.store"], settings.base_iri, segment, entity_id,
        reads=PageReads(prefetch, rows_by_entity, rows_read), page=page),
        slot=False)
    if body is not None:
        return _html(body)
    noun = "actor" if segment == "actors" else "place"
    if request.accept_mimetypes.accept_html and not request.accept_mimetypes.accept_json:
        return _html(f"<!doctype html><title>Not found</title><h1>No {noun} with this id</h1>"
                     f'<p><a href="/network">Back to the network</a></p>', status=404)
    return problem(404, f"No {noun} with id {entity_id!r}; ids are listed by /api/{segment}.")
