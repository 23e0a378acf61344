"""Places below the gazetteer: a village, camp or area the text names, placed in the area that holds it.

ACLED notes and local news name villages that no gazetteer lists ("Kikandwa village in Nakaseke
District", "the Lwibo and Lukweti areas of Masisi territory", "Bouhalouane, near Bordj Tahar"). Such a
name is still the place of the event: it becomes a Location of its own, with the coordinates of the
place that contains it (ACLED geo-precision 2 when it lies near a town, 3 inside an admin area) or,
when the text names no container, the country the article is about and no coordinates. A name counts
as a place only when the words around say so: a place noun ("X village", "the town of X", "X and Y
areas") or a locative preposition before a name the NER calls a place ("clashes in Rupchai").
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from graph.extract.places.gazetteer import get_gazetteer
from graph.extract.places.locations import PlaceMention
from graph.extract.places.references import dateline, distance_unit, reference_point
from graph.extract.places.words import (
    AROUND_NOUNS,
    BORDER_WORDS,
    COMPASS,
    DIRECTIONS,
    LOCATIVES,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    TARGET_NOUNS,
    TARGET_VERBS,
    common_words,
)
from graph.records import Location, slugify

__all__ = [
    "place_noun", "container", "containers", "unlisted_place", "coordinated_names", "read_unlisted", "locative",
    "targeted",
]

_NEAR = frozenset(("near", "outside", "around", "from", "off"))
_ADMIN_KINDS = frozenset(("governorate", "region", "district"))
_ARTICLES = frozenset(("al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "the"))
# Labels the small model gives to unknown village names after "in" ("in Shadad" PRODUCT, "in Milimani" NORP).
_MISREAD = frozenset(("PERSON", "ORG", "PRODUCT", "NORP"))
_TOWN_KINDS = frozenset(("city", "town", "village"))
# How wide a place is, for reading an address from narrow to wide; towns and other places are 1.
_BREADTH = {"district": 2, "governorate": 3, "region": 3, "country": 4}
# A town abroad, this far from every other place of the article and smaller than this, is a namesake.
STRAY_KM = 500
STRAY_POPULATION = 500_000
_PARTICLES = _ARTICLES - {"the"}  # lower-case inside a name: "Wad al-Bakhit"
_SKIPPED = _ARTICLES | {"a", "-"}  # between a preposition and its place: "in the", "in Al-Arish"
# The kind of an unlisted place, by the noun that names it; other nouns ("village", "settlement") give "village".
_KIND_OF_NOUN = {
    **dict.fromkeys(("camp", "camps"), "camp"),
    "feature": "region",
    **dict.fromkeys(("town", "towns", "township", "townships"), "town"),
    **dict.fromkeys(("area", "areas", "locality", "localities", "neighbourhood", "neighborhood", "neighbourhoods",
                     "neighborhoods", "suburb", "suburbs", "quarter", "ward"), "area"),
    **dict.fromkeys(("district", "districts", "county", "territory", "subdistrict", "sub-district", "commune"),
                    "district"),
}


def place_noun(doc: Doc, start: int, end: int) -> str | None:
    """The place noun that calls ``doc[start:end]`` a place: after it, after a coordinated name, or before "of"."""
    i = _skip_names(doc, end)  # "Lwibo and Lukweti areas": the noun after the last coordinated name
    next_to = end + 1 if i == end and i + 1 < len(doc) and doc[i].lower_ in BORDER_WORDS else end
    i = max(i, next_to)  # "Damasa border town": the noun after "border"
    if i < len(doc) and doc[i].lower_ in PLACE_NOUNS and (i == next_to or doc[i].lower_.endswith("s")):
        return doc[i].lower_
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS:
        return doc[start - 2].lower_
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "an"):
        return doc[end + 2].lower_ if doc[end + 2].lower_ in PLACE_NOUNS else None  # "Gadabeji, a village in"
    if end - start > 1 and doc[start].lower_ in PLACE_PREFIXES:
        return "feature"  # "Jebel Chambi"
    return None


def coordinated_names(doc: Doc, end: int) -> list[tuple[int, int]]:
    """Names coordinated after a name before a plural place noun: "Lwibo [and Lukweti] areas"."""
    out, i = [], end
    while i + 1 < len(doc) and doc[i].text in (",", "and") and _capitalised(doc[i + 1]):
        j = _name_end(doc, i + 1, 3)
        out.append((i + 1, j))
        i = j
    if out and i < len(doc) and doc[i].lower_ in PLACE_NOUNS and doc[i].lower_.endswith("s"):
        return out
    return []


def container(doc: Doc, end: int, by_start: dict[int, PlaceMention]) -> tuple[PlaceMention, bool] | None:
    """The mention of the place that holds the name ending at ``end``, and whether the name only lies near it.

    Reads "X village in Y District", "X, a village in Y", "X area of Y", "X near Y", "X, Y",
    "X and Z areas of Y territory", "X and Z, near the town of Y" and "X, 10 km east of Y".
    """
    after_comma = end + 1
    while after_comma < len(doc) and after_comma not in by_start and doc[after_comma].lower_ in DIRECTIONS:
        after_comma += 1  # "Khaydaro, southern Mudug"
    if after_comma < len(doc) and doc[end].text == "," and after_comma in by_start:
        apposed = by_start[after_comma]
        after = doc[apposed.end].text if apposed.end < len(doc) else "."
        more = apposed.end + 1 < len(doc) and (doc[apposed.end + 1].text[:1].isupper()
                                               or doc[apposed.end + 1].lower_ in ("and", "or"))
        if (after != "and" and not (after == "," and more)) or (after == "," and _addressed(apposed, by_start)):
            # "Rupchai, Mayendit", "Richmond Park, Nairobi, on Monday", "Barangay Trinidad, Guihulngan City, Negros
            # Oriental", but not "Zangebe, Maiwa, Algaiti and Mainari" or "Assiut, Alexandria, and Suez"
            return apposed, False
    i = _skip_names(doc, end)
    if i + 2 < len(doc) and doc[i].lower_ == "sub" and doc[i + 1].text == "-":
        i += 2  # "Lafto sub-city of Addis Ababa"
    if i < len(doc) and (doc[i].lower_ in PLACE_NOUNS or doc[i].lower_ == "city"):
        i += 1
    elif i < len(doc) and doc[i].lower_ in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ in PLACE_NOUNS:
        i += 2  # "X, a village in Y"
    measured = _measured(doc, i)
    if measured is not None:
        return _place_at(doc, measured, by_start, near=True)  # "X, 10 km east of Y": ACLED codes Y, near
    if i >= len(doc) or doc[i].lower_ not in ("in", "of", "near", "outside", "around", "off"):
        return None
    return _place_at(doc, i + 1, by_start, near=doc[i].lower_ in _NEAR)


def _addressed(apposed: PlaceMention, by_start: dict[int, PlaceMention]) -> bool:
    """Whether the apposed place is one step of an address, the next name being a wider area that holds it:
    "Cauayan, Negros Occidental" after "Barangay Yao-Yao, ". A list ("Homs, Hama, Aleppo") is no address: its
    next name is no wider than the one before."""
    held, holder = apposed.location, by_start.get(apposed.end + 1)
    if holder is None or held.lat is None or holder.location.lat is None or _local(holder.location):
        return False  # "Gulane, Darusalam, Mabah": names no gazetteer lists are listed, not addressed
    breadth = 0 if _local(held) else _BREADTH.get(held.kind, 1)
    return _BREADTH.get(holder.location.kind, 1) > breadth and _inside(held, holder.location)


def _local(location: Location) -> bool:
    """Whether the location is a name no gazetteer lists, placed by the text around it."""
    return location.id.startswith("place/local-")


def _place_at(doc: Doc, i: int, by_start: dict[int, PlaceMention], near: bool) -> tuple[PlaceMention, bool] | None:
    """The place named from token ``i`` on, after articles, directions and "the town of"."""
    skip = _SKIPPED | PLACE_NOUNS | {"city", "of"}
    for j in range(i, min(i + 5, len(doc))):
        if j in by_start:
            return by_start[j], near
        if doc[j].lower_ not in skip and doc[j].lower_ not in DIRECTIONS:
            return None
    return None


def _measured(doc: Doc, i: int) -> int | None:
    """After "[,] [some] 10 km [east] of" or "10kms from": the token where the place measured from starts."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].lower_ in ("some", "about", "around", "roughly", "approximately"):
        i += 1
    if i + 1 < len(doc) and doc[i].like_num and distance_unit(doc[i + 1].lower_):
        i += 2
    elif i < len(doc) and distance_unit(doc[i].lower_):
        i += 1
    else:
        return None
    if i < len(doc) and doc[i].lower_ in COMPASS:
        i += 1
    return i + 1 if i < len(doc) and doc[i].lower_ in ("of", "from") else None


