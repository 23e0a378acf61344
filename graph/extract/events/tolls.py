"""Tolls told per place with one verb: "eight were killed in A, nine in B and three each in C and D".

ACLED codes one event per place, each with its own dead; the sentence's verb is shared, so the pairs are
read from the words: a count, then within a few words "in" (or "at") and the places named right after it;
after the first pair, "another in C" counts one more dead ("two in A, one in B and another in C"). A later
sentence's dead told as more ("two herders were also killed") add to the toll of the incident told before.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from graph.extract.events.count_words import DEATH_WORDS, PEOPLE_VERBS, number_value
from graph.extract.events.numbers import added_dead, read_counts
from graph.extract.parse.columns import token_lemmas, token_lowers
from graph.extract.places import PlaceMention
from graph.records import Event, Evidence, Location

__all__ = ["place_starts", "tolls_by_place", "per_place", "shared", "split_evenly", "with_more_dead"]

REACH = 6  # words between a count and the "in" of its place ("eight people were killed in")
_PLACE_PREPS = frozenset(["in", "at"])
_JOINS = frozenset(["and", ",", "each"])


def place_starts(places: list[PlaceMention]) -> dict[int, PlaceMention]:
    """The mentions a toll can be told of (no country, no actor, no dateline), by their first token."""
    return {p.start: p for p in places if not (p.actor or p.reference) and p.location.kind != "country"}


def tolls_by_place(sent: Span, starts: dict[int, PlaceMention]) -> list[tuple[Location, int | None]]:
    """The (place, dead) pairs of a sentence that splits its toll over two places or more, in text order;
    empty when it does not. ``starts`` is :func:`place_starts` of the article. "three each in C and D" gives
    C and D three each; "three in C and D" splits the three between them as ACLED does (:func:`split_evenly`)."""
    if not _dead(sent):
        return []
    pairs: list[tuple[Location, int | None]] = []
    for token in sent:
        value = number_value(token) if token.ent_type_ not in ("DATE", "TIME") else None
        if pairs and token.lower_ == "another" and token.i + 1 < sent.end and token.nbor().lower_ in _PLACE_PREPS:
            value = 1  # "... one in B and another in C": one more dead, at C (not "another attack in C")
        if not value:
            continue
        group, words = _places_after(sent, token.i, starts)
        told = sent.doc[sent.start : words.end] if not pairs else words  # "killed eight people in A"
        if not group or _other_harm(words) or not (_dead(told) or (pairs and _gapped(words))):
            continue  # "30 were arrested in B": another count; "nine in B" shares the first count's verb
        each = any(t.lower_ == "each" for t in words)
        pairs.extend(zip(group, [value] * len(group) if each else split_evenly(value, len(group)), strict=True))
    if len({loc.id for loc, _ in pairs}) < 2 or sum(1 for _, dead in pairs if dead) < 2:
        return []
    first: dict[str, tuple[Location, int | None]] = {}
    for loc, dead in pairs:
        first.setdefault(loc.id, (loc, dead))  # a place named twice keeps its first toll
    return list(first.values())


def _places_after(sent: Span, number: int, starts: dict[int, PlaceMention]) -> tuple[list[Location], Span]:
    """The places named right after the first "in"/"at" within :data:`REACH` words of a count, joined by
    "and" or commas, and the words between the count and that "in"; no places when another count comes first,
    but one joined on after the dead, whose place it shares ("3 killed and 5 wounded in A": A's three dead)."""
    doc, reach = sent.doc, REACH
    for i in range(number + 1, sent.end - 1):
        if i > number + reach:
            break
        if doc[i].like_num:
            if not _joined_count(doc[number + 1 : i]):
                break
            reach += 2  # the joined count and its word: "two were killed and seven wounded in A"
        first = i + 2 if doc[i + 1].lower_ == "the" else i + 1  # "in the A area"
        if doc[i].lower_ in _PLACE_PREPS and first in starts and starts[first].end <= sent.end:
            group, j = [], first
            while j in starts and starts[j].end <= sent.end:
                group.append(starts[j].location)
                j = starts[j].end
                while j < sent.end and doc[j].lower_ in _JOINS:
                    j += 1
            return group, doc[number + 1 : i]
    return [], doc[number:number]


def _joined_count(words: Span) -> bool:
    """Whether the words between a count of the dead and a next count join that one on as another tally of the same
    place: "3 killed and 5 wounded in A" (A's three dead), not "two in A and four in B"."""
    return len(words) >= 2 and words[-1].lower_ in ("and", ",") and _dead(words[:-1])


def _other_harm(words: Span) -> bool:
    """A count's own words tell another harm than death: "seven wounded in A", "30 were arrested in B"."""
    lemmas = token_lemmas(words.doc)
    return not _dead(words) and any(lemmas[i].lower() in PEOPLE_VERBS for i in range(words.start, words.end))


def _dead(words: Span) -> bool:
    """Whether the words tell deaths: a verb of killing, or a wound told fatal ("fatally shot")."""
    lemmas, lowers = token_lemmas(words.doc), token_lowers(words.doc)
    return any(lemmas[i].lower() in DEATH_WORDS or lowers[i] == "fatally" for i in range(words.start, words.end))


def _gapped(words: Span) -> bool:
    """No verb of its own between a count and its place: "nine in B", "three each in C"."""
    return not any(t.pos_ in ("VERB", "AUX") for t in words)


def per_place(event: Event, pairs: list[tuple[Location, int | None]],
              evidence: tuple[str, int, int] | None = None) -> list[Event]:
    """One copy of ``event`` per (place, dead) pair, the first keeping its id; ``evidence`` (text, start, end)
    replaces the copies' evidence when the pairs come from a later sentence than the event's."""
    text, start, end = evidence or (event.evidence, event.start, event.end)
    return [replace(event, id=event.id if n == 0 else f"{event.id}-t{n}", location=location.name,
                    fatalities=dead, evidence=text, start=start, end=end)
            for n, (location, dead) in enumerate(pairs)]


def split_evenly(total: int, parts: int) -> list[int | None]:
    """ACLED's division of one toll told of several events (places or days): even shares, the remainder to the
    first ones (7 over two places: 4 and 3); a share of nothing is no toll."""
    share, rest = divmod(total, parts)
    return [share + (n < rest) or None for n in range(parts)]


def shared(events: list[Event], total: int | None) -> list[Event]:
    """The events of one incident told at several places, each with its share of the incident's toll."""
    if total is None or not events:
        return events
    return [replace(event, fatalities=dead) for event, dead in zip(events, split_evenly(total, len(events)),
                                                                    strict=True)]


def with_more_dead(event: Event, sent: Span, places: list[PlaceMention], evidence: tuple[str, int, int],
                   other_side: bool = False) -> Event | None:
    """The event with the dead a later sentence adds to its toll (:func:`.numbers.added_dead`: "two civilians
    were also killed"; or any toll of the ``other_side``'s dead: "the army said dozens of rebels died") and that
    sentence as one more evidence of it; None when the sentence adds none, or names a place other than the
    event's ("two civilians were also killed in Kidal": another incident's dead)."""
    if any(sent.start <= p.start < sent.end and p.location.name != event.location for p in places):
        return None
    counts = read_counts(sent) if other_side else None
    dead = counts.fatalities if counts and not counts.update else added_dead(sent)
    if dead is None:
        return None
    return replace(event, fatalities=(event.fatalities or 0) + dead,
                   more_evidence=(*event.more_evidence, Evidence(*evidence, fatalities=dead)))
