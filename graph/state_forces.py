"""How ACLED names a state's forces ("Military Forces of Kenya"): one rule for the extraction and the reconciler.

It imports nothing of the extraction, so the reconciler (``graph.link.facts``) names the state
forces of ``graph/data/actors/state_forces.tsv`` exactly as the extraction's lexicon does without
loading spaCy.
"""

from __future__ import annotations

__all__ = ["state_forces_name"]


def state_forces_name(branch: str, country: str) -> str:
    """ACLED's name of a state's forces: ("Military", "Kenya") -> "Military Forces of Kenya" ("Police": its police)."""
    return f"{branch} Forces of {country}"
