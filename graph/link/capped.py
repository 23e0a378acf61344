"""What an entity's event tally keeps of its counts: compact, and never a wrong count in its summary.

A busy actor's tally (``graph.link.summaries``) would otherwise count every date it has an event on
and every co-actor and place it ever had, and be rewritten whole at each write that changes it. What
the summary reads of those counts is the first and last date and the ``SHOWN`` top co-actors (or
actors) and places, so a tally keeps:

- dates: every date up to a low cut and from a high cut, exactly (``DATES_KEPT`` of each side once
  they are cut); the dates between are not counted. The first date is the earliest of the low side
  as long as it has one (every date before the cut is kept), the last the latest of the high side.
- co-actors and places: the ``TOP_KEPT`` top entries, exactly, and the counts of those dropped, exactly,
  each under an 8-character digest of its IRI (``_digest``): a tenth of the IRI's room. An event that
  changes a dropped entry's count takes it back among those kept, exactly, so an entity whose places are
  spread thin (hundreds with one or two events) stays right at every write that adds one, and a bound
  on those dropped (no one has more events than it, or as many with an earlier IRI: the order ``_top``
  shows) says whether the ``SHOWN`` top entries are still those kept.

After each change a tally says whether it still shows right (``shows_right``): its ``SHOWN`` top
entries all rank before the bound, and each side of its dates has one. When not, the entity is
counted whole again from its events (``summaries._recount``): only when events leave kept entries so
that fewer than ``SHOWN`` rank before the bound, or a side of the dates loses its ``DATES_KEPT`` dates.
The cuts and dropped counts are in ``tally["cut"]``, absent while nothing is cut, so a small entity's
tally is what it always was.
"""

from __future__ import annotations

import base64
import hashlib
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
    dropped = cut.get("dropped", {})
    if any(field in cut and field not in dropped for field in _RANKED):
        return False  # cut before dropped counts were kept: counted whole again, once
    for (field, key), n in counts.items():
        if field == "n":
            tally["n"] += n
        elif field == "dates" and not _kept_date(cut, key):
            continue  # between the cuts: not counted
        elif total := (tally[field][key] if key in tally[field] else _taken(dropped, field, key)) + n:
            tally[field][key] = total
        else:
            tally[field].pop(key, None)
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


def _kept_date(cut: dict[str, Any], key: str) -> bool:
    """Whether the tally counts the date ``key`` (so a change to it is added)."""
    if "dates" not in cut:
        return True
    low, high = (_rank(k) for k in cut["dates"])
    return not low < _rank(key) < high


def _digest(key: str) -> str:
    """The 8 characters (48 bits) a dropped entry is counted under: two of an entity's 10,000 dropped entries
    share one about once in 5 million entities."""
    return base64.b64encode(hashlib.blake2b(key.encode(), digest_size=6).digest()).decode()


def _taken(dropped: dict[str, dict[str, int]], field: str, key: str) -> int:
    """The count of an entry not kept, taken out of the dropped counts (0: it has none)."""
    return dropped[field].pop(_digest(key), 0) if field in dropped else 0


def _ranked(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Entries most events first, ties by IRI (the order a summary shows)."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _cut_ranked(tally: dict[str, Any], cut: dict[str, Any], field: str) -> None:
    """Keep the ``TOP_KEPT`` top entries of a field, count those dropped by digest; the bound takes the best of them."""
    if len(tally[field]) <= TOP_KEPT:
        return
    ranked = _ranked(tally[field])
    tally[field] = dict(ranked[:TOP_KEPT])
    theirs = cut.setdefault("dropped", {}).setdefault(field, {})
    for key, n in ranked[TOP_KEPT:]:
        digest = _digest(key)
        theirs[digest] = theirs.get(digest, 0) + n
    key, n = ranked[TOP_KEPT]
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
