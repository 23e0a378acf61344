"""Factions of an umbrella militia, named as ACLED names them: the umbrella's name with the faction in brackets.

"Kifaru Mayi Mayi attacked ...", "Mai-Mai Simba fighters": ACLED codes each faction as "Mayi Mayi Militia
(Kifaru)", "Mayi Mayi Militia (Simba)", not as the umbrella. The faction is the proper name right before the
umbrella's name or, when none stands before, right after it. A name another stage read as an actor or a place
("Beni Mai-Mai" are the umbrella's men in that area: the place is where they act), a country's name or
adjective, a date and a generic word are no faction. The umbrellas are graph/data/actors/umbrellas.tsv.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.datafiles import read_rows
from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.table import ActorInfo, MentionBuilder
from graph.extract.countries import countries
from graph.extract.places.gazetteer import get_gazetteer

__all__ = ["faction_mentions"]

_UMBRELLAS = frozenset(row["actor"] for row in read_rows("actors", "umbrellas.tsv"))
_MAX_WORDS = 3  # words of one faction's name
# entity types of words that are no faction's name: places, and dates or numbers spaCy read as names
_NOT_NAMES = frozenset(["GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL"])
# capitalised words after an umbrella's name that are part of its own name or a noun of it, not a faction
_NOT_FACTIONS = frozenset(["Militia", "Militias", "Group", "Groups", "Fighters", "Militiamen", "Coalition"])


def faction_mentions(builder: MentionBuilder) -> None:
    """Give each mention of an umbrella militia that a faction's name qualifies to that faction's actor."""
    table = builder.table
    for mention in [m for m in table.mentions if table.actors[m.key].name in _UMBRELLAS]:
        umbrella = table.actors[mention.key]
        spans = (_faction_at(builder, mention.start, forward=False), _faction_at(builder, mention.end, forward=True))
        span = next((s for s in spans if s is not None and not _names_place(builder, s, umbrella.country)), None)
        if span is None:
            continue
        info = _faction(umbrella, span)
        mention.key = info.key
        table.actors.setdefault(info.key, info)
        builder.add(info, span)
        if span.end == mention.start:  # "Kifaru and Simba Mai-Mai": each name before the umbrella's is a faction
            for other in _conjoined(builder, span, umbrella.country):
                builder.add(_faction(umbrella, other), other)
        if not any(m.key == umbrella.key for m in table.mentions):
            del table.actors[umbrella.key]


def _faction(umbrella: ActorInfo, span: Span) -> ActorInfo:
    """The actor of one faction of an umbrella militia: "Mayi Mayi Militia (Kifaru)"."""
    name = f"{umbrella.name} ({span.text})"
    return ActorInfo(actor_key(name), name, umbrella.kind, umbrella.country, umbrella.tags)


_JOINERS = frozenset([",", "and", "&"])


def _conjoined(builder: MentionBuilder, span: Span, country: str | None) -> list[Span]:
    """The factions named before a faction and joined to it ("Kifaru, Simba(,) and Yakutumba Mai-Mai"), nearest
    first; a place among them ends the list."""
    found: list[Span] = []
    start = span.start
    doc = builder.doc
    while start > 1 and doc[start - 1].lower_ in _JOINERS:
        edge = start - 2 if doc[start - 1].lower_ != "," and doc[start - 2].text == "," else start - 1  # Oxford comma
        other = _faction_at(builder, edge, forward=False)
        if other is None or _names_place(builder, other, country):
            break
        found.append(other)
        start = other.start
    return found


def _names_place(builder: MentionBuilder, span: Span, country: str | None) -> bool:
    """Whether a faction-like name is a place: one the places stage read, or a place of the umbrella's country."""
    return builder.names_place(span) or any(p.country == country for p in get_gazetteer().lookup(span.text))


def _faction_at(builder: MentionBuilder, edge: int, forward: bool) -> Span | None:
    """The run of proper-name words that starts at ``edge`` (``forward``) or ends just before it."""
    doc = builder.doc
    step = 1 if forward else -1
    i, n = (edge, 0) if forward else (edge - 1, 0)
    while 0 <= i < len(doc) and n < _MAX_WORDS and _faction_word(builder, doc, i):
        i += step
        n += 1
    if n == 0:
        return None
    return doc[edge : edge + n] if forward else doc[edge - n : edge]


def _faction_word(builder: MentionBuilder, doc: Doc, i: int) -> bool:
    """A word of a faction's name: a capitalised proper noun no stage took, no country's name or adjective, not
    read as a place (a list of villages before the umbrella's name is where its men act)."""
    token = doc[i]
    known = countries()
    return (token.pos_ == "PROPN" and token.text[:1].isupper() and token.text not in _NOT_FACTIONS
            and builder.table.at(i) is None and token.text not in known.by_name
            and token.text not in known.by_adjective and token.ent_type_ not in _NOT_NAMES)
