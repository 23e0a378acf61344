"""``/network``: the actor network page."""

from __future__ import annotations

from flask import Blueprint, Response, current_app

from viz import render_network

blueprint = Blueprint("network", __name__)


@blueprint.get("/network")
def network() -> Response:
    """The actor network page."""
    return Response(render_network(current_app.extensions["conflictkg.store"]), mimetype="text/html")
