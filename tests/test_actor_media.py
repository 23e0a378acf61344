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
        ("Police fired tear gas at traders in Lusaka on Thursday.\nImage: Chanzo Times\nThe levy was withdrawn.",
         "Chanzo Times"),
        ("A mine wounded two soldiers on the road south of Juba.\n\nCredit: ZBN\n", "ZBN"),
        # the label follows the caption on its line, and the name ends it
        ("Smoke over the burnt market stalls Picture: Mtaa Herald\nThe fire started at night.", "Mtaa Herald"),
        ("The weekly Kijiji Voice reported that militia fighters had burned granaries east of Dodoma.",
         "Kijiji Voice"),
        ("The news website Kibanda Today reported that four soldiers died near Kindu.", "Kibanda Today"),
    ],
)
def test_a_credit_line_or_an_outlet_noun_names_a_news_outlet(nlp, text, outlet):
    assert set(outlets_of(nlp, text)) == {outlet}


@pytest.mark.parametrize(
    "text",
    [
        "Photo: John Smith\nThe army shelled the hills above the town.",  # a photographer, no outlet
        "Source: Police said five people died in the fire in Kano.",  # the name does not end the line
        "The source: a letter that the governor signed on Monday.",
        # stock credits and state bodies: credit lines name them as often as outlets
        "Rebels burned a clinic in the north.\nPhoto: Supplied\nThe army sent troops.",
        "Rebels burned a clinic in the north.\nPhoto: File\nThe army sent troops.",
        "Rebels burned a clinic in the north.\nPhoto: Social Media\nThe army sent troops.",
        "Rebels burned a clinic in the north.\nImage: Google Maps\nThe army sent troops.",
        "Rebels burned a clinic in the north.\nSource: Ministry of Defence\nThe army sent troops.",
    ],
)
def test_a_credit_label_before_no_outlets_name_names_no_outlet(nlp, text):
    assert not outlets_of(nlp, text)


@pytest.mark.parametrize(
    ("text", "outlet", "words"),
    [
        ("An army spokesman told state television that the convoy had reached Abeche in eastern Chad.",
         "State media (Chad)", "state television"),
        ("The curfew in Tamale was announced on Ghanaian state-run television.", "State media (Ghana)",
         "Ghanaian state-run television"),
        ("Drones hit a fuel depot outside Niamey, Niger. State media reported no casualties.",
         "State media (Niger)", "State media"),
        # a two-word adjective: "South Sudanese" is not "Sudanese"
        ("South Sudanese state television said the governor of Lakes had resigned.", "State media (South Sudan)",
         "South Sudanese state television"),
    ],
)
def test_a_states_unnamed_media_are_that_states_media(nlp, text, outlet, words):
    found = outlets_of(nlp, text)
    assert set(found) == {outlet}, found
    assert words in found[outlet]


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State TV showed the attack on a base near Mosul, Iraq.",  # a group's name, no state's
        "The head of state television was sacked in Kampala, Uganda.",  # a person's office, no outlet
    ],
)
def test_a_groups_name_or_an_office_before_tv_is_no_states_media(nlp, text):
    found = outlets_of(nlp, text)
    assert not any(name.startswith("State media") for name in found), found


@pytest.mark.parametrize(
    ("text", "monitor"),
    [
        ("Rebels burned 40 homes near Uvira, the regional human rights organisation Tanganyika Watch reported.",
         "Tanganyika Watch"),
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
