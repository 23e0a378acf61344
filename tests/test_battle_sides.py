"""Civilians set against the state's forces in a battle stand beside them; the state's opponent is the other side
(events.battle_sides, through events.parties.implied_parties)."""

from __future__ import annotations

import pytest

from graph.extract.actors import ActorTable
from graph.extract.actors.table import ActorInfo
from graph.extract.events.parties import implied_parties
from graph.records import Event

_POLICE_BF = "Police Forces of Burkina Faso"
_CIVILIANS_BF = "Civilians (Burkina Faso)"


@pytest.mark.parametrize(
    ("event_type", "actor1", "actor2", "group", "expected"),
    [
        # civilians set against the state's forces in a battle were hurt beside them: the unnamed attacker is the
        # other side, in whichever slot the civilians held
        ("Battles", _POLICE_BF, _CIVILIANS_BF, None,
         (_POLICE_BF, "Unidentified Armed Group (Burkina Faso)", (_CIVILIANS_BF,), ())),
        ("Battles", _CIVILIANS_BF, _POLICE_BF, None,
         ("Unidentified Armed Group (Burkina Faso)", _POLICE_BF, (), (_CIVILIANS_BF,))),
        # the article's only armed group is the state's opponent
        ("Battles", _POLICE_BF, _CIVILIANS_BF, "Sahel Freedom Front",
         (_POLICE_BF, "Sahel Freedom Front", (_CIVILIANS_BF,), ())),
        # violence against civilians keeps its victims
        ("Violence against civilians", _POLICE_BF, _CIVILIANS_BF, None, (_POLICE_BF, _CIVILIANS_BF, (), ())),
    ],
)
def test_civilians_in_a_battle_stand_beside_the_state(event_type, actor1, actor2, group, expected):
    table = ActorTable(main_country="BF")
    table.actors[_POLICE_BF] = ActorInfo(_POLICE_BF, _POLICE_BF, "state_forces", "BF")
    table.actors[_CIVILIANS_BF] = ActorInfo(_CIVILIANS_BF, _CIVILIANS_BF, "civilians", "BF")
    if group:
        table.actors[group] = ActorInfo(group, group, "armed_group", "BF")
    sub_event_type = "Armed clash" if event_type == "Battles" else "Attack"
    fight = Event(id="event/n-0", event_type=event_type, sub_event_type=sub_event_type, actor1=actor1, actor2=actor2)
    (event,), _ = implied_parties([fight], table, [])
    assert (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2) == expected
