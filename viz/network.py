"""Build the actor network from the store and render it as HTML."""

from __future__ import annotations

import html

from pyvis.network import Network

_ACTORS = """
PREFIX schema: <https://schema.org/>
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?actor ?name ?kind WHERE { ?actor a sem:Actor ; schema:name ?name ; ckg:kind ?kind . }
"""


def render_network(store) -> str:
    """Return the network page's HTML for every actor in ``store``."""
    net = Network(height="100vh", width="100%", cdn_resources="in_line")
    for row in store.select(_ACTORS):
        net.add_node(row["actor"], label=row["name"], title=html.escape(f"{row['name']} ({row['kind']})"))
    return net.generate_html()
