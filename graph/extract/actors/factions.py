"""Factions of an umbrella militia, named as ACLED names them: the umbrella's name with the faction in brackets.

"Kifaru Mayi Mayi attacked ...", "Mai-Mai Simba fighters", "the Kifaru and Tembo Mayi Mayi militiamen fought":
ACLED codes each faction as "Mayi Mayi Militia (Kifaru)", "Mayi Mayi Militia (Simba)", not as the umbrella. The
faction is the proper name right before the umbrella's name (with the names joined to it by "and" or a comma:
two factions that fight each other) or, when none stands before, right after it. A name another stage read as an
actor, a country's name or adjective, a date and a generic word are no faction.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.table import ActorInfo, MentionBuilder
from graph.extract.countries import countries

__all__ = ["faction_mentions"]

# ACLED's umbrella militias whose factions it names in brackets after the umbrella's name
_UMBRELLAS = frozenset(["Mayi Mayi Militia"])
_MAX_WORDS = 3  # words of one faction's name
_JOINS = frozenset(["and", ","])
# capitalised words after an umbrella's name that are part of its own name or a noun of it, not a faction
_NOT_FACTIONS = frozenset(["Militia", "Militias", "Group", "Groups", "Fighters", "Militiamen", "Coalition"])


def faction_mentions(builder: MentionBuilder) -> None:
    """Give each mention of an umbrella militia that a faction's name qualifies to that faction's actor."""
    table = builder.table
    for mention in [m for m in table.mentions if table.actors[m.key].name in _UMBRELLAS]:
        umbrella = table.actors[mention.key]
        factions = _factions_before(builder, mention.start)
        if not factions:
            after = _faction_at(builder, mention.end, forward=True)
            factions = [after] if after is not None else []
        for n, span in enumerate(factions):
            name = f"{umbrella.name} ({span.text})"
            info = ActorInfo(actor_key(name), name, umbrella.kind, umbrella.country, umbrella.tags)
            if n == len(factions) - 1:  # the faction next to the umbrella's name takes its mention
                mention.key = info.key
                table.actors.setdefault(info.key, info)
            builder.add(info, span)
        if factions and not any(m.key == umbrella.key for m in table.mentions):
            del table.actors[umbrella.key]


def _factions_before(builder: MentionBuilder, start: int) -> list[Span]:
    """The factions named right before an umbrella's name, in text order ("Kifaru and Tembo Mayi Mayi")."""
    found: list[Span] = []
    end = start
    while len(found) < 3:
        span = _faction_at(builder, end, forward=False)
        if span is None:
            break
        found.insert(0, span)
        if span.start < 2 or builder.doc[span.start - 1].text not in _JOINS:
            break
        end = span.start - 1
    return found


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
    """A word of a faction's name: a capitalised proper noun no stage took, no country's name or adjective."""
    token = doc[i]
    known = countries()
    return (token.pos_ == "PROPN" and token.text[:1].isupper() and token.text not in _NOT_FACTIONS
            and builder.table.at(i) is None and token.text not in known.by_name
            and token.text not in known.by_adjective and token.ent_type_ not in {"DATE", "TIME", "CARDINAL"})
