"""Assembles ACLED events: one per sentence the typer reads as a conflict event, in document order.

Each event gets its participants from :mod:`graph.extract.roles`, the place named in its sentence
(else the article's main place), the date and counts of the event-attribute readers, and the
sentence itself as evidence with character offsets into the article text. A sentence that repeats
an earlier one (the headline over the story, a lead paragraph printed twice) gives no second event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from graph.extract.actors import ActorTable
from graph.extract.roles import assign_roles
from graph.records import Article, Event, Location, slugify

__all__ = ["PlaceMention", "build_events", "main_place"]

_COUNTRY_KINDS = {"country"}
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text: its token span and its resolved location."""

    start: int
    end: int
    location: Location


def main_place(places: list[PlaceMention]) -> Location | None:
    """Return the place the article is about: the most-named place below country level, else the country."""
    if not places:
        return None
    below = [p for p in places if p.location.kind not in _COUNTRY_KINDS]
    pool = below or places
    counts = Counter(p.location.id for p in pool)
    best = max(pool, key=lambda p: (counts[p.location.id], -p.start))
    return best.location


def _event_place(sent: Span, places: list[PlaceMention], fallback: Location | None) -> Location | None:
    inside = [p for p in places if sent.start <= p.start and p.end <= sent.end and not _based(sent.doc, p)]
    below = [p for p in inside if p.location.kind not in _COUNTRY_KINDS]
    if below:
        return below[0].location
    if fallback is not None and (not inside or fallback.country in {p.location.country for p in inside}):
        return fallback
    return inside[0].location if inside else fallback


def _based(doc: Doc, place: PlaceMention) -> bool:
    """"Britain-based": a place that only says where an actor is based."""
    return place.end + 1 < len(doc) and doc[place.end].text == "-" and doc[place.end + 1].lower_ == "based"


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _repeats(words: set[str], seen: list[set[str]]) -> bool:
    """True when a sentence says what an earlier one said (nearly the same words)."""
    for other in seen:
        union = words | other
        if union and len(words & other) / len(union) >= 0.6:
            return True
    return False


def _published(article: Article) -> dt.date | None:
    try:
        return dt.date.fromisoformat(article.published) if article.published else None
    except ValueError:
        return None


def _evidence(article: Article, sent: Span) -> tuple[str, int, int]:
    start, end = sent.start_char, sent.end_char
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end], start, end


def build_events(article: Article, doc: Doc, table: ActorTable, places: list[PlaceMention]) -> list[Event]:
    """Return the events of a parsed article, in document order."""
    from graph.extract import dates, event_types, numbers

    published = _published(article)
    fallback = main_place(places)
    events: list[Event] = []
    seen: list[set[str]] = []
    title_end = _title_end(article)
    for sent in doc.sents:
        typings = event_types.classify_sentence(sent)
        if not typings:
            continue
        evidence, start, end = _evidence(article, sent)
        words = _words(evidence)
        if not words or _repeats(words, seen):
            continue
        seen.append(words)
        typing = typings[0]
        roles = assign_roles(sent, typing.trigger, table)
        place = _event_place(sent, places, fallback)
        reading = dates.resolve_date(sent, published)
        if reading is None and published is not None:
            date, precision = published.isoformat()[:7], "month"  # reported without a date: the month of the report
        else:
            date, precision = (reading.iso, reading.precision) if reading else (None, None)
        counts = numbers.read_counts(sent)
        event = Event(
            id=f"event/{slugify(article.id)}-{start}",
            event_type=typing.event_type,
            sub_event_type=typing.sub_event_type,
            actor1=roles.actor1,
            actor2=roles.actor2,
            assoc_actor_1=roles.assoc_actor_1,
            assoc_actor_2=roles.assoc_actor_2,
            location=place.name if place else None,
            date=date,
            date_precision=precision,
            fatalities=counts.fatalities,
            quantity=counts.quantity,
            confidence=round(float(typing.confidence), 3),
            evidence=evidence,
            start=start,
            end=end,
            reported_by=roles.reported_by,
            cameo=typing.cameo,
            plover=typing.plover,
        )
        events.append(event)
    return _drop_headline(events, title_end)


def _title_end(article: Article) -> int:
    """Offset where the headline line ends (0 when the article has no separate headline)."""
    text = article.text
    first = text.lstrip()
    newline = first.find("\n")
    if newline < 0 or not first[newline:].strip():
        return 0
    return len(text) - len(first) + newline


def _drop_headline(events: list[Event], title_end: int) -> list[Event]:
    """A headline restates the story: drop its event when the body reports one of the same type."""
    body = {(e.event_type, e.sub_event_type) for e in events if e.start >= title_end}
    return [e for e in events if e.start >= title_end or (e.event_type, e.sub_event_type) not in body]
