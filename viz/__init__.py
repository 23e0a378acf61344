"""The actor network page, drawn with pyvis."""

from viz.network import render_network

__all__ = ["render_network"]
