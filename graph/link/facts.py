"""The rules of the current graph: one set of facts per actor, place, event and document, from its readings.

Each document graph keeps what its report says; the current graph (``graph.link.current``) holds
every entity's facts once, reconciled across the reports that mention it. This module turns the
readings of entities (the rows of ``graph.queries.READINGS_OF``: each (predicate, value) the
reports give, how many documents give it, the latest publication date) into their current facts:

1. A fact with one value (name, kind, country, admin1, GeoNames id, point, event type and
   sub-type, place, actor1, actor2, codes, a document's own facts) takes: the dictionary's value
   for an actor of ``actors.tsv`` (a dictionary entry beats a guess); else the value most reports
   give; else the one of the latest report (publication date); else the smallest, so the choice
   never depends on the order of ingest.
2. Sets (types, aliases, affiliations, associate actors) are the union of the reports; every
   name that was not chosen is an alias; ``sem:hasActor`` is the chosen actors.
3. A place's coordinates come from its one chosen point (``geo:asWKT``), never a latitude from one
   report and a longitude from another.
4. An event's figures (lowest and highest toll, most precise date, best confidence, how many
   documents) come from its evidence (``graph.link.merged``); ``ckg:sourceCount`` of an actor or
   place is how many documents mention it.
5. Where reports disagree on a one-valued fact, each value they give is kept as a ``ckg:Reading``
   (``rdf:predicate``, ``rdf:value``, ``ckg:sourceCount``) linked by ``ckg:reading``.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from graph.datafiles import read_rows
from graph.iris import geometry_of, owner_of
from graph.ntriples import integer, iri, known_iri, literal, typed
from graph.records import slugify
from graph.state_forces import state_forces_name
from graph.vocab import CKG, GEO, RDF, SDO, SEM, XSD

__all__ = ["ONE_VALUE", "current_ntriples", "current_lines", "joined", "term", "dictionary", "DictionaryEntry"]

ONE_VALUE = {str(p) for p in (
    SDO.name, CKG.kind, CKG.interCode, CKG.countryCode, CKG.admin1, CKG.geonamesId, CKG.geoPrecision, GEO.asWKT,
    CKG.eventType, CKG.subEventType, SEM.eventType, CKG.cameoCode, CKG.ploverType, SEM.hasPlace, CKG.actor1, CKG.actor2,
    SDO.headline, SDO.publisher, SDO.datePublished, CKG.sourcePath, SDO.url, CKG.extractorVersion)}
_ROLES = [str(p) for p in (CKG.actor1, CKG.actor2, CKG.associateActor1, CKG.associateActor2)]
_DICTIONARY_FIELDS = {str(SDO.name): "name", str(CKG.kind): "kind", str(CKG.countryCode): "country"}
_ACTOR, _PLACE, _EVENT = str(SEM.Actor), str(SEM.Place), str(SEM.Event)
# the terms of the per-entity loops, as the text rows hold (a URIRef never equals a str)
_TYPE, _NAME, _ALIAS, _STRING, _WKT = (str(t) for t in (RDF.type, SDO.name, SDO.alternateName, XSD.string, GEO.asWKT))
_CLASSES = {_ACTOR, _PLACE, _EVENT, str(CKG.Document)}
_ENTITIES, _COUNTED = frozenset({_ACTOR, _PLACE, _EVENT}), frozenset({_ACTOR, _PLACE})
# the N-Triples terms of the lines written per entity
_HAS_ACTOR, _SOURCE_COUNT, _READING, _READING_CLASS, _A, _PREDICATE, _VALUE = (iri(str(t)) for t in (
    SEM.hasActor, CKG.sourceCount, CKG.reading, CKG.Reading, RDF.type, RDF.predicate, RDF.value))
_HAS_GEOMETRY, _GEOMETRY, _AS_WKT, _LATITUDE, _LONGITUDE = (iri(str(t)) for t in (
    GEO.hasGeometry, GEO.Geometry, GEO.asWKT, SDO.latitude, SDO.longitude))
_DOUBLE = str(XSD.double)
_POINT = re.compile(r"POINT\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)\s*\)", re.IGNORECASE)


class _Value:
    """One value reports give for a fact: its N-Triples term, how many documents give it, the latest date."""

    __slots__ = ("term", "text", "count", "latest")

    def __init__(self, row: dict):
        self.text = row["text"] if "text" in row else str(row["o"])  # a batch's rows have them worked out
        self.term = row["term"] if "term" in row else term(row["o"], row.get("dt", ""))
        self.count = int(row["n"])
        self.latest = str(row.get("latest") or "")


def _best(values: list[_Value]) -> _Value:
    """The value rule 1 picks: most reports, then the latest report (no date: last), then the smallest value."""
    if len(values) == 1:  # most facts have one value
        return values[0]
    most = max(v.count for v in values)
    tied = [v for v in values if v.count == most]
    if len(tied) > 1:
        latest = max(v.latest for v in tied)
        tied = [v for v in tied if v.latest == latest]
    return min(tied, key=lambda v: v.text)


def term(value, datatype: str) -> str:
    """The N-Triples term of a value read from the store: an IRI when ``datatype`` is empty, else a literal."""
    if not datatype:
        return iri(str(value))
    if datatype == _STRING:
        return literal(str(value))
    return typed(str(value), datatype)


def current_ntriples(rows: Iterable[dict]) -> str:
    """Return the reconciled facts, as N-Triples, of the rows of ``graph.queries.READINGS_OF``."""
    return joined(current_lines(rows).values())


def current_lines(rows: Iterable[dict]) -> dict[str, list[str]]:
    """Return the reconciled facts of the rows of ``graph.queries.READINGS_OF`` as N-Triples lines, by subject."""
    facts: dict[str, dict[str, list[_Value]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        facts[row["s"]][row["p"]].append(_Value(row))
    lines: dict[str, list[str]] = {}
    for subject, by_predicate in facts.items():
        if owner_of(subject) != subject:
            continue  # a geometry node: written with its place
        types = {v.text for v in by_predicate.get(_TYPE, [])}
        if types & _CLASSES:
            lines[subject] = _entity_lines(subject, by_predicate, types, facts.get(geometry_of(subject), {}))
    return lines


def joined(lines: Iterable[list[str]]) -> str:
    """N-Triples text of these lists of lines."""
    return "\n".join(itertools.chain.from_iterable(lines)) + "\n"


def _entity_lines(subject: str, by_predicate: dict[str, list[_Value]], types: set[str], geometry: dict) -> list[str]:
    node = iri(subject)
    chosen = _choose(subject, by_predicate, types)
    out = []
    for predicate in sorted(set(by_predicate) | set(chosen)):
        values = by_predicate.get(predicate, [])
        if predicate in ONE_VALUE:
            out.append(f"{node} {known_iri(predicate)} {chosen[predicate].term} .")
            # reports disagree among themselves, or with the dictionary
            if values and (len(values) > 1 or chosen[predicate] not in values) and types & _ENTITIES:
                out += _reading_lines(subject, predicate, values)
        elif predicate != _ALIAS:
            out += [f"{node} {known_iri(predicate)} {v.term} ." for v in values]
    out += _alias_lines(node, by_predicate, chosen)
    if _EVENT in types:
        actors = {chosen[p].term for p in _ROLES[:2] if p in chosen}
        actors |= {v.term for p in _ROLES[2:] for v in by_predicate.get(p, [])}
        out += [f"{node} {_HAS_ACTOR} {term} ." for term in sorted(actors)]
    elif types & _COUNTED:
        count = max(v.count for v in by_predicate[_TYPE])
        out.append(f"{node} {_SOURCE_COUNT} {integer(count)} .")
    if geometry.get(_WKT):
        out += _geometry_lines(node, geometry)
    return out


def _choose(subject: str, by_predicate: dict[str, list[_Value]], types: set[str]) -> dict[str, _Value]:
    """The value each one-valued fact takes (rule 1 of the module docstring)."""
    chosen = {p: _best(values) for p, values in by_predicate.items() if p in ONE_VALUE}
    if _ACTOR in types:
        entry = _dictionary_entry(subject)
        for predicate, field in _DICTIONARY_FIELDS.items():
            value = getattr(entry, field, None) if entry is not None else None
            if value:
                known = next((v for v in by_predicate.get(predicate, []) if v.text == value), None)
                chosen[predicate] = known or _Value({"o": value, "dt": _STRING, "n": 0})
    return chosen


def _dictionary_entry(subject: str) -> DictionaryEntry | None:
    """The ``actors.tsv`` entry whose id is this actor IRI's last segment, if any."""
    return dictionary().get(subject.rsplit("/", 1)[-1])


