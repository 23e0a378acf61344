"""Protest words that tell what a force did as a force: troops who march, forces who set up roadblocks.

A march or a roadblock is a crowd's protest only when a crowd does it; soldiers who march on a market or
police who mount roadblocks across a town move or hold ground as armed forces, which ACLED codes by what
they did there (arrests, an attack), never as a demonstration.
"""

from __future__ import annotations

from graph.datafiles import read_words
from graph.extract.events.cues import Cue, SentenceCues
from graph.extract.events.syntax import agents

__all__ = ["force_moves"]

# Barrier nouns, and the verbs that put one up ("set up roadblocks", "a blockade was imposed")
_BARRIERS = read_words("events", "barrier_nouns.txt")
_PUT_UP = read_words("events", "put_up_verbs.txt")


def force_moves(cue: Cue, c: SentenceCues) -> bool:
    """Whether the protest word ``cue`` is done by soldiers or gunmen: they march ("soldiers marched to the
    market and beat people") or put up the roadblocks ("police mounted roadblocks across the city")."""
    word = cue.head
    if word.lemma_.lower() == "march" and word.pos_ == "VERB":
        verb = word
    elif word.lemma_.lower() in _BARRIERS and word.dep_ in ("dobj", "nsubjpass") and (
            word.head.lemma_.lower() in _PUT_UP):
        verb = word.head
    else:
        return False
    force = c.tokens("MIL") | c.tokens("ARMED")  # the doer itself, not a word of its name ("Army Widows Union")
    doc = word.doc
    return any(i in force and doc[i].dep_ in ("nsubj", "pobj") for i in agents(verb))
