"""What the places stage hands on: each place mention with its location, and one Location record per place."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from graph.extract.countries import countries
from graph.extract.parse.columns import entities
from graph.extract.parse.sentences import SentenceIndex
from graph.records import Location, Mention

__all__ = ["PlaceMention", "Places", "location_records"]


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text: its token span and its resolved location."""

    start: int
    end: int
    location: Location
    reference: bool = False  # where the story is filed or measured from: a dateline, "400 km northeast of Bangui"
    container: bool = False  # where another named place lies: "Y" of "X town in Y region", "X near Y"
    actor: bool = False  # names an actor, not where: "Tigray forces", "Ankara launched the assault"


@dataclass(frozen=True)
class Places:
    """The places of one article: mentions in text order, and one Location per place with its mentions."""

    mentions: tuple[PlaceMention, ...]
    locations: tuple[Location, ...]


def location_records(
    doc: Doc, mentions: list[PlaceMention], sentence_of: SentenceIndex, source_text: str
) -> tuple[Location, ...]:
    """Merge the mentions of each place id into one Location with its aliases and mentions."""
    grouped: dict[str, list[PlaceMention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.location.id, []).append(mention)
    adjectives = _country_adjectives(doc)
    out = []
    for group in grouped.values():
        location = group[0].location
        spans = [doc[m.start : m.end] for m in group]
        if location.kind == "country" and location.country:  # "the Syrian people" names Syria too
            spans += adjectives.get(location.country, [])
            spans.sort(key=lambda span: span.start)
        aliases = tuple(dict.fromkeys(s.text for s in spans if s.text != location.name))
        records = tuple(
            Mention(source_text[s.start_char : s.end_char], s.start_char, s.end_char, sentence_of[s.start])
            for s in spans
        )
        out.append(replace(location, aliases=aliases, mentions=records))
    return tuple(out)


def _country_adjectives(doc: Doc) -> dict[str, list[Span]]:
    """Country code -> the NORP spans that are that country's adjective ("Syrian", "Iraqi")."""
    by_adjective = countries().by_adjective
    out: dict[str, list[Span]] = {}
    for ent in entities(doc):
        code = by_adjective.get(ent.text) if ent.label_ == "NORP" else None
        if code:
            out.setdefault(code, []).append(ent)
    return out