class DictionaryEntry(NamedTuple):
    """What the actor dictionary fixes for an actor: its name, kind and country."""

    name: str
    kind: str
    country: str | None


@functools.cache
def dictionary() -> dict[str, DictionaryEntry]:
    """The named actors of ``graph/data/actors/actors.tsv`` and the state forces of ``state_forces.tsv``, by id slug.

    Read here rather than through the extraction's lexicon, so that reconciling never loads the
    extraction pipeline (spaCy); the columns are the files' own. State forces are named as the
    lexicon names them (``graph.state_forces``); tests/test_current.py checks both agree.
    """
    entries = {slugify(r["name"]): DictionaryEntry(r["name"], r["kind"], r["country"] or None)
               for r in read_rows("actors", "actors.tsv")}
    country_names = {r["code"]: r["country"] for r in read_rows("actors", "demonyms.tsv")}
    for row in read_rows("actors", "state_forces.tsv"):
        name = state_forces_name(row["branch"], country_names[row["country"]])
        entries.setdefault(slugify(name), DictionaryEntry(name, "state_forces", row["country"]))
    return entries


def _alias_lines(node: str, by_predicate: dict[str, list[_Value]], chosen: dict[str, _Value]) -> list[str]:
    name = chosen.get(_NAME)
    names = {v.text for p in (_NAME, _ALIAS) for v in by_predicate.get(p, [])}
    names.discard(name.text if name else None)
    return [f"{node} {known_iri(_ALIAS)} {literal(n)} ." for n in sorted(names)]


