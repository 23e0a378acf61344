"""What a crowd does decides its ACLED category: hand-written sentences, read with the whole pipeline's parser."""

from __future__ import annotations

import pytest

from graph.extract.actors.crowds import crowd_category

# Source: sentences written for these tests, with invented or generic names; none follows an evaluation text.
# Each maps to the category of its subject's people: a riot's throwing is in what is thrown.
_THROWN = {
    "Residents threw stones at the bus near the market.": "riot",
    "Youths hurled bottles at the police outside the stadium.": "riot",
    "The traders threw petrol bombs into the tax office.": "riot",
    "Villagers threw rocks at the passing convoy.": "riot",
    # what a quantity or a piece is of is what is thrown; tyres, eggs, sticks, chairs and canisters are thrown too
    "Youths threw a hail of stones at the riot police.": "riot",
    "Demonstrators hurled pieces of brick at the governor's convoy.": "riot",
    "Traders threw a barrage of rocks and bottles at the tax collectors.": "riot",
    "Fans threw burning tyres onto the pitch after the match.": "riot",
    "Residents threw eggs at the mayor's car.": "riot",
    "Students hurled chairs and sticks at the guards.": "riot",
    "Protesters threw tear gas canisters back at the police.": "riot",
    # what is thrown is a party, words or support: no riot
    "Residents threw a party for the returning fishermen.": None,
    "Farmers hurled insults at the visiting minister.": None,
    "Students threw their support behind the new rector.": None,
    # ... and a quantity of what no rioter throws is no riot
    "Residents threw a handful of flowers at the passing bride.": None,
    "Farmers hurled a string of accusations at the minister.": None,
    "Workers threw the weight of the union behind the strike.": None,
    # the other riot verbs need no object; a march is a protest
    "Angry villagers pelted the patrol with stones.": "riot",
    "Students marched to the ministry in the capital.": "protest",
}


@pytest.mark.parametrize("text", list(_THROWN))
def test_a_crowd_is_read_by_what_it_does(nlp, text):
    subject = next(t for t in nlp(text) if t.dep_ == "nsubj")
    assert crowd_category(subject) == _THROWN[text]
