"""Actors stage: the actors of a parsed doc, each alias mapped to one canonical actor, and their affiliations.

:func:`read_actors` is the entry: it returns the complete actor table (which the events stage reads),
one Actor record per actor, and the relations between them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from graph.extract.actors.find import ActorTable, find_actors, ruler_patterns
from graph.extract.actors.glosses import add_glossed_names
from graph.extract.actors.missions import add_contingent_names
from graph.extract.actors.own_units import units_of_soldiers
from graph.extract.actors.peacekeepers import add_peace_missions
from graph.extract.actors.policing import police_who_police
from graph.extract.actors.relations import find_relations
from graph.extract.parse.sentences import SentenceIndex
from graph.extract.places import PlaceMention
from graph.records import Actor, Relation

__all__ = ["read_actors", "Actors", "ActorTable", "find_actors", "find_relations", "ruler_patterns"]


@dataclass(frozen=True)
class Actors:
    """The actors of one article: the table later stages read, the records and the relations."""

    table: ActorTable
    records: tuple[Actor, ...]
    relations: tuple[Relation, ...]


def read_actors(doc: Doc, places: Sequence[PlaceMention], sentence_of: SentenceIndex, source_text: str,
                published: dt.date | None = None) -> Actors:
    """Return the actors of a parsed article and their relations; mention texts are cut from ``source_text``,
    ``published`` dates the article (which missions' contingents its state forces belong to)."""
    table = find_actors(doc, places)
    add_contingent_names(table, published)
    add_peace_missions(doc, table, published)
    police_who_police(doc, table)
    units_of_soldiers(doc, table)
    add_glossed_names(doc, table)
    relations = tuple(find_relations(doc, table))
    return Actors(table, table.records(sentence_of, source_text), relations)
