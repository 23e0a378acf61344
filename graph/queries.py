"""Every named SPARQL query the REST API runs, parameterised by ``Store.select`` bindings.

Values from users only ever arrive as bindings (a ``VALUES`` block the store builds from
RDF terms), never as query text. The only text assembled here is constant fragments chosen
by *which* filters are present, and ``LIMIT``/``OFFSET`` from validated integers.

Paged queries put their filters in an inner ``SELECT ... WHERE {`` and write the outer
query without the ``WHERE`` keyword: ``Store.select`` binds at the first ``WHERE {``, so the
bindings reach the page selection, and the outer OPTIONALs only decorate that one page.
Every lookup by entity is a fixed number of queries (aggregates, no query per row).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "PREFIXES",
    "ROLES",
    "SEPARATOR",
    "actor_list",
    "place_list",
    "event_list",
    "document_list",
    "page",
    "ACTOR",
    "ACTOR_AFFILIATIONS",
    "ACTOR_ROLES",
    "ACTOR_SPAN",
    "ACTOR_EVENTS",
    "ACTOR_CO_ACTORS",
    "ACTOR_PLACES",
    "ACTOR_DOCUMENTS",
    "PLACE",
    "PLACE_EVENTS",
    "PLACE_SPAN",
    "PLACE_ACTORS",
    "PLACE_DOCUMENTS",
    "EVENT",
    "EVENT_ACTORS",
    "EVENT_EVIDENCE",
    "EVENT_REPORTERS",
    "DOCUMENT",
    "DOCUMENT_ENTITIES",
    "SEARCH_ACTORS",
    "SEARCH_PLACES",
    "SEARCH_EVENTS",
    "STATS",
    "DESCRIBE",
]

PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <https://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
"""

# Separator of GROUP_CONCAT lists: a control character no name contains.
SEPARATOR = "\x1f"
_SEP = '"\\u001F"'

# The event roles of an actor, as (property local name, role name in JSON).
ROLES = (("actor1", "actor1"), ("actor2", "actor2"), ("associateActor1", "associate1"),
         ("associateActor2", "associate2"))
_ROLE_PATH = "ckg:actor1|ckg:actor2|ckg:associateActor1|ckg:associateActor2|sem:hasActor"
_ROLE_VALUES = "VALUES ?role { ckg:actor1 ckg:actor2 ckg:associateActor1 ckg:associateActor2 }"
_PAGE = "#PAGE#"


def page(query: str, limit: int, offset: int) -> str:
    """Return ``query`` with its ``#PAGE#`` mark replaced by ``LIMIT``/``OFFSET`` of two integers."""
    if type(limit) is not int or type(offset) is not int or limit < 0 or offset < 0:
        raise ValueError("limit and offset must be non-negative integers")
    return query.replace(_PAGE, f"LIMIT {limit} OFFSET {offset}")


def _with(fragments: dict[str, str], present: Iterable[str]) -> str:
    return "\n".join(fragments[name] for name in fragments if name in set(present))


# ---------------------------------------------------------------- lists

_ACTOR_FILTERS = {
    "q": "FILTER EXISTS { ?actor schema:name|schema:alternateName ?label . "
    "FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?q))) }",
    "kind": "FILTER EXISTS { ?actor ckg:kind ?kind }",
}

_ACTOR_LIST = PREFIXES + """SELECT ?actor (MIN(?n) AS ?name) (MIN(?k) AS ?kind_) (SAMPLE(?c) AS ?country)
  (GROUP_CONCAT(DISTINCT ?alias; separator=""" + _SEP + """) AS ?aliases) WHERE {
  ?actor a sem:Actor ; schema:name ?n .
  #FILTERS#
  OPTIONAL { ?actor ckg:kind ?k }
  OPTIONAL { ?actor ckg:countryCode ?c }
  OPTIONAL { ?actor schema:alternateName ?alias }
} GROUP BY ?actor ORDER BY LCASE(STR(?name)) ?actor #PAGE#
"""


def actor_list(filters: Iterable[str]) -> str:
    """The actors list, filtered by any of ``q`` (name or alias contains) and ``kind``."""
    return _ACTOR_LIST.replace("#FILTERS#", _with(_ACTOR_FILTERS, filters))


