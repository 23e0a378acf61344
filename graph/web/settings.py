"""The fetcher the settings describe (time limit, size cap, networks allowed beyond the public ones)."""

from __future__ import annotations

from graph.config import Settings
from graph.web.fetch import Fetcher, parse_networks

__all__ = ["fetcher_from_settings"]


def fetcher_from_settings(settings: Settings) -> Fetcher:
    """Build the fetcher of ``settings``; raise ValueError when ``fetch_allow_networks`` does not parse."""
    try:
        networks = parse_networks(settings.fetch_allow_networks)
    except ValueError as err:
        raise ValueError(f"CONFLICTKG_FETCH_ALLOW_NETWORKS: {err}") from None
    return Fetcher(timeout=settings.fetch_timeout_s, max_bytes=settings.fetch_max_bytes, allow_networks=networks)
