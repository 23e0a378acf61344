"""Which publication date an article gets: the given one, else its page's or feed's metadata.

The date given by the user (``--published`` or a batch's ``published``) wins, then the page's or
feed's metadata; an article left without either is dated by the extractor from its header
(``graph.extract.parse.dateline``: a date line or a wire dateline).
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["iso_day", "choose_published"]


def iso_day(value: object) -> dt.date | None:
    """Return the day of an ISO 8601 date or timestamp ("2019-03-04T10:00:00Z" -> 2019-03-04), else None."""
    if not isinstance(value, str):
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if match is None:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def choose_published(given: dt.date | None, metadata: object) -> dt.date | None:
    """The publication date by precedence: the given date, then the metadata's (None: the extractor reads the text)."""
    return given or iso_day(metadata)
