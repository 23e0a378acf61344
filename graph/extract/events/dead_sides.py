"""Whose dead a toll counts: the state's forces, armed groups or civilians, told by the actor its words name.

ACLED's toll of an event is the dead of every side. A later mention of an incident that counts the other side's
dead ("Rebels attacked the base, killing four soldiers. Troops killed six of the attackers, the army said") adds to
the toll told first; one that counts the same side's dead again, or anyone's ("twelve people died in all"), is
another figure for the same dead, of which ACLED keeps the lowest.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from graph.extract.actors import ActorTable
from graph.extract.events.numbers import dead_counted

__all__ = ["dated_dead", "dead_sides", "other_side", "tallies_period"]

_SIDES = {"state_forces": "state", "armed_group": "armed", "militia": "armed", "civilians": "civilians"}
# Words for anyone, which a story uses for all the dead of an incident, whatever side they were on
_ANYONE = frozenset(["people", "person", "persons", "individual", "individuals", "one", "others", "other"])


def dead_sides(sent: Span, table: ActorTable) -> frozenset[str]:
    """The sides whose dead the sentence's counts count; empty when one of its counts names no side."""
    sides = [_side(noun, table) for noun in dead_counted(sent)]
    return frozenset(side for side in sides if side) if sides and all(sides) else frozenset()


def other_side(told: frozenset[str], later: frozenset[str]) -> bool:
    """Whether a later count is of another side's dead than those told (both sides known, none shared)."""
    return bool(told) and bool(later) and not told & later


def _side(noun: Token, table: ActorTable) -> str | None:
    """The side of the people a counted word names: the word itself, or what "of" counts ("six of the attackers",
    "dozens of rebels")."""
    words = [noun, *(g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj")]
    for word in words:
        mention = table.at(word.i)
        if mention is not None and word.lemma_.lower() not in _ANYONE:
            return _SIDES.get(table.actors[mention.key].kind)
    return None


def dated_dead(sent: Span) -> bool:
    """Whether the verb of a death count carries a date of its own ("15 rebels were killed in strikes on Sunday",
    "has killed 200 rebels this year"): another incident or a tally, not the other side's dead of the incident
    told before (a report's date, "..., the army said on Tuesday", is not the count's)."""
    verbs = {noun.head for noun in dead_counted(sent)}
    return any(ent.label_ == "DATE" and any(a in verbs for a in ent.root.ancestors) for ent in sent.ents)



# A date that spans a period: "so far this year", "this year alone", "in the past three months", "in recent weeks"
# ("this week" or "last month" may date one incident: not read)
_PERIOD = re.compile(r"\bso far\b|\balone\b|\byears?\b|\b(?:past|last|recent|previous)\s+(?:\w+\s+)?(?:weeks|months)\b",
                     re.IGNORECASE)
_HAVE = frozenset(["has", "have", "'ve"])


def tallies_period(sent: Span) -> bool:
    """Whether every death count of the sentence tallies a period: its verb in the perfect ("have been killed",
    "has killed") with a date of a period ("so far this year", "in the past three months"). Such a tally is no
    incident and no incident's toll."""
    periods = [ent.root for ent in sent.ents if ent.label_ == "DATE" and _PERIOD.search(ent.text)]
    if not periods:  # most sentences: no death count read
        return False
    verbs = {noun.head for noun in dead_counted(sent)}
    perfect = all(any(c.dep_ in ("aux", "auxpass") and c.lower_ in _HAVE for c in v.children) for v in verbs)
    return bool(verbs) and perfect and all(any(v in root.ancestors for root in periods) for v in verbs)
