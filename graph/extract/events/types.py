"""Types a sentence with the ACLED codebook: event type, sub-event type, CAMEO root, PLOVER type.

The vocabulary lives in ``graph/data/events/`` (taxonomy, trigger lexicon, CAMEO/PLOVER map) and is
loaded by :mod:`.lexicon`; :mod:`.cues` finds the cues of a parsed sentence by lemma and
drops negated or hypothetical ones; :mod:`.readings` reads families of cues (protests,
territory, killings, ...). This module applies ACLED's hierarchy rule to the readings that remain:

1. claims of responsibility give "Other"; disasters, crime, trials and diplomacy give nothing;
2. sexual violence, chemical weapons and suicide bombs outrank everything else;
3. then, main clause before background (relative clauses, "after the clashes"), in this order:
   disrupted weapons use; the protest/riot ladder (mob > violent demonstrators > lethal force >
   intervention > peaceful); territory (who took it from whom, with or without a fight);
   agreements; air/drone strikes, shelling, grenades, IEDs; abductions; armed clashes;
   attacks on civilians (read from the victims); arrests; looting; bases; changes to groups.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from graph.datafiles import read_words
from graph.extract.actors.lexicon import descriptors
from graph.extract.actors.resolve import STATE_CLASSES
from graph.extract.events import readings
from graph.extract.events.cues import Cue, SentenceCues, find_cues
from graph.extract.events.lexicon import NONVIOLENT_TRANSFER, SUB_EVENT_TYPES, TYPED, codes, taxonomy
from graph.extract.events.numbers import read_counts
from graph.extract.events.read_cues import cues_of
from graph.extract.events.seizures import seized_into_custody
from graph.extract.events.syntax import agents, describes_someone, in_background, tree_depth
from graph.extract.events.territory import (
    FIGHTING,
    calm_beside,
    lost_ground,
    taken_beside,
    territory_reading,
    unfought,
)

__all__ = ["EventTyping", "Cue", "classify_sentence", "find_cues", "reason_apart", "taxonomy", "SUB_EVENT_TYPES"]


@dataclass(frozen=True)
class EventTyping:
    """One ACLED reading of a sentence, best readings first in :func:`classify_sentence`."""

    event_type: str
    sub_event_type: str
    confidence: float
    trigger: Token | None = None
    cue: str | None = None  # the trigger's class in the lexicon ("CAPTURE", "SHELL", ...)
    cameo: str | None = None
    plover: str | None = None


def _off_topic(c: SentenceCues) -> bool:
    """Claims of responsibility, disasters, crime and diplomacy that report no conflict event."""
    fighting = c.has("SHELL", "SUICIDE", "GRENADE", "IED", "CLASH", "ARMED", "PROTEST", "CROWDCTL", "MOB")
    if c.has("DISASTER") and not fighting and not any(k.head.lemma_.lower() in _BY_PEOPLE for k in c.of("KILL")):
        return True
    if c.has("EMERGENCY") and not fighting and _disaster_told(c.of("EMERGENCY")[0].head):
        return True  # the powers of a disaster's state of emergency; one over unrest leaves its arrests events
    lethal_state = c.has("MIL", "GOV") and c.has("KILL", "CLASH")
    if c.has("CRIME") and not (c.has("ARMED", "PROTEST", "MOB") or lethal_state):
        return True  # arrests and seizures in crime cases are police work, not conflict
    typed_heads = {cue.head.i for cue in c.all if cue.cue in TYPED and cue.real}
    for d in [] if c.has("AGREE") else c.of("DIPLO") + c.of("JUSTICE"):
        if d.head.i in typed_heads:
            continue  # "the army expelled the militants": an action word, not diplomacy
        depth = tree_depth(d.head)
        if depth == 0 or (depth == 1 and d.head.dep_ in ("ccomp", "dobj", "nsubj", "nsubjpass")):
            return True  # the sentence is about sanctions, expulsions, visits, talks or a trial
    return False


# Killings only people do: a sentence telling one reports no disaster, whatever place or thing it names ("shot
# dead in the factory", "stabbed on a train").
_BY_PEOPLE = read_words("events", "by_people_verbs.txt")


# Nouns of a disaster that a state of emergency is declared over ("fires are burning", "after the floods").
_DISASTER_NOUNS = frozenset(["flood", "wildfire", "bushfire", "earthquake", "quake", "drought", "storm", "cyclone",
                             "hurricane", "typhoon", "tsunami", "landslide", "eruption", "epidemic", "outbreak"])


def _disaster_told(word: Token) -> bool:
    """Whether the sentence of ``word`` or the one before it names a disaster: a noun of one, or fires that burn
    (the subject "fires", not "opened fire")."""
    sent = word.sent
    start = word.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(t.lemma_.lower() in _DISASTER_NOUNS or (t.lemma_.lower() == "fire" and t.dep_ == "nsubj")
               for t in word.doc[start : sent.end])


# Rule confidences, reported with each event (they rank nothing: the hierarchy does). The scale:
#   0.9 a cue that names the sub-event outright ("suicide bomber"); 0.8-0.85 a word that belongs to one
#   sub-event (chemical weapon, airstrike, shelling, grenade, rape); 0.7-0.75 a reading that needs the parse
#   or a second cue (who took what, an armed actor with "clashes", an abduction); 0.6 a reading from a
#   weaker word or from context (a "strike" with an armed actor, looting, agreements); 0.5-0.55 a change
#   read from a weak verb ("joined the fighting", a withdrawal); 0.4-0.45 a reading with no named party.
# Measured on the CASE 2021 dev set (first event of each snippet right, main of 2026-12-04): 0.9 15/15,
#   0.85 12/13, 0.8 58/64, 0.75 5/6, 0.7 126/149, 0.6 50/60, 0.5-0.55 4/5, 0.4-0.45 6/17.
Candidate = tuple[int, str, float, Cue | None]  # (tier, sub-event type, confidence, trigger)


def _candidates(c: SentenceCues) -> list[Candidate]:
    """Every reading the cues support as (tier, sub-event type, confidence, trigger), in hierarchy order."""
    armed = c.has("ARMED", "MIL", "GOV")
    disrupted = readings.disrupted(c)
    seized: list[Candidate] = [] if disrupted is None else [(1, "Disrupted weapons use", 0.7, disrupted)]
    # weapons recovered in a fight that killed or a clash ("killed four militants and recovered weapons") are
    # part of the battle: the seizure reading comes last
    first, last = ([], seized) if readings.fought(c) else (seized, [])
    return [*_outranking(c), *first, *_ground_and_crowds(c, armed), *_weapons(c, armed), *_violence(c, armed),
            *_developments(c, armed), *last]


def _outranking(c: SentenceCues) -> list[Candidate]:
    """Sexual violence, chemical weapons and suicide bombs, which outrank every other reading (tier 0)."""
    out: list[Candidate] = []
    if c.has("SEX"):
        out.append((0, "Sexual violence", 0.8, c.first("SEX")))
    if c.has("CHEM"):
        out.append((0, "Chemical weapon", 0.85, c.first("CHEM")))
    if c.has("SUICIDE"):
        out.append((0, "Suicide bomb", 0.9, c.first("SUICIDE")))
    return out


def _ground_and_crowds(c: SentenceCues, armed: bool) -> list[Candidate]:
    """Protests and mobs, joining the fighting, territory, agreements."""
    out: list[Candidate] = []
    protest = readings.protest_reading(c)
    if protest is not None:
        out.append((1, protest[0], 0.7, protest[1]))
    mob = readings.mob(c)
    if mob is not None:
        out.append((1, "Mob violence", 0.6, mob))
    elif protest is None and not c.has("LOOT", "LOOT_WEAK") and (stoned := readings.stoning(c)) is not None:
        out.append((1, "Mob violence", 0.5, stoned))  # stones thrown by people, with no protest nor damage told
    joined = readings.joined_fighting(c)
    if joined is not None:
        out.append((1, "Change to group/activity", 0.5, joined))
    territory = territory_reading(c) or lost_ground(c)
    peaceful = not c.has(*FIGHTING)
    # ground given up, or occupied, with no fighting told or with a fight denied ("entered without fighting"):
    # ACLED's transfer without armed conflict; the withdrawal or the denial may be told in the next or the last
    # sentence
    calm = peaceful and (c.has("WITHDRAW") or unfought(c) or territory is not None and (
        territory[1].head.lemma_.lower() == "occupy" or calm_beside(territory[1].head.sent)))
    if territory is not None and (c.has("TRANSFER") or calm):
        out.append((1, NONVIOLENT_TRANSFER, 0.6, c.first("TRANSFER", "WITHDRAW") or territory[1]))
    elif territory is not None:
        out.append((1, territory[0], 0.7, territory[1]))
    if c.has("TRANSFER") and armed:
        out.append((1, NONVIOLENT_TRANSFER, 0.55, c.first("TRANSFER")))
    if c.has("AGREE") or (c.has("AGREE_WEAK") and armed):
        out.append((1, "Agreement", 0.6, c.first("AGREE", "AGREE_WEAK")))
    return out


def _weapons(c: SentenceCues, armed: bool) -> list[Candidate]:
    """Air and drone strikes, shelling, grenades, explosives."""
    out: list[Candidate] = []
    if c.has("AIR") or (c.has("AIR_WEAK") and c.has("KILL", "IED", "SHELL", "BLAST", "DEATH", "LOOT", "LOOT_WEAK")):
        out.append((1, "Air/drone strike", 0.8, c.first("AIR", "AIR_WEAK")))
    elif c.has("STRIKE") and (armed or c.has("KILL", "DEATH")) and not c.has("SHELL", "PROTEST", "PWEAK"):
        strike = c.first("STRIKE")
        if strike is not None and agents(strike.head) & c.tokens("CIV"):
            out.append((1, "Peaceful protest", 0.5, strike))  # "nurses began an indefinite strike"
        else:
            out.append((1, "Air/drone strike", 0.6, strike))
    if c.has("SHELL"):
        out.append((1, "Shelling/artillery/missile attack", 0.8, c.first("SHELL")))
    if c.has("GRENADE"):
        out.append((1, "Grenade", 0.8, c.first("GRENADE")))
    if c.has("IED") or (c.has("BLAST", "IED_WEAK") and armed):
        out.append((1, "Remote explosive/landmine/IED", 0.7, c.first("IED", "IED_WEAK", "BLAST")))
    elif (mine := _exploded_mine(c)) is not None:
        out.append((1, "Remote explosive/landmine/IED", 0.6, mine))
    return out


def _exploded_mine(c: SentenceCues) -> Cue | None:
    """A mine that exploded ("the explosion of a mine", "a mine exploded"): a landmine whatever it hit, as the
    codebook has it, though no one armed is named ("an explosion at a coal mine" is no mine exploding)."""
    blasts = c.tokens("BLAST")
    for cue in c.of("IED_WEAK"):
        word = cue.head
        of_blast = word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.i in blasts
        if of_blast or word.dep_ == "nsubj" and word.head.i in blasts:
            return cue
    return None


def _violence(c: SentenceCues, armed: bool) -> list[Candidate]:
    """Abductions, clashes, killings, arrests, looting."""
    out: list[Candidate] = []
    abduct = readings.abduction(c) or readings.held(c)
    if abduct is not None:
        out.append((1, "Abduction/forced disappearance", 0.75, abduct))
    if readings.ambushed_civilians(c):
        out.append((1, "Attack", 0.6, c.first("CLASH")))  # an ambush on unarmed people attacks civilians
    elif c.has("CLASH") and armed:
        out.append((1, "Armed clash", 0.7, c.first("CLASH")))
    elif (clash := c.first("CLASH")) is not None:
        crowd = c.tokens("CIV") | c.tokens("PWEAK") | c.tokens("MOB")
        if clash.head.pos_ == "VERB" and agents(clash.head) & crowd:
            out.append((1, "Mob violence", 0.45, clash))  # communal clashes between unarmed groups
        else:
            out.append((1, "Armed clash", 0.45, clash))  # fighting whose sides are not named
    kill = readings.kill_reading(c)
    arrest = c.first("ARREST") or seized_into_custody(c)
    if arrest is not None and kill is not None and readings.beaten_in_arrest(c, arrest, kill[1]):
        out.append((1, "Arrests", 0.7, arrest))  # "arrested and beat a soldier": an arrest, not a clash
    if kill is not None:
        out.append((1, kill[0], 0.6, kill[1]))
    if arrest is not None:
        out.append((1, "Arrests", 0.7, arrest))
    if c.has("LOOT") or (c.has("LOOT_WEAK") and armed) or (fire := _set_on_fire(c)):
        out.append((1, "Looting/property destruction", 0.6, c.first("LOOT", "LOOT_WEAK") or fire))
    elif (damage := readings.damage_by_people(c)) is not None:
        out.append((1, "Looting/property destruction", 0.5, damage))
    return out


# Verbs by which a word of fire tells a thing's state, not a deed: "the plane was ablaze", "stayed alight"
_LINKING = frozenset(["be", "become", "remain", "stay", "seem", "appear"])
# Places of a word in its clause where it is a name or a thing, not what someone made a thing: "Alight said"
_NAMING = frozenset(["nsubj", "nsubjpass", "appos", "compound", "poss"])


def _set_on_fire(c: SentenceCues) -> Cue | None:
    """A word of a thing on fire that tells what someone made a thing ("set the granary ablaze", "were set alight",
    "putting shops afire"): arson; "the plane was ablaze when rescuers reached it" tells a fire's state, whoever
    lit it, and "the aid group Alight said" is a name."""
    for cue in c.of("FIRE"):
        word, head = cue.head, cue.head.head
        if head != word and head.lemma_.lower() not in _LINKING and word.dep_ not in _NAMING:
            return cue
    return None


def _developments(c: SentenceCues, armed: bool) -> list[Candidate]:
    """Bases established, withdrawals, changes of activity and new groups of armed actors."""
    if not armed:
        return []
    out: list[Candidate] = []
    hq = readings.hq(c)
    if hq is not None:
        out.append((1, "Headquarters or base established", 0.6, hq))
    withdrawal = c.first("WITHDRAW")
    # ACLED: a withdrawal is a transfer of territory only when someone takes the ground over; told with no fight
    # in the sentence before or after, it is that sentence's transfer (:func:`.territory.calm_beside`), none of its own
    if withdrawal is not None and (c.has(*FIGHTING) or not taken_beside(withdrawal.head.sent)):
        sub = NONVIOLENT_TRANSFER if c.has("CAPTURE", "RETAKE") else "Change to group/activity"
        out.append((1, sub, 0.5, withdrawal))
    if c.has("CHANGE"):
        out.append((1, "Change to group/activity", 0.4, c.first("CHANGE")))
    new_group = readings.new_group(c)
    if new_group is not None:
        out.append((1, "Change to group/activity", 0.4, new_group))
    return out


def _decide(c: SentenceCues) -> list[tuple[str, float, Cue | None]]:
    """Apply the hierarchy: specific weapons first, then the reading told by the main clause."""
    if c.has("ATTRIB") and not c.has("PROTEST"):
        return [("Other", 0.4, c.first("ATTRIB"))]  # a claim of responsibility reports no new event
    if _off_topic(c):
        return []
    ranked = []
    for order, (tier, sub, conf, cue) in enumerate(_candidates(c)):
        background = cue is not None and (in_background(cue.head) and not _protest_joined(cue)
                                          or _arrest_reason(cue, c) or _scene_of_someone(cue))
        ranked.append(((tier, background, order), sub, conf, cue))
    ranked.sort(key=lambda r: r[0])
    out: list[tuple[str, float, Cue | None]] = []
    for _, sub, conf, cue in ranked:
        if sub not in [o[0] for o in out]:
            out.append((sub, conf, cue))
    return out


def _scene_of_someone(cue: Cue) -> bool:
    """A crowd's word inside a participle clause on a noun ("attacked a journalist covering a rally", "beat musicians
    hired to sing at rallies"): it tells who the people are, and the sentence's other readings go first."""
    return cue.cue in ("PROTEST", "PWEAK") and describes_someone(cue.head)


