"""A headline's present-tense verb of violence that the small model reads as a noun: made the sentence's verb, with
its doer and its victims, on hand-written headlines and notes."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.parse.nlp import build_nlp
from graph.extract.pipeline import Extractor
from graph.records import Article


def _roles(doc) -> tuple[str, str, str]:
    """The root's text, and the texts of its subject and object."""
    root = next(t for t in doc if t.dep_ == "ROOT")
    subject = next((t.text for t in root.children if t.dep_ == "nsubj"), "")
    obj = next((t.text for t in root.children if t.dep_ == "dobj"), "")
    return root.text, subject, obj


@pytest.mark.parametrize(
    ("text", "verb", "subject", "obj"),
    [
        ("Militiamen attack traders near Bunia.", "attack", "Militiamen", "traders"),  # a compound of "traders"
        ("Soldiers detain bloggers in Bahir Dar.", "detain", "Soldiers", "bloggers"),  # a verb hung on a noun
        ("Hunters loot shops in Bangassou.", "loot", "Hunters", "shops"),
        ("Islamists torch churches in Kano.", "torch", "Islamists", "churches"),
        ("ZANU-PF youths assault vendors in Mbare.", "assault", "youths", "vendors"),  # the old root was the doer
        ("Mai-Mai attack FARDC positions in Walikale.", "attack", "Mai", "positions"),  # a hyphen inside a name
        ("In Kanyama, PF cadres attack singers hired by UPND.", "attack", "cadres", "singers"),  # "In" was the root
        ("Police arrest suspects in Kano.", "arrest", "Police", "suspects"),  # people the deed is done to
    ],
)
def test_a_headline_verb_read_as_a_noun_becomes_the_verb(text, verb, subject, obj):
    doc = build_nlp()(text)
    assert _roles(doc) == (verb, subject, obj)
    assert doc[[t.text for t in doc].index(verb)].pos_ == "VERB"
    assert len(list(doc.sents)) == 1


# Guards: each holds with the component off as well; they check it leaves alone what it must.
@pytest.mark.parametrize(
    "text",
    [
        "A Boko Haram attack killed six people in Borno.",  # the sentence has its own verb
        "Rebel attack victims in Beni.",  # a singular noun before: a compound noun, no headline verb
        "Herders' attack on farmers in Benue.",  # a possessive: the attack is a noun
        "Police did not detain protesters in Kampala.",  # parsed as a verb already
        # review 19 M2: a phrase with "the", or a noun the verb makes a compound with, is a noun phrase
        "The ADF attack victims in Beni.",
        "ADF attack survivors in Oicha.",
        "Kismayo attack anniversary in Jubaland.",
        "Ansaru kidnap survivors in Kaduna.",
        "Chad attack helicopters in Tibesti.",
    ],
)
def test_a_noun_or_a_parsed_verb_is_left_as_it_is(text):
    nlp = build_nlp()
    with nlp.select_pipes(disable=["headline_verbs"]):
        before = [(t.pos_, t.dep_, t.head.i) for t in nlp(text)]
    assert [(t.pos_, t.dep_, t.head.i) for t in nlp(text)] == before


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1", "actor2"),
    [
        # party cadres who attack people: the party's violence against civilians, not a battle with unknown men
        ("UPND cadres attack singers in Choma, Zambia.", "Attack", "UPND", "Civilians (Zambia)"),
        # a people named as the doer of a raid on a village: its militia; no event before
        ("Fulanis attack Angwan Rimi in Kaura, Kaduna state.", "Attack", "Fulani Ethnic Militia (Nigeria)",
         "Civilians (Nigeria)"),
        # soldiers who loot shops take from civilians, not from their own army
        ("SPLA soldiers loot shops in Yei, South Sudan.", "Looting/property destruction", "SPLA",
         "Civilians (South Sudan)"),
    ],
)
def test_a_headline_verb_has_its_doer_and_victims(extractor, text, sub_event_type, actor1, actor2):
    events = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20))).events
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events][:1] == [(sub_event_type, actor1, actor2)]
