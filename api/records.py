"""Entity records, built once per write and shared by every route that shows one.

``/api/<kind>s/<id>``, ``/id/<kind>/<id>`` (JSON, and the record page for browsers) and the
event and document pages show the same record of an entity. It is kept as its JSON answer in
the response cache until the next write (``api.cache``), so whichever route asks first builds it
and the others answer from it: an actor's record is 7 reads, sent to a read worker as 2 jobs
(``api.limits.prefetch``; 8 in 3 when a place of its newest events is not among its places).
"""

from __future__ import annotations

from flask import current_app, jsonify

from api import entities, params
from api.limits import kept

__all__ = ["record_body", "record_iri", "KINDS"]

_BUILDERS = {"actor": entities.actor_record, "place": entities.place_record,
             "event": entities.event_record, "document": entities.document_record}
KINDS = tuple(_BUILDERS)


def record_body(kind: str, entity_id: str) -> str | None:
    """The JSON answer (as ``jsonify`` writes it) of the record of ``kind`` ``entity_id``, or None if there is none."""
    if not params.is_entity_id(entity_id):
        return None
    return kept(f"record {kind}/{entity_id}", lambda: _built(kind, entity_id), slot=False)


def record_iri(kind: str, entity_id: str) -> str | None:
    """The IRI of the entity ``record_body`` gives the record of, or None if there is none, without building the
    record: its fields' read alone (kept by the read workers until the next write), for routes that need no more."""
    if not params.is_entity_id(entity_id):
        return None
    iri = entities.existing(current_app.extensions["conflictkg.store"], current_app.config["CONFLICTKG"].base_iri,
                            kind, entity_id)
    return None if iri is None else str(iri)


def _built(kind: str, entity_id: str) -> str | None:
    found = _BUILDERS[kind](current_app.extensions["conflictkg.store"], current_app.config["CONFLICTKG"].base_iri,
                            entity_id)
    return None if found is None else jsonify(found).get_data(as_text=True)
