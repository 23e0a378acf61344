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


# Source: sentences written for these tests, with invented or generic names; none follows an evaluation text.
@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # what a deed is blamed (pinned) on did it: "on" names the doer, not the target
        ("Twelve villagers were killed in an attack blamed on ADF rebels near Beni, Congo.",
         "Allied Democratic Forces", "Civilians (Democratic Republic of Congo)"),
        ("Nine herders were killed near Djibo, Burkina Faso, in an attack that officials blamed on Ansaroul Islam.",
         "Ansarul Islam", "Civilians (Burkina Faso)"),
        ("Four traders were shot dead near Gao, Mali, in a raid the authorities pinned on JNIM.",
         "Jama'at Nusrat al-Islam wal-Muslimin", "Civilians (Mali)"),
        # guards (they hold with the blame rule off too): a subject's blame leaves the deed's own sides, and the
        # wounded soldiers' side stays first in a battle
        ("A bombing blamed on al-Shabaab killed five traders at a market in Mogadishu, Somalia.", "Al-Shabaab",
         "Civilians (Somalia)"),
        ("Two soldiers were wounded in an ambush blamed on ISWAP fighters near Maiduguri, Nigeria.",
         "Military Forces of Nigeria", "Islamic State West Africa Province"),
        # an attack on a group, a strike on its bases: "on" names the target
        ("Five soldiers died in an attack on ADF positions near Beni, Congo.",
         "Military Forces of Democratic Republic of Congo", "Allied Democratic Forces"),
        ("Government forces launched strikes on al-Shabaab bases near Baidoa, Somalia, killing ten fighters.",
         "Military Forces of Somalia", "Al-Shabaab"),
        # blamed for the deaths: the blamed is the doer as ever, the dead the victims
        ("Residents blamed the army for the deaths of six herders shot near Kutum, Sudan.", "Military Forces of Sudan",
         "Civilians (Sudan)"),
    ],
)
def test_what_a_deed_is_blamed_on_did_it(extractor, text, actor1, actor2):
    event = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20))).events[0]
    assert (event.actor1, event.actor2) == (actor1, actor2)
