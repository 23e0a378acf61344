"""api.entity_rows: a read's rows kept entity by entity until the next write, only the entities not kept read."""

from __future__ import annotations

import shutil

import pytest

from api import tables
from api.entity_rows import rows_by_entity, rows_read
from graph import queries as q
from graph.store import Store
from graph.vocab import CURRENT_GRAPH
from tests.conftest import counted_reads

BASE = "https://conflictkg.org/id/"
SHABAAB, ARMY, HTS = BASE + "actor/al-shabaab", BASE + "actor/syrian-arab-army", BASE + "actor/hayat-tahrir-al-sham"
NOBODY = BASE + "actor/no-such-actor"


@pytest.mark.parametrize(("first", "then", "read_then"), [
    ([SHABAAB], [SHABAAB, ARMY], [ARMY]),
    ([SHABAAB, ARMY], [ARMY, None, ""], []),
    ([NOBODY], [NOBODY, SHABAAB], [SHABAAB]),  # an entity the read gives no row is not read again either
    ([], [ARMY, HTS], [ARMY, HTS]),
])
def test_entities_asked_again_are_not_read_again_and_give_the_rows_read_without_the_app(
        hand_built_app, hand_built_data_dir, tmp_path, first, then, read_then):
    store = hand_built_app.extensions["conflictkg.store"]
    direct = Store(str(shutil.copytree(hand_built_data_dir, tmp_path / "direct")))  # no app: every entity read
    try:
        expected = tables.list_fields(direct, q.ACTOR_LIST_FIELDS, then)
    finally:
        direct.close()
    with hand_built_app.test_request_context("/api/actors"):
        tables.list_fields(store, q.ACTOR_LIST_FIELDS, first)
        asked = counted_reads(store)
        assert rows_read("actor list fields", q.ACTOR_LIST_FIELDS, then) == (
            (q.with_iris(q.ACTOR_LIST_FIELDS, sorted(read_then)), None) if read_then else None)
        assert tables.list_fields(store, q.ACTOR_LIST_FIELDS, then) == expected
    assert asked == ([q.with_iris(q.ACTOR_LIST_FIELDS, sorted(read_then))] if read_then else [])
    assert all(expected.get(iri) for iri in then if iri and iri != NOBODY)


def test_a_write_empties_the_kept_rows_and_another_store_keeps_none(hand_built_app, hand_built_data_dir, tmp_path):
    store = hand_built_app.extensions["conflictkg.store"]
    shutil.copytree(hand_built_data_dir, tmp_path / "other")
    other = Store(str(tmp_path / "other"))
    try:
        with hand_built_app.test_request_context("/api/actors"):
            before = rows_by_entity(store, "labels", q.LABELS, [SHABAAB])[SHABAAB]
            store.insert(f'<{SHABAAB}> <https://schema.org/name> "A Aardvark Front" .\n'.encode(), str(CURRENT_GRAPH))
            asked = counted_reads(store)
            after = rows_by_entity(store, "labels", q.LABELS, [SHABAAB])[SHABAAB]
            elsewhere = counted_reads(other)
            rows_by_entity(other, "labels", q.LABELS, [SHABAAB])
            rows_by_entity(other, "labels", q.LABELS, [SHABAAB])
    finally:
        other.close()
    assert len(asked) == 1 and len(after) == len(before) + 1 and len(elsewhere) == 2
