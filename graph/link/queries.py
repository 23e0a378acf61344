"""The queries and updates of linking and the current graph (``graph.link``), re-exported by ``graph.queries``.

These run with ``Store.select`` over every graph; ``#IRIS#`` lists hold IRIs the store gave
(``graph.queries.with_iris``). Prefixes come from ``graph.vocab``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from graph.queries import with_iris
from graph.queries.base import evidence_fields
from graph.vocab import CKG, CURRENT_GRAPH, GEO, PROV, SDO, SEM, sparql_prefixes

__all__ = [
    "READING_SKIPPED",
    "READINGS_OF",
    "LATEST_READINGS",
    "GRAPH_SUBJECTS",
    "ALL_SUBJECTS",
    "WITH_CURRENT_FACTS",
    "ANY_CURRENT_FACTS",
    "EVENT_GRAPHS",
    "DROP_CURRENT",
    "DOCUMENTS_OF",
    "KEPT_DOCUMENTS",
    "EVIDENCE_FIGURES",
    "STORE_EVENTS",
    "EVENTS_IN_WINDOWS",
    "EVENTS_OF_KEYS",
    "MENTIONS_OF",
    "RENAME_EVENTS",
    "EVENT_FACTS",
    "TALLIES_OF",
    "ENTITY_EVENTS",
    "TALLIES_WHOLE",
    "MARK_TALLIES_WHOLE",
    "DROP_SUMMARIES",
    "delete_summaries",
    "replace_summaries",
    "delete_current",
    "replace_current",
    "insert_default",
    "with_windows",
]

_IRIS = "#IRIS#"  # the mark graph.queries.with_iris replaces
# These run with ``Store.select`` over every graph; #IRIS# lists hold IRIs the store gave (``with_iris``).

_CURRENT = f"<{CURRENT_GRAPH}>"
_CLASSES = "sem:Actor sem:Place sem:Event ckg:Document"  # the classes whose members get current facts
_LINK_PREFIXES = sparql_prefixes("ckg", "sem", "prov", "schema", "geo", "time")

# What the readings of an entity leave out: per-report links, what the current facts derive (sem:hasActor,
# coordinates), article texts.
READING_SKIPPED = tuple(str(p) for p in (PROV.wasDerivedFrom, PROV.wasGeneratedBy, CKG.evidence, SEM.hasActor,
                                          SDO.latitude, SDO.longitude, GEO.hasGeometry, SDO.text))

# Every (subject, predicate, value) of #IRIS# that document graphs state, with how many documents state it.
# A quad is stated once, so each graph counts once without DISTINCT; the datatype is read once per value, after
# grouping: a stored actor is stated by every report that names it, and work per report is what grows.
READINGS_OF = _LINK_PREFIXES + f"""SELECT ?s ?p ?o (IF(isIRI(?o), "", STR(DATATYPE(?o))) AS ?dt) ?n WHERE {{
  {{ SELECT ?s ?p ?o (COUNT(?g) AS ?n) WHERE {{
    VALUES ?s {{ {_IRIS} }}
    GRAPH ?g {{ ?s ?p ?o }}
    FILTER(?g != {_CURRENT})
    FILTER(?p NOT IN ({", ".join(f"<{p}>" for p in READING_SKIPPED)}))
  }} GROUP BY ?s ?p ?o }}
}}
"""

# For values that tie on the number of reports (#PAIRS#: (?s ?p) rows): the latest publication date of each.
LATEST_READINGS = _LINK_PREFIXES + f"""SELECT ?s ?p ?o (MAX(STR(?published)) AS ?latest) WHERE {{
  VALUES (?s ?p) {{ #PAIRS# }}
  GRAPH ?g {{ ?s ?p ?o . ?doc a ckg:Document ; schema:datePublished ?published }}
  FILTER(?g != {_CURRENT})
}} GROUP BY ?s ?p ?o
"""

# The actors, places, events and documents that these document graphs (#IRIS#) mention, with their class.
GRAPH_SUBJECTS = _LINK_PREFIXES + f"""SELECT DISTINCT ?s ?t WHERE {{
  VALUES ?g {{ {_IRIS} }}
  VALUES ?t {{ {_CLASSES} }}
  GRAPH ?g {{ ?s a ?t }}
}}
"""

# Every actor, place, event and document of every document graph.
ALL_SUBJECTS = _LINK_PREFIXES + f"""SELECT DISTINCT ?s WHERE {{
  VALUES ?t {{ {_CLASSES} }}
  GRAPH ?g {{ ?s a ?t }}
  FILTER(?g != {_CURRENT})
}}
"""

# The subjects of #IRIS# that have current facts.
WITH_CURRENT_FACTS = f"""SELECT DISTINCT ?s WHERE {{ VALUES ?s {{ {_IRIS} }} GRAPH {_CURRENT} {{ ?s ?p ?o }} }}"""

# Whether any subject of #IRIS# has current facts already.
ANY_CURRENT_FACTS = f"""SELECT ?s WHERE {{ VALUES ?s {{ {_IRIS} }} GRAPH {_CURRENT} {{ ?s ?p ?o }} }} LIMIT 1"""

# The document graphs in which each event of #IRIS# is.
EVENT_GRAPHS = _LINK_PREFIXES + f"""SELECT DISTINCT ?s ?g WHERE {{
  VALUES ?s {{ {_IRIS} }} GRAPH ?g {{ ?s a sem:Event }}
}}
"""

# The current facts of #IRIS# and of the nodes they own (readings, geometry, time), deleted. An actor's or place's
# event summary is not one of them: it changes with its events' facts (graph.link.summaries), not with its own.
_DELETE_CURRENT = _LINK_PREFIXES + f"""DELETE {{ GRAPH {_CURRENT} {{ ?x ?p ?o }} }} WHERE {{
  VALUES ?s {{ {_IRIS} }}
  GRAPH {_CURRENT} {{
    {{ ?s ?p ?o FILTER(?p NOT IN (ckg:eventSummary, ckg:eventTally)) BIND(?s AS ?x) }}
    UNION {{ ?s ckg:reading|geo:hasGeometry|time:hasTime ?x . ?x ?p ?o }}
  }}
}}"""

DROP_CURRENT = f"DROP SILENT GRAPH {_CURRENT}"


def delete_current(iris: Iterable[str]) -> str:
    """The update deleting the current facts of ``iris`` (and of the nodes they own)."""
    return with_iris(_DELETE_CURRENT, iris)


def replace_current(iris: Iterable[str], ntriples: str) -> str:
    """The update replacing the current facts of ``iris`` (and of the nodes they own) with ``ntriples``."""
    return f"{delete_current(iris)} ;\nINSERT DATA {{ GRAPH {_CURRENT} {{\n{ntriples}\n}} }}"


def insert_default(ntriples: str) -> str:
    """The update adding ``ntriples`` (N-Triples the code wrote) to the default graph."""
    return f"INSERT DATA {{ {ntriples} }}"


# Every document that mentions each subject of #IRIS#, with the date its own graph gives it (its current date is
# that one: a document is stated by its graph alone, and its current facts may not be written yet).
DOCUMENTS_OF = _LINK_PREFIXES + f"""SELECT ?s ?document ?published WHERE {{
  VALUES ?s {{ {_IRIS} }}
  GRAPH ?g {{ ?s prov:wasDerivedFrom ?document OPTIONAL {{ ?document schema:datePublished ?published }} }}
  FILTER(?g != {_CURRENT})
}}
"""

# The documents each subject of #IRIS# keeps, with their dates.
KEPT_DOCUMENTS = _LINK_PREFIXES + f"""SELECT ?s ?document ?published WHERE {{
  VALUES ?s {{ {_IRIS} }}
  GRAPH {_CURRENT} {{ ?s ckg:recentDocument ?document OPTIONAL {{ ?document schema:datePublished ?published }} }}
}}
"""

# The current facts of the events #IRIS# that their actors' and places' summaries count (graph.link.summaries): date,
# place, actors (sem:hasActor) and roles. One index range per event, filtered: a UNION of one pattern per predicate
# took 1.5x as long (300 events of a batch).
EVENT_FACTS = _LINK_PREFIXES + f"""SELECT ?event ?p ?o ?datatype WHERE {{
  VALUES ?event {{ {_IRIS} }}
  GRAPH {_CURRENT} {{ ?event ?p ?o }}
  FILTER(?p IN (sem:hasTimeStamp, sem:hasPlace, sem:hasActor, ckg:actor1, ckg:actor2, ckg:associateActor1,
                ckg:associateActor2))
  BIND(DATATYPE(?o) AS ?datatype)
}}
"""

# The events of the actors and places #IRIS# in the current graph: what an actor's or place's tally counts, read
# whole when it has none yet (graph.link.summaries).
ENTITY_EVENTS = _LINK_PREFIXES + f"""SELECT DISTINCT ?entity ?event WHERE {{
  VALUES ?entity {{ {_IRIS} }}
  GRAPH {_CURRENT} {{
    {{ ?event sem:hasActor ?entity }} UNION {{ ?event sem:hasPlace ?entity }}
    UNION {{ ?event ckg:actor1|ckg:actor2|ckg:associateActor1|ckg:associateActor2 ?entity }}
  }}
}}
"""

# The event tallies of the actors and places #IRIS# (graph.link.summaries).
TALLIES_OF = _LINK_PREFIXES + f"""SELECT ?s ?tally WHERE {{
  VALUES ?s {{ {_IRIS} }} GRAPH {_CURRENT} {{ ?s ckg:eventTally ?tally }}
}}
"""

# Whether the current graph has every actor's and place's event tally (graph.link.summaries); its mark, written when
# the current graph is begun (an empty store's first write, a rebuild).
TALLIES_WHOLE = _LINK_PREFIXES + f"""SELECT ?all WHERE {{ GRAPH {_CURRENT} {{ {_CURRENT} ckg:eventTally ?all }} }}"""
MARK_TALLIES_WHOLE = _LINK_PREFIXES + f"""INSERT {{
  GRAPH {_CURRENT} {{ {_CURRENT} ckg:eventTally "every actor and place" }}
}} WHERE {{ FILTER NOT EXISTS {{ GRAPH {_CURRENT} {{ ?s ?p ?o }} }} }}"""

# Every event tally and summary, the whole-mark with them, deleted in one update (graph.link.summaries.drop_all).
DROP_SUMMARIES = _LINK_PREFIXES + f"""DELETE {{ GRAPH {_CURRENT} {{ ?s ?p ?o }} }} WHERE {{
  VALUES ?p {{ ckg:eventSummary ckg:eventTally }} GRAPH {_CURRENT} {{ ?s ?p ?o }}
}}"""

# The event tallies and summaries of #IRIS#, deleted.
_DELETE_SUMMARIES = _LINK_PREFIXES + f"""DELETE {{ GRAPH {_CURRENT} {{ ?s ?p ?o }} }} WHERE {{
  VALUES ?s {{ {_IRIS} }} VALUES ?p {{ ckg:eventSummary ckg:eventTally }} GRAPH {_CURRENT} {{ ?s ?p ?o }}
}}"""


def delete_summaries(iris: Iterable[str]) -> str:
    """The update deleting the event tallies and summaries of ``iris``."""
    return with_iris(_DELETE_SUMMARIES, iris)


def replace_summaries(iris: Iterable[str], ntriples: str) -> str:
    """The update replacing the event tallies and summaries of ``iris`` with ``ntriples``."""
    return f"{delete_summaries(iris)} ;\nINSERT DATA {{ GRAPH {_CURRENT} {{\n{ntriples}\n}} }}"


# Each report's figures of the events #IRIS#: one row per evidence node (graph.link.merged).
EVIDENCE_FIGURES = _LINK_PREFIXES + """SELECT ?event ?doc ?fatalities ?date ?precision ?confidence WHERE {
  VALUES ?event { """ + _IRIS + """ }
  GRAPH ?g {
    ?event ckg:evidence ?ev .
    ?ev ckg:document ?doc .
    """ + evidence_fields("ev", ("fatalities", "date", "precision", "confidence")) + """
  }
}
"""

# Every dated, placed event mention of every document graph, for relinking a batch (graph.link.relink).
# The place first: the engine joins in the order written, and a place has few events where a type has thousands.
_EVENT_MENTIONS = """?event sem:hasPlace ?place ; ckg:eventType ?type ; ckg:subEventType ?sub ; ckg:evidence ?ev .
    ?ev sem:hasTimeStamp ?date .
    OPTIONAL { ?ev ckg:datePrecision ?precision }
    OPTIONAL { ?event ckg:actor1 ?a1 }
    OPTIONAL { ?event ckg:actor2 ?a2 }"""

STORE_EVENTS = _LINK_PREFIXES + f"""SELECT ?g ?event ?type ?sub ?place ?date ?precision ?a1 ?a2 WHERE {{
  GRAPH ?g {{
    {_EVENT_MENTIONS}
  }}
}}
"""

# The events of some (type, sub-type, place) keys that a document graph reports on a date starting with a prefix
# (#WINDOWS#: ("type" "sub" <place> "prefix") rows: a year, or a whole date the linker cannot read), for relinking a
# batch. VALUES inside GRAPH: the engine then looks each key's place up (outside, it scanned every event per key).
EVENTS_IN_WINDOWS = _LINK_PREFIXES + """SELECT DISTINCT ?event WHERE {
  GRAPH ?g {
    VALUES (?type ?sub ?place ?prefix) { #WINDOWS# }
    ?event sem:hasPlace ?place ; ckg:eventType ?type ; ckg:subEventType ?sub ; ckg:evidence ?ev .
    ?ev sem:hasTimeStamp ?date .
    FILTER(STRSTARTS(STR(?date), ?prefix))
  }
}
"""

# The events of some (type, sub-type, place) keys (#WINDOWS#: ("type" "sub" <place>) rows) with the year of each of
# their mentions' dates: every window of those keys at once, for the windows the tallies keep (graph.link.tallies).
EVENTS_OF_KEYS = _LINK_PREFIXES + """SELECT DISTINCT ?type ?sub ?place ?year ?event WHERE {
  GRAPH ?g {
    VALUES (?type ?sub ?place) { #WINDOWS# }
    ?event sem:hasPlace ?place ; ckg:eventType ?type ; ckg:subEventType ?sub ; ckg:evidence ?ev .
    ?ev sem:hasTimeStamp ?date .
  }
  BIND(SUBSTR(STR(?date), 1, 4) AS ?year)
}
"""

# The rows of STORE_EVENTS of the events #IRIS#: every graph's mentions of them.
MENTIONS_OF = _LINK_PREFIXES + f"""SELECT ?g ?event ?type ?sub ?place ?date ?precision ?a1 ?a2 WHERE {{
  GRAPH ?g {{
    VALUES ?event {{ {_IRIS} }}
    {_EVENT_MENTIONS}
  }}
}}
"""


def with_windows(query: str, windows: Iterable[tuple[str, ...]]) -> str:
    """Return ``query`` with its ``#WINDOWS#`` mark replaced by (type, sub-type, place IRI[, date prefix]) rows."""
    return query.replace("#WINDOWS#", " ".join(f"({ox.Literal(kind)} {ox.Literal(sub)} {ox.NamedNode(place)}"
                                               + "".join(f" {ox.Literal(p)}" for p in prefix) + ")"
                                               for kind, sub, place, *prefix in windows))


# Rename events in graphs (#ROWS#: (graph old new swap) rows), flipping actor roles where ``swap``.
RENAME_EVENTS = _LINK_PREFIXES + """DELETE { GRAPH ?g { ?old ?p ?o } } INSERT { GRAPH ?g { ?new ?q ?o } }
WHERE {
  VALUES (?g ?old ?new ?swap) { #ROWS# }
  GRAPH ?g { ?old ?p ?o }
  BIND(IF(?swap, IF(?p = ckg:actor1, ckg:actor2, IF(?p = ckg:actor2, ckg:actor1, IF(?p = ckg:associateActor1,
       ckg:associateActor2, IF(?p = ckg:associateActor2, ckg:associateActor1, ?p)))), ?p) AS ?q)
}"""
