"""A contributing state's military in a peace-support mission's host country is also the mission's contingent.

ACLED codes Ugandan, Burundian, Kenyan, Ethiopian or Djiboutian troops in Somalia during their years in AMISOM
(later ATMIS) as the mission's contingent of that country; an article calls them "Ugandan troops".
The state's Military Forces keep their name and carry the contingent's name as an alias. The missions and
their contingents' years are ``missions.tsv``.

The contingent is dated by the article's publication date, not by each event's date: the actor table is
finished before the events are read, and one actor has one set of aliases per article. So an article
published after a mission's change (AMISOM became ATMIS on 1 April 2022) about an event from before it names
the newer mission's contingent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cache

from graph.datafiles import read_rows
from graph.extract.actors.table import ActorTable, state_actor
from graph.extract.countries import countries

__all__ = ["add_contingent_names", "contingent_name"]


@dataclass(frozen=True)
class _Contingent:
    mission: str
    host: str
    contributor: str
    start: dt.date
    end: dt.date


@cache
def _contingents() -> tuple[_Contingent, ...]:
    return tuple(
        _Contingent(row["mission"], row["host"], row["contributor"], dt.date.fromisoformat(row["from"]),
                    dt.date.fromisoformat(row["to"]))
        for row in read_rows("actors", "missions.tsv"))


def contingent_name(host: str | None, contributor: str | None, day: dt.date | None) -> str | None:
    """ACLED's name of ``contributor``'s contingent in a mission serving in ``host`` on ``day``
    ("African Union Mission in Somalia (Ethiopia)"), or None when it had none there then."""
    if not (host and contributor and day):
        return None
    for c in _contingents():
        if (c.host, c.contributor) == (host, contributor) and c.start <= day <= c.end:
            country = countries().by_code.get(contributor)
            return f"{c.mission} ({country.name})" if country else None
    return None


def add_contingent_names(table: ActorTable, published: dt.date | None) -> None:
    """Give the Military Forces of each state with a contingent in the article's country on ``published`` the
    contingent's name as an alias."""
    for key, info in list(table.actors.items()):
        state = state_actor(info.country) if info.kind == "state_forces" and info.country else None
        name = contingent_name(table.main_country, info.country, published) if state and state.key == key else None
        if name and name not in info.aliases:
            table.actors[key] = replace(info, aliases=(*info.aliases, name))