def _reading_lines(subject: str, predicate: str, values: list[_Value]) -> list[str]:
    out, node = [], iri(subject)
    for value in values:
        digest = hashlib.sha1(f"{predicate} {value.term}".encode(), usedforsecurity=False).hexdigest()[:12]
        reading = iri(f"{subject}/reading-{digest}")
        out += [f"{node} {_READING} {reading} .", f"{reading} {_A} {_READING_CLASS} .",
                f"{reading} {_PREDICATE} {known_iri(predicate)} .", f"{reading} {_VALUE} {value.term} .",
                f"{reading} {_SOURCE_COUNT} {integer(value.count)} ."]
    return out


def _geometry_lines(node: str, geometry: dict[str, list[_Value]]) -> list[str]:
    """The place's one point (rule 3): its geometry node, latitude and longitude."""
    point = _best(geometry[_WKT])
    shape = f"{node[:-1]}/geometry>"
    out = [f"{node} {_HAS_GEOMETRY} {shape} .", f"{shape} {_A} {_GEOMETRY} .", f"{shape} {_AS_WKT} {point.term} ."]
    match = _POINT.search(point.text)
    if match:
        out += [f"{node} {_LATITUDE} {typed(match.group(2), _DOUBLE)} .",
                f"{node} {_LONGITUDE} {typed(match.group(1), _DOUBLE)} ."]
    return out

