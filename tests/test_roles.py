"""Who did what to whom (events/roles.py): the dead of a strike are its victims, a person named beside his group is
its member, and one side's dead are not two sides, on hand-written notes."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.pipeline import Extractor
from graph.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize(
    ("text", "actor1", "actor2", "assoc1", "assoc2"),
    [
        # a person named in apposition to a noun that a party modifies is that party's member, on its side, whether
        # the side was hit or did it
        ("Soldiers shot dead an ISWAP commander, Bakura Modu, near Damaturu, Nigeria.", "Military Forces of Nigeria",
         "Islamic State West Africa Province", (), ()),
        ("A police sergeant, Peter Okafor, shot dead a Boko Haram commander near Maiduguri, Nigeria.",
         "Police Forces of Nigeria", "Boko Haram", (), ()),
        # who dies is the victim, not who killed
        ("Three al-Shabaab fighters perished in a drone strike near Baidoa, Somalia.", None, "Al-Shabaab", (), ()),
        ("A Taliban commander succumbed to wounds from an air raid in Helmand, Afghanistan.", None, "Taliban", (), ()),
        ("Two herders died when a drone struck their camp near Kutum, Sudan.", "Military Forces of Sudan",
         "Civilians (Sudan)", (), ()),
        ("Two Boko Haram fighters died in clashes with soldiers near Bama, Nigeria.",
         "Military Forces of Nigeria", "Boko Haram", (), ()),
        # soldiers and the vigilantes beside them killed together are one side's dead; the other side is unnamed
        ("Two soldiers and three vigilantes were killed near Monguno, Nigeria, on Monday.",
         "Military Forces of Nigeria", "Unidentified Armed Group (Nigeria)", ("Vigilante Militia (Nigeria)",), ()),
        # soldiers and militants killed together are the two sides
        ("Two soldiers and four militants were killed in fighting near Kidal, Mali.",
         "Military Forces of Mali", "Unidentified Armed Group (Mali)", (), ()),
    ],
)
def test_sides_of_the_dead(extractor, text, actor1, actor2, assoc1, assoc2):
    event = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20))).events[0]
    assert (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2) == (actor1, actor2, assoc1, assoc2)
