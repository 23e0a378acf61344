"""Places stage: every place mention of a parsed doc, geocoded against the offline gazetteer."""

from graph.extract.places.find import find_places, ruler_patterns

__all__ = ["find_places", "ruler_patterns"]
