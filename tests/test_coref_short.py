"""Short notes (graph/extract/events/coref.py, ``merge_mentions(short=True)``): a sentence right after an
incident that only details it joins it, whatever event it reads as; one with its own place, date, attackers
or a word of another incident stays apart."""

from __future__ import annotations

import pytest

from graph.extract.events.coref import merge_mentions
from graph.extract.events.mentions import EventMention
from graph.records import Event

ARMY, GROUP, OTHER = "Military Forces of Chad", "Boko Haram", "Islamic State West Africa"
CLASH = ("Battles", "Armed clash")
SHELLS = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
AIR = ("Explosions/Remote violence", "Air/drone strike")
GRENADE = ("Explosions/Remote violence", "Grenade")
BURNT = ("Strategic developments", "Looting/property destruction")
RIOT = ("Riots", "Violent demonstration")
MARCH = ("Protests", "Peaceful protest")


def mention(evidence: str, typed=CLASH, actors=(None, None), place=None, date=None, toll=None) -> EventMention:
    """One sentence's event; no date means the publication month, no place means the note's main place."""
    start = hash(evidence) % 1000
    event = Event(id=f"event/s-{start}", event_type=typed[0], sub_event_type=typed[1], actor1=actors[0],
                  actor2=actors[1], location=place or "Bol", date=date or "2024-05",
                  date_precision="day" if date else "month", fatalities=toll, evidence=evidence, start=start,
                  end=start + len(evidence))
    return EventMention(event, dated=date is not None, placed=place is not None)


@pytest.mark.parametrize(
    ("mentions", "count"),
    [
        # a weapon detail of the clash
        ([mention("Boko Haram fighters attacked an army post in Bol.", actors=(GROUP, ARMY), place="Bol"),
          mention("Both sides used mortars.", typed=SHELLS)], 1),
        # the casualties of an air strike, read as shelling
        ([mention("Jets struck a camp near Bol.", typed=AIR, actors=(ARMY, None), place="Bol"),
          mention("The bombardment killed a number of herders.", typed=SHELLS, toll=10)], 1),
        # the attackers of the clash threw a grenade at the same place
        ([mention("Police exchanged fire with gunmen in Bol.", actors=(ARMY, GROUP), place="Bol"),
          mention("The gunmen threw a grenade at the police in Bol.", typed=GRENADE, actors=(GROUP, ARMY),
                  place="Bol")], 1),
        # a rioting crowd set a building on fire
        ([mention("Youths rioted in Bol over the election.", typed=RIOT, place="Bol"),
          mention("A town hall was set on fire.", typed=BURNT)], 1),
        # "also" and "another" add a step or a victim when the sentence names no party of its own
        ([mention("Boko Haram fighters raided an army camp near Bol.", actors=(GROUP, ARMY), place="Bol"),
          mention("Warplanes also struck the fighters as they withdrew.", typed=AIR, actors=(ARMY, None))], 1),
        ([mention("Gunmen ambushed a patrol near Bol, wounding a soldier.", actors=(GROUP, ARMY), place="Bol"),
          mention("Another soldier died of his wounds.", actors=(ARMY, None), toll=1)], 1),
        # a detail with no date of its own fits an incident the note dates
        ([mention("Police exchanged fire with gunmen in Bol on 2 May.", actors=(ARMY, GROUP), place="Bol",
                  date="2024-05-02"),
          mention("The gunmen threw a grenade that failed to go off.", typed=GRENADE, actors=(GROUP, None))], 1),
    ],
)
def test_a_detail_of_the_incident_joins_it(mentions, count):
    merged = merge_mentions(mentions, short=True)
    assert len(merged) == count
    assert (merged[0].event.event_type, merged[0].event.sub_event_type) == (mentions[0].event.event_type,
                                                                          mentions[0].event.sub_event_type)


