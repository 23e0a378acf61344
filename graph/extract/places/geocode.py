"""Geocodes one place name: the gazetteer entry it most likely means, given what the article says.

Same-named places are told apart by the countries the article names, admin1 units it names, the
words around the mention (:class:`Cues`: "X province", "the city of X", "Syria's X"), then population.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from dataclasses import dataclass

from graph.extract.places.gazetteer import Place, get_gazetteer, normalise, skeleton, strip_article
from graph.extract.places.names import g_spellings
from graph.extract.places.patterns import DENSE_COUNTRIES
from graph.extract.places.words import ADMIN_WORDS

__all__ = ["Cues", "resolve"]


@dataclass(frozen=True)
class Cues:
    """What the words around a mention say about the kind of place it is."""

    admin: bool = False  # "Sweida province", "Sweida, a province", "province of Idlib"
    town: bool = False  # "the city of Homs", "Raqqa city", "Idlib countryside"
    camp: bool = False  # "Hamidiyah camp"
    country: str | None = None  # "Syria's Daraa" -> SY (strict: no place outside it)
    among: frozenset = frozenset()  # (ISO2, admin1 or None) of a container: "Damascus, Oregon", "Atlanta, Georgia"
    noun: bool = False  # the admin cue is a noun the text puts with the name ("Niger State"), not its place in a list


# Score weights, on the log10 scale of the population prior: +1 is worth ten times the population.
COUNTRY_NAMED = 4  # a place in a country the article names beats a same-named one elsewhere up to 10^4 times bigger
COUNTRY_SHARE = 1.5  # up to 1.5 more by the country's share of the article's country mentions: the main country wins
COUNTRY_NOT_NAMED = -1  # when the article names countries, a place outside them needs ten times the population
# ... unless its country borders one of them: "a Gaza man killed by an Israeli strike" is Palestinian Gaza, not
# Mozambique's Gaza Province; a place across the border beats one further abroad up to 100 times bigger
COUNTRY_BORDERING = 1
CURATED = 2  # hand-written entries (regions, aliases) are the spellings news uses: worth 100 times the population
IN_NAMED_ADMIN1 = 1.5  # "Jasim ... in Daraa province": the Jasim inside a named admin1 unit, worth some 30 times
# A text that names no country (a short note) is far likelier about a country at war: there its town beats a
# namesake elsewhere up to ten times bigger ("Leer" in South Sudan, not Lower Saxony; "Beni" in DR Congo).
CONFLICT_PRIOR = 1
# ... and a name no gazetteer spells so is read as a variant of a town of a country at war only when that town
# has this many people: a village's name is more often a local hamlet's than a variant of a far-away one
VARIANT_TOWN = 10_000
VARIANT_RATIO = 0.8  # and only when spelt all but alike: a spelling with "ou" for "u" passes, "Karsa" for Kars does not
# Arabic-speaking countries, where English news often writes the qaf or the ghayn of a name as g ("Gasr", "Gharyan")
G_FOR_QAF = frozenset(
    ("LY", "SD", "EG", "TN", "DZ", "MA", "MR", "YE", "IQ", "SY", "SA", "JO", "LB", "PS", "OM", "AE", "KW", "QA",
     "BH", "TD")
)
KIND_BONUS = {
    "country": 6,  # a country's name means the country: no same-named town of under 10^6 extra people outranks it
    "region": 3,  # a named region (population 0 in the data) still beats a village of the same name
    "governorate": 0.5,  # an admin1 unit slightly over a town of the same size; its capital is handled below
}


def resolve(
    name: str, context: Counter | None = None, cues: Cues = Cues(), admin1s: frozenset[str] = frozenset()
) -> Place | None:
    """Geocode one place name: the best gazetteer entry given the article's countries, admin1 units and cues."""
    context = context or Counter()
    candidates = _narrowed(name, _candidates(name, context, cues), cues)
    if not candidates:
        return None
    total = sum(context.values()) or 1
    bordering = get_gazetteer().bordering(context) if context else frozenset()
    best = max(candidates, key=lambda p: _score(p, context, total, admin1s, bordering))
    if best.kind == "governorate" and not cues.admin:
        best = _capital_town(name, best, candidates) or best
    return best


