"""EntityRuler patterns for places: the gazetteer names the ruler tags before the statistical NER.

The ruler fixes the small model's traps ("Daraa" as ORG, "Sweida" as PERSON). It names countries,
admin1 units, regions, camps and hand-written aliases everywhere, and populated places above a
population floor that is lower in the countries with most conflict events.
"""

from __future__ import annotations

import re

from graph.extract.places.gazetteer import Place, get_gazetteer
from graph.extract.places.words import DIRECTIONS, common_words

__all__ = ["ruler_patterns"]

# Populations above which a populated place is named by the ruler. Towns count from 30k in the
# countries with most conflict events outside Latin America and the Philippines, whose town names are
# often Spanish surnames ("Rubio", "Garcia") that would break person names.
RULER_MIN_POP = 1_000_000
RULER_MIN_POP_DENSE = 30_000
DENSE_COUNTRIES = frozenset(
    (
        "SY", "IQ", "YE", "LY", "AF", "PK", "SO", "SD", "SS", "ET", "ER", "ML", "BF", "NE",
        "NG", "TD", "CM", "CF", "CD", "MZ", "UA", "MM", "PS", "IL", "LB", "TR", "EG", "DZ",
        "TN", "KE", "UG", "BI", "RW", "JO", "IR", "SA", "BD", "AM", "AZ", "GE",
    )
)  # fmt: skip
_WORD = re.compile(r"^[A-Z][\w'\u2019.-]*$")


def _patternable(name: str, curated: bool) -> bool:
    """A name is safe as a case-sensitive pattern when it is capitalised and not just English words."""
    words = name.split()
    if not words or len(name) < 3 or not name[0].isupper() or any(ord(ch) > 0xFF for ch in name):
        return False  # scholarly transliterations ("Dar\u2018\u0101") do not occur in news text
    if curated:
        return True
    if len(words) == 1 and len(name) <= 3:
        return False  # "San", "Aba", "Bol": too often part of other names
    common = common_words()
    return not all(w.lower() in common or not w[:1].isupper() for w in words)


def _label(place: Place) -> str:
    if place.kind == "camp":
        return "FAC"
    return "LOC" if place.kind == "region" else "GPE"


def ruler_patterns() -> list[dict]:
    """Return EntityRuler patterns (label, pattern, id) for countries, admin1, large towns, regions, aliases.

    Places of the conflict countries (admin1 units, towns of 30k+) and large places elsewhere (1M+),
    all countries, regions, camps and hand-written aliases. Patterns are case-sensitive phrases (the
    ruler's default ORTH matching), plus token patterns for "southern Syria"-style directions before
    country names and the admin1 names of conflict countries.
    """
    gaz = get_gazetteer()
    rows = gaz.named(
        "p.kind IN ('country', 'region', 'camp') OR p.curated = 1 OR p.population >= ?"
        f" OR (p.population >= ? AND p.country IN ({', '.join('?' * len(DENSE_COUNTRIES))}))",
        (RULER_MIN_POP, RULER_MIN_POP_DENSE, *sorted(DENSE_COUNTRIES)),
    )
    best: dict[str, Place] = {}
    for place, name in rows:
        curated = place.curated or place.kind in ("country", "region", "camp")
        if not _patternable(name, curated):
            continue
        old = best.get(name)
        if old is None or _prior(place) > _prior(old):
            best[name] = place
    patterns: list[dict] = []
    for name, place in sorted(best.items()):
        patterns.append({"label": _label(place), "pattern": name, "id": place.id})
        directional = place.kind == "country" or (place.kind == "governorate" and place.country in DENSE_COUNTRIES)
        if directional and all(_WORD.match(w) for w in name.split()):
            tokens = [{"LOWER": {"IN": DIRECTIONS}}] + [{"ORTH": w} for w in name.split()]
            patterns.append({"label": _label(place), "pattern": tokens, "id": place.id})
    return patterns


def _prior(place: Place) -> tuple:
    return (place.curated, -place.rank, place.population)
