"""Country voting: which country an article is about, and which other country a sentence happens in.

The actors stage reads it before any actor: generic actors ("soldiers", "gunmen", "protesters") take the
country where their sentence happens, and a name two countries share ("Congo") is settled here for the
document's other readers (:func:`graph.extract.countries.doc_names`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from graph.extract.actors.table import LINK_WORDS, link_after
from graph.extract.countries import (
    countries,
    initial_after,
    name_at,
    names_feature,
    names_foreigners,
    names_origin,
    settle_shared,
)
from graph.extract.parse.columns import entities, token_lowers, token_texts, tokens_text
from graph.extract.parse.sentences import doc_text, span_text
from graph.extract.places import PlaceMention
from graph.extract.places.words import DIRECTIONS

__all__ = ["article_countries", "main_country"]


def article_countries(doc: Doc, places: Sequence[PlaceMention]) -> tuple[str | None, dict[int, str]]:
    """The article's main country and, by sentence start, the one other country a sentence happens in; settles the
    shared country names for the document on the way (:func:`graph.extract.countries.settle_shared`)."""
    named = _named_countries(doc, places)
    places = [p for p in places if p.location.country]
    where = [p for p in places if not _origin(doc, p)]  # not "gunmen from Nigeria" in a story set in Niger
    lands = _lands(doc)
    country = main_country(named, [p.location.country for p in where if p.location.country]
                           + [code for _start, code in lands])
    settle_shared(doc, {tokens_text(doc, p.start, p.end): p.location.country for p in where
                        if p.location.kind == "country" and p.location.country}, country)
    return country, _sentence_countries(doc, places, country, set(named), lands)


def main_country(named: Counter, place_countries: list[str]) -> str | None:
    """Return the country an article is about: its places' countries, then the votes of the countries its text
    names (:func:`_named_countries`)."""
    votes = Counter({code: 2 * n for code, n in Counter(place_countries).items()}) + named
    ranked = sorted(votes, key=lambda code: (votes[code], named[code]), reverse=True)
    if len(ranked) > 1 and (votes[ranked[0]], named[ranked[0]]) == (votes[ranked[1]], named[ranked[1]]):
        return None  # a tie that the names in the text do not break: no country beats a wrong one
    return ranked[0] if ranked else None


def _named_countries(doc: Doc, places: Sequence[PlaceMention]) -> Counter:
    """Votes for the countries the text names: 2 for a name ("Nigeria", "Syria's"), 1 for an adjective. A country's
    name is read as the places stage read it ("Congo" beside Brazzaville), else by its longest name; a name the
    places stage read as a place of another country or of none ("Niger State", "the Niger Delta", "Lake Chad") names
    none: the place votes for its own country, if it has one. "The Congo River" and "activist Jordan K." name none."""
    by_adjective, by_name = countries().by_adjective, countries().by_name
    read = {i: p.location.country for p in places if p.location.kind == "country" for i in range(p.start, p.end)}
    other = {i: p.location.country for p in places if p.location.kind != "country" for i in range(p.start, p.end)}
    votes: Counter = Counter()
    for ent in entities(doc):
        if link_after(ent) in LINK_WORDS or names_feature(doc, ent.end) or initial_after(doc, ent.end):
            continue  # "Iranian-backed", "Britain-based" say who backs or hosts, not where it happens
        if ent.label_ == "NORP":  # but "a French tourist" is abroad: no vote
            code, weight = (None if names_foreigners(doc, ent.end) else by_adjective.get(span_text(ent))), 1
        else:  # "Nigeria", "northwestern Nigeria", "Syria's"
            code = next((read[i] for i in range(ent.start, ent.end) if i in read), None) or _country_named(ent, by_name)
            weight = 2
        if weight == 2 and ent.start in other and other[ent.start] != code:
            continue  # "Niger State" is Nigeria's; "Gaza", a place of the territory it names, still votes
        if code and not (weight == 2 and names_origin(doc, ent.start, ent.end)):  # "fighters from Chad"
            votes[code] += weight
    return votes


# "on Rwandan soil", "inside Libyan territory": the nationality names the country where it happens, as a place does
_LAND_NOUNS = frozenset(["soil", "territory", "waters"])
_ON_LAND = frozenset(["on", "in", "inside", "within"])


def _lands(doc: Doc) -> list[tuple[int, str]]:
    """(first token, country) of each land a nationality names where the text puts something: "a soldier shot dead
    on Cameroonian soil" happened in Cameroon, whatever the soldier's nationality. Read from the words, not the NER,
    which tags such a nationality NORP, GPE or ORG."""
    by_adjective, lowers, texts, out = countries().by_adjective, token_lowers(doc), token_texts(doc), []
    for i, lower in enumerate(lowers):
        if lower not in _LAND_NOUNS:
            continue
        for size in (2, 1):  # "on South Sudanese soil" before "Sudanese"
            start = i - size
            code = by_adjective.get(" ".join(texts[start:i])) if start > 0 else None
            if code and lowers[start - 1] in _ON_LAND:
                out.append((start, code))
                break
    return out


def _origin(doc: Doc, place: PlaceMention) -> bool:
    """Whether a place is a country people came from ("refugees from Congo"), which tells nothing of where."""
    return place.location.kind == "country" and names_origin(doc, place.start, place.end)


# entities whose words name a country where they lie: "northwestern Nigeria", "the Niger Delta"
_PLACE_ENTITIES = frozenset(["GPE", "LOC"])


def _country_named(ent: Span, by_name: dict[str, str]) -> str | None:
    """The country an entity names: all of it, else, for a place, its longest run of words that names one ("eastern
    South Sudan" is South Sudan, not Sudan; "northwestern Nigeria")."""
    whole = by_name.get(span_text(ent))  # "Guinea-Bissau", whose words the tokenizer splits at the hyphen
    if whole or ent.label_ not in _PLACE_ENTITIES:
        return whole  # a group's name says nothing of where it fights: "Sudan People's Liberation Army" in Jonglei
    words = token_texts(ent.doc)[ent.start : ent.end]
    found = [(hit[1], -i, hit[0]) for i in range(len(words)) if (hit := name_at(words[i:], by_name))]
    return max(found)[2] if found else None  # the longest name, the first of two as long


_MOVES = frozenset(["into", "from", "to", "toward", "towards", "across"])


def _sentence_countries(doc: Doc, places: Sequence[PlaceMention], main: str | None, named: set[str],
                        lands: Sequence[tuple[int, str]] = ()) -> dict[int, str]:
    """Sentence start -> the one other country than the main one that a sentence happens in.

    "In neighbouring Mali, ... killed 10 soldiers near Mopti": the soldiers are Mali's. A sentence's
    places tell it when they all lie in one country that the text also names (a place read wrongly
    rarely comes with its country's name); the next sentences of the paragraph that name no place
    keep it. Places below country level count, but not those one goes into or comes from ("fled into
    Turkey"); a country counts only where the text puts the sentence in it ("in Mali", "central Mali"), as a
    country is often a party ("Russia must press the regime").
    """
    sents = list(doc.sents)
    starts = [sent.start for sent in sents]
    found: dict[int, set[str]] = {}
    for place in places:
        span, code, is_country = doc[place.start : place.end], place.location.country, place.location.kind == "country"
        root = span.root
        sent_start = starts[bisect_right(starts, place.start) - 1]  # span.sent.start, without a scan per place
        codes = found.setdefault(sent_start, set())  # a sentence naming any place keeps no other's
        if not code:
            continue
        if _where_it_happens(root) if is_country else not (root.dep_ == "pobj" and root.head.lower_ in _MOVES):
            codes.add(code)
    for start, code in lands:  # "on Libyan soil" (:func:`_lands`)
        found.setdefault(starts[bisect_right(starts, start) - 1], set()).add(code)
    out: dict[int, str] = {}
    carried, previous, text = None, None, doc_text(doc)
    for sent in sents:
        if previous is not None and "\n\n" in text[previous:sent.start_char]:
            carried = None  # a new paragraph
        named_here = found.get(sent.start)
        if named_here is not None:
            carried = next(iter(named_here)) if len(named_here) == 1 and named_here <= named - {main} else None
        if carried:
            out[sent.start] = carried
        previous = sent.start_char
    return out


_IN = frozenset(["in", "inside", "within", "throughout"])
_PARTS = frozenset(DIRECTIONS)  # "central Mali", "north-east Nigeria", "rural Kenya"


def _where_it_happens(root) -> bool:
    """Whether a country's name says where the sentence happens, not who acts: "in Mali", "central Mali"."""
    return (root.dep_ == "pobj" and root.head.lower_ in _IN) or any(c.lower_ in _PARTS for c in root.children)
