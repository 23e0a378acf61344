"""Acronyms an article spells out in brackets name the actor before the brackets, on hand-written sentences."""

from __future__ import annotations

import pytest

from graph.extract.actors.find import find_actors
from graph.extract.parse.clean import clean_text


def owners(nlp, text: str, acronym: str) -> dict[str, str]:
    """name -> kind of every actor a mention of the acronym (alone or with a noun after it) belongs to."""
    table = find_actors(nlp(clean_text(text)))
    keys = {m.key for m in table.mentions if m.text.split()[0] == acronym}
    return {table.actors[k].name: table.actors[k].kind for k in keys}


@pytest.mark.parametrize(
    ("text", "acronym", "actor", "kind"),
    [
        # letters that are not the English name's initials, and a mention before the brackets
        ("NAS fighters attacked Yei on Monday. The National Salvation Front (NAS) said it killed four soldiers.",
         "NAS", "National Salvation Front", "armed_group"),
        ("The Central General Staff (EMC) attacked a police station in Cauca, Colombia. The EMC later denied it.",
         "EMC", "Central General Staff", "organization"),
        # a place inside the name; fighters of the acronym make the organisation an armed group
        ("Members of the Union for Peace in Central Africa (UPC) attacked Bambari. UPC fighters killed ten civilians.",
         "UPC", "Union for Peace", "armed_group"),
    ],
)
def test_a_spelt_out_acronym_names_the_actor_before_its_brackets(nlp, text, acronym, actor, kind):
    assert owners(nlp, text, acronym) == {actor: kind}


def test_a_person_before_brackets_keeps_his_group_apart(nlp):
    found = owners(nlp, "Spokesman John Okello (NAS) said the army attacked Yei.", "NAS")
    assert "John Okello" not in found and found


@pytest.mark.parametrize(
    ("text", "acronym", "actor"),
    [
        # a name no stage found, after another force's acronym: its initials beat the dictionary's Sudanese SAF
        ("Two guerrillas died in a gunfight with the Philippine National Police (PNP) – Special Action Force (SAF) "
         "in Samar on Friday.", "SAF", "Special Action Force"),
        ("The Special Action Force (SAF) raided a camp near Cotabato. The SAF said two gunmen were killed.",
         "SAF", "Special Action Force"),
    ],
)
def test_a_spelt_out_name_beats_the_dictionarys_reading_of_its_initials(nlp, text, acronym, actor):
    assert set(owners(nlp, text, acronym)) == {actor}



@pytest.mark.parametrize(
    "text",
    [
        "Two guerrillas died in a gunfight with elite police commandos (SAF) in Samar on Friday.",  # no name
        "Two guerrillas died in a gunfight with Police (PNP) – Scout Rangers (SAF) in Samar.",  # initials SR
    ],
)
def test_an_acronym_without_a_name_of_its_initials_keeps_the_dictionarys_reading(nlp, text):
    assert set(owners(nlp, text, "SAF")) == {"Military Forces of Sudan"}


@pytest.mark.parametrize(
    ("text", "acronym", "actor"),
    [
        # a numbered unit of an army is its state's forces, and so is the acronym it is spelt out with
        ("Three soldiers of the Army's 47th Infantry Battalion (IB) died near Himamaylan, Philippines. A week "
         "earlier the 11th IB clashed with rebels.", "IB", "Military Forces of Philippines"),
        ("Troops of the 4th Infantry Division (ID) clashed with rebels near Kalibo, Philippines. The ID said two "
         "rebels died.", "ID", "Military Forces of Philippines"),
    ],
)
def test_a_units_acronym_names_its_states_forces(nlp, text, acronym, actor):
    assert set(owners(nlp, text, acronym)) == {actor}


def test_the_rebels_of_a_spelt_out_acronym_are_one_actor_with_it(nlp):
    # "NPA rebels" first make an actor "NPA" that later "rebels" resolve to; the spelt-out name takes them all
    text = ("Police clashed with NPA rebels in Sipalay, Philippines. The New People's Army (NPA) said the rebels "
            "lost no one.")
    table = find_actors(nlp(clean_text(text)))
    rebels = {table.actors[m.key].name for m in table.mentions if m.text in {"rebels", "NPA rebels"}}
    assert rebels == {"New People's Army"}
    assert "NPA" not in {info.name for info in table.actors.values()}
