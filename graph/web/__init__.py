"""The web side of ingest: a fetcher that is safe to point at any URL (``graph.web.fetch``)."""

from graph.web.fetch import Fetcher, FetchError, Page

__all__ = ["FetchError", "Fetcher", "Page"]
