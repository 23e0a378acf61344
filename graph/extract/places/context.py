"""What the whole article names: its countries (with how often) and admin1 units, which decide same-named places.

Countries come from place names and demonyms; for a text that names none (a short note), the home
countries of the dictionary's armed actors it names decide between namesakes ("Leer" after "SPLA-IO").
"""

from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Doc, Span

from graph.extract.countries import names_foreigners, names_origin
from graph.extract.parse.columns import entities, tokens_text
from graph.extract.parse.sentences import span_text
from graph.extract.places.gazetteer import Place, get_gazetteer, normalise, strip_article
from graph.extract.places.spans import query_variants, strip
from graph.extract.places.words import FORCE_NOUNS, PLACE_NOUNS, before_facility

__all__ = ["doc_countries", "doc_admin1s", "country_names", "shared_country_names", "actor_countries",
           "foreign_forces", "landmark", "site_named", "rebel_homes"]

ARMED_KINDS = ("state_forces", "armed_group", "militia", "government")
REBEL_KINDS = ("armed_group", "militia")


def doc_countries(
    doc: Doc, spans: list[Span], country_names: dict[str, str], skip: frozenset[int] = frozenset()
) -> Counter:
    """Countries the article names (places and demonyms), with how often it names them; names starting at a
    token of ``skip`` (:func:`foreign_forces`) do not count. A name of two countries ("Congo") counts for the one
    the article's other places lie in, else its demonyms, else the more populous ("near Goma, Congo": the DRC).
    Each such name is settled by the other names alone, so one shared mention does not settle the next."""
    places, towns, shared = _place_counts(doc, spans, country_names, skip)
    counts = _demonym_counts(doc, country_names, skip) + places
    # a tie keeps the first: the most populous
    settled = [max(codes, key=lambda iso: (places[iso], towns[iso], counts[iso])) for codes in shared]
    for code in settled:
        counts[code] += 2
    return counts


def _place_counts(
    doc: Doc, spans: list[Span], country_names: dict[str, str], skip: frozenset[int]
) -> tuple[Counter, Counter, list[tuple[str, ...]]]:
    """The countries the place names of the article tell; the countries with a big town or region of each other
    name (Brazzaville, though a hamlet abroad shares it: enough to choose between the owners of a shared name);
    and the countries of each name two countries share."""
    gaz, shared_names = get_gazetteer(), shared_country_names()
    counts: Counter = Counter()
    towns: Counter = Counter()
    shared: list[tuple[str, ...]] = []
    for span in spans:
        start, end = strip(span)
        if start in skip:
            continue
        key = normalise(tokens_text(doc, start, end))
        if key in gaz.demonyms and key not in country_names:
            continue
        for s, e, text in query_variants(doc, start, end):
            name = normalise(tokens_text(doc, s, e))
            if (name in shared_names or name in country_names) and names_origin(doc, s, e):
                break  # "gunmen from Nigeria", "refugees who fled Congo": not where it happens
            if name in shared_names:
                shared.append(shared_names[name])
                break
            iso = country_names.get(name)
            if iso:
                counts[iso] += 2
                break
            if text in gaz.trusted_names:  # "northern Borno": an admin1 unit of a single country counts once
                found = gaz.lookup(text)
                owners = {p.country for p in found if p.kind == "governorate"}
                if len(owners) == 1 and not any(p.rank == 3 for p in found):  # "Tripoli" is also a city
                    counts[owners.pop()] += 1
                    break
            found = gaz.lookup(text)
            towns.update({p.country for p in found if p.country and landmark(p)})
            mark = _landmark(found)
            if mark is not None and not _town_called_area(doc, e, mark) and not site_named(doc, e, mark):
                counts[mark.country] += 1  # "Khan Younis", "the Gaza Strip": only one country has it
                break
    return counts, towns, shared


def _demonym_counts(doc: Doc, country_names: dict[str, str], skip: frozenset[int]) -> Counter:
    """One vote per nationality the NER finds ("Syrian", "Palestinians", and "Somali" when it calls it a place), but
    none for the nationality of people abroad ("a French tourist")."""
    demonyms = get_gazetteer().demonyms
    counts: Counter = Counter()
    for ent in entities(doc):
        if ent.start in skip or ent.label_ not in ("NORP", "GPE") or names_foreigners(doc, ent.end):
            continue
        key = normalise(span_text(ent))
        if key not in country_names:
            iso = demonyms.get(key) or (demonyms.get(key[:-1]) if key.endswith("s") else None)
            if iso:
                counts[iso] += 1
    return counts


def _landmark(found) -> Place | None:
    """The landmark a name means when no namesake of it lies in another country: "Khan Younis"; "Accra", whose
    district the gazetteer lists first. "Rafah" (Egypt, Gaza) and "Tripoli" (Libya, Lebanon) tell nothing;
    a small place found only by another of its names ("Kemasik" for "Kumasi") is no namesake."""
    marks = [p for p in found if landmark(p)]
    if not marks or not marks[0].country:
        return None
    mark = marks[0]
    key = normalise(mark.name)
    abroad = [p for p in found if p.country != mark.country and (landmark(p) or normalise(p.name) == key)]
    return None if abroad else mark


