"""Where the text puts a place: the place that holds it ("X village in Y District", "X, a village in Y", "X near
Y", "X, Y, Z" of an address), else the admin area or town named near it.

The holder gives an unlisted place its point; :func:`containers` marks the holders, which are not
where an event happened.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc

from graph.extract.parse.columns import tokens_text
from graph.extract.parse.sentences import sentence, sentence_start
from graph.extract.places.gazetteer import Gazetteer, get_gazetteer
from graph.extract.places.listing import SKIPPED, skip_names
from graph.extract.places.locations import PlaceMention
from graph.extract.places.offsets import measured_from
from graph.extract.places.references import dateline, reference_point
from graph.extract.places.words import DIRECTIONS, PLACE_NOUNS
from graph.records import Location

__all__ = [
    "ADMIN_KINDS", "TOWN_KINDS", "container", "containers", "is_local", "inside", "km", "owner", "sentence_area",
    "nearby", "held_at", "namesake_holder", "gives_way", "named_countries", "sole_town",
]

_NEAR = frozenset(("near", "outside", "around", "from", "off"))
# A town this big whose name only its country has tells the story's country against a name shared abroad.
SOLE_TOWN = 5000
ADMIN_KINDS = frozenset(("governorate", "region", "district"))
TOWN_KINDS = frozenset(("city", "town", "village"))
# How wide a place is, for reading an address from narrow to wide; towns and other places are 1.
_BREADTH = {"district": 2, "governorate": 3, "region": 3, "country": 4}
# The words _place_at steps over to reach a place ("in the town of", "north of the capital"), joined once.
_BEFORE_PLACE = frozenset((*SKIPPED, *PLACE_NOUNS, *DIRECTIONS, "city", "of", "capital"))


def container(doc: Doc, end: int, by_start: dict[int, PlaceMention]) -> tuple[PlaceMention, bool] | None:
    """The mention of the place that holds the name ending at ``end``, and whether the name only lies near it.

    Reads "X village in Y District", "X, a village in Y", "X area of Y", "X near Y", "X, Y",
    "X and Z areas of Y territory", "X and Z, near the town of Y" and "X, 10 km east of Y".
    """
    return held_at(doc, end, by_start)[0]


def held_at(
    doc: Doc, end: int, by_start: dict[int, PlaceMention]
) -> tuple[tuple[PlaceMention, bool] | None, tuple[float | None, float | None]]:
    """:func:`container`'s answer and the distance (km) and bearing the text gives from it ("X, about 80 km
    north of Y"; each None when not given), reading the words after the name once."""
    i = _past_noun(doc, end)
    measured = measured_from(doc, i)
    shift = (measured[1], measured[2]) if measured is not None else (None, None)
    return _holder(doc, end, by_start, i, measured), shift


def _holder(
    doc: Doc,
    end: int,
    by_start: dict[int, PlaceMention],
    i: int,
    measured: tuple[int, float | None, float | None] | None,
) -> tuple[PlaceMention, bool] | None:
    """:func:`container` given ``i``, the token past the name's place noun, and what a distance there measures from."""
    after_comma = end + 1
    while after_comma < len(doc) and after_comma not in by_start and doc[after_comma].lower_ in DIRECTIONS:
        after_comma += 1  # "Bacadweyn, southern Mudug"
    if after_comma < len(doc) and doc[end].text == "," and after_comma in by_start:
        apposed = by_start[after_comma]
        after = doc[apposed.end].text if apposed.end < len(doc) else "."
        more = apposed.end + 1 < len(doc) and (doc[apposed.end + 1].text[:1].isupper()
                                               or doc[apposed.end + 1].lower_ in ("and", "or"))
        if (after != "and" and not (after == "," and more)) or (after == "," and _addressed(apposed, by_start)):
            # "Thaker, Mayendit", "Richmond Park, Nairobi, on Monday", "Barangay Tapi, Kabankalan City, Negros
            # Occidental", but not "Kirawa, Ashigashiya, Banki and Pulka" or "Luxor, Aswan, and Suez"
            return apposed, False
    if measured is not None:  # "X, 10 km east of Y": ACLED codes Y, near
        held = _place_at(doc, measured[0], by_start, near=True)
        # but "Gao, 20 km from Niger" is measured from the border: a country so named holds no place
        return None if held is not None and held[0].location.kind == "country" else held
    if i >= len(doc) or doc[i].lower_ not in ("in", "of", "near", "outside", "around", "off"):
        return None
    return _place_at(doc, i + 1, by_start, near=doc[i].lower_ in _NEAR)


def _addressed(apposed: PlaceMention, by_start: dict[int, PlaceMention]) -> bool:
    """Whether the apposed place is one step of an address, the next name being a wider area that holds it:
    "Himamaylan, Negros Occidental" after "Barangay Tapi, ". A list ("Homs, Hama, Aleppo") is no address: its
    next name is no wider than the one before."""
    held, holder = apposed.location, by_start.get(apposed.end + 1)
    if holder is None or held.lat is None or holder.location.lat is None or is_local(holder.location):
        return False  # "Bariire, Sabiid, Awdheegle": names no gazetteer lists are listed, not addressed
    breadth = 0 if is_local(held) else _BREADTH.get(held.kind, 1)
    return _BREADTH.get(holder.location.kind, 1) > breadth and inside(held, holder.location)