_PLACE_FILTERS = {
    "q": "FILTER EXISTS { ?place schema:name|schema:alternateName ?label . "
    "FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?q))) }",
    "kind": "FILTER EXISTS { ?place ckg:kind ?kind }",
    "country": "FILTER EXISTS { ?place ckg:countryCode ?cc . FILTER(UCASE(STR(?cc)) = UCASE(?country)) }",
}

_PLACE_LIST = PREFIXES + """SELECT ?place (MIN(?n) AS ?name) (MIN(?k) AS ?kind_) (SAMPLE(?c) AS ?country_)
  (SAMPLE(?a1) AS ?admin1) (SAMPLE(?wkt) AS ?wkt_) WHERE {
  ?place a sem:Place ; schema:name ?n .
  #FILTERS#
  OPTIONAL { ?place ckg:kind ?k }
  OPTIONAL { ?place ckg:countryCode ?c }
  OPTIONAL { ?place ckg:admin1 ?a1r . OPTIONAL { ?a1r schema:name ?a1n } BIND(COALESCE(?a1n, ?a1r) AS ?a1) }
  OPTIONAL { ?place geo:hasGeometry/geo:asWKT ?wkt }
} GROUP BY ?place ORDER BY LCASE(STR(?name)) ?place #PAGE#
"""


def place_list(filters: Iterable[str]) -> str:
    """The places list, filtered by any of ``q``, ``kind`` and ``country`` (ISO alpha-2)."""
    return _PLACE_LIST.replace("#FILTERS#", _with(_PLACE_FILTERS, filters))


# Date filters compare ISO texts truncated to the shorter of the two, so an event dated
# "2018-07" overlaps from=2018-07-15, and to=2018 keeps "2018-12-31".
_EVENT_FILTERS = {
    "actor": f"?event {_ROLE_PATH} ?actor .",
    "place": "?event sem:hasPlace ?place .",
    "type": "?event ckg:eventType ?type .",
    "sub_type": "?event ckg:subEventType ?sub_type .",
    "document": "?event prov:wasDerivedFrom ?document .",
    "from": "FILTER(SUBSTR(STR(?date), 1, IF(STRLEN(STR(?date)) < STRLEN(?from), STRLEN(STR(?date)), STRLEN(?from)))"
    " >= SUBSTR(?from, 1, STRLEN(STR(?date))))",
    "to": "FILTER(SUBSTR(STR(?date), 1, STRLEN(?to)) <= SUBSTR(?to, 1, STRLEN(STR(?date))))",
}

_EVENT_LIST = PREFIXES + """SELECT DISTINCT ?event ?date ?type ?sub_type ?place ?place_name ?fatalities
  ?actor1 ?actor1_name ?actor2 ?actor2_name {
  { SELECT DISTINCT ?event ?date WHERE {
      ?event a sem:Event .
      OPTIONAL { ?event sem:hasTimeStamp ?date }
      #FILTERS#
    } ORDER BY DESC(?date) ?event #PAGE# }
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event sem:hasPlace ?place . OPTIONAL { ?place schema:name ?place_name } }
  OPTIONAL { ?event ckg:fatalities ?fatalities }
  OPTIONAL { ?event ckg:actor1 ?actor1 . OPTIONAL { ?actor1 schema:name ?actor1_name } }
  OPTIONAL { ?event ckg:actor2 ?actor2 . OPTIONAL { ?actor2 schema:name ?actor2_name } }
} ORDER BY DESC(?date) ?event
"""


def event_list(filters: Iterable[str]) -> str:
    """The events list, newest first, filtered by any of actor, place, type, sub_type, document, from, to."""
    return _EVENT_LIST.replace("#FILTERS#", _with(_EVENT_FILTERS, filters))


_DOCUMENT_FILTERS = {
    "q": "FILTER EXISTS { ?document schema:headline|schema:publisher ?label . "
    "FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?q))) }",
}

_DOCUMENT_LIST = PREFIXES + """SELECT DISTINCT ?document ?title ?publisher ?published ?path {
  { SELECT DISTINCT ?document ?published WHERE {
      ?document a ckg:Document .
      OPTIONAL { ?document schema:datePublished ?published }
      #FILTERS#
    } ORDER BY DESC(?published) ?document #PAGE# }
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:publisher ?publisher }
  OPTIONAL { ?document ckg:sourcePath|schema:url ?path }
} ORDER BY DESC(?published) ?document
"""


