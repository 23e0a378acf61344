"""Who did what to whom in one sentence: actor1, actor2, associates and the sources quoted.

The dependency parse decides: a mention on the subject or agent side of the event's trigger (or of
the verb that governs it) is actor1; on the object, passive-subject or target side ("strikes on IS")
is actor2. "<X>-backed" modifiers and "backed by X" make X an associate of the side it backs; units
of a state's forces stand for that state, with the unit as associate. Monitors, news outlets and
people who are the subject of a reporting verb ("said the Syrian Observatory", "SANA reported") are
recorded as sources, not participants.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from graph.datafiles import read_words
from graph.extract.actors.lexicon import protest_words
from graph.extract.actors.table import ActorMention, ActorTable, inter_code, linked_target
from graph.extract.events.affiliation import named_for_unknown, names_its_men
from graph.extract.events.commenters import comments_on, trailing_source
from graph.extract.events.lexicon import REPORT_VERBS
from graph.extract.events.syntax import headline_passive, headline_verb
from graph.records import Event

__all__ = ["Roles", "assign_roles", "swapped"]

_SUBJECT = {"nsubj", "csubj", "agent", "poss"}
_OBJECT = {"dobj", "nsubjpass", "iobj", "attr", "oprd", "pobj"}
_TARGET_PREPS = {"on", "against", "at", "upon", "targeting", "into", "of", "from", "with", "to"}
_STRONG_TARGET_PREPS = {"on", "against", "targeting", "upon"}
_SUPPORT_LEMMAS = {"back", "support", "assist", "aid", "help", "arm", "fund"}
# verbs whose "on" names who did a deed, not its target: "an attack blamed on X", "the killings were pinned on X"
_BLAMING = frozenset(["blame", "pin"])
_NEVER_PARTICIPANT = {"monitor", "media"}
_TRAILING_CLAUSES = frozenset(["advcl", "xcomp", "conj"])
# verbs whose subject is who died, not who killed: "a rebel commander died in an air strike"
_DYING = frozenset(["die", "perish", "succumb"])
_MODIFIERS = frozenset(["compound", "poss", "amod", "nmod"])
_HARM_VERBS = read_words("actors", "harm_verbs.txt")
# Verbs that lay a deed on their object ("X accused Y of shelling the town"): the object did what follows, the
# subject only says so
_ACCUSING = read_words("events", "accusing_verbs.txt")


@dataclass(frozen=True)
class Roles:
    """The participants of one event, by actor id."""

    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    reported_by: tuple[str, ...] = ()


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _is_reporter(token: Token) -> bool:
    """True when the token is the subject (or "according to" object) of a reporting verb."""
    node = _first_conjunct(token)
    for step in _ancestors(node)[:6]:
        head = step.head
        if step.dep_ == "nsubj" and _claims_own_deed(head):
            return False  # "ISWAP says it has killed 9 troops": the claimant is the doer
        if step.dep_ == "nsubjpass" and any(c.dep_ in {"xcomp", "oprd"} for c in head.children):
            return False  # "The army is reported to have taken the town", "two soldiers were reported killed"
        if step.dep_ in {"nsubj", "nsubjpass"} and head.lemma_.lower() in REPORT_VERBS:
            # "Israeli air strikes killed 20 ..., officials said" parsed with two subjects of "said":
            # the one nearest the verb is the source
            subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            return step == min(subjects, key=lambda c: abs(c.i - head.i))
        if step.dep_ in {"dobj", "dative"} and head.lemma_.lower() == "tell":
            return True  # "told The New Arab": the outlet that carries the quote
        if step.dep_ == "nsubj" and head.lemma_.lower() in _ACCUSING:
            return True  # "the rebels accused the army of ...": who accuses is a source, not a party
        if step.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return True
        if step.dep_ not in {"compound", "amod", "appos", "poss", "nmod", "conj", "det", "case", "pobj", "prep"}:
            break
    return False


_SELF = frozenset(["it", "they", "we"])


def _claims_own_deed(verb: Token) -> bool:
    """"X claims/says it killed ...": a claim whose clause has X itself (a pronoun) as the doer."""
    if verb.lemma_.lower() not in {"claim", "say", "announce", "admit"}:
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return any(g.dep_ == "nsubj" and g.lower_ in _SELF for c in clauses for g in c.children)


def _side(token: Token, trigger_chain: list[Token] | None) -> str | None:
    """Return "agent", "patient", "support" or None for the mention headed by ``token``, read against the trigger
    whose :func:`_ancestors` are ``trigger_chain`` (read once for all the mentions; None: no trigger)."""
    node = _first_conjunct(token)
    chain = _ancestors(node)
    trigger_chain = trigger_chain if trigger_chain is not None else [chain[-1]]
    common = next((t for t in chain if t in trigger_chain), chain[-1])
    below = chain[: chain.index(common)]
    for step in below:
        side = _side_by_preposition(step) if step.dep_ == "pobj" else None
        if side:
            return side
    if not below:
        return None
    last = below[-1]
    if len(below) > 1 and _harmed_by_participle(below[-2], last):
        return "patient"  # "jets struck a village, killing four children": the children
    if last.dep_ in _SUBJECT or _raised(last, common):
        return "agent"
    if last.dep_ in _OBJECT:
        return "patient"
    if last.dep_ == "prep" and last.lower_ in _TARGET_PREPS:
        return "patient"
    if last.dep_ in {"compound", "amod", "nmod"} and (common.dep_ in _SUBJECT or headline_verb(common)):
        return "agent"  # "Rebel fighters attack Kodok": the compounds of a headline verb did it
    if last.dep_ in {"compound", "amod", "nmod"} and common.dep_ in _OBJECT:
        return "patient"
    return None


def _side_by_preposition(pobj: Token) -> str | None:
    """The side a preposition gives its object: "backed by X" support, "blamed on X" and "by X" the agent, "strikes
    on X" the patient."""
    prep, word = pobj.head.lower_, pobj.head.head.lemma_.lower()
    if prep == "by":
        return "support" if word in _SUPPORT_LEMMAS else "agent"
    if prep == "on" and word in _BLAMING:
        return "agent"
    return "patient" if prep in _STRONG_TARGET_PREPS else None  # "strikes on IS", "an offensive against the Taliban"


