"""What every query module shares: prefixes, the ``#PAGE#`` and ``#IRIS#`` marks, filter fragments, an evidence
node's fields and the reads of newest-first lists (``graph.newest``)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import pyoxigraph as ox

from graph.vocab import sparql_prefixes

__all__ = ["NewestFirst", "PREFIXES", "page", "with_iris"]

PREFIXES = sparql_prefixes("rdf", "schema", "sem", "ckg", "prov", "geo")

# The builder states sem:hasActor beside every role (actor1, actor2, associates), so it alone finds them all.
ROLE_PATH = "sem:hasActor"
# The roles of a bound actor: a UNION of one pattern per role is one lookup per event and role,
# where VALUES ?role joined with ``?event ?role ?actor`` made the engine scan every role triple (16x slower at
# 5,000 documents; an actor's roles 2x at 100,000).
ROLES_OF_EVENTS = "\n  UNION ".join(f"{{ ?event {role} ?actor BIND({role} AS ?role) }}" for role in (
    "ckg:actor1", "ckg:actor2", "ckg:associateActor1", "ckg:associateActor2"))
# The roles of bound events only (?event bound, ?actor free): one lookup of each event's own triples, filtered, is a
# third of the UNION's four lookups per event (100 events at 100,000 documents: 3 ms instead of 8 to 12).
ROLES_OF_BOUND_EVENTS = ("?event ?role ?actor . "
                         "FILTER(?role IN (ckg:actor1, ckg:actor2, ckg:associateActor1, ckg:associateActor2))")
PAGE = "#PAGE#"
IRIS = "#IRIS#"
# What a report's evidence node says of its event, one value a field in its document graph (graph.build).
_EVIDENCE_FIELDS = {"text": "ckg:text", "date": "sem:hasTimeStamp", "precision": "ckg:datePrecision",
                    "fatalities": "ckg:fatalities", "confidence": "ckg:confidence", "start": "ckg:start",
                    "end": "ckg:end"}


def evidence_fields(node: str, fields: Iterable[str]) -> str:
    """The OPTIONAL patterns binding ``?<field>`` to each of ``fields`` of the evidence node ``?<node>``."""
    return "\n    ".join(f"OPTIONAL {{ ?{node} {_EVIDENCE_FIELDS[field]} ?{field} }}" for field in fields)


def page(query: str, limit: int, offset: int) -> str:
    """Return ``query`` with its ``#PAGE#`` mark replaced by ``LIMIT``/``OFFSET`` of two integers."""
    if type(limit) is not int or type(offset) is not int or limit < 0 or offset < 0:
        raise ValueError("limit and offset must be non-negative integers")
    return query.replace(PAGE, f"LIMIT {limit} OFFSET {offset}")


def with_iris(query: str, iris: Iterable[str]) -> str:
    """Return ``query`` with its ``#IRIS#`` mark replaced by the IRIs, each parsed by Oxigraph (ValueError if bad)."""
    return query.replace(IRIS, " ".join(str(ox.NamedNode(str(iri))) for iri in iris))


def with_fragments(fragments: dict[str, str], present: Iterable[str]) -> str:
    """The fragments named in ``present``, in the order of ``fragments``, one a line."""
    return "\n".join(fragments[name] for name in fragments if name in set(present))

TEXT_MATCH = "FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?q)))"

# Date filters compare ISO texts truncated to the shorter of the two, so an event dated
# "2018-07" overlaps from=2018-07-15, and to=2018 keeps "2018-12-31".
EVENT_FILTERS = {
    "actor": f"?event {ROLE_PATH} ?actor .",
    "place": "?event sem:hasPlace ?place .",
    "type": "?event ckg:eventType ?type .",
    "sub_type": "?event ckg:subEventType ?sub_type .",
    "document": "GRAPH ?report { ?event prov:wasDerivedFrom ?document }",
    "from": "FILTER(SUBSTR(STR(?date), 1, IF(STRLEN(STR(?date)) < STRLEN(?from), STRLEN(STR(?date)), STRLEN(?from)))"
    " >= SUBSTR(?from, 1, STRLEN(STR(?date))))",
    "to": "FILTER(SUBSTR(STR(?date), 1, STRLEN(?to)) <= SUBSTR(?to, 1, STRLEN(STR(?date))))",
}

# ---------------------------------------------------------------- newest-first lists (graph.newest)
# Sorting every match by date and IRI made the engine fetch each IRI's text at every comparison (the
# tie-break) and look each match's date up; counting matches per date reads dates alone (stored inline),
# then only the few dates a page spans are read with their IRIs.


class NewestFirst(NamedTuple):
    """The reads of one newest-first list (``graph.newest``); each binds the list's filters at its first ``WHERE {``."""

    # every date of the matches, newest first, with how many matches have it (?day ?datatype ?n); a window
    # (``from``, ``to``) is not in it but checked on its rows (``graph.newest``), so all windows share one read
    dates: str
    total: str | None  # how many matches there are, dated or not (?n); None when a date filter drops undated ones
    of_dates: str  # the matches (?item ?day ?datatype), of the dates in #DAYS# (a VALUES block or none), unordered
    # the undated matches (?item), unordered: sorted by IRI in Python (the engine fetched every IRI's text at each
    # comparison: the 40,938 events without a toll of 100,000 documents took 10 s to sort, 0.4 s to read)
    undated: str
    rows: str  # the fields of the page's items (#IRIS#), one row per item (?item and the item's own name)
    dates_first: bool  # of_dates starts from the dates, bound with the filters in one VALUES block
    # of_dates with each match's ``rows`` fields: a page whose dates hold few more matches than it reads them at once
    dated_rows: str
    key: str = "date"  # the variable of the dates (or other values) the list is ordered by
    undated_first: bool = False  # the matches without one come first (a list least first), not last