def document_list(filters: Iterable[str]) -> str:
    """The documents list, newest first, filtered by ``q`` (title or publisher contains)."""
    return _DOCUMENT_LIST.replace("#FILTERS#", _with(_DOCUMENT_FILTERS, filters))


# ---------------------------------------------------------------- actors (bound: ?actor)

ACTOR = PREFIXES + """SELECT DISTINCT ?name ?kind ?country ?alias WHERE {
  ?actor a sem:Actor .
  OPTIONAL { ?actor schema:name ?name }
  OPTIONAL { ?actor ckg:kind ?kind }
  OPTIONAL { ?actor ckg:countryCode ?country }
  OPTIONAL { ?actor schema:alternateName ?alias }
}
"""

ACTOR_AFFILIATIONS = PREFIXES + """SELECT DISTINCT ?relation ?direction ?other ?other_name WHERE {
  VALUES ?relation { ckg:memberOf ckg:partOf ckg:affiliatedWith ckg:supports ckg:leads }
  { ?actor ?relation ?other . BIND("out" AS ?direction) }
  UNION { ?other ?relation ?actor . BIND("in" AS ?direction) }
  OPTIONAL { ?other schema:name ?other_name }
} ORDER BY ?relation ?direction ?other_name
"""

ACTOR_ROLES = PREFIXES + """SELECT ?role (COUNT(DISTINCT ?event) AS ?events) (MIN(STR(?date)) AS ?first)
  (MAX(STR(?date)) AS ?last) WHERE {
  """ + _ROLE_VALUES + """
  ?event ?role ?actor .
  OPTIONAL { ?event sem:hasTimeStamp ?date }
} GROUP BY ?role
"""

ACTOR_SPAN = PREFIXES + """SELECT (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event """ + _ROLE_PATH + """ ?actor .
}
"""

ACTOR_EVENTS = PREFIXES + """SELECT DISTINCT ?event ?role ?date ?type ?sub_type ?place ?place_name WHERE {
  """ + _ROLE_VALUES + """
  ?event ?role ?actor .
  OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event sem:hasPlace ?place . OPTIONAL { ?place schema:name ?place_name } }
} ORDER BY DESC(?date) ?event #PAGE#
"""

ACTOR_CO_ACTORS = PREFIXES + """SELECT ?other (SAMPLE(?n) AS ?name) (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event """ + _ROLE_PATH + """ ?actor .
  ?event """ + _ROLE_PATH + """ ?other .
  FILTER(?other != ?actor)
  OPTIONAL { ?other schema:name ?n }
} GROUP BY ?other ORDER BY DESC(?events) ?name #PAGE#
"""

ACTOR_PLACES = PREFIXES + """SELECT ?place (SAMPLE(?n) AS ?name) (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event """ + _ROLE_PATH + """ ?actor .
  ?event sem:hasPlace ?place .
  OPTIONAL { ?place schema:name ?n }
} GROUP BY ?place ORDER BY DESC(?events) ?name #PAGE#
"""

ACTOR_DOCUMENTS = PREFIXES + """SELECT DISTINCT ?document ?title ?published WHERE {
  ?actor prov:wasDerivedFrom ?document .
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:datePublished ?published }
} ORDER BY DESC(?published) ?document #PAGE#
"""

# ---------------------------------------------------------------- places (bound: ?place)

PLACE = PREFIXES + """SELECT DISTINCT ?name ?kind ?country ?admin1 ?geonames ?precision ?wkt ?alias WHERE {
  ?place a sem:Place .
  OPTIONAL { ?place schema:name ?name }
  OPTIONAL { ?place ckg:kind ?kind }
  OPTIONAL { ?place ckg:countryCode ?country }
  OPTIONAL { ?place ckg:admin1 ?a1r . OPTIONAL { ?a1r schema:name ?a1n } BIND(COALESCE(?a1n, ?a1r) AS ?admin1) }
  OPTIONAL { ?place ckg:geonamesId ?geonames }
  OPTIONAL { ?place ckg:geoPrecision ?precision }
  OPTIONAL { ?place geo:hasGeometry/geo:asWKT ?wkt }
  OPTIONAL { ?place schema:alternateName ?alias }
}
"""

