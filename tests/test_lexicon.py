"""The actor dictionary (actors.tsv, state_forces.tsv) on hand-written notes: forces and groups that ACLED
codes under a name the text does not use, each read as ACLED's actor in the event's roles."""

from __future__ import annotations

import pytest

from graph.extract.actors import lexicon
from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.states import is_unit
from graph.extract.actors.table import ActorInfo, inter_code


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
def test_dictionary_actors_in_their_roles(first_event, text, actor1, actor2, kind):
    event, actors = first_event(text)
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
        # every federal member state's forces, by the spellings the news uses, one actor per region
        ("Jubbaland troops clashed with al-Shabaab fighters near Kismayo, Somalia.", "Military Forces of Jubaland",
         "Al-Shabaab", "Kismayo"),
        ("South West State forces clashed with al-Shabaab near Baidoa, Somalia.", "Military Forces of South West State",
         "Al-Shabaab", "Baidoa"),
        ("HirShabelle police arrested two men in Jowhar, Somalia.", "Police Forces of Hirshabelle",
         "Civilians (Somalia)", "Jawhar"),
        # the region's name stays a place of the text
        ("Puntland forces clashed with al-Shabaab in the mountains of Puntland.", "Military Forces of Puntland",
         "Al-Shabaab", "Puntland"),
    ],
)
def test_regional_forces_are_their_own_state_forces(first_event, text, actor1, actor2, place):
    # ACLED codes the forces of Somalia's self-governing regions apart from the federal state's (interaction 1)
    event, actors = first_event(text)
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
def test_dictionary_leaves_other_names_alone(first_event, text, name):
    _, actors = first_event(text)
    assert name in actors, sorted(actors)
    assert "Mayi Mayi Militia" not in actors and "Military Forces of Puntland" not in actors


@pytest.mark.parametrize("table", [lexicon.descriptors, lexicon.regional_forces])
def test_cached_tables_are_read_only(table):
    """A table every article shares cannot be changed by one caller."""
    with pytest.raises(TypeError):
        table()["new"] = "value"


@pytest.mark.parametrize(
    ("tags", "unit"),
    [
        # a region's own forces are no unit of the federal state's, whatever their name says
        (frozenset(["regional"]), False),
        # the same name without the tag: a unit of Somalia's forces
        (frozenset(), True),
    ],
)
def test_a_regional_force_is_no_unit_by_its_tag(tags, unit):
    info = ActorInfo(actor_key("Military Forces of Puntland"), "Military Forces of Puntland", "state_forces", "SO",
                     tags)
    assert is_unit(info) == unit


@pytest.mark.parametrize(("word", "listed"), [("vigil", True), ("demonstrator", True), ("march", True),
                                              ("rioters", True), ("attack", False), ("soldier", False)])
def test_protest_words_come_from_the_crowd_lexicon(word, listed):
    assert (word in lexicon.protest_words()) == listed
