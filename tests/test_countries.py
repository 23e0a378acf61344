"""Country names for the actor readers: one home for country aliases (the gazetteer's aliases.tsv)."""

from __future__ import annotations

import pytest

from graph.datafiles import read_rows
from graph.extract.countries import countries


@pytest.mark.parametrize(("name", "code"), [
    ("Syria", "SY"), ("UK", "GB"), ("U.S.", "US"), ("Burma", "MM"), ("DRC", "CD"), ("UAE", "AE"),
    ("Gaza", "PS"), ("West Bank", "PS"),
])
def test_country_names(name, code):
    assert countries().by_name[name] == code


def test_every_country_alias_of_the_gazetteer_names_its_country():
    known = countries()
    for row in read_rows("places", "aliases.tsv"):
        if row["kind"] == "country" and row["country"] in known.by_code:
            assert row["alias"] in known.by_name, row["alias"]