PLACE_EVENTS = PREFIXES + """SELECT DISTINCT ?event ?date ?type ?sub_type ?fatalities WHERE {
  ?event sem:hasPlace ?place .
  OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event ckg:fatalities ?fatalities }
} ORDER BY DESC(?date) ?event #PAGE#
"""

PLACE_SPAN = PREFIXES + """SELECT (COUNT(DISTINCT ?event) AS ?events) (MIN(STR(?date)) AS ?first)
  (MAX(STR(?date)) AS ?last) WHERE {
  ?event sem:hasPlace ?place .
  OPTIONAL { ?event sem:hasTimeStamp ?date }
}
"""

PLACE_ACTORS = PREFIXES + """SELECT ?actor (SAMPLE(?n) AS ?name) (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event sem:hasPlace ?place .
  ?event """ + _ROLE_PATH + """ ?actor .
  OPTIONAL { ?actor schema:name ?n }
} GROUP BY ?actor ORDER BY DESC(?events) ?name #PAGE#
"""

PLACE_DOCUMENTS = PREFIXES + """SELECT DISTINCT ?document ?title ?published WHERE {
  ?place prov:wasDerivedFrom ?document .
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:datePublished ?published }
} ORDER BY DESC(?published) ?document #PAGE#
"""

# ---------------------------------------------------------------- events (bound: ?event)

EVENT = PREFIXES + """SELECT DISTINCT ?type ?sub_type ?date ?precision ?fatalities ?fatalities_max ?quantity ?confidence
  ?sources ?place ?place_name ?cameo ?plover WHERE {
  ?event a sem:Event .
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event ckg:datePrecision ?precision }
  OPTIONAL { ?event ckg:fatalities ?fatalities }
  OPTIONAL { ?event ckg:fatalitiesMax ?fatalities_max }
  OPTIONAL { ?event ckg:quantity ?quantity }
  OPTIONAL { ?event ckg:confidence ?confidence }
  OPTIONAL { ?event ckg:sourceCount ?sources }
  OPTIONAL { ?event ckg:cameoCode ?cameo }
  OPTIONAL { ?event ckg:ploverType ?plover }
  OPTIONAL { ?event sem:hasPlace ?place . OPTIONAL { ?place schema:name ?place_name } }
}
"""

EVENT_ACTORS = PREFIXES + """SELECT DISTINCT ?role ?actor ?name ?kind WHERE {
  """ + _ROLE_VALUES + """
  ?event ?role ?actor .
  OPTIONAL { ?actor schema:name ?name }
  OPTIONAL { ?actor ckg:kind ?kind }
}
"""

EVENT_EVIDENCE = PREFIXES + """SELECT DISTINCT ?evidence ?text ?start ?end ?date ?precision ?fatalities ?confidence
  ?document ?title ?publisher ?published WHERE {
  ?event ckg:evidence ?evidence .
  OPTIONAL { ?evidence ckg:text ?text }
  OPTIONAL { ?evidence sem:hasTimeStamp ?date }
  OPTIONAL { ?evidence ckg:datePrecision ?precision }
  OPTIONAL { ?evidence ckg:fatalities ?fatalities }
  OPTIONAL { ?evidence ckg:confidence ?confidence }
  OPTIONAL { ?evidence ckg:start ?start }
  OPTIONAL { ?evidence ckg:end ?end }
  OPTIONAL { ?evidence ckg:document ?document .
    OPTIONAL { ?document schema:headline ?title }
    OPTIONAL { ?document schema:publisher ?publisher }
    OPTIONAL { ?document schema:datePublished ?published } }
} ORDER BY ?published ?evidence
"""

EVENT_REPORTERS = PREFIXES + """SELECT DISTINCT ?evidence ?reporter ?name WHERE {
  ?event ckg:evidence ?evidence .
  ?evidence ckg:reportedBy ?reporter .
  OPTIONAL { ?reporter schema:name ?name }
}
"""

# ---------------------------------------------------------------- documents (bound: ?document)

