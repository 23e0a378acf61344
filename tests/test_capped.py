"""An entity's tally (graph.link.capped) keeps few counts and still tells its top entries and dates exactly."""

from __future__ import annotations

from collections import Counter

import pytest

from graph.link import capped, summaries

PLACE = "https://conflictkg.org/id/place/"


def _empty() -> dict:
    return {"kind": "actor", "n": 0, "dates": {}, "roles": {}, "with": {}, "places": {}, "newest": []}


def _places(counts: dict[str, int]) -> Counter:
    """(field, key) counts of places by name, and the events they make."""
    return Counter({("n", ""): sum(counts.values()), **{("places", PLACE + name): n for name, n in counts.items()}})


def _top(exact: Counter, shown: int) -> list[tuple[str, int]]:
    return sorted(exact.items(), key=lambda item: (-item[1], item[0]))[:shown]


def test_an_entity_keeps_more_entries_than_its_summary_shows():
    assert capped.TOP_KEPT >= summaries.SHOWN and capped.DATES_KEPT >= 1


@pytest.mark.parametrize("first, then, shows, kept, bound", [
    ({"a": 3, "b": 2}, {}, True, {"a": 3, "b": 2}, None),  # nothing to cut
    ({"a": 3, "b": 2, "c": 1, "d": 1}, {}, True, {"a": 3, "b": 2}, [1, PLACE + "c"]),
    ({"a": 3, "b": 2, "c": 1, "d": 1}, {"z": 1}, True, {"a": 3, "b": 2}, [1, PLACE + "c"]),  # a new one: exact
    ({"a": 3, "b": 2, "c": 1, "d": 1}, {"d": 3}, True, {"a": 3, "d": 4}, [2, PLACE + "b"]),  # a dropped one rises
    ({"a": 3, "m": 2, "c": 1, "d": 1}, {"c": 1}, True, {"a": 3, "c": 2}, [2, PLACE + "m"]),  # ties, ranks first
    ({"a": 3, "m": 2, "c": 1, "d": 1}, {"m": -1}, False, {"a": 3, "m": 1}, [1, PLACE + "c"]),  # falls behind c
    ({"a": 3, "b": 2, "c": 2, "d": 1}, {"a": -3}, False, {"b": 2}, [2, PLACE + "c"]),  # fewer kept than shown
])
def test_counting_places_tells_whether_the_top_ones_are_still_kept(first, then, shows, kept, bound, monkeypatch):
    """Two kept and two shown: a dropped entry that gains is kept again with its exact count."""
    monkeypatch.setattr(capped, "TOP_KEPT", 2)
    tally = _empty()
    assert capped.count(tally, _places(first), 2)
    assert capped.count(tally, _places(then), 2) is shows
    assert tally["places"] == {PLACE + name: n for name, n in kept.items()}
    assert tally.get("cut", {}).get("places") == bound


def test_a_tally_cut_before_dropped_counts_were_kept_is_counted_again():
    tally = {**_empty(), "places": {PLACE + "a": 3}, "cut": {"places": [1, PLACE + "b"]}}
    assert capped.count(tally, _places({"a": 1}), 1) is False


@pytest.mark.parametrize("days, change, shows, kept", [
    (range(1, 8), {}, True, [1, 2, 6, 7]),  # cut: two at each end
    (range(1, 8), {4: 1}, True, [1, 2, 6, 7]),  # a date between the cuts is not counted
    (range(1, 8), {9: 1}, True, [1, 2, 6, 7, 9]),
    (range(1, 8), {1: -1, 2: -1}, False, [6, 7]),  # the low side has no date left
    (range(1, 8), {7: -1, 6: -1}, False, [1, 2]),
    (range(1, 4), {2: -1}, True, [1, 3]),  # never cut
])
def test_dates_keep_each_end_and_tell_when_a_side_runs_out(days, change, shows, kept, monkeypatch):
    monkeypatch.setattr(capped, "DATES_KEPT", 2)
    tally = _empty()

    def dated(counts: dict[int, int]) -> Counter:
        return Counter({("dates", f"2021-03-{day:02d}\tday"): n for day, n in counts.items()})

    capped.count(tally, dated(dict.fromkeys(days, 1)), 1)
    assert capped.count(tally, dated(change), 1) is shows
    assert sorted(int(key[8:10]) for key in tally["dates"]) == kept


def test_thinly_spread_places_need_no_recount_when_new_ones_come():
    """50 co-actors of 100 events and 1,000 places (30 of two events, the rest one): each of 20 events at a new
    place keeps the tally telling its shown top places, and they are those of every place counted exactly."""
    exact = Counter({f"p{n:04d}": 2 if n < 30 else 1 for n in range(1000)})
    tally = _empty()
    first = _places(exact) + Counter({("with", f"actor/{n}"): 100 for n in range(50)})
    assert capped.count(tally, first, summaries.SHOWN)
    for n in range(20):
        new = f"a{n:04d}" if n % 2 else f"z{n:04d}"  # some rank before the shown ties, some after
        exact[new] += 1
        assert capped.count(tally, _places({new: 1}), summaries.SHOWN)  # no recount
        assert _top(Counter(tally["places"]), summaries.SHOWN) == [(PLACE + k, v) for k, v in
                                                                  _top(exact, summaries.SHOWN)]
    assert len(tally["places"]) == capped.TOP_KEPT
