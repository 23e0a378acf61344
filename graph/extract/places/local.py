"""Places below the gazetteer: a village, camp or area the text names, placed in the area that holds it.

ACLED notes and local news name villages that no gazetteer lists ("Bukomero village in Kiboga
District", "the Kanyola and Bweremana areas of Kalehe territory", "Ain Zana, near Souk Ahras"). Such a
name is still the place of the event: it becomes a Location of its own, with the coordinates of the
place that contains it (ACLED geo-precision 2 when it lies near a town, 3 inside an admin area) or,
when the text names no container, the country the article is about and no coordinates. A name counts
as a place only when the words around say so: a place noun ("X village", "the town of X", "X and Y
areas") or a locative preposition before a name the NER calls a place ("clashes in Rupchai").
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from graph.extract.parse.columns import token_lowers, tokens_text
from graph.extract.places.areas import area_location, local_area
from graph.extract.places.gazetteer import get_gazetteer
from graph.extract.places.holders import (
    ADMIN_KINDS,
    TOWN_KINDS,
    gives_way,
    held_at,
    inside,
    is_local,
    km,
    named_countries,
    namesake_holder,
    nearby,
    owner,
    sentence_area,
    sole_town,
)
from graph.extract.places.listing import SKIPPED, listed_names, place_noun, reads_as_name, titled
from graph.extract.places.locations import PlaceMention
from graph.extract.places.offsets import moved
from graph.extract.places.parts import country_part
from graph.extract.places.words import (
    AROUND_NOUNS,
    AS_WELL_AS,
    CLEAR_VERBS,
    DEPLOY_VERBS,
    LOCAL_UNITS,
    LOCATIVES,
    PLACE_NOUNS,
    POSITION_NOUNS,
    TARGET_NOUNS,
    TARGET_VERBS,
    TITLES,
    WAY_VERBS,
)
from graph.records import Location, slugify

__all__ = ["unlisted_place", "read_unlisted", "locative", "targeted"]

# Labels the small model gives to unknown village names after "in" ("in Shadad" PRODUCT, "in Milimani" NORP).
_MISREAD = frozenset(("PERSON", "ORG", "PRODUCT", "NORP"))
# What the NER calls a place, or nothing (it reads many unlisted villages as nothing).
_PLACE_LABELS = frozenset(("GPE", "LOC", "FAC", ""))
# A town abroad, this far from every other place of the article and smaller than this, is a namesake.
STRAY_KM = 500
STRAY_POPULATION = 500_000
# The kind of an unlisted place, by the noun that names it; other nouns ("village", "settlement") give "village".
_KIND_OF_NOUN = {
    **dict.fromkeys(("camp", "camps"), "camp"),
    "feature": "region",
    **dict.fromkeys(("town", "towns", "township", "townships"), "town"),
    **dict.fromkeys(("area", "areas", "locality", "localities", "neighbourhood", "neighborhood", "neighbourhoods",
                     "neighborhoods", "suburb", "suburbs", "quarter", "ward"), "area"),
    **dict.fromkeys(("district", "districts", "county", "territory", "subdistrict", "sub-district", "commune"),
                    "district"),
    **dict.fromkeys(("sub-city", "kebele", "kebeles"), "area"),  # a city's or a woreda's quarter
    **dict.fromkeys(set(LOCAL_UNITS) - {"sub-city", "kebele", "kebeles"}, "district"),  # "Kalonge chiefdom"
}


def unlisted_place(
    name: str,
    noun: str | None,
    held: tuple[PlaceMention, bool] | None,
    country: str | None,
    shift: tuple[float | None, float | None] = (None, None),
) -> Location:
    """A Location for a name no gazetteer lists: at the local area of its name where the text's container agrees
    (:mod:`.areas`), else at the point of the place that holds it, moved by ``shift`` ("X, 20 km north of Y"), if
    any (a country gives its code but no point: its centre is no village's place)."""
    kind = _KIND_OF_NOUN.get(noun or "", "village")
    area = local_area(name, country, held[0].location if held is not None else None, shift[0])
    if area is not None:
        return area_location(area, name, kind)
    return moved(_held_place(name, kind, held, country), *shift)


def _held_place(name: str, kind: str, held: tuple[PlaceMention, bool] | None, country: str | None) -> Location:
    """:func:`unlisted_place` for a name with no local area: at the point of its holder."""
    if held is not None and held[0].location.kind == "country":  # "Boni in central Mali": no point in all Mali
        country = held[0].location.country
        held = None
    if held is None:
        slug = f"{slugify(name)}-{country.lower()}" if country else slugify(name)
        return Location(id=f"place/local-{slug}", name=name, kind=kind, country=country)
    area, near = held[0].location, held[1]
    precision = area.precision if is_local(area) and area.precision else 3 if area.kind in ADMIN_KINDS else 2
    return Location(
        id=f"place/local-{slugify(name)}-{area.id.removeprefix('place/')}",
        name=name,
        kind=kind,
        country=area.country,
        lat=area.lat,
        lon=area.lon,
        admin1=area.admin1,
        precision=(precision if not near else max(precision, 2)) if area.lat is not None else None,
    )


def read_unlisted(
    doc: Doc, missed: list[tuple[int, int]], found: list[PlaceMention], country: str | None, ner: set[int]
) -> list[PlaceMention]:
    """All place mentions: ``found`` checked against their containers, plus the names in ``missed``
    that the text calls places, each placed in its container.

    ``found`` are the geocoded mentions; ``country`` is the article's main country, used when no
    container is named; ``ner`` holds the tokens the NER labelled as places. Names are read right to
    left, so "Kalehe territory" is placed before "Kanyola and Bweremana areas of" it, and a gazetteer
    reading far from the place the text puts it in (a village "X, southern Mudug" that shares its name with a
    town of another region) gives way to a place in that container.
    """
    by_start = {m.start: m for m in found}
    taken = {i for m in found for i in range(m.start, m.end)}
    guessed: set[int] = set()  # names placed only by a place named near them
    placed = Counter(m.location.country for m in found if m.location.kind != "country" and m.location.country)
    country = placed.most_common(1)[0][0] if placed else country  # "US drones struck Jamaame": Somalia's story
    told = named_countries(found)  # the countries the text names
    listed = listed_names(doc, [*missed, *((m.start, m.end) for m in found)])
    for s, e in listed:  # a listed name is whole: "Qoryooley Yar", "Amir Banda", not "Qoryooley", "Banda"
        for inner in [m for m in by_start.values() if s <= m.start and m.end <= e and (m.start, m.end) != (s, e)]:
            del by_start[inner.start]
            taken.difference_update(range(inner.start, inner.end))
    for start, end in sorted({*missed, *listed, *((m.start, m.end) for m in by_start.values())}, reverse=True):
        known = by_start.get(start)
        if known is not None and known.end == end:
            held, shift = held_at(doc, end, by_start)  # no town holds a country: "crossed from Libya near Agadez"
            if held is None or known.location.kind == "country" or held[0].location is known.location \
                    or namesake_holder(doc, known, held[0], told) \
                    or inside(known.location, moved(held[0].location, *shift)):
                continue
            noun = place_noun(doc, start, end)
            location = unlisted_place(tokens_text(doc, start, end), noun, held, country, shift)
            by_start[start] = PlaceMention(start, end, location)
            continue
        if any(i in taken for i in range(start, end)):
            continue
        name_end = end - 1 if end - start > 1 and doc[end - 1].lower_ in PLACE_NOUNS else end
        noun = doc[end - 1].lower_ if name_end < end else listed.get((start, end)) or place_noun(doc, start, end)
        located = locative(doc, start) and _after_locative(doc, start, end, ner)
        words = doc[start:name_end]  # the NER's place may be an English word: "in Logo"
        named = reads_as_name(words) or (start in ner and all(titled(t) and t.lower_ not in SKIPPED for t in words))
        if (noun is None and not located) or not named:
            continue
        held, shift = held_at(doc, end, by_start)
        held = country_part(doc, held) or owner(doc, start, by_start) or sentence_area(doc, start,
                                                                                      list(by_start.values()))
        if held is None and (held := nearby(doc, start, list(by_start.values()), country)) is not None:
            guessed.add(start)
        # "X, 80 km north of Y": the shift moves a point taken from the holder
        location = unlisted_place(tokens_text(doc, start, name_end), noun, held, country, shift)
        by_start[start] = PlaceMention(start, end, location)
        taken.update(range(start, end))
    return _one_place_per_name(_without_strays(doc, list(by_start.values()), ner), guessed)


def _one_place_per_name(mentions: list[PlaceMention], guessed: set[int]) -> list[PlaceMention]:
    """The unlisted places of one name as one place: the reading that the text placed best ("the village of
    Boni in central Mali ... killed in Boni": both are the Boni with a point); a container the text names
    beats a place merely named nearby (``guessed``: starts of such readings)."""
    best: dict[str, Location] = {}
    rank: dict[str, tuple[bool, bool, bool]] = {}
    for mention in mentions:
        location = mention.location
        if is_local(location):
            key = (location.lat is not None, mention.start not in guessed, location.country is not None)
            if location.name not in best or key > rank[location.name]:
                best[location.name], rank[location.name] = location, key
    return [replace(m, location=best.get(m.location.name, m.location)) if is_local(m.location)
            else m for m in mentions]


def _without_strays(doc: Doc, mentions: list[PlaceMention], ner: set[int]) -> list[PlaceMention]:
    """The mentions less the towns that stray abroad, far from every other place the article names, and the
    towns found only as another spelling of a name that lie far from every place the article spells as listed.

    "Zanzibar and Pemba": Mozambique's Pemba lies 700 km from Zanzibar; the Pemba meant is the
    island that no gazetteer lists. A big city ("Washington", "Ankara") may stand abroad. "Clashes in
    Marzuk ... shelling hit Tobruk": a name guessed as a spelling of a town 1,000 km away (Murzuk) is a local name.
    """
    places = {m.location.id: m.location for m in mentions
              if m.location.kind != "country" and m.location.lat is not None}
    strays: dict[str, list[Location]] = {}  # per place: the others, when it strays
    variants = {m.location.id for m in mentions if _variant(tokens_text(doc, m.start, m.end))}
    vouched = _country_vouched(doc, mentions)
    points = {(p.lat, p.lon) for p in places.values() if not is_local(p)}
    # a village placed in a part of a country ("X in northern Uganda") rests on no other name: it strays with none
    alone = {p.id for p in places.values() if is_local(p) and (p.lat, p.lon) not in points}
    sole, shared = _namesakes(doc, mentions)
    told = named_countries(mentions)
    for place in places.values():
        # a name one country alone has does not stray from a name towns of several countries share
        others = [o for o in places.values() if o.name != place.name
                  and not (place.id in sole and o.id in shared and gives_way(shared[o.id], place.country, told))]
        spelt = [o for o in others if o.id not in variants]  # two guessed spellings do not vouch for each other
        stray = _stray(place, others) and place.id not in vouched
        if stray or (place.id in variants - alone and spelt and _far_from_all(place, spelt)):
            strays[place.id] = others
    out = []
    kept = [m for m in mentions if m.location.id not in strays]
    for mention in mentions:
        others = strays.get(mention.location.id, [])
        if not others:
            out.append(mention)
        elif mention.start > 0 and mention.start in ner and (
                doc[mention.start - 1].lower_ in LOCATIVES or _second_of_two(doc, mention.start)):
            home = Counter(o.country for o in others if o.country).most_common(1)[0][0]
            name = tokens_text(doc, mention.start, mention.end)
            held = nearby(doc, mention.start, kept, home)  # the place named beside it, as for any unlisted name
            out.append(PlaceMention(mention.start, mention.end, unlisted_place(name, None, held, home)))
    return out


def _namesakes(doc: Doc, mentions: list[PlaceMention]) -> tuple[set[str], dict[str, frozenset[str]]]:
    """Ids of the gazetteer towns whose name only their country has (:func:`.holders.sole_town`), and the countries
    of the namesakes of each place whose name several countries share."""
    gaz, sole, shared = get_gazetteer(), set(), {}
    for m in mentions:
        if m.location.kind != "country" and m.location.country and not is_local(m.location):
            owners = gaz.namesake_countries(tokens_text(doc, m.start, m.end))
            if len(owners) > 1:
                shared[m.location.id] = owners
            elif sole_town(gaz, m.location, owners):
                sole.add(m.location.id)
    return sole, shared


def _country_vouched(doc: Doc, mentions: list[PlaceMention]) -> set[str]:
    """Ids of the places the text puts in their own country by apposition ("a raid in Lodwar, Kenya"): it says
    where that town is, so it is no namesake however far it lies from the story's other places. A country named
    elsewhere in the sentence vouches for nothing."""
    countries = {(m.start, m.location.country) for m in mentions if m.location.kind == "country"}
    return {m.location.id for m in mentions if m.location.kind != "country" and m.end < len(doc)
            and doc[m.end].text == "," and (m.end + 1, m.location.country) in countries}


def _variant(text: str) -> bool:
    """Whether a name was placed only as another spelling of a gazetteer name (the gazetteer lists none so spelt)."""
    return not get_gazetteer().lookup(text)


def _stray(location: Location, others: list[Location]) -> bool:
    """A gazetteer town in a country no other named place is in, and over 500 km from all of them."""
    if not others or location.country in {o.country for o in others}:
        return False
    place = get_gazetteer().get(location.id)
    if place is None or place.curated or place.population >= STRAY_POPULATION:
        return False
    return _far_from_all(location, others)


def _far_from_all(location: Location, others: list[Location]) -> bool:
    """A town (with a point) more than 500 km from each of ``others`` (located places)."""
    if location.lat is None or location.lon is None or location.kind not in TOWN_KINDS:
        return False
    points = [(o.lat, o.lon) for o in others if o.lat is not None and o.lon is not None]
    return all(km(location.lat, location.lon, lat, lon) > STRAY_KM for lat, lon in points)


def locative(doc: Doc, start: int) -> bool:
    """Whether the words before ``start`` put an event at the name there: "in X", "near X", "attack X",
    "on the outskirts of X", "deployed to X"."""
    around = start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in AROUND_NOUNS
    way = start > 0 and doc[start - 1].lower_ in WAY_VERBS and _plain_name(doc, start)
    return start > 0 and (doc[start - 1].lower_ in LOCATIVES or around or way or targeted(doc, start)
                          or _second_of_two(doc, start) or _sent_to(doc, start))


def _sent_to(doc: Doc, start: int) -> bool:
    """Whether forces are sent to the name at ``start``: "troops deployed to X", "the army dispatched to X"."""
    return start >= 2 and doc[start - 1].lower_ == "to" and doc[start - 2].lemma_.lower() in DEPLOY_VERBS \
        and _plain_name(doc, start)


def _second_of_two(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` is the second of two after a locative: "between Kambi and Dosa", "from
    Lira and Otuke", "in A as well as B", "the road linking X and Y" (the NER often reads the second as a person),
    or the second place an attack or a capture struck ("shelled X and Y"): see :func:`_struck_pair`."""
    join = _joined_at(doc, start)
    if join < 2 or not _plain_name(doc, start) or (join < start - 1 and not _place_like(doc, start)):
        return False  # "as well as" joins people and things to a place too: "in A as well as <a person>"
    i = join - 1
    while i > 0 and join - i <= 4 and doc[i].text[:1].isupper():
        i -= 1
    if i > join - 2 or not _plain_name(doc, i + 1):
        return False
    return doc[i].lower_ in LOCATIVES | WAY_VERBS or _struck_pair(doc, i + 1, start)


def _joined_at(doc: Doc, start: int) -> int:
    """Where the words joining the name at ``start`` to a name before it begin: "and" ("A and B") or "as well as"
    ("A as well as B"); -1 when no such words come right before it."""
    if start >= 1 and doc[start - 1].lower_ == "and":
        return start - 1
    if start >= 3 and token_lowers(doc)[start - 3 : start] == AS_WELL_AS:
        return start - 3
    return -1


def _place_like(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` is a gazetteer name or one the NER reads as a place or not at all."""
    end = _name_end(doc, start)
    return all(t.ent_type_ in _PLACE_LABELS for t in doc[start:end]) or bool(
        get_gazetteer().lookup(tokens_text(doc, start, end)))


def _struck_pair(doc: Doc, first: int, start: int) -> bool:
    """Whether the names at ``first`` and ``start`` are two places one attack or capture struck ("shelled X and
    Y"): the first a place (the NER's or the gazetteer's), the second a name the NER reads as a place or not at all
    in each word. A verb of attack takes firms, outlets and groups as objects too ("raided X and <a newspaper>")."""
    second = doc[start : _name_end(doc, start)]
    if any(t.ent_type_ not in _PLACE_LABELS for t in second) or not targeted(doc, first):
        return False
    return doc[first].ent_type_ in _PLACE_LABELS - {""} or bool(
        get_gazetteer().lookup(tokens_text(doc, first, _name_end(doc, first))))


def _plain_name(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` may be a place: no known actor ("Boko Haram"), no title ("Governor X") and
    no possessor ("Assad's")."""
    if doc[start].ent_id_.startswith("actor/") or doc[start].lower_ in TITLES:
        return False
    end = _name_end(doc, start)
    return end >= len(doc) or doc[end].text not in ("'s", "\u2019s")


def _name_end(doc: Doc, start: int) -> int:
    """The end of the capitalised name at ``start`` (at most four words)."""
    end = start
    while end < len(doc) and doc[end].text[:1].isupper() and end - start < 4:
        end += 1
    return end


def targeted(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` is what an attack or a capture struck: "militia attack Kolnyang", "an attack on
    Bardale", "open fire on Kurmuk", "the rebels' stronghold of X", a place cleared of fighters.
    Never a known actor ("attacked Boko Haram") or a person's possession."""
    if start < 1:
        return False
    before = doc[start - 1].lower_
    target = before in TARGET_VERBS or _at_position(doc, start) \
        or (before == "on" and start >= 2 and doc[start - 2].lower_ in TARGET_NOUNS)
    return (target or _cleared(doc, start)) and _plain_name(doc, start)


def _at_position(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` names where a fighters' position stands: "the rebels' stronghold of X", or an
    owned or determined position noun joined to the name ("the rebel stronghold X", "an insurgent bastion X").
    The NER often reads such a name as a person; a name that only follows the noun ("took up positions Friday",
    "the hideout Kony used") is not joined to it."""
    end = _name_end(doc, start)
    if start < 2 or end == start or any(t.ent_type_ in ("DATE", "TIME") for t in doc[start:end]):
        return False
    if doc[start - 1].lower_ == "of":
        return doc[start - 2].lower_ in POSITION_NOUNS and doc[end - 1].dep_ == "pobj"
    noun = doc[start - 1]
    owned = doc[start - 2].dep_ in ("det", "poss", "case", "compound", "amod")
    joined = start <= noun.head.i < end or any(t.head.i == noun.i and t.dep_ == "appos" for t in doc[start:end])
    return noun.lower_ in POSITION_NOUNS and owned and joined


def _cleared(doc: Doc, start: int) -> bool:
    """Whether forces cleared the name at ``start`` ("troops cleared X of insurgents"), which the NER does not call
    a person ("a court cleared Ahmed of all charges")."""
    if start < 1 or doc[start - 1].lower_ not in CLEAR_VERBS:
        return False
    words = itertools.takewhile(lambda t: t.text[:1].isupper(), doc[start : start + 4])
    return all(t.ent_type_ != "PERSON" and t.lower_ not in TITLES for t in words)


def _after_locative(doc: Doc, start: int, end: int, ner: set[int]) -> bool:
    """A name after "in"/"at"/"near" that reads as a place: the NER says so, or it says nothing, or it
    took a lone name that ends the phrase for a person or organisation ("in Shadad.", "at Dhamase after")."""
    if start in ner or not doc[start].ent_type_:
        return True
    ent_end = start + 1
    while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
        ent_end += 1
    closes = end >= len(doc) or not doc[end].text[:1].isupper()
    return ent_end == end and end - start <= 2 and closes and doc[start].ent_type_ in _MISREAD
