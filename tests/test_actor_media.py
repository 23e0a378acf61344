"""News outlets no dictionary lists: a name after an outlet noun, the name on a credit line, a state's unnamed
media; on hand-written text with invented outlets."""

from __future__ import annotations

import pytest

from graph.extract.actors.find import find_actors
from graph.extract.parse.clean import clean_text


def outlets_of(nlp, text: str) -> dict[str, set[str]]:
    """Name -> every text that named it, for the media actors of a text."""
    doc = nlp(clean_text(text))
    table = find_actors(doc)
    return {a.name: {m.text for m in a.mentions} for a in table.records([0] * len(doc)) if a.kind == "media"}


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Soldiers patrolled the market in Bouar on Sunday.\nPhoto: Kavuu Press\nThe army said two men died.",
         "Kavuu Press"),
        ("Gunmen burnt three houses near Mopti, Mali. One person died.\n\nSource: KNA\n\nComments", "KNA"),
        # the credit line of a caption that ends without a full stop
        ("Trucks of the army in Bouar, June 2024 Photo: Tamba Daily\nRebels attacked a police post.", "Tamba Daily"),
        ("Rebels raided a village near Pemba, according to the independent newssheet \u201cVoz do Rio\u201d.",
         "Voz do Rio"),
        ("The news website Kibanda Today reported that four soldiers died near Kindu.", "Kibanda Today"),
        ("Three traders were shot dead in Gao, the magazine Sahel Hebdo said.", "Sahel Hebdo"),
    ],
)
def test_a_credit_line_or_an_outlet_noun_names_a_news_outlet(nlp, text, outlet):
    assert outlet in outlets_of(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Photo: John Smith\nThe army shelled the hills above the town.",  # a photographer, no outlet
        "Source: Police said five people died in the fire in Kano.",  # the name does not end the line
        "The source: a letter that the governor signed on Monday.",
    ],
)
def test_a_credit_label_before_no_line_ending_name_names_no_outlet(nlp, text):
    assert not outlets_of(nlp, text)


@pytest.mark.parametrize(
    ("text", "outlet", "words"),
    [
        ("Gunmen killed five soldiers in Bamenda, Cameroon, local officials and state television said.",
         "State media (Cameroon)", "state television"),
        ("Troops retook Damasak on Monday, Nigerian state-run radio said.", "State media (Nigeria)",
         "Nigerian state-run radio"),
        ("Rebels shelled a base near Kidal, Mali, on Friday. State media said 12 people died.",
         "State media (Mali)", "State media"),
    ],
)
def test_a_states_unnamed_media_are_that_states_media(nlp, text, outlet, words):
    assert words in outlets_of(nlp, text).get(outlet, set())


def test_a_groups_name_before_tv_is_no_states_media(nlp):
    found = outlets_of(nlp, "Islamic State TV showed the attack on a base near Mosul, Iraq.")
    assert not any(name.startswith("State media") for name in found), found


@pytest.mark.parametrize(
    ("text", "monitor"),
    [
        ("According to the local human rights organisation Kivu Watch, 150 people have been killed in Beni.",
         "Kivu Watch"),
        ("The monitoring group Sahel Observers said 12 civilians died near Djibo, Burkina Faso.", "Sahel Observers"),
    ],
)
def test_a_name_after_a_rights_groups_noun_is_a_monitor(nlp, text, monitor):
    doc = nlp(clean_text(text))
    found = {a.name: a.kind for a in find_actors(doc).records([0] * len(doc))}
    assert found.get(monitor) == "monitor", found


def test_a_rights_group_before_no_name_names_no_monitor(nlp):
    doc = nlp(clean_text("A rights group on Monday said 12 people died in Goma."))
    assert not [a for a in find_actors(doc).records([0] * len(doc)) if a.kind == "monitor"]
