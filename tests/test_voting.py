"""Country voting: the country an article is about, and the other country a sentence happens in."""

from __future__ import annotations

from collections import Counter

import pytest

from graph.extract.actors.voting import article_countries, main_country
from graph.extract.places import find_places


@pytest.mark.parametrize(
    ("named", "place_countries", "expected"),
    [
        (Counter(), [], None),  # nothing named: no country
        (Counter({"KE": 2}), [], "KE"),
        (Counter(), ["NG", "NG", "NE"], "NG"),  # a place counts twice a name's vote
        (Counter({"NE": 3}), ["NG"], "NE"),
        (Counter({"ML": 2}), ["NE"], "ML"),  # a tie of votes: the country the text names wins
        (Counter({"ML": 1, "NE": 1}), [], None),  # a tie the names do not break: no country
    ],
)
def test_main_country(named, place_countries, expected):
    assert main_country(named, place_countries) == expected


@pytest.mark.parametrize(
    ("text", "main", "others"),
    [
        # the main country, and a sentence set in another one the text names ("In neighbouring Mali")
        ("Gunmen killed five farmers near Maiduguri in Nigeria. Police in Kano arrested two suspects. In "
         "neighbouring Niger, troops clashed with fighters near Niamey.", "NG", ["NE"]),
        ("Police arrested ten students in Nairobi, Kenya, on Monday.", "KE", []),
        # a country one goes into is no place the sentence happens in
        ("Fighters crossed from Nigeria into Niger near Niamey. Soldiers shot two of them.", "NE", []),
    ],
)
def test_article_countries(nlp, text, main, others):
    doc = nlp(text)
    country, by_sentence = article_countries(doc, find_places(doc))
    assert (country, list(by_sentence.values())) == (main, others)