DOCUMENT = PREFIXES + """SELECT DISTINCT ?title ?publisher ?published ?path ?version WHERE {
  ?document a ckg:Document .
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:publisher ?publisher }
  OPTIONAL { ?document schema:datePublished ?published }
  OPTIONAL { ?document ckg:sourcePath|schema:url ?path }
  OPTIONAL { ?document ckg:extractorVersion ?version }
}
"""

DOCUMENT_ENTITIES = PREFIXES + """SELECT DISTINCT ?entity ?class ?name ?type ?date WHERE {
  VALUES ?class { sem:Actor sem:Place sem:Event }
  ?entity prov:wasDerivedFrom ?document ; a ?class .
  OPTIONAL { ?entity schema:name ?name }
  OPTIONAL { ?entity ckg:subEventType ?type }
  OPTIONAL { ?entity sem:hasTimeStamp ?date }
} ORDER BY ?class ?entity #PAGE#
"""

# ---------------------------------------------------------------- search (bound: ?q)

# Rank: 0 exact name, 1 name starts with q, 2 name or alias contains q.
_RANK = """BIND(IF(LCASE(STR(?label)) = LCASE(?q), 0, IF(STRSTARTS(LCASE(STR(?label)), LCASE(?q)), 1, 2)) AS ?r)"""

SEARCH_ACTORS = PREFIXES + """SELECT ?actor (SAMPLE(?n) AS ?name) (SAMPLE(?k) AS ?kind) (MIN(?r) AS ?rank) WHERE {
  ?actor a sem:Actor ; schema:name|schema:alternateName ?label .
  FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?q)))
  """ + _RANK + """
  OPTIONAL { ?actor schema:name ?n }
  OPTIONAL { ?actor ckg:kind ?k }
} GROUP BY ?actor ORDER BY ?rank LCASE(STR(?name)) ?actor #PAGE#
"""

SEARCH_PLACES = PREFIXES + """SELECT ?place (SAMPLE(?n) AS ?name) (SAMPLE(?k) AS ?kind) (MIN(?r) AS ?rank) WHERE {
  ?place a sem:Place ; schema:name|schema:alternateName ?label .
  FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?q)))
  """ + _RANK + """
  OPTIONAL { ?place schema:name ?n }
  OPTIONAL { ?place ckg:kind ?k }
} GROUP BY ?place ORDER BY ?rank LCASE(STR(?name)) ?place #PAGE#
"""

# Events have no names: they match by their type labels or by the names of their actors and place.
SEARCH_EVENTS = PREFIXES + """SELECT ?event (SAMPLE(?t) AS ?type) (SAMPLE(?st) AS ?sub_type) (SAMPLE(?d) AS ?date)
  (MIN(?r) AS ?rank) WHERE {
  { ?event ckg:eventType|ckg:subEventType ?label . }
  UNION { ?event """ + _ROLE_PATH + """|sem:hasPlace ?named . ?named schema:name|schema:alternateName ?label . }
  FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?q)))
  ?event a sem:Event .
  """ + _RANK + """
  OPTIONAL { ?event ckg:eventType ?t }
  OPTIONAL { ?event ckg:subEventType ?st }
  OPTIONAL { ?event sem:hasTimeStamp ?d }
} GROUP BY ?event ORDER BY ?rank DESC(?date) ?event #PAGE#
"""

# ---------------------------------------------------------------- service

STATS = PREFIXES + """SELECT ?documents ?events ?actors ?places WHERE {
  { SELECT (COUNT(DISTINCT ?d) AS ?documents) { ?d a ckg:Document } }
  { SELECT (COUNT(DISTINCT ?e) AS ?events) { ?e a sem:Event } }
  { SELECT (COUNT(DISTINCT ?a) AS ?actors) { ?a a sem:Actor } }
  { SELECT (COUNT(DISTINCT ?p) AS ?places) { ?p a sem:Place } }
}
"""

# The entity's own triples and those of the nodes it owns ("<iri>/geometry", "<iri>/evidence").
DESCRIBE = """CONSTRUCT { ?entity ?p ?o . ?part ?pp ?po . } WHERE {
  { ?entity ?p ?o . }
  UNION { ?entity ?link ?part . ?part ?pp ?po . FILTER(STRSTARTS(STR(?part), CONCAT(STR(?entity), "/"))) }
}
"""
