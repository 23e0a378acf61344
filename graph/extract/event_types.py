"""Types a sentence with the ACLED codebook: event type, sub-event type, CAMEO root, PLOVER type.

The vocabulary lives in ``graph/data/events/`` (taxonomy, trigger lexicon, CAMEO/PLOVER map);
this module finds the cues of a parsed sentence by lemma, drops negated or hypothetical ones
using the dependency parse, and applies ACLED's hierarchy rule to the cues that remain:

1. claims of responsibility give "Other"; disasters, crime, trials and diplomacy give nothing;
2. sexual violence, chemical weapons and suicide bombs outrank everything else;
3. then, main clause before background (relative clauses, "after the clashes"), in this order:
   disrupted weapons use; the protest/riot ladder (mob > violent demonstrators > lethal force >
   intervention > peaceful); territory (who took it from whom, with or without a fight);
   agreements; air/drone strikes, shelling, grenades, IEDs; abductions; armed clashes;
   attacks on civilians (read from the victims); arrests; looting; bases; changes to groups.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

__all__ = ["EventTyping", "Cue", "classify_sentence", "find_cues", "taxonomy", "SUB_EVENT_TYPES"]

DATA = Path(__file__).resolve().parent.parent / "data" / "events"

# Governing words that make an event reported in their scope unreal (planned, feared, denied).
_HYPOTHETICAL_HEADS = frozenset(
    (
        "threaten", "plan", "vow", "warn", "fear", "intend", "seek", "aim", "urge", "demand", "call", "deny",
        "avoid", "pledge", "promise", "prepare", "consider", "propose", "expect", "want", "hope", "risk",
        "anticipation", "anticipate", "ahead", "allege", "suspect", "charge", "discuss", "negotiate", "suspend", "halt",
        "postpone", "cancel", "stop",
    )
)
_MODALS = frozenset(["could", "would", "might", "may", "should", "will", "shall", "must"])


@dataclass(frozen=True)
class EventTyping:
    """One ACLED reading of a sentence, best readings first in :func:`classify_sentence`."""

    event_type: str
    sub_event_type: str
    confidence: float
    trigger: Token | None = None
    cameo: str | None = None
    plover: str | None = None


@dataclass(frozen=True)
class Cue:
    """A lexicon phrase found in a sentence: its cue class and tokens."""

    cue: str
    start: int  # token index in the doc
    end: int
    head: Token  # syntactic head of the matched tokens
    negated: bool = False
    hypothetical: bool = False

    @property
    def real(self) -> bool:
        """True when the cue is asserted (neither negated nor hypothetical)."""
        return not (self.negated or self.hypothetical)


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def taxonomy() -> dict[str, str]:
    """Return the ACLED codebook's sub-event types mapped to their event types."""
    return {r["sub_event_type"]: r["event_type"] for r in _rows("acled_taxonomy.tsv")}


SUB_EVENT_TYPES = tuple(taxonomy())


@cache
def _codes() -> dict[str, tuple[str | None, str | None]]:
    return {r["sub_event_type"]: (r["cameo_root"] or None, r["plover"] or None) for r in _rows("cameo_plover.tsv")}


