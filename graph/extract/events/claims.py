"""Claims and suspicions name the doer of the incident told just before them.

"A bomb exploded near the market, killing four. Al-Shabaab claimed responsibility." tells one event,
whose attacker the second sentence names; so do "X are the suspected perpetrators", "suspicion
falls on X", "X are believed to be responsible", a bare "X suspected.", a passive whose "by" names the
doer ("the attack was claimed by X", "carried out by X"), a claim verb whose object is an incident ("X claimed the
attack", "X claimed the raids"), "attributed (the attack) to X" and a sentence that says who
the unnamed doers were ("the attackers were X fighters", "the assailants belonged to X"). Such a sentence gives no
event of its own: its named armed group becomes the doer of the violent event before it (a denial
names no one).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from graph.datafiles import read_words
from graph.extract.actors import ActorTable
from graph.extract.actors.resolve import UNIDENTIFIED_GROUP
from graph.extract.events.incident_words import announces_another
from graph.records import Event

__all__ = ["claimant", "with_doer", "CLAIMED_EVENTS", "INCIDENT_NOUNS"]

# The events a claim or a suspicion can name the doer of: violence someone did.
CLAIMED_EVENTS = frozenset(["Battles", "Explosions/Remote violence", "Violence against civilians"])

# Words that attribute an incident to someone; "claim" only with what is claimed ("claimed responsibility").
_ATTRIBUTING = frozenset(["suspect", "suspected", "suspicion", "perpetrator", "perpetrators", "responsible",
                          "responsibility", "blame", "credit"])
# the incidents a group claims by name ("X claimed the attack", "X claimed the raids")
INCIDENT_NOUNS = read_words("events", "claim_incidents.txt")
_DONE_BY = frozenset(["claim", "carry", "plant", "perpetrate", "stage", "commit", "orchestrate", "execute", "conduct",
                      "mount", "launch"])
_DENIALS = frozenset(["deny", "reject", "not", "no", "never"])
_DOER_KINDS = frozenset(["armed_group", "militia"])
_MODIFIERS = frozenset(["compound", "amod", "nmod", "poss"])
_ARMED_EVENTS = frozenset(["Battles", "Explosions/Remote violence"])
_STATE_KINDS = frozenset(["state_forces"])
# people tied to a group without being it: "carried out by allies of X" names the allies, not X ("members of X"
# and "fighters of X" are X's own, so they are not here)
_ASSOCIATES = frozenset(["ally", "allies", "supporter", "rival", "sympathiser", "sympathizer", "enemy", "opponent",
                         "defector"])
_NAME_DEPS = frozenset(["compound", "amod", "nmod", "appos", "conj", "cc"])
# the unnamed doers of an incident, whom a later sentence may say who they are: "the attackers were X fighters"
_UNNAMED_DOERS = read_words("events", "unnamed_doer_nouns.txt")
_IDENTITY_VERBS = frozenset(["be", "belong"])
# words under which who the doers were stays open: "it was unclear whether the attackers were X", "denied that ..."
_OPEN_MARKS = frozenset(["whether", "if"])
_DOUBTING = frozenset(["unclear", "unknown", "uncertain", "deny", "doubt", "question", "wonder", "investigate"])


def claimant(sent: Span, table: ActorTable) -> str | None:
    """The armed group a sentence claims or suspects of an incident, or None when it attributes nothing
    (or denies: "No group has claimed the attack" names no doer, "but suspicion falls on X" does)."""
    another = announces_another(sent.text)  # "in a second attack carried out by X": X did another incident
    words = [t for t in sent if t.lower_ in _ATTRIBUTING or t.lemma_.lower() in _ATTRIBUTING
             or (_done_by(t) and not another)]
    targets = [] if another else [to for t in sent for to in (*_attributed_to(t), *_identified_as(t), *_claimer(t))]
    if not (words or targets):
        return None
    # "X attributed the killings to Y": only Y, under "to", is named as the doer; X only speaks
    under = None if words else {w.i for to in targets for w in to.subtree}
    named = []
    for mention in table.in_span(sent):
        info = table.actors[mention.key]
        head = sent.doc[mention.start : mention.end].root
        if under is not None and head.i not in under:
            continue
        if info.kind in _DOER_KINDS and mention.link is None and not _denied(head) and not _associated(head):
            named.append((head.dep_ in _MODIFIERS, info.name))
    # "Islamic State affiliate 'State of Sinai' claimed": the name that modifies another is not the claimant
    return min(named)[1] if named else None


def _done_by(token) -> bool:
    """A passive participle of doing whose "by" names the doer: "the attack was claimed by X", "the bomb is believed
    to have been planted by X", "the killing was carried out by X"."""
    return token.tag_ == "VBN" and token.lemma_.lower() in _DONE_BY and any(c.dep_ == "agent" for c in token.children)


