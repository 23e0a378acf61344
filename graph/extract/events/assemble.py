"""Assembles ACLED events: one per sentence the typer reads as a conflict event, in document order.

:mod:`.sentence_events` reads each sentence's events (participants, place, date, counts, the sentence as
evidence); :mod:`.skips` says which sentences give no event of their own (a repeat, a picture caption, the
headline block), and :mod:`.coref` makes the mentions of one incident one event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from graph.extract.actors import ActorTable
from graph.extract.actors.table import ARMED_KINDS
from graph.extract.events import dates, numbers
from graph.extract.events import types as event_types
from graph.extract.events.attribution import attributed
from graph.extract.events.claim_targets import claim_targets, claims_many
from graph.extract.events.claims import claimant, with_doer
from graph.extract.events.combatants import attacks_by_combatants
from graph.extract.events.context_parties import fill_from_context, theatre_check
from graph.extract.events.coref import drop_headlines, merge_mentions
from graph.extract.events.crowd_types import each_other
from graph.extract.events.damage import fold_damage
from graph.extract.events.dead_sides import civilian_victims, dead_sides, period_tally
from graph.extract.events.incident_words import announces_another
from graph.extract.events.lexicon import codes, cue_set
from graph.extract.events.mentions import VIOLENT_TYPES, EventMention
from graph.extract.events.parties import implied_parties
from graph.extract.events.read_cues import cues_of
from graph.extract.events.sentence_events import SentenceReader
from graph.extract.events.skips import (
    caption,
    counts_victims,
    describes,
    drop_headline,
    fled,
    habitual,
    lead_end,
    ongoing,
    repeats,
    reports_past,
    word_set,
)
from graph.extract.events.summaries import drop_summaries
from graph.extract.events.timeline import anchor_dates
from graph.extract.events.tolls import shared, with_more_dead
from graph.extract.parse.sentences import span_text
from graph.extract.places import PlaceMention
from graph.records import Actor, Article, Event, Evidence
from graph.sides import fights_itself

__all__ = ["build_events"]

_COUNTRY_KINDS = {"country"}
# A note of at most this many sentences (ACLED's notes, news briefs) tells one incident unless it says otherwise
_SHORT_NOTE = 5
_NON_STATE_ARMED = frozenset(["armed_group", "militia"])
# A change of activity that takes forces away: no fight of theirs follows it (not a transfer or an evacuation)
_WITHDRAWN = cue_set("RETREAT")


def _evidence(article: Article, sent: Span) -> tuple[str, int, int]:
    start, end = sent.start_char, sent.end_char
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end], start, end


def build_events(article: Article, doc: Doc, table: ActorTable,
                 places: list[PlaceMention]) -> tuple[list[Event], tuple[Actor, ...]]:
    """Return the events of a parsed article, in document order, and the generic actors (Civilians (X),
    Unidentified Armed Group (X)) that ACLED's codebook implies for them and the actor table lacks."""
    short = sum(1 for _ in doc.sents) <= _SHORT_NOTE
    context = SentenceReader(article, doc, table, places, per_day=short)
    events: list[Event] = []
    seen: list[set[str]] = []
    last_event_sentence = -9
    reasons: list[Event] = []  # the incidents arrests' reasons tell (:func:`_reason_told`)
    kinds = context.kinds
    for number, sent, typings, tally in _sentences(doc):
        attributes = (not typings or typings[0].sub_event_type == "Other") and number - last_event_sentence <= 3
        targets = claim_targets(events, kinds, sent, places, _containers(places)) if attributes else []
        doer = claimant(sent, table) if targets else None
        if doer and _claimed(events, targets, doer, sent, _evidence(article, sent), context):
            continue  # "Al-Shabaab claimed responsibility": the incident's doer, not an event
        near = bool(events) and number - last_event_sentence <= 2 and not tally  # a tally is no one's toll
        update = near and _casualties_only(sent, typings, table, places, events[-1], context.published)
        if not typings or update or (events and describes(sent)):  # at most a toll for the event before
            if update:  # "... were killed in the clashes", "a soldier was killed when they intervened"
                last = _last_sentence(events)
                fought = _force_fought(sent, table)
                events[-last:] = [_typed_by_toll(event, typings[0], kinds, fought and not _withdrawn(event, doc))
                                  for event in events[-last:]]
            if near and (split := context.per_place(events[-1], sent, _evidence(article, sent))):
                events[-1:] = split  # "eight were killed in A and nine in B": one event at each place
            elif near and (events[-1].fatalities is None or numbers.read_counts(sent).update):
                # "the toll rose to 9": a new total for the events of the last sentence
                told = _told_together(events) if events[-1].fatalities is None else events[-_last_sentence(events):]
                events[-len(told):] = _with_toll_of(told, sent, _evidence(article, sent), context.published,
                                                    civilian_victims(sent, table))
            elif near and (more := with_more_dead(events[-1], sent, places, _evidence(article, sent),
                                                  context.counts_other_side(events[-1], sent))):
                events[-1] = more  # "Two civilians were also killed": the incident's toll grows
            continue
        if ongoing(sent) and dates.standing_since(span_text(sent), context.published):
            continue  # "has been fighting the army since April 2023", "have operated there since 2017": background
        if habitual(sent, typings[0].trigger) and not any(sent.start <= p.start < sent.end for p in places):
            continue  # "The militia has responded with reprisal raids": how a party acts, not an incident
        evidence = _evidence(article, sent)
        words = word_set(evidence[0])
        if not words or repeats(words, seen) or caption(article.text, evidence[2]):
            continue
        seen.append(words)
        events.extend(_untallied(context.sentence_events(sent, typings[0], evidence), tally))
        reasons.extend([] if tally else _reason_told(context, sent, typings[0], evidence))
        last_event_sentence = number
    lead = lead_end(article)
    ledes = {e.id for e in events if context.own[e.id][0] and _ends_like_sentence(e)}  # not a headline's date line
    events, dated = drop_headline(events, lead, ledes)
    for event_id in dated:  # the day of the lede it restates
        context.own[event_id] = (True, context.own[event_id][1])
    incidents = merge_mentions(_mentions(events, context, doc, lead, _containers(places)), short=short)
    incidents = drop_headlines(incidents, (lead, len(article.text.rstrip())))
    events = drop_summaries(incidents, anchor_dates(incidents, context.published), context.summaries)
    events = fold_damage(events) if short else events
    apart = _untold(reasons, events)
    events = _placed_before(apart, events)
    countries = {p.location.name for p in places if p.location.kind in _COUNTRY_KINDS}
    filled = fill_from_context(events, countries, theatre_check(article, doc, table, places))
    # an arrest's reason keeps its own sides: its sentence names the arresters, no side of the incident
    events = [event if event in apart else full for event, full in zip(events, filled, strict=True)]
    events = attributed(events, doc, table, kinds)
    events, added = implied_parties(events, table, places, context.mutual)
    events = attacks_by_combatants(events, doc, {**kinds, **{actor.name: actor.kind for actor in added}})
    events = [each_other(e) if e.id in context.mutual else e for e in events]
    return [e for e in events if _two_sides(e)], added


