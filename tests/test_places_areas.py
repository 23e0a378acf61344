"""Admin areas the generated tables lack: the zones of Ethiopia's Oromia region (a woreda's or village's container)."""

from __future__ import annotations

import pytest

from graph.extract.places.gazetteer import get_gazetteer
from graph.extract.places.holders import km
from tests.place_mentions import place_of

# (sentence, mention, name, country, admin1, ACLED precision, a town the point must lie within 150 km of)
AREAS = [
    # a zone by its English name, its Amharic direction word and another spelling of its name
    ("Gunmen killed three farmers in Guji zone on Sunday.", "Guji zone", "Guji Zone", "ET", "Oromiya", 3, "Negele"),
    ("Protesters blocked the main road in Mirab Shewa zone.", "Mirab Shewa", "West Shewa Zone", "ET", "Oromiya", 3,
     "Hagere Hiywet"),
    ("Rebels raided a police post in Ilu Aba Bora on Friday.", "Ilu Aba Bora", "Illubabor Zone", "ET", "Oromiya", 3,
     "Metu"),
    # a village below the gazetteer takes its zone's point
    ("Militants ambushed a minibus near Burka Galaan village in East Shewa zone.", "Burka Galaan", "Burka Galaan",
     "ET", "Oromiya", 3, "Adama"),
    # a name other countries also use stays theirs when the text says so
    ("A mob burned a house in Nyanza town, southern Rwanda.", "Nyanza", "Nyanza", "RW", "Southern Province", 1,
     "Kigali"),
    ("Soldiers and poachers exchanged fire in Zambia's Eastern Province.", "Eastern Province", "Eastern Province",
     "ZM", "Eastern Province", 3, "Chipata"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "admin1", "precision", "town"), AREAS)
def test_an_area_the_generated_tables_lack(nlp, text, mention, name, country, admin1, precision, town):
    location = place_of(nlp, text, mention)
    assert (location.name, location.country, location.admin1, location.precision) == (name, country, admin1,
                                                                                        precision)
    near = next(p for p in get_gazetteer().lookup(town) if p.country == country)
    assert km(location.lat, location.lon, near.lat, near.lon) < 150

