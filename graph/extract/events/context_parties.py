"""Parties an event borrows from its article when its sentence names none or only one.

An armed event whose sentence names no party takes the parties of the last event at the same place
(below country level), else the article's main pair of adversaries, if that pair fits the event's
paragraph: a roundup's paragraph that names other countries ("Meanwhile in Ukraine, ...") is not about
the lead story's parties. A peaceful transfer of territory whose sentence names only the side that moves
in ("forces entered the town unopposed") takes the other side of that pair as the side that gave it up.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from graph.extract.actors import ActorTable
from graph.extract.events.lexicon import NONVIOLENT_TRANSFER
from graph.extract.places import PlaceMention
from graph.records import Article, Event

__all__ = ["theatre_check", "fill_from_context", "GROUP_EVENTS"]

_COUNTRY_KINDS = {"country"}
# Armed events, whose parties are groups
GROUP_EVENTS = frozenset(["Battles", "Explosions/Remote violence", "Violence against civilians"])


def theatre_check(article: Article, doc: Doc, table: ActorTable, places: list[PlaceMention]):
    """Whether a pair of actors fits an event's paragraph: a roundup's paragraph that names other
    countries ("Meanwhile in Ukraine, ...") is not about the lead story's parties.

    The pair fits when the paragraph names no country, when none of its actors belongs to one,
    or when one of them belongs to a country the paragraph names.
    """
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", article.text)]
    named: dict[int, set[str]] = {}
    for mention in places:
        if mention.location.kind in _COUNTRY_KINDS and mention.location.country:
            paragraph = bisect.bisect_right(breaks, doc[mention.start].idx)
            named.setdefault(paragraph, set()).add(mention.location.country)
    actor_country = {info.name: info.country for info in table.actors.values()}

    def fits(event: Event, pair: tuple) -> bool:
        countries = named.get(bisect.bisect_right(breaks, event.start), set())
        own = {actor_country.get(name) for name in pair} - {None}
        return not countries or not own or bool(countries & own)

    return fits


def fill_from_context(events: list[Event], countries: set[str], fits: Callable[[Event, tuple], bool]) -> list[Event]:
    """An armed event whose sentence names no party takes the parties of the last event at the same place
    (below country level), else the article's main pair of adversaries if ``fits`` that event (a roundup's
    story from another country does not take the lead story's parties)."""
    pairs = Counter(frozenset((e.actor1, e.actor2)) for e in events if e.actor1 and e.actor2)
    top = pairs.most_common(1)[0][0] if pairs else None
    # the pair in the order most of its events tell it (the first told wins a tie): who attacked whom, not the
    # alphabet's order, and not one reversed telling ("villagers fought back against the raiders")
    orders = Counter((e.actor1, e.actor2) for e in events if frozenset((e.actor1, e.actor2)) == top)
    main = orders.most_common(1)[0][0] if orders else None
    out: list[Event] = []
    for event in events:
        if (event.actor1 and event.actor2) or not _borrows(event):
            out.append(event)
            continue
        donor = next((e for e in reversed(out[-30:]) if e.location == event.location and e.actor1 and e.actor2
                      and e.location not in countries), None)
        pair = (donor.actor1, donor.actor2) if donor else main if main and fits(event, main) else None
        present = event.actor1 or event.actor2
        if pair and present is None:
            event = replace(event, actor1=pair[0], actor2=pair[1])
        elif pair and present in pair:  # the named side keeps its role; the other side of the pair fills the other
            other = pair[1] if pair[0] == present else pair[0]
            event = replace(event, actor2=other) if event.actor1 else replace(event, actor1=other)
        out.append(event)
    return out


def _borrows(event: Event) -> bool:
    """Whether an event with a side missing may take it from context: an armed event, or a transfer of
    territory with a side named (a transfer nobody is named in may be a handover between civilian bodies)."""
    return event.event_type in GROUP_EVENTS or (
        event.sub_event_type == NONVIOLENT_TRANSFER and (event.actor1 is not None or event.actor2 is not None))
