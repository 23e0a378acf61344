"""Sentences that sum up several incidents, which the story then tells one by one.

A lede often counts the dead of a day's attacks together ("Thirty people were killed in raids by
armed bandits", "gunmen struck army posts in four raids overnight"), spreads a day's protests over a
country ("demonstrations turned violent across several counties") or names a region whose districts the
story then takes one by one, and the body tells each incident with its own place and toll. ACLED codes
the incidents, not the sum: the summary is no event of its own when the story tells other incidents of
its kind and month. It still dates the story, so it is dropped only after the undated mentions have taken
their day from it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from spacy.tokens import Span, Token

from graph.extract.events.incident_words import announces_another
from graph.extract.events.mention_fit import actors_fit
from graph.extract.events.mentions import CROWD_TYPES, VIOLENT_TYPES, EventMention
from graph.extract.events.skips import DEFINITE
from graph.extract.parse.columns import token_tags, tokens_where
from graph.records import Event

__all__ = ["summarises", "drop_summaries"]

# Plural nouns of incidents that a summary counts the dead in ("killed in attacks", "three overnight raids")
_INCIDENTS = frozenset(["attack", "raid", "ambush", "assault", "strike", "airstrike", "bombing", "shooting"])
_PREPOSITIONS = frozenset(["in", "following", "during", "after", "amid"])
# Plural nouns of places a summary spreads its incidents over ("across several counties", "in four towns")
_PLACE_NOUNS = frozenset(["county", "town", "city", "region", "province", "state", "district", "area", "village",
                          "community", "locality", "neighbourhood", "neighborhood", "part"])
_OVER = frozenset(["across", "in", "throughout", "over"])
_PLURAL = frozenset(["NNS"])
_SEVERAL = frozenset(["several", "many", "multiple", "various", "numerous"])
# The kinds of event one summary sums up: political violence, or a crowd's protests and riots
_FAMILIES = (VIOLENT_TYPES, CROWD_TYPES)
# A sentence that takes one of the incidents a summary counted ("In the first attack", "The second raid")
_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth)\s+(?:"
                      + "|".join(sorted(_INCIDENTS | {"incident", "blast", "explosion"})) + r")\b", re.IGNORECASE)


def summarises(sent: Span) -> bool:
    """Whether the sentence tells several incidents as one: a plural incident noun, not pointing back ("the
    attacks"), that the dead are counted in ("in attacks by jihadists", "following fresh attacks") or that
    carries a count above one ("two night-time raids"); or a spread over several places ("across several
    counties")."""
    for token in tokens_where(sent, token_tags(sent.doc), _PLURAL):  # a Token only for the plural nouns
        if token.lemma_.lower() in _PLACE_NOUNS:
            if _spread_over(token):
                return True
            continue
        if token.lemma_.lower() not in _INCIDENTS:
            continue
        children = list(token.children)
        if any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in children):
            continue
        if _counted(children) or (token.dep_ in ("pobj", "dobj") and token.head.lower_ in _PREPOSITIONS):
            return True
    return False


def _counted(children: list[Token]) -> bool:
    return any(c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1") for c in children)


def _spread_over(places: Token) -> bool:
    """"across several counties", "in four towns": a plural place noun, counted or quantified, after "across",
    "in", "throughout" or "over"."""
    children = list(places.children)
    return (places.dep_ == "pobj" and places.head.lower_ in _OVER
            and (_counted(children) or any(c.lower_ in _SEVERAL for c in children)))


def _family(event_type: str) -> frozenset[str]:
    return next((family for family in _FAMILIES if event_type in family), frozenset())


def drop_summaries(incidents: Sequence[EventMention], events: list[Event], summaries: Collection[str]) -> list[Event]:
    """Drop each summary (its id in ``summaries``) when the story goes on to tell an incident of its kind
    (violence, or a crowd's) and month with a place or a date of its own, or as one of those it counted
    ("In the first attack"); and an incident at a region, with no toll or date of its own, when the story
    goes on to tell such incidents at two or more places inside it (``events`` are the ``incidents``
    dated). A summary is often dated by its report ("officials said on Tuesday"), not by its incidents; one
    told after the story's incidents ("Last week, 12 died in separate raids") stays, and so does one followed
    only by background ("The militia has responded with reprisal raids")."""
    told = [(incident, event) for incident, event in zip(incidents, events, strict=True)
            if event.id not in summaries and _family(event.event_type)
            and (incident.placed or incident.dated or _ORDINAL.search(event.evidence))]

    def told_apart(event: Event) -> list[tuple[EventMention, Event]]:
        month, family = (event.date or "")[:7], _family(event.event_type)
        return [(incident, other) for incident, other in told
                if other.start > event.start and (other.date or "")[:7] == month and other.event_type in family]

    def sums_up(mention: EventMention, event: Event) -> bool:
        after = told_apart(event)
        if event.id in summaries:
            return bool(after)
        if mention.dated or event.fatalities is not None:  # what it tells of its own makes it an incident
            return False
        return len({other.location for incident, other in after if event.location in incident.within
                    and _details(event, other)}) >= 2

    return [event for mention, event in zip(incidents, events, strict=True) if not sums_up(mention, event)]


def _details(region: Event, other: Event) -> bool:
    """Whether an incident inside a region's event can be one of the places it tells: the same sub-type and
    actors that fit, not announced as another incident ("Separately, soldiers killed five insurgents in ...")."""
    return (other.sub_event_type == region.sub_event_type and not announces_another(other.evidence)
            and actors_fit(region, other, refers_back=False))
