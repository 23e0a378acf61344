"""What a place name does in its sentence when it is not where something happened.

"Tigray forces", "the Sinaloa cartel": the place names an actor's origin; "Ankara launched the assault",
"Washington accused": the capital stands for its government (metonymy); "the Union for Peace in Central
Africa (UPC)": the place is part of an organisation's name; "sources in Pretoria said": the place is where
the report came from. The events stage does not take such a place for an event's place.
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.extract.places.words import ACTOR_HEADS, SPEAKING_VERBS

__all__ = ["names_actor", "in_organisation_name", "reported_from"]

_REPORTING = frozenset(("say", "tell", "report", "confirm", "add", "state", "announce"))


def names_actor(doc: Doc, start: int, end: int) -> bool:
    """Whether the place at ``doc[start:end]`` names an actor: a modifier of a force ("Tigray forces", "the
    Sinaloa drug cartel", "the Zintan brigade"), also at the end of a name that modifies one ("Army of X
    fighters"), or the subject of a verb of saying or deciding ("Ankara launched", "Kabul said")."""
    root = doc[start:end].root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.text[:1].isupper():
        root = root.head.head  # "Defenders of X militants": the name the place ends modifies the actor noun
    if root.dep_ in ("compound", "amod", "nmod") and root.head.i >= end:
        head = root.head
        while head.dep_ == "compound" and head.head.i > head.i:  # "Sinaloa drug cartel": up to "cartel"
            head = head.head
        return head.lower_ in ACTOR_HEADS
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() in SPEAKING_VERBS


def in_organisation_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the place ends an organisation's name given with its acronym: "the Union for Peace in Central
    Africa (UPC)", "Al-Qaeda in the Islamic Maghreb (AQIM)"."""
    if not (end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].is_upper and doc[end + 2].text == ")"):
        return False
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 1 and doc[k].lower_ in ("in", "of", "for") and doc[k - 1].text[:1].isupper() \
        and not doc[k - 1].is_sent_start


def reported_from(doc: Doc, start: int, end: int) -> bool:
    """Whether the place only says where the speaker is: "sources in Pretoria said trucks were burnt near X"."""
    root = doc[start:end].root
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "in" or prep.head.pos_ not in ("NOUN", "PROPN"):
        return False
    speaker = prep.head
    return speaker.dep_ == "nsubj" and speaker.head.lemma_.lower() in _REPORTING
