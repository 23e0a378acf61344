"""Two communities in a fight are each their community's militia, and so is a people that attacks, on
hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.pipeline import Extractor
from graph.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # villages or clans the text names only by their names: communal militias of the sentence's country
        ("At least 14 people were killed in clashes between Kabara and Dioura near Mopti, Mali.",
         "Kabara Communal Militia (Mali)", "Dioura Communal Militia (Mali)"),
        # an ethnic group of communities.tsv, and one a noun of the group names
        ("Clashes between Fulani and Tiv herders left five dead in Benue, Nigeria.",
         "Fulani Ethnic Militia (Nigeria)", "Tiv Ethnic Militia (Nigeria)"),
        # a people named by itself as the doer of violence is its militia, whatever the verb
        ("Fulanis attacked two villages near Makurdi, Nigeria, killing nine.", "Fulani Ethnic Militia (Nigeria)",
         "Civilians (Nigeria)"),
        ("The Tuareg raided a camp near Menaka, Mali, on Sunday, killing four civilians.",
         "Tuareg Ethnic Militia (Mali)", "Civilians (Mali)"),
        # a headline's present tense, which the parser reads as "<people> attack" (a noun): the people still attack
        ("Fulanis attack the villages of Tondo and Kpata in Benue state, killing 26.",
         "Fulani Ethnic Militia (Nigeria)", "Civilians (Nigeria)"),
        # a people among the victims is not the doer
        ("Gunmen killed four Fulanis near Gusau, Nigeria.", "Unidentified Armed Group (Nigeria)",
         "Civilians (Nigeria)"),
        # named actors keep their names; a road between two towns is no fight
        ("Fighting between the army and Boko Haram went on near Maiduguri.", "Military Forces of Nigeria",
         "Boko Haram"),
    ],
)
def test_two_communities_in_a_fight(extractor, text, actor1, actor2):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    assert result.events, text
    assert (result.events[0].actor1, result.events[0].actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        # a plural the text also writes in the singular is a people, its militia named in the singular
        ("Kuki gunmen torched homes in Churachandpur. Clashes between the Kukis and the Meiteis have left many dead. "
         "A Meitei elder urged restraint.", {"Meitei Ethnic Militia", "Kuki"}, {"Kukis Communal Militia"}),
        ("Traffic on the road between Kano and Kaduna was blocked by a crash.", set(), {"Kano Communal Militia"}),
        # the same for a people a group noun names ("Konkombas herdsmen")
        ("Konkombas herdsmen attacked Fulani settlers near Kwahu, Ghana. A Konkomba leader denied it.",
         {"Konkomba Ethnic Militia"}, {"Konkombas Ethnic Militia"}),
    ],
)
def test_community_names(extractor, text, expected, not_expected):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    names = {a.name.split(" (")[0] for a in result.actors}
    assert expected <= names and not (not_expected & names), sorted(names)



@pytest.mark.parametrize(
    ("text", "militia"),
    [
        ("Fulanis attack Gbaji village in Konshisha, Benue state, killing 14.", "Fulani Ethnic Militia (Nigeria)"),
        ("Tuaregs attack Dogon hunters near Bandiagara, Mali, killing five.", "Tuareg Ethnic Militia (Mali)"),
        ("Fulani attack kills nine in Makurdi, Nigeria.", "Fulani Ethnic Militia (Nigeria)"),
        # the people of a place attacked are no militia
        ("Gunmen attack Fulani settlement near Gusau, Nigeria, killing four.", None),
    ],
)
def test_a_people_before_a_raid_noun_is_its_militia(extractor, text, militia):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    militias = [a.name for a in result.actors if "Militia" in a.name]
    assert militias == ([militia] if militia else [])


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # gunmen or raiders a people's name qualifies are its militia; a faith's are not, nor a named group's
        ("Fulani gunmen killed three farmers near Lafia, Nigeria.", "Fulani Ethnic Militia (Nigeria)"),
        ("Nuer raiders attacked a cattle camp near Akobo, South Sudan, killing four.",
         "Nuer Ethnic Militia (South Sudan)"),
        ("Murle raiders abducted two children near Akobo, South Sudan.", "Murle Ethnic Militia (South Sudan)"),
        ("Christian gunmen attacked a mosque in Lafia, Nigeria.", "Unidentified Armed Group (Nigeria)"),
        ("Boko Haram gunmen killed five villagers near Monguno, Nigeria.", "Boko Haram"),
        ("Cattle raiders killed two herders near Kapoeta, South Sudan.", "Unidentified Communal Militia (South Sudan)"),
    ],
)
def test_a_peoples_gunmen_and_raiders_are_its_militia(extractor, text, actor1):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    assert result.events, text
    assert result.events[0].actor1 == actor1


def test_a_faith_is_no_communal_militia(extractor):
    result = extractor.extract(Article(id="note", text="Christians attacked a mosque in Jos, Nigeria.",
                                       published=dt.date(2016, 6, 20)))
    assert not [a.name for a in result.actors if "Militia" in a.name]
