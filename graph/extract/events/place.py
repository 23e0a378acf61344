"""Where an event happened: the sentence's place nearest the trigger in the parse, else the article's main place."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from graph.extract.parse.columns import token_heads
from graph.extract.places import PlaceMention
from graph.extract.places.words import DIRECTIONS, PERSON_NOUNS
from graph.records import Location

__all__ = ["main_place", "event_place"]

_COUNTRY_KINDS = {"country"}
FAR_ARCS = 3  # a country more dependency arcs than this from the trigger is not where the event happened


def main_place(places: list[PlaceMention]) -> Location | None:
    """Return the place the article is about: the most-named place below country level, else the country."""
    if not places:
        return None
    places = [p for p in places if not p.actor] or places  # "Washington accused": not where anything happened
    below = [p for p in places if p.location.kind not in _COUNTRY_KINDS]
    # "400 km northeast of Bangui" measures from the capital, a dateline says where the story was filed
    pool = [p for p in below if not p.reference] or below or places
    counts = Counter(p.location.id for p in pool)
    best = max(pool, key=lambda p: (counts[p.location.id], -p.start))
    return best.location


def event_place(sent: Span, places: list[PlaceMention], fallback: Location | None, trigger=None) -> Location | None:
    """The sentence's place closest to the trigger in the parse (not a destination, not "X-based" or "based in X"),
    preferring places below country level; else the article's main place."""
    inside = [p for p in places if sent.start <= p.start and p.end <= sent.end and not _based(sent.doc, p)
              and not p.actor]  # "Tigray forces fired rockets": Tigray says who, not where
    below = [p for p in inside if p.location.kind not in _COUNTRY_KINDS]
    origins = [p for p in below if not _destination(sent.doc, p)] or below
    origins = [p for p in origins if not p.reference] or origins  # not the dateline, if the sentence names more
    origins = _held(origins)  # "Jamaame town in Lower Juba region": Jamaame
    origins = [p for p in origins if not _names_parts(sent.doc, p, below)] or origins
    origins = [p for p in origins if not _of_people(sent.doc, p)] or origins  # "a Limpopo man killed in X": X
    if origins:
        if trigger is None:
            return origins[0].location
        return min(origins, key=lambda p: (_distance(sent.doc[p.start : p.end].root, trigger), p.start)).location
    directed = [p for p in inside if p.start > 0 and sent.doc[p.start - 1].lower_ in DIRECTIONS]
    if directed:  # "three in western Iraq": a part of the country, not the story's main city
        return directed[0].location
    if fallback is not None and (not inside or fallback.country in {p.location.country for p in inside}
                                 or _all_far(inside, trigger)):
        return fallback
    return inside[0].location if inside else fallback


def _held(places: list[PlaceMention]) -> list[PlaceMention]:
    """The places that lie inside another named one ("Jamaame town in Lower Juba region": Jamaame), unless none of
    them has a point: then, as ACLED codes a village it cannot find, the place named as holding it ("X village in
    the Y area", "X, near Y": Y)."""
    held = [p for p in places if not p.container]
    if held and all(p.location.lat is None for p in held) and any(p.container for p in places):
        return [p for p in places if p.container]
    return held or places


def _names_parts(doc: Doc, place: PlaceMention, others: list[PlaceMention]) -> bool:
    """A place that qualifies a noun whose "of" names other places ("the Benghazi districts of A and B", "Kabul's
    neighbourhoods of A and B"): the whole holding the parts where the event was."""
    name = doc[place.start : place.end].root
    noun = name.head
    if name.dep_ not in ("compound", "amod", "nmod", "poss") or noun.i < place.end or any(
            c.dep_ == "conj" for c in name.children):
        return False  # "the A and B areas of C": A and B are the parts
    parts = {i for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj" for i in (g.i, *(t.i for t in g.children if t.dep_ == "conj"))}
    return sum(doc[p.start : p.end].root.i in parts for p in others if p is not place) >= 2


def _all_far(places: list[PlaceMention], trigger) -> bool:
    """Whether every place lies deep in a phrase away from the trigger ("marched to plead for mediation in the
    crisis in Congo"): a country said of the cause, not where the event was."""
    if trigger is None:
        return False
    return all(_distance(trigger.doc[p.start : p.end].root, trigger) > FAR_ARCS for p in places)


def _of_people(doc: Doc, place: PlaceMention) -> bool:
    """A place that modifies a noun of people ("a Limpopo man", "Kabul residents"): where they are from."""
    root = doc[place.start : place.end].root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.i >= place.end and root.head.lower_ in PERSON_NOUNS


def _destination(doc: Doc, place: PlaceMention) -> bool:
    """A place reached "to"/"towards", or where an actor comes "from" ("fighters from Raqqa"):
    not where the event happened."""
    node = doc[place.start : place.end].root
    for _ in range(4):
        if node.dep_ == "pobj":
            prep = node.head
            if prep.lower_ == "from":
                return prep.head.pos_ in {"NOUN", "PROPN"}
            return prep.lower_ in {"to", "towards", "toward", "into"}
        node = node.head
    return False


def _distance(token, trigger) -> int:
    """Number of dependency arcs between two tokens."""
    heads = token_heads(token.doc)  # walked by index: no Token for each step up
    up = [token.i]
    while heads[up[-1]] != up[-1] and len(up) < 40:
        up.append(heads[up[-1]])
    steps = {i: n for n, i in enumerate(up)}
    node, n = trigger.i, 0
    while node not in steps and heads[node] != node and n < 40:
        node, n = heads[node], n + 1
    return n + steps.get(node, 40)


def _based(doc: Doc, place: PlaceMention) -> bool:
    """"Britain-based", "based in X": a place that only says where an actor is based."""
    if place.end + 1 < len(doc) and doc[place.end].text == "-" and doc[place.end + 1].lower_ == "based":
        return True
    return place.start >= 2 and doc[place.start - 1].lower_ in ("in", "at") and doc[place.start - 2].lower_ == "based"
