"""Every named SPARQL query the code runs: REST, pages, the network, exports, linking and the current graph,
one module per area (``base``: what they share; ``records``, ``lists``, ``pages``, ``network``, ``browse``,
``exports``, ``stats``; linking and the current graph in ``graph.link.queries``), all re-exported here.

Values from users only ever arrive as bindings (a ``VALUES`` block the store builds from
RDF terms), never as query text. The only text assembled here is constant fragments chosen
by *which* filters are present, ``LIMIT``/``OFFSET`` from validated integers, and
``VALUES`` lists of IRIs that Oxigraph has parsed (:func:`with_iris`, for IRIs read from
the store). Prefixes come from ``graph.vocab``.

Why the queries look the way they do: reads (``Store.read``) have the current graph as their
default graph, one reconciled set of facts per entity (``graph.link.current``), so one-valued
facts come back once and OPTIONALs over them do not multiply; document graphs are reached with
``GRAPH ?report`` only for what one report says (evidence, sources). The engine joins patterns
in the order written, so a query starts from its bound variable. Sorting by IRIs or names makes
the engine fetch texts at every comparison, so newest-first lists count matches per date first
(:class:`NewestFirst`). Paged queries put their filters in an inner ``SELECT ... WHERE {`` and
write the outer query without the ``WHERE`` keyword: ``Store.select`` binds at the first
``WHERE {``. Every lookup is a fixed number of queries (aggregates, no query per row).
"""
from __future__ import annotations

from graph.queries.base import (
    PREFIXES,
    NewestFirst,
    is_point_read,
    page,
    with_iris,
)
from graph.queries.browse import (
    BROWSE_FILTERS,
    BROWSE_REGIONS,
    BROWSE_SORTS,
    MONTH_GROUPS,
    PLACE_ADMIN1,
    browse,
    browse_count,
    browse_document_list,
    browse_event_ids,
    browse_event_list,
    browse_months,
    map_event_list,
    map_events,
)
from graph.queries.exports import (
    EXPORT_ACTORS,
    EXPORT_ASSOCIATES,
    EXPORT_ASSOCIATES_AMONG,
    EXPORT_EVENTS,
    EXPORT_EVENTS_AMONG,
    EXPORT_EVIDENCE,
    EXPORT_EVIDENCE_AMONG,
    EXPORT_PLACES,
)
from graph.queries.lists import (
    PLACE_LIST_FIELDS,
    SEARCH_ACTORS,
    SEARCH_PLACES,
    actor_list,
    document_list,
    event_list,
    place_list,
    search_events,
)
from graph.queries.network import (
    NETWORK_ACTORS,
    NETWORK_ACTORS_AMONG,
    NETWORK_ANY_ACTORS,
    NETWORK_EVENT_ROLES,
    NETWORK_EVENTS,
    NETWORK_PLACES,
    NETWORK_PLACES_AMONG,
    NETWORK_RELATIONS,
    NETWORK_RELATIONS_AMONG,
    NETWORK_ROLES,
    network_top_actors,
    network_view_events,
)
from graph.queries.pages import (
    ENTITY,
    TIMELINE_DOCUMENTS,
    TIMELINE_LIMIT,
    TIMELINE_ROWS,
    timeline,
)
from graph.queries.records import (
    ACTOR_AFFILIATIONS,
    ACTOR_CO_ACTORS,
    ACTOR_DOCUMENTS,
    ACTOR_PLACES,
    ACTOR_ROLES,
    DESCRIBE,
    DESCRIBE_EVIDENCE,
    DOCUMENT_ENTITIES,
    DOCUMENT_EVIDENCE,
    DOCUMENT_TEXT,
    EVENT_ACTORS,
    EVENT_EVIDENCE,
    EVENT_REPORTERS,
    FIELD_NAMES,
    FIELDS,
    LABELS,
    PLACE_ACTORS,
    PLACE_DOCUMENTS,
    READINGS,
    RECENT_DOCUMENTS,
    SUMMARY,
)
from graph.queries.stats import (
    GRAPH_COUNT,
    STATS,
)

