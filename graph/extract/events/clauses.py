"""Two incidents told in one sentence by contrast: "X happened in A, while Y happened in B".

A "while" (or "whereas") clause that opens or closes a sentence and names a place of its own tells an
incident of its own, at its own place: "Six soldiers were killed in A, while ten died in a firefight in
B"; "While A saw peaceful marches, towns such as B and C reported riots". ACLED codes one event per place.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.events.lexicon import REPORT_VERBS
from graph.extract.parse.columns import token_deps, tokens_where

__all__ = ["contrast_parts", "goes_on"]

_CONTRAST = frozenset(["while", "whereas"])


def contrast_parts(sent: Span, trigger: Token | None) -> tuple[Span, Span] | None:
    """(the part that holds the trigger, the other part) of a sentence split by a contrast clause at its start
    or its end (but for words that tell no more: "..., with no one hurt", "..., officials said"); None
    when it has none or the trigger lies in neither part."""
    if trigger is None:
        return None
    for token in tokens_where(sent, token_deps(sent.doc), ("advcl",)):
        if not any(c.dep_ == "mark" and c.lower_ in _CONTRAST for c in token.children):
            continue
        clause = sent.doc[token.left_edge.i : token.right_edge.i + 1]
        if clause.start == _trimmed(sent).start:
            rest = _trimmed(sent.doc[clause.end : sent.end])
        elif _only_qualifies(sent.doc[clause.end : sent.end]):
            rest = _trimmed(sent.doc[sent.start : clause.start])
        else:
            continue  # a clause inside the sentence: "A, while B, C" reads as one incident
        if rest is None or not len(rest):
            return None
        if clause.start <= trigger.i < clause.end:
            return clause, rest
        return (rest, clause) if rest.start <= trigger.i < rest.end else None
    return None


_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])


def _only_qualifies(tail: Span) -> bool:
    """Whether the words after a clause tell nothing of their own: no finite verb but one of reporting."""
    return not any(t.tag_ in _FINITE and t.lemma_.lower() not in REPORT_VERBS for t in tail)


def _trimmed(span: Span) -> Span:
    """The span without the punctuation and white space at its ends."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end]


def goes_on(part: Span) -> bool:
    """Whether a part is a clause without a subject of its own that goes on with the sentence's action at
    other places, whatever the action ("..., while also taking A and B", "..., while also seizing two nurses
    at A"); "while pursuing them in A" only says what the doers were about."""
    root = part.root
    return root.tag_ == "VBG" and any(c.lower_ == "also" for c in root.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in root.children)
