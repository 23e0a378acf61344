"""A sentence that opens with "They" goes on telling of the armed men its previous sentence made the subject:
"Rebels of the Kota Front killed nine villagers. They looted the market before leaving." (one group)."""

from __future__ import annotations

from spacy.tokens import Span

from graph.extract.actors.table import ARMED_KINDS, MentionBuilder

__all__ = ["pronoun_mentions"]

_SUBJECTS = frozenset(["nsubj", "nsubjpass"])
_QUOTES = frozenset(['"', "“", "”", "'", "‘", "’"])


def pronoun_mentions(builder: MentionBuilder) -> None:
    """Add a sentence-opening "They" (a verb's subject) as a mention of the one armed actor that the previous
    sentence's subjects name; none when they name none or several."""
    doc = builder.doc
    previous: Span | None = None
    for sent in doc.sents:
        first = next((t for t in sent if t.text not in _QUOTES), None)
        if previous is not None and first is not None and first.text == "They" and first.dep_ in _SUBJECTS:
            actor = _subject_actor(builder, previous)
            if actor is not None:
                builder.add(builder.table.actors[actor], doc[first.i : first.i + 1])
        previous = sent


def _subject_actor(builder: MentionBuilder, sent: Span) -> str | None:
    """The one armed actor named inside the subjects of a sentence's verbs ("Armed elements of the X"); the
    subject of a verb that reports a clause ("The army said X attacked") only when no other is armed."""
    table = builder.table
    told: set[str] = set()
    reporting: set[str] = set()
    for token in sent:
        if token.dep_ not in _SUBJECTS:
            continue
        reports = any(c.dep_ == "ccomp" for c in token.head.children)
        for word in token.subtree:
            mention = table.at(word.i)
            if mention is not None and mention.link is None and table.actors[mention.key].kind in ARMED_KINDS:
                (reporting if reports else told).add(mention.key)
    found = told or reporting
    return found.pop() if len(found) == 1 else None