def _mention_side(head: Token, trigger_chain: list[Token] | None) -> str | None:
    """The side of the mention headed by ``head``: a bare count's victims, an accused doer, else by :func:`_side`."""
    if _counted_dead(head) or _died(head) or (head.dep_ == "nsubj" and headline_passive(head.head)):
        return "patient"  # "at least two killed", "a commander died in an air strike", "Teacher killed in X"
    node = _first_conjunct(head)
    if node.dep_ == "dobj" and node.head.lemma_.lower() in _ACCUSING and node.head in (trigger_chain or ()):
        return "agent"  # "accused the army of shelling the town": the accused is the doer of the deed
    return _side(head, trigger_chain)


def _harmed_by_participle(step: Token, verb: Token) -> bool:
    """Whether a mention is the object of a participle of harm that trails the trigger's clause ("..., killing four
    children", "..., wounding six traders"), whom the trigger's doer hurt, unlike the object of another participle
    ("while pursuing al-Shabaab")."""
    return step.dep_ == "dobj" and verb.dep_ in _TRAILING_CLAUSES and verb.tag_ == "VBG" \
        and verb.lemma_.lower() in _HARM_VERBS


def _raised(subject: Token, verb: Token) -> bool:
    """"X is reported (said, believed) to have taken ...": the passive subject of a verb with an active
    infinitive is the subject of the infinitive, the doer of what is reported."""
    return subject.dep_ == "nsubjpass" and any(
        c.dep_ == "xcomp" and {"TO"} <= {g.tag_ for g in c.children} and "auxpass" not in {g.dep_ for g in c.children}
        for c in verb.children)  # not "were reported killed", "are said to have been killed"


