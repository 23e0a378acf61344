"""api/tables.py: the events table of one actor or place is read from the summary its writer keeps, the same rows."""

from __future__ import annotations

import pytest
import requests

from tests import busy_records as war_records
from tests.conftest import _serve, write_data_dir


@pytest.fixture(scope="module")
def war_server(tmp_path_factory):
    """The real service over reports of one long war (tests/busy_records.py); yields its URL."""
    yield from _serve(write_data_dir(tmp_path_factory.mktemp("war"), war_records.extractions()))


def twin(url: str, **params) -> dict:
    answer = requests.get(url + "/events.json", params=params, timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()


@pytest.mark.parametrize(("limit", "offset"), [(25, 0), (40, 60), (10, 100), (50, 90), (5, 300)])
@pytest.mark.parametrize("entity", [("actor_id", "northern-army"), ("actor_id", "copper-hill-militia"),
                                    ("place_id", "millbrook"), ("actor_id", "quiet-valley-guard"),
                                    ("place_id", "nowhere-known")], ids=lambda e: e[1])
def test_the_events_of_one_actor_or_place_are_the_rows_read_from_every_event(war_server, entity, limit, offset):
    """Every event is a battle: with the type too, the rows and total are read from the events; without it, from the
    summary where it keeps the page (the army is in more events than its summary keeps)."""
    key, value = entity
    kept = twin(war_server, **{key: value}, limit=limit, offset=offset)
    read = twin(war_server, **{key: value}, type="Battles", limit=limit, offset=offset)
    assert (kept["rows"], kept["total"]) == (read["rows"], read["total"])
    assert (kept["next"] is None) == (read["next"] is None)


def test_the_total_of_a_busy_actor_counts_past_the_events_its_summary_keeps(war_server):
    army = twin(war_server, actor_id="northern-army", limit=1)
    assert army["total"] > 100
    assert len(twin(war_server, actor_id="northern-army", limit=500)["rows"]) == army["total"]
