"""Parties an event borrows from its article: the side its sentence names keeps its role, and the article's main
pair is taken in the order its events tell it (who attacked whom), not in the alphabet's."""

from __future__ import annotations

import pytest

from graph.extract.events.context_parties import fill_from_context
from graph.records import Event

# Source: actor and place names invented for these tests or generic ACLED actors.
RAIDERS, VILLAGERS = "Zebra Brigade", "Civilians (Kenya)"


def attack(number: int, actor1: str | None, actor2: str | None, location: str) -> Event:
    return Event(id=f"event/story-{number}", event_type="Violence against civilians", sub_event_type="Attack",
                 actor1=actor1, actor2=actor2, location=location, start=number)


def always(event, pair) -> bool:
    return True


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        # the sentence names only the victims: the attackers of the article's pair take side 1
        ((None, VILLAGERS), (RAIDERS, VILLAGERS)),
        # the sentence names only the attackers: the victims take side 2
        ((RAIDERS, None), (RAIDERS, VILLAGERS)),
        # the sentence names no one: the pair as the article tells it, though "Civilians" comes first alphabetically
        ((None, None), (RAIDERS, VILLAGERS)),
    ],
)
def test_a_borrowed_side_keeps_the_roles(told, expected):
    events = [attack(1, RAIDERS, VILLAGERS, "Kora"), attack(2, *told, "Lumbi")]
    filled = fill_from_context(events, set(), always)
    assert (filled[1].actor1, filled[1].actor2) == expected


def test_the_last_event_at_the_same_place_lends_its_pair_in_order():
    events = [attack(1, RAIDERS, VILLAGERS, "Kora"), attack(2, None, VILLAGERS, "Kora")]
    filled = fill_from_context(events, set(), always)
    assert (filled[1].actor1, filled[1].actor2) == (RAIDERS, VILLAGERS)


def test_a_pair_that_does_not_fit_the_paragraph_lends_nothing():
    events = [attack(1, RAIDERS, VILLAGERS, "Kora"), attack(2, None, VILLAGERS, "Lumbi")]
    filled = fill_from_context(events, set(), lambda event, pair: False)
    assert (filled[1].actor1, filled[1].actor2) == (None, VILLAGERS)


@pytest.mark.parametrize(
    ("tellings", "expected"),
    [
        # one reversed telling first ("the villagers fought back against the raiders"), then two the right way
        ([(VILLAGERS, RAIDERS), (RAIDERS, VILLAGERS), (RAIDERS, VILLAGERS)], (RAIDERS, VILLAGERS)),
        # as many each way: the first telling wins
        ([(RAIDERS, VILLAGERS), (VILLAGERS, RAIDERS)], (RAIDERS, VILLAGERS)),
    ],
)
def test_the_main_pair_takes_the_order_most_of_its_events_tell(tellings, expected):
    events = [attack(n, a1, a2, f"Place {n}") for n, (a1, a2) in enumerate(tellings)]
    filled = fill_from_context([*events, attack(len(events), None, None, "Lumbi")], set(), always)
    assert (filled[-1].actor1, filled[-1].actor2) == expected