# Filters that name one entity: the engine best starts from it (an actor's few hundred events), and the page's
# dates are a VALUES block of their own. Other filters (an event type) match thousands: as a block of their own
# the engine joined it first, so the dates go first, in one block with them (type=Battles: 150 -> 4 ms).
# The events table's actor_id and place_id name one too; its actor and place match names (a few actors each); ``among``
# names a few hundred events.
_ONE_ENTITY = {"actor", "place", "document", "actor_id", "place_id", "among"}
# Event filters through sem:hasActor or sem:hasPlace, which the builder states of events alone (graph.build): a list
# with one of them counts its matches without checking each one's class (a lookup per event: a busy actor's
# total took 8.9 ms with it, 0.6 ms without, at 100,000 documents).
_OF_EVENTS_ALONE = {"actor", "place", "actor_id", "place_id", "named"}


def newest_first(  # noqa: PLR0913 (the order's two are keyword-only: the newest-first lists leave them)
        item: str, stamp: str, cls: str, fragments: dict[str, str], filters: set[str], fields: str, *,
        key: str = "date", descending: bool = True) -> NewestFirst:
    """The reads of a newest-first list of ``item``s of class ``cls`` dated by ``stamp``, with the chosen filters.

    Any other one-valued ``stamp`` orders a list so too (``key``: its variable, which the filters and fields must
    not bind): ``descending``, most first and items without one last; else least first, those without one first
    (``ORDER BY`` puts unbound values before every other).

    An item with two values of ``stamp`` (only a raw write makes one: the builder gives an event one date and one
    toll) is counted at each, so the list holds it twice: once on a page that spans both places, else on both pages,
    its row showing either value; every item after its second place comes one place later, and the last falls past
    the list's total. Counting each item at one value would turn the count per value, which every page of a list
    reads, into a nested aggregate over every match (60,000 events at 100,000 documents) for what only a raw write
    makes.
    """
    dates = {"from", "to"} & filters
    chosen = with_fragments(fragments, filters - dates)
    where_dated = f"{chosen}\n  ?{item} {stamp} ?{key} ."
    dates_first = not filters & _ONE_ENTITY
    dates_then_filters = f"?{item} {stamp} ?{key} .\n  {chosen}"
    typed = "" if cls == "sem:Event" and filters & _OF_EVENTS_ALONE else f"\n  ?{item} a {cls} ."
    matches = dates_then_filters if dates_first else where_dated
    order = f"DESC(?{key})" if descending else f"?{key}"
    # the variables ``rows`` gives besides ?item: the item's and its fields' (not the filters', nor ?day's)
    shown = " ".join(dict.fromkeys(f"?{name}" for name in [item, *re.findall(r"\?(\w+)", fields)]))
    return NewestFirst(
        dates=PREFIXES + f"""SELECT (STR(?{key}) AS ?day) (DATATYPE(?{key}) AS ?datatype)
  (COUNT(DISTINCT ?{item}) AS ?n) WHERE {{
  {where_dated}
}} GROUP BY ?{key} ORDER BY {order}
""",
        total=None if dates else PREFIXES + f"""SELECT (COUNT(DISTINCT ?{item}) AS ?n) WHERE {{
  {chosen}{typed}
}}
""",
        of_dates=PREFIXES + f"""SELECT DISTINCT (?{item} AS ?item) (STR(?{key}) AS ?day) (DATATYPE(?{key}) AS ?datatype)
WHERE {{
  #DAYS#
  {matches}
}}
""",
        undated=PREFIXES + f"""SELECT DISTINCT (?{item} AS ?item) WHERE {{
  {chosen}
  ?{item} a {cls} .
  MINUS {{ ?{item} {stamp} ?{key} }}
}}
""",
        rows=PREFIXES + f"""SELECT * WHERE {{
  VALUES ?{item} {{ {IRIS} }}
  BIND(?{item} AS ?item)
  {fields}
}}
""",
        dates_first=dates_first,
        key=key,
        undated_first=not descending,
        dated_rows=PREFIXES + f"""SELECT (?{item} AS ?item) (STR(?{key}) AS ?day) (DATATYPE(?{key}) AS ?datatype)
  {shown} WHERE {{
  #DAYS#
  {matches}
  {fields}
}}
""")

EVENT_FIELDS = """OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event sem:hasPlace ?place }
  OPTIONAL { ?event ckg:fatalities ?fatalities }
  OPTIONAL { ?event ckg:actor1 ?actor1 }
  OPTIONAL { ?event ckg:actor2 ?actor2 }"""

DOCUMENT_FIELDS = """OPTIONAL { ?document schema:datePublished ?published }
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:publisher ?publisher }"""
