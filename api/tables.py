"""The browse tables: which columns and filters each has, reading a request's filters, and its rows.

A table is one of ``events``, ``actors``, ``places``, ``documents``. Filters and sorting come from
the URL (validated here, bound into the named queries of ``graph.queries``, never pasted into them);
rows are plain dicts whose links are ``{"name", "href"}`` so the HTML page and the JSON twin share them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, overload
from urllib.parse import urlencode

from flask import current_app, g

from api import entities, params
from api.cache import kept_read, time_left
from api.document_index import matching_documents
from api.entity_index import LABELS_KEPT, Listed, kept_index
from api.entity_rows import rows_by_entity, rows_read
from api.labels import labels, labels_read
from api.limits import prefetch
from api.stored_terms import STORED, stored_terms
from graph import newest
from graph import queries as q
from graph.link.summaries import summary_of
from graph.store import TripleStore

__all__ = ["Table", "TABLES", "FORM", "Query", "read_query", "filter_args", "rows", "event_iris", "count",
           "country_name", "regions", "newest_page", "scans_sentences", "list_fields"]


Value = TypeVar("Value")
COUNT_BYTES = 150  # about what one kept event count (an IRI and an int in a dict) holds in memory


@dataclass(frozen=True)
class Table:
    """One browse table: its title, columns ``(key, heading)`` and default sort (``-`` = descending)."""

    kind: str
    title: str
    columns: tuple[tuple[str, str], ...]
    default_sort: str


TABLES = {
    "events": Table("events", "Events", (
        ("date", "Date"), ("type", "Event type"), ("sub_type", "Sub-type"), ("actor1", "Actor 1"),
        ("actor2", "Actor 2"), ("place", "Place"), ("admin1", "Admin 1"), ("country", "Country"),
        ("fatalities", "Fatalities")), "-date"),
    "actors": Table("actors", "Actors", (("name", "Name"), ("kind", "Kind"), ("country", "Country"),
                                         ("events", "Events")), "-events"),
    "places": Table("places", "Places", (("name", "Name"), ("admin1", "Admin 1"), ("country", "Country"),
                                         ("events", "Events")), "-events"),
    "documents": Table("documents", "Documents", (("title", "Title"), ("publisher", "Publisher"),
                                                  ("published", "Published")), "-published"),
}
_DATES = ("from", "to")
_ENTITY_IDS = {"actor_id": "actor", "place_id": "place"}  # filters naming one entity by id -> its IRI segment
# The filter form of each table: (parameter, label, widget); every filter of graph.queries.BROWSE_FILTERS.
FORM = {
    "events": (("text", "Words in a source sentence", "text"), ("actor", "Actor", "text"), ("place", "Place", "text"),
               ("country", "Country", "country"), ("admin1", "Admin 1", "admin1"), ("type", "Event type", "type"),
               ("sub_type", "Sub-type", "sub_type"), ("from", "From", "date"), ("to", "To", "date"),
               ("actor_id", "One actor", "entity"), ("place_id", "One place", "entity")),
    "actors": (("q", "Name or alias", "text"), ("kind", "Kind", "kind"), ("country", "Country", "country")),
    "places": (("q", "Name or alias", "text"), ("country", "Country", "country"), ("admin1", "Admin 1", "admin1"),
               ("kind", "Kind", "text")),
    "documents": (("q", "Title or publisher", "text"), ("from", "Published from", "date"),
                  ("to", "Published to", "date")),
}


@dataclass(frozen=True)
class Query:
    """What a request asks of a table: filters (name -> value), sort column, direction, page."""

    table: Table
    filters: dict[str, str]
    sort: str
    descending: bool
    limit: int
    offset: int
    base_iri: str
    stored: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # filters bound to the stored terms they match

    @property
    def bindings(self) -> dict[str, Any]:
        """The filter values as the named queries bind them (``f_<name>``; entity ids as IRIs; the ``stored``
        filters as the terms they match, any of them)."""
        found: dict[str, Any] = {}
        for name, value in self.filters.items():
            if name in self.stored:
                found[f"f_{name}"] = self.stored[name]
            elif name in _ENTITY_IDS:  # an id that cannot form an IRI names no entity: bind one that matches none
                found[f"f_{name}"] = entities.iri_of(self.base_iri, _ENTITY_IDS[name], value) or \
                    entities.iri_of(self.base_iri, _ENTITY_IDS[name], "-")
            else:
                found[f"f_{name}"] = value
        return found


def read_query(kind: str, default_limit: int = 50) -> Query:
    """Read the filters, ``sort`` and page of this request for table ``kind``; BadParameter says what is wrong."""
    table = TABLES[kind]
    filters: dict[str, str] = {}
    for name in q.BROWSE_FILTERS[kind]:
        value = params.iso_date(name) if name in _DATES else params.entity_id(name) if name in _ENTITY_IDS \
            else params.text(name)
        if value is not None:
            filters[name] = country_code(value) if name == "country" else value
    sort = params.text("sort") or table.default_sort
    if sort.lstrip("-") not in q.BROWSE_SORTS[kind]:
        choices = ", ".join(q.BROWSE_SORTS[kind])
        raise params.BadParameter(f"'sort' must be one of {choices} (with '-' before it for descending), got {sort!r}.")
    limit, offset = params.limit_offset(default_limit)
    base_iri = current_app.config["CONFLICTKG"].base_iri
    # the events table's country and division match stored terms exactly (api.stored_terms); the entity tables
    # compare them as given
    stored = {name: stored_terms(name, value) for name, value in filters.items() if kind == "events" and name in STORED}
    return Query(table, filters, sort.lstrip("-"), sort.startswith("-"), limit, offset, base_iri, stored)


def filter_args(query: Query) -> str:
    """The query string of the filters and sort alone (for downloads, twins and charts)."""
    args = dict(query.filters)
    args["sort"] = ("-" if query.descending else "") + query.sort
    return urlencode(args)


def country_code(value: str) -> str:
    """Return the ISO alpha-2 code of a country given by code or name; BadParameter if none is known."""
    import pycountry

    try:
        return str(pycountry.countries.lookup(value).alpha_2)
    except LookupError:
        raise params.BadParameter(f"'country' must be a country name or ISO code such as 'SY' or 'Syria', "
                                  f"got {value!r}.") from None


@functools.cache
def country_name(code: str | None) -> str | None:
    """Return a country's short name ("Syria") from its alpha-2 code, the code itself when unknown."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper()) if code else None
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def count(store: TripleStore, query: Query) -> int:
    """How many rows the query's filters keep."""
    indexed = _indexed(query)
    if indexed is not None:
        return len(indexed)
    matched = _matched_documents(query)
    if matched is not None:
        return len(matched)
    kept = _kept(store, query)
    if kept is not None:
        return int(kept["count"])
    reads = _newest_reads(query)
    if reads is not None:
        return newest.newest_count(reads, _newest_bindings(query), kept_read)
    found = store.read(q.browse_count(query.table.kind, query.filters), query.bindings)
    return int(found[0].get("count", 0)) if found else 0


