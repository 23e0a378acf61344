"""A ministry that acts or speaks is its state's government body; a ministry where something happens is no
actor. Hand-written sentences with real countries."""

from __future__ import annotations

import pytest

from graph.extract.actors.find import find_actors
from graph.extract.parse.clean import clean_text


def kinds_of(nlp, text: str) -> dict[str, tuple[str, set[str]]]:
    """Name -> (kind, the texts that named it)."""
    doc = nlp(clean_text(text))
    table = find_actors(doc)
    return {a.name: (a.kind, {m.text for m in a.mentions}) for a in table.records([0] * len(doc))}


@pytest.mark.parametrize(
    ("text", "name", "words"),
    [
        ("Ten soldiers were killed near Ayorou, Niger, the defence ministry said on Thursday.",
         "Defence Ministry (Niger)", "defence ministry"),
        ("At least 40 people died in clashes in Abeche, Chad, according to the Chadian Health Ministry.",
         "Health Ministry (Chad)", "Chadian Health Ministry"),
        ("The Interior Ministry banned the march in Nairobi, Kenya.", "Interior Ministry (Kenya)", "Interior Ministry"),
        ("Ministry of Information described the raid near Beledweyne, Somalia, as a planned operation.",
         "Ministry of Information (Somalia)", "Ministry of Information"),
        ("The march was banned by the Interior Ministry in Nairobi, Kenya.", "Interior Ministry (Kenya)",
         "Interior Ministry"),
    ],
)
def test_a_ministry_that_acts_is_its_governments_body(nlp, text, name, words):
    kind, mentions = kinds_of(nlp, text).get(name, ("", set()))
    assert kind == "government" and words in mentions, sorted(kinds_of(nlp, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the country closes the name in brackets whatever the order of the words, read past the NER's span
        ("The Ministry of Defence of Niger said soldiers killed ten militants near Tahoua.",
         "Ministry of Defence (Niger)"),
        ("Niger's Ministry of Defence said soldiers killed ten militants near Tahoua.", "Ministry of Defence (Niger)"),
        ("The Ministry of Foreign Affairs of Sudan said rebels shelled a market in Juba.",
         "Ministry of Foreign Affairs (Sudan)"),
        ("The Ministry of Interior of the Republic of Congo said police arrested nine looters near Dolisie.",
         "Ministry of Interior (Republic of Congo)"),
        ("The Ethiopian Ministry of Peace said gunmen killed twelve farmers near Gondar.",
         "Ministry of Peace (Ethiopia)"),
        # a region's name after "of" is no country's, nor is a country's name that begins a longer name
        ("The Ministry of Health of Kano State said gunmen killed two nurses in Kano, Nigeria.",
         "Ministry of Health (Nigeria)"),
        ("The Ministry of Niger Delta Affairs said militants blew up a pipeline near Warri, Nigeria.", "Ministry"),
    ],
)
def test_a_ministry_is_named_with_its_country_in_brackets(nlp, text, name):
    assert kinds_of(nlp, text).get(name, ("",))[0] == "government", sorted(kinds_of(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of people protested outside the Ministry of Defence in Niamey, Niger.",
        "A bomb exploded near the Ministry of Finance in Kabul, Afghanistan.",
    ],
)
def test_a_ministry_where_something_happens_is_no_actor(nlp, text):
    assert not any("Ministry" in name for name in kinds_of(nlp, text))