# Prepositions that tell why people were arrested ("arrested for killing a farmer", "detained over the attack")
_REASON_PREPS = frozenset(["for", "over"])


def _arrest_reason(cue: Cue, c: SentenceCues) -> bool:
    """Whether an event word tells why people were arrested ("arrested three men for killing a farmer",
    "detained over the bombing"): the arrested did it, before, and the arrest is the sentence's event (a reason
    told with its own toll or day is an event besides: :func:`reason_apart`)."""
    arrests = {a.head.i for a in c.of("ARREST")}
    if not arrests or cue.head.i in arrests:
        return False
    node = cue.head
    for _ in range(4):
        if node.dep_ in ("pcomp", "pobj") and node.head.lower_ in _REASON_PREPS and node.head.head.i in arrests:
            return True
        if node.head == node:
            return False
        node = node.head
    return False


def _told_apart(phrase: Span) -> bool:
    """Whether an arrest's reason phrase gives its incident a day or a counted toll of its own ("over clashes that
    killed five people", "over Monday's attack on a police post"; not "for killing a farmer": who they killed)."""
    if any(t.ent_type_ == "DATE" for t in phrase):
        return True
    return any(t.like_num for t in phrase) and read_counts(phrase).fatalities is not None


def reason_apart(typing: EventTyping) -> Span | None:
    """The reason phrase of an arrest that tells an incident of its own, with a toll or a day ("arrested 12 people
    over clashes that killed five people on Monday"): ACLED codes that incident as well as the arrest."""
    arrest = typing.trigger
    if typing.sub_event_type != "Arrests" or arrest is None:
        return None
    for prep in arrest.children:
        phrase = prep.doc[prep.left_edge.i : prep.right_edge.i + 1]
        if prep.dep_ == "prep" and prep.lower_ in _REASON_PREPS and _told_apart(phrase):
            return phrase
    return None