def event_iris(store: TripleStore, query: Query, limit: int) -> list[str]:
    """The IRIs of the first ``limit`` events of the query's filters and order (no names read: downloads)."""
    reads = _newest_reads(query)
    if reads is not None:
        return newest.newest_items(store, reads, _newest_bindings(query), limit, 0, kept_read)
    found = store.read(q.page(q.browse_event_ids(query.filters, query.sort, query.descending), limit, 0),
                       query.bindings)
    return list(dict.fromkeys(row["event"] for row in found))


def rows(store: TripleStore, query: Query, limit: int | None = None, offset: int | None = None) -> list[dict[str, Any]]:
    """One page of the table (the query's page unless ``limit``/``offset`` say otherwise), as row dicts."""
    kind = query.table.kind
    limit = query.limit if limit is None else limit
    offset = query.offset if offset is None else offset
    reads, indexed = _newest_reads(query), _indexed(query)
    if indexed is not None:
        return _indexed_rows(store, kind, indexed[offset:offset + limit])
    if reads is not None:
        found = _newest_rows(store, query, reads, limit, offset)
    else:
        found = store.read(q.page(q.browse(kind, query.filters, query.sort, query.descending), limit, offset),
                           query.bindings)
    key = kind[:-1]
    first: dict[str, dict[str, Any]] = {}
    for row in found:
        first.setdefault(row[key], row)
    return _CONVERT[kind](store, list(first.values()))


