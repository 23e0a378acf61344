"""The actor dictionary (actors.tsv, state_forces.tsv) on hand-written notes: forces and groups that ACLED
codes under a name the text does not use, each read as ACLED's actor in the event's roles."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.actors.table import inter_code
from graph.extract.pipeline import Extractor
from graph.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _read(extractor, text: str):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2017, 3, 14)))
    assert result.events, text
    return result.events[0], {a.name: a for a in result.actors}


@pytest.mark.parametrize(
    ("text", "actor1", "actor2", "kind"),
    [
        # the state's units by their own names: Libya's Saiqa and Bunyan al-Marsous, Somalia's NISA
        ("Saiqa Special Forces shelled militant positions in Benghazi on Friday.", "Military Forces of Libya",
         None, "state_forces"),
        ("Al-Bunyan al-Marsous forces advanced on Islamic State positions in Sirte.", "Military Forces of Libya",
         "Islamic State", "state_forces"),
        ("NISA officers raided a house in Galkayo and detained two men.", "Military Forces of Somalia",
         "Civilians (Somalia)", "state_forces"),
        # generic militias ACLED names by their own word: the Mayi Mayi of Congo, the dahalo of Madagascar
        ("Mayi Mayi militiamen attacked a village near Lubero, killing three civilians.", "Mayi Mayi Militia",
         "Civilians (Democratic Republic of Congo)", "militia"),
        ("Mai-Mai fighters killed two farmers near Uvira.", "Mayi Mayi Militia",
         "Civilians (Democratic Republic of Congo)", "militia"),
        ("Dahalo attacked a village near Betroka, killing four people.", "Dahalo Militia", "Civilians (Madagascar)",
         "militia"),
        ("Gendarmes clashed with dahalo near Betroka; two bandits were killed.", "Police Forces of Madagascar",
         "Dahalo Militia", "state_forces"),
    ],
)
def test_dictionary_actors_in_their_roles(extractor, text, actor1, actor2, kind):
    event, actors = _read(extractor, text)
    assert (event.actor1, event.actor2) == (actor1, actor2)
    assert actors[actor1].kind == kind


@pytest.mark.parametrize(
    ("text", "actor1", "actor2", "place"),
    [
        ("Puntland forces clashed with al-Shabaab fighters near Bosaso on Tuesday.", "Military Forces of Puntland",
         "Al-Shabaab", "Bosaso"),
        ("Somaliland troops fought a clan militia near Burao, leaving two dead.", "Military Forces of Somaliland",
         "Unidentified Clan Militia (Somalia)", "Burao"),
        ("Somaliland police fired on protesters in Burao, injuring three.", "Police Forces of Somaliland",
         "Protesters (Somalia)", "Burao"),
        # the region's name stays a place of the text
        ("Puntland forces clashed with al-Shabaab in the mountains of Puntland.", "Military Forces of Puntland",
         "Al-Shabaab", "Puntland"),
    ],
)
def test_regional_forces_are_their_own_state_forces(extractor, text, actor1, actor2, place):
    # ACLED codes the forces of Somalia's self-governing regions apart from the federal state's (interaction 1)
    event, actors = _read(extractor, text)
    assert (event.actor1, event.actor2) == (actor1, actor2)
    assert "Military Forces of Somalia" not in actors and inter_code(actors[actor1]) == 1
    assert event.location == place


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a faction the dictionary names keeps its own name over the movement it belongs to
        ("Mai-Mai Nyatura fighters attacked an army post near Kitchanga.", "Nyatura"),
        # a name of one of the regional states alone is a place, not its forces
        ("Two traders were shot dead by gunmen in Puntland.", "Unidentified Armed Group (Somalia)"),
    ],
)
def test_dictionary_leaves_other_names_alone(extractor, text, name):
    _, actors = _read(extractor, text)
    assert name in actors, sorted(actors)
    assert "Mayi Mayi Militia" not in actors and "Military Forces of Puntland" not in actors
