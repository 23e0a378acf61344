"""One event per place (graph/extract/events/sites.py): counts dealt out over places ("four near A, two at B")
name one event at each place, countries too; a country named beside a town stays no event of its own."""

from __future__ import annotations

import pytest

from tests.test_events import extract


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # counted targets dealt out over towns, with or without a place noun before the name
        ("Jets bombed four depots on Tuesday, two in Kisumu and two in Eldoret.", ["Kisumu", "Eldoret"]),
        ("Rebels burned three granaries on Sunday, one outside the town of Mombasa and two at Eldoret.",
         ["Mombasa", "Eldoret"]),
        # over two countries: an event in each
        ("Warplanes destroyed seven depots on Friday, five inside Lebanon and two inside Syria.", ["Lebanon", "Syria"]),
        # a country beside its town, with no count dealt out, is the town's country, not a second event
        ("Jets bombed a depot in Kisumu, Kenya, on Tuesday.", ["Kisumu"]),
        # one count in one place deals nothing out
        ("Jets bombed four depots on Tuesday, all of them in Kisumu.", ["Kisumu"]),
    ],
)
def test_counts_dealt_out_over_places_are_one_event_each(text, places):
    events = extract("dealt", text, "2024-03-22").events
    assert sorted(event.location for event in events) == sorted(places)


def test_a_toll_told_of_incidents_dealt_out_is_divided_among_their_places():
    text = "Gunmen shot dead nine herders in raids on Sunday, one raid at the port of Mombasa and two more at Eldoret."
    events = extract("dealt", text, "2024-03-22").events
    assert sorted(event.location for event in events) == ["Eldoret", "Mombasa"]
    assert sorted(event.fatalities or 0 for event in events) == [4, 5]  # ACLED's even split, the remainder to one
