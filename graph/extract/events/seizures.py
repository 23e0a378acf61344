"""People seized, read from the capture cues of one sentence: by the state or a de-facto authority an arrest, by
anyone else an abduction (ground seized is read in :mod:`.territory`)."""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.events.cues import Cue, SentenceCues
from graph.extract.events.syntax import agents
from graph.extract.events.territory import people_taken

__all__ = ["people_seized", "seized_into_custody"]

# Doers who hold people in custody, the state's or a de-facto authority's ("Houthi authorities", "Taliban
# officials"): ACLED codes what they detain as arrests.
_AUTHORITIES = frozenset(["authority", "official", "police", "policeman", "policemen", "government", "court"])


def people_seized(c: SentenceCues) -> Cue | None:
    """People seized by someone who holds no authority ("gunmen seized two aid workers", "a priest was seized from his
    parish by men on motorbikes"): an abduction."""
    return next((cue for cue in _seizures(c) if not _by_authority(cue.head, c)), None)


def seized_into_custody(c: SentenceCues) -> Cue | None:
    """People seized by the state or a de-facto authority ("Houthi authorities seized three journalists"): an
    arrest."""
    return next((cue for cue in _seizures(c) if _by_authority(cue.head, c)), None)


def _seizures(c: SentenceCues) -> list[Cue]:
    """The verbs "seize" whose object or passive subject is unarmed people only."""
    return [cue for cue in c.of("CAPTURE")
            if cue.head.lemma_ == "seize" and cue.head.pos_ == "VERB" and people_taken(cue.head, c)]


def _by_authority(verb: Token, c: SentenceCues) -> bool:
    """Whether the doer of ``verb`` is the state's or an authority's."""
    doers = agents(verb)
    return bool(doers & c.state()) or any(verb.doc[i].lemma_.lower() in _AUTHORITIES for i in doers)
