"""Sites named after a place: "the Nyeri courthouse" stands in the town Nyeri; "the Zamzam barracks" is a
site's own name, not the camp of that name in another country."""

from __future__ import annotations

import pytest

from tests.place_mentions import place_of, places_in

# (sentence, mention, name, country): a town's name before a facility noun is the town, found even where the NER
# tags nothing.
TOWNS = [
    ("Teachers rallied outside the Polokwane legislature over late salaries.", "Polokwane", "Polokwane", "ZA"),
    ("Health workers picketed the Kisumu hospital for unpaid wages.", "Kisumu", "Kisumu", "KE"),
    ("Farmers marched to the Nyeri courthouse to protest.", "Nyeri", "Nyeri", "KE"),
    ("Rebels shelled the Beni airport at night.", "Beni", "Beni", "CD"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country"), TOWNS)
def test_a_towns_facility_stands_in_the_town(nlp, text, mention, name, country):
    location = place_of(nlp, text, mention)
    assert (location.name, location.country, location.kind in ("city", "town")) == (name, country, True)


# (sentence, the camp's name, the place that is read, its country): before a facility noun a camp's name names the
# site, and so neither is a place nor pulls a namesake of the real place into the camp's country.
SITES = [
    ("Soldiers took over the Zamzam barracks in Misrata on Friday.", "Zamzam", "Misratah", "LY"),
    ("Gunmen attacked the Rukban base near Sabha at dawn.", "Rukban", "Sabha", "LY"),
    ("The Kakuma prison in Kampala was closed.", "Kakuma", "Kampala", "UG"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "site", "name", "country"), SITES)
def test_a_camps_name_before_a_facility_noun_is_no_place(nlp, text, site, name, country):
    found = places_in(nlp, text)
    assert site not in found, f"{site!r} read as {found.get(site)}"
    assert [(loc.name, loc.country) for loc in found.values()] == [(name, country)]