def unlisted_place(
    name: str, noun: str | None, held: tuple[PlaceMention, bool] | None, country: str | None
) -> Location:
    """A Location for a name no gazetteer lists, at the point of the place that holds it, if any (a country
    gives its code but no point: its centre is no village's place)."""
    kind = _KIND_OF_NOUN.get(noun or "", "village")
    if held is not None and held[0].location.kind == "country":  # "Boni in central Mali": no point in all Mali
        country = held[0].location.country
        held = None
    if held is None:
        slug = f"{slugify(name)}-{country.lower()}" if country else slugify(name)
        return Location(id=f"place/local-{slug}", name=name, kind=kind, country=country)
    area, near = held[0].location, held[1]
    precision = area.precision if _local(area) and area.precision else 3 if area.kind in _ADMIN_KINDS else 2
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


def _skip_names(doc: Doc, end: int) -> int:
    """The first token after a list of coordinated names ("and Lukweti", ", Maiwa") that follows ``end``."""
    i = end
    while i < len(doc) and i - end < 8 and doc[i].lower_ not in PLACE_NOUNS:
        if not (doc[i].text in (",", "and") or _capitalised(doc[i]) or _inside_name(doc, i)
                or (_titled(doc[i]) and i + 1 < len(doc) and _inside_name(doc, i + 1))):  # "Wad al-Bakhit"
            break
        i += 1
    if i > end and doc[i - 1].lower_ == "and":  # "Kumasi and in the Eastern region": a second place, not a container
        i = end
    return i


