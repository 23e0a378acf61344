"""Place names stay whole: a district whose gazetteer name carries its type word ("Lakki Marwat District") is read
from its two words, not cut to the town named by the first ("Lakki")."""

from __future__ import annotations

import pytest

from tests.place_mentions import places_in

# (sentence, mention, name, country, kind)
WHOLE = [
    ("Militants attacked a police post in Lakki Marwat district on Friday.", "Lakki Marwat", "Lakki Marwat District",
     "PK", "district"),
    # a name that is the gazetteer's own stays as it was
    ("Gunmen killed two teachers in Dera Ismail Khan district.", "Dera Ismail Khan", "Dera Ismail Khan", "PK",
     "district"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "kind"), WHOLE)
def test_a_districts_two_word_name_stays_whole(nlp, text, mention, name, country, kind):
    found = places_in(nlp, text)
    assert mention in found, f"{mention!r} not among {sorted(found)}"
    location = found[mention]
    assert (location.name, location.country, location.kind) == (name, country, kind)