def _mentions(events: list[Event], context: SentenceReader, doc: Doc, lead: int,
              within: dict[str, frozenset[str]]) -> Iterator[EventMention]:
    """Each event with what its own sentence says (date, place, toll sides, a word pointing back) for coref."""
    for e in events:
        yield EventMention(e, *context.own[e.id], body=_in_body(e, doc, lead), dead=context.dead.get(e.id, frozenset()),
                           tallied=e.id in context.tallied, update=e.id in context.updated,
                           told=context.told.get(e.id), within=within.get(e.location or "", frozenset()))


def _sentences(doc: Doc) -> Iterator[tuple[int, Span, list[event_types.EventTyping], tuple[Token, ...]]]:
    """The article's sentences with their numbers, event readings and the death verbs of a period's tally
    (:func:`.period_tally`). A reading whose word the tally tells ("300 people have been killed in attacks so far
    this year") is no incident, and a sentence with no other one is left out; "Gunmen abducted 40 pupils in a
    state where bandits have killed 300 people so far this year" keeps its abduction."""
    for number, sent in enumerate(doc.sents):
        typings = [typing for typing in event_types.classify_sentence(sent) if not fled(typing.trigger)]
        tally = period_tally(sent)
        if tally:
            typings = [t for t in typings if t.trigger is not None and not any(
                v.left_edge.i <= t.trigger.i <= v.right_edge.i for v in tally)]
            if not typings:
                continue
        yield number, sent, typings, tally


def _reason_told(context: SentenceReader, sent: Span, typing: event_types.EventTyping,
                 evidence: tuple[str, int, int]) -> list[Event]:
    """The incident an arrest's reason tells with a toll or a day of its own ("arrested 12 people over clashes that
    killed five people on Monday"), read from that phrase: an event besides the arrest, which is none of its
    mentions (an arrest is no detail of what it is over, nor its arresters a side of it)."""
    reason = event_types.reason_apart(typing)
    typings = event_types.classify_sentence(reason) if reason is not None else []
    if reason is None or not typings or typings[0].sub_event_type in ("Arrests", "Other"):
        return []
    return [context.event(reason, sent, typings[0], evidence, f"{reason.start_char}")]


