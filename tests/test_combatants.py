"""Battles and attacks on civilians told apart by the parties: two armed sides fight a battle; a member of
the forces attacked at home is a civilian; a government official is a civilian."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.pipeline import Extractor
from graph.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1", "actor2"),
    [
        # soldiers killing rebels fight a battle, whatever the verb
        ("Troops encountered Boko Haram near Bama, Nigeria, and killed two militants.", "Armed clash",
         "Military Forces of Nigeria", "Boko Haram"),
        # a policeman shot at home: an attack on a civilian, the unknown gunmen first
        ("A policeman was shot dead in front of his home in Arish, Egypt, by unknown gunmen.", "Attack",
         "Unidentified Armed Group (Egypt)", "Civilians (Egypt)"),
        ("Gunmen stormed the home of a police officer in Arish, Egypt, and shot him dead.", "Attack",
         "Unidentified Armed Group (Egypt)", "Civilians (Egypt)"),
        # one soldier's or gendarme's own home attacked, no fight told: he is a civilian there, whatever the voice
        ("A gendarme's house in Ouagadougou, Burkina Faso, was attacked by gunmen overnight and he died of his "
         "wounds.", "Attack", "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"),
        ("Suspected militants opened fire at a policeman's house in Arish, Egypt, on Sunday, killing him.", "Attack",
         "Unidentified Armed Group (Egypt)", "Civilians (Egypt)"),
        # a state man's home merely named in a fight of his forces (guarded, burned, on the way to) leaves a battle
        ("Soldiers guarding a policeman's home in Arish, Egypt, clashed with gunmen and killed two of them.",
         "Armed clash", "Military Forces of Egypt", "Unidentified Armed Group (Egypt)"),
        ("Al-Shabaab fighters attacked a military camp in Baidoa, Somalia, and burned a soldier's house, killing four "
         "soldiers.", "Armed clash", "Military Forces of Somalia", "Al-Shabaab"),
        ("Militants ambushed a patrol on the road to a soldier's house near Gao, Mali, killing three troops in the "
         "clash.", "Armed clash", "Military Forces of Mali", "Unidentified Armed Group (Mali)"),
        # the homes of a force as a body are no man's own
        ("Armed men raided the army's houses at the barracks in Gao, Mali, killing two soldiers.", "Armed clash",
         "Military Forces of Mali", "Unidentified Armed Group (Mali)"),
        # the houses of fighters raided by soldiers stay a battle
        ("Soldiers stormed the militants' houses near Bama, Nigeria, and killed two fighters.", "Armed clash",
         "Military Forces of Nigeria", "Unidentified Armed Group (Nigeria)"),
        # soldiers who raid a house and kill a civilian are the attackers, not the victims
        ("Soldiers raided a house in Gao, Mali, and killed a civilian.", "Attack", "Military Forces of Mali",
         "Civilians (Mali)"),
        # lethal force against protesters: the state's forces first, the protesters second
        ("Soldiers fired on protesters in Ambo, Ethiopia, killing two.", "Excessive force against protesters",
         "Military Forces of Ethiopia", "Protesters (Ethiopia)"),
        # a bomb that hit soldiers: the state first, the unknown bomber second (not the wounded as civilians)
        ("Two soldiers were killed and three wounded when a roadside bomb hit their vehicle near Arish, Egypt.",
         "Remote explosive/landmine/IED", "Military Forces of Egypt", "Unidentified Armed Group (Egypt)"),
        # a government official is a civilian, not the state's forces
        ("Unidentified gunmen attacked and killed a government official in Baidoa, Somalia.", "Attack",
         "Unidentified Armed Group (Somalia)", "Civilians (Somalia)"),
        # on-duty forces overpowered and carried off by an armed group: a battle, the captors first (violence
        # against civilians needs civilian victims)
        ("Jihadists abducted two soldiers manning a checkpoint in the north of Burkina Faso.", "Armed clash",
         "Unidentified Armed Group (Burkina Faso)", "Military Forces of Burkina Faso"),
        ("Gunmen kidnapped three policemen escorting a convoy near Gusau, Nigeria.", "Armed clash",
         "Unidentified Armed Group (Nigeria)", "Police Forces of Nigeria"),
        # a kidnapping for ransom stays an abduction whoever is taken
        ("Kidnappers abducted two soldiers near Kaduna, Nigeria, and demanded a ransom for their release.",
         "Abduction/forced disappearance", "Unidentified Armed Group (Nigeria)", "Military Forces of Nigeria"),
        # civilians carried off, and captives of the state, stay abductions
        ("Militants abducted two nurses near Mogadishu, Somalia.", "Abduction/forced disappearance",
         "Unidentified Armed Group (Somalia)", "Civilians (Somalia)"),
        ("Soldiers abducted a journalist in Bamako, Mali.", "Abduction/forced disappearance",
         "Military Forces of Mali", "Civilians (Mali)"),
    ],
)
def test_parties_decide_battle_or_attack(extractor, text, sub_event_type, actor1, actor2):
    event = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20))).events[0]
    assert (event.sub_event_type, event.actor1, event.actor2) == (sub_event_type, actor1, actor2)


def test_off_duty_victims_forces_stay_an_associate(extractor):
    text = "A policeman was shot dead in front of his home in Arish, Egypt, by unknown gunmen."
    event = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20))).events[0]
    assert event.assoc_actor_2 == ("Police Forces of Egypt",)


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # a headline's attack whose target the story's own parties name: two armed sides fight a battle
        ("FARC Dissidents Attack Police Station In Cauca\n\nPolice fought FARC dissidents near Suarez, Cauca, on "
         "Monday.", "Police Forces of Colombia", "Revolutionary Armed Forces of Colombia"),
        ("Al-Shabaab Attacks Army Base In Wanlaweyn\n\nSoldiers fought al-Shabaab fighters near Wanlaweyn, Somalia, "
         "on Monday.", "Military Forces of Somalia", "Al-Shabaab"),
    ],
)
def test_parties_filled_from_the_story_decide_battle_or_attack(extractor, text, actor1, actor2):
    events = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20))).events
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events][:1] == [("Armed clash", actor1, actor2)]
