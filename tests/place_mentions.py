"""What the place finder reads in a text: each mention's words and its location (for the place tests)."""

from __future__ import annotations

from graph.extract.places.find import find_places


def places_in(nlp, text: str) -> dict:
    """Map each place mention's text in ``text`` to the location it was read as."""
    doc = nlp(text)
    return {doc[p.start : p.end].text: p.location for p in find_places(doc)}


def place_of(nlp, text: str, mention: str):
    """The location ``mention`` in ``text`` was read as; the test fails when it was read as no place."""
    found = places_in(nlp, text)
    assert mention in found, f"{mention!r} not among {sorted(found)}"
    return found[mention]
