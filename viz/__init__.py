"""The actor network page and the entity timeline pages, drawn from a query projection of the graph."""

from viz.network import network_json, render_network
from viz.render import PageOptions

__all__ = ["render_network", "network_json", "PageOptions"]
