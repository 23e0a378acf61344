"""Places stage: every place mention of a parsed doc, geocoded against the offline gazetteer.

:func:`read_places` is the entry: it returns the mentions (token spans with their Location, for
the actors and events stages) and one Location record per place.
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.extract.parse.sentences import SentenceIndex
from graph.extract.places.find import find_places, ruler_patterns
from graph.extract.places.locations import PlaceMention, Places, location_records

__all__ = ["read_places", "Places", "PlaceMention", "find_places", "ruler_patterns"]


def read_places(doc: Doc, sentence_of: SentenceIndex, source_text: str) -> Places:
    """Return the places of a parsed article; mention texts are cut from ``source_text``."""
    mentions = sorted(find_places(doc), key=lambda p: p.start)
    return Places(tuple(mentions), location_records(doc, mentions, sentence_of, source_text))
