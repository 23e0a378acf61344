"""Who reacts to an incident or reports it is no party of it: a condemner, a denier, an investigator, a source named
between a comma and its reporting verb."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.pipeline import Extractor
from graph.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def only_event(extractor, text: str):
    events = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20))).events
    assert len(events) == 1
    return events[0]


@pytest.mark.parametrize(
    ("text", "actor1", "actor2", "voice"),
    [
        # the subject of a verb of reaction to the deed only comments on it
        ("Amnesty International and the African Union condemned an ambush in which gunmen killed six teachers near "
         "Nakuru, Kenya.", "Unidentified Armed Group (Kenya)", "Civilians (Kenya)", "African Union"),
        ("Al-Shabaab denied any role in Tuesday's bombing of a hotel in Mogadishu, Somalia, which killed seven guests.",
         "Unidentified Armed Group (Somalia)", "Civilians (Somalia)", "Al-Shabaab"),
        ("Police are investigating an attack in which gunmen shot dead a trader in Mombasa, Kenya.",
         "Unidentified Armed Group (Kenya)", "Civilians (Kenya)", "Police Forces of Kenya"),
        # a condemnation told after the deed's own sentence makes no party either
        ("Gunmen shot dead eight traders at a cattle market near Maiduguri, Nigeria, on Sunday. The African Union "
         "condemned the killings.", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)", None),
        # a name between a comma and the reporting verb that ends the sentence is the source, however it is parsed
        ("Jihadists ambushed a convoy carrying food aid south of Timbuktu, Mali, the World Food Programme (WFP) said "
         "in a statement.", "Unidentified Armed Group (Mali)", None, "World Food Programme"),
        ("Gunmen stormed a clinic run by a charity near Mombasa, Kenya, the Kenya Red Cross Society (KRCS) said on "
         "Friday.", "Unidentified Armed Group (Kenya)", "Civilians (Kenya)", "KRCS"),
        # the doers stay doers: a reaction in a relative clause of theirs, a source after their deed, a doer who
        # speaks of its deed
        ("Soldiers who condemned the mutiny shot dead two deserters in Juba, South Sudan.",
         "Military Forces of South Sudan", "Civilians (South Sudan)", None),
        ("In Kidal, Mali, JNIM fighters attacked an army convoy, the governor said.", "Military Forces of Mali",
         "Jama'at Nusrat al-Islam wal-Muslimin", None),
        ("Troops clashed with rebels near Goma, Democratic Republic of Congo, and the Allied Democratic Forces said it "
         "had killed nine soldiers.", "Military Forces of Democratic Republic of Congo", "Allied Democratic Forces",
         None),
        # an "its" in the deed condemned is the deed's or its doer's, not the condemner's: the condemner stays a voice
        ("The African Union condemned the bombing of a market in Maiduguri, Nigeria, its deadliest attack this year, "
         "which killed nine people.", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)", "African Union"),
        ("The African Union condemned the attack on a market in Maiduguri, Nigeria, its third this month, in which "
         "gunmen killed nine traders.", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)", "African Union"),
        ("The United Nations condemned al-Shabaab's attack on a hotel in Mogadishu, Somalia, and its killing of ten "
         "guests.", "Al-Shabaab", "Civilians (Somalia)", "United Nations"),
        ("The European Union condemned Boko Haram's raid on a school in Potiskum, Nigeria, and its abduction of 200 "
         "girls.", "Boko Haram", "Civilians (Nigeria)", "European Union"),
        # who denounces a deed leaves its doer, named after "by", the doer
        ("Peter Ochieng, a spokesman for the Uganda Law Society, denounced the torture of two detained journalists by "
         "police in Gulu, Uganda.", "Police Forces of Uganda", "Civilians (Uganda)", None),
    ],
)
def test_who_comments_is_no_party(extractor, text, actor1, actor2, voice):
    event = only_event(extractor, text)
    assert (event.actor1, event.actor2) == (actor1, actor2)
    if voice is not None:
        assert voice not in event.assoc_actor_1 + event.assoc_actor_2
        assert voice in event.reported_by


@pytest.mark.parametrize(
    ("text", "side"),
    [
        # a force that regrets or mourns is the doer or the hit side: those verbs are no reaction of an onlooker
        ("The Chadian Air Force regretted the bombing of a camp near Tarmelo, Chad, that killed 30 civilians.",
         "Military Forces of Chad"),
        ("The Ugandan army mourned the six soldiers killed when insurgents raided its base near Gulu, Uganda.",
         "Military Forces of Uganda"),
        # a denial in a later sentence leaves the doer its report names
        ("Al-Shabaab fighters stormed a police station in Mogadishu, Somalia, on Monday, killing four officers. "
         "Al-Shabaab later denied carrying out the attack.", "Al-Shabaab"),
    ],
)
def test_who_reacts_to_its_own_deed_or_loss_stays_a_side(extractor, text, side):
    event = only_event(extractor, text)
    assert side in (event.actor1, event.actor2)
    assert side not in event.reported_by