def _claimer(token: Token) -> list[Token]:
    """The subject of a claim verb whose object is an incident, which names the doer: "X claimed the attacks", "X
    has claimed Sunday's raid" (not the other names of the sentence: "X claimed the attack on Y's base")."""
    if token.lemma_.lower() != "claim" or not any(c.dep_ == "dobj" and c.lemma_.lower() in INCIDENT_NOUNS
                                                   for c in token.children):
        return []
    return [c for c in token.children if c.dep_ == "nsubj"]


def _attributed_to(token: Token) -> list[Token]:
    """The "to" of "attribute", which names the doer: "officials attributed the attack to X", "the bombing was
    attributed to X"."""
    if token.lemma_.lower() != "attribute":
        return []
    return [c for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]


def _identified_as(token: Token) -> list[Token]:
    """What the unnamed doers are said to be, which names them: the "X fighters" of "the attackers were X fighters"
    and the "to X" of "the assailants belonged to X"."""
    lemma = token.lemma_.lower()
    if lemma not in _IDENTITY_VERBS or not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _UNNAMED_DOERS
                                               for c in token.children) or _left_open(token):
        return []
    if lemma == "be":
        return [c for c in token.children if c.dep_ == "attr"]
    return [c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"]


def _left_open(verb: Token) -> bool:
    """Whether the sentence leaves who the doers were open: the verb under "whether"/"if", under a word of doubt
    ("unclear", "denied", "did not know") or offering another ("X or bandits")."""
    if any(c.dep_ == "mark" and c.lower_ in _OPEN_MARKS for c in verb.children):
        return True
    if any(c.dep_ == "cc" and c.lower_ == "or" for t in verb.subtree for c in t.children):
        return True
    for above in verb.ancestors:
        if above.lemma_.lower() in _DOUBTING or (above.lemma_.lower() == "know" and _denied(above)):
            return True
    return False


def _associated(head) -> bool:
    """Whether the name stands after "allies/supporters/rivals of", so that the doer is another group than it."""
    node = head
    for _ in range(4):  # "rivals of the JNIM fighters in the north": up from the name to its noun phrase's head
        if node.dep_ not in _NAME_DEPS or node.head.i == node.i:
            break
        node = node.head
    prep = node.head
    return node.dep_ == "pobj" and prep.lower_ == "of" and (
        prep.head.lower_ in _ASSOCIATES or prep.head.lemma_.lower() in _ASSOCIATES)


def _denied(head) -> bool:
    """Whether the clause the name stands in denies (its verb negated, or a denial verb)."""
    verb = head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.lemma_.lower() in _DENIALS or any(c.dep_ == "neg" for c in verb.children)


def with_doer(event: Event, doer: str, kinds: dict[str, str]) -> Event:
    """The event with ``doer`` as its attacker: in place of an unidentified armed group, in an empty slot or
    in place of civilians wrongly read as a party of a battle or bombing whose other side is the state's,
    else in actor1 when it is empty."""
    if doer in (event.actor1, event.actor2):
        return event
    unknown = [i for i, name in enumerate((event.actor1, event.actor2)) if (name or "").startswith(UNIDENTIFIED_GROUP)]
    if unknown:  # "Gunmen killed a teacher. JNIM is suspected.": the gunmen were JNIM's
        return replace(event, actor1=doer) if unknown[0] == 0 else replace(event, actor2=doer)
    slots = [event.actor1, event.actor2]
    if event.event_type in _ARMED_EVENTS:
        for i, other in ((0, 1), (1, 0)):
            free = slots[i] is None or kinds.get(slots[i] or "") == "civilians"
            if free and kinds.get(slots[other] or "") in _STATE_KINDS:
                slots[i] = doer
                return replace(event, actor1=slots[0], actor2=slots[1])
    if slots[0] is None:
        return replace(event, actor1=doer)
    if slots[1] is None and kinds.get(slots[0]) not in _DOER_KINDS:
        return replace(event, actor1=doer, actor2=slots[0], assoc_actor_1=event.assoc_actor_2,
                       assoc_actor_2=event.assoc_actor_1)
    return event
