"""Every named SPARQL query the code runs: REST, pages, the network, exports, linking and the current graph,
one module per area (``base``: what they share; ``records``, ``lists``, ``pages``, ``network``, ``browse``,
``exports``, ``stats``; linking and the current graph in ``graph.link.queries``), each naming its own in
``__all__``, all re-exported here.

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

import importlib

from graph.queries.base import *  # noqa: F403
from graph.queries.browse import *  # noqa: F403
from graph.queries.exports import *  # noqa: F403
from graph.queries.lists import *  # noqa: F403
from graph.queries.network import *  # noqa: F403
from graph.queries.pages import *  # noqa: F403
from graph.queries.records import *  # noqa: F403
from graph.queries.stats import *  # noqa: F403

# isort: split
# The queries of linking and the current graph live beside their code; imported last, as they use with_iris.
from graph.link.queries import *  # noqa: E402, F403

MODULES = ("graph.queries.base", "graph.queries.browse", "graph.queries.exports", "graph.queries.lists",
           "graph.queries.network", "graph.queries.pages", "graph.queries.records", "graph.queries.stats",
           "graph.link.queries")
# what each module names as its own (a module's name "browse" is also a query's, so they are not bound here)
__all__ = [name for module in MODULES for name in importlib.import_module(module).__all__]