def _titled(token) -> bool:
    """A capitalised word inside a sentence, even a common one ("Amir", "Park")."""
    return token.is_alpha and token.text[:1].isupper() and not token.is_sent_start and not token.is_upper


def _inside_name(doc: Doc, i: int) -> bool:
    """A lower-case article or hyphen between two words of a name: "al" and "-" of "Wad al-Bakhit"."""
    if i < 1 or not (doc[i].lower_ in _PARTICLES or doc[i].text == "-"):
        return False
    k = i
    while k < len(doc) and (doc[k].lower_ in _PARTICLES or doc[k].text == "-"):
        k += 1
    before = doc[i - 1]
    opened = _capitalised(before) or _titled(before) or _inside_name(doc, i - 1)
    return opened and k < len(doc) and _capitalised(doc[k])


def _name_end(doc: Doc, start: int, most: int) -> int:
    """The end of the name that opens at ``start``: up to ``most`` capitalised words, with the articles and hyphens
    between them ("Wad al-Bakhit", "Ras al-Ain")."""
    end, words = start, 0
    while end < len(doc) and words < most and (_capitalised(doc[end]) or _inside_name(doc, end)):
        words += doc[end].text != "-" and doc[end].lower_ not in _PARTICLES
        end += 1
    return end


def _capitalised(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and token.lower_ not in common_words()


def read_unlisted(
    doc: Doc, missed: list[tuple[int, int]], found: list[PlaceMention], country: str | None, ner: set[int]
) -> list[PlaceMention]:
    """All place mentions: ``found`` checked against their containers, plus the names in ``missed``
    that the text calls places, each placed in its container.

    ``found`` are the geocoded mentions; ``country`` is the article's main country, used when no
    container is named; ``ner`` holds the tokens the NER labelled as places. Names are read right to
    left, so "Masisi territory" is placed before "Lwibo and Lukweti areas of" it, and a gazetteer
    reading far from the place the text puts it in ("Khaydaro, southern Mudug" read as a town of
    another region) gives way to a place in that container.
    """
    by_start = {m.start: m for m in found}
    taken = {i for m in found for i in range(m.start, m.end)}
    guessed: set[int] = set()  # names placed only by a place named near them
    placed = Counter(m.location.country for m in found if m.location.kind != "country" and m.location.country)
    country = placed.most_common(1)[0][0] if placed else country  # "US drones hit Jilib": Somalia's story
    listed = _listed_names(doc, [*missed, *((m.start, m.end) for m in found)])
    for s, e in listed:  # a listed name is whole: "Qoryooley Yar", "Amir Banda", not "Qoryooley", "Banda"
        for inner in [m for m in by_start.values() if s <= m.start and m.end <= e and (m.start, m.end) != (s, e)]:
            del by_start[inner.start]
            taken.difference_update(range(inner.start, inner.end))
    for start, end in sorted({*missed, *listed, *((m.start, m.end) for m in by_start.values())}, reverse=True):
        known = by_start.get(start)
        if known is not None and known.end == end:
            held = container(doc, end, by_start)
            if held is None or held[0].location is known.location or _inside(known.location, held[0].location):
                continue
            noun = place_noun(doc, start, end)
            by_start[start] = PlaceMention(start, end, unlisted_place(doc[start:end].text, noun, held, country))
            continue
        if any(i in taken for i in range(start, end)):
            continue
        name_end = end - 1 if end - start > 1 and doc[end - 1].lower_ in PLACE_NOUNS else end
        noun = doc[end - 1].lower_ if name_end < end else listed.get((start, end)) or place_noun(doc, start, end)
        located = locative(doc, start) and _after_locative(doc, start, end, ner)
        words = doc[start:name_end]  # the NER's place may be an English word: "in Logo"
        named = _names(words) or (start in ner and all(_titled(t) and t.lower_ not in _SKIPPED for t in words))
        if (noun is None and not located) or not named:
            continue
        held = container(doc, end, by_start) or _owner(doc, start, by_start) \
            or _sentence_area(doc, start, list(by_start.values()))
        if held is None and (held := _nearby(doc, start, list(by_start.values()), country)) is not None:
            guessed.add(start)
        by_start[start] = PlaceMention(start, end, unlisted_place(doc[start:name_end].text, noun, held, country))
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
        if _local(location):
            key = (location.lat is not None, mention.start not in guessed, location.country is not None)
            if location.name not in best or key > rank[location.name]:
                best[location.name], rank[location.name] = location, key
    return [replace(m, location=best.get(m.location.name, m.location)) if _local(m.location)
            else m for m in mentions]


def containers(doc: Doc, mentions: list[PlaceMention]) -> set[int]:
    """Starts of the mentions that say where another named place lies: "Y" of "X town in Y region", "X near Y".

    The event happened at the place inside, not all over its container.
    """
    by_start = {m.start: m for m in mentions}
    out = set()
    for mention in mentions:
        held = container(doc, mention.end, by_start)
        if held is not None and held[0] is not mention:
            out.add(held[0].start)
    return out


def _without_strays(doc: Doc, mentions: list[PlaceMention], ner: set[int]) -> list[PlaceMention]:
    """The mentions less the towns that stray abroad, far from every other place the article names.

    "Zanzibar and Pemba": Mozambique's Pemba lies 700 km from Zanzibar; the Pemba meant is the
    island that no gazetteer lists. A big city ("Washington", "Ankara") may stand abroad.
    """
    places = {m.location.id: m.location for m in mentions
              if m.location.kind != "country" and m.location.lat is not None}
    strays: dict[str, list[Location]] = {}  # per place: the others, when it strays
    for place in places.values():
        others = [o for o in places.values() if o.name != place.name]
        if _stray(place, others):
            strays[place.id] = others
    out = []
    kept = [m for m in mentions if m.location.id not in strays]
    for mention in mentions:
        others = strays.get(mention.location.id, [])
        if not others:
            out.append(mention)
        elif mention.start > 0 and doc[mention.start - 1].lower_ in LOCATIVES and mention.start in ner:
            home = Counter(o.country for o in others if o.country).most_common(1)[0][0]
            name = doc[mention.start : mention.end].text
            held = _nearby(doc, mention.start, kept, home)  # the place named beside it, as for any unlisted name
            out.append(PlaceMention(mention.start, mention.end, unlisted_place(name, None, held, home)))
    return out


def _stray(location: Location, others: list[Location]) -> bool:
    """A gazetteer town in a country no other named place is in, and over 500 km from all of them."""
    if not others or location.lat is None or location.lon is None or location.kind not in _TOWN_KINDS:
        return False
    if location.country in {o.country for o in others}:
        return False
    place = get_gazetteer().get(location.id)
    if place is None or place.curated or place.population >= STRAY_POPULATION:
        return False
    points = [(o.lat, o.lon) for o in others if o.lat is not None and o.lon is not None]
    return all(_km(location.lat, location.lon, lat, lon) > STRAY_KM for lat, lon in points)


def locative(doc: Doc, start: int) -> bool:
    """Whether the words before ``start`` put an event at the name there: "in X", "near X", "attack X",
    "on the outskirts of X"."""
    around = start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in AROUND_NOUNS
    return start > 0 and (doc[start - 1].lower_ in LOCATIVES or around or targeted(doc, start))


def targeted(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` is what an attack or a capture struck: "militia attack Tur", "an attack on
    Maxaas", "open fire on Jugma". Never a known actor ("attacked Boko Haram") or a person's possession."""
    if start < 1 or doc[start].ent_id_.startswith("actor/"):
        return False
    before = doc[start - 1].lower_
    target = before in TARGET_VERBS or (before == "on" and start >= 2 and doc[start - 2].lower_ in TARGET_NOUNS)
    if not target:
        return False
    end = start
    while end < len(doc) and doc[end].text[:1].isupper() and end - start < 4:
        end += 1
    return end >= len(doc) or doc[end].text not in ("'s", "\u2019s")


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


def _names(span) -> bool:
    """Capitalised words (hyphen-joined ones too) that are no bare article: "Aniet-Ngong", not "Al"."""
    words = [t for t in span if t.text != "-" and not _inside_name(span.doc, t.i)]
    if not words or (len(words) == 1 and words[0].lower_ in _ARTICLES):
        return False
    return all(_capitalised(t) or _titled(t) for t in words) and any(_capitalised(t) for t in words)


def _inside(place: Location, area: Location) -> bool:
    """Whether a geocoded place can lie where the text puts it: in the admin area, or near the town."""
    if area.kind == "country":
        return place.country == area.country
    if area.lat is None or area.lon is None:
        return True  # an unplaced container cannot overrule a gazetteer reading
    if place.lat is None or place.lon is None:
        return place.country == area.country or None in (place.country, area.country)
    if area.kind == "governorate" and place.admin1 == area.admin1:
        return True
    limit = {"governorate": 250, "region": 400, "district": 100}.get(area.kind, 80)
    return _km(place.lat, place.lon, area.lat, area.lon) <= limit


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _owner(doc: Doc, start: int, by_start: dict[int, PlaceMention]) -> tuple[PlaceMention, bool] | None:
    """The town whose possessive names the place: "Tripoli's Abu Sleem district", "Benghazis Ganfouda"."""
    for mention in by_start.values():
        apostrophe = mention.end == start - 1 and doc[start - 1].text in ("'s", "\u2019s")
        if (mention.end == start or apostrophe) and mention.location.kind in ("city", "town"):
            return mention, True
    return None


def _sentence_area(doc: Doc, start: int, found: list[PlaceMention]) -> tuple[PlaceMention, bool] | None:
    """The admin area the sentence names nearest to the name: the village lies somewhere inside it."""
    sent = doc[start].sent
    areas = [m for m in found if sent.start <= m.start < sent.end and m.location.kind in _ADMIN_KINDS]
    if not areas:
        return None
    return min(areas, key=lambda m: abs(m.start - start)), False


def _nearby(doc: Doc, start: int, found: list[PlaceMention], country: str | None) -> tuple[PlaceMention, bool] | None:
    """The placed town or area named closest to the name in its sentence, else in the sentence before or after,
    in the story's country: a village the text puts in no container lies near it, as ACLED codes it
    ("farmers from Ain X blocked the road between Sbikha and Kairouan"; "clashes in X ... across Benghazi")."""
    sent = doc[start].sent
    windows = [(sent.start, sent.end)]
    if sent.start > 0:
        windows.append((doc[sent.start - 1].sent.start, sent.start))
    if sent.end < len(doc):
        windows.append((sent.end, doc[sent.end].sent.end))
    placed = [m for m in found if m.location.lat is not None and m.location.kind != "country"
              and country in (None, m.location.country)]
    for low, high in windows:
        near = [m for m in placed if low <= m.start < high and not _far(doc, m)]
        if near:
            return min(near, key=lambda m: abs(m.start - start)), True
    return None


def _far(doc: Doc, mention: PlaceMention) -> bool:
    """A place named only as where a distance is measured from or the story was filed ("400 km northeast of
    Bangui", a dateline): far from the village, no place to put it."""
    return reference_point(doc, mention.start) or dateline(doc, mention.start, mention.end)


def _listed_names(doc: Doc, spans: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """Names listed with the given ones before or after a plural place noun, with that noun."""
    out: dict[tuple[int, int], str] = {}
    for start, end in spans:
        noun = place_noun(doc, start, end)
        out.update(dict.fromkeys(_coordinated(doc, start, end), noun or "villages"))
    return out


def _coordinated(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Names listed with this one before a plural place noun: "Lwibo and [Lukweti] areas" both ways."""
    out = coordinated_names(doc, end)
    i = start
    while i >= 2 and doc[i - 1].text in (",", "and") and _capitalised(doc[i - 2]):
        j = i - 2
        while j > 0 and _titled(doc[j - 1]) and i - j < 3:
            j -= 1  # "Amir Kalam": a common word inside a name
        out.append((j, i - 1))
        i = j
    plural = place_noun(doc, start, end)
    if plural is not None and plural.endswith("s") and not out and start >= 2 and doc[start - 1].lower_ == "of":
        return _listed(doc, end)  # "the villages of Gulane, Darusalam and Mabah"
    return out if plural is not None and plural.endswith("s") else []


def _listed(doc: Doc, end: int) -> list[tuple[int, int]]:
    """The names of a list that goes on after ``end``: ", Darusalam, Harga-Dhere and Mabah"."""
    out, i = [], end
    while i + 1 < len(doc) and doc[i].text in (",", "and") and _capitalised(doc[i + 1]):
        j = _name_end(doc, i + 1, 3)
        out.append((i + 1, j))
        i = j
    return out
