"""Casualties said to have happened without a number: ACLED's 10 for an unstated toll.

"Both sides suffered casualties", "the shelling caused many casualties", "an unknown number of casualties was
reported": the text says people died but not how many, and ACLED's codebook codes such vague plural deaths as
10. Casualties whose existence is itself open ("no word yet on casualties", "it is not clear whether there were
casualties") or denied ("no casualties") are no toll.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.parse.columns import token_lowers, tokens_where

__all__ = ["untold_casualties", "UNTOLD"]

UNTOLD = 10  # the codebook's figure for deaths of an unstated number
# "casualties", "fatalities", and "causalities", a misspelling common in news copy
_NOUNS = frozenset(["casualty", "casualties", "causality", "causalities", "fatality", "fatalities"])
_MANY = frozenset(["heavy", "many", "numerous", "several", "significant", "considerable", "unknown", "unspecified",
                   "undisclosed", "unconfirmed"])
# Verbs that say the casualties happened: "were reported", "caused", "suffered", "sustained", "left"
_HAPPENED = frozenset(["report", "cause", "suffer", "sustain", "record", "leave", "incur"])


def untold_casualties(sent: Span) -> int | None:
    """:data:`UNTOLD` when the sentence says casualties happened without a number, else None."""
    for token in tokens_where(sent, token_lowers(sent.doc), _NOUNS):
        if _asserted(token) and not _counted(token):
            return UNTOLD
    return None


def _counted(noun: Token) -> bool:
    """A number or a denial among the noun's words: "five casualties", "no casualties", "without casualties"."""
    if noun.head.lower_ == "without":
        return True
    before = [t for t in noun.subtree if t.i < noun.i or t.dep_ == "nummod"]
    return any(t.like_num or t.lower_ in ("no", "zero", "any") for t in before)


def _asserted(noun: Token) -> bool:
    """Casualties qualified as many or of an unknown number, or the object or subject of a verb that says they
    happened, that verb not negated nor asked ("whether there were casualties")."""
    if any(c.dep_ == "amod" and c.lower_ in _MANY for c in noun.children):
        return True
    of_number = [g for p in noun.children if p.lower_ == "of" for g in p.children if g.lemma_ == "number"]
    if any(c.lower_ in _MANY for g in of_number for c in g.children):
        return True  # "casualties of an unknown number"
    verb = noun.head
    if verb.lemma_.lower() not in _HAPPENED or noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    return not any(c.dep_ == "neg" or c.lower_ in ("whether", "if") for c in verb.children)