# The tables whose default order is newest first: the column, and the reads of the list in that order.
_NEWEST = {"events": ("date", q.browse_event_list), "documents": ("published", q.browse_document_list)}


def _newest_reads(query: Query) -> q.NewestFirst | None:
    """The newest-first reads of a table sorted newest first (``graph.newest``: a page without sorting every
    match, counts from the per-date counts), or of the events sorted by fatalities without a date window (read so,
    per toll); None for other orders (sorted by the engine) and for words in a source sentence (a scan of every
    sentence, which the per-date counts would repeat: once is enough)."""
    column, reads = _NEWEST.get(query.table.kind, ("", None))
    if reads is None or scans_sentences(query):
        return None
    if query.sort == column and query.descending:
        return reads(query.filters)
    if query.table.kind == "events" and query.sort == "fatalities" and not set(query.filters) & set(_DATES):
        return q.browse_fatalities_list(query.filters, query.descending)
    return None


def _newest_rows(store: TripleStore, query: Query, reads: q.NewestFirst, limit: int, offset: int
                 ) -> list[dict[str, Any]]:
    """The rows of one page of a table newest first: from the first events of the summary of the one actor or place
    it is filtered by (``_kept``) when they hold the page, or the documents matching its words alone
    (``_matched_documents``), else read as a newest-first list (``newest_page``)."""
    first = newest.kept_first(_kept(store, query), offset + limit) or _matched_documents(query)
    if first is None:
        return newest_page(store, query, reads, limit, offset)
    return newest.rows_of(store, reads, first[offset:offset + limit])


def _matched_documents(query: Query) -> list[str] | None:
    """The documents of the documents table, newest published first, filtered by its words alone (``q``): the
    matches of the kept document index (``api.document_index``), worked out once a request (its count and its rows
    both need them); None for other tables, orders and filters."""
    newest_first = query.sort == _NEWEST["documents"][0] and query.descending
    if query.table.kind != "documents" or set(query.filters) != {"q"} or not newest_first:
        return None
    return _once_a_request(("documents", query.filters["q"]), lambda: matching_documents(query.filters["q"]))


def _kept(store: TripleStore, query: Query) -> dict[str, Any] | None:
    """The event summary the writer keeps (``graph.link.summaries``) of the one actor or place the events table,
    newest first, is filtered by alone: its count is the table's, and its first events its first pages
    (``graph.newest.kept_first``). None for other tables, orders and filters, and when none is kept."""
    if query.table.kind != "events" or len(query.filters) != 1 or query.sort != "date" or not query.descending \
            or scans_sentences(query):
        return None
    name = next(iter(query.filters))
    return summary_of(store, str(query.bindings[f"f_{name}"])) if name in _ENTITY_IDS else None


def scans_sentences(query: Query) -> bool:
    """Whether the query filters on words in a source sentence: a scan of every sentence, read once by the
    engine's own sort rather than again for per-date counts."""
    return "text" in query.filters


def newest_page(store: TripleStore, query: Query, reads: q.NewestFirst, limit: int, offset: int
                ) -> list[dict[str, Any]]:
    """The rows (``reads.rows``) of one page of a newest-first list under the query's filters (``graph.newest``)."""
    return newest.newest_first(store, reads, _newest_bindings(query), limit, offset, kept_read)