@pytest.mark.parametrize(
    "mentions",
    [
        # its own place
        [mention("Boko Haram fighters attacked an army post in Bol.", actors=(GROUP, ARMY), place="Bol"),
         mention("Shells fell on Baga Sola.", typed=SHELLS, place="Baga Sola")],
        # its own date beside an undated incident
        [mention("Boko Haram fighters attacked an army post.", actors=(GROUP, ARMY)),
         mention("Jets struck the group on 12 May.", typed=AIR, actors=(ARMY, GROUP), date="2024-05-12")],
        # other attackers
        [mention("Boko Haram fighters attacked an army post.", actors=(GROUP, ARMY)),
         mention("Islamic State fighters shelled a market.", typed=SHELLS, actors=(OTHER, "Civilians (Chad)"))],
        # a word of another incident
        [mention("Boko Haram fighters attacked an army post.", actors=(GROUP, ARMY)),
         mention("Separately, a grenade was thrown at a bar.", typed=GRENADE)],
        # "another" that names another incident, and "also" with a party of its own
        [mention("Boko Haram fighters attacked an army post.", actors=(GROUP, ARMY)),
         mention("In another attack, a grenade hit a bar.", typed=GRENADE)],
        [mention("Boko Haram fighters attacked an army post.", actors=(GROUP, ARMY)),
         mention("Islamic State fighters also shelled a market.", typed=SHELLS, actors=(OTHER, None))],
        # people who protest the attack
        [mention("Boko Haram fighters attacked an army post.", actors=(GROUP, ARMY)),
         mention("Residents marched against the insecurity.", typed=MARCH)],
    ],
)
def test_a_sentence_with_its_own_place_date_attackers_or_another_incident_stays_apart(mentions):
    assert len(merge_mentions(mentions, short=True)) == 2


def test_a_long_article_keeps_the_stricter_rule():
    mentions = [mention("Boko Haram fighters attacked an army post in Bol.", actors=(GROUP, ARMY), place="Bol"),
                mention("Both sides used mortars.", typed=SHELLS)]
    assert len(merge_mentions(mentions)) == 2


def test_a_detail_keeps_the_type_the_incident_was_told_with():
    attack = mention("Gunmen shot a trader dead in Bol.", typed=("Violence against civilians", "Attack"),
                     actors=(GROUP, "Civilians (Chad)"), place="Bol", toll=1)
    clash = mention("Three gunmen stormed his shop and fired at him.", actors=(GROUP, None), toll=1)
    [incident] = merge_mentions([attack, clash], short=True)
    assert (incident.event.event_type, incident.event.fatalities) == ("Violence against civilians", 1)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a short note: the mortar fire is a detail of the attack
        ("Boko Haram fighters attacked an army base in Bol on 3 May 2024. Both sides fired mortars during the "
         "fighting.", 1),
    ],
)
def test_a_short_note_through_the_extractor(text, count):
    import datetime as dt

    from graph.extract.pipeline import Extractor
    from graph.records import Article

    result = Extractor().extract(Article(id="note-1", text=text, published=dt.date(2024, 5, 4)))
    assert len(result.events) == count


def test_a_peaceful_protest_turned_violent_is_a_riot_of_rioters():
    march = mention("Residents protested in Bol over water cuts.", typed=MARCH, actors=("Protesters (Chad)", None),
                    place="Bol")
    stones = mention("Some of them threw stones at cars.", typed=RIOT, actors=("Rioters (Chad)", None))
    [incident] = merge_mentions([march, stones], short=True)
    assert (incident.event.event_type, incident.event.sub_event_type, incident.event.actor1) == (
        "Riots", "Violent demonstration", "Rioters (Chad)")


def test_a_bomb_after_a_fight_is_an_incident_of_its_own():
    fight = mention("Militants attacked an army post near Bol.", actors=(GROUP, ARMY), place="Bol")
    bomb = mention("Five soldiers were killed by a roadside bomb.",
                   typed=("Explosions/Remote violence", "Remote explosive/landmine/IED"), toll=5)
    assert len(merge_mentions([fight, bomb], short=True)) == 2