def _protested_against(token: Token) -> bool:
    """Whether the mention is (in) what a protest is held against ("a march against French strikes on a
    rebel camp")."""
    for step in _ancestors(token)[:6]:
        head = step.head
        if step.dep_ == "pobj" and head.lower_ == "against" and head.head.lemma_.lower() in protest_words():
            return True
        if step.dep_ not in {"compound", "amod", "nmod", "poss", "conj", "pobj", "prep"}:
            return False
    return False


def _died(token: Token) -> bool:
    """Whether the mention (or the noun it modifies) is the subject of a verb of dying, the dead and not who
    killed them: "a rebel commander died in an air strike"."""
    while token.dep_ in _MODIFIERS and token.head.i != token.i:
        token = token.head
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in _DYING


def _counted_dead(token: Token) -> bool:
    """A bare count before a participle is its victims, not its agent: "at least two killed"."""
    return (token.like_num or token.lower_ == "several") and token.dep_ == "nsubj" and token.head.tag_ == "VBN"


def _reference(trigger: Token | None, table: ActorTable) -> Token | None:
    """The token roles are read against: the trigger, or its head when an actor names the trigger
    ("Russian warplanes carried out strikes": the trigger "warplanes" is the actor)."""
    if trigger is not None and table.at(trigger.i) is not None and trigger.head.i != trigger.i:
        # "Israeli air strikes killed 20 ..., officials said", parsed as strikes <-acl- killed:
        # a participle with an object is really the verb the actor is the subject of
        verb = next((c for c in trigger.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN")
                     and any(g.dep_ == "dobj" for g in c.children)), None)
        return verb or trigger.head
    return trigger


def assign_roles(sent: Span, trigger: Token | None, table: ActorTable, event_type: str | None = None,
                 sub_event_type: str | None = None) -> Roles:
    """Return the participants and sources of the event a sentence reports.

    ``event_type`` (ACLED's) rules out parties the type cannot have: a battle is fought between armed
    parties, so the civilians its sentence names ("10,000 prisoners") are not its actors. A government acts
    through its forces except in an agreement, an arrest and ``sub_event_type`` "Other" (ACLED's Government of X).
    """
    doc = sent.doc
    agents: list[str] = []
    patients: list[str] = []
    others: list[str] = []
    support: list[str] = []
    reporters: list[str] = []
    backing: list[tuple[str, str | None]] = []
    by_side: dict[str | None, list[str]] = {"agent": agents, "patient": patients, "support": support}
    reference = _reference(trigger, table)  # what each mention's side is read against, and its way to the root
    chain = _ancestors(reference) if reference is not None else None
    for mention in _without_members(doc, table, table.in_span(sent)):
        info = table.actors[mention.key]
        head = doc[mention.start : mention.end].root
        # "..., the World Food Programme (WFP) said", "The UN condemned the attack": voices, no parties
        if info.kind in _NEVER_PARTICIPANT or _is_reporter(head) or trailing_source(sent, mention.start, mention.end) \
                or comments_on(head, trigger):
            reporters.append(mention.key)
            continue
        if event_type == "Battles" and info.kind == "civilians":
            continue
        if event_type in _CROWD_EVENTS and _protested_against(head):
            continue  # "a march against French strikes": what a crowd protests against is its target, no party
        if mention.link and not names_its_men(doc, table, mention):
            if mention.link in {"backed", "supported", "funded", "armed", "sponsored"}:
                backing.append((mention.key, linked_target(doc, table, mention)))
            continue
        side = _mention_side(head, chain)
        by_side.get(side, others).append(mention.key)
    for key, target in backing:  # "<X>-backed Y": X is an associate of Y's side
        (patients if target is not None and target in patients else support).append(key)
    unmasked = named_for_unknown(sent, table)  # "gunmen from al-Shabaab": al-Shabaab, not unidentified gunmen
    if unmasked:
        agents, patients, others = ([*dict.fromkeys(unmasked.get(k, k) for k in keys)]
                                     for keys in (agents, patients, others))
    if event_type in _CROWD_EVENTS:
        agents, patients, others, support = _crowd_first(table, agents, patients, others, support)
    elif event_type == "Battles" and not patients and trigger is not None and trigger.lemma_.lower() in _MUTUAL:
        agents, patients = _each_other(table, agents)
    stands_for = {unit: state for unit, state in table.unit_states.items()
                  if sub_event_type not in _GOVERNMENT_ACTS or table.actors[unit].kind != "government"}
    roles = _assemble(table, stands_for, agents, patients, others, support)
    sources = [table.name(k) for k in reporters]
    parties = {roles.actor1, roles.actor2}
    roles = replace(roles, reported_by=tuple(dict.fromkeys(n for n in sources if n not in parties)))
    if event_type in _HARM_EVENTS and roles.actor2 is None and _is_civilians(table, roles.actor1):
        roles = swapped(roles)  # "a bomb hit a minibus, killing 12": the dead are the victims, not the doers
    return _state_first(roles, table, sub_event_type) if event_type in _ARMED_EVENTS else roles