# What the kept index of the actors and places (api.entity_index) orders and filters a table by; other sorts and
# filters (a place's first-level division) are the engine's.
_INDEXED_SORTS, _INDEXED_FILTERS = frozenset({"name", "events"}), frozenset({"q", "kind", "country"})
# The fields an entity table reads of its page's entities (a list_fields read) beside the index's name and count
_TABLE_FIELDS = {"actors": q.ACTOR_LIST_FIELDS, "places": q.PLACE_TABLE_FIELDS}


def _indexed(query: Query) -> Sequence[Listed] | None:
    """The actors or places of an entity table sorted by name or by events, filtered by name, kind or country, in the
    table's order: from the kept index (``api.entity_index``) and event counts (``_event_counts``). Sorted and
    counted by the engine, each page of the actors grouped the 60,000 events of 100,000 documents by actor: 1.5 s.
    None for other tables, sorts and filters, and when the index is not kept. Worked out once a request (its count
    and its rows both need it)."""
    key = (query.table.kind, tuple(sorted(query.filters.items())), query.sort, query.descending)
    return _once_a_request(key, lambda: _indexed_anew(query))


def _once_a_request(key: tuple[Any, ...], work: Callable[[], Value]) -> Value:
    """``work()``, done once in this request for ``key`` (a table's count and its rows ask the same)."""
    done = g.setdefault("table_work", {})
    if key not in done:
        done[key] = work()
    return done[key]


def _indexed_anew(query: Query) -> Sequence[Listed] | None:
    kind = query.table.kind
    if kind not in _TABLE_FIELDS or query.sort not in _INDEXED_SORTS or not set(query.filters) <= _INDEXED_FILTERS:
        return None
    index = kept_index(kind[:-1])
    if index is None:
        return None
    if query.sort == "name":
        return index.matching(query.filters, query.descending)
    found = index.matching(query.filters)
    counts = _event_counts(kind)
    return sorted(sorted(found, key=lambda entry: entry.iri), key=lambda entry: counts.get(entry.iri, 0),
                  reverse=query.descending)


def _event_counts(kind: str) -> dict[str, int]:
    """How many events each actor or place (``kind``: the table) has, kept until the next write (as many entries as
    the kept index has entities at most)."""
    store = current_app.extensions["conflictkg.store"]
    return current_app.extensions["conflictkg.cache"].kept(
        f"event counts {kind}", lambda: {row["entity"]: int(row["n"]) for row in store.read(q.EVENT_COUNTS[kind])},
        lambda counts: len(counts) * COUNT_BYTES, most=LABELS_KEPT * COUNT_BYTES, wait=time_left())


def _indexed_rows(store: TripleStore, kind: str, page: Sequence[Listed]) -> list[dict[str, Any]]:
    """The rows of one page of an entity table cut from the kept index: its fields read for the page alone."""
    fields, counts = list_fields(store, _TABLE_FIELDS[kind], [entry.iri for entry in page]), _event_counts(kind)
    return _CONVERT[kind](store, [{kind[:-1]: entry.iri, "name": entry.name, "events": counts.get(entry.iri, 0),
                                   **{field: entities.first_value(fields.get(entry.iri, {}), field)
                                      for field in ("kind", "country", "admin1", "wkt")}} for entry in page])


def _newest_bindings(query: Query) -> dict[str, Any]:
    """The query's bindings as ``graph.newest`` takes them: the date window as ``from`` and ``to``."""
    return {name.removeprefix("f_") if name in ("f_from", "f_to") else name: value
            for name, value in query.bindings.items()}


@overload
def _link(iri: str, name: str | None, segment: str) -> dict[str, Any]: ...
@overload
def _link(iri: str | None, name: str | None, segment: str) -> dict[str, Any] | None: ...
def _link(iri: str | None, name: str | None, segment: str) -> dict[str, Any] | None:
    if iri is None:
        return None
    entity_id = entities.local_id(iri)
    return {"id": entity_id, "name": name or entity_id, "href": f"/{segment}/{entity_id}"}


