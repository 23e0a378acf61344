"""Actors and places kept in the server between writes: every name and alias, and the fields their lists filter by,
in the lists' order. The lists by name (``/api/actors``, ``/api/places``) and the actors and places tables sorted by
name or events (``api.tables``) cut their pages from it, and the search box (``api.search``) matches its labels.

The engine sorts a whole list for every page (``ORDER BY LCASE(STR(?name))``): at 100,000 documents, whose 9,476
actors are mostly state forces of unknown country named once per report, each page of the actors cost 650 ms of
CPU, and each search or list of a ``q`` decoded the text of all their 20,877 labels. Kept here, a page costs a scan
of the kept entities and a match a ``str.find`` over one text of every label (``api.label_text``). Past
``LABELS_KEPT`` labels of a class the engine sorts and matches again, so a bigger store costs what it did before.

Order and matches are the engine's: a list by the lower-cased name, then the IRI (both by code point), an entity of two
names (only a raw write makes one) at the first of them, or at the last when the list is descending; a match is a label
containing the text, case aside (``LCASE``, ``CONTAINS``), ranked 0 when equal to it, 1 when starting with it, else 2,
then by IRI.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from flask import current_app

from api.cache import kept_read, time_left
from api.label_text import LabelText, label_text
from graph import queries as q

__all__ = ["Listed", "EntityIndex", "index_of", "kept_index", "page_by_name", "LABELS_KEPT", "ENTITY_BYTES",
           "LABEL_BYTES"]

# Labels (names and aliases, an entity of none counted as one) of a class kept at most; what the kept index holds,
# measured with tracemalloc: ENTITY_BYTES an entity and LABEL_BYTES a label (20,000 entities of one label: 712 bytes a
# label), so at most 28 MB a class.
LABELS_KEPT = 40_000
ENTITY_BYTES, LABEL_BYTES = 500, 200
_READS = {"actor": (q.ACTOR_INDEX, q.ACTOR_LABEL_COUNT), "place": (q.PLACE_INDEX, q.PLACE_LABEL_COUNT)}


class Listed(NamedTuple):
    """One entity of a list: its IRI, the name it is listed at (None: it has none), its kinds and its country codes."""

    iri: str
    name: str | None
    kinds: frozenset[str]
    countries: frozenset[str]


class EntityIndex(NamedTuple):
    """The entities of a class in the lists' order (those without a name first, as ``ORDER BY`` puts an unbound
    name), their labels (``api.label_text``: owned by their IRIs), and the entities by name descending (the engine's
    ``ORDER BY DESC(LCASE(STR(?name))) ?entity``: ties by IRI, no name last, each at the last of its names)."""

    entries: tuple[Listed, ...]
    labels: LabelText
    descending: tuple[Listed, ...]

    def ranked(self, term: str) -> list[str]:
        """The IRIs of the entities with a label containing ``term`` (case aside), best first, then by IRI."""
        best = self.labels.matches(term)
        return sorted((str(iri) for iri in best), key=lambda iri: (best[iri], iri))

    def matching(self, filters: Mapping[str, str | None], descending: bool = False) -> Sequence[Listed]:
        """The entities in order (``descending``: by name descending) that match every given filter: ``q`` (a label
        contains it, case aside), ``kind`` (equal), ``country`` (an alpha-2 code, case aside)."""
        term, kind, country = filters.get("q"), filters.get("kind"), filters.get("country")
        entries = self.descending if descending else self.entries
        if term is None and kind is None and country is None:
            return entries
        matched = set(self.ranked(term)) if term is not None else None
        code = country.upper() if country is not None else None
        return [entry for entry in entries
                if (matched is None or entry.iri in matched) and (kind is None or kind in entry.kinds)
                and (code is None or any(value.upper() == code for value in entry.countries))]


def index_of(rows: list[dict[str, Any]]) -> EntityIndex:
    """The index of the rows of ``q.ACTOR_INDEX`` or ``q.PLACE_INDEX`` (an entity and a name, an alias or neither)."""
    names: dict[str, set[str]] = {}
    kinds: dict[str, set[str]] = {}
    countries: dict[str, set[str]] = {}
    labels: list[tuple[str, str]] = []
    for row in rows:
        entity = row["entity"]
        label = row.get("name") if row.get("name") is not None else row.get("alias")
        found = names.setdefault(entity, set())
        if row.get("name") is not None:
            found.add(str(label))
        if row.get("kind") is not None:
            kinds.setdefault(entity, set()).add(str(row["kind"]))
        if row.get("country") is not None:
            countries.setdefault(entity, set()).add(str(row["country"]))
        if label is not None:
            labels.append((str(label), entity))
    entries = sorted((Listed(entity, min(found, key=_by_name, default=None), frozenset(kinds.get(entity, ())),
                             frozenset(countries.get(entity, ()))) for entity, found in names.items()),
                     key=_in_name_order)
    return EntityIndex(tuple(entries), label_text(labels), _descending(entries, names))


def _by_name(name: str) -> tuple[str, str]:
    return name.lower(), name


def _in_name_order(entry: Listed) -> tuple[bool, str, str]:
    return entry.name is not None, (entry.name or "").lower(), entry.iri


def _descending(entries: list[Listed], names: dict[str, set[str]]) -> tuple[Listed, ...]:
    """``entries`` (in the lists' order) by name descending, ties by IRI, each at the last of its ``names``."""
    last = [entry._replace(name=max(names[entry.iri], key=_by_name)) if len(names[entry.iri]) > 1 else entry
            for entry in entries]
    if last != entries:  # an entity of two names may tie at its last with entities of one, which are by IRI
        last.sort(key=lambda entry: entry.iri)
    # stable: ties keep their order, by IRI
    return tuple(sorted(last, key=lambda entry: (entry.name is not None, (entry.name or "").lower()), reverse=True))


def kept_index(kind: str) -> EntityIndex | None:
    """The index of the actors or places (``kind``) of the app's store, kept until its next write; None when their
    labels are more than ``LABELS_KEPT``."""
    read, count = _READS[kind]
    labels = int(kept_read(count, {})[0]["n"])
    if labels > LABELS_KEPT:
        return None
    store = current_app.extensions["conflictkg.store"]
    return current_app.extensions["conflictkg.cache"].kept(
        f"index {read}", lambda: index_of(store.read(read)),
        lambda index: len(index.entries) * ENTITY_BYTES + len(index.labels.owners) * LABEL_BYTES,
        most=LABELS_KEPT * (ENTITY_BYTES + LABEL_BYTES), wait=time_left())


def page_by_name(kind: str, filters: Mapping[str, str | None], limit: int,
                 offset: int) -> list[dict[str, Any]] | None:
    """Rows ``{<kind>: IRI, name}`` ``offset`` .. ``offset + limit`` of the actors or places (``kind``) by name that
    match ``filters`` (``EntityIndex.matching``) in the app's kept index; None when it is not kept: the engine's list
    (``q.actor_list``, ``q.place_list``) answers then."""
    index = kept_index(kind)
    if index is None:
        return None
    named = [entry for entry in index.matching(filters) if entry.name is not None]  # the engine's list needs a name
    return [{kind: entry.iri, "name": entry.name} for entry in named[offset:offset + limit]]
