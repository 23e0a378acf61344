"""What ``ingest`` reads: text files of any common extension, saved pages, JSONL and CSV batches,
links and RSS/Atom feeds, each turned into ``Article`` records with its metadata."""

from graph.inputs.known import KnownDocuments, content_hash
from graph.inputs.read import Reader

__all__ = ["Reader", "KnownDocuments", "content_hash"]