def is_local(location: Location) -> bool:
    """Whether the location is a name no gazetteer lists, placed by the text around it."""
    return location.id.startswith("place/local-")


def _place_at(doc: Doc, i: int, by_start: dict[int, PlaceMention], near: bool) -> tuple[PlaceMention, bool] | None:
    """The place named from token ``i`` on, after articles, directions and "the town of"."""
    for j in range(i, min(i + 5, len(doc))):
        if j in by_start:
            return by_start[j], near
        if doc[j].lower_ not in _BEFORE_PLACE:
            return None
    return None


def _past_noun(doc: Doc, end: int) -> int:
    """The token after the name ending at ``end`` and its place noun: "X village", "X, a village", "X sub-city"."""
    i = skip_names(doc, end)
    if i + 2 < len(doc) and doc[i].lower_ == "sub" and doc[i + 1].text == "-":
        i += 2  # "Bole sub-city of Addis Ababa"
    if i < len(doc) and (doc[i].lower_ in PLACE_NOUNS or doc[i].lower_ == "city"):
        i += 1
    elif i < len(doc) and doc[i].lower_ in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ in PLACE_NOUNS:
        i += 2  # "X, a village in Y"
    return i


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


def inside(place: Location, area: Location) -> bool:
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
    return km(place.lat, place.lon, area.lat, area.lon) <= limit


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def owner(doc: Doc, start: int, by_start: dict[int, PlaceMention]) -> tuple[PlaceMention, bool] | None:
    """The town whose possessive names the place: "Tripoli's Fashloum district", "Tripolis Hay Dimashq"."""
    for mention in by_start.values():
        apostrophe = mention.end == start - 1 and doc[start - 1].text in ("'s", "\u2019s")
        if (mention.end == start or apostrophe) and mention.location.kind in ("city", "town"):
            return mention, True
    return None


def sentence_area(doc: Doc, start: int, found: list[PlaceMention]) -> tuple[PlaceMention, bool] | None:
    """The admin area the sentence names nearest to the name: the village lies somewhere inside it."""
    sent = sentence(doc[start])
    areas = [m for m in found if sent.start <= m.start < sent.end and m.location.kind in ADMIN_KINDS]
    if not areas:
        return None
    return min(areas, key=lambda m: abs(m.start - start)), False


def nearby(doc: Doc, start: int, found: list[PlaceMention], country: str | None) -> tuple[PlaceMention, bool] | None:
    """The placed town or area named closest to the name in its sentence, else in the sentence before or after,
    in the story's country: a village the text puts in no container lies near it, as ACLED codes it
    ("farmers from Ain X blocked the road between Sbikha and Kairouan"; "clashes in X ... across Benghazi")."""
    sent = sentence(doc[start])
    windows = [(sent.start, sent.end)]
    if sent.start > 0:
        windows.append((sentence_start(doc[sent.start - 1]), sent.start))
    if sent.end < len(doc):
        windows.append((sent.end, sentence(doc[sent.end]).end))
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


def namesake_holder(doc: Doc, known: PlaceMention, holder: PlaceMention, named: frozenset[str]) -> bool:
    """Whether the holder read abroad is the namesake, not the place it holds: a town of some size whose name one
    country alone has (:func:`sole_town`) tells the story's country, and a name towns of several other countries
    share ("Richmond", "Hamilton") gives way to it (:func:`gives_way`; ``named``: the countries the text names)."""
    place, area = known.location, holder.location
    if place.country is None or area.country == place.country or area.kind == "country":
        return False
    gaz = get_gazetteer()
    shared = gaz.namesake_countries(tokens_text(doc, holder.start, holder.end))
    return len(shared) > 1 and gives_way(shared, place.country, named) \
        and sole_town(gaz, place, gaz.namesake_countries(tokens_text(doc, known.start, known.end)))


def gives_way(shared: frozenset[str], country: str | None, named: frozenset[str]) -> bool:
    """Whether a name the towns of the countries ``shared`` share gives way to a sole town of ``country``: not when
    one of them is that country ("the X base near Y", Y read on its own), nor when the text names one of them
    and not the town's own (the town is then a namesake in the country the text is about)."""
    return country not in shared and (country in named or not shared & named)


def named_countries(mentions: list[PlaceMention]) -> frozenset[str]:
    """The countries the text names as places ("in the United States"), for :func:`gives_way`."""
    return frozenset(m.location.country for m in mentions if m.location.kind == "country" and m.location.country)


def sole_town(gaz: Gazetteer, location: Location, owners: frozenset[str]) -> bool:
    """Whether a place whose name the places of the countries ``owners`` spell is a gazetteer town of some size
    whose name only its own country has: a hamlet's name is too often shared by chance with one far away to tell
    the story's country."""
    place = gaz.get(location.id) if len(owners) == 1 else None
    return place is not None and place.population >= SOLE_TOWN and place.country is not None \
        and owners == {place.country}
