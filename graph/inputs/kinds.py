"""Which kind of input a path or argument is, by its scheme or file extension."""

from __future__ import annotations

from pathlib import Path

__all__ = ["TEXT", "HTML", "JSONL", "CSV", "FEED", "URL", "EXTENSIONS", "kind_of", "is_url"]

TEXT, HTML, JSONL, CSV, FEED, URL = "text", "html", "jsonl", "csv", "feed", "url"
EXTENSIONS = {
    TEXT: (".txt", ".text", ".md", ".markdown", ".rst", ".org", ".adoc", ".asciidoc"),
    HTML: (".html", ".htm", ".xhtml"),
    JSONL: (".jsonl", ".ndjson"),
    CSV: (".csv",),
    FEED: (".rss", ".atom", ".xml"),
}
_BY_EXTENSION = {ext: kind for kind, exts in EXTENSIONS.items() for ext in exts}


def is_url(name: str) -> bool:
    """Whether a command-line argument is an http(s) link rather than a path."""
    return name.lower().startswith(("http://", "https://"))


def kind_of(path: Path) -> str | None:
    """The input kind of a file by its extension (case-insensitive), or None for one ingest does not read."""
    return _BY_EXTENSION.get(path.suffix.lower())
