"""Peacekeepers named by their job are the peace mission that serves in the article's country.

"UN peacekeepers", "blue helmets", "a Zambian peacekeeper", "the peacekeeping force": in the Central African
Republic in 2016 they are MINUSCA, in South Sudan UNMISS, as ACLED codes them. The mission is the one serving in
the article's country on its publication day (``peace_missions.tsv``); in a country none serves, or an article
of no known country, the words stay as they are. In an article about them, "the UN" ("UN peacekeepers", "the UN
said") is the mission too, not the United Nations as an organisation; its agencies (OCHA, UNICEF) stay apart.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from spacy.tokens import Doc

from graph.datafiles import read_rows
from graph.extract.actors.lexicon import actor_key, dictionary
from graph.extract.actors.table import ActorInfo, ActorMention, ActorTable, info_of
from graph.extract.parse.columns import token_lowers, tokens_text

__all__ = ["add_peace_missions", "serving_mission"]

_SINGLE = frozenset(["peacekeeper", "peacekeepers"])
# "peacekeeping force", "blue helmets": the first word, then the words that may follow it
_PAIRS = {"peacekeeping": frozenset(["force", "forces", "troops", "soldiers", "contingent", "contingents"]),
          "blue": frozenset(["helmets"])}
_FIRST_WORDS = _SINGLE | frozenset(_PAIRS)
_UNITED_NATIONS = actor_key("United Nations")


@cache
def _missions() -> tuple[tuple[str, str, dt.date, dt.date], ...]:
    """(mission, host, first day, last day) of each row of ``peace_missions.tsv``."""
    return tuple((row["mission"], row["host"], dt.date.fromisoformat(row["from"]),
                  dt.date.fromisoformat(row["to"]) if row["to"] else dt.date.max)
                 for row in read_rows("actors", "peace_missions.tsv"))


def serving_mission(host: str | None, day: dt.date | None) -> ActorInfo | None:
    """The dictionary actor of the peace mission serving in ``host`` on ``day``, if one served there then."""
    if not (host and day):
        return None
    for mission, country, start, end in _missions():
        if country == host and start <= day <= end:
            return info_of(dictionary()[actor_key(mission)])
    return None


def add_peace_missions(doc: Doc, table: ActorTable, published: dt.date | None) -> None:
    """Add each peacekeeping phrase no other mention holds to the mission serving in the article's country; the
    article's mentions of the United Nations ("UN peacekeepers", "the UN said") are then the mission's too."""
    lowers = token_lowers(doc)
    mission = serving_mission(table.main_country, published)
    if mission is None or _FIRST_WORDS.isdisjoint(lowers):  # the set test runs in C: most articles stop here
        return
    spans = [(start, end) for start, end in _phrases(lowers)
             if not any(table.at(i) for i in range(start, end))]
    if not spans:
        return
    for start, end in spans:
        first, last = doc[start], doc[end - 1]
        table.add(mission, ActorMention(mission.key, start, end, tokens_text(doc, start, end), first.idx,
                                        last.idx + len(last.text)))
    for mention in table.mentions:  # "UN peacekeepers", "the UN said": the mission
        if mention.key == _UNITED_NATIONS:
            mention.key = mission.key
    table.actors.pop(_UNITED_NATIONS, None)
    table.finish()


def _phrases(lowers: tuple[str, ...]) -> list[tuple[int, int]]:
    """Token spans of "peacekeeper(s)", "peacekeeping force/troops/...", "blue helmets"."""
    out = []
    for i, word in enumerate(lowers):
        if word in _SINGLE:
            out.append((i, i + 1))
        elif word in _PAIRS and i + 1 < len(lowers) and lowers[i + 1] in _PAIRS[word]:
            out.append((i, i + 2))
    return out
