"""Events stage: ACLED-typed events with their participants, place, date and counts."""

from graph.extract.events.assemble import PlaceMention, build_events

__all__ = ["PlaceMention", "build_events"]
