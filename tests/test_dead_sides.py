"""Whose dead a toll counts (graph/extract/events/dead_sides.py): the side the counted words name."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.actors import find_actors
from graph.extract.events.dead_sides import civilian_victims, dated_apart, dead_sides, other_side, period_tally
from graph.records import Article


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Four soldiers were killed at the checkpoint.", {"state"}),
        ("Troops killed nine militants in the forest.", {"armed"}),
        ("The army said dozens of rebels died.", {"armed"}),
        ("Residents killed two of the attackers.", {"armed"}),
        ("Gunmen shot dead six villagers.", {"civilians"}),
        ("The clash left three policemen and five bandits dead.", {"state", "armed"}),
        # anyone's dead, or a count that names no side, tell no side: the toll may be everyone's
        ("In all, twelve people died.", set()),
        ("Three soldiers and 12 others died.", set()),
        ("Gunmen opened fire on the market.", set()),
    ],
)
def test_dead_sides(nlp, text, sides):
    doc = nlp(text)
    assert dead_sides(next(doc.sents), find_actors(doc)) == frozenset(sides)


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Four traders were killed.", "Civilians"),
        ("Three children died.", "Civilians"),
        ("Gunmen shot dead six villagers.", "Civilians"),
        # fighters, anyone, or civilians beside fighters: no civilians of their own
        ("Five people were killed.", None),
        ("Two soldiers were killed.", None),
        ("Two soldiers and three civilians were killed.", None),
        ("Gunmen opened fire on the market.", None),
        # the wounded are victims as the dead are; the displaced or arrested are not
        ("Two women were wounded.", "Civilians"),
        ("Six traders were injured.", "Civilians"),
        ("Four fighters were wounded.", None),
        ("Thirty civilians were displaced.", None),
    ],
)
def test_civilian_victims(nlp, text, victims):
    doc = nlp(text)
    found = civilian_victims(next(doc.sents), find_actors(doc))
    assert (found.split(" (")[0] if found else None) == victims


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        # remote violence with no target named, whose civilian dead the next sentence counts: they are its second side
        ("The army shelled Port Sudan in Sudan. Five civilians were killed.", "Civilians (Sudan)"),
        ("An air strike hit a market in Port Sudan, Sudan. Four traders were killed.", "Civilians (Sudan)"),
        ("Warplanes bombed a village near Malakal, South Sudan, on Monday. Three children died.",
         "Civilians (South Sudan)"),
        ("Rebels fired rockets at a camp near Port Sudan, Sudan. Two women were killed.", "Civilians (Sudan)"),
        ("A bomb exploded in a market in Port Sudan, Sudan. Two traders were killed.", "Civilians (Sudan)"),
        # dead who may be anyone, or are fighters, or beside fighters: no civilians named
        ("Government forces shelled Port Sudan in Sudan. Five people were killed.", None),
        ("The army shelled Port Sudan in Sudan. Two soldiers and three civilians were killed.", None),
        ("The army shelled rebel positions near Port Sudan, Sudan. Five fighters were killed.",
         "Unidentified Armed Group (Sudan)"),
        # the wounded counted without a toll are victims as well
        ("The army shelled Port Sudan, Sudan. Two women were wounded.", "Civilians (Sudan)"),
        ("Warplanes struck a market near Malakal, South Sudan. Six traders were injured.", "Civilians (South Sudan)"),
        ("Rebels fired rockets at a camp near Port Sudan, Sudan. Three children were hurt.", "Civilians (Sudan)"),
        ("Government forces shelled Port Sudan, Sudan. Thirty civilians were displaced.", None),
        ("The army shelled Port Sudan, Sudan. Five people were wounded.", None),
        # civilians the next sentence counts with a cause or a day of their own are another incident's victims
        ("Government aircraft bombed Nyala, Sudan, on Monday. Three farmers were killed in a road accident on "
         "Tuesday.", None),
        ("The army shelled Port Sudan, Sudan. Four women were crushed to death in a stampede at the market.", None),
        ("Government aircraft bombed Nyala, Sudan, on Monday. Two herders were wounded on Wednesday.", None),
        # the strike itself, or the same day told again, leave them its victims
        ("Government aircraft bombed Nyala, Sudan, on Monday. Three farmers were killed in the strike.",
         "Civilians (Sudan)"),
        ("Government aircraft bombed Nyala, Sudan, on Monday. Two women were wounded on Monday.", "Civilians (Sudan)"),
    ],
)
def test_toll_names_civilian_targets(first_event, text, actor2):
    event, _ = first_event(text)
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor2 == actor2


@pytest.mark.parametrize(
    ("told", "later", "other"),
    [
        ({"state"}, {"armed"}, True),
        ({"state", "armed"}, {"armed"}, False),
        ({"civilians"}, {"civilians"}, False),
        ({"state"}, set(), False),  # an unknown side may be the same dead counted again
        (set(), {"armed"}, False),
    ],
)
def test_other_side(told, later, other):
    assert other_side(frozenset(told), frozenset(later)) is other


@pytest.mark.parametrize(
    ("text", "tally"),
    [
        ("More than 300 people have been killed in the state so far this year.", True),
        ("The army has killed 200 rebels in the province this year alone.", True),
        ("Bandits have killed 120 villagers in the past three months.", True),
        ("Militias have killed dozens of farmers in recent weeks, residents say.", True),
        ("Armed groups have killed over 500 civilians in the region since January, a monitor said.", True),
        ("The army has killed 200 rebels in the province this year.", True),
        ("Raiders have killed 75 herders in the valley in the past year.", True),
        # the tally of a clause that describes a place: its own verb carries the period
        ("Gunmen seized 35 pupils on Wednesday in a district where bandits have killed 200 people so far this year.",
         True),
        # a date that may be the incident's, or a count of the incident beside the tally: no tally
        ("Gunmen have killed 12 people in a raid this week.", False),
        ("At least 12 people have been killed in clashes between two clans since Monday.", False),
        ("Four people were killed on Monday; more than 300 have been killed so far this year.", False),
        ("The war has lasted three years.", False),
        # a period the incident is compared with or dated from, not one the deaths are counted over
        ("A suicide bomber has killed 30 shoppers at a bus station, the deadliest attack this year.", False),
        ("Armed men have killed 15 farmers in the worst attack in years, local leaders said.", False),
        ("Insurgents have killed 20 soldiers in a raid on a camp, three years after the ceasefire was signed.", False),
        # "this/last month|year" dates one incident its clause names ...
        ("Gunmen have killed 30 people in an attack on a market earlier this month.", False),
        ("Fighters have killed 14 farmers in a raid on their hamlet last month.", False),
        ("Rebels have killed nine soldiers in an ambush on a supply convoy this year.", False),
        ("Two pilots have been killed in the bombing of an airfield last month.", False),
        # ... but tallies with "so far", "alone" or "since", or when its clause names no single incident
        ("Rebels have killed 40 soldiers in an ambush so far this year.", True),
        ("Bandits have killed 90 people in raids on villages this year.", True),
        ("Police say 25 traders have been killed in the city last month.", True),
    ],
)
def test_period_tally(nlp, text, tally):
    assert bool(period_tally(next(nlp(text).sents))) is tally


@pytest.mark.parametrize(
    ("text", "day", "apart"),
    [
        # a period: a tally, whatever the incident's day
        ("The army has killed 200 rebels in the province this year.", None, True),
        ("Troops have killed some 80 militants since January.", "2024-03-19", True),
        ("Soldiers killed 40 rebels in the region in February.", "2024-03-19", True),
        ("Bandits have killed 30 herders in the past two weeks.", None, True),
        # the incident's own day, or a day that cannot be told from it: the incident's dead
        ("Troops killed nine of the attackers in the fighting on Tuesday afternoon.", "2024-03-19", False),
        ("Troops killed nine of the attackers on Tuesday.", None, False),
        ("Nine militants were killed the same day.", "2024-03-19", False),
        # another day than the incident's: another incident's dead
        ("Troops killed nine militants on Sunday.", "2024-03-19", True),
        # a report's date is not the count's
        ("Nine militants were killed, the army said on Sunday.", "2024-03-19", False),
    ],
)
def test_dated_apart(nlp, text, day, apart):
    sent = next(nlp(text).sents)
    assert dated_apart(sent, dt.date(2024, 3, 20), day) is apart


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Gunmen have killed 30 people in an attack on a market in Kano, Nigeria, earlier this month.", 30),
        ("Militants have killed 14 villagers in a raid on a farming settlement in Borno, Nigeria, last month.", 14),
        ("Insurgents have killed 11 soldiers in an ambush near Mogadishu, Somalia, this year.", 11),
    ],
)
def test_an_incident_dated_by_its_month_or_year(extractor, text, toll):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2024, 3, 20)))
    assert [event.fatalities for event in result.events] == [toll]


@pytest.mark.parametrize(
    "text",
    [
        "The army has killed 200 rebels in the province this year.",
        "More than 300 people have been killed in the state so far this year.",
    ],
)
def test_a_tally_over_a_month_or_year_gives_no_event(extractor, text):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2024, 3, 20)))
    assert not result.events
