"""Sentences that sum up several incidents, which the story then tells one by one.

A lede often counts the dead of a day's attacks together ("Thirty people were killed in raids by
armed bandits", "gunmen struck army posts in four raids overnight") and
the body tells each attack with its own place and toll. ACLED codes the attacks, not the sum: the
summary is no event of its own when the story tells another incident of its kind and month. It still
dates the story, so it is dropped only after the undated mentions have taken their day from it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Span

from graph.extract.events.mentions import VIOLENT_TYPES, EventMention
from graph.extract.events.skips import DEFINITE
from graph.records import Event

__all__ = ["summarises", "drop_summaries"]

# Plural nouns of incidents that a summary counts the dead in ("killed in attacks", "three overnight raids")
_INCIDENTS = frozenset(["attack", "raid", "ambush", "assault", "strike", "airstrike", "bombing", "shooting"])
_PREPOSITIONS = frozenset(["in", "following", "during", "after", "amid"])


def summarises(sent: Span) -> bool:
    """Whether the sentence tells several incidents as one: a plural incident noun, not pointing back ("the
    attacks"), that the dead are counted in ("in attacks by jihadists", "following fresh attacks") or that
    carries a count above one ("two night-time raids")."""
    for token in sent:
        if token.tag_ != "NNS" or token.lemma_.lower() not in _INCIDENTS:
            continue
        children = list(token.children)
        if any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in children):
            continue
        counted = any(c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1") for c in children)
        if counted or (token.dep_ in ("pobj", "dobj") and token.head.lower_ in _PREPOSITIONS):
            return True
    return False


def drop_summaries(incidents: Sequence[EventMention], events: list[Event], summaries: Collection[str]) -> list[Event]:
    """Drop each summary (its id in ``summaries``) when the story goes on to tell a violent incident of its
    month with a place or a date of its own (``events`` are the ``incidents`` dated). A summary is often dated
    by its report ("officials said on Tuesday"), not by its incidents; one told after the story's
    incidents ("Last week, 12 died in separate raids") stays, and so does one followed only
    by background ("The militia has responded with reprisal raids")."""
    told = [event for incident, event in zip(incidents, events, strict=True)
            if event.id not in summaries and event.event_type in VIOLENT_TYPES and (incident.placed or incident.dated)]

    def told_apart(summary: Event) -> bool:
        month = (summary.date or "")[:7]
        return summary.event_type in VIOLENT_TYPES and any(
            other.start > summary.start and (other.date or "")[:7] == month for other in told)

    return [event for event in events if event.id not in summaries or not told_apart(event)]
