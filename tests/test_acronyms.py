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
