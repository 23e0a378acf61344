"""ConflictKG's graph side: text -> typed records -> RDF in a store."""

__version__ = "0.1.0"