__all__ = [
    "PREFIXES", "page", "with_iris", "is_point_read", "actor_list", "place_list", "event_list", "document_list",
    "FIELD_NAMES", "FIELDS", "LABELS", "ACTOR_AFFILIATIONS", "ACTOR_ROLES", "ACTOR_CO_ACTORS",
    "ACTOR_PLACES", "ACTOR_DOCUMENTS", "PLACE_ACTORS", "PLACE_DOCUMENTS",
    "EVENT_ACTORS", "EVENT_EVIDENCE", "EVENT_REPORTERS", "DOCUMENT_ENTITIES", "SEARCH_ACTORS", "SEARCH_PLACES",
    "search_events", "STATS", "DESCRIBE", "READINGS", "NETWORK_ACTORS", "NETWORK_PLACES", "NETWORK_EVENTS",
    "NETWORK_ROLES", "NETWORK_RELATIONS", "network_top_actors", "network_view_events", "NETWORK_EVENT_ROLES",
    "NETWORK_ANY_ACTORS", "NETWORK_ACTORS_AMONG", "NETWORK_PLACES_AMONG", "NETWORK_RELATIONS_AMONG", "ENTITY",
    "timeline", "TIMELINE_DOCUMENTS", "TIMELINE_LIMIT", "TIMELINE_ROWS",
    "DESCRIBE_EVIDENCE",
    "EXPORT_EVENTS",
    "EXPORT_ASSOCIATES", "EXPORT_EVIDENCE", "EXPORT_ACTORS", "EXPORT_PLACES", "BROWSE_FILTERS", "BROWSE_SORTS",
    "browse", "browse_event_list", "browse_document_list", "browse_event_ids", "browse_count", "browse_months",
    "MONTH_GROUPS", "map_events", "map_event_list",
    "BROWSE_REGIONS",
    "EXPORT_EVENTS_AMONG",
    "EXPORT_ASSOCIATES_AMONG", "EXPORT_EVIDENCE_AMONG", "DOCUMENT_TEXT", "DOCUMENT_EVIDENCE", "NewestFirst",
    "PLACE_LIST_FIELDS",
    "READING_SKIPPED", "READINGS_OF", "LATEST_READINGS", "GRAPH_SUBJECTS", "ALL_SUBJECTS", "WITH_CURRENT_FACTS",
    "ANY_CURRENT_FACTS", "EVENT_GRAPHS", "DROP_CURRENT", "replace_current", "delete_current", "insert_default",
    "EVIDENCE_FIGURES", "STORE_EVENTS", "EVENTS_IN_WINDOWS", "EVENTS_OF_KEYS", "MENTIONS_OF", "with_windows",
    "RENAME_EVENTS", "GRAPH_COUNT", "RECENT_DOCUMENTS", "DOCUMENTS_OF", "KEPT_DOCUMENTS", "SUMMARY", "EVENT_FACTS",
    "TALLIES_OF", "ENTITY_EVENTS", "delete_summaries", "replace_summaries",
    "TALLIES_WHOLE", "MARK_TALLIES_WHOLE", "PLACE_ADMIN1",
]

# The queries of linking and the current graph live beside their code; imported last, as they use with_iris.
from graph.link.queries import (  # noqa: E402
    ALL_SUBJECTS,
    ANY_CURRENT_FACTS,
    DOCUMENTS_OF,
    DROP_CURRENT,
    ENTITY_EVENTS,
    EVENT_FACTS,
    EVENT_GRAPHS,
    EVENTS_IN_WINDOWS,
    EVENTS_OF_KEYS,
    EVIDENCE_FIGURES,
    GRAPH_SUBJECTS,
    KEPT_DOCUMENTS,
    LATEST_READINGS,
    MARK_TALLIES_WHOLE,
    MENTIONS_OF,
    READING_SKIPPED,
    READINGS_OF,
    RENAME_EVENTS,
    STORE_EVENTS,
    TALLIES_OF,
    TALLIES_WHOLE,
    WITH_CURRENT_FACTS,
    delete_current,
    delete_summaries,
    insert_default,
    replace_current,
    replace_summaries,
    with_windows,
)
