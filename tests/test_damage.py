"""Looting and destruction told with another incident (graph/extract/events/damage.py): part of that incident in
a short note, as ACLED's codebook codes them; a protest with destruction is a violent demonstration."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.events.damage import fold_damage
from graph.extract.events.lexicon import taxonomy
from graph.records import Event

POLICE, CROWD, ARMY, GROUP = "Police Forces of Kenya", "Protesters (Kenya)", "Military Forces of Chad", "Boko Haram"


def typed(sub: str) -> tuple[str, str]:
    """(event type, sub-event type) of a codebook sub-event type."""
    return taxonomy()[sub], sub


LOOT, CLASH = typed("Looting/property destruction"), typed("Armed clash")
MARCH, FORCE = typed("Peaceful protest"), typed("Excessive force against protesters")
RIOT, ARREST = typed("Violent demonstration"), typed("Arrests")


def event(start: int, kind: tuple[str, str], actors=(None, None), text: str = "", day: str = "2024-05-01") -> Event:
    """One event read from the sentence ``text`` at character ``start`` of a note."""
    return Event(id=f"event/n-{start}", event_type=kind[0], sub_event_type=kind[1], actor1=actors[0],
                 actor2=actors[1], location="Bol", date=day, evidence=text or f"Sentence {start}.", start=start,
                 end=start + 10)


@pytest.mark.parametrize(
    ("events", "kept"),
    [
        # shops looted during the clashes: the clashes', with the looting as one more evidence
        ([event(0, CLASH, (ARMY, GROUP)), event(50, LOOT)], [(CLASH, (ARMY, GROUP), 1)]),
        # buses torched beside a peaceful march: the march was a violent demonstration
        ([event(0, LOOT), event(40, MARCH, (CROWD, None))], [(RIOT, (CROWD, None), 1)]),
        # the police fired on the crowd that burnt a car: the crowd first, the force it met second
        ([event(0, FORCE, (POLICE, CROWD)), event(60, LOOT)], [(RIOT, (CROWD, POLICE), 1)]),
        # a crowd's event before a clash in the same note takes the destruction
        ([event(0, CLASH, (ARMY, GROUP)), event(30, MARCH, (CROWD, None)), event(90, LOOT)],
         [(CLASH, (ARMY, GROUP), 0), (RIOT, (CROWD, None), 1)]),
        # looting alone, or beside an arrest only, is an event of its own
        ([event(0, LOOT, (GROUP, None))], [(LOOT, (GROUP, None), 0)]),
        ([event(0, LOOT), event(40, ARREST, (POLICE, None))], [(LOOT, (None, None), 0), (ARREST, (POLICE, None), 0)]),
        # a school burnt "also", or on another day, is another incident
        ([event(0, CLASH, (ARMY, GROUP)), event(50, LOOT, text="They also burnt a school in Kidal.")],
         [(CLASH, (ARMY, GROUP), 0), (LOOT, (None, None), 0)]),
        ([event(0, CLASH, (ARMY, GROUP)), event(50, LOOT, day="2024-05-03")],
         [(CLASH, (ARMY, GROUP), 0), (LOOT, (None, None), 0)]),
    ],
)
def test_damage_folds_into_the_incident(events, kept):
    got = [((e.event_type, e.sub_event_type), (e.actor1, e.actor2), len(e.more_evidence)) for e in fold_damage(events)]
    assert got == kept


def test_folded_looting_keeps_its_sentence():
    clash, loot = event(0, CLASH, (ARMY, GROUP)), event(50, LOOT)
    (merged,) = fold_damage([clash, loot])
    assert [(m.text, m.start) for m in merged.more_evidence] == [(loot.evidence, 50)]


def extract(text: str):
    """The events of a hand-written note."""
    from graph.extract.pipeline import Extractor
    from graph.records import Article

    return Extractor().extract(Article(id="n", text=text, published=dt.date(2024, 5, 2))).events


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Soldiers clashed with Boko Haram fighters in Bol on Monday. The fighters looted the market stalls.",
         [("Battles", "Armed clash")]),
        ("Hundreds of dockworkers marched through Mombasa over unpaid wages. Some set fire to a police car.",
         [("Riots", "Violent demonstration")]),
        ("Militiamen looted a grain store outside Dorvani. Most of the province is controlled by separatist fighters.",
         [("Strategic developments", "Looting/property destruction")]),
        # destruction by someone other than the crowd (a force, unknown men) is an event of its own
        ("Hundreds of students marched peacefully through Mombasa on Monday. Police set fire to their tents.",
         [("Protests", "Peaceful protest"), ("Strategic developments", "Looting/property destruction")]),
        ("Hundreds of students marched peacefully through Mombasa on Monday. Unknown men torched a bank in the town.",
         [("Protests", "Peaceful protest"), ("Strategic developments", "Looting/property destruction")]),
    ],
)
def test_short_notes_give_one_event(text, types):
    assert [(e.event_type, e.sub_event_type) for e in extract(text)] == types