def _forms(token: Token) -> set[str]:
    """Lemma, lower-case text, and a plural stripped of its "s" (capitalised plurals are often left unlemmatised)."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
        forms.add(lower[:-1])
    return forms


@dataclass(frozen=True)
class _Word:
    form: str
    pos: str | None  # required coarse part of speech, if any
    exact: bool  # match the token's text case-sensitively ("IS", not "is")

    def matches(self, token: Token, forms: set[str]) -> bool:
        if self.pos is not None and token.pos_ != self.pos:
            return False
        if self.exact:
            return token.text == self.form
        return self.form in forms


@cache
def _lexicon() -> dict[str, list[tuple[tuple[_Word, ...], str]]]:
    """Phrases indexed by their first word (lower case): first word -> [(words, cue)], longest first."""
    index: dict[str, list[tuple[tuple[_Word, ...], str]]] = {}
    for row in _rows("triggers.tsv"):
        words = []
        for raw in row["phrase"].replace("-", " - ").split():
            form, _, pos = raw.partition("/")
            exact = form != form.lower()
            words.append(_Word(form if exact else form.lower(), pos or None, exact))
        if words:
            index.setdefault(words[0].form.lower(), []).append((tuple(words), row["cue"]))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def _span_head(tokens: list[Token]) -> Token:
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head == token:
            return token
    return tokens[-1]


def _clause_verb(token: Token) -> Token:
    """The verb (or root) that governs ``token``."""
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            return node
        node = node.head
    return node


def _negated(token: Token) -> bool:
    for node in (token, _clause_verb(token)):
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
    return False


def _hypothetical(token: Token) -> bool:
    verb = _clause_verb(token)
    node = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in node.children):
            return True
        if node.head == node or node.dep_ not in ("xcomp", "advcl", "conj", "ccomp"):
            break
        node = _clause_verb(node.head)
    node = token
    for _ in range(5):
        if node.head == node:
            break
        if node.head.lemma_.lower() in _HYPOTHETICAL_HEADS and node.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep"):
            return True
        node = node.head
    return False


# Named entities whose words are names, not actions ("Oromo Liberation Army", "the March 2018 attack").
_NAME_LABELS = frozenset(["ORG", "PERSON", "WORK_OF_ART", "LAW", "EVENT", "FAC", "DATE", "TIME", "PRODUCT", "GPE"])


def _in_name(token: Token) -> bool:
    """True for a word of a proper name or a date ("Liberation" in a group's name, "March" the month)."""
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    return token.ent_type_ in _NAME_LABELS and token.pos_ == "PROPN"


def find_cues(sent: Span) -> list[Cue]:
    """Return the lexicon cues of a sentence, with negation and hypothetical flags from the parse."""
    lexicon = _lexicon()
    tokens = list(sent)
    forms = [_forms(t) for t in tokens]
    found: list[Cue] = []
    for k in range(len(tokens)):
        for form in forms[k]:
            for words, cue in lexicon.get(form, ()):
                n = len(words)
                if k + n > len(tokens) or not all(w.matches(tokens[k + j], forms[k + j]) for j, w in enumerate(words)):
                    continue
                matched = tokens[k : k + n]
                if cue in _TYPED and all(_in_name(t) for t in matched):
                    continue
                head = _span_head(matched)
                if cue in _MODIFIERS:  # targets and actors are read as they stand
                    found.append(Cue(cue, matched[0].i, matched[-1].i + 1, head))
                else:
                    found.append(Cue(cue, matched[0].i, matched[-1].i + 1, head, _negated(head), _hypothetical(head)))
    return _drop_nested(found)


# Cue classes that describe who or what, never whether something happened.
_MODIFIERS = frozenset(["CIV", "MIL", "GOV", "ARMED", "PLACE", "WEAPON", "GROUP", "BASE"])


def _drop_nested(cues: list[Cue]) -> list[Cue]:
    """Drop typed cues that lie inside a longer typed cue ("stun grenade" hides "grenade")."""
    typed = [c for c in cues if c.cue in _TYPED]
    keep = []
    for c in cues:
        inside = any(
            o.start <= c.start
            and c.end <= o.end
            and (o.end - o.start) > (c.end - c.start)
            and o.cue != c.cue
            and (c.cue in _WEAPONS or c.cue in _DOMAINS or (c.cue in _TYPED and o.end - o.start >= 3))
            for o in typed
        )
        if not inside:
            keep.append(c)
    return sorted(set(keep), key=lambda c: (c.start, -c.end))


# Weapon words that a longer phrase re-reads: "stun grenade", "rocket-propelled grenade", "tear gas".
_WEAPONS = frozenset(["CHEM", "AIR", "AIR_WEAK", "STRIKE", "SHELL", "GRENADE", "IED", "IED_WEAK", "BLAST"])
_DOMAINS = frozenset(["CRIME", "DISASTER", "DIPLO", "ATTRIB", "JUSTICE"])
_TYPED = frozenset(
    (
        "CHEM", "SUICIDE", "AIR", "AIR_WEAK", "SHELL", "GRENADE", "IED", "BLAST", "SEX", "ABDUCT", "ARREST",
        "LOOT", "LOOT_WEAK", "IED_WEAK", "DISRUPT", "CLASH", "RETAKE", "CAPTURE", "WITHDRAW", "TRANSFER",
        "STRIKE", "AGREE", "AGREE_WEAK", "CHANGE", "PROTEST", "CROWDCTL", "INTERV", "FORCE", "VIOLENT", "MOB",
        "KILL", "ABDUCT_WEAK", "JOIN",
    )
)


_STATE_NOUNS = frozenset(["force", "forces", "troop", "troops", "soldier", "army", "military", "navy", "police"])


class _Cues:
    """The real cues of one sentence, grouped by class, with helpers the rules read."""

    def __init__(self, cues: Iterable[Cue]):
        self.all = list(cues)
        self._tokens: dict[str, set[int]] = {}
        self._state: set[int] | None = None
        self.by: dict[str, list[Cue]] = {}
        for c in self.all:
            if c.real:
                self.by.setdefault(c.cue, []).append(c)

    def has(self, *names: str) -> bool:
        return any(n in self.by for n in names)

    def first(self, *names: str) -> Cue | None:
        hits = [c for n in names for c in self.by.get(n, ())]
        return min(hits, key=lambda c: c.start) if hits else None

    def state(self) -> set[int]:
        """Tokens of state forces: GOV words, and force words with a nationality ("Iraqi forces", "Mali's army")."""
        if self._state is not None:
            return self._state
        out = set(self.tokens("GOV"))
        for cue in self.by.get("MIL", []):
            if cue.head.lemma_.lower() in _STATE_NOUNS and any(
                w.ent_type_ in ("NORP", "GPE") for w in cue.head.children if w.dep_ in ("amod", "compound", "poss")
            ):
                out |= set(range(cue.start, cue.end))
        self._state = out
        return out

    def tokens(self, name: str) -> set[int]:
        if name not in self._tokens:
            self._tokens[name] = {i for c in self.by.get(name, ()) for i in range(c.start, c.end)}
        return self._tokens[name]


def _linked(a: Token, b_tokens: set[int], steps: int = 3) -> bool:
    """True when a token of ``b_tokens`` is within a few dependency steps below or above ``a``."""
    if a.i in b_tokens:
        return True
    node = a
    for _ in range(steps):
        if node.head == node:
            break
        node = node.head
        if node.i in b_tokens:
            return True
    frontier = [a]
    for _ in range(steps):
        frontier = [c for t in frontier for c in t.children]
        if any(t.i in b_tokens for t in frontier):
            return True
    return False


def _targets(verb: Token) -> list[Token]:
    """The victims or objects of an action word: objects, passive subjects, 'on/against X'."""
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "at", "of", "into", "inside"):
            out.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "agent":
            continue
    for conj in [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]:
        out.extend(g for g in conj.children if g.dep_ in ("dobj", "nsubjpass"))  # "killed and wounded scores"
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        out.append(verb.head)
    if verb.pos_ == "NOUN":
        out.extend(c for c in verb.children if c.dep_ == "compound")
        if verb.dep_ in ("dobj", "nsubjpass", "nsubj"):
            for child in verb.head.children:
                if child.dep_ == "prep" and child.lower_ in ("on", "against"):
                    out.extend(g for g in child.children if g.dep_ == "pobj")
    for t in list(out):
        out.extend(c for c in t.children if c.dep_ in ("conj", "compound", "appos"))
        # "scores of terrorists", "dozens of civilians": the people counted
        of = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"]
        out.extend(g for c in of for g in c.children if g.dep_ == "pobj")
    return out