def _candidates(name: str, context: Counter, cues: Cues) -> list[Place]:
    """The gazetteer entries the name may mean: exact, else a transliteration variant in the text's countries."""
    gaz = get_gazetteer()
    candidates = gaz.lookup(name)
    if candidates:  # "Eastern Region" is Uganda's name; Ghana's is "Eastern"
        candidates = candidates + [p for p in _admin_stem(name) if p not in candidates]
    if name.isupper() and len(name) <= 5:  # an acronym ("SANA", "UN") names a place only when spelt so
        candidates = [p for p in candidates if name in gaz.trusted_names or p.name == name]
    if cues.country and not any(p.country == cues.country for p in candidates):
        candidates = gaz.lookup_fuzzy(name, {cues.country}) or candidates
    if not candidates and context:
        # "al-Shajara" for "Ash Shajarah": a transliteration variant, looked for only in the text's countries
        # not a hamlet, but an admin seat of unknown size (population 0 in cities500: "Tall Abyad") will do
        # (an admin2 district, of population 0 in the data too, is never matched by a variant of its name)
        candidates = [p for p in gaz.lookup_fuzzy(name, set(context))
                      if (p.population >= 1000 or p.population == 0 or p.curated) and p.kind != "district"]
    if not candidates and not context:
        candidates = _known_variant(name)
    return candidates or _g_spelling(name, context)


def _g_spelling(name: str, context: Counter) -> list[Place]:
    """A name spelt with g for the Arabic qaf or ghayn ("Gasr" for Qasr): the place so spelt with q or gh, in an
    Arabic-speaking country the text names, or (a note that names none) a town of one such country alone."""
    countries = frozenset(set(context) & G_FOR_QAF if context else G_FOR_QAF)
    return list(_g_places(name, countries, bool(context))) if countries else []


@functools.lru_cache(maxsize=4096)
def _g_places(name: str, countries: frozenset[str], named: bool) -> tuple[Place, ...]:
    """:func:`_g_spelling`'s answer, kept per name and country set (up to 8 spellings, each looked up exactly
    and fuzzily; the gazetteer is read-only); ``named``: whether the text names a country."""
    gaz = get_gazetteer()
    for spelling in g_spellings(name):
        found = [p for p in gaz.lookup(spelling) if p.country in countries] or [
            p for p in gaz.lookup_fuzzy(spelling, set(countries)) if p.kind != "district"]
        if not named:
            found = [p for p in found if p.population >= VARIANT_TOWN]
            found = found if len({p.country for p in found}) == 1 else []
        if found:
            return tuple(found)
    return ()


def _known_variant(name: str) -> list[Place]:
    """A note that names no country: a transliteration variant of a sizeable town of a country at war
    ("-our" for "-ur", "El Beb" for "el Bab"), when only one country has one so spelt."""
    return list(_variant_towns(name))


@functools.lru_cache(maxsize=4096)
def _variant_towns(name: str) -> tuple[Place, ...]:
    """:func:`_known_variant`'s answer, kept per name (a fuzzy scan of every dense country; the gazetteer is
    read-only), as a tuple so no caller can change the kept answer."""
    own = _ending(name)
    towns = [p for p in get_gazetteer().lookup_fuzzy(name, set(DENSE_COUNTRIES), VARIANT_RATIO)
             if p.population >= VARIANT_TOWN and p.kind != "district" and _ending(p.name) == own]
    return tuple(towns) if len({p.country for p in towns}) == 1 else ()


def _ending(name: str) -> str:
    """A name's last letter, blind to a silent final h ("Sabratah" ~ "Sabrata"): a spelling changes vowels
    inside a name, not how it ends ("Tarsu" is no spelling of Tarsus)."""
    return normalise(name).rstrip("h")[-1:]