def list_fields(store: TripleStore, sparql: str, iris: list[str]) -> dict[str, dict[str, list[Any]]]:
    """The fields a list shows of these entities (``sparql``: a ``queries.list_fields`` read), as ``entities.fields``
    gives them: ``{iri: {field: [values, sorted]}}``; each entity's read once until the next write (``entity_rows``)."""
    found: dict[str, dict[str, set[Any]]] = {}
    for entity, rows in rows_by_entity(store, _FIELD_READS[sparql], sparql, iris).items():
        for row in rows:
            found.setdefault(entity, {}).setdefault(row["field"], set()).add(row["value"])
    return {entity: {field: sorted(values, key=str) for field, values in fields.items()}
            for entity, fields in found.items()}


# The list_fields reads by the name their rows are kept under (api.entity_rows)
_FIELD_READS = {q.EVENT_PLACE_FIELDS: "event place fields", q.ACTOR_LIST_FIELDS: "actor list fields",
                q.PLACE_TABLE_FIELDS: "place table fields"}


def _events(store: TripleStore, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    actors = {r.get(k) for r in found for k in ("actor1", "actor2")}
    place_iris = [r["place"] for r in found if r.get("place")]
    # the names of the page's actors and the fields of its places in one worker job: neither needs the other
    prefetch([read for read in (labels_read(actors), rows_read(_FIELD_READS[q.EVENT_PLACE_FIELDS],
                                                                q.EVENT_PLACE_FIELDS, place_iris)) if read is not None])
    names = labels(store, actors)
    places = list_fields(store, q.EVENT_PLACE_FIELDS, place_iris)

    def place_field(row: dict[str, Any], name: str) -> Any:
        values = places.get(row.get("place") or "", {}).get(name)
        return values[0] if values else None

    return [{
        **_link(r["event"], r.get("sub_type"), "events"), "date": r.get("date"), "type": r.get("type"),
        "sub_type": r.get("sub_type"),
        "actor1": _link(r.get("actor1"), names.get(r.get("actor1") or "", {}).get("name"), "actors"),
        "actor2": _link(r.get("actor2"), names.get(r.get("actor2") or "", {}).get("name"), "actors"),
        "place": _link(r.get("place"), place_field(r, "name"), "places"),
        "admin1": place_field(r, "admin1"), "country": country_name(place_field(r, "country")),
        "fatalities": r.get("fatalities"),
    } for r in found]


def _entities(segment: str) -> Any:
    def convert(store: TripleStore, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        key = segment[:-1]
        converted = []
        for r in found:
            lat, lon = entities.parse_point(r.get("wkt"))
            row = {**_link(r[key], r.get("name"), segment), "kind": r.get("kind"),
                   "country": country_name(r.get("country")), "admin1": r.get("admin1"), "events": r.get("events", 0)}
            converted.append({**row, "lat": lat, "lon": lon} if segment == "places" else row)
        return converted

    return convert


def _documents(store: TripleStore, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**_link(r["document"], r.get("title"), "documents"), "published": r.get("published"),
             "title": r.get("title"), "publisher": r.get("publisher")} for r in found]


_CONVERT = {"events": _events, "actors": _entities("actors"), "places": _entities("places"), "documents": _documents}


def regions() -> dict[str, list[str]]:
    """The countries (alpha-2) that have events, each with the first-level divisions named there: read once a write
    (``kept_read``), as every events, actors and places page and the map show them in their filter form."""
    found: dict[str, list[str]] = {}
    for row in kept_read(q.BROWSE_REGIONS, {}):
        divisions = found.setdefault(row["country"].upper(), [])
        if row.get("admin1") and row["admin1"] not in divisions:
            divisions.append(row["admin1"])
    return found
