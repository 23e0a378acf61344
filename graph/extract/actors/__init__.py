"""Actors stage: the actors of a parsed doc, each alias mapped to one canonical actor, and their affiliations."""

from graph.extract.actors.find import ActorTable, find_actors, ruler_patterns
from graph.extract.actors.relations import find_relations

__all__ = ["ActorTable", "find_actors", "find_relations", "ruler_patterns"]