def _untold(reasons: list[Event], events: list[Event]) -> list[Event]:
    """The incidents of arrests' reasons that no event of the article tells itself (same type, place and day)."""
    told = {(e.sub_event_type, e.location, e.date) for e in events}
    return [e for e in reasons if (e.sub_event_type, e.location, e.date) not in told]


def _placed_before(told: list[Event], events: list[Event]) -> list[Event]:
    """``events`` with each of ``told`` placed before the first event told at its sentence or after it."""
    out = list(events)
    for event in told:
        out.insert(next((k for k, e in enumerate(out) if e.start >= event.start), len(out)), event)
    return out


def _untallied(events: list[Event], tally: tuple[Token, ...]) -> list[Event]:
    """A sentence's events without the counts of its period's tally, which are none of theirs."""
    return [replace(event, fatalities=None) for event in events] if tally else events


def _two_sides(event: Event) -> bool:
    """Whether an event's sides are two actors, or one category of unnamed groups that fight each other (clan
    against clan, rioters against rioters): civilians harming civilians is a misread, no event."""
    return not event.actor1 or event.actor1 != event.actor2 or fights_itself(event.actor1)


def _containers(places: list[PlaceMention]) -> dict[str, frozenset[str]]:
    """For each place of the article, the article's places it lies in: its region (admin1) and its country."""
    locations = {p.location.name: p.location for p in places}
    regions = {loc.name for loc in locations.values() if loc.kind == "governorate"}
    countries = {loc.country: loc.name for loc in locations.values() if loc.kind in _COUNTRY_KINDS}
    return {name: frozenset(n for n in (loc.admin1 if loc.admin1 in regions else None,
                                        countries.get(loc.country) if loc.kind not in _COUNTRY_KINDS else None)
                            if n and n != name)
            for name, loc in locations.items()}


def _casualties_only(sent: Span, typings, table: ActorTable, places: list[PlaceMention], before: Event,
                     published: dt.date | None) -> bool:
    """The toll of the event told just before, not an event of its own: an attack read only from its dead, with
    no one armed and no place named ("3 people died in the unrest"), or a sentence whose event words
    only count victims with no doer ("Ten soldiers died", "Two gendarmes were killed, they added") at the
    event's place, if any. A word of another incident keeps it apart; "also" and "others" add victims to it
    ("Two civilians were also killed") unless the sentence gives a date of its own."""
    if not typings:
        return False
    named = {p.location.name for p in places if sent.start <= p.start < sent.end}
    text = span_text(sent)
    if counts_victims([typing.trigger for typing in typings]):
        if announces_another(text, counts_victims=not dates.find_dates(text, published)):
            return False
        return named <= {before.location}  # "five herders died in Tarka": another place, another event
    if announces_another(text):
        return False
    if typings[0].sub_event_type != "Attack" or named:
        return False  # "five herders died in Tarka": the dead of another place are another event
    return not any(table.actors[m.key].kind in ARMED_KINDS for m in table.in_span(sent))


def _claimed(events: list[Event], targets: list[int], doer: str, sent: Span, evidence: tuple[str, int, int],
             context: SentenceReader) -> bool:
    """Name ``doer`` as the doer of the events at ``targets`` (nearest first), in place, and say whether the claim is
    told with that: the claim of one incident is, and its toll is the incident's when it had none ("Seven died in the
    raid, for which X claimed responsibility"); in an article, the claim of several ("X claimed the attacks") is also
    the group's own statement, a strategic development read from its sentence as any other (a short note, ACLED's,
    codes no claim as an event: ``context.per_day`` marks one)."""
    if claims_many(sent):
        events[:] = [with_doer(event, doer, context.kinds) if index in targets else event
                     for index, event in enumerate(events)]
        return context.per_day
    event = with_doer(events[targets[0]], doer, context.kinds)
    told = [event] if event.fatalities is not None else _with_toll_of([event], sent, evidence, context.published)
    events[targets[0]:targets[0] + 1] = told
    return True


def _fought_back(event: Event, kinds: dict[str, str]) -> Event:
    """An attack whose toll is told as that of clashes ("21 were killed on both sides in the clashes"): its
    targets fought back, which ACLED codes as a battle between armed parties (civilians are none of them)."""
    if event.sub_event_type != "Attack":
        return event
    cameo, plover = codes().get("Armed clash", (None, None))
    actor2 = None if kinds.get(event.actor2 or "") == "civilians" else event.actor2
    return replace(event, event_type="Battles", sub_event_type="Armed clash", actor2=actor2, cameo=cameo,
                   plover=plover)


