"""Text to typed records: the extraction pipeline."""

from graph.extract.pipeline import Extractor

__all__ = ["Extractor"]
