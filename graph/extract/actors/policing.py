"""Unspecified "security forces" or "authorities" who police (arrest, detain, disperse a crowd, evict) are the
state's police.

ACLED codes the force that makes arrests, breaks up protests or evicts residents as Police Forces of X when
the text names no branch ("Security forces arrested the organisers", "security personnel fired tear gas at
the marchers"); the same words in a battle stay the state's Military Forces. The rule runs once, when the
actor table is complete, and moves those mentions to the police.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from graph.datafiles import read_words
from graph.extract.actors.table import ActorInfo, ActorTable, generic_actor, state_actor

__all__ = ["custodians", "police_who_police", "tells_crowd_control"]

# the words of a force whose branch the text leaves open (descriptors.tsv reads them as the state's military):
# "Ugandan authorities arrested ..." are the police too
_UNSPECIFIED = ("security forces", "security personnel", "security agents", "security men", "security officers",
                "authorities")
# what police do: arrest, hold, break up crowds, evict; "fired tear gas" by its object
_POLICING = frozenset(["arrest", "detain", "disperse", "evict", "displace", "handcuff", "apprehend", "round"])
_CROWD_WEAPONS = frozenset(["gas", "teargas", "tear-gas"])
# the means police use on a crowd: a riot told with them had the police intervene, named or not
_CROWD_CONTROL = ("tear gas", "teargas", "tear-gas", "water cannon", "rubber bullet", "pepper spray", "stun grenade")


def police_who_police(doc: Doc, table: ActorTable) -> None:
    """Move each unspecified security-forces mention whose own verb polices from the state's Military Forces
    to its Police Forces."""
    for mention in table.mentions:
        info = table.actors[mention.key]
        if info.kind != "state_forces" or not mention.text.lower().endswith(_UNSPECIFIED):
            continue
        police, military = _branches(info.country)
        if police is None or military.key != info.key:
            continue  # a named unit
        if _polices(doc[mention.start : mention.end].root):
            table.actors.setdefault(police.key, police)
            mention.key = police.key


def _branches(code: str | None) -> tuple[ActorInfo | None, ActorInfo]:
    """The state's Police and Military Forces of a country, or ACLED's two categories alone when the text names
    no country (security forces who disperse a crowd are police wherever they are)."""
    military = state_actor(code) if code else None
    if military is None:
        return generic_actor("Police Forces", "state_forces", None), generic_actor("Military Forces", "state_forces",
                                                                                  None)
    return state_actor(military.country or "", "Police"), military


def _polices(head: Token) -> bool:
    """Whether the verb a force is the subject of (or a verb it chains to) arrests, disperses, evicts or fires
    tear gas."""
    if head.dep_ not in {"nsubj", "conj"} or head.head.pos_ not in {"VERB", "AUX"}:
        return False
    verb = head.head
    verbs = [verb, *(c for c in verb.children if c.dep_ in {"xcomp", "conj", "advcl"} and c.pos_ == "VERB")]
    for v in verbs:
        if v.lemma_.lower() in _POLICING:
            return True
        if any(c.dep_ == "dobj" and c.lower_ in _CROWD_WEAPONS for c in v.children):
            return True
    return False


def tells_crowd_control(text: str) -> bool:
    """Whether a sentence tells of the police's means against a crowd ("fired tear gas", "water cannons")."""
    lower = text.lower()
    return any(words in lower for words in _CROWD_CONTROL)


# harm done in the place where the state holds people: "tortured in jail", "died in police custody", "beaten to
# death by guards inside the prison"; the place must follow the harm closely, as its setting: "a man who had
# spent years in prison was shot dead" and "a lawyer who defended prisoners in custody was stabbed" are no abuse
# in custody
_HARMS = sorted({verb.rstrip("e") for verb in read_words("actors", "harm_verbs.txt")}
                | {"die", "beat", "abus", "mistreat", "starv", "shot"})
_HARM_WORD = r"\b(?:" + "|".join(_HARMS) + r")(?:e|es|ed|d|s|ing|en|ped|bed|ping|bing)?\b"
_HELD = re.compile(_HARM_WORD + r"(?:\s+\w+){0,4}?\s+(?:in|inside|at|while in)\s+"
                   r"(?:(?:a|an|the|his|her|their|police|military|state)\s+)?(prison|jail|gaol|custody|detention)\b",
                   re.IGNORECASE)
_PRISONS = frozenset(["prison", "jail", "gaol"])


def custodians(text: str, code: str | None) -> ActorInfo | None:
    """The state's Police Forces, who hold the people harmed in the place a sentence names ("tortured in jail"),
    with the unit "Prison Guards" as an alias for a prison, as ACLED codes abuse in custody; None elsewhere."""
    found = _HELD.search(text)
    if found is None:
        return None
    police = (state_actor(code, "Police") if code else None) or generic_actor("Police Forces", "state_forces", None)
    return replace(police, aliases=("Prison Guards",)) if found.group(1).lower() in _PRISONS else police