def _town_called_area(doc: Doc, end: int, place) -> bool:
    """A town's name that the text calls a district or area ("Sham district" in Libya): a local namesake, no
    sign of the town's country (a region keeps its word: "the Abyei area")."""
    return end < len(doc) and doc[end].lower_ in PLACE_NOUNS and place.kind in ("city", "town", "village")


def site_named(doc: Doc, end: int, place) -> bool:
    """A camp's name before a facility noun ("the Zamzam barracks"): the site's own name, no sign of the country
    of the camp so called (a town or an area holds its sites: "the Kamina airbase")."""
    return place.kind == "camp" and before_facility(doc, end)


def actor_countries(doc: Doc) -> Counter:
    """The home countries of the dictionary's armed actors the text names ("FARDC", "SPLA-IO"), with how often.

    Only a hint for choosing between namesakes in a text that names no country: Boko Haram also fights
    in Cameroon, so no village is put in Nigeria on this evidence alone.
    """
    table = _actor_homes(ARMED_KINDS)
    return Counter(table[ent.ent_id_] for ent in entities(doc) if ent.ent_id_ in table)


def foreign_forces(doc: Doc) -> frozenset[int]:
    """Tokens of a nationality or country that names foreign forces ("Ethiopian soldiers", "Kenyan troops", "US
    drones") in a text about a rebel group at home elsewhere ("al Shabaab"): whose forces, not where it happened."""
    table = _actor_homes(REBEL_KINDS)
    homes = {table[ent.ent_id_] for ent in entities(doc) if ent.ent_id_ in table}
    if not homes:
        return frozenset()
    gaz, names = get_gazetteer(), country_names()
    out: set[int] = set()
    for ent in entities(doc):
        if ent.label_ in ("NORP", "GPE") and ent.end < len(doc) and doc[ent.end].lower_ in FORCE_NOUNS:
            key = normalise(span_text(ent))
            iso = gaz.demonyms.get(key) or names.get(key)
            if iso and iso not in homes:
                out.update(range(ent.start, ent.end))
    return frozenset(out)


def rebel_homes(doc: Doc) -> frozenset[str]:
    """The home countries of the dictionary's rebel groups the text names ("Boko Haram": Nigeria): a town there is
    no namesake abroad in a note that names only the country whose forces struck the group ("Troops from Chad
    struck Boko Haram fighters in X": X is a Nigerian town)."""
    table = _actor_homes(REBEL_KINDS)
    return frozenset(table[ent.ent_id_] for ent in entities(doc) if ent.ent_id_ in table)


def landmark(place) -> bool:
    """A place well known enough to tell the article's country: curated, a region, or a city of 100k."""
    return bool(place.curated) or place.kind in ("region", "governorate") or place.population >= 100_000


def doc_admin1s(doc: Doc, bounds: list[tuple[int, int]], context: Counter) -> frozenset[str]:
    """Admin1 units the article names (``bounds``: token bounds of its place names), in the countries it names:
    they favour the towns inside them."""
    gaz = get_gazetteer()
    names: set[str] = set()
    for start, end in bounds:
        for _s, _e, text in query_variants(doc, start, end):
            if text in gaz.trusted_names:
                names.update(
                    p.name
                    for p in gaz.lookup(text)
                    if p.kind == "governorate" and (not context or p.country in context)
                )
    return frozenset(names)


@functools.cache
def _actor_homes(kinds: tuple[str, ...]) -> dict[str, str]:
    """Actor id -> ISO2 of the dictionary's actors of these kinds that belong to one country ("FARDC", "al Shabaab").

    Media and monitors are left out: Reuters or the Syrian Observatory say nothing of where a story is.
    """
    from graph.extract.actors.lexicon import dictionary  # the actor vocabulary; imported late: actors reads places

    return {key: entry.country for key, entry in dictionary().items() if entry.country and entry.kind in kinds}


@functools.cache
def country_names() -> dict[str, str]:
    """Normalised name or alias of each country -> ISO2, from the gazetteer; a name of two countries ("congo") ->
    the more populous, whose name it is in news unless the text says otherwise (:func:`doc_countries`)."""
    out: dict[str, str] = {}
    for code, name in _country_entries():
        out.setdefault(normalise(name), code)
        out.setdefault(strip_article(normalise(name)), code)
    return out


@functools.cache
def shared_country_names() -> dict[str, tuple[str, ...]]:
    """Normalised names that two or more countries go by ("congo") -> their ISO2 codes, the most populous first."""
    owners: dict[str, list[str]] = {}
    for code, name in _country_entries():
        for key in dict.fromkeys((normalise(name), strip_article(normalise(name)))):
            if code not in owners.setdefault(key, []):
                owners[key].append(code)
    return {key: tuple(codes) for key, codes in owners.items() if len(codes) > 1}


def _country_entries() -> list[tuple[str, str]]:
    """(ISO2, one of its names) pairs of the gazetteer's countries, the most populous countries first."""
    found = sorted(get_gazetteer().named("p.kind = 'country'"), key=lambda pair: -pair[0].population)
    return [(place.country, name) for place, name in found if place.country is not None]
