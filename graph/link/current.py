"""The current graph: one reconciled set of facts per actor, place, event and document.

Each document graph keeps what its report says, with its provenance. Reads (REST, pages, the
network, exports) go to ``CURRENT_GRAPH`` instead, which holds every entity's facts once,
reconciled across all the reports that mention it, so no read grows with the number of reports:

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

Per-report links (``prov:wasDerivedFrom``, ``ckg:evidence``) are not copied: each is stated once,
in its document graph, where queries read it with ``GRAPH ?g``. ``reconcile`` recomputes the
facts of the entities it is given from the document graphs and replaces theirs in one update per
chunk; ``reconcile_graphs`` does it for everything some document graphs mention; ``reconcile_batch``
works out the facts of what only a batch ingest mentions from the batch's own triples
(``graph.link.readings``), the same rows the store would give, and reads the rest from the store.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import URIRef

from graph import queries
from graph.datafiles import read_rows
from graph.iris import geometry_of, owner_of
from graph.link.merged import merged_ntriples, run_update
from graph.link.readings import BatchReadings
from graph.link.tallies import Tallies, changing, tallies_of
from graph.ntriples import integer, iri, known_iri, literal, typed
from graph.records import slugify
from graph.state_forces import state_forces_name
from graph.store import TripleStore
from graph.vocab import CKG, CURRENT_GRAPH, GEO, RDF, SDO, SEM, XSD

__all__ = ["reconcile", "prepare_batch", "reconcile_batch", "BatchFacts", "reconcile_graphs", "rebuild_current",
           "mentioned", "current_ntriples", "current_lines", "disagreements"]

_ONE_VALUE = {str(p) for p in (
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
_CHUNK = 300


class _Value:
    """One value reports give for a fact: its N-Triples term, how many documents give it, the latest date."""

    __slots__ = ("term", "text", "count", "latest")

    def __init__(self, row: dict):
        self.text = row["text"] if "text" in row else str(row["o"])  # a batch's rows have them worked out
        self.term = row["term"] if "term" in row else _term(row["o"], row.get("dt", ""))
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


def _term(value, datatype: str) -> str:
    if not datatype:
        return iri(str(value))
    if datatype == _STRING:
        return literal(str(value))
    return typed(str(value), datatype)


def reconcile(store: TripleStore, subjects: Iterable[str], journaled: bool = False,
              known: dict[str, list[dict]] | None = None) -> None:
    """Recompute the current facts of these actors, places, events and documents from every document graph.

    A subject no document mentions any more loses its current facts. One read and one update
    (delete the old facts, insert the new) per chunk of subjects. ``journaled``: a batch ingest's
    journal is open (a crash has the current graph rebuilt), so the new facts go in by the bulk
    loader after the delete, rather than as INSERT DATA text in the same transaction (half the time).
    ``known``: the complete readings of more subjects (their tallies plus a batch's), not read again.
    The readings of actors and places are their tallies from now on (``graph.link.tallies``).
    """
    known = known or {}
    tallies = tallies_of(store)
    ordered = sorted({str(s) for s in subjects} | set(known))
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start:start + _CHUNK]
        unread = [s for s in chunk if s not in known]
        owned = [geometry_of(s) for s in unread]
        read = store.select(queries.with_iris(queries.READINGS_OF, unread + owned)) if unread else []
        readings = _with_latest(store, read + [row for s in chunk if s in known for row in known[s]])
        _replace_facts(store, chunk, readings, journaled)
        if tallies is not None:
            counted = _counted(readings)
            tallies.forget(set(chunk) - set(counted))
            tallies.put(counted)


def _replace_facts(store: TripleStore, chunk: list[str], readings: list[dict], journaled: bool) -> None:
    """Replace the current facts of ``chunk`` with those of their readings and their events' evidence."""
    evidence = store.select(queries.with_iris(queries.EVIDENCE_FIGURES, chunk))
    facts = current_ntriples(readings) + merged_ntriples(evidence)
    had_facts = bool(store.select(queries.with_iris(queries.ANY_CURRENT_FACTS, chunk)))
    if had_facts and not journaled:  # replace them in one update
        run_update(store, queries.replace_current(chunk, facts))
        return
    if had_facts:
        run_update(store, queries.delete_current(chunk))
    # the engine's loader: one transaction, or the bulk loader under a batch's journal; lenient, as every
    # term was read from the store or checked by graph.ntriples
    store.insert(facts.encode(), str(CURRENT_GRAPH), atomic=not journaled, lenient=True)


def _counted(rows: Iterable[dict]) -> dict[str, list[dict]]:
    """The readings of the actors and places among ``rows`` (their geometry's with them), as tally rows, by subject."""
    by_subject: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        s = row["s"]
        by_subject[owner_of(s)].append(_tally_row(row))
    return {s: group for s, group in by_subject.items()
            if any(r["p"] == _TYPE and r["text"] in _COUNTED for r in group)}


def _tally_row(row: dict) -> dict:
    """A reading row with its value's text and N-Triples term worked out (a batch's rows have them already)."""
    if "term" in row:
        return row
    found = {"s": row["s"], "p": row["p"], "term": _term(row["o"], row.get("dt", "")), "text": str(row["o"]),
             "n": int(row["n"])}
    if "latest" in row:
        found["latest"] = row["latest"]
    return found


class BatchFacts(NamedTuple):
    """What ``prepare_batch`` works out of a batch while it loads, for ``reconcile_batch`` once it has."""

    found: dict[str, set[str]]  # what the batch's graphs mention, by class IRI
    stored: set[str]  # the mentioned subjects that have current facts already
    lines: dict[str, list[str]]  # the current facts of the others, by subject, from the batch's own triples
    counted: dict[str, list[dict]]  # the batch's readings of the actors and places it mentions, as tally rows


def prepare_batch(store: TripleStore, batch: BatchReadings) -> BatchFacts:
    """Work out the current facts of what only this batch mentions (no current facts yet), from its own triples.

    Reads only the current graph, so it can run while the batch's document graphs load.
    """
    found = batch.mentioned()
    subjects = sorted(set().union(*found.values()))
    stored: set[str] = set()
    for start in range(0, len(subjects), _CHUNK):
        chunk = queries.with_iris(queries.WITH_CURRENT_FACTS, subjects[start:start + _CHUNK])
        stored.update(row["s"] for row in store.select(chunk))
    fresh: list[dict] = []
    counted: dict[str, list[dict]] = defaultdict(list)
    tallied = found[_ACTOR] | found[_PLACE] if tallies_of(store) is not None else set()
    for row in batch.readings(subjects):
        owner = owner_of(row["s"])
        if owner not in stored:
            fresh.append(row)
        if owner in tallied:
            counted[owner].append(row)
    return BatchFacts(found, stored, current_lines(fresh), counted)


def reconcile_batch(store: TripleStore, batch: BatchReadings, prepared: BatchFacts,
                    touched: set[str]) -> dict[str, set[str]]:
    """Reconcile everything a batch's graphs mention; return what they mention, by class IRI.

    The entities only this batch mentions (no current facts yet, not renamed by relinking nor
    mentioned by a replaced document) get the facts ``prepare_batch`` worked out, loaded at once;
    the actors and places with complete tallies get theirs plus the batch's readings; the others
    are read from the store (``reconcile``), as they have readings in other documents too.
    """
    found, stored = prepared.found, prepared.stored | touched
    fresh = set(prepared.lines) - stored
    journaled = getattr(store, "journal_open", False)  # the embedded store's bulk run
    tallies = tallies_of(store)
    if fresh:
        facts = _joined(prepared.lines[s] for s in fresh) + merged_ntriples(batch.evidence(fresh))
        store.insert(facts.encode(), str(CURRENT_GRAPH), atomic=False, lenient=True)  # the batch's journal covers it
        if tallies is not None:
            tallies.put({s: rows for s, rows in prepared.counted.items() if s in fresh})
    tallied = _tallied(tallies, prepared.counted, prepared.stored - touched) if tallies is not None else {}
    reconcile(store, stored - set(tallied), journaled=journaled, known=tallied)
    if touched:  # relinking may have renamed some of the batch's events in the store
        events = found[_EVENT]
        events -= touched
        events |= {row["s"] for row in store.select(queries.with_iris(queries.EVENT_GRAPHS, touched))
                   if row["g"] in batch.graphs}
    return found


def _tallied(tallies: Tallies, counted: dict[str, list[dict]], subjects: set[str]) -> dict[str, list[dict]]:
    """The readings of the actors and places of ``subjects`` that have complete tallies: those plus the batch's.

    Every other document that states their facts is counted in the tallies, so no report is read back.
    """
    known = tallies.rows(s for s in subjects if s in counted)
    return {s: _added(rows, counted[s]) for s, rows in known.items()}


def _added(stored: list[dict], batch: list[dict]) -> list[dict]:
    """Tally rows plus a batch's rows of the same subject: counts add, the latest date is known if both know it."""
    total = {(r["s"], r["p"], r["term"]): dict(r) for r in stored}
    for row in batch:
        mine = total.get((row["s"], row["p"], row["term"]))
        if mine is None:
            total[row["s"], row["p"], row["term"]] = dict(row)
            continue
        mine["n"] += row["n"]
        if "latest" in mine:
            mine["latest"] = max(mine["latest"] or "", row["latest"] or "") or None  # a batch's row knows it
    return list(total.values())


def _with_latest(store: TripleStore, rows: list[dict]) -> list[dict]:
    """Add the latest publication date to the rows of one-valued facts whose top values tie (rule 1).

    Only the pairs where a tied value's latest date is not known yet (a tally row may know it) are read.
    """
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        if row["p"] in _ONE_VALUE:
            groups[(row["s"], row["p"])].append(row)
    tied = set()
    for pair, group in groups.items():
        most = max(int(r["n"]) for r in group)
        top = [r for r in group if int(r["n"]) == most]
        if len(top) > 1 and any("latest" not in r for r in top):
            tied.add(pair)
    if not tied:
        return rows
    pairs = " ".join(f"({ox.NamedNode(s)} {ox.NamedNode(p)})" for s, p in sorted(tied))
    latest = {(r["s"], r["p"], str(r["o"])): r.get("latest") for r in
              store.select(queries.LATEST_READINGS.replace("#PAIRS#", pairs))}
    return [{**row, "latest": latest.get((row["s"], row["p"], row["text"] if "text" in row else str(row["o"])))}
            if (row["s"], row["p"]) in tied else row for row in rows]


def mentioned(store: TripleStore, graph_iris: Iterable[str]) -> dict[str, set[str]]:
    """Return the actors, places, events and documents these document graphs mention, by class IRI."""
    graphs, found = sorted(set(graph_iris)), defaultdict(set)
    for start in range(0, len(graphs), _CHUNK):
        for row in store.select(queries.with_iris(queries.GRAPH_SUBJECTS, graphs[start:start + _CHUNK])):
            found[row["t"]].add(row["s"])
    return found


def reconcile_graphs(store: TripleStore, graph_iris: Iterable[str], also: Iterable[str] = ()) -> dict[str, set[str]]:
    """Reconcile everything these document graphs mention, and ``also`` these subjects; return what they mention."""
    found = mentioned(store, graph_iris)
    reconcile(store, set().union(*found.values()) | set(also))
    return found


def rebuild_current(store: TripleStore) -> None:
    """Rebuild the whole current graph and the tallies from every document graph (after raw writes, or new rules)."""
    with changing(store) as tallies:
        if tallies is not None:
            tallies.clear()
        run_update(store, queries.DROP_CURRENT)
        reconcile(store, {row["s"] for row in store.select(queries.ALL_SUBJECTS)})


def current_ntriples(rows: Iterable[dict]) -> str:
    """Return the reconciled facts, as N-Triples, of the rows of ``graph.queries.READINGS_OF``."""
    return _joined(current_lines(rows).values())


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


def _joined(lines: Iterable[list[str]]) -> str:
    """N-Triples text of these lists of lines."""
    return "\n".join(line for group in lines for line in group) + "\n"


def _entity_lines(subject: str, by_predicate: dict[str, list[_Value]], types: set[str], geometry: dict) -> list[str]:
    node = iri(subject)
    chosen = _choose(subject, by_predicate, types)
    out = []
    for predicate in sorted(set(by_predicate) | set(chosen)):
        values = by_predicate.get(predicate, [])
        if predicate in _ONE_VALUE:
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
    chosen = {p: _best(values) for p, values in by_predicate.items() if p in _ONE_VALUE}
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


_READING_FIELDS = {str(p): name for p, name in (
    (SDO.name, "name"), (CKG.kind, "kind"), (CKG.interCode, "inter"), (CKG.countryCode, "country"),
    (CKG.admin1, "admin1"), (CKG.geonamesId, "geonames_id"), (CKG.geoPrecision, "precision"), (CKG.eventType, "type"),
    (CKG.subEventType, "sub_type"), (CKG.cameoCode, "cameo"), (CKG.ploverType, "plover"), (SEM.hasPlace, "place"),
    (CKG.actor1, "actor1"), (CKG.actor2, "actor2"), (SEM.eventType, "concept"))}


def disagreements(store: TripleStore, iri: str) -> dict[str, list[dict[str, Any]]]:
    """Where reports disagree on a one-valued fact of an entity: ``{field: [{value, reports}]}``, most reports first.

    The entity's own value is the reconciled one (rule 1); this shows every reading (rule 5).
    """
    found: dict[str, list[dict[str, Any]]] = {}
    for r in store.read(queries.READINGS, {"entity": URIRef(iri)}):
        field = _READING_FIELDS.get(r["predicate"], r["predicate"])
        found.setdefault(field, []).append({"value": r["value"], "reports": r["reports"]})
    return found
