"""Claims and suspicions in a later sentence name the doer of the incident before them, and give no event."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.pipeline import Extractor
from graph.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def events_of(extractor, text: str):
    return extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20))).events


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # a claim of responsibility: the claimant is the bomber, the victims stay the victims
        ("A bomb exploded near the market in Gao, Mali, killing four people. The Islamic State in the Greater "
         "Sahara claimed responsibility.", "Islamic State Sahel Province", "Civilians (Mali)"),
        # a suspicion: the suspect replaces the unidentified gunmen
        ("Gunmen killed a teacher in Gao, Mali. JNIM is suspected.", "Jama'at Nusrat al-Islam wal-Muslimin",
         "Civilians (Mali)"),
        # a bomb against soldiers: the state first, the suspect second, as ACLED lists remote violence
        ("Two soldiers were killed when a mine hit their vehicle near Kidal, Mali. Suspicion fell on JNIM.",
         "Military Forces of Mali", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("A grenade was thrown at an army checkpoint in Marka, Somalia, killing one soldier. Al-Shabaab suspected.",
         "Military Forces of Somalia", "Al-Shabaab"),
        # a denial names no doer
        ("Gunmen killed a teacher in Gao, Mali. JNIM denied any responsibility.", "Unidentified Armed Group (Mali)",
         "Civilians (Mali)"),
        # a passive whose "by" names who did it
        ("Gunmen killed five villagers near Ouahigouya, Burkina Faso. The attack was claimed by JNIM.",
         "Jama'at Nusrat al-Islam wal-Muslimin", "Civilians (Burkina Faso)"),
        ("A roadside bomb killed two soldiers near Mopti, Mali. The device is believed to have been planted by JNIM.",
         "Military Forces of Mali", "Jama'at Nusrat al-Islam wal-Muslimin"),
        # an attack executed, conducted or mounted by X was carried out by X: no execution of its own
        ("Gunmen killed four traders near Mopti, Mali on Sunday. The raid was executed by JNIM, a security source "
         "said.", "Jama'at Nusrat al-Islam wal-Muslimin", "Civilians (Mali)"),
        ("A roadside bomb killed three soldiers near Gao, Mali on Monday. Officials said the operation was conducted "
         "by JNIM fighters.", "Military Forces of Mali", "Jama'at Nusrat al-Islam wal-Muslimin"),
        # a guard (it holds with "mount" off the deeds' verbs too, through the passive's agent): a hedged agent
        ("Gunmen shot dead two herders near Djibo, Burkina Faso. The ambush is thought to have been mounted by "
         "Ansaroul Islam.", "Ansarul Islam", "Civilians (Burkina Faso)"),
        # "attribute ... to X", active or passive: X did it; a cause that is no group names no doer
        ("A roadside bomb killed two soldiers near Segou, Mali. The governor attributed the blast to JNIM.",
         "Military Forces of Mali", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("Gunmen shot dead three herders near Djibo, Burkina Faso. The killings were attributed to JNIM.",
         "Jama'at Nusrat al-Islam wal-Muslimin", "Civilians (Burkina Faso)"),
        ("Gunmen shot dead three herders near Djibo, Burkina Faso. Residents attributed the killings to a feud over "
         "grazing land.", "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"),
        # who attributes is not named as the doer: only the group after "to" is
        ("Armed men shot eight farmers dead outside Ouahigouya, Burkina Faso. In a statement, JNIM attributed the "
         "shooting to government forces.", "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"),
        ("Armed men shot eight farmers dead outside Ouahigouya, Burkina Faso. The shooting was attributed to the "
         "army by JNIM.", "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"),
        ("Armed men shot eight farmers dead outside Ouahigouya, Burkina Faso. The shooting was attributed by the "
         "regional governor to JNIM.", "Jama'at Nusrat al-Islam wal-Muslimin", "Civilians (Burkina Faso)"),
        # the sentence that tells the toll also names the doer, with or without the word "claim"
        ("Gunmen opened fire in a crowded market in Gao, Mali. Three traders were killed, and police blamed JNIM for "
         "the attack.", "Jama'at Nusrat al-Islam wal-Muslimin", "Civilians (Mali)"),
        ("Gunmen stormed a village near Djibo, Burkina Faso. Seven villagers were killed in the raid, for which JNIM "
         "claimed responsibility.", "Jama'at Nusrat al-Islam wal-Muslimin", "Civilians (Burkina Faso)"),
        # the allies of a group are not the group: the doer stays unnamed
        ("Gunmen opened fire in a crowded market in Gao, Mali. Three traders were killed in the attack, carried out "
         "by allies of JNIM according to the mayor.", "Unidentified Armed Group (Mali)", "Civilians (Mali)"),
        # a sentence that says who the unnamed doers were names them ("were X fighters", "were members of X",
        # "belonged to X"); not when it denies it, names their allies, or names no group
        ("Gunmen killed seven farmers near Bamako, Mali on Friday. Local officials said the attackers were JNIM "
         "fighters.", "Jama'at Nusrat al-Islam wal-Muslimin", "Civilians (Mali)"),
        ("Gunmen killed seven farmers near Bamako, Mali on Friday. Witnesses said the gunmen were members of JNIM.",
         "Jama'at Nusrat al-Islam wal-Muslimin", "Civilians (Mali)"),
        ("A bomb killed two soldiers near Bamako, Mali. The army said the bombers belonged to JNIM.",
         "Military Forces of Mali", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("Gunmen killed seven farmers near Bamako, Mali on Friday. Police said the attackers were not JNIM fighters.",
         "Unidentified Armed Group (Mali)", "Civilians (Mali)"),
        ("Gunmen killed seven farmers near Bamako, Mali on Friday. The mayor said the gunmen were allies of JNIM.",
         "Unidentified Armed Group (Mali)", "Civilians (Mali)"),
        ("Gunmen killed seven farmers near Bamako, Mali on Friday. The mayor said the attackers were young men from a "
         "nearby village.", "Unidentified Armed Group (Mali)", "Civilians (Mali)"),
        # who the doers were left open (whether/if, a doubt, another possibility) names no one
        ("Gunmen killed seven farmers near Bamako, Mali on Friday. Police said it was unclear whether the attackers "
         "were JNIM fighters.", "Unidentified Armed Group (Mali)", "Civilians (Mali)"),
        ("Gunmen killed seven farmers near Bamako, Mali on Friday. Police said they did not know if the gunmen were "
         "members of JNIM or bandits.", "Unidentified Armed Group (Mali)", "Civilians (Mali)"),
        ("Gunmen killed seven farmers near Bamako, Mali on Friday. Residents doubted that the assailants belonged to "
         "JNIM.", "Unidentified Armed Group (Mali)", "Civilians (Mali)"),
        ("Gunmen killed seven farmers near Bamako, Mali on Friday. The governor said the killers were either JNIM "
         "fighters or local bandits.", "Unidentified Armed Group (Mali)", "Civilians (Mali)"),
        # another incident's doer is not this one's
        ("Gunmen killed five villagers near Ouahigouya, Burkina Faso. Five more were killed in a second attack "
         "carried out by JNIM.", "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"),
    ],
)
def test_claim_names_the_doer_of_the_event_before(extractor, text, actor1, actor2):
    events = events_of(extractor, text)
    assert len(events) == 1  # the claim is no event of its own
    assert (events[0].actor1, events[0].actor2) == (actor1, actor2)


def test_a_claim_that_tells_the_toll_gives_it(extractor):
    """"Seven villagers were killed in the raid, for which JNIM claimed responsibility": the doer and the toll."""
    events = events_of(extractor, "Gunmen stormed a village near Djibo, Burkina Faso. Seven villagers were killed in "
                                  "the raid, for which JNIM claimed responsibility.")
    assert [e.fatalities for e in events] == [7]


def test_a_suspected_group_doing_something_new_is_an_event(extractor):
    """"Suspected X fighters also burnt a school" is a second incident, not a suspicion about the first."""
    events = events_of(extractor, "Suspected JNIM fighters killed a teacher in Gao, Mali. Suspected JNIM fighters "
                                  "also burnt a school in Kidal.")
    assert len(events) == 2


@pytest.mark.parametrize(
    ("text", "first", "kinds"),
    [
        # the state's follow-up (an arrest, a sweep) told between the incident and the claim: the claim is the
        # incident's, and the arrest stays an event of its own
        ("Gunmen stormed a church in Kaduna, Nigeria on Sunday, killing eight worshippers. On Monday, soldiers "
         "arrested a local councillor in Zaria over a land dispute. Boko Haram later claimed responsibility for the "
         "church attack.", ("Boko Haram", "Civilians (Nigeria)"),
         ["Violence against civilians", "Strategic developments"]),
        ("A car bomb exploded at a checkpoint in Mogadishu, Somalia, killing four policemen. Police detained 12 "
         "people in a sweep of the district. Al-Shabaab claimed responsibility for the blast.",
         ("Police Forces of Somalia", "Al-Shabaab"), ["Explosions/Remote violence", "Strategic developments"]),
        # an incident whose doer is already named keeps it: the claim after the arrest names no one new for it
        ("JNIM fighters killed six villagers near Djibo, Burkina Faso. Police arrested three traders in "
         "Ouagadougou the next day. Ansarul Islam claimed responsibility for the attack.",
         ("Jama'at Nusrat al-Islam wal-Muslimin", "Civilians (Burkina Faso)"), None),
        # a claim for an incident elsewhere or of another kind is not this incident's
        ("Gunmen killed eight villagers in Zamfara, Nigeria. Police arrested 12 people in a raid. Boko Haram claimed "
         "responsibility for a bombing in Maiduguri on Monday.", ("Unidentified Armed Group (Nigeria)",
                                                                  "Civilians (Nigeria)"), None),
        ("Gunmen shot dead five herders near Tahoua, Niger. Soldiers detained ten men at a market. The Islamic State "
         "said it was behind an attack on a base near Niamey last week.", ("Unidentified Armed Group (Niger)",
                                                                          "Civilians (Niger)"), None),
        ("Gunmen shot dead five herders near Tahoua, Niger. Soldiers detained ten men at a market. The Islamic State "
         "claimed the roadside bomb.", ("Unidentified Armed Group (Niger)", "Civilians (Niger)"), None),
    ],
)
def test_a_claim_after_the_states_follow_up_names_the_incidents_doer(extractor, text, first, kinds):
    events = events_of(extractor, text)
    assert (events[0].actor1, events[0].actor2) == first
    if kinds is not None:
        assert [e.event_type for e in events] == kinds


JNIM = "Jama'at Nusrat al-Islam wal-Muslimin"
ISWAP = "Islamic State West Africa Province"
STATEMENT = ("Strategic developments", "Other")


@pytest.mark.parametrize(
    ("text", "sides", "statement"),
    [
        # a claim of several incidents names the doer of each earlier one whose doer was unnamed, past the state's
        # follow-up (claim_targets.py)
        ("A roadside bomb killed three soldiers near Mopti, Mali. Hours later, gunmen shot dead two traders in Segou. "
         "JNIM claimed responsibility for both attacks.",
         {"Mopti": ("Military Forces of Mali", JNIM), "Ségou": (JNIM, "Civilians (Mali)")}, False),
        ("Gunmen shot dead a village chief near Banfora, Burkina Faso. A bomb wounded four soldiers near Djibo. Police "
         "arrested six suspects. JNIM claimed responsibility for the attacks.",
         {"Banfora": (JNIM, "Civilians (Burkina Faso)"), "Djibo": ("Military Forces of Burkina Faso", JNIM)}, False),
        # an incident whose doer is named otherwise is not the claimant's; the claim reaches past it
        ("Gunmen ambushed a bus near Banfora, Burkina Faso, killing five passengers. Ansarul Islam fighters raided a "
         "village near Djibo. JNIM claimed responsibility for the attacks.",
         {"Banfora": (JNIM, "Civilians (Burkina Faso)"), "Djibo": ("Ansarul Islam", "Civilians (Burkina Faso)")},
         False),
        # an article: the claim of several is also the group's own statement
        ("Gunmen stormed a police station in Banfora, Burkina Faso, on Sunday, killing four officers. The attackers "
         "fled on motorbikes. On Monday, a bomb struck a military truck near Djibo, wounding six soldiers. Troops "
         "later arrested 15 suspects in the area. The government declared three days of mourning. JNIM claimed "
         "responsibility for the attacks on Tuesday, its spokesman said.",
         {"Banfora": ("Police Forces of Burkina Faso", JNIM), "Djibo": ("Military Forces of Burkina Faso", JNIM)},
         True),
        # an air strike the claim recalls is no blast it claims: the claim still reaches the shooting past the arrest
        ("Gunmen shot dead a village chief near Banfora, Burkina Faso. A bomb wounded four soldiers near Djibo. Police "
         "arrested six suspects. In a statement that also denounced air strikes on its camps, JNIM claimed "
         "responsibility for the attacks.",
         {"Banfora": (JNIM, "Civilians (Burkina Faso)"), "Djibo": ("Military Forces of Burkina Faso", JNIM)}, False),
        ("Gunmen shot dead a village chief near Banfora, Burkina Faso. A bomb wounded four soldiers near Djibo. Police "
         "arrested six suspects. Days after a drone strike on its camps, JNIM claimed responsibility for the attacks.",
         {"Banfora": (JNIM, "Civilians (Burkina Faso)"), "Djibo": ("Military Forces of Burkina Faso", JNIM)}, False),
        # no reach past an event of another kind: the claim then names the doer of nothing and is read as any
        # sentence, the group's statement (without the stop, Gao's gunmen become JNIM)
        ("Gunmen killed four farmers near Gao, Mali. Students protested in Bamako. JNIM claimed responsibility for "
         "the attacks.", {"Gao": ("Unidentified Armed Group (Mali)", "Civilians (Mali)")}, True),
        # a claim verb with incidents as its object is a claim of several as "claimed responsibility for" is
        # (claims._claimer; before it, both incidents kept their unidentified doers)
        ("Gunmen killed three soldiers in Kidal, Mali. Gunmen killed two traders in Gao. JNIM claimed the attacks.",
         {"Kidal": ("Military Forces of Mali", JNIM), "Gao": (JNIM, "Civilians (Mali)")}, False),
        ("Militants ambushed a patrol near Menaka, Mali, killing two soldiers. Gunmen shot dead a trader in Ansongo. "
         "JNIM claimed the raids.",
         {"Ménaka": ("Military Forces of Mali", JNIM), "Ansongo": (JNIM, "Civilians (Mali)")}, False),
        # ... but not when the claim verb is negated
        ("Gunmen killed three soldiers in Kidal, Mali. Gunmen killed two traders in Gao. JNIM did not claim the "
         "attacks.", {"Kidal": ("Military Forces of Mali", "Unidentified Armed Group (Mali)"),
                      "Gao": ("Unidentified Armed Group (Mali)", "Civilians (Mali)")}, False),
        # a claim that names places is for the incidents at them, each of them, and not for one elsewhere
        ("Gunmen killed three soldiers in Kidal, Mali. Gunmen abducted a teacher in Menaka. Gunmen killed two traders "
         "in Gao. JNIM claimed responsibility for the raids in Gao and Kidal.",
         {"Kidal": ("Military Forces of Mali", JNIM), "Ménaka": ("Unidentified Armed Group (Mali)", "Civilians (Mali)"),
          "Gao": (JNIM, "Civilians (Mali)")}, False),
        # no reach to an incident told more than a week before the nearest one
        ("Gunmen killed five villagers near Maiduguri, Nigeria, in 2014. Gunmen killed 12 people at a mosque in "
         "Damaturu on Tuesday. ISWAP claimed responsibility for the attacks.",
         {"Maiduguri": ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
          "Damaturu": (ISWAP, "Civilians (Nigeria)")}, False),
        ("Gunmen abducted a priest near Gombe, Nigeria, in March 2015. On Sunday, gunmen killed six farmers near "
         "Damaturu. ISWAP claimed responsibility for the attacks.",
         {"Gombe": ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
          "Damaturu": (ISWAP, "Civilians (Nigeria)")}, False),
        # an incident whose doer the state is, with no side left unnamed, is none of the claimant's
        ("Gunmen killed five soldiers near Idlib, Syria. Russian jets bombed a market in Ariha, killing nine. Hayat "
         "Tahrir al-Sham claimed responsibility for the attacks.",
         {"Idlib": ("Military Forces of Syria", "Hayat Tahrir al-Sham"),
          "Ariha District": ("Military Forces of Russia", "Civilians (Syria)")}, False),
        # the claim of one incident is for the last only
        ("Gunmen killed a teacher in Gao, Mali. Soldiers killed two gunmen in Kidal. JNIM claimed the attack.",
         {"Gao": ("Unidentified Armed Group (Mali)", "Civilians (Mali)"), "Kidal": ("Military Forces of Mali", JNIM)},
         False),
        # the killings of one incident are one incident: its doer, no statement
        ("Gunmen killed three aid workers in Gao, Mali. JNIM claimed the killings.",
         {"Gao": (JNIM, "Civilians (Mali)")}, False),
    ],
)
def test_claims_of_several_incidents(extractor, text, sides, statement):
    events = events_of(extractor, text)
    violent = {e.location: (e.actor1, e.actor2) for e in events if (e.event_type, e.sub_event_type) != STATEMENT
               and e.event_type != "Protests" and e.sub_event_type != "Arrests"}
    assert violent == sides
    assert any((e.event_type, e.sub_event_type, e.actor1) == (*STATEMENT, JNIM) for e in events) == statement
