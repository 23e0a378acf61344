"""Readings of one family of event cues, which the ACLED hierarchy in :mod:`.types` ranks.

Each function reads the real cues of one sentence and returns the cue that triggers its reading
(with the sub-event type where the family has several), or None: the protest/riot ladder, killings read
from their victims, mobs, captives, weapons disrupted before use, bases and new groups (territory taken or
lost is read in :mod:`.territory`).
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.datafiles import read_words
from graph.extract.events.attack_words import LETHAL, attack_killing, deadly_attack, in_an_attack
from graph.extract.events.combatants import off_duty
from graph.extract.events.count_words import PEOPLE
from graph.extract.events.cues import Cue, SentenceCues
from graph.extract.events.force_moves import force_moves
from graph.extract.events.seizures import people_seized
from graph.extract.events.syntax import agents, in_background, linked, targets
from graph.extract.events.unnamed_harms import unnamed_harm
from graph.extract.parse.sentences import sentence

__all__ = [
    "abduction",
    "ambushed_civilians",
    "beaten_in_arrest",
    "disrupted",
    "held",
    "hq",
    "joined_fighting",
    "damage_by_people",
    "kill_reading",
    "fought",
    "mob",
    "new_group",
    "protest_reading",
]

# A stabbing or hacking targets a person: an attack, whoever the victim (ACLED codes no clash without two armed sides).
_BLADES = frozenset(["stab", "knife", "hack", "slit", "machete"])
# Words that make a killing or a harm an attack even when no armed actor is named ("massacre", "behead", "torture":
# done to a captive, it is no fight).
_GRAVE = frozenset(["massacre", "behead", "decapitate", "assassinate", "execute", "slaughter", "torture"])
# Violent acts done to people, which make a killing an attack even when no one armed is named.
_ASSAULTS = frozenset(["shoot", "execute", "behead", "slay", "assassinate", "massacre", "hack", "slaughter"])
# Things that kill without a doer: their deaths are no attack unless an armed actor is named.
_THINGS = frozenset(["blast", "explosion", "fire", "flood", "storm", "crash", "accident", "collapse", "landslide",
                     "quake", "earthquake"])
# Verbs whose object "hostages" or "captives" means people were taken ("took 30 hostages").
_HOLD_VERBS = frozenset(["take", "hold", "seize", "kidnap", "capture", "grab", "snatch", "keep", "abduct"])


def _token_class(token: Token, c: SentenceCues) -> str | None:
    """'MIL' or 'CIV' for a target word, looking at the word and its modifiers."""
    words = [token, *[w for w in token.children if w.dep_ in ("compound", "amod", "nmod", "poss")]]
    ids = {w.i for w in words}
    if ids & c.tokens("MIL") or any(w.dep_ == "amod" and w.lower_ == "armed" for w in words):
        return "MIL"  # "armed Islamists", "armed herders": armed people are no civilians
    if ids & c.tokens("CIV"):
        return "CIV"
    return None


def _verb_near(c: SentenceCues, name: str, near: str, steps: int) -> Cue | None:
    """The first real ``name`` cue that is a verb within ``steps`` dependency steps of a ``near`` cue."""
    near_tokens = c.tokens(near)
    for cue in c.of(name):
        if cue.head.pos_ == "VERB" and linked(cue.head, near_tokens, steps):
            return cue
    return None


def fought(c: SentenceCues) -> bool:
    """Whether the sentence's own clause tells of a fight or a killing ("killed four militants", "clashed"),
    not a background one ("after twin blasts killed 43") nor an operation."""
    words = [k for k in c.of("KILL") if k.head.lemma_ in LETHAL] + c.of("DEATH") + [
        k for k in c.of("CLASH") if k.head.lemma_ != "operation"]
    return any(not in_background(k.head) and not _told_before(k.head) for k in words)


def _told_before(verb: Token) -> bool:
    """A clause set back in time by its conjunction: "after twin blasts killed 43"."""
    return any(c.dep_ == "mark" and c.lower_ in ("after", "since", "before") for c in verb.children)


def kill_reading(c: SentenceCues) -> tuple[str, Cue] | None:
    """Attack on civilians or armed clash, read from the victims of the violent words."""
    kills = [k for k in c.of("KILL") if not _search(k, c)] + _by_hand_deaths(c)
    if not kills:
        return None
    if not (c.has("ARMED", "MIL") or any(k.head.lemma_ in _GRAVE for k in kills)):
        # no armed actor named: civilians shot, hacked or executed by someone unnamed are still attacked
        # or killed in an attack ("killed in a shooting at a nightclub" says too little to tell from a crime)
        lethal = [k for k in kills if (k.head.lemma_ in _ASSAULTS or in_an_attack(k.head) or attack_killing(k.head))
                  and k.head.pos_ == "VERB" and _by_people(k.head) and any(
                      _token_class(t, c) == "CIV" or t.lemma_.lower() in PEOPLE for t in targets(k.head))]
        lethal += [k for k in kills if deadly_attack(k.head, c) or unnamed_harm(k.head, c.tokens("CIV"))]
        lethal += [k for k in kills if _done_to_death(k.head) and _by_people(k.head) and any(
            _token_class(t, c) == "CIV" or t.lemma_.lower() in PEOPLE or t.ent_type_ == "PERSON"
            for t in targets(k.head))]
        return ("Attack", lethal[0]) if lethal else _raid(c, kills) or _group_assault(kills)
    for k in kills:
        if k.head.lemma_ in _BLADES or k.head.lemma_ == "torture":
            return "Attack", k  # a stabbing or torture is an attack on a person, never a clash between armed sides
        for target in targets(k.head):
            kind = _token_class(target, c)
            if kind == "MIL" and target.tag_ == "NN" and target.lemma_.lower() in PEOPLE and off_duty(sentence(k.head)):
                return "Attack", k  # one fighter killed at home or off duty is a civilian to ACLED
            if kind == "MIL":
                return "Armed clash", k
            if kind == "CIV":
                return "Attack", k
    dead = [_token_class(t, c) for d in c.of("DEATH") if d.head.pos_ == "VERB" for t in targets(d.head)]
    if "MIL" in dead and "CIV" not in dead:
        return "Armed clash", kills[0]  # "a guard died of injuries he suffered in a raid"
    return "Attack", kills[0]


def ambushed_civilians(c: SentenceCues) -> bool:
    """An ambush whose victims are unarmed people and no fighter ("gunmen ambushed a bus, killing five
    passengers"), or that names no one armed at all ("four killed in an ambush on a minibus"): an attack on
    civilians, as ACLED codes an armed group's attack on unarmed people whatever the verb, and an ambush is
    one-sided. Its only clash word is the ambush."""
    clashes = c.of("CLASH")
    if not clashes or any(cue.head.lemma_.lower() != "ambush" for cue in clashes):
        return False
    victims = [t for cue in clashes + c.of("KILL") for t in targets(cue.head)]
    kinds = {_token_class(t, c) for t in victims}
    return "MIL" not in kinds and ("CIV" in kinds or not c.has("ARMED", "MIL", "GOV"))


def _search(kill: Cue, c: SentenceCues) -> bool:
    """A raid by the state's forces on no armed target ("police raided the newspaper office"): a search, which
    attacks no one, unlike a raid by gunmen on a village or by soldiers on a rebel camp."""
    return kill.head.lemma_ == "raid" and bool(agents(kill.head) & c.state()) and not any(
        _token_class(t, c) == "MIL" for t in targets(kill.head))


# Where people live: an attack on it that kills is an attack on civilians ("attacked the village, killing 26").
_SETTLEMENTS = frozenset(["village", "town", "hamlet", "settlement", "community", "market", "camp"])


def _raid(c: SentenceCues, kills: list[Cue]) -> tuple[str, Cue] | None:
    """An attack by people on a settlement or on civilians' things in a sentence that tells of killings ("Fulanis
    attacked the village of X, killing 26", "bandits attacked a bus, killing 31"), when no armed actor is named."""
    if not any(k.head.lemma_ in LETHAL for k in kills):
        return None
    civilian = c.tokens("CIV")
    raids = [k for k in kills if k.head.lemma_ in ("attack", "raid", "storm") and k.head.pos_ == "VERB"
             and _by_people(k.head) and any(t.lemma_.lower() in _SETTLEMENTS or t.i in civilian
                                            for t in targets(k.head))]
    return ("Attack", raids[0]) if raids else None


# Doers that are a group, not one person: "unknown group", "a gang", "political opponents", "ANC members".
_GROUP_WORDS = frozenset(["group", "gang", "mob", "crowd", "band"])


def _group_assault(kills: list[Cue]) -> tuple[str, Cue] | None:
    """People attacked, beaten, wounded or killed by a group the sentence names as the doer ("Unknown group
    kill a man", "Political opponents attacked the mayor", "was attacked by Zanu PF supporters"): an
    attack on civilians. A killing by one person ("a man killed his wife") or by no one named stays out."""
    for kill in kills:
        verb = kill.head
        if verb.pos_ != "VERB" or verb.lemma_ not in _HARMS:
            continue
        doers = [verb.doc[i] for i in agents(verb)]
        heads = [t for t in doers if t.dep_ in ("nsubj", "pobj") and t.head in (verb, *verb.children)]
        group = _by_people(verb) and any(t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() not in _THINGS
                                         or t.lemma_.lower() in _GROUP_WORDS for t in heads)
        if group and any(t.lemma_.lower() in PEOPLE or t.ent_type_ == "PERSON" for t in targets(verb)):
            return "Attack", kill
    return None


_HARMS = frozenset(["attack", "kill", "beat", "assault", "wound", "injure", "shoot", "stab", "burn", "torture"])


def damage_by_people(c: SentenceCues) -> Cue | None:
    """A weak word of destruction ("destroyed", "burnt") whose doers are people, not things ("Students destroyed
    property", "angry traders burnt a market stall"); a fire or a flood that destroys is no one's doing."""
    for cue in c.of("LOOT_WEAK"):
        verb = cue.head
        # "Students destroyed property": a doer and what was destroyed ("plants burned" names no doer)
        objects = any(t.dep_ == "dobj" for t in verb.children)
        doers = [t for t in verb.children if t.dep_ == "nsubj" and objects] + [
            g for t in verb.children if t.dep_ == "agent" for g in t.children if g.dep_ == "pobj"]
        if verb.pos_ == "VERB" and any(t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() not in _THINGS for t in doers):
            return cue
    return None


# Violence done by hand, which kills only when told "to death": "beaten to death", "stabbed to death".
_BY_HAND = read_words("events", "by_hand_verbs.txt")


def _done_to_death(verb: Token) -> bool:
    """"was beaten to death", "stabbed to death", "stoned to death": someone's hands killed a person, which is no
    accident nor a thing's doing (a killing told without the words is left to its doer)."""
    return verb.lemma_ in _BY_HAND and any(
        p.dep_ == "prep" and p.lower_ == "to" and any(o.lower_ == "death" for o in p.children) for p in verb.children)


def _by_hand_deaths(c: SentenceCues) -> list[Cue]:
    """"clubbed to death", "stoned to death" by someone unnamed or armed: the verb of a death told by hand, as a
    killing cue, when the lexicon gives the verb no killing cue of its own."""
    out = []
    for death in c.of("DEATH"):
        to = death.head.head
        verb = to.head
        if death.head.lower_ == "death" and to.lower_ == "to" and verb.lemma_ in _BY_HAND and not (
                verb.i in c.tokens("KILL") or agents(verb) & c.tokens("CIV")):
            out.append(Cue("KILL", verb.i, verb.i + 1, verb))  # a crowd's killing is left to the crowd readings
    return out


_MOMENT = frozenset(["when", "as"])  # words of a clause that tells the moment of another: at the same time


def _by_people(verb: Token) -> bool:
    """Whether a killing is done by someone, named or not ("were shot", "gunmen killed"), not by a thing
    ("the blasts killed 50 people": an explosion may be an accident). A passive verb with no "by" that tells when the
    clause it hangs from happened names no doer there ("violence broke out when a trader was shot dead"); one told as
    before or after it is another incident, left to its own words."""
    kids = list(verb.children)
    passive = any(c.dep_ == "nsubjpass" for c in kids) and not any(c.dep_ == "agent" for c in kids)
    if passive and verb.dep_ == "advcl" and any(c.dep_ in ("advmod", "mark") and c.lower_ in _MOMENT for c in kids):
        return True
    doers = [verb.doc[i] for i in agents(verb)]
    return not doers or any(t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("PERSON", "NORP", "ORG") or t.tag_ == "NNS"
                            and t.lemma_.lower() not in _THINGS or t.lemma_.lower() in _GROUP_WORDS for t in doers)


def beaten_in_arrest(c: SentenceCues, arrest: Cue, kill: Cue) -> bool:
    """An arrest whose violent word is coordinated with it and kills no one ("arrested and beat ...")."""
    if c.has("DEATH", "CLASH") or kill.head.lemma_ in LETHAL:
        return False
    a, k = arrest.head, kill.head
    return k.head == a or a.head == k


def protest_reading(c: SentenceCues) -> tuple[str, Cue] | None:
    """ACLED's protest/riot hierarchy: violent demonstrators > lethal force > intervention > peaceful."""
    protests = [cue for cue in c.of("PROTEST") if not force_moves(cue, c)]
    context = (protests[0] if protests else None) or (c.has("PWEAK") and c.first("CROWDCTL")) or None
    if context is None and c.has("CROWDCTL") and c.has("GOV"):
        context = c.first("CROWDCTL")
    if context is None:
        return None
    mobbed = mob(c)
    if mobbed is not None:
        return "Mob violence", mobbed
    protest_words = {i for cue in protests for i in range(cue.start, cue.end)} | c.tokens("PWEAK")
    by_state: list[Cue] = []  # the state's force that attacks the crowd ("police attacked protesters")
    for attack in c.of("KILL") + c.of("CLASH"):
        victims = {t.i for t in targets(attack.head)}
        doers = agents(attack.head)
        if victims & protest_words and doers & c.tokens("ARMED") and not doers & c.state():
            return None  # gunmen who attack a march or a motorcade attack people: the attack's reading, not a crowd's
        if not doers:
            continue
        if attack.cue != "KILL":
            if _crowd_does(attack.head, protest_words) and not doers & c.state():
                return "Violent demonstration", attack  # the crowd fights: "vendors protesting fought with police"
            continue
        if victims & protest_words and not doers & c.state():
            return "Mob violence", attack  # a crowd or group, not the state, attacks the protest
        if victims & protest_words:
            by_state.append(attack)
        elif _crowd_does(attack.head, protest_words) and not doers & c.state():
            return "Violent demonstration", attack  # the crowd attacks: "protesters attacked a police station"
    return _met(c, protest_words, by_state, context)


def _crowd_does(verb: Token, protest_words: set[int]) -> bool:
    """Whether a verb's own subject is the protest's crowd ("protesters attacked a police station", "students and
    demonstrators", "traders protesting taxes attacked"), not the subject of a clause above it ("protesters accused
    police of attacking them") nor people merely linked to a protest ("a man who organised the march", "supporters
    of the protest leader", "thugs hired to disrupt the rally")."""
    return verb.pos_ == "VERB" and any(c.dep_ == "nsubj" and _a_crowd(c, protest_words) for c in verb.children)


def _a_crowd(subject: Token, protest_words: set[int]) -> bool:
    """Whether a subject names people as protesting: a plural protest word ("protesters", "marchers"), itself or a
    conjunct, or people with a protest participle ("traders protesting taxes"); a protest word that names the event
    ("the rally") is no doer."""
    people = [subject, *subject.conjuncts]
    return any(t.i in protest_words and t.tag_ in ("NNS", "NNPS") for t in people) or any(
        a.dep_ == "acl" and a.i in protest_words for t in people for a in t.children)


def _met(c: SentenceCues, protest_words: set[int], by_state: list[Cue], context: Cue) -> tuple[str, Cue] | None:
    """How a protest's crowd acted or was met: violence of its own, the state's lethal force, an intervention
    (dispersal, arrests, or the state's force that attacked it or did violence there: "police stormed the sit-in",
    "stormed a church where protesters hid", which is no violence of the crowd's), else nothing (a peaceful
    protest, read at ``context``); None when the force was used on people beside a protest, not on its crowd: no
    protest's event."""
    violence = [cue for cue in c.of("VIOLENT") if not _protested_over(cue.head, protest_words)]
    by_state = by_state + [cue for cue in violence if _by_the_state(cue.head, c, protest_words)]
    attacked = {cue.head.i for cue in by_state}
    violent = next((cue for cue in violence if cue.head.i not in attacked), None)
    if violent is not None:
        return "Violent demonstration", violent
    force = next((cue for cue in c.of("FORCE") if not _protested_over(cue.head, protest_words)), None)
    if force is not None and _beside_a_protest(force, c, protest_words):
        return None  # "shot four people amid protests by residents": people shot, not protesters
    if force is not None:
        return "Excessive force against protesters", force
    interv = c.first("CROWDCTL", "INTERV", "ARREST") if c.state() else c.first("CROWDCTL", "ARREST")
    if interv is not None or by_state:
        return "Protest with intervention", interv or by_state[0]
    return "Peaceful protest", context


def _by_the_state(verb: Token, c: SentenceCues, protest_words: set[int]) -> bool:
    """A violent verb that the state's forces do to something ("police stormed a church where protesters hid",
    "soldiers burned the tents"): the state's intervention, no violence of the crowd's. One done with someone
    ("police clashed with protesters", "scuffled with") is both sides' doing, one the crowd is among the doers of
    ("anti-government protesters pulled down walls") the crowd's."""
    doers = agents(verb)
    return verb.pos_ == "VERB" and bool(doers & c.state()) and not doers & protest_words and not any(
        ch.dep_ == "prep" and ch.lower_ == "with" for ch in verb.children)


_GRIEVANCE_PREPS = frozenset(["against", "over", "about"])


def _protested_over(word: Token, protest_words: set[int]) -> bool:
    """A word of what the crowd protests, not of what it or the police did there: inside the "against", "over"
    or "about" of a protest word ("protested against a wave of robberies that killed five people")."""
    return any(a.dep_ == "prep" and a.lower_ in _GRIEVANCE_PREPS and a.head.i in protest_words for a in word.ancestors)


def _beside_a_protest(force: Cue, c: SentenceCues, protest_words: set[int]) -> bool:
    """Force on people the sentence does not call protesters, told beside a protest it sets only as the scene
    ("amid protests", "after a march"): ACLED's excessive force is force used on the protesters themselves."""
    victims = targets(force.head)
    return bool(victims) and not {t.i for t in victims} & protest_words and all(
        in_background(cue.head) for cue in c.of("PROTEST") + c.of("PWEAK"))


def abduction(c: SentenceCues) -> Cue | None:
    """The first word of taking people away whose taken are not weapons ("their rifles seized" tells of
    weapons seized, not of people abducted)."""
    weapons = c.tokens("WEAPON")
    for cue in c.of("ABDUCT"):
        taken = [t for t in cue.head.children if t.dep_ in ("dobj", "nsubjpass")] or [
            t for t in cue.head.children if t.dep_ == "nsubj" and cue.head.tag_ == "VBN"]
        if not taken or not all(t.i in weapons for t in taken):
            return cue
    return people_seized(c)


def held(c: SentenceCues) -> Cue | None:
    """Hostages or captives taken or held ("took 30 hostages"), not a mere mention of them."""
    for cue in c.of("ABDUCT_WEAK"):
        if cue.head.pos_ == "VERB" or cue.head.head.lemma_.lower() in _HOLD_VERBS:
            return cue
    return None


def joined_fighting(c: SentenceCues) -> Cue | None:
    """A group joining or taking part in the fighting: a change to its activity, not a battle."""
    return _verb_near(c, "JOIN", "CLASH", 3)


def disrupted(c: SentenceCues) -> Cue | None:
    """Weapons defused, cleared or intercepted, or found and seized ("defused a bomb", "found an arms cache"), or
    explosives destroyed or cleared ("destroyed 300 mines")."""
    if c.has("DISRUPT"):
        return c.first("DISRUPT")
    weapons = c.tokens("WEAPON")
    for find in c.of("FIND"):
        if linked(find.head, weapons, 2):
            return find
    return _explosives_made_safe(c, weapons)


# Verbs that make explosives harmless, and the explosives they act on (a rifle destroyed is no disruption)
_MADE_SAFE = read_words("events", "made_safe_verbs.txt")
_EXPLOSIVES = read_words("events", "explosive_nouns.txt")


def _explosives_made_safe(c: SentenceCues, weapons: set[int]) -> Cue | None:
    """A destroying or clearing word whose object, or passive subject, is explosives ("sappers destroyed the mines
    they found", "four roadside bombs were destroyed"): the codebook's disrupted weapons use, not an explosion, nor
    ground taken nor property destroyed ("destroyed a bomb factory" destroys a building)."""
    for cue in c.of("LOOT_WEAK") + c.of("RETAKE"):
        verb = cue.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _MADE_SAFE and any(
                t.dep_ in ("dobj", "nsubjpass") and t.i in weapons and t.lemma_.lower() in _EXPLOSIVES
                for t in verb.children):
            return cue
    return None


def hq(c: SentenceCues) -> Cue | None:
    """A base, camp or checkpoint set up ("established a base"), read from a setting-up verb near it."""
    return _verb_near(c, "SETUP", "BASE", 2)


def new_group(c: SentenceCues) -> Cue | None:
    """A group set up or formed: "a new brigade was formed", "the militia set up a council"."""
    groups = c.tokens("GROUP")
    for setup in c.of("SETUP"):
        made = [t for t in setup.head.children if t.dep_ in ("nsubjpass", "dobj")]
        if setup.head.pos_ == "VERB" and any({t.i, *(w.i for w in t.children)} & groups for t in made):
            return setup
    return None


def mob(c: SentenceCues) -> Cue | None:
    """A crowd, mob or vigilantes doing violence (they are its subject or agent), or a lynching."""
    mobs = c.tokens("MOB")
    for name in ("KILL", "VIOLENT", "LOOT", "CLASH"):
        for violent in c.of(name):
            if violent.head.pos_ == "VERB" and agents(violent.head) & mobs:
                return violent
    for lynch in c.of("MOB"):
        if lynch.head.pos_ == "VERB":  # "lynch"
            return lynch
    return None


# Verbs of throwing, and the stones they must throw: "pelted stones at the convoy", "stoned the car", "hurled rocks"
_STONE_THROWING = read_words("events", "stone_throwing.txt")
_THROWING = frozenset(w.removesuffix("/VERB") for w in _STONE_THROWING if w.endswith("/VERB"))
_STONES = frozenset(w.removesuffix("/NOUN") for w in _STONE_THROWING if w.endswith("/NOUN"))


def stoning(c: SentenceCues) -> Cue | None:
    """Unarmed people who throw stones, told with no protest ("residents pelted stones at the governor's convoy",
    "youths stoned a bus"): a crowd's violence, which ACLED codes as a riot; None when armed men or the state's
    forces threw them, nobody named did, or they threw no stones ("hurled insults at", "pelted with eggs")."""
    people = c.tokens("CIV") | c.tokens("PWEAK")
    armed = c.tokens("ARMED") | c.state()
    for cue in c.of("VIOLENT"):
        verb = cue.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _THROWING:
            continue
        doers = agents(verb)
        if doers & people and not doers & armed and _throws_stones(verb) and _aimed(verb):
            return cue
    return None


def _throws_stones(verb: Token) -> bool:
    """Whether stones are what a throwing verb throws: "stoned" itself, or its object ("hurled rocks", "a hail of
    stones") or what it pelts with ("pelted the convoy with stones")."""
    if verb.lemma_.lower() == "stone":
        return True
    thrown = [t for t in verb.children if t.dep_ == "dobj"] + [
        g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
    thrown += [g for t in thrown for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in p.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in _STONES for t in thrown)


def _aimed(verb: Token) -> bool:
    """Whether stones are thrown at someone or something: "at" or "on" what they hit, or the one stoned or pelted as
    the object ("stoned a bus"), not "threw stones into the river"."""
    if any(c.dep_ == "prep" and c.lower_ in _AIMED_AT for c in verb.children):
        return True
    return verb.lemma_.lower() in ("stone", "pelt") and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() not in _STONES for c in verb.children)


_AIMED_AT = frozenset(["at", "on", "upon", "toward", "towards"])
