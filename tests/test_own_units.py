"""Unknown names that a state's soldiers are "from" or "of" are their unit, not another side of their fight, when a
unit noun heads them; the actor table keeps no key that the rule moved."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.actors import read_actors
from graph.extract.events import read_events
from graph.extract.parse.sentences import SentenceIndex
from graph.extract.places import read_places
from graph.records import Article

_UNITS = [
    # the unit noun after the name ("battalion"), or ending the name itself ("Command")
    ("Soldiers from the Black Panther battalion ambushed al-Shabaab fighters on the road to Kismayo, Somalia.",
     "Military Forces of Somalia", "Black Panther", "Al-Shabaab"),
    ("Soldiers of the Southern Sector Command fought JNIM militants near Mopti, Mali.",
     "Military Forces of Mali", "Southern Sector Command", "Jama'at Nusrat al-Islam wal-Muslimin"),
]


@pytest.mark.parametrize(("text", "forces", "unit", "enemy"), _UNITS)
def test_a_unit_of_soldiers_stands_with_them(first_event, text, forces, unit, enemy):
    event, actors = first_event(text)
    assert (event.actor1, event.actor2) == (forces, enemy)
    assert unit not in (*actors, *event.assoc_actor_1, *event.assoc_actor_2)
    assert unit in actors[forces].aliases


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a named rebel army's soldiers are that army's; a dictionary's organisation keeps its own name
        ("Soldiers of the SPLA-IO attacked government troops near Yei, South Sudan.",
         "Sudan People's Liberation Movement-in-Opposition"),
        ("Troops from the African Union clashed with al-Shabaab near Afgoye, Somalia.", "African Union"),
        # an unknown name headed by no unit noun may be a rival formation: a side of its own
        ("Soldiers from the Northern Alliance attacked an army base near Bamenda, Cameroon.", "Northern Alliance"),
        ("Soldiers from the Eastern Movement shelled army positions near Juba, South Sudan.", "Eastern Movement"),
    ],
)
def test_other_formations_after_soldiers_are_no_unit(first_event, text, name):
    _, actors = first_event(text)
    assert name in actors
    assert not any(name in actor.aliases for actor in actors.values() if actor.kind == "state_forces")


@pytest.mark.parametrize("text", [text for text, *_ in _UNITS])
def test_no_moved_key_is_left_behind(extractor, text):
    article = Article(id="note", text=text, published=dt.date(2016, 6, 20))
    doc = extractor.nlp(text)
    sentence_of = SentenceIndex(doc)
    places = read_places(doc, sentence_of, text)
    table = read_actors(doc, places.mentions, sentence_of, text, article.published).table
    keys = {m.key for m in table.mentions} | set(table.unit_states) | set(table.unit_states.values())
    assert keys <= set(table.actors)
    events = read_events(article, doc, table, places.mentions).events  # the roles read the table: no KeyError
    assert events
