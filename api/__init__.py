"""ConflictKG's HTTP service: SPARQL, REST lookups and pages over the graph store."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.json.provider import DefaultJSONProvider

from api.cache import MAX_BYTES, ResponseCache
from api.entity_rows import KEPT_ENTITIES
from graph.config import Settings, load_settings
from graph.link import recover
from graph.store import open_store

__all__ = ["create_app", "close_app"]


class _OrderedJSON(DefaultJSONProvider):
    sort_keys = False  # records keep their documented field order


def create_app(config: dict[str, Any] | Settings | None = None) -> Flask:
    """Build the Flask app: settings from defaults, ``CONFLICTKG_*`` variables, then ``config``."""
    settings = config if isinstance(config, Settings) else load_settings(config)
    app = Flask(__name__)
    app.config["CONFLICTKG"] = settings
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.json = _OrderedJSON(app)
    app.extensions["conflictkg.store"] = store = open_store(settings)
    recover(store)  # an ingest killed before it settled was undone at open: rebuild its derived facts
    # one cache of answers for every blueprint (REST lists, browse pages, records, counts), emptied by each write
    app.extensions["conflictkg.cache"] = cache = ResponseCache(max_bytes=MAX_BYTES)
    store.on_write.add(cache.invalidate)
    # what pages, lists and records show of the entities they link to, kept per entity (api.entity_rows)
    app.extensions["conflictkg.entity_rows"] = entity_rows = ResponseCache(KEPT_ENTITIES)
    store.on_write.add(entity_rows.invalidate)

    from api import (
        browse,
        charts,
        cors,
        dereference,
        errors,
        graph_store,
        limits,
        maps,
        network,
        openapi,
        pages,
        rest,
        security,
        sparql,
    )

    errors.register(app)
    security.register(app)
    limits.install(app)
    cors.register(app, settings.cors_origins)
    app.register_blueprint(sparql.blueprint)
    app.register_blueprint(graph_store.blueprint)
    app.register_blueprint(rest.blueprint)
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(dereference.blueprint)
    app.register_blueprint(openapi.blueprint)
    app.register_blueprint(network.blueprint)
    app.register_blueprint(browse.blueprint)
    app.register_blueprint(charts.blueprint)
    app.register_blueprint(maps.blueprint)
    return app


def close_app(app: Flask) -> None:
    """Release what ``app`` holds, users first: the view built ahead (``api.ahead``, if started), the worker processes
    of its reads and of ``/sparql`` (their pipes and snapshots), then its store (its files and directory lock)."""
    ahead = app.extensions.pop("conflictkg.ahead", None)
    if ahead is not None:
        ahead.stop()
    for name in ("conflictkg.reads", "conflictkg.sparql_runner"):
        runner = app.extensions.pop(name, None)
        if runner is not None:
            runner.close()
    app.extensions["conflictkg.store"].close()