def _token_class(token: Token, c: _Cues) -> str | None:
    """'MIL' or 'CIV' for a target word, looking at the word and its modifiers."""
    words = [token, *[w for w in token.children if w.dep_ in ("compound", "amod", "nmod", "poss")]]
    ids = {w.i for w in words}
    if ids & c.tokens("MIL"):
        return "MIL"
    if ids & c.tokens("CIV"):
        return "CIV"
    return None


def _kill_reading(c: _Cues) -> tuple[str, Cue] | None:
    """Attack on civilians or armed clash, read from the victims of the violent words."""
    kills = c.by.get("KILL", [])
    if not kills:
        return None
    if not (c.has("ARMED", "MIL") or any(k.head.lemma_ in _GRAVE for k in kills)):
        return None
    for k in kills:
        for target in _targets(k.head):
            kind = _token_class(target, c)
            if kind == "MIL":
                return "Armed clash", k
            if kind == "CIV":
                return "Attack", k
    return "Attack", kills[0]


_GRAVE = frozenset(["massacre", "behead", "decapitate", "assassinate", "execute", "slaughter"])


def _protest_reading(c: _Cues) -> tuple[str, Cue] | None:
    """ACLED's protest/riot hierarchy: violent demonstrators > lethal force > intervention > peaceful."""
    context = c.first("PROTEST") or (c.has("PWEAK") and c.first("CROWDCTL")) or None
    if context is None and c.has("CROWDCTL") and c.has("GOV"):
        context = c.first("CROWDCTL")
    if context is None:
        return None
    if _mob(c) is not None:
        return "Mob violence", _mob(c)
    protest_words = c.tokens("PROTEST") | c.tokens("PWEAK")
    for attack in c.by.get("KILL", []):
        victims = {t.i for t in _targets(attack.head)}
        doers = _agents(attack.head)
        if victims & protest_words and doers and not (doers & c.state()):
            return "Mob violence", attack  # a crowd or group, not the state, attacks the protest
    violent = c.first("VIOLENT")
    if violent is not None:
        return "Violent demonstration", violent
    force = c.first("FORCE")
    if force is not None:
        return "Excessive force against protesters", force
    interv = c.first("CROWDCTL", "INTERV", "ARREST") if c.state() else c.first("CROWDCTL", "ARREST")
    if interv is not None:
        return "Protest with intervention", interv
    return "Peaceful protest", context


