"""Civilians set against the state's forces in a battle stand beside them; the state's opponent is the other side
(events.battle_sides, through events.parties.implied_parties)."""

from __future__ import annotations

import pytest

from graph.extract.actors import ActorTable
from graph.extract.actors.table import ActorInfo
from graph.extract.events.parties import implied_parties
from graph.records import Event

_ARMY = "Military Forces of Burundi"
_CIVILIANS = "Civilians (Burundi)"


@pytest.mark.parametrize(
    ("event_type", "actor1", "actor2", "group", "expected"),
    [
        # civilians set against the state's forces in a battle were hurt beside them: the unnamed attacker is the
        # other side, in whichever slot the civilians held
        ("Battles", _ARMY, _CIVILIANS, None, (_ARMY, "Unidentified Armed Group (Burundi)", (_CIVILIANS,), ())),
        ("Battles", _CIVILIANS, _ARMY, None, ("Unidentified Armed Group (Burundi)", _ARMY, (), (_CIVILIANS,))),
        # the article's only armed group is the state's opponent
        ("Battles", _ARMY, _CIVILIANS, "Lakeshore Liberation Army",
         (_ARMY, "Lakeshore Liberation Army", (_CIVILIANS,), ())),
        # violence against civilians keeps its victims
        ("Violence against civilians", _ARMY, _CIVILIANS, None, (_ARMY, _CIVILIANS, (), ())),
    ],
)
def test_civilians_in_a_battle_stand_beside_the_state(event_type, actor1, actor2, group, expected):
    table = ActorTable(main_country="BI")
    table.actors[_ARMY] = ActorInfo(_ARMY, _ARMY, "state_forces", "BI")
    table.actors[_CIVILIANS] = ActorInfo(_CIVILIANS, _CIVILIANS, "civilians", "BI")
    if group:
        table.actors[group] = ActorInfo(group, group, "armed_group", "BI")
    sub_event_type = "Armed clash" if event_type == "Battles" else "Attack"
    fight = Event(id="event/n-0", event_type=event_type, sub_event_type=sub_event_type, actor1=actor1, actor2=actor2)
    (event,), _ = implied_parties([fight], table, [])
    assert (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2) == expected
