"""The event's own place: a country said only of a cause, deep in a phrase away from the event, gives way to the
place the story is in; a country that the event's own clause names stays the event's place; a place that says
where a person is from ("a Limpopo man") or where the attackers are based ("based in X") gives way to the place the
sentence names for the event; a village that no gazetteer places gives way to the named place that holds it."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.pipeline import Extractor
from graph.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


# (article, the places of its events)
PLACES = [
    # the war in Sudan is what the marchers in Nairobi spoke of
    ("Teachers rallied outside City Hall in Nairobi on Tuesday over pay. Later, 150 Sudanese refugees walked to "
     "the UN office to urge the envoys to help end the war in Sudan.",
     {"Nairobi"}),
    ("Students protested in Berlin on Saturday. Later they marched to call for an end to the war in Ukraine.",
     {"Berlin"}),
    # a place that says where a person is from is not where the event happened, when a closer one is named
    ("A Kwara man accused of theft was beaten to death by a mob in Ilorin on Sunday.", {"Ilorin"}),
    ("Two Gao women were abducted by gunmen in Menaka on Friday.", {"Ménaka"}),
    # residents are at home: the town they live in stays the place
    ("Ruiru residents blocked roads outside the Nairobi police station on Sunday.", {"Ruiru"}),
    # the country of the event's own clause is its place
    ("Students protested in Nairobi on Monday. Fighting in Somalia killed five soldiers on Tuesday.",
     {"Nairobi", "Somalia"}),
    # a village inside a named area is the place when it has a point (its area's) ...
    ("Militia attacked Kabweru village in Masisi territory on Monday.", {"Kabweru"}),
    # ... and the area or the town named as holding it when neither can be found, as ACLED codes it
    ("Gunmen raided Mbalogo village in the Kiranzi area, killing two farmers.", {"Kiranzi"}),
    ("Troops and a gunman exchanged fire in Tirzalet, near Ain Kerdoussa, on Sunday.", {"Ain Kerdoussa"}),
    # a name a fighters' position noun holds ("stronghold of X", "the rebel bastion X") is where the event was,
    # though the NER reads it as a person ...
    ("Soldiers overran the insurgents' stronghold of Korandi after a week of fighting that killed four soldiers.",
     {"Korandi"}),
    ("The army captured the rebel bastion Korandi on Tuesday, losing three soldiers.", {"Korandi"}),
    # ... but not a name that only follows the noun
    ("Troops took up positions Friday night near Korandi after rebels killed two farmers.", {"Korandi"}),
    ("Soldiers raided the hideout Kony used near Korandi, killing two rebels.", {"Korandi"}),
    # where the attackers are based is not where they struck
    ("Now based in Lokichar, the gang killed two herders in Kainuk on Monday.", {"Kainuk"}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "places"), PLACES)
def test_event_place_is_where_the_sentence_puts_it(extractor, text, places):
    extraction = extractor.extract(Article(id="place", text=text, published=dt.date(2024, 3, 4)))
    assert {event.location for event in extraction.events} == places