def _admin_stem(name: str) -> list[Place]:
    """The admin units named as ``name`` without its last word when that is an admin noun ("region")."""
    stem, _, noun = name.rpartition(" ")
    if not stem or noun.lower() not in ADMIN_WORDS:
        return []
    key = normalise(stem)
    units = [p for p in get_gazetteer().lookup(stem) if p.kind in ("governorate", "district")]
    return [p for p in units if normalise(p.name) == key]  # its own name: not "South West Delhi" for "South West"


def _narrowed(name: str, candidates: list[Place], cues: Cues) -> list[Place]:
    """The candidates that fit the name's own spelling and the cues around the mention."""
    if not candidates:
        return []
    key = strip_article(normalise(name))
    primary = [p for p in candidates if strip_article(normalise(p.name)) == key]
    if primary:
        # "Geneva" is the name of a city of 180k: an Iranian port that GeoNames also calls Geneva cannot outrank it
        floor = max(p.population for p in primary)
        candidates = [p for p in candidates if p in primary or p.curated or p.rank < 3 or p.population >= floor]
    if cues.among:
        admins = {a for _c, a in cues.among if a}
        inside = [p for p in candidates if p.admin1 in admins and p.kind != "governorate"]
        candidates = inside or [p for p in candidates if p.country in {c for c, _a in cues.among}] or candidates
    if cues.country:
        candidates = [p for p in candidates if p.country == cues.country]  # "Kabul's Green Zone" is not Baghdad's
        if not candidates:
            return []
    if cues.admin:
        admin = [p for p in candidates if p.kind in ("governorate", "country")]
        if cues.noun:  # "Niger State" is Nigeria's state, not the country ("Agadez, Niger" is the country)
            admin = [p for p in admin if p.kind == "governorate"] or admin
        if not admin:  # "Kherson oblast": the admin1 is "Khersonska oblast" in the source
            admin = get_gazetteer().admin1_by_prefix(name, {p.country for p in candidates if p.country})
        # "Masisi territory", "Kohat district": an admin2 area when no admin1 unit is so called
        return admin or [p for p in candidates if p.kind == "district"] or candidates
    if cues.town or cues.camp:
        return [p for p in candidates if p.rank == 3] or candidates
    return candidates


def _score(p: Place, context: Counter, total: int, admin1s: frozenset[str], bordering: frozenset[str]) -> float:
    """log10(population) as the prior, plus the weights above; naming the country adds a bounded bonus, so
    "Damascus" in a text about US diplomacy on Syria is still the Syrian capital and not a Maryland town of 15k."""
    value = math.log10(p.population + 10)
    if not context and p.country in DENSE_COUNTRIES:
        value += CONFLICT_PRIOR
    if p.country in context:
        value += COUNTRY_NAMED + COUNTRY_SHARE * context[p.country] / total
    elif context and p.kind != "country":
        value += COUNTRY_BORDERING if p.country in bordering else COUNTRY_NOT_NAMED
    if p.curated:
        value += CURATED
    if p.admin1 in admin1s and p.kind != "governorate":
        value += IN_NAMED_ADMIN1
    return value + KIND_BONUS.get(p.kind, 0)


def _capital_town(name: str, governorate: Place, candidates: list[Place]) -> Place | None:
    """"Daraa", "Aleppo", "Sweida": a governorate named after its capital means the town unless a cue
    ("province", "governorate") says otherwise; the town is the finer, ACLED-preferred location."""
    names = {skeleton(normalise(name)), skeleton(normalise(governorate.name))}
    twins = [
        p
        for p in candidates
        if p.rank == 3
        and p.country == governorate.country
        and (p.admin1 == governorate.name or p.curated or _km(p, governorate) < 60)
        and (p.population >= 5000 or p.curated)
        and skeleton(normalise(p.name)) in names
    ]
    return max(twins, key=lambda p: p.population) if twins else None


def _km(a: Place, b: Place) -> float:
    """Great-circle distance between two places in kilometres."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))
