"""One event per place: ACLED codes an incident told of several places ("liberated the villages of A, B and
C", "fighting in the Bay and Bakool regions") as one event at each place."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from graph.extract.events.count_words import number_value
from graph.extract.parse.columns import token_lowers
from graph.extract.places import PlaceMention
from graph.extract.places.holders import TOWN_KINDS
from graph.extract.places.words import ADMIN_WORDS, AS_WELL_AS, PLACE_NOUNS
from graph.records import Event, Location

__all__ = ["Sites", "co_places", "dealt_tolls"]

_COUNTRY_KINDS = frozenset(["country"])
# "the Amhara and Oromia regions", "the Kano and Kaduna states": admin areas, each one place (a city's
# "A and B neighbourhoods" is often told as one incident)
_ADMIN_PLURALS = frozenset({w for w in ADMIN_WORDS if w.endswith("s")} | {"states"})
# singular place nouns that stand for the one name before them: "in the Kibali area and in the town of B"
_ONE_PLACE_NOUNS = frozenset(w for w in PLACE_NOUNS if not w.endswith("s"))
# how the parser hangs a name from the place noun it qualifies ("the Kaduna and Katsina states": "nmod" too)
_QUALIFIERS = frozenset(["compound", "amod", "nmod"])


@dataclass(frozen=True)
class Sites:
    """The other places of an event's sentence, and the count each place is dealt when the sentence deals a
    count out over them (the event's own place too), by place name."""

    places: list[Location]
    counts: dict[str, int | None]


def co_places(sent: Span, places: list[PlaceMention], chosen: Location | None) -> Sites:
    """The other places the sentence coordinates with the event's place ("A, B and C", "in A and in B", "the A and B
    regions") or deals its counted incidents out to ("four near A, two at B"), each once, but for the province a
    town lies in ("Bunia, Ituri"); none when the event's place is not named in the sentence, or lies between them
    ("between A and B", "the road linking A and B", "on the border of A and B"), or is a country that no count is
    dealt out to (a country is often named beside the town it holds)."""
    if chosen is None:
        return Sites([], {})
    doc = sent.doc
    named = [p for p in places if sent.start <= p.start and p.end <= sent.end and not (p.actor or p.reference)]
    own = next((p for p in named if p.location.id == chosen.id), None)
    if own is None:
        return Sites([], {})
    first = _named_noun(doc[own.start : own.end].root)
    dealt = _dealt_out(first)
    if chosen.kind in _COUNTRY_KINDS and not dealt:
        return Sites([], {})
    group = _coordination(first)
    if _spanned(doc[min(group)]):
        return Sites([], {})
    group |= _across_prepositions(doc[min(group)]) | set(dealt)
    group |= _added_after(doc, named, group)
    out: dict[str, Location] = {}
    counts = {chosen.name: dealt[first.i]} if first.i in dealt else {}
    for mention in named:
        location = mention.location
        noun = _named_noun(doc[mention.start : mention.end].root).i
        if location.id != chosen.id and (location.kind not in _COUNTRY_KINDS or noun in dealt) and not _contains(
                location, chosen) and noun in group:
            out.setdefault(location.id, location)
            if noun in dealt:
                counts.setdefault(location.name, dealt[noun])
    return Sites(list(out.values()), counts)


def dealt_tolls(events: list[Event], counts: dict[str, int | None], total: int | None) -> list[Event] | None:
    """The events of one incident at several places, each with the dead dealt out to its place, when the counts
    dealt out add up to the toll ("killed nine, seven in A and two in B"); None when they do not (counts of
    targets or raids: :func:`.tolls.shared` then splits the toll evenly)."""
    values = [counts.get(event.location or "") for event in events]
    if total is None or len(events) < 2 or any(value is None or value <= 0 for value in values):
        return None
    if sum(value or 0 for value in values) != total:
        return None
    return [replace(event, fatalities=value) for event, value in zip(events, values, strict=True)]


# words that tell a count's place as where the victims were taken or died afterwards, not where it happened:
# "two later in B, where they had been taken"; "three in hospital in B"
_AFTERWARDS = frozenset(["later", "afterwards", "subsequently", "hospital", "treatment"])
# prepositions that place a count where it happened ("two near B"; not "four from B": where they came from)
_WHERE = frozenset(["in", "at", "near", "inside", "outside", "around", "across", "along", "on", "within"])


def _dealt_out(place: Token) -> dict[int, int | None]:
    """The places of a count dealt out over places, with the count each is dealt: ``place`` with the count its
    preposition hangs from ("eight in A"), and the places of the counts coordinated with it ("and two in B",
    "and the others near the town of B": the objects of their prepositions and the names those hold); empty when
    ``place`` is not under a number ("one raid at A" counts too), or when a count's place is where the victims were
    taken or died later."""
    own, place = place, _standing(place)
    prep, count = place.head, place.head.head
    if place.dep_ != "pobj" or prep.lower_ not in _WHERE or _count_value(count) is None or _afterwards(count):
        return {}
    doc = place.doc
    # the parser hangs "and two in B" from the count, from its preposition or from its place
    slots = (_coordination(count) | _conjuncts(prep) | _conjuncts(place)) - {count.i, prep.i, place.i}
    dealt: dict[int, int | None] = {own.i: _count_value(count)}
    for slot in (doc[i] for i in sorted(slots)):
        if slot.pos_ in ("PROPN", "ADP") or _afterwards(slot):
            continue  # a place coordinated with the first, "in A and in B": no count of its own
        value = _count_value(slot)
        for g in (g for p in slot.children if p.dep_ == "prep" and p.lower_ in _WHERE for g in p.children
                  if g.dep_ == "pobj"):
            for t in (g, *_held(g)):
                dealt.setdefault(t.i, value)
    return dealt if len(dealt) > 1 else {}


def _standing(place: Token) -> Token:
    """The word that stands for a place in its count's preposition: the noun holding it ("in the village of A",
    "near A's mosque", "at the mosque in A"), else the place itself."""
    holder = place.head
    if place.dep_ == "poss" and holder.dep_ == "pobj":
        return holder
    if place.dep_ == "pobj" and (holder.lower_ == "of" or holder.lower_ in _WHERE) and holder.head.dep_ == "pobj":
        return holder.head
    return place


def _held(noun: Token) -> list[Token]:
    """The names a noun of place holds: "the town of B", "B's mosque", "the mosque in B"."""
    held = [c for c in noun.children if c.dep_ == "poss"]
    for prep in (c for c in noun.children if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ in _WHERE)):
        held.extend(g for g in prep.children if g.dep_ == "pobj")
    return held


