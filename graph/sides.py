"""Which actors may stand on both sides of one event: ACLED codes two unnamed groups of one category against
each other (Rioters (X) against Rioters (X), Unidentified Clan Militia (X) against another); any other actor
on both sides is an error."""

from __future__ import annotations

import re

__all__ = ["both_sides_allowed", "fights_itself"]

_UNNAMED_GROUP = re.compile(
    r"^(?:Rioters|Protesters|Civilians|Unidentified [A-Za-z]+ (?:Militia|Armed Group))(?: \(|$)")


def both_sides_allowed(name: str) -> bool:
    """Whether the actor named ``name`` may be actor 1 and actor 2 of one event (an unnamed group)."""
    return bool(_UNNAMED_GROUP.match(name))


# unnamed groups that harm no one of their own category in ACLED's coding: a crowd that fights is rioters, and
# civilians are the victims of political violence, never its doers
_NO_FIGHTERS = ("Civilians", "Protesters")


def fights_itself(name: str) -> bool:
    """Whether an event may have the actor named ``name`` on both sides: rival clans, militias or rioters."""
    return both_sides_allowed(name) and not name.startswith(_NO_FIGHTERS)
