"""api.labels: the names and kinds of linked entities, read once per entity until the next write."""

from __future__ import annotations

import shutil

import pytest

from api.labels import labels, labels_read
from graph.store import Store
from graph.vocab import CURRENT_GRAPH
from tests.conftest import counted_reads

BASE = "https://conflictkg.org/id/"
SHABAAB, ARMY, MOGADISHU = BASE + "actor/al-shabaab", BASE + "actor/somali-national-army", BASE + "place/mogadishu"
NOBODY = BASE + "actor/no-such-actor"


@pytest.mark.parametrize(("first", "then", "read_then"), [
    ([SHABAAB], [SHABAAB, ARMY], [ARMY]),
    ([SHABAAB, MOGADISHU], [MOGADISHU, None, ""], []),
    ([NOBODY], [NOBODY, SHABAAB], [SHABAAB]),  # an entity with no name nor kind is not read again either
    ([], [ARMY, MOGADISHU], [ARMY, MOGADISHU]),
])
def test_entities_named_again_are_not_read_again_and_give_the_same_labels(
        hand_built_app, hand_built_data_dir, tmp_path, first, then, read_then):
    store = hand_built_app.extensions["conflictkg.store"]
    direct = Store(str(shutil.copytree(hand_built_data_dir, tmp_path / "direct")))  # no app: every entity read
    try:
        expected = labels(direct, then)
    finally:
        direct.close()
    with hand_built_app.test_request_context("/api/events"):
        labels(store, first)
        asked = counted_reads(store)
        assert labels_read(then) == (labels_read(read_then) if read_then else None)
        assert labels(store, then) == expected
    if read_then:
        assert len(asked) == 1 and all(f"<{iri}>" in asked[0] for iri in read_then)
        assert all(f"<{iri}>" not in asked[0] for iri in set(first) - set(read_then))
    else:
        assert asked == []
    assert NOBODY not in expected and (SHABAAB not in then or expected[SHABAAB]["name"])


def test_a_write_empties_the_kept_labels(hand_built_app):
    store = hand_built_app.extensions["conflictkg.store"]
    with hand_built_app.test_request_context("/api/events"):
        before = labels(store, [SHABAAB])[SHABAAB]["name"]
        store.insert(f'<{SHABAAB}> <https://schema.org/name> "A Aardvark Front" .\n'.encode(),
                     str(CURRENT_GRAPH))
        asked = counted_reads(store)
        after = labels(store, [SHABAAB])[SHABAAB]["name"]
    assert len(asked) == 1 and before != after == "A Aardvark Front"
