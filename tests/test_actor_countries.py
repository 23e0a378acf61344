"""The country of generic actors (Civilians, Police/Military Forces, Unidentified Armed Group, Protesters): the
country where the event happens, never a nationality that only says who some people abroad are."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.records import Article

PEOPLE_ABROAD = [
    # a nationality before a noun of people abroad names who they are, not where the attackers are
    ("A French tourist was shot dead by gunmen near the village of Tarbouk on Sunday.",
     "Unidentified Armed Group", "Civilians (France)"),
    ("Gunmen abducted a Canadian expatriate near the hamlet of Selinga.", "Unidentified Armed Group", "Civilians"),
    ("Police detained twelve Ethiopian migrants in a raid on a house in the village of Dalimo.",
     "Police Forces", "Civilians"),
    # a foreign state's mission: the crowd outside it is not of that state
    ("Hundreds of students protested outside the Turkish embassy on Friday.", "Protesters", None),
    # a nationality of people at home, or of the forces that act, still tells the country
    ("Sudanese soldiers burned the hamlet of Tarbouk on Sunday.", "Military Forces of Sudan", "Civilians (Sudan)"),
    ("Kenyan police shot dead two robbers in the village of Dalimo.", "Police Forces of Kenya", "Civilians (Kenya)"),
    ("Gunmen attacked Nigerian farmers near the hamlet of Dalimo.", "Unidentified Armed Group (Nigeria)",
     "Civilians (Nigeria)"),
]


@pytest.mark.parametrize(("text", "actor1", "actor2"), PEOPLE_ABROAD)
def test_people_abroad_give_no_country_to_the_others(first_event, text, actor1, actor2):
    event, _ = first_event(text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # an unlisted village takes the country the text names, not the country of a victim from abroad
        ("A French tourist was shot dead by gunmen near the village of Tarbouk on Sunday.", "Tarbouk", None),
        ("Police detained twelve Ethiopian migrants in a raid on a house in the village of Dalimo.", "Dalimo", None),
        ("Kenyan police shot dead two robbers in the village of Dalimo.", "Dalimo", "KE"),
    ],
)
def test_an_unlisted_village_is_not_put_in_a_foreigners_country(extractor, text, place, country):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    assert {loc.name: loc.country for loc in result.locations}[place] == country