def _count_value(token: Token) -> int | None:
    """The number a count stands for: the number word itself ("eight") or the one counting its noun ("two
    others", "one raid")."""
    value = number_value(token)
    if value is None:
        value = next((v for c in token.children if c.dep_ == "nummod" and (v := number_value(c)) is not None), None)
    return value


def _afterwards(count: Token) -> bool:
    """Whether a count's own words (not its conjuncts') tell where victims were taken or died later."""
    todo = [count]
    while todo:
        node = todo.pop()
        if node.lower_ in _AFTERWARDS:
            return True
        todo.extend(c for c in node.children if c.dep_ not in ("conj", "cc"))
    return False


def _named_noun(token: Token) -> Token:
    """The plural admin noun a place's name qualifies ("the Kano and Kaduna states") or the singular place noun
    ("the Kibali area"), else the name itself: the word that stands in a coordination. The parser often hangs the
    second name of "the Kano and Kaduna states" from the first by "conj": it qualifies the plural noun too (not a
    singular one: "the A and B border area" is one area)."""
    first = token
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    nouns = _ADMIN_PLURALS if first is not token else _ADMIN_PLURALS | _ONE_PLACE_NOUNS
    head = first.head
    if first.dep_ in _QUALIFIERS and head.i > token.i and head.lower_ in nouns:
        return head
    return token


