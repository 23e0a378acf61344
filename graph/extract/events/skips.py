"""Sentences that give no event of their own: repeats, picture captions, the headline block, background."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from spacy.tokens import Doc, Span

from graph.extract.actors.lexicon import dictionary
from graph.extract.events.count_words import DEATH_VERBS
from graph.extract.parse.columns import token_tags, tokens_where
from graph.records import Article, Event

__all__ = ["word_set", "repeats", "caption", "ongoing", "habitual", "describes", "lead_end", "drop_headline",
           "counts_victims", "told_before", "states_toll", "fled", "reports_past", "DEFINITE"]

# A line that ends in a bracketed picture credit is a photo caption, not story text.
_CREDIT = re.compile(
    r"[\[(](?:photo|image|file|picture|credit)?[: ]*(?:[A-Z][\w.&'-]*(?:[ /][A-Z][\w.&'-]*){0,3}|twitter|facebook"
    r"|social media|archive)[\])]\s*$", re.IGNORECASE)
_PHOTO_WORDS = {"photo", "image", "file", "picture", "credit", "getty", "handout"}
_WORD = re.compile(r"[a-z0-9]+")
_PARAGRAPH = re.compile(r"(?m)^([^\n]+)\n[ \t]*\n")  # a line followed by a blank line


def _credit_words() -> frozenset[str]:
    """Words that make a bracketed line end a picture credit: the one-word names of the media and agencies
    of the actor dictionary ("AFP", "Reuters", "Getty") and the words credits use."""
    names = {alias.lower() for entry in dictionary().values() if entry.kind == "media"
             for alias in (*entry.aliases, *entry.context_aliases)}
    return frozenset(name for name in names if _WORD.fullmatch(name)) | {
        "photo", "image", "file", "twitter", "facebook", "archive", "credit", "handout", "supplied", "social"}


_CREDIT_WORDS = _credit_words()


def word_set(text: str) -> set[str]:
    """The lower-case words of a text, as a set."""
    return set(_WORD.findall(text.lower()))


def repeats(words: set[str], seen: list[set[str]]) -> bool:
    """True when a sentence says what an earlier one said (nearly the same words).

    Only the first and the latest sentences are compared: repeats are headlines, leads and quotes nearby.
    """
    for other in seen[:20] + seen[20:][-20:]:
        union = words | other
        if union and len(words & other) / len(union) >= 0.6:
            return True
    return False


def caption(text: str, end: int) -> bool:
    """True when the sentence ends a line that closes with a picture credit ("... assaults [AFP]")."""
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, end) + 1 : line_end if line_end >= 0 else len(text)]
    match = _CREDIT.search(line)
    if not match or len(line) >= 300:
        return False
    words = word_set(match.group(0))
    square = match.group(0).lstrip().startswith("[")
    return bool(words & _CREDIT_WORDS) if square else bool(words & _PHOTO_WORDS)


_PARTICIPLES = frozenset(["VBG", "VBN"])  # the tags :func:`_perfect` and :func:`_tally` read on


def ongoing(sent: Span) -> bool:
    """Whether the sentence has a verb in the perfect progressive ("has been fighting"), the active
    perfect ("have operated", "has killed") or a death verb in the passive perfect ("have been killed",
    which with "since October" tallies a period's dead); a passive "have been arrested since July" may
    still report the arrests."""
    return any(_perfect(t) or _tally(t) for t in tokens_where(sent, token_tags(sent.doc), _PARTICIPLES))


def habitual(sent: Span, trigger) -> bool:
    """Whether the sentence tells a way of acting, not an incident: a perfect ("has responded", "have
    carried out") with a bare plural event noun and no number or date ("The militia has responded with
    reprisal raids"); "have carried out two raids" or "raids on Monday" tell incidents."""
    if trigger is None or trigger.tag_ != "NNS" or any(c.dep_ in ("det", "nummod", "poss") for c in trigger.children):
        return False
    return ongoing(sent) and not any(t.like_num or t.ent_type_ in ("DATE", "TIME") for t in sent)


# Main verbs that describe or characterise rather than report: "X has become the epicentre of the conflict",
# "the attacks reflect an escalation", "Monday's raid is the latest in a series".
# ("demonstrate" is left out: crowds demonstrate.)
_DESCRIBING = frozenset(["be", "become", "remain", "reflect", "show", "represent", "mark", "underscore",
                         "highlight", "illustrate", "signal"])


def describes(sent: Span) -> bool:
    """Whether the sentence's main verb describes a standing state in the present or the perfect ("are
    active", "has become the epicentre", "is the latest in a series") instead of telling what happened;
    "There were clashes" and "the blasts were the deadliest ever" still tell it."""
    root = sent.root
    if root.lemma_.lower() not in _DESCRIBING or any(c.dep_ == "expl" for c in root.children):
        return False
    perfect = root.tag_ == "VBN" and any(c.lower_ in ("has", "have", "had") for c in root.children)
    return root.tag_ in ("VBZ", "VBP") or perfect


# Words that count the harmed; "killed during fighting": the fighting is the event the dead belong to.
_HARM_LEMMAS = frozenset(["kill", "die", "injure", "wound", "dead", "death", "hurt"])
_ADJUNCT_PREPS = frozenset(["during", "in", "amid"])


def counts_victims(triggers: list) -> bool:
    """Whether every event word of a sentence only counts victims, with no doer named: "Ten soldiers died",
    "Two gendarmes were killed, they added", "4 police killed during fighting" (a toll, not an incident).

    "Militants killed ten soldiers", "soldiers were killed by militants" and "were killed when gunmen
    attacked" name a doer or another event word, so they are events of their own.
    """
    return bool(triggers) and all(t is not None and _victims_only(t) for t in triggers)


def _victims_only(token) -> bool:
    if token.dep_ == "pobj" and token.head.lower_ in _ADJUNCT_PREPS:
        token = token.head.head
    lemma = token.lemma_.lower()
    if lemma not in _HARM_LEMMAS:
        return False
    deps = {c.dep_ for c in token.children}
    if deps & {"agent", "dobj"}:
        return False
    if lemma in ("die", "dead", "death"):
        return True
    # "were killed"; "three soldiers killed" (a participle without "have": its subject is who was killed)
    return bool(deps & {"auxpass", "nsubjpass"}) or (token.tag_ == "VBN" and "aux" not in deps)


_INCIDENT_NOUNS = frozenset([
    "attack", "ambush", "assault", "raid", "clash", "fighting", "strike", "airstrike", "bombing", "blast",
    "explosion", "incident", "killing", "massacre", "shelling", "violence", "battle", "firefight", "protest",
    "rally", "demonstration", "riot", "unrest"])
# Words that make an incident noun point back at incidents already told ("the attack", "both raids")
DEFINITE = frozenset(["the", "this", "that", "these", "those", "its", "their", "both"])


def told_before(trigger) -> str | None:
    """The incident noun ("attack") when a sentence's event word is a definite noun that points back at an
    incident ("denounced the attacks", "went to the site of the attack", "repulsed all the attacks"), as a
    later mention does; None otherwise. A campaign ("the offensive") is no single incident."""
    if trigger is None:
        return None
    for noun in (trigger, *(c for c in trigger.children if c.dep_ == "dobj")):
        if noun.lemma_.lower() in _INCIDENT_NOUNS and any(
                c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in noun.children):
            return noun.lemma_.lower()
    return None


# Verbs of people leaving violence behind: "fled the fighting", "escaping from the violence", "displaced by clashes"
_FLIGHT = frozenset(["flee", "escape", "displace"])


def fled(trigger) -> bool:
    """Whether an event word is what people fled ("migrants who fled the fighting", "families escaping from the
    violence", "displaced by clashes"): the sentence tells their flight, not the fighting."""
    if trigger is None:
        return False
    node = trigger.head if trigger.dep_ == "pobj" and trigger.head.lower_ in ("from", "by") else trigger
    return node.dep_ in ("dobj", "prep", "agent") and node.head.lemma_.lower() in _FLIGHT


# "the death toll", "the casualty toll", "the toll from the bombing rose to nine", "put the toll at five": the
# dead of an incident already told; not "the toll gate", "the toll plaza at 6 am" (a number of a time or distance)
_TOLL_NUMBER = (r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty"
                r"|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|dozens?|a\s+dozen|a\s+hundred)\b"
                r"(?!\s*(?:am|pm|a\.m|p\.m|o'clock|hours?|km|kilomet|miles?|metres?|meters?|percent|%|dollars?))")
_TOLL_STATED = re.compile(
    r"\b(?:the|its|their)\s+(?:\w+\s+){0,2}?(?:(?:death|casualty|fatality|civilian|human)\s+toll\b"
    r"|toll\b(?:\W+\w+){0,6}?\W+(?:at|to|of)\s+(?:about\s+|around\s+|nearly\s+|over\s+|at\s+least\s+|more\s+than\s+)?"
    + _TOLL_NUMBER + ")",
    re.IGNORECASE,
)


def states_toll(text: str) -> bool:
    """Whether a sentence states the toll of an incident ("officials put the death toll at five"): it points
    back at that incident, even when "earlier" dates the report ("Earlier a medic put ...")."""
    return bool(_TOLL_STATED.search(text))


def _tally(token) -> bool:
    if token.tag_ != "VBN" or token.lemma_.lower() not in DEATH_VERBS:
        return False  # tested first, as in _perfect: the auxiliaries are read from the token's children
    auxes = {a.lower_ for a in token.children if a.dep_ in ("aux", "auxpass")}
    return bool(auxes & {"has", "have"}) and "been" in auxes


def _perfect(token) -> bool:
    tag = token.tag_
    if tag not in ("VBG", "VBN"):
        return False  # tested first: the auxiliaries are read from the token's children
    auxes = {a.lower_ for a in token.children if a.dep_ in ("aux", "auxpass")}
    if tag == "VBG":
        return "been" in auxes
    return bool(auxes & {"has", "have"}) and "been" not in auxes


def lead_end(article: Article) -> int:
    """Offset where the story's body starts: after the headline block of a web page (headline, standfirst,
    byline, date, caption), i.e. at the first paragraph of 12 or more words that ends at a blank line.
    0 when the text has no such layout (a snippet, a one-paragraph note)."""
    text = article.text
    first = text.lstrip()
    newline = first.find("\n")
    if newline < 0 or not first[newline:].strip():
        return 0
    title_end = len(text) - len(first) + newline
    for match in _PARAGRAPH.finditer(text, title_end):
        if len(match.group(1).split()) >= 12:
            return match.start(1)
    return title_end


def reports_past(doc: Doc, start: int, end: int) -> bool:
    """Whether the text between two offsets reports in the past tense ("Gunmen killed four farmers", "two
    were wounded"), as an item of a list of incidents does; a headline or a link to another story speaks in
    the present or the infinitive ("Army retakes town", "Ministers to meet on fuel prices") or drops the
    auxiliary ("Three killed in raid")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        token.tag_ == "VBD" or (token.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in token.children))
        for token in span)


def drop_headline(events: list[Event], lead_end: int, dated: Collection[str] = ()) -> tuple[list[Event], set[str]]:
    """The headline block restates the story: drop its event when the body reports one of the same type
    with a party in common. A day the dropped event's own words give (its id in ``dated``: a lede printed as
    the first line, "... were killed on Sunday") goes to the first body event that restates it, if that one
    has no date of its own; the ids of the body events so dated come back beside the events."""
    body = [e for e in events if e.start >= lead_end]

    def restating(event: Event) -> Event | None:
        parties = {event.actor1, event.actor2} - {None}
        return next((b for b in body if (b.event_type, b.sub_event_type) == (event.event_type, event.sub_event_type)
                     and (not parties or parties & {b.actor1, b.actor2})), None)

    kept, days = [], {}
    for event in events:
        told = None if event.start >= lead_end else restating(event)
        if told is None:
            kept.append(event)
        elif event.id in dated and told.id not in dated and told.id not in days and (event.date or "").startswith(
                told.date or "\0"):
            days[told.id] = event
    return [replace(e, date=days[e.id].date, date_precision=days[e.id].date_precision) if e.id in days else e
            for e in kept], set(days)
