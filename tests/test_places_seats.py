"""A national institution people are at ("outside Parliament") is in the capital of the one country the text names,
when it names no town or area; a text that names a town, or two countries, keeps its own places."""

from __future__ import annotations

import pytest

from tests.place_mentions import places_in

# (sentence, the institution's words, what they are read as: (name, country, kind, ACLED precision), or None)
SEATS = [
    ("A Kenyan opposition leader addressed supporters outside Parliament on Friday.", "Parliament",
     ("Nairobi", "KE", "city", 1)),
    ("A convoy of Nigerian farmers drove to the National Assembly with their produce.", "National Assembly",
     ("Abuja", "NG", "city", 1)),
    ("Senegalese taxi drivers parked their cars across the road in front of the Transport Ministry.",
     "Ministry", ("Dakar", "SN", "city", 1)),
    ("A Zambian pensioners' choir sang at State House during the ceremony.", "State House",
     ("Lusaka", "ZM", "city", 1)),
    # a town named, two countries named, or nobody at the institution: no capital
    ("Kenyan traders rallied outside Parliament and in Mombasa against new taxes.", "Parliament", None),
    ("Sudanese and Chadian herders rallied outside the Ministry of Livestock.", "Ministry of Livestock", None),
    ("Malian police detained a blogger who had mocked the Ministry of Finance.", "Ministry of Finance", None),
    # "to" after a word that is not one of going, and "before" a bill: nobody is there
    ("According to the Ministry of Health, twelve Malian soldiers died of their wounds.", "Ministry of Health",
     None),
    ("The Nigerian army said it had sent a report to the National Assembly.", "National Assembly", None),
    ("A bill before Parliament would ban Kenyan opposition rallies.", "Parliament", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "expected"), SEATS)
def test_an_institution_is_in_the_capital(nlp, text, mention, expected):
    location = places_in(nlp, text).get(mention)
    read = None if location is None else (location.name, location.country, location.kind, location.precision)
    assert read == expected