# Verbs of taking part in what others do ("joined the nurses who marched on the ministry")
_JOINING = frozenset(["join", "accompany"])


def _protest_joined(cue: Cue) -> bool:
    """A protest told in a relative clause on the people a sentence's subject joins ("the party joined nurses who
    marched on the ministry", "... who staged a sit-in"): the joiners protest with them, the protest is the event,
    not its background."""
    word = cue.head
    clause = word if word.dep_ == "relcl" else word.head if word.head.dep_ == "relcl" else None
    if cue.cue != "PROTEST" or clause is None:
        return False
    people = clause.head
    joining = people.head
    return people.dep_ == "dobj" and joining.lemma_.lower() in _JOINING and not _forces_join(joining)


def _forces_join(verb: Token) -> bool:
    """Whether a state's forces do the joining ("soldiers joined students who marched"): they guard or side with a
    crowd, which makes them no protesters."""
    joiners = [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]  # "members of the army" too
    return any(descriptors().get((t.lower_,), ("", False))[0] in STATE_CLASSES for t in joiners)


def classify_sentence(sent: Span) -> list[EventTyping]:
    """Return the ACLED readings of a sentence, best first; empty when it reports no conflict event."""
    cues = cues_of(sent)
    typings = []
    for rank, (sub, conf, cue) in enumerate(_decide(cues)):
        cameo, plover = codes().get(sub, (None, None))
        typings.append(
            EventTyping(
                event_type=taxonomy()[sub],
                sub_event_type=sub,
                confidence=round(conf * (0.8**rank), 3),
                trigger=cue.head if cue is not None else None,
                cue=cue.cue if cue is not None else None,
                cameo=cameo,
                plover=plover,
            )
        )
    return typings
