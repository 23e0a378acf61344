"""ACLED's actor-based rules between battles and violence against civilians.

The sentence's words type an attack on people as violence against civilians and a fight as a
battle; the parties decide, as the codebook does:

- an attack whose two parties are both armed (state forces, rebels, militias) is a battle
  ("the army encountered Boko Haram and killed two"): violence against civilians needs unarmed
  victims;
- so is the state's forces taken captive by an armed group ("jihadists carried off two soldiers from their
  checkpoint"), the captors first: an abduction is violence against civilians only when the taken are
  civilians (fighters taken from a prison, captives of the state, are left an abduction); a kidnapping
  for ransom stays an abduction whoever is taken: the captors hold people to sell them back, they did not
  fight a force ("kidnappers seized two soldiers and demanded a ransom");
- lethal force against protesters is the state's doing: its forces come first, the protesters second
  (an attack whose two parties are both armed lists the state first too, as ACLED lists battles);
- a member of the security forces attacked at home or off duty is a civilian ("a policeman was
  shot dead in front of his home", "gunmen broke into a gendarme's home and shot him"): the event is
  an attack on a civilian, not a battle, and his forces stand beside the civilians as their associate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from graph.datafiles import read_words
from graph.extract.events.lexicon import codes
from graph.extract.events.roles import swapped
from graph.records import Event

__all__ = ["by_combatants", "attacks_by_combatants", "off_duty"]

_ARMED = frozenset(["state_forces", "armed_group", "militia"])
_ABDUCTION = "Abduction/forced disappearance"
_OFF_DUTY = frozenset(["home", "house", "homes", "houses", "off-duty", "residence"])


def by_combatants(event: Event, sent: Span, kinds: dict[str, str]) -> Event:
    """The event retyped by who fought whom (see the module docstring); unchanged when the rules do not apply."""
    one, two = kinds.get(event.actor1 or ""), kinds.get(event.actor2 or "")
    if event.sub_event_type == "Excessive force against protesters" and two == "state_forces":
        return swapped(event)
    opposed = one in _ARMED and two in _ARMED and not one == two == "state_forces"  # the army and police are one side
    if event.sub_event_type == _ABDUCTION and one in _ARMED - {"state_forces"} and two == "state_forces" and not (
            off_duty(sent) or _for_ransom(sent)):
        return _typed(event, "Battles", "Armed clash")  # the captors first: they began it
    if event.sub_event_type == "Attack" and opposed and not off_duty(sent):
        battle = _typed(event, "Battles", "Armed clash")
        return swapped(battle) if two == "state_forces" and one != "state_forces" else battle
    if event.sub_event_type == "Attack" and event.actor2 and two == "state_forces" and off_duty(sent):
        return replace(event, actor2=None, assoc_actor_2=(event.actor2, *event.assoc_actor_2))
    if event.sub_event_type == "Armed clash" and "state_forces" in (one, two) and off_duty(sent) \
            and (_suffered(sent) or _own_home_raided(sent)):
        victim_first = one == "state_forces"
        attacker = event.actor2 if victim_first else event.actor1
        victim = event.actor1 if victim_first else event.actor2
        assoc = event.assoc_actor_2 if victim_first else event.assoc_actor_1
        return replace(_typed(event, "Violence against civilians", "Attack"), actor1=attacker, actor2=None,
                       assoc_actor_1=assoc, assoc_actor_2=(victim,) if victim else ())
    return event


def attacks_by_combatants(events: Sequence[Event], doc: Doc, kinds: dict[str, str]) -> list[Event]:
    """The attacks and abductions retyped by :func:`by_combatants` once the context and the codebook have filled
    in parties their sentences leave unnamed ("Gunmen killed two vigilantes": an unidentified armed group fought
    them)."""
    out = []
    for event in events:
        sent = doc.char_span(event.start, event.end, alignment_mode="expand") if event.sub_event_type in (
            "Attack", _ABDUCTION) else None
        out.append(event if sent is None else by_combatants(event, sent, kinds))
    return out


def _for_ransom(sent: Span) -> bool:
    """Whether the sentence tells a ransom ("demanded a ransom", "held for ransom"): a kidnapping for gain."""
    return any(t.lemma_.lower() == "ransom" for t in sent)


def off_duty(sent: Span) -> bool:
    """Whether the sentence places the attack at someone's home or off duty ("in front of his home")."""
    return any(t.lower_ in _OFF_DUTY or (t.lower_ == "duty" and t.i > 0 and t.doc[t.i - 1].lower_ == "off")
               for t in sent)


def _suffered(sent: Span) -> bool:
    """Whether the sentence tells what someone suffered, in the passive ("was killed", "were shot")."""
    return any(t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children) for t in sent)


# the persons of a state's forces (not the force as a body: "the army's houses", "officials' homes"), and the verbs
# by which attackers assail a home: "a soldier's house was attacked" makes him a civilian there
_STATE_MEN = read_words("events", "state_person_nouns.txt")
_HOME_RAIDS = read_words("events", "home_raid_verbs.txt")
_FIGHTING = frozenset(["clash", "fight", "battle", "exchange", "repel", "repulse"])


def _own_home_raided(sent: Span) -> bool:
    """Whether attackers assail one state man's own home and no fight is told: the home the object of a raiding
    verb ("a gendarme's house was attacked") or the place of the attack ("at a policeman's house"), no other soldier
    or policeman in the sentence (those killed or guarding are a force that fought) and no clash."""
    if any(t.lemma_.lower() in _FIGHTING for t in sent):
        return False
    for home in sent:
        owner = next((c for c in home.children if c.dep_ == "poss" and c.lower_ in _STATE_MEN
                      and c.tag_ == "NN"), None) if home.lower_ in _OFF_DUTY else None
        if owner is None or not _raided(home):
            continue
        return not any(t.lower_ in _STATE_MEN for t in sent if t.i != owner.i)
    return False


def _raided(home: Token) -> bool:
    """Whether a home is what attackers assailed ("a trooper's residence was raided", "broke into") or where ("at")."""
    head = home.head
    if home.dep_ == "pobj":
        return head.lower_ == "at" or (head.lower_ == "into" and head.head.lemma_.lower() in _HOME_RAIDS)
    return home.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _HOME_RAIDS


def _typed(event: Event, event_type: str, sub_event_type: str) -> Event:
    cameo, plover = codes().get(sub_event_type, (None, None))
    return replace(event, event_type=event_type, sub_event_type=sub_event_type, cameo=cameo, plover=plover)
