"""Place names stay whole: a district whose gazetteer name carries its type word ("Karachi East District") is read
from its two words, not cut to the town named by the first ("Karachi")."""

from __future__ import annotations

import pytest

from tests.place_mentions import places_in

# (sentence, mention, name, country, kind)
WHOLE = [
    ("Gunmen fired on a polio team in Karachi East district on Friday.", "Karachi East", "Karachi East District",
     "PK", "district"),
    # a name that is the gazetteer's own stays as it was
    ("A bomb killed two labourers in Qila Saifullah district.", "Qila Saifullah", "Qila Saifullah", "PK",
     "district"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "kind"), WHOLE)
def test_a_districts_two_word_name_stays_whole(nlp, text, mention, name, country, kind):
    found = places_in(nlp, text)
    assert mention in found, f"{mention!r} not among {sorted(found)}"
    location = found[mention]
    assert (location.name, location.country, location.kind) == (name, country, kind)
