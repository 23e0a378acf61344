"""What an entity's event tally keeps of its counts: bounded, and never a wrong count in its summary.

A busy actor's tally (``graph.link.summaries``) would otherwise count every date it has an event on
and every co-actor and place it ever had, and be rewritten whole at each write that changes it. What
the summary reads of those counts is the first and last date and the ``SHOWN`` top co-actors (or
actors) and places, so a tally keeps:

- dates: every date up to a low cut and from a high cut, exactly (``DATES_KEPT`` of each side once
  they are cut); the dates between are not counted. The first date is the earliest of the low side
  as long as it has one (every date before the cut is kept), the last the latest of the high side.
- co-actors and places: the ``TOP_KEPT`` top entries, exactly, and a bound on the others: no entry
  that is not kept has more events than it, or as many with an earlier IRI (the order ``_top`` shows).
  An event that adds to an entry not kept raises the bound by what it adds.

After each change a tally says whether it still shows right (``shows_right``): its ``SHOWN`` top
entries all rank before the bound, and each side of its dates has one. When not, the entity is
counted whole again from its events (``summaries._recount``): rare, as a side holds ``DATES_KEPT``
dates and the ``TOP_KEPT`` entries are kept well past those shown. The cuts are in ``tally["cut"]``,
absent while nothing is cut, so a small entity's tally is what it always was.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

__all__ = ["count", "shows_right", "DATES_KEPT", "TOP_KEPT"]

TOP_KEPT = 400  # co-actors (or actors) and places counted exactly: 4x those shown (summaries.SHOWN)
DATES_KEPT = 20  # dates counted exactly at each end once the dates are cut
_RANKED = ("with", "places")


def count(tally: dict[str, Any], counts: Counter[tuple[str, str]], shown: int) -> bool:
    """Add (field, key) counts to a tally (a count that falls to zero goes), then cut what it need not keep;
    return whether it still shows its ``shown`` top entries and its first and last date right."""
    cut = tally.get("cut", {})
    grown: Counter[str] = Counter()  # field -> the most an entry it does not keep gained
    for (field, key), n in counts.items():
        if field == "n":
            tally["n"] += n
        elif not _kept(cut, tally, field, key):
            grown[field] = max(grown[field], n)
        elif total := tally[field].get(key, 0) + n:
            tally[field][key] = total
        else:
            tally[field].pop(key, None)
    for field, n in grown.items():
        if field in _RANKED and n > 0:  # an entry not kept may now have as many as the bound plus what it gained
            cut[field] = [cut[field][0] + n, ""]
    for field in _RANKED:
        _cut_ranked(tally, cut, field)
    _cut_dates(tally, cut)
    if cut:
        tally["cut"] = cut
    return shows_right(tally, shown)


def shows_right(tally: dict[str, Any], shown: int) -> bool:
    """Whether a tally's kept counts give its ``shown`` top entries and its first and last date exactly."""
    cut = tally.get("cut", {})
    for field in (f for f in _RANKED if f in cut):
        top = _ranked(tally[field])[:shown]
        bound = cut[field]
        if len(top) < shown or (-top[-1][1], top[-1][0]) >= (-bound[0], bound[1]):
            return False
    if "dates" in cut:
        low, high = (_rank(key) for key in cut["dates"])
        ranks = [_rank(key) for key in tally["dates"]]
        return any(rank <= low for rank in ranks) and any(rank >= high for rank in ranks)
    return True


def _kept(cut: dict[str, Any], tally: dict[str, Any], field: str, key: str) -> bool:
    """Whether the tally counts ``key`` of ``field`` exactly (so a change to it is added)."""
    if field not in cut:
        return True
    if field == "dates":
        low, high = (_rank(k) for k in cut["dates"])
        return not low < _rank(key) < high
    return key in tally[field]


def _ranked(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Entries most events first, ties by IRI (the order a summary shows)."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _cut_ranked(tally: dict[str, Any], cut: dict[str, Any], field: str) -> None:
    """Keep the ``TOP_KEPT`` top entries of a field; the bound takes the best of those dropped."""
    if len(tally[field]) <= TOP_KEPT:
        return
    ranked = _ranked(tally[field])
    key, n = ranked[TOP_KEPT]
    tally[field] = dict(ranked[:TOP_KEPT])
    bound = cut.get(field)
    cut[field] = [n, key] if bound is None or (-n, key) < (-bound[0], bound[1]) else bound


def _cut_dates(tally: dict[str, Any], cut: dict[str, Any]) -> None:
    """Keep ``DATES_KEPT`` dates of a side (each end, while uncut) that holds more than twice as many."""
    ranked = sorted(tally["dates"], key=_rank)
    low, high = cut.get("dates", (None, None))
    low_side = ranked if low is None else [key for key in ranked if _rank(key) <= _rank(low)]
    high_side = ranked if high is None else [key for key in ranked if _rank(key) >= _rank(high)]
    if len(low_side) > 2 * DATES_KEPT:
        low = low_side[DATES_KEPT - 1]
    if len(high_side) > 2 * DATES_KEPT:
        high = high_side[-DATES_KEPT]
    if low is None or high is None or [low, high] == cut.get("dates"):
        return
    cut["dates"] = [low, high]
    tally["dates"] = {key: n for key, n in tally["dates"].items() if not _rank(low) < _rank(key) < _rank(high)}


def _rank(key: str) -> tuple[str, str]:
    """A date key's place in the order of days ("day\\tdatatype": the summary's first and last are days)."""
    return key.split("\t", 1)[0], key
