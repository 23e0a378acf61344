"""A national institution people are at ("outside Parliament") is in the capital of the one country the text names,
when it names no town or area; a text that names a town, or two countries, keeps its own places."""

from __future__ import annotations

import pytest

from tests.place_mentions import places_in

# (sentence, the institution's words, what they are read as: (name, country, kind, ACLED precision), or None)
SEATS = [
    ("Dozens of Kenyan nurses protested outside Parliament over unpaid allowances.", "Parliament",
     ("Nairobi", "KE", "city", 1)),
    ("Hundreds of Nigerian students marched to the National Assembly on Tuesday.", "National Assembly",
     ("Abuja", "NG", "city", 1)),
    ("Senegalese doctors camped before the Ministry of Health to demand new posts.", "Ministry of Health",
     ("Dakar", "SN", "city", 1)),
    ("Retired Zambian soldiers waited near State House for a week, seeking their pensions.", "State House",
     ("Lusaka", "ZM", "city", 1)),
    # a town named, two countries named, or nobody at the institution: no capital
    ("Kenyan traders rallied outside Parliament and in Mombasa against new taxes.", "Parliament", None),
    ("Sudanese and Chadian herders rallied outside the Ministry of Livestock.", "Ministry of Livestock", None),
    ("Malian police detained a blogger who had mocked the Ministry of Finance.", "Ministry of Finance", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "expected"), SEATS)
def test_an_institution_is_in_the_capital(nlp, text, mention, expected):
    location = places_in(nlp, text).get(mention)
    read = None if location is None else (location.name, location.country, location.kind, location.precision)
    assert read == expected
