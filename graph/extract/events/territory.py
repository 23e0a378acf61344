"""Territory taken or lost, read from the cues of one sentence (a family of readings that :mod:`.types` ranks).

A capture or retaking word counts when it took ground: a place, a name the tagger does not know, a ground noun
("seized the town"), or a name after a word that only ground can be the object of ("retake"); a word that only
describes ("rebel-held") takes nothing. Who took it decides the sub-event type.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.events.count_words import PEOPLE
from graph.extract.events.cues import Cue, SentenceCues
from graph.extract.events.incident_words import announces_another
from graph.extract.events.read_cues import cues_of
from graph.extract.events.syntax import agents, linked, takers
from graph.extract.parse.columns import span_entities, token_lowers
from graph.extract.parse.sentences import span_text

__all__ = ["FIGHTING", "calm_beside", "lost_ground", "people_taken", "taken_beside", "territory_reading", "unfought"]

# Cue classes of a fight: ground taken where one is told changed hands by force, not by a transfer.
FIGHTING = ("CLASH", "KILL", "SHELL", "AIR", "IED", "BLAST")

# Ground that is taken: "seized large parts of the town", "recaptured several villages".
_GROUND = frozenset(["village", "town", "city", "area", "territory", "district", "part", "base", "camp", "airbase",
                     "airport", "position", "stronghold", "neighbourhood", "neighborhood", "region", "province", "hill",
                     "outpost"])


# Sites held as ground when one takes control of them ("took control of the border crossing"), though seizing
# one is not always taking ground ("police seized the building" searches it).
_SITES = frozenset(["zone", "location", "locality", "road", "highway", "border", "crossing", "checkpoint", "bridge",
                    "port", "headquarters", "barracks", "station", "building", "compound", "mine", "oilfield",
                    "facility", "palace", "airstrip", "junction", "market", "quarter", "suburb", "island", "county",
                    "municipality", "commune", "prefecture", "governorate", "ward", "valley", "point", "barrack"])


def territory_reading(c: SentenceCues) -> tuple[str, Cue] | None:
    """Territory captured or retaken: the state regains it; armed groups (or a plain capture) overtake it."""
    place_tokens = c.tokens("PLACE")
    parties = c.tokens("ARMED") | c.tokens("MIL") | c.tokens("GOV")
    for cap in sorted(c.of("RETAKE") + c.of("CAPTURE"), key=lambda x: x.start):
        word = _taking_word(cap.head, parties)
        if word is None or _standing(cap.head) or _vehicles_only(word) or people_taken(word, c) or (
                not _part_of_ground(cap, parties)):
            continue  # "rebel-held", "is controlled by", "took control of a bus", "took most of the cattle"
        named = {
            t.i
            for child in word.children
            if child.dep_ in ("dobj", "prep", "nsubjpass", "advmod", "npadvmod", "prt")
            for t in child.subtree
            if t.ent_type_ in _PLACE_ENTS
        }
        taken = [t for t in _taken_names(word) if _place_like(t, parties, cap)]
        if word != cap.head and _place_like(word, parties, cap):
            taken.append(word)  # "retake/compound Kiriwa": the name it modifies is what was taken
        ground = any(o.dep_ == "dobj" and o.lemma_.lower() in _GROUND for o in word.children)
        if not (taken or linked(word, place_tokens | named, 2) or cap.end - cap.start > 1 or ground):
            continue
        if _attempted(cap.head):
            return "Armed clash", cap  # ground fought for and not taken: ACLED's clash without a change of hands
        doers = takers(cap.head)
        if doers & c.state() or cap.cue == "RETAKE":
            return "Government regains territory", cap  # retaking is the state's word; named rebels decide later
        if doers & (c.tokens("ARMED") | c.tokens("MIL")) or cap.cue == "CAPTURE":
            return "Non-state actor overtakes territory", cap
        return "Government regains territory", cap
    return None


def _part_of_ground(cap: Cue, parties: set[int]) -> bool:
    """For a cue that ends in "of" or "control" ("took most of", "took control"), whether what it names a part
    of or the control of is ground: a place, a ground noun or site, or a name the tagger does not know ("took half
    of the town", not "took half of the cattle", "recovered control of the situation" or "took control of
    services")."""
    last = cap.head.doc[cap.end - 1]
    if last.lemma_.lower() == "control":  # "took control of services", "of the situation": no ground
        last = next((p for p in last.children if p.dep_ == "prep" and p.lower_ == "of"), last)
    if last.lower_ != "of":
        return True
    return any(t.ent_type_ in _PLACE_ENTS or t.lemma_.lower() in _GROUND | _SITES or _unknown_place(t, parties)
               for t in last.children if t.dep_ == "pobj")


def _standing(verb: Token) -> bool:
    """"The district is largely controlled by X", "rebels control the road": who holds ground now, in the
    present tense of a verb of holding; a description of the front, not a change of hands."""
    if verb.lemma_.lower() not in _HOLDING or verb.pos_ != "VERB":
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _attempted(verb: Token) -> bool:
    """"Troops attempted to retake the ridge", "tried to seize the town": an attempt, which took no ground."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _ATTEMPTS


def _vehicles_only(verb: Token) -> bool:
    """Whether all a capture word took is vehicles ("seized a truck", "taking control of a bus")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    taken = _taken_names(verb) + [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                                  for g in p.children if g.dep_ == "pobj"]
    things = [t for t in taken if t.lemma_.lower() not in _HOLDINGS]
    return bool(things) and all(t.lemma_.lower() in _VEHICLES for t in things)


def people_taken(verb: Token, c: SentenceCues) -> bool:
    """Whether all a taking word took is unarmed people ("seized two aid workers", "four clerks were seized"), read
    from its object or passive subject: an abduction or an arrest, not ground ("dislodged the rebels from X" is)."""
    taken = [t for t in verb.children if t.dep_ in ("dobj", "nsubjpass")]
    armed = c.tokens("MIL")
    return bool(taken) and all(t.lemma_.lower() in PEOPLE and t.i not in armed for t in taken)


_ATTEMPTS = frozenset(["attempt", "try"])
# What is held rather than taken: "control of", "most of", "part of" lead to what was taken
_HOLDINGS = frozenset(["control", "most", "part", "half", "much", "rest", "charge", "command"])
_VEHICLES = frozenset(["bus", "minibus", "vehicle", "car", "truck", "lorry", "tanker", "ship", "boat", "vessel",
                       "plane", "aircraft", "train", "convoy"])
_HOLDING = frozenset(["control"])  # "occupy" in a headline's present tense is the act ("Rebels occupy Kora")
_PLACE_ENTS = frozenset(["GPE", "LOC", "FAC"])
_DESCRIBING_TAGS = frozenset(["VBN", "VBD", "VBG", "JJ"])  # "rebel-held", "occupied", "liberated": a state, not an act


def _taking_word(word: Token, parties: set[int]) -> Token | None:
    """The word whose dependents say what a capture word took, or None when the word only describes
    ("rebel-held"). A headline's bare present tense is often parsed as a modifier: "troops clear" read as an
    adjective still governs its object ("Troops clear Kalangu of rebels"), and "retake" or "dislodge" read as a
    compound of the name or the party it took ("Army retake Kiriwa"; "troops dislodge
    militants from Odek") stands for that word."""
    if word.dep_ not in ("amod", "compound") or any(child.dep_ == "dobj" for child in word.children):
        return word
    if word.is_lower and word.tag_ not in _DESCRIBING_TAGS and (word.head.pos_ == "PROPN" or word.head.i in parties):
        return word.head
    return None if word.dep_ == "amod" else word


def _taken_names(verb: Token) -> list[Token]:
    """The heads of what a capture word took or took from: its object, "from X", "of X" (and "from X" on the
    object: "dislodged the rebels from X"), with their conjuncts."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    heads = objects + [
        g for h in (verb, *objects) for p in h.children
        if p.dep_ == "prep" and (p.lower_ == "from" or p.lower_ == "of" and h == verb)
        for g in p.children if g.dep_ == "pobj"]
    return heads + [c for h in heads for c in h.children if c.dep_ == "conj"]


# Words of retaking that only ground takes: "retake Bir Hasan" names a place even when the tagger calls it a
# person (one recaptures an escaped prisoner or liberates a hostage, but retakes no one).
_GROUND_ONLY = frozenset(["retake", "regain", "reclaim"])


def _place_like(token: Token, parties: set[int], cap: Cue) -> bool:
    """A name that a capture word can have taken: a place, a name the tagger does not know, or after a word
    that takes only ground (:data:`_GROUND_ONLY`) any proper name that is no party."""
    if token.ent_type_ in _PLACE_ENTS or _unknown_place(token, parties):
        return True
    return cap.head.lemma_.lower() in _GROUND_ONLY and token.pos_ == "PROPN" and token.i not in parties


def _unknown_place(token: Token, parties: set[int]) -> bool:
    """A proper name that no party word covers, untyped or typed as an organisation: in "recaptured Mbalala" or
    "drove the rebels out of Mbokolo", a small place the tagger does not know ("the army retook Bama" is
    tagged a place; villages often are not)."""
    return token.pos_ == "PROPN" and token.ent_type_ in ("", "ORG") and token.i not in parties


def lost_ground(c: SentenceCues) -> tuple[str, Cue] | None:
    """One side lost territory or control ("the army lost ground"): the other side gained it."""
    ground = c.tokens("PLACE")
    for lose in c.of("LOSE"):
        objects = [t for t in lose.head.children if t.dep_ == "dobj"]
        if not any(t.i in ground or t.lemma_.lower() in ("territory", "ground", "control") for t in objects):
            continue
        losers = agents(lose.head)
        if losers & c.state():
            return "Non-state actor overtakes territory", lose
        if losers & (c.tokens("ARMED") | c.tokens("MIL")):
            return "Government regains territory", lose
    return None


# Cue classes of a fight told beside a capture: besides FIGHTING, dead or wounded counted ("casualties").
_FOUGHT_BESIDE = (*FIGHTING, "DEATH")
# Words of a time longer than one incident's days: a sentence dated with them ("last year", "two months ago")
# tells another move of forces than a capture told on a day.
_LONG_TIMES = frozenset(["year", "years", "month", "months", "decade", "decades"])
# The kinds of entity a place is named with; small places are often left untyped or typed as persons.
_PLACE_NAMES = ("GPE", "LOC", "FAC")
_NAMES = ("", "PERSON", *_PLACE_NAMES)
# Words a place's name follows ("withdrew from Lira", "the town of Kora").
_PLACE_WORDS = frozenset(["in", "at", "from", "near", "to", "into", "outside", "around", "of"])


def _calm_neighbours(sent: Span) -> list[SentenceCues]:
    """The cues of the sentences right before and after ``sent`` that tell no fight and belong to its incident:
    no word of another incident ("elsewhere", "meanwhile") opening the later of the two, no date of another
    season or year and no place that ``sent`` does not name (:func:`_told_apart`)."""
    doc, out = sent.doc, []
    before = [(doc[sent.start - 1].sent, sent)] if sent.start > 0 else []
    after = [(doc[sent.end].sent, doc[sent.end].sent)] if sent.end < len(doc) else []
    for other, later in before + after:
        c = cues_of(other)
        if not (_fought(c, other) or announces_another(span_text(later)) or _told_apart(other, sent)):
            out.append(c)
    return out


def _fought(c: SentenceCues, sent: Span) -> bool:
    """Whether a sentence tells a fight: a fight's cue, dead or wounded, or "losses" suffered."""
    return c.has(*_FOUGHT_BESIDE) or "losses" in token_lowers(sent.doc)[sent.start:sent.end]


def _told_apart(other: Span, sent: Span) -> bool:
    """Whether ``other`` has a date or a place of its own: a year or a longer time that ``sent`` does not give
    ("had withdrawn in 2019", "last year"), or a place where ``sent`` names another (a capture that names none,
    "took control of the hill", points back to its neighbour's)."""
    own = {e.text.lower() for e in span_entities(sent)}
    for ent in span_entities(other):
        if ent.label_ == "DATE" and ent.text.lower() not in own and any(
                w.lower_ in _LONG_TIMES or w.like_num and len(w.text) == 4 for w in ent):
            return True
    names = {t.lower_ for t in sent if t.pos_ == "PROPN" and t.ent_type_ in _NAMES}
    return bool(names) and any(t.lower_ not in names for t in other if _names_place(t))


def _names_place(token: Token) -> bool:
    """Whether a token names a place: a place entity, or a name after a word of place ("withdrew from Lira"),
    which the tagger may call a person."""
    if token.pos_ != "PROPN":
        return False
    return token.ent_type_ in _PLACE_NAMES or (
        token.ent_type_ in _NAMES and token.dep_ == "pobj" and token.head.lower_ in _PLACE_WORDS)


def unfought(c: SentenceCues) -> bool:
    """Whether a sentence says no fight took place ("entered without fighting", "there were no clashes")."""
    return any(cue.cue == "CLASH" and cue.negated for cue in c.all)


def calm_beside(sent: Span) -> bool:
    """Whether a sentence next to a capture's tells armed forces withdrawing, or that no fight took place, with
    no fight told ("Rebels entered the town on Sunday. Government troops had pulled out the day before."):
    ACLED's non-violent transfer of territory, which one incident told over two sentences is as much as over
    one."""
    return any(c.has("WITHDRAW") and c.has("MIL", "ARMED", "GOV") or unfought(c) for c in _calm_neighbours(sent))


def taken_beside(sent: Span) -> bool:
    """Whether a sentence next to a withdrawal's tells ground taken with no fight: the other half of one transfer
    ("The militia withdrew from the hill. Troops took control of it in the morning."), whose event that sentence
    gives; not one that tells a withdrawal of its own (another move of forces)."""
    return any(territory_reading(c) is not None and not c.has("WITHDRAW") for c in _calm_neighbours(sent))
