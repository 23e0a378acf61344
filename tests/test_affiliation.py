"""Unnamed attackers whose noun phrase ties them to a named group are that group (ACLED codes the group named)."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.records import Article


# Source: sentences written for these tests, with invented or generic names; none follows an evaluation text.
@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # "from", "affiliated with", "loyal to": the group named is the doer
        ("Gunmen from al-Shabaab killed two teachers in Wajir, Kenya.", "Al-Shabaab", "Civilians (Kenya)"),
        ("Armed men affiliated with the Islamic State kidnapped a priest in Mosul, Iraq.", "Islamic State",
         "Civilians (Iraq)"),
        ("Gunmen loyal to Boko Haram killed four farmers near Gombe, Nigeria.", "Boko Haram", "Civilians (Nigeria)"),
        # the participle of belonging parsed as the sentence's verb, the deed as a clause of it
        ("Gunmen linked to al-Shabaab killed four teachers near Mombasa, Kenya.", "Al-Shabaab", "Civilians (Kenya)"),
        ("Gunmen allied to Boko Haram abducted 20 women near Gombe, Nigeria.", "Boko Haram", "Civilians (Nigeria)"),
        # "<X>-linked" (affiliated, allied) men are X's own, whether or not their noun reads as gunmen
        ("JNIM-linked fighters abducted three traders near Mopti, Mali.", "Jama'at Nusrat al-Islam wal-Muslimin",
         "Civilians (Mali)"),
        ("Al-Shabaab-linked gunmen killed four teachers in Mombasa, Kenya.", "Al-Shabaab", "Civilians (Kenya)"),
        ("Boko Haram-affiliated fighters shot dead two hunters near Maiduguri, Nigeria.", "Boko Haram",
         "Civilians (Nigeria)"),
        # a guard (it holds with the "<X>-linked" rule off too): X's men as the victims leave X the target
        ("Soldiers killed five al-Shabaab-linked militants near Baidoa, Somalia.", "Military Forces of Somalia",
         "Al-Shabaab"),
        ("Gunmen attacked a camp of JNIM-linked fighters near Mopti, Mali, killing three.",
         "Unidentified Armed Group (Mali)", "Jama'at Nusrat al-Islam wal-Muslimin"),
        # groups linked to X are other groups than X
        ("JNIM-linked groups abducted three traders near Mopti, Mali.", "Unidentified Armed Group (Mali)",
         "Civilians (Mali)"),
        # "<men> suspected (believed) to be X" describes the doers of the deed the sentence tells, parsed with the
        # participle as the verb and the deed as its clause: the deed is told, not suspected
        ("Gunmen suspected to be JNIM fighters killed four traders near Mopti, Mali.",
         "Jama'at Nusrat al-Islam wal-Muslimin", "Civilians (Mali)"),
        ("Gunmen suspected to be al-Shabaab fighters killed four teachers in Mombasa, Kenya.", "Al-Shabaab",
         "Civilians (Kenya)"),
        ("Fighters suspected to be JNIM members attacked a convoy near Gao, Mali, killing two soldiers.",
         "Military Forces of Mali", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("Gunmen suspected to be ADF rebels killed nine farmers near Beni, Congo.", "Allied Democratic Forces",
         "Civilians (Democratic Republic of Congo)"),
        ("Gunmen thought to be ISWAP fighters killed six fishermen near Maiduguri, Nigeria.",
         "Islamic State West Africa Province", "Civilians (Nigeria)"),
        # a group the gunmen act on is their target, not who they are
        ("Gunmen killed two al-Shabaab defectors in Wajir, Kenya.", "Unidentified Armed Group (Kenya)", "Al-Shabaab"),
        ("Gunmen opened fire on al-Shabaab fighters near Wajir, Kenya.", "Unidentified Armed Group (Kenya)",
         "Al-Shabaab"),
        # a group tied to something else than the gunmen is not who they are
        ("Gunmen killed four traders at a market near Mombasa, Kenya, that police linked to al-Shabaab.",
         "Unidentified Armed Group (Kenya)", "Civilians (Kenya)"),
    ],
)
def test_gunmen_of_a_named_group_are_that_group(first_event, text, actor1, actor2):
    event, _ = first_event(text)
    assert (event.actor1, event.actor2) == (actor1, actor2)
    assert not any(name.startswith("Unidentified") for name in event.assoc_actor_1)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # a negated participle parsed as the verb states that no tie holds (_subject_tied's negation check)
        ("Gunmen not linked to al-Shabaab killed four teachers near Garissa, Kenya.", "Al-Shabaab"),
        ("Gunmen never affiliated with the Islamic State kidnapped a priest in Mosul, Iraq.", "Islamic State"),
        # a tie denied on the way from the group up to the gunmen's noun (_tied_to's negation check)
        ("Armed men who were not from Boko Haram abducted twelve women near Gombe, Nigeria.", "Boko Haram"),
        # a participle with an auxiliary states a tie, it is no reduced clause of the gunmen's deed
        ("The gunmen were not linked to Boko Haram, the army said after they killed six farmers near Maiduguri, "
         "Nigeria.", "Boko Haram"),
        ("The gunmen who killed six farmers near Maiduguri, Nigeria, were not affiliated with Boko Haram, police "
         "said.", "Boko Haram"),
        # a passive clause under the participle: the gunmen are acted on, not the doers
        ("Gunmen linked to al-Shabaab were killed by Kenyan soldiers in Lamu, Kenya.", "Al-Shabaab"),
        # "<X>-linked" men as the object of the deed are its victims, not X the doer (fails with any role allowed)
        ("Villagers killed three JNIM-linked fighters near Mopti, Mali.", "Jama'at Nusrat al-Islam wal-Muslimin"),
    ],
)
def test_a_denied_or_passive_tie_names_no_doer(first_event, text, group):
    event, _ = first_event(text)
    assert event.actor1 != group
    assert not (event.actor1 or "").startswith("Civilians")


@pytest.mark.parametrize(
    "text",
    [
        # a suspicion someone holds, or a passive "were suspected to have killed", tells no deed
        "Police suspected the gunmen killed four traders near Mopti, Mali.",
        "Residents suspected that JNIM fighters killed four traders near Mopti, Mali.",
        "Two men were suspected to have killed a trader near Mopti, Mali.",
    ],
)
def test_a_suspicion_held_tells_no_deed(extractor, text):
    assert extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20))).events == ()
