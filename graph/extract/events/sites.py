"""One event per place: ACLED codes an incident told of several places ("liberated the villages of A, B and
C", "fighting in the Bay and Bakool regions") as one event at each place."""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.places import PlaceMention
from graph.extract.places.holders import TOWN_KINDS
from graph.extract.places.words import ADMIN_WORDS, PLACE_NOUNS
from graph.records import Location

__all__ = ["co_places"]

_COUNTRY_KINDS = frozenset(["country"])
# "the Amhara and Oromia regions", "the Kano and Kaduna states": admin areas, each one place (a city's
# "A and B neighbourhoods" is often told as one incident)
_ADMIN_PLURALS = frozenset({w for w in ADMIN_WORDS if w.endswith("s")} | {"states"})
# singular place nouns that stand for the one name before them: "in the Kibali area and in the town of B"
_ONE_PLACE_NOUNS = frozenset(w for w in PLACE_NOUNS if not w.endswith("s"))


def co_places(sent: Span, places: list[PlaceMention], chosen: Location | None) -> list[Location]:
    """The other places the sentence coordinates with the event's place ("A, B and C", "in A and in B", "the A and B
    regions") or deals its counted incidents out to ("four near A, two at B"), each once, but for the province a
    town lies in ("Bunia, Ituri"); none when the event's place is not named in the sentence, or lies between them
    ("between A and B", "the road linking A and B", "on the border of A and B"), or is a country that no count is
    dealt out to (a country is often named beside the town it holds)."""
    if chosen is None:
        return []
    doc = sent.doc
    named = [p for p in places if sent.start <= p.start and p.end <= sent.end and not (p.actor or p.reference)]
    own = next((p for p in named if p.location.id == chosen.id), None)
    if own is None:
        return []
    first = _named_noun(doc[own.start : own.end].root)
    dealt = _dealt_out(first)
    if chosen.kind in _COUNTRY_KINDS and not dealt:
        return []
    group = _coordination(first)
    if _spanned(doc[min(group)]):
        return []
    group |= _across_prepositions(doc[min(group)]) | dealt
    out: dict[str, Location] = {}
    for mention in named:
        location = mention.location
        noun = _named_noun(doc[mention.start : mention.end].root).i
        if location.id != chosen.id and (location.kind not in _COUNTRY_KINDS or noun in dealt) and not _contains(
                location, chosen) and noun in group:
            out.setdefault(location.id, location)
    return list(out.values())


# The words of a count dealt out over places besides numerals: "one raid at A and the others at B"
_COUNTED = frozenset(["one", "others", "other"])


def _dealt_out(place: Token) -> set[int]:
    """The places of the counts coordinated with the one ``place`` is given to ("bombed seven depots, five inside
    Lebanon and two inside Syria"; "one raid at the village of A and two more at B"): the objects of their
    prepositions, and the names those objects hold ("the town of B")."""
    if place.dep_ == "pobj" and place.head.lower_ == "of" and place.head.head.dep_ == "pobj":
        place = place.head.head  # "at the village of A": the village stands in the count's preposition
    count = place.head.head
    if place.dep_ != "pobj" or place.head.dep_ != "prep" or not (count.like_num or count.lower_ in _COUNTED):
        return set()
    doc = place.doc
    objects = [g for i in _coordination(count) - {count.i} for p in doc[i].children if p.dep_ == "prep"
               for g in p.children if g.dep_ == "pobj"]
    return {t.i for g in objects for t in (g, *(n for o in g.children if o.lower_ == "of" for n in o.children))}


def _named_noun(token: Token) -> Token:
    """The plural admin noun a place's name qualifies ("the Kano and Kaduna states") or the singular place noun
    ("the Kibali area"), else the name itself: the word that stands in a coordination."""
    head = token.head
    if token.dep_ in ("compound", "amod") and head.i > token.i and (
            head.lower_ in _ADMIN_PLURALS or head.lower_ in _ONE_PLACE_NOUNS):
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