def _typed_by_toll(event: Event, typing: event_types.EventTyping, kinds: dict[str, str], fought: bool) -> Event:
    """An event retyped by the sentence that tells its dead: state forces sent in whose own dead are told as
    violence with no other doer named (``fought``) fought, since the codebook's changes to a group's activity are
    non-violent; a withdrawal stays one (whoever dies after the troops left died in another incident: ``fought`` is
    False for it). An attack whose dead are told as those of clashes was fought back (:func:`_fought_back`)."""
    forces = "state_forces" in {kinds.get(event.actor1 or ""), kinds.get(event.actor2 or "")}
    sent_in = fought and forces
    if event.sub_event_type == "Change to group/activity" and typing.event_type in VIOLENT_TYPES and sent_in:
        civilians = typing.event_type == "Battles" and kinds.get(event.actor2 or "") == "civilians"
        event = replace(event, event_type=typing.event_type, sub_event_type=typing.sub_event_type,
                        actor2=None if civilians else event.actor2, cameo=typing.cameo, plover=typing.plover)
    return _fought_back(event, kinds) if typing.sub_event_type == "Armed clash" else event


def _withdrawn(event: Event, doc: Doc) -> bool:
    """Whether the sentence an event is read from tells a withdrawal (the trigger lexicon's retreat words)."""
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    return span is not None and cues_of(span.sent).told(_WITHDRAWN)


def _force_fought(sent: Span, table: ActorTable) -> bool:
    """Whether a toll sentence counts only state forces' dead and names no armed group or militia, which would be
    another doer ("Two soldiers were killed when they intervened", not "... when rebels attacked the town")."""
    others = any(table.actors[m.key].kind in _NON_STATE_ARMED for m in table.in_span(sent))
    return not others and dead_sides(sent, table) == {"state"}


def _last_sentence(events: list[Event]) -> int:
    """How many of the last events one sentence told (one per place or per day it names)."""
    count = 1
    while count < len(events) and events[-1 - count].start == events[-1].start:
        count += 1
    return count


def _told_together(events: list[Event]) -> list[Event]:
    """The last events read from one sentence without a toll: one incident, at one place or at several."""
    last = events[-1]
    count = 0
    while count < len(events) and events[-1 - count].start == last.start and events[-1 - count].fatalities is None:
        count += 1
    return events[-count:]


def _with_toll_of(told: list[Event], sent: Span, evidence: tuple[str, int, int],
                  published: dt.date | None, victims: str | None = None) -> list[Event]:
    """The events of one incident (:func:`_told_together`) with the toll of a following sentence that reports no
    event of its own ("2 farmers died.", "At least one civilian was killed."), shared among their places as
    ACLED does, and that sentence as one more evidence of each; unless that sentence tallies a period. The civilians
    whose dead or wounded it counts (``victims``) become the second side of remote violence that names none."""
    if ongoing(sent) and dates.standing_since(span_text(sent), published):
        return told
    fatalities = numbers.read_counts(sent).fatalities
    if fatalities is None:  # "Two women were wounded.": the victims, without a toll
        return _with_victims(told, victims)
    return [replace(event, more_evidence=(*event.more_evidence, Evidence(*evidence, fatalities=event.fatalities)))
            for event in shared(_with_victims(told, victims), fatalities)]


def _with_victims(told: list[Event], victims: str | None) -> list[Event]:
    """The remote violence of one incident with no target named, with the civilians whose dead or wounded a following
    sentence counts (``victims``, :func:`.civilian_victims`) as its second side ("The army shelled the town. Five
    civilians were killed."), as when its own sentence names them ("..., killing five civilians")."""
    if victims is None:
        return told
    return [replace(event, actor2=victims) if event.event_type == _REMOTE and event.actor2 is None
            and event.actor1 != victims else event for event in told]


_REMOTE = "Explosions/Remote violence"


HEADLINE_WORDS = 20  # a line without a full stop and at most this long is a headline, not story text


def _ends_like_sentence(event: Event) -> bool:
    return event.evidence.rstrip("\"'”’)").endswith((".", "!", "?"))


def _in_body(event: Event, doc: Doc, lead: int) -> bool:
    """Whether the event's sentence is story text: it ends like a sentence, is too long for a headline, or
    is a line below a page's headline block (``lead``) that reports in the past tense, as an item of a list
    of incidents does; a subheading or a link to another story there speaks as a headline does."""
    if _ends_like_sentence(event) or len(event.evidence.split()) > HEADLINE_WORDS:
        return True
    return 0 < lead <= event.start and reports_past(doc, event.start, event.end)
