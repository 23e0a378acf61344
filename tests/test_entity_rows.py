"""api.entity_rows: a read's rows kept entity by entity until the next write, only the entities not kept read."""

from __future__ import annotations

import shutil

import pytest

from api import create_app, tables
from api.entity_rows import rows_by_entity, rows_read
from graph import queries as q
from graph.store import Store
from graph.vocab import CURRENT_GRAPH

BASE = "https://conflictkg.org/id/"
SHABAAB, ARMY, HTS = BASE + "actor/al-shabaab", BASE + "actor/syrian-arab-army", BASE + "actor/hayat-tahrir-al-sham"
NOBODY = BASE + "actor/no-such-actor"


@pytest.fixture
def app(hand_built_data_dir, tmp_path):
    shutil.copytree(hand_built_data_dir, tmp_path / "data")
    app = create_app({"data_dir": str(tmp_path / "data")})
    yield app
    app.extensions["conflictkg.reads"].close()
    app.extensions["conflictkg.store"].close()


def _counted(store) -> list[str]:
    """The reads ``store`` is asked from now on."""
    read, asked = store.read, []
    store.read = lambda sparql, bindings=None: asked.append(sparql) or read(sparql, bindings)
    return asked


@pytest.mark.parametrize(("first", "then", "read_then"), [
    ([SHABAAB], [SHABAAB, ARMY], [ARMY]),
    ([SHABAAB, ARMY], [ARMY, None, ""], []),
    ([NOBODY], [NOBODY, SHABAAB], [SHABAAB]),  # an entity the read gives no row is not read again either
    ([], [ARMY, HTS], [ARMY, HTS]),
])
def test_entities_asked_again_are_not_read_again_and_give_the_rows_read_without_the_app(app, hand_built_data_dir,
                                                                                        tmp_path, first, then,
                                                                                        read_then):
    store = app.extensions["conflictkg.store"]
    direct = Store(str(shutil.copytree(hand_built_data_dir, tmp_path / "direct")))  # no app: every entity read
    try:
        expected = tables.list_fields(direct, q.ACTOR_LIST_FIELDS, then)
    finally:
        direct.close()
    with app.test_request_context("/api/actors"):
        tables.list_fields(store, q.ACTOR_LIST_FIELDS, first)
        asked = _counted(store)
        assert rows_read("actor list fields", q.ACTOR_LIST_FIELDS, then) == (
            (q.with_iris(q.ACTOR_LIST_FIELDS, sorted(read_then)), None) if read_then else None)
        assert tables.list_fields(store, q.ACTOR_LIST_FIELDS, then) == expected
    assert asked == ([q.with_iris(q.ACTOR_LIST_FIELDS, sorted(read_then))] if read_then else [])
    assert all(expected.get(iri) for iri in then if iri and iri != NOBODY)


def test_a_write_empties_the_kept_rows_and_another_store_keeps_none(app, hand_built_data_dir, tmp_path):
    store = app.extensions["conflictkg.store"]
    shutil.copytree(hand_built_data_dir, tmp_path / "other")
    other = Store(str(tmp_path / "other"))
    try:
        with app.test_request_context("/api/actors"):
            before = rows_by_entity(store, "labels", q.LABELS, [SHABAAB])[SHABAAB]
            store.insert(f'<{SHABAAB}> <https://schema.org/name> "A Aardvark Front" .\n'.encode(), str(CURRENT_GRAPH))
            asked = _counted(store)
            after = rows_by_entity(store, "labels", q.LABELS, [SHABAAB])[SHABAAB]
            elsewhere = _counted(other)
            rows_by_entity(other, "labels", q.LABELS, [SHABAAB])
            rows_by_entity(other, "labels", q.LABELS, [SHABAAB])
    finally:
        other.close()
    assert len(asked) == 1 and len(after) == len(before) + 1 and len(elsewhere) == 2
