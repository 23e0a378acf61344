"""Reads the events one sentence tells: its main event with participants, place, date and counts, the event
of a "during a rampage that left 250 dead" adjunct, and one copy per place the sentence gives the event."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from graph.extract.actors import ActorTable
from graph.extract.events import dates, numbers
from graph.extract.events import types as event_types
from graph.extract.events.clauses import contrast_parts, goes_on
from graph.extract.events.combatants import by_combatants
from graph.extract.events.context_parties import GROUP_EVENTS
from graph.extract.events.crowd_types import crowd_sub_type, mutual
from graph.extract.events.days import days_told
from graph.extract.events.dead_sides import dated_apart, dead_sides, other_side
from graph.extract.events.lexicon import NONVIOLENT_TRANSFER, codes, taxonomy
from graph.extract.events.place import event_place, main_place
from graph.extract.events.relative import counted_from_date, relative_reading
from graph.extract.events.roles import assign_roles
from graph.extract.events.sites import co_places, dealt_tolls
from graph.extract.events.skips import states_toll, told_before
from graph.extract.events.summaries import summarises
from graph.extract.events.syntax import takers
from graph.extract.events.tolls import per_place, place_starts, shared, tolls_by_place
from graph.extract.parse.columns import token_lowers, tokens_where
from graph.extract.parse.sentences import span_text
from graph.extract.places import PlaceMention
from graph.records import Article, Event, Location, slugify

__all__ = ["SentenceReader"]


class SentenceReader:
    """What every event of one article needs: the article, its parse, actors, places, publication date."""

    def __init__(self, article: Article, doc: Doc, table: ActorTable, places: list[PlaceMention],
                 per_day: bool = False):
        self.article, self.doc, self.table, self.places = article, doc, table, places
        self.per_day = per_day  # a short note: an incident told over several days is one event per day (ACLED's)
        self.published = article.published
        self.kinds = {info.name: info.kind for info in table.actors.values()}  # actor name -> kind, read once
        self.fallback = main_place(places)
        self.starts = place_starts(places)
        self.own: dict[str, tuple[bool, bool]] = {}  # event id -> (date read from its text, place named in it)
        self.told: dict[str, str] = {}  # event id -> the noun its event word points back with ("the attack")
        self.mutual: set[str] = set()  # riots whose crowds clash with each other
        self.summaries: set[str] = set()  # events read from a sentence that sums up several incidents
        self.dead: dict[str, frozenset[str]] = {}  # event id -> the sides whose dead its toll counts
        self.tallied: set[str] = set()  # events whose toll's count has a date of its own (:func:`.dated_apart`)
        self.updated: set[str] = set()  # events whose toll updates one told before (:func:`.updates.toll_update`)
        self.last_reading: dates.DateReading | None = None  # the date read for the event told last

    def sentence_events(self, sent: Span, typing, evidence: tuple[str, int, int]) -> list[Event]:
        """The sentence's event, then the event of a "during a rampage that left 250 dead" adjunct, if any."""
        main = self.event(sent, sent, typing, evidence, f"{evidence[1]}")
        adjunct = _death_adjunct(sent, typing.trigger)
        if adjunct is None:
            return self.by_day(
                self.per_place(main, sent) or self.contrasted(sent, typing, evidence) or self.spread(main, sent), sent)
        counts = numbers.read_counts(adjunct)
        typings = event_types.classify_sentence(adjunct)
        if main.fatalities == counts.fatalities:
            main = replace(main, fatalities=None)  # the toll belongs to the event the adjunct names
        if not typings or typings[0].sub_event_type == typing.sub_event_type:
            return [main]
        second = self.event(adjunct, sent, typings[0], evidence, f"{adjunct.start_char}")
        if not (second.actor1 or second.actor2):
            second = replace(second, actor1=main.actor1, actor2=main.actor2, assoc_actor_1=main.assoc_actor_1,
                             assoc_actor_2=main.assoc_actor_2)
        return [main, second]

    def counts_other_side(self, event: Event, sent: Span) -> bool:
        """Whether a later sentence counts the dead of another side than the event's toll (:mod:`.dead_sides`),
        which the toll then counts too; never a count with a date of its own."""
        told, later = self.dead.get(event.id, frozenset()), dead_sides(sent, self.table)
        day = event.date if self.own.get(event.id, (False, False))[0] else None  # the day its own text gives
        if not other_side(told, later) or dated_apart(sent, self.published, day):  # a tally, another incident's
            return False
        self.dead[event.id] = told | later
        return True

    def by_day(self, events: list[Event], sent: Span) -> list[Event]:
        """In a short note, a sentence's event told over several days ("between 3 and 5 May", a toll "since
        Monday") once per day, each with its share of the toll: ACLED codes one event per day and place, so an
        event told at several places is each place's event once per day, each day with its share of the place's."""
        toll = any(event.fatalities is not None for event in events)
        days = days_told(span_text(sent), self.published, toll=toll) if self.per_day and events else []
        if not days:
            return events
        out = []
        for event in events:
            copies = [replace(event, id=f"{event.id}-d{n}", date=day.isoformat(), date_precision="day")
                      for n, day in enumerate(days, start=1)]
            for copy in copies:
                self.own[copy.id] = (True, self.own[event.id][1])
            out.extend(shared(copies, event.fatalities))
        return out

    def spread(self, event: Event, sent: Span) -> list[Event]:
        """The event at its place and at each place coordinated with it, with the dead the sentence deals out to
        each (:func:`.sites.dealt_tolls`), else sharing its toll (:func:`elsewhere`), but a toll told in a "where"
        clause ("in A and B, where police shot two dead"): the place the clause follows."""
        copies, counts = self.elsewhere(event, sent)
        events = [event, *copies]
        at = _where_toll(sent, self.places, event.fatalities) if copies else None
        if at is not None and any(copy.location == at for copy in events):
            return [replace(copy, fatalities=event.fatalities if copy.location == at else None) for copy in events]
        return dealt_tolls(events, counts, event.fatalities) or shared(events, event.fatalities)

    def contrasted(self, sent: Span, typing, evidence: tuple[str, int, int]) -> list[Event]:
        """The events of a sentence that tells two incidents by contrast (:mod:`.clauses`), each read from its own
        part, at its own places; empty unless the other part tells an event at a place of its own."""
        parts = contrast_parts(sent, typing.trigger)
        if parts is None:
            return []
        own, other = parts
        typings = event_types.classify_sentence(other) or ([typing] if goes_on(other) else [])
        named = {p.location.id for p in self.places if other.start <= p.start and p.end <= other.end
                 and not (p.actor or p.reference)}
        if not typings or typings[0].sub_event_type == "Other" or not named:
            return []
        main = self.event(own, sent, typing, evidence, f"{evidence[1]}", where=own)
        second = self.event(other, sent, typings[0], evidence, f"{other.start_char}", where=other)
        if not (second.actor1 or second.actor2):
            second = replace(second, actor1=main.actor1, actor2=main.actor2, assoc_actor_1=main.assoc_actor_1,
                             assoc_actor_2=main.assoc_actor_2)
        if second.location == main.location:
            return []
        first, then = (main, second) if own.start < other.start else (second, main)
        return [*self.spread(first, sent), *self.spread(then, sent)]

    def per_place(self, event: Event, sent: Span, evidence: tuple[str, int, int] | None = None) -> list[Event]:
        """The event once at each place the sentence gives its own toll (:mod:`.tolls`); empty when it gives
        none."""
        copies = per_place(event, pairs, evidence) if (pairs := tolls_by_place(sent, self.starts)) else []
        for copy in copies:
            self.own[copy.id] = (self.own[event.id][0], True)
        return copies

    def elsewhere(self, event: Event, sent: Span) -> tuple[list[Event], dict[str, int | None]]:
        """The event at each other place its sentence names with its own ("the villages of A, B and C"),
        without a toll, and the counts the sentence deals out to the places (:class:`.sites.Sites`)."""
        chosen = next((p.location for p in self.places if p.location.name == event.location), None)
        sites = co_places(sent, self.places, chosen)
        copies = []
        for number, location in enumerate(sites.places, start=1):
            copy = replace(event, id=f"{event.id}-{number}", location=location.name, fatalities=None)
            self.own[copy.id] = (self.own[event.id][0], True)
            copies.append(copy)
        return copies, sites.counts

    def date_reading(self, span: Span, sent: Span, trigger) -> dates.DateReading | None:
        """The date of an event read from ``span`` (else from its sentence), counted from a date it is told
        relative to, else from the event told last ("the next day"); remembered for the events that follow."""
        reading = dates.resolve_date(span, self.published)
        if reading is None and span is not sent:
            reading = dates.resolve_date(sent, self.published)
        if reading is not None:  # "claimed on Monday the ambush carried out the day before"
            reading = counted_from_date(sent, trigger, reading, self.published)
        reading = reading or relative_reading(span_text(sent), self.last_reading, self.published)  # "the next day"
        self.last_reading = reading or self.last_reading
        return reading

    def remember(self, event_id: str, sent: Span, span: Span, typing, found: tuple[bool, Location | None]) -> None:
        """Note what the article-level steps read of an event: whether its date and place were told in its own
        sentence (``found``), the noun it points back with, whether its crowds clash, whether it sums up."""
        dated, place = found
        named = {p.location.id for p in self.places if sent.start <= p.start and p.end <= sent.end}
        self.own[event_id] = (dated, place is not None and place.id in named)
        told = told_before(typing.trigger) or ("toll" if states_toll(span_text(sent)) else None)
        if told:
            self.told[event_id] = told
        if typing.event_type == "Riots" and mutual(typing.trigger):
            self.mutual.add(event_id)
        if summarises(span):
            self.summaries.add(event_id)

    def event(self, span: Span, sent: Span, typing, evidence: tuple[str, int, int], anchor: str,
              where: Span | None = None) -> Event:
        """Build one event read from ``span`` (the sentence or a part of it), placed among the places of ``where``
        (the sentence unless given)."""
        riot = _crowd_typing(typing, span, self.table)
        typing = riot or typing
        roles = assign_roles(span, typing.trigger, self.table, typing.event_type, typing.sub_event_type)
        place = event_place(where or sent, self.places, self.fallback, typing.trigger)
        reading = self.date_reading(span, sent, typing.trigger)
        date: str | None
        precision: str | None
        if reading is None and self.published is not None:
            date, precision = self.published.isoformat()[:7], "month"  # no date given: the month of the report
        else:
            date, precision = (reading.iso, reading.precision) if reading else (None, None)
        counts = numbers.read_counts(span)
        actor1, actor2, assoc1 = _persons_aside(roles, typing, self.kinds)
        text, start, end = evidence
        event_id = f"event/{slugify(self.article.id)}-{anchor}"
        self.remember(event_id, sent, span, typing, (reading is not None, place))
        event = Event(
            id=event_id,
            event_type=typing.event_type,
            sub_event_type=_territory_taker(typing, self.table, actor1, self.kinds),
            actor1=actor1,
            actor2=actor2,
            assoc_actor_1=assoc1,
            assoc_actor_2=roles.assoc_actor_2,
            location=place.name if place else None,
            date=date,
            date_precision=precision,
            fatalities=_own_dead(span, counts.fatalities, typing.sub_event_type, self.table),
            quantity=counts.quantity,
            confidence=round(float(typing.confidence), 3),
            evidence=text,
            start=start,
            end=end,
            reported_by=roles.reported_by,
            cameo=typing.cameo,
            plover=typing.plover,
        )
        if event.fatalities is not None:
            self.dead[event_id] = dead_sides(span, self.table)
            if dated_apart(span, self.published):  # another day than the incident's: apart by its date (coref)
                self.tallied.add(event_id)
            if counts.update:
                self.updated.add(event_id)
        if riot is not None:
            return _crowd_first(event, self.kinds)
        return by_combatants(event, sent, self.kinds)


