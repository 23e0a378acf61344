"""Dates for the events whose own sentence gives none: the day the story is about.

A news story dates its incident once ("on Tuesday", "on 18 May") and tells the rest without a date
("The attackers fled", "Six soldiers died"). An event whose sentence has no date takes the nearest
day-precise date of a recent mention before it, else the nearest one after it; "recent" means at
most two weeks before publication, so a recalled incident ("in February") lends no date. Without
such a date the event keeps the publication month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from graph.extract.events.mentions import EventMention
from graph.records import Event

__all__ = ["anchor_dates"]

RECENT_DAYS = 14


def _recent_day(mention: EventMention, published: dt.date) -> dt.date | None:
    event = mention.event
    if not mention.dated or event.date_precision != "day" or not event.date:
        return None
    try:
        day = dt.date.fromisoformat(event.date)
    except ValueError:
        return None
    return day if 0 <= (published - day).days <= RECENT_DAYS else None


def anchor_dates(incidents: Sequence[EventMention], published: dt.date | None) -> list[Event]:
    """Return the incidents' events, the undated ones dated by the story's recent day nearest to them."""
    if published is None:
        return [incident.event for incident in incidents]
    days = [_recent_day(incident, published) for incident in incidents]
    out = []
    for i, incident in enumerate(incidents):
        event = incident.event
        if not incident.dated:
            before = next((d for d in reversed(days[:i]) if d), None)
            day = before or next((d for d in days[i + 1 :] if d), None)
            if day is not None:
                event = replace(event, date=day.isoformat(), date_precision="day")
        out.append(event)
    return out
