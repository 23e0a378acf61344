"""Place names stay whole: a district whose gazetteer name carries its type word ("Karachi East District") is read
from its two words, not cut to the town named by the first ("Karachi")."""

from __future__ import annotations

import pytest

from graph.extract.places.names import g_spellings
from tests.place_mentions import place_of, places_in

# (sentence, mention, name, country, kind)
WHOLE = [
    ("Gunmen fired on a polio team in Karachi East district on Friday.", "Karachi East", "Karachi East District",
     "PK", "district"),
    # a name that is the gazetteer's own stays as it was
    ("A bomb killed two labourers in Qila Saifullah district.", "Qila Saifullah", "Qila Saifullah", "PK",
     "district"),
    # a name that goes on past a possessive is read whole when the gazetteer lists it so, not cut at the "'s"
    ("Protesters blocked roads in King William's Town on Monday.", "King William's Town", "Qonce", "ZA", "town"),
    ("Residents burned tyres in Port St John's on Monday.", "Port St John's", "Port Saint John's", "ZA", "town"),
    # a country's possessive still stands apart from the town it owns
    ("Shelling hit Syria's Idlib on Monday.", "Idlib", "Idlib", "SY", "city"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "kind"), WHOLE)
def test_a_districts_two_word_name_stays_whole(nlp, text, mention, name, country, kind):
    location = place_of(nlp, text, mention)
    assert (location.name, location.country, location.kind) == (name, country, kind)


def test_g_spellings_read_a_word_initial_g_as_qaf_or_ghayn():
    assert g_spellings("Gurna") == ["Qurna", "Ghurna"]
    assert "Qasr Bu Ghadi" in g_spellings("Gasr Bu Gadi")
    assert g_spellings("Kosti") == [] and g_spellings("Gwanda") == []  # no G, or no vowel after it


# (sentence, mention, name, country): Arabic names that news writes with g for the qaf ("Galyub" for Qalyub) or for
# the ghayn ("Mit Gamr" for Mit Ghamr), found in the Arabic-speaking country the text names, or alone among them
G_FOR_QAF = [
    ("Police dispersed a sit-in of workers in Galyub, north of Cairo, on Monday.", "Galyub", "Qalyub", "EG"),
    ("Protesters set fire to tyres in Mit Gamr, Egypt, on Sunday.", "Mit Gamr", "Mit Ghamr", "EG"),
    ("A roadside bomb exploded near a petrol station in Ras Garib on Tuesday.", "Ras Garib", "Ras Gharib", "EG"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country"), G_FOR_QAF)
def test_a_name_spelt_with_g_for_qaf_is_found(nlp, text, mention, name, country):
    location = place_of(nlp, text, mention)
    assert (location.name, location.country) == (name, country)


@pytest.mark.slow
def test_g_for_qaf_is_read_only_in_arabic_speaking_countries(nlp):
    found = places_in(nlp, "Herders clashed with farmers near Galyub village in Nigeria's Plateau State.")
    assert all(location.country != "EG" for location in found.values()), found