# Protests with no violence done and arrests (a strategic development): ACLED codes no deaths for them
_UNHARMED = frozenset(["Peaceful protest", "Protest with intervention", "Arrests"])
_ADJUNCT_PREPS = {"during", "amid", "in", "after", "following"}
_RESULTS = frozenset(["result", "end"])  # verbs whose "in" phrase tells what the event itself led to
_DEATH_LEMMAS = {"death", "kill", "die", "assassinate", "execute", "behead", "slay", "murder", "assassination",
                 "killing", "execution", "dead"}


def _death_adjunct(sent: Span, trigger) -> Span | None:
    """A "during/amid <event> that left N dead" phrase that does not hold the trigger."""
    for token in tokens_where(sent, token_lowers(sent.doc), _ADJUNCT_PREPS):
        if token.dep_ != "prep" or token.head.lemma_.lower() in _RESULTS:
            continue  # a fight "that resulted in the deaths of nine guards": the fight's own toll
        objects = [c for c in token.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
        if not objects:
            continue
        subtree = list(token.subtree)
        span = sent.doc[subtree[0].i : subtree[-1].i + 1]
        if trigger is not None and span.start <= trigger.i < span.end:
            continue
        if any(t.lemma_.lower() in _DEATH_LEMMAS for t in span) and any(t.like_num for t in span):
            return span
    return None


def _own_dead(span: Span, counted: int | None, sub_event_type: str, table: ActorTable) -> int | None:
    """The event's toll: the dead its span counts, else the named persons it reports dead; none for a protest
    with no violence done or an arrest, whose sentence counts another event's dead ("against attacks that killed
    nine", "arrested over the killing of three"): a protest that kills is excessive force or a riot."""
    if sub_event_type in _UNHARMED:
        return None
    return counted if counted is not None else _named_dead(span, table)


def _named_dead(span: Span, table: ActorTable) -> int | None:
    """Count the named persons the span reports dead ("the death of commander X", "X was killed")."""
    dead = set()
    for mention in table.in_span(span):
        if table.actors[mention.key].kind != "person":
            continue
        node = span.doc[mention.start : mention.end].root
        for _ in range(4):
            if node.dep_ == "appos" or node.dep_ == "compound":
                node = node.head
                continue
            head = node.head
            if head.lemma_.lower() in _DEATH_LEMMAS and (
                node.dep_ in {"nsubjpass", "dobj"} or (node.dep_ == "nsubj" and head.lemma_.lower() == "die")
            ):
                dead.add(mention.key)
            if node.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _DEATH_LEMMAS:
                dead.add(mention.key)
            break
    return len(dead) or None


def _persons_aside(roles, typing, kinds: dict[str, str]) -> tuple[str | None, str | None, tuple[str, ...]]:
    """In armed events and transfers of ground the parties are groups: a named person ("the town was handed over
    to militiamen under their leader X") stands aside as an associate of side 1."""
    actor1, actor2, assoc = roles.actor1, roles.actor2, list(roles.assoc_actor_1)
    if typing.event_type in GROUP_EVENTS or typing.sub_event_type == NONVIOLENT_TRANSFER:
        if kinds.get(actor1) == "person":
            assoc.append(actor1)
            actor1 = None
        if kinds.get(actor2) == "person":
            actor2 = None
    return actor1, actor2, tuple(dict.fromkeys(assoc))


def _crowd_typing(typing, span: Span, table: ActorTable):
    """The typing as a riot when the parties make it a crowd's violence (:mod:`.crowd_types`), else None."""
    mentioned = [(table.actors[m.key].kind, span.doc[m.start : m.end].root) for m in table.in_span(span)
                 if m.link is None]
    sub = crowd_sub_type(typing.sub_event_type, typing.trigger, typing.cue, mentioned)
    if sub is None:
        return None
    cameo, plover = codes().get(sub, (None, None))
    return replace(typing, event_type=taxonomy()[sub], sub_event_type=sub, cameo=cameo, plover=plover)


def _crowd_first(event: Event, kinds: dict[str, str]) -> Event:
    """A riot's crowd is its actor1, the state forces it fights actor2."""
    if kinds.get(event.actor1 or "") != "civilians" and kinds.get(event.actor2 or "") == "civilians":
        return replace(event, actor1=event.actor2, actor2=event.actor1, assoc_actor_1=event.assoc_actor_2,
                       assoc_actor_2=event.assoc_actor_1)
    return event


_CAPTURES = {"CAPTURE", "RETAKE"}
_TAKERS = {"state_forces": "Government regains territory", "armed_group": "Non-state actor overtakes territory"}


def _territory_taker(typing, table: ActorTable, actor1: str | None, kinds: dict[str, str]) -> str:
    """A capture is typed by who took the ground: the state regains it, an armed group overtakes it.

    The sentence's words can mislead ("the Arakan Army seized ..." reads "Army" as the state's);
    the actors named as doers of the capture verb settle it when they are all of one side, else the
    event's actor1 when the parse names no doer ("the RSF is said to have seized ...").
    """
    sub_event_type = typing.sub_event_type
    if sub_event_type not in _TAKERS.values() or typing.cue not in _CAPTURES or typing.trigger is None:
        return sub_event_type
    doers = [table.at(i) for i in takers(typing.trigger)]
    sides = {_TAKERS.get(table.actors[doer.key].kind) for doer in doers if doer and doer.link is None} - {None}
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in typing.trigger.children)  # the loser is named
    if not doers and actor1 is not None and not passive:
        sides = {_TAKERS.get(kinds.get(actor1, ""))} - {None}
    taker = sides.pop() if len(sides) == 1 else None
    return taker or sub_event_type


def _where_toll(sent: Span, places: list[PlaceMention], toll: int | None) -> str | None:
    """The place named last before a "where" clause that tells the sentence's toll ("Marches were held in A and B,
    where troops killed a protester": B), or None: its dead are that place's, not shared by the places before."""
    if toll is None:
        return None
    doc = sent.doc
    for where in tokens_where(sent, token_lowers(doc), ("where",)):  # few words are "where": no Token for the rest
        clause = where.head
        if clause.dep_ != "relcl" or numbers.read_counts(doc[clause.left_edge.i : clause.right_edge.i + 1]).fatalities \
                != toll:
            continue
        before = [p for p in places if sent.start <= p.start and p.end <= where.i and not (p.actor or p.reference)]
        return max(before, key=lambda p: p.start).location.name if before else None
    return None