def _agents(verb: Token) -> set[int]:
    """Token ids of the doer of ``verb`` (subject or by-agent, with modifiers), looking up through clauses."""
    node = verb
    for _ in range(4):
        doers = [c for c in node.children if c.dep_ == "nsubj"]
        doers += [g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if doers:
            return {t.i for d in doers for t in d.subtree}
        if node.head == node:
            break
        node = node.head
    return set()


def _territory_reading(c: _Cues) -> tuple[str, Cue] | None:
    place_tokens = c.tokens("PLACE")
    for cap in sorted(c.by.get("RETAKE", []) + c.by.get("CAPTURE", []), key=lambda x: x.start):
        if cap.head.dep_ == "amod":
            continue  # "rebel-held", "government-controlled": a description, not an event
        named = {
            t.i
            for child in cap.head.children
            if child.dep_ in ("dobj", "prep", "nsubjpass", "advmod", "npadvmod", "prt")
            for t in child.subtree
            if t.ent_type_ in ("GPE", "LOC", "FAC")
        }
        if not (_linked(cap.head, place_tokens | named, 2) or cap.end - cap.start > 1):
            continue
        doers = _agents(cap.head)
        if doers & c.state():
            return "Government regains territory", cap
        if doers & (c.tokens("ARMED") | c.tokens("MIL")) or cap.cue == "CAPTURE":
            return "Non-state actor overtakes territory", cap
        return "Government regains territory", cap
    return None


def _held(c: _Cues) -> Cue | None:
    """Hostages or captives taken or held ("took 30 hostages"), not a mere mention of them."""
    for cue in c.by.get("ABDUCT_WEAK", []):
        if cue.head.pos_ == "VERB" or cue.head.head.lemma_.lower() in _HOLD_VERBS:
            return cue
    return None


_HOLD_VERBS = frozenset(["take", "hold", "seize", "kidnap", "capture", "grab", "snatch", "keep", "abduct"])


def _joined_fighting(c: _Cues) -> Cue | None:
    """A group joining or taking part in the fighting: a change to its activity, not a battle."""
    fighting = c.tokens("CLASH")
    for join in c.by.get("JOIN", []):
        if join.head.pos_ == "VERB" and _linked(join.head, fighting, 3):
            return join
    return None


def _lost_ground(c: _Cues) -> tuple[str, Cue] | None:
    """"X lost territory/control": the other side gained it."""
    ground = c.tokens("PLACE")
    for lose in c.by.get("LOSE", []):
        objects = [t for t in lose.head.children if t.dep_ == "dobj"]
        if not any(t.i in ground or t.lemma_.lower() in ("territory", "ground", "control") for t in objects):
            continue
        losers = _agents(lose.head)
        if losers & c.state():
            return "Non-state actor overtakes territory", lose
        if losers & (c.tokens("ARMED") | c.tokens("MIL")):
            return "Government regains territory", lose
    return None


def _disrupted(c: _Cues) -> Cue | None:
    if c.has("DISRUPT"):
        return c.first("DISRUPT")
    weapons = c.tokens("WEAPON")
    for find in c.by.get("FIND", []):
        if _linked(find.head, weapons, 2):
            return find
    return None


def _hq(c: _Cues) -> Cue | None:
    bases = c.tokens("BASE")
    for setup in c.by.get("SETUP", []):
        if setup.head.pos_ == "VERB" and _linked(setup.head, bases, 2):
            return setup
    return None


def _new_group(c: _Cues) -> Cue | None:
    """A group set up or formed: "a new brigade was formed", "the militia set up a council"."""
    groups = c.tokens("GROUP")
    for setup in c.by.get("SETUP", []):
        made = [t for t in setup.head.children if t.dep_ in ("nsubjpass", "dobj")]
        if setup.head.pos_ == "VERB" and any({t.i, *(w.i for w in t.children)} & groups for t in made):
            return setup
    return None


def _depth(token: Token) -> int:
    depth = 0
    while token.head != token and depth < 40:
        token, depth = token.head, depth + 1
    return depth


def _background(token: Token) -> bool:
    """True inside a relative clause: background to the reported event ("where a truce had been declared")."""
    node = token
    for _ in range(8):
        if node.dep_ in BACKGROUND_DEPS:
            return True
        if node.dep_ == "pobj" and node.head.lower_ in _BACKGROUND_PREPS:
            return True  # "after the clashes", "following an attack"
        if node.head == node:
            return False
        node = node.head
    return False


BACKGROUND_DEPS = ("relcl",)
_BACKGROUND_PREPS = frozenset(["after", "following", "amid", "since", "before", "despite"])


def _off_topic(c: _Cues) -> bool:
    """Claims of responsibility, disasters, crime and diplomacy that report no conflict event."""
    fighting = c.has("SHELL", "SUICIDE", "GRENADE", "IED", "CLASH", "ARMED", "PROTEST", "CROWDCTL", "MOB")
    if c.has("DISASTER", "CRIME") and not fighting:
        return True
    lethal_state = c.has("MIL", "GOV") and c.has("KILL", "CLASH")
    if c.has("CRIME") and not (c.has("ARMED", "PROTEST", "MOB") or lethal_state):
        return True  # arrests and seizures in crime cases are police work, not conflict
        return True
    typed_heads = {cue.head.i for cue in c.all if cue.cue in _TYPED and cue.real}
    for d in [] if c.has("AGREE") else c.by.get("DIPLO", []) + c.by.get("JUSTICE", []):
        if d.head.i in typed_heads:
            continue  # "the army expelled the militants": an action word, not diplomacy
        depth = _depth(d.head)
        if depth == 0 or (depth == 1 and d.head.dep_ in ("ccomp", "dobj", "nsubj", "nsubjpass")):
            return True  # the sentence is about sanctions, expulsions, visits, talks or a trial
    return False


def _mob(c: _Cues) -> Cue | None:
    """A crowd, mob or vigilantes doing violence (they are its subject or agent), or a lynching."""
    mobs = c.tokens("MOB")
    for name in ("KILL", "VIOLENT", "LOOT", "CLASH"):
        for violent in c.by.get(name, []):
            if violent.head.pos_ == "VERB" and _agents(violent.head) & mobs:
                return violent
    for mob in c.by.get("MOB", []):
        if mob.head.pos_ == "VERB":  # "lynch"
            return mob
    return None


def _candidates(c: _Cues) -> list[tuple[int, str, float, Cue | None]]:
    """Every reading the cues support as (tier, sub-event type, confidence, trigger), in hierarchy order."""
    out: list[tuple[int, str, float, Cue | None]] = []
    armed = c.has("ARMED", "MIL", "GOV")

    def add(tier: int, sub: str, conf: float, cue: Cue | None) -> None:
        out.append((tier, sub, conf, cue))

    if c.has("SEX"):
        add(0, "Sexual violence", 0.8, c.first("SEX"))
    if c.has("CHEM"):
        add(0, "Chemical weapon", 0.85, c.first("CHEM"))
    if c.has("SUICIDE"):
        add(0, "Suicide bomb", 0.9, c.first("SUICIDE"))
    disrupted = _disrupted(c)
    if disrupted is not None:
        add(1, "Disrupted weapons use", 0.7, disrupted)
    protest = _protest_reading(c)
    if protest is not None:
        add(1, protest[0], 0.7, protest[1])
    mob = _mob(c)
    if mob is not None:
        add(1, "Mob violence", 0.6, mob)
    joined = _joined_fighting(c)
    if joined is not None:
        add(1, "Change to group/activity", 0.5, joined)
    territory = _territory_reading(c) or _lost_ground(c)
    peaceful = not c.has("CLASH", "KILL", "SHELL", "AIR", "IED", "BLAST")
    if territory is not None and (c.has("TRANSFER") or (c.has("WITHDRAW") and peaceful)):
        add(1, "Non-violent transfer of territory", 0.6, c.first("TRANSFER", "WITHDRAW"))
    elif territory is not None:
        add(1, territory[0], 0.7, territory[1])
    if c.has("TRANSFER") and armed:
        add(1, "Non-violent transfer of territory", 0.55, c.first("TRANSFER"))
    if c.has("AGREE") or (c.has("AGREE_WEAK") and armed):
        add(1, "Agreement", 0.6, c.first("AGREE", "AGREE_WEAK"))
    if c.has("AIR") or (c.has("AIR_WEAK") and c.has("KILL", "IED", "SHELL", "BLAST", "DEATH", "LOOT", "LOOT_WEAK")):
        add(1, "Air/drone strike", 0.8, c.first("AIR", "AIR_WEAK"))
    elif c.has("STRIKE") and (armed or c.has("KILL", "DEATH")) and not c.has("SHELL", "PROTEST", "PWEAK"):
        add(1, "Air/drone strike", 0.6, c.first("STRIKE"))
    if c.has("SHELL"):
        add(1, "Shelling/artillery/missile attack", 0.8, c.first("SHELL"))
    if c.has("GRENADE"):
        add(1, "Grenade", 0.8, c.first("GRENADE"))
    if c.has("IED") or (c.has("BLAST", "IED_WEAK") and armed):
        add(1, "Remote explosive/landmine/IED", 0.7, c.first("IED", "IED_WEAK", "BLAST"))
    abduct = c.first("ABDUCT") or _held(c)
    if abduct is not None:
        add(1, "Abduction/forced disappearance", 0.75, abduct)
    if c.has("CLASH") and armed:
        add(1, "Armed clash", 0.7, c.first("CLASH"))
    elif c.has("CLASH"):
        clash = c.first("CLASH")
        crowd = c.tokens("CIV") | c.tokens("PWEAK") | c.tokens("MOB")
        if clash.head.pos_ == "VERB" and _agents(clash.head) & crowd:
            add(1, "Mob violence", 0.45, clash)  # communal clashes between unarmed groups
        else:
            add(1, "Armed clash", 0.45, clash)  # fighting whose sides are not named
    kill = _kill_reading(c)
    if kill is not None:
        add(1, kill[0], 0.6, kill[1])
    if c.has("ARREST"):
        add(1, "Arrests", 0.7, c.first("ARREST"))
    if c.has("LOOT") or (c.has("LOOT_WEAK") and armed):
        add(1, "Looting/property destruction", 0.6, c.first("LOOT", "LOOT_WEAK"))
    hq = _hq(c)
    if hq is not None and armed:
        add(1, "Headquarters or base established", 0.6, hq)
    if c.has("WITHDRAW") and armed:
        # ACLED: a withdrawal is a transfer of territory only when someone takes the ground over
        taken = c.has("CAPTURE", "RETAKE")
        sub = "Non-violent transfer of territory" if taken else "Change to group/activity"
        add(1, sub, 0.5, c.first("WITHDRAW"))
    if c.has("CHANGE") and armed:
        add(1, "Change to group/activity", 0.4, c.first("CHANGE"))
    new_group = _new_group(c)
    if new_group is not None and armed:
        add(1, "Change to group/activity", 0.4, new_group)
    return out


def _decide(sent: Span, c: _Cues) -> list[tuple[str, float, Cue | None]]:
    """Apply the hierarchy: specific weapons first, then the reading told by the main clause."""
    if c.has("ATTRIB") and not c.has("PROTEST"):
        return [("Other", 0.4, c.first("ATTRIB"))]  # a claim of responsibility reports no new event
    if _off_topic(c):
        return []
    ranked = []
    for order, (tier, sub, conf, cue) in enumerate(_candidates(c)):
        background = cue is not None and _background(cue.head)
        ranked.append(((tier, background, order), sub, conf, cue))
    ranked.sort(key=lambda r: r[0])
    out: list[tuple[str, float, Cue | None]] = []
    for _, sub, conf, cue in ranked:
        if sub not in [o[0] for o in out]:
            out.append((sub, conf, cue))
    return out



def classify_sentence(sent: Span) -> list[EventTyping]:
    """Return the ACLED readings of a sentence, best first; empty when it reports no conflict event."""
    cues = _Cues(find_cues(sent))
    readings = []
    for rank, (sub, conf, cue) in enumerate(_decide(sent, cues)):
        cameo, plover = _codes().get(sub, (None, None))
        readings.append(
            EventTyping(
                event_type=taxonomy()[sub],
                sub_event_type=sub,
                confidence=round(conf * (0.8**rank), 3),
                trigger=cue.head if cue is not None else None,
                cameo=cameo,
                plover=plover,
            )
        )
    return readings