def _coordination(token: Token) -> set[int]:
    """Token ids of the coordination a word stands in: its first conjunct and every conjunct below it."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return _conjuncts(first)


def _conjuncts(first: Token) -> set[int]:
    """Token ids of a word and of every conjunct below it."""
    found, todo = {first.i}, [first]
    while todo:
        node = todo.pop()
        for child in node.children:
            if child.dep_ == "conj" and child.i not in found:
                found.add(child.i)
                todo.append(child)
    return found


def _across_prepositions(first: Token) -> set[int]:
    """The objects of prepositions coordinated with the one governing ``first`` ("in A and in B"), with theirs."""
    prep = first.head
    if first.dep_ != "pobj" or prep.head.i == prep.i:
        return set()
    while prep.dep_ == "conj" and prep.head.i != prep.i and prep.head.pos_ == "ADP":
        prep = prep.head
    doc = prep.doc
    preps = ({doc[i] for i in _conjuncts(prep)} | _sibling_preps(prep)) - {first.head}
    objects = {i for p in preps for g in p.children if g.dep_ == "pobj" for i in _conjuncts(g)}
    return objects | {i for g in objects for i in _named_of(doc[g])}


def _added_after(doc: Doc, named: list[PlaceMention], group: set[int]) -> set[int]:
    """The names joined by "as well as" to a name of the coordination, either way ("in A as well as B", "the towns
    of A as well as B"): the parser reads it as a preposition of its own rather than as a conjunction."""
    nouns = {m.start: _named_noun(doc[m.start : m.end].root).i for m in named}
    lowers = token_lowers(doc)
    out = set()
    for before in named:
        after = nouns.get(before.end + 3)
        if after is not None and lowers[before.end : before.end + 3] == AS_WELL_AS:
            pair = {nouns[before.start], after}
            out |= pair if pair & group else set()
    return out


def _sibling_preps(prep: Token) -> set[Token]:
    """The same preposition joined to the same word after an "and" ("clashes in A and later in B"), which the parser
    often hangs beside the first rather than below it."""
    head = prep.head
    joined = [c.i for c in head.children if c.dep_ == "cc" and c.i > prep.i]
    return {c for c in head.children if c.dep_ in ("prep", "conj") and c.lower_ == prep.lower_ and c.i > prep.i
            and any(j < c.i for j in joined)}


def _named_of(noun: Token) -> set[int]:
    """The names a plural place noun lists after "of": "the towns of A and B"."""
    if noun.lower_ not in PLACE_NOUNS or not noun.lower_.endswith("s"):
        return set()
    return {i for o in noun.children if o.lower_ == "of" for g in o.children if g.dep_ == "pobj"
            for i in _conjuncts(g)}


# words that make "A and B" the two ends of one site: "between A and B", "the road linking A and B"
_SPANNING = frozenset(["between", "link", "linking", "connect", "connecting", "border", "road", "highway", "route"])


def _spanned(first: Token) -> bool:
    """Whether the coordination opened by ``first`` names the ends of one site: the word it hangs from, through
    "of" ("on the border of A and B"). A preposition or verb of its own ends the search: "clashes between
    herders and farmers in A and B" names two places, not the ends of one."""
    node = first
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lower_ in _SPANNING or node.lemma_.lower() in _SPANNING:
            return True
        if node.pos_ in ("ADP", "VERB", "AUX") and node.lower_ != "of":
            return False
    return False


def _contains(one: Location, other: Location) -> bool:
    """Whether one of two places is the province the other lies in ("Moreh, Manipur")."""
    return _holds(one, other) or _holds(other, one)


def _holds(area: Location, place: Location) -> bool:
    """Whether ``place`` lies in the province ``area``; a town that shares its province's name holds no place beside
    it ("in Kano and Dawakiya": a village beside the city, placed in its province)."""
    return area.kind not in TOWN_KINDS and _same_name(place.admin1, area.name)


def _same_name(a: str | None, b: str | None) -> bool:
    """"Ituri" and "Ituri Province" name one province."""
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a)