_ARMED_EVENTS = frozenset(["Battles", "Explosions/Remote violence"])
_AIR_STRIKE = "Air/drone strike"
# what a government does itself, not through its military forces: arrests it makes through its police (events.parties)
_GOVERNMENT_ACTS = frozenset(["Agreement", "Other", "Arrests"])
_HARM_EVENTS = frozenset(["Explosions/Remote violence", "Violence against civilians"])


def _without_members(doc: Doc, table: ActorTable, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """The mentions but the persons named in apposition to a noun that another party modifies ("troops shot a rebel
    commander, <Name>"; "a police sergeant, <Name>, fired"): the party's member, on its side, is no party apart."""
    heads = [(doc[m.start : m.end].root, table.actors[m.key].kind) for m in mentions]
    modified = {head.head.i for head, kind in heads if kind != "person" and head.dep_ in _MODIFIERS}
    return [m for m, (head, kind) in zip(mentions, heads, strict=True)
            if not (kind == "person" and head.dep_ == "appos" and head.head.i in modified)]


def _is_civilians(table: ActorTable, name: str | None) -> bool:
    """Whether an actor name is ACLED's Civilians (X) (not protesters or rioters)."""
    return name is not None and name.startswith("Civilians") and any(
        info.name == name and info.kind == "civilians" for info in table.actors.values())


_Sided = TypeVar("_Sided", Roles, Event)


def swapped(record: _Sided) -> _Sided:
    """The roles or event with its two sides exchanged: actor1 and its associates become actor2 and theirs."""
    return replace(record, actor1=record.actor2, actor2=record.actor1, assoc_actor_1=record.assoc_actor_2,
                   assoc_actor_2=record.assoc_actor_1)


def _order(info) -> int:
    """An actor's rank in ACLED's order of parties: its interaction code, with a multinational force
    (AMISOM, MINUSCA; code 8) ranked with the state forces, whom ACLED also lists first."""
    return 1 if info.kind == "state_forces" else inter_code(info)


def _state_first(roles: Roles, table: ActorTable, sub_event_type: str | None = None) -> Roles:
    """In battles and remote violence ACLED lists the parties by interaction code, state forces first
    ("a bomb wounded a soldier": the soldier's state is actor1), whoever attacked."""
    codes = {info.name: _order(info) for info in table.actors.values()}
    first, second = codes.get(roles.actor1 or "", 9), codes.get(roles.actor2 or "", 9)
    if roles.actor1 is None:  # "a bomb wounded a soldier": an armed party, not the victims, comes first; a rebel
        # group an air strike hit ("an air strike killed an IS commander") stays its target, the air force unnamed
        return swapped(roles) if second == 1 or (second <= 4 and sub_event_type != _AIR_STRIKE) else roles
    return roles if roles.actor2 is None or second >= first else swapped(roles)


_CROWD_EVENTS = frozenset(["Protests", "Riots"])
# verbs whose subjects act on each other: "A and B fought" has A and B on opposite sides
_MUTUAL = frozenset(["fight", "clash", "battle", "skirmish"])


def _each_other(table: ActorTable, agents: list[str]) -> tuple[list[str], list[str]]:
    """The two sides of "A and B fought": the first subject, and the first other one as its opponent, unless
    both are state forces (a state's units fighting side by side)."""
    other = next((k for k in agents if k != agents[0]), None) if agents else None
    if other is None or {table.actors[k].kind for k in (agents[0], other)} == {"state_forces"}:
        return agents, []
    return [k for k in agents if k != other], [other]


def _crowd_first(table: ActorTable, agents, patients, others, support):
    """A protest's or riot's actor1 is its crowd (ACLED's Protesters/Rioters), even when the police act on
    it; a party, union or person who leads or joins it stands beside the crowd, the state forces are actor2.
    With no force there, the civilians the crowd acts on are actor2 ("a mob beat a man": Civilians (X))."""
    everyone = list(dict.fromkeys(agents + patients + others))
    crowds = [k for k in everyone if table.actors[k].kind == "civilians"
              and table.actors[k].name.startswith(("Protesters", "Rioters"))]
    if not crowds:
        return agents, patients, others, support
    state = [k for k in everyone if table.actors[k].kind == "state_forces"]
    victims = [k for k in patients if k not in crowds and table.actors[k].kind == "civilians"
               and table.actors[k].name.startswith("Civilians")]
    rest = [k for k in everyone if k not in crowds and k not in state  # the government a crowd protests against
            and table.actors[k].kind not in {"civilians", "government"}]  # is its target, no party
    return crowds[:1], state or victims[:1], [], support + rest


def _assemble(table, stands_for: dict[str, str], agents, patients, others, support) -> Roles:
    """The roles of the mentions on each side, units and governments in the place of the state forces they stand for
    (beside them); reporters are added by the caller."""
    sides: list[list[str]] = [[], []]
    assoc: list[list[str]] = [[], []]
    for index, keys in ((0, agents), (1, patients)):
        for key in keys:
            state = stands_for.get(key)
            if state:
                sides[index].append(state)
                assoc[index].append(key)
            else:
                sides[index].append(key)
    for key in others:
        target = 0 if not sides[0] else 1 if not sides[1] else None
        if target is not None and key not in sides[0] + sides[1]:
            state = stands_for.get(key)
            sides[target].append(state or key)
            if state:
                assoc[target].append(key)
    if not sides[0] and len(sides[1]) > 1 and not _one_state_side(table, sides[1]):
        sides[0].append(sides[1].pop(0))  # "two soldiers and three militants were killed": one of each side
    sides = [_state_leads(table, side) for side in sides]
    actor1 = sides[0][0] if sides[0] else None
    actor2 = next((k for k in sides[1] if k != actor1), None)
    assoc1 = [k for k in sides[0][1:] + assoc[0] + support if k not in {actor1, actor2}]
    assoc2 = [k for k in sides[1] + assoc[1] if k not in {actor1, actor2}]
    names = table.name
    return Roles(
        actor1=names(actor1) if actor1 else None,
        actor2=names(actor2) if actor2 else None,
        assoc_actor_1=tuple(dict.fromkeys(names(k) for k in assoc1)),
        assoc_actor_2=tuple(dict.fromkeys(names(k) for k in assoc2 if k not in assoc1)),
    )


def _state_leads(table: ActorTable, side: list[str]) -> list[str]:
    """A state's forces and the militias fighting beside them ("two vigilantes and a policeman were shot dead"):
    ACLED codes the state's forces as the party, the pro-government militias as their associates. Communal militias
    and armed groups on one side stay in the text's order."""
    if not _one_state_side(table, side):
        return side
    return sorted(side, key=lambda key: table.actors[key].kind != "state_forces")


def _one_state_side(table: ActorTable, side: list[str]) -> bool:
    """Whether the actors are one side: a state's forces and the pro-government militias beside them ("two soldiers
    and three vigilantes were killed" tells one side's dead, not the two sides of a fight)."""
    infos = [table.actors[key] for key in side]
    return any(info.kind == "state_forces" for info in infos) and all(
        info.kind == "state_forces" or (info.kind == "militia" and inter_code(info) == 3) for info in infos)


def mention_head(doc, mention: ActorMention) -> Token:
    """Return the syntactic head token of a mention."""
    return doc[mention.start : mention.end].root
