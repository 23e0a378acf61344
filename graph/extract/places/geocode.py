"""Geocodes one place name: the gazetteer entry it most likely means, given what the article says.

Same-named places are told apart by the countries the article names, admin1 units it names, the
words around the mention (:class:`Cues`: "X province", "the city of X", "Syria's X"), then population.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from graph.extract.places.gazetteer import Place, get_gazetteer, normalise, skeleton, strip_article

__all__ = ["Cues", "resolve"]


@dataclass(frozen=True)
class Cues:
    """What the words around a mention say about the kind of place it is."""

    admin: bool = False  # "Sweida province", "Sweida, a province", "province of Idlib"
    town: bool = False  # "the city of Homs", "Raqqa city", "Idlib countryside"
    camp: bool = False  # "Hamidiyah camp"
    country: str | None = None  # "Syria's Daraa" -> SY (strict: no place outside it)
    among: frozenset = frozenset()  # (ISO2, admin1 or None) of a container: "Damascus, Oregon", "Atlanta, Georgia"


def resolve(
    name: str, context: Counter | None = None, cues: Cues = Cues(), admin1s: frozenset[str] = frozenset()
) -> Place | None:
    """Geocode one place name: the best gazetteer entry given the article's countries, admin1 units and cues."""
    gaz = get_gazetteer()
    context = context or Counter()
    candidates = gaz.lookup(name)
    if name.isupper() and len(name) <= 5:  # an acronym ("SANA", "UN") names a place only when spelt so
        candidates = [p for p in candidates if name in gaz.trusted_names or p.name == name]
    if cues.country and not any(p.country == cues.country for p in candidates):
        candidates = gaz.lookup_fuzzy(name, {cues.country}) or candidates
    if not candidates and context:
        # "al-Shajara" for "Ash Shajarah": a transliteration variant, looked for only in the text's countries
        candidates = [p for p in gaz.lookup_fuzzy(name, set(context)) if p.population >= 1000 or p.curated]
    if not candidates:
        return None
    key = normalise(name)
    primary = [p for p in candidates if strip_article(normalise(p.name)) == strip_article(key)]
    if primary:
        # "Geneva" is the name of a city of 180k: an Iranian port that GeoNames also calls Geneva cannot outrank it
        floor = max(p.population for p in primary)
        candidates = [p for p in candidates if p in primary or p.curated or p.rank < 3 or p.population >= floor]
    if cues.among:
        admins = {a for _c, a in cues.among if a}
        inside = [p for p in candidates if p.admin1 in admins and p.kind != "governorate"]
        candidates = inside or [p for p in candidates if p.country in {c for c, _a in cues.among}] or candidates
    if cues.country:
        candidates = [p for p in candidates if p.country == cues.country]
        if not candidates:
            return None  # "Kabul's Green Zone" is not Baghdad's
    if cues.admin:
        admin = [p for p in candidates if p.kind in ("governorate", "country")]
        if not admin:  # "Kherson oblast": the admin1 is "Khersonska oblast" in the source
            admin = gaz.admin1_by_prefix(name, {p.country for p in candidates if p.country})
        candidates = admin or candidates
    elif cues.town or cues.camp:
        town = [p for p in candidates if p.rank == 3]
        candidates = town or candidates
    total = sum(context.values()) or 1

    def score(p: Place) -> float:
        # log10(population) is the prior; naming the country adds a bounded bonus, so "Damascus" in a text
        # about US diplomacy on Syria is still the Syrian capital and not a Maryland town of 15k.
        value = math.log10(p.population + 10)
        if p.country in context:
            value += 4 + 1.5 * context[p.country] / total
        elif context and p.kind != "country":
            value -= 1
        if p.curated:
            value += 2
        if p.admin1 in admin1s and p.kind != "governorate":
            value += 1.5  # "Jasim ... in Daraa province": the Jasim inside Daraa
        if p.kind == "country":
            value += 6
        elif p.kind == "region":
            value += 3
        elif p.kind == "governorate":
            value += 0.5
        return value

    best = max(candidates, key=score)
    if best.kind == "governorate" and not cues.admin:
        # "Daraa", "Aleppo", "Sweida": a governorate named after its capital means the town unless a cue
        # ("province", "governorate") says otherwise; the town is the finer, ACLED-preferred location.
        names = {skeleton(normalise(name)), skeleton(normalise(best.name))}
        twins = [
            p
            for p in candidates
            if p.rank == 3
            and p.country == best.country
            and (p.admin1 == best.name or p.curated or _km(p, best) < 60)
            and (p.population >= 5000 or p.curated)
            and skeleton(normalise(p.name)) in names
        ]
        if twins:
            best = max(twins, key=lambda p: p.population)
    return best


def _km(a: Place, b: Place) -> float:
    """Great-circle distance between two places in kilometres."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))
