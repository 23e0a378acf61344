"""Where a story is filed or measured from: a dateline's place ("KABUL, Afghanistan (AP) —") and a distance
landmark ("400 km northeast of Bangui"); the event's place only when the story names nothing closer."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from graph.extract.parse.columns import token_lowers
from graph.extract.places.words import COMPASS

__all__ = ["reference_point", "dateline", "distance_unit"]

# Before a dateline's place: nothing but a date ("date 2023-07-21 ", "June 5, 2023 ") or a news agency's tag
# ("(Reuters) - ").
_DATELINE_START = re.compile(
    r"\s*(?:\([A-Z][A-Za-z .]{1,30}\)\s*[-\u2013\u2014]+\s*)?(?:date\s+)?(?:[A-Z][a-z]{2,8}\.? )?[\d\s/.,:-]*"
)
# After a dateline's place: ", Country", "/OTHER PLACE", then "(AP) —", ":" or a dash.
_DATELINE_END = re.compile(r"(?:\s*[,/]\s*[A-Z][\w .'-]{0,30}?)?\s*(?:\(|:|\u2013|\u2014|-\s)")
_DISTANCE = frozenset(("km", "kms", "kilometres", "kilometers", "miles", "metres", "meters"))
_DISTANCE_TOKEN = re.compile(r"\d+(?:[.,]\d+)?(?:km|kms|mi)")  # "10kms": number and unit in one token


def distance_unit(word: str) -> bool:
    """Whether a lower-case token is a unit of distance, alone ("km") or with its number ("10kms")."""
    return word in _DISTANCE or bool(_DISTANCE_TOKEN.fullmatch(word))


def reference_point(doc: Doc, start: int) -> bool:
    """Whether the place at ``start`` is only where a distance is measured from: "400 km northeast of X",
    "hundreds of kilometres north of the capital X", "50 km from X"."""
    for k in range(start - 1, max(0, start - 7), -1):
        token = doc[k]
        if token.lower_ in ("of", "from") and k >= 1:
            lead = token_lowers(doc)[max(0, k - 4) : k]
            compass = token.lower_ == "from" or lead[-1] in COMPASS
            return compass and any(distance_unit(w) for w in lead)
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP"):
            return False
    return False


def dateline(doc: Doc, start: int, end: int) -> bool:
    """Whether the place opens a line as a dateline ("KABUL, Afghanistan (AP) —", "PESHAWAR:"): where the
    story was filed, the event's place only when the story names nothing closer.

    Reads a few tokens around the name only, never the whole text: it runs once per line and mention.
    """
    line = start
    while line > 0 and start - line < 8 and not _breaks(doc[line - 1]):
        line -= 1
    if line > 0 and not _breaks(doc[line - 1]):
        return False
    prefix = "".join(t.text_with_ws for t in doc[line:start])
    after = doc[end - 1].whitespace_ + "".join(t.text_with_ws for t in doc[end : end + 10])
    return bool(_DATELINE_START.fullmatch(prefix) and _DATELINE_END.match(after))


def _breaks(token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_
