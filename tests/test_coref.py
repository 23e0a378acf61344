"""Event coreference inside one article (graph/extract/events/coref.py): one incident, one event."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest

from graph.extract.events.coref import merge_mentions as merge_incidents
from graph.extract.events.mentions import EventMention
from graph.extract.events.skips import told_before
from graph.records import Event, Evidence

PUBLISHED_MONTH = "2024-03"


def merge_mentions(mentions):
    """The events of the merged incidents."""
    return [incident.event for incident in merge_incidents(mentions)]


# Each mention starts after the one made before it, as sentences follow one another in an article
_STARTS = itertools.count(0, 1000)


def mention(evidence: str, sub: str = "Armed clash", kind: str = "Battles", actors=(None, None), place=None,
            date=None, toll=None, body=True, told=None, within=(), start=None, more=()) -> EventMention:
    """One sentence's event; no date means the publication month, no place means the article's main place."""
    start = next(_STARTS) if start is None else start
    precision = "day" if date and len(date) == 10 else "month"
    event = Event(id=f"event/t-{start}", event_type=kind, sub_event_type=sub, actor1=actors[0], actor2=actors[1],
                  location=place or "Main Town", date=date or PUBLISHED_MONTH, date_precision=precision,
                  fatalities=toll, evidence=evidence, start=start, end=start + len(evidence), more_evidence=more)
    return EventMention(event, dated=date is not None, placed=place is not None, body=body, told=told,
                        within=frozenset(within))


ARMY, GROUP, OTHER = "Military Forces of Niger", "Islamic State Sahel", "JNIM"
UNNAMED, CIVILIANS = "Unidentified Armed Group (Niger)", "Civilians (Niger)"
ATTACK = {"sub": "Attack", "kind": "Violence against civilians"}


def bombing(evidence: str, **fields) -> EventMention:
    """A sentence's bombing of civilians by no one named."""
    return mention(evidence, sub="Remote explosive/landmine/IED", kind="Explosions/Remote violence",
                   actors=(None, CIVILIANS), **fields)


BOMB_LEDE = bombing("A bomb tore through a crowded market, killing nine people, police said.", toll=9)


@pytest.mark.parametrize(
    ("mentions", "count"),
    [
        # lede, elaboration and quote of one ambush
        ([mention("Militants ambushed an army unit near Bankilare on Tuesday.", actors=(GROUP, ARMY),
                  place="Bankilare", date="2024-03-19", toll=23),
          mention("The ambush lasted for hours, the army said.", actors=(None, ARMY)),
          mention('"They attacked us from all sides," a soldier said.', actors=(GROUP, None))], 1),
        # a casualty update names the incident and adds nothing that sets it apart
        ([mention("Gunmen attacked the village of Tera, killing six.", place="Tera", toll=6),
          mention("The death toll from the attack rose to nine on Wednesday.", date="2024-03-20", toll=9)], 1),
        # the same incident read as a clash in one sentence and an attack in the next that refers back
        ([mention("Militants attacked soldiers in Tera.", actors=(GROUP, ARMY), place="Tera"),
          mention("The attack killed four soldiers.", sub="Attack", kind="Violence against civilians",
                  actors=(GROUP, None), toll=4)], 1),
        # another place
        ([mention("Militants attacked soldiers in Tera.", actors=(GROUP, ARMY), place="Tera"),
          mention("Militants attacked soldiers in Dori.", actors=(GROUP, ARMY), place="Dori")], 2),
        # another day
        ([mention("Militants attacked soldiers on Monday.", actors=(GROUP, ARMY), date="2024-03-18"),
          mention("Militants attacked soldiers on Friday.", actors=(GROUP, ARMY), date="2024-03-15")], 2),
        # other attackers
        ([mention("Islamic State fighters attacked soldiers.", actors=(GROUP, ARMY)),
          mention("JNIM fighters attacked soldiers.", actors=(OTHER, ARMY))], 2),
        # an incident recalled from another month
        ([mention("Militants killed seven soldiers on Friday.", actors=(GROUP, ARMY), date="2024-03-15", toll=7),
          mention("Ten soldiers were killed in February.", actors=(None, ARMY), date="2024-02", toll=10)], 2),
        # a word that announces another incident
        ([mention("Militants attacked soldiers.", actors=(GROUP, ARMY)),
          mention("Separately, militants attacked soldiers.", actors=(GROUP, ARMY))], 2),
        # another kind of event that does not refer back
        ([mention("Militants attacked soldiers.", actors=(GROUP, ARMY)),
          mention("Protesters marched against the army.", sub="Peaceful protest", kind="Protests")], 2),
        # unnamed gunmen in one sentence, the group named in the next: one attacker
        ([mention("Gunmen stormed the village of Kolmadi, killing five farmers.", sub="Attack",
                  kind="Violence against civilians", actors=(UNNAMED, CIVILIANS), place="Kolmadi", toll=5),
          mention("Islamic State fighters torched the granaries as they left.", sub="Attack",
                  kind="Violence against civilians", actors=(GROUP, None))], 1),
        ([mention("Islamic State fighters attacked an army post.", actors=(GROUP, ARMY)),
          mention("The gunmen fired on the soldiers for an hour.", actors=(UNNAMED, ARMY))], 1),
        # but not a state force: soldiers are no unidentified group, nor are two named groups one
        ([mention("Gunmen attacked farmers in Kolmadi.", sub="Attack", kind="Violence against civilians",
                  actors=(UNNAMED, CIVILIANS), place="Kolmadi"),
          mention("Soldiers shot farmers in Kolmadi.", sub="Attack", kind="Violence against civilians",
                  actors=(ARMY, CIVILIANS), place="Kolmadi")], 2),
        ([mention("Gunmen attacked soldiers.", actors=(UNNAMED, ARMY)),
          mention("Islamic State and JNIM fighters fought each other.", actors=(GROUP, OTHER))], 2),
        # a lede that leaves out the day, and the next sentence that gives it with no toll of its own or the
        # lede's toll: one incident
        ([BOMB_LEDE, bombing("The device went off in Tamberi on Saturday morning as traders set up their stalls.",
                             place="Tamberi", date="2024-03-16")], 1),
        ([BOMB_LEDE, bombing("Nine people died when the device went off in Tamberi on Saturday.", place="Tamberi",
                             date="2024-03-16", toll=9)], 1),
        # ... but a day with another toll at a place the lede does not name: another attack of the same group
        ([mention("Jihadists killed seven villagers in the north, officials said.", actors=(GROUP, CIVILIANS), toll=7,
                  **ATTACK),
          mention("On Saturday, the jihadists killed three herders at a well near Tamberi.", actors=(GROUP, CIVILIANS),
                  place="Tamberi", date="2024-03-16", toll=3, **ATTACK)], 2),
        # ... but a day given after an undated sentence deep in the story, or only a month after the lede, may be
        # another incident's
        ([mention("Hundreds marched through Tamberi on Monday.", sub="Peaceful protest", kind="Protests",
                  actors=("Protesters (Niger)", None), place="Tamberi", date="2024-03-18"),
          mention("The army has fought jihadists in the west for years.", actors=(ARMY, GROUP)),
          mention("Jihadists attacked an army post on Friday.", actors=(GROUP, ARMY), date="2024-03-15")], 3),
        ([BOMB_LEDE, bombing("A device went off in Tamberi in February.", place="Tamberi", date="2024-02")], 2),
    ],
)
def test_mentions_of_one_incident_are_one_event(mentions, count):
    assert len(merge_mentions(mentions)) == count


@pytest.mark.parametrize(
    ("later", "count"),
    [
        # how the ambush went, read as an attack on the soldiers: a detail of the clash
        (mention("Gunmen shot at the patrol from the ridge above the road.", actors=(None, ARMY), **ATTACK), 1),
        (mention('"The militants knew exactly where to strike," a colonel said.', actors=(GROUP, None), **ATTACK), 1),
        # a place, a date or a word of another incident of its own sets it apart
        (mention("Gunmen shot at a patrol in Bandaru.", actors=(None, ARMY), place="Bandaru", **ATTACK), 2),
        (mention("Gunmen shot at a patrol on Friday.", actors=(None, ARMY), date="2024-03-15",
                 **ATTACK), 2),
        (mention("Gunmen also shot at a patrol.", actors=(None, ARMY), **ATTACK), 2),
        # no party of the clash, or only the civilians many attacks hit
        (mention("Gunmen shot at farmers.", actors=(None, CIVILIANS), **ATTACK), 2),
        # a bombing is no detail of a clash
        (mention("A roadside bomb hit the soldiers' truck.", sub="Remote explosive/landmine/IED",
                 kind="Explosions/Remote violence", actors=(None, ARMY)), 2),
    ],
)
def test_a_story_s_detail_of_a_clash_joins_it(later, count):
    lede = mention("Militants ambushed two soldiers near Kolmadi on Saturday, killing both.", actors=(GROUP, ARMY),
                   place="Kolmadi", date="2024-03-16", toll=2)
    assert len(merge_mentions([lede, later])) == count


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [((UNNAMED, CIVILIANS), (GROUP, None), (GROUP, CIVILIANS)),
     ((GROUP, CIVILIANS), (UNNAMED, None), (GROUP, CIVILIANS)),
     # no group named in either: the gunmen stay unnamed
     ((UNNAMED, CIVILIANS), (UNNAMED, None), (UNNAMED, CIVILIANS))],
)
def test_unnamed_gunmen_take_the_name_the_other_mention_gives(first, later, expected):
    merged = merge_mentions([
        mention("Gunmen stormed the village of Kolmadi, killing five farmers.", sub="Attack",
                kind="Violence against civilians", actors=first, place="Kolmadi", toll=5),
        mention("The attackers set fire to the granaries as they left.", sub="Attack",
                kind="Violence against civilians", actors=later)])
    assert [(e.actor1, e.actor2) for e in merged] == [expected]


def test_attack_whose_targets_fought_back_is_a_battle():
    merged = merge_mentions([
        mention("Gunmen raided the village of Tera.", sub="Attack", kind="Violence against civilians",
                actors=(GROUP, None), place="Tera"),
        mention("During the raid they exchanged fire with soldiers.", actors=(GROUP, ARMY)),
    ])
    assert [(e.event_type, e.sub_event_type) for e in merged] == [("Battles", "Armed clash")]


@pytest.mark.parametrize(
    ("first_dead", "later_dead", "tallied", "toll"),
    [
        ({"state"}, {"armed"}, False, 14),  # each side's dead of one incident add up
        ({"state"}, {"state"}, False, 5),  # the same side's dead counted twice: the lowest figure
        ({"state", "armed"}, {"armed"}, False, 5),
        ({"state"}, set(), False, 5),  # a count of anyone may be of the same dead
        ({"state"}, {"armed"}, True, 5),  # a count with a date of its own is a tally: never added
    ],
)
def test_a_later_count_of_the_other_side_s_dead_adds_to_the_toll(first_dead, later_dead, tallied, toll):
    merged = merge_mentions([
        replace(mention("Militants ambushed an army unit near Bardelo, killing five soldiers.", actors=(GROUP, ARMY),
                        place="Bardelo", toll=5), dead=frozenset(first_dead)),
        replace(mention("Soldiers killed nine of the attackers as they fled.", actors=(ARMY, GROUP), toll=9),
                dead=frozenset(later_dead), tallied=tallied),
    ])
    assert [e.fatalities for e in merged] == [toll]


def test_merged_event_takes_what_the_first_mention_lacked():
    merged = merge_mentions([
        mention("Militants ambushed an army unit.", actors=(GROUP, None), toll=12),
        mention("The ambush near Tera on Tuesday killed 12 soldiers.", actors=(None, ARMY), place="Tera",
                date="2024-03-19", toll=12),
        replace(mention("The toll from the ambush later rose to 15.", toll=15), update=True),
    ])
    assert len(merged) == 1
    event = merged[0]
    assert (event.actor1, event.actor2, event.location, event.date) == (GROUP, ARMY, "Tera", "2024-03-19")
    assert event.fatalities == 15  # the update's total (ACLED codes the latest count), never the sum 39


@pytest.mark.parametrize(
    ("places", "count", "where"),
    [
        # the lede names the region, the next sentence the village in it: one incident at the village
        ([("Tillaberi", ()), ("Tera", ("Tillaberi", "Niger"))], 1, ["Tera"]),
        # told the other way round, the village still places it
        ([("Tera", ("Tillaberi", "Niger")), ("Tillaberi", ("Niger",))], 1, ["Tera"]),
        # the country of the lede holds the village of the body
        ([("Niger", ()), ("Tera", ("Tillaberi", "Niger"))], 1, ["Tera"]),
        # two villages of one region are two places
        ([("Tera", ("Tillaberi", "Niger")), ("Dori", ("Tillaberi", "Niger"))], 2, ["Tera", "Dori"]),
    ],
)
def test_a_place_that_lies_in_the_other_is_the_same_incident(places, count, where):
    merged = merge_mentions([
        mention(f"Militants attacked soldiers in {name}.", actors=(GROUP, ARMY), place=name, within=within)
        for name, within in places])
    assert (len(merged), [e.location for e in merged]) == (count, where)


@pytest.mark.parametrize(
    ("text", "another"),
    [
        ("Separately, gunmen attacked a police post.", True),
        ("In a separate incident, two farmers were killed.", True),
        ("Four guards were also killed in Zinder.", True),
        ("The rebels also said troops attacked a camp.", True),
        ("A second patrol was sent to the village.", True),
        # the word qualifies a source, a report or a demand, not an incident
        ("Another hospital source gave the same toll.", False),
        ("The paper also quoted a nurse on the raid.", False),
        ("Hundreds marched, asking for a separate state for the region.", False),
        ("A second official said the attack lasted an hour.", False),
        ("The bandits then set the granary alight.", True),
        # "then" closing a clause means "at that time"
        ("No figure for the wounded was given then.", False),
        # a reprisal is an incident of its own; what an incident responded to is told of it
        ("In response, the army fired artillery at the rebel camp.", True),
        ("The militia retaliated by burning two hamlets.", True),
        ("The troops were deployed in response to a call from the governor.", False),
        ("They struck in retaliation for the killing of a chief.", False),
        ("The militia has retaliated by burning farms before.", False),
    ],
)
def test_words_that_announce_another_incident(text, another):
    from graph.extract.events.incident_words import announces_another

    assert announces_another(text) is another


def test_a_merged_event_keeps_every_mention_as_evidence_with_its_own_figures():
    # the lede gives no toll: it must not take the update's 15, which the merged incident held when the body came
    lede = mention("Militants ambushed an army unit.", actors=(GROUP, None), start=0)
    body = mention("The ambush near Tera on Tuesday killed 12 soldiers.", actors=(None, ARMY), place="Tera",
                   date="2024-03-19", toll=12, start=400)
    update = mention("The toll from the ambush later rose to 15.", toll=15, told="toll", start=200)
    [event] = merge_mentions([lede, update, body])
    told = [(e.text, e.fatalities, e.date) for e in event.more_evidence]
    assert event.evidence == body.event.evidence  # the sentence that tells most
    # in text order, each with its own toll and no date of its own
    assert told == [(lede.event.evidence, None, None), (update.event.evidence, 15, None)]
    assert event.fatalities == 12


def test_a_merged_mention_keeps_the_evidence_it_already_carried():
    # the body sentence carries the next sentence's toll ("Nine guards died."); merged into the lede, both stay
    toll_line = Evidence("Nine guards died.", 560, 577, fatalities=9)
    lede = mention("Gunmen stormed a prison outside Kolo.", actors=(GROUP, None), start=0)
    body = mention("The assault on the Kolo prison began at dawn on Sunday.", actors=(GROUP, ARMY), place="Kolo",
                   date="2024-03-17", toll=9, start=500, more=(toll_line,))
    [event] = merge_mentions([lede, body])
    assert event.evidence == body.event.evidence
    assert [(e.text, e.fatalities) for e in event.more_evidence] == [(lede.event.evidence, None), (toll_line.text, 9)]


def test_each_evidence_keeps_the_confidence_of_its_own_sentence():
    lede = mention("Militants ambushed an army unit.", actors=(GROUP, None), start=0)
    body = mention("The ambush near Tera on Tuesday killed 12 soldiers.", actors=(None, ARMY), place="Tera",
                   date="2024-03-19", toll=12, start=100)
    lede = EventMention(replace(lede.event, confidence=0.4), dated=False, placed=False)
    body = EventMention(replace(body.event, confidence=0.9), dated=True, placed=True)
    [event] = merge_mentions([lede, body])
    assert event.confidence == 0.9  # the evidence sentence's
    assert [e.confidence for e in event.more_evidence] == [0.4]


def test_an_incident_told_once_has_no_more_evidence():
    events = merge_mentions([mention("Militants attacked soldiers in Tera.", place="Tera"),
                             mention("Militants attacked soldiers in Dori.", place="Dori")])
    assert [e.more_evidence for e in events] == [(), ()]


def test_story_sentence_is_the_evidence_rather_than_the_headline():
    merged = merge_mentions([
        mention("Militants kill 12 in Niger ambush", actors=(GROUP, None), toll=12, body=False),
        mention("Militants ambushed an army unit near Tera, killing 12 soldiers.", actors=(GROUP, ARMY),
                place="Tera", toll=12),
    ])
    assert [e.evidence for e in merged] == ["Militants ambushed an army unit near Tera, killing 12 soldiers."]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Al-Shabaab fighters ambushed a Somali army convoy near Afgoye on Tuesday. Six soldiers were killed in "
         "the ambush, a military officer said. \"They attacked us from both sides,\" he said.", 1),
        ("Boko Haram fighters attacked the town of Gwoza on Monday, killing 12 civilians. On Wednesday, Nigerian "
         "troops clashed with ISWAP fighters in Monguno.", 2),
        # more victims of the incident told just before: "also" and "others" add to it
        ("Troops fired on marchers in Kisangani on Monday, killing one student. A nurse also counted three others "
         "killed.", 1),
        # victims with a date of their own are another incident
        ("Gunmen stormed the market in Tera on Monday and shot dead a trader. Ten soldiers were also killed in "
         "February.", 2),
        # a strike told as a reprisal for the raid before it is a second incident
        ("Militants raided a police post near Kolabe on Monday night. In retaliation, jets struck the militants' camp "
         "in the forest.", 2),
        # an attack said to avenge something is that one attack; a past habit of reprisals is no incident
        ("Herders attacked a farming village near Kolabe on Sunday, killing four people. The herders attacked the "
         "village in retaliation for the theft of their cattle, residents said.", 1),
        ("Gunmen killed three villagers near Kolabe on Sunday. The militia has retaliated by burning farms in the "
         "past, a resident said.", 1),
    ],
)
def test_article_events(text, count):
    from tests.test_events import extract

    assert len(extract("coref", text, "2024-03-22").events) == count


def test_a_toll_update_on_a_later_day_is_the_same_incident():
    from tests.test_events import extract

    text = ("Al-Shabaab fighters ambushed a Somali army convoy near Afgoye on Tuesday, killing six soldiers. The toll "
            "from the ambush rose to nine on Wednesday, a military officer said.")
    [event] = extract("coref", text, "2024-03-22").events
    assert (event.date, event.fatalities) == ("2024-03-19", 9)  # the incident's day; the update's total
    assert [(e.fatalities, e.date) for e in event.more_evidence] == [(9, "2024-03-20")]  # as the update told it


def test_a_toll_stated_later_is_the_incident_s_not_another():
    from tests.test_events import extract

    text = ("A bomb exploded at a mosque in Tera on Friday, wounding dozens. In Dori, militants ambushed a patrol on "
            "Friday, killing four soldiers. Earlier the police put the death toll at the mosque in Tera at two dead "
            "and six injured.")
    events = extract("coref", text, "2024-03-22").events
    assert [(e.event_type, e.fatalities) for e in events] == [("Explosions/Remote violence", 2), ("Battles", 4)]
    assert [e.text[:25] for e in events[0].more_evidence] == ["Earlier the police put th"]


@pytest.mark.parametrize(
    ("text", "toll"),
    [("Earlier a medic put the death toll at five.", True), ("The toll from the ambush rose to nine.", True),
     ("Its casualty toll is not known.", True), ("Militants killed two soldiers.", False),
     ("Toll roads were closed.", False), ("Officials later put the toll at more than 30.", True),
     ("The toll of the blast stood at 14 on Sunday.", True),
     # a toll gate or plaza is no toll of the dead, nor a time or a distance after it
     ("Gunmen robbed drivers queueing at the toll gate.", False),
     ("The toll plaza closed at 6 pm after the protest.", False),
     ("Troops set up a checkpoint at the toll plaza, 12 km from the town.", False)],
)
def test_states_toll(text, toll):
    from graph.extract.events.skips import states_toll

    assert states_toll(text) is toll


@pytest.mark.parametrize(
    ("toll_line", "count"),
    [
        ("Earlier the district officer said the death toll was five.", 1),  # "earlier" dates the report
        ("In another attack, the death toll was five.", 2),
        ("Separately, the death toll of a raid on Gao rose to five.", 2),
    ],
)
def test_only_earlier_lets_a_stated_toll_point_back(toll_line, count):
    raid = mention("Gunmen raided a cattle market in Tera.", sub="Attack", kind="Violence against civilians",
                   actors=(GROUP, None), place="Tera")
    clash = mention("Soldiers clashed with militants near Dori.", actors=(ARMY, OTHER), place="Dori")
    stated = mention(toll_line, sub="Attack", kind="Violence against civilians", toll=5, told="toll")
    assert len(merge_mentions([raid, clash, stated])) == count + 1


def test_a_toll_told_after_the_incident_is_evidence_of_it():
    from graph.records import Extraction
    from tests.test_events import extract

    text = ("Al-Shabaab fighters ambushed a Somali army convoy near Afgoye on Tuesday. Six soldiers were killed in "
            "the ambush, a military officer said.")
    extraction = extract("coref", text, "2024-03-22")
    [event] = extraction.events
    assert [(e.text, e.fatalities) for e in event.more_evidence] == [
        ("Six soldiers were killed in the ambush, a military officer said.", 6)]
    assert text[event.more_evidence[0].start : event.more_evidence[0].end] == event.more_evidence[0].text
    assert Extraction.from_json(extraction.to_json()) == extraction  # the JSON contract carries it



def test_undated_mentions_take_the_story_day():
    from graph.extract.events.timeline import anchor_dates

    incidents = merge_incidents([
        mention("Militants ambushed an army unit near Tera on Tuesday.", actors=(GROUP, ARMY), place="Tera",
                date="2024-03-19"),
        mention("Protesters later marched against the army.", sub="Peaceful protest", kind="Protests"),
        mention("Ten soldiers were killed in Dori in February.", actors=(None, ARMY), place="Dori", date="2024-02"),
        mention("Looters then burned the market.", sub="Looting/property destruction", kind="Strategic developments"),
    ])
    dates = [e.date for e in anchor_dates(incidents, dt.date(2024, 3, 22))]
    assert dates == ["2024-03-19", "2024-03-19", "2024-02", "2024-03-19"]


def test_a_recalled_day_lends_no_date():
    from graph.extract.events.timeline import anchor_dates

    incidents = merge_incidents([
        mention("Militants attacked Tera on 2 January.", actors=(GROUP, ARMY), place="Tera", date="2024-01-02"),
        mention("Protesters marched against the army.", sub="Peaceful protest", kind="Protests"),
    ])
    assert [e.date for e in anchor_dates(incidents, dt.date(2024, 3, 22))] == ["2024-01-02", PUBLISHED_MONTH]


def test_a_headline_the_body_tells_is_no_event_of_its_own():
    from graph.extract.events.coref import drop_headlines

    incidents = merge_incidents([
        mention("Jihadists kill 21 in Burkina Faso", sub="Attack", kind="Violence against civilians",
                actors=(GROUP, None), toll=21, body=False),
        mention("Mali and Niger sign a security pact", sub="Agreement", kind="Strategic developments", body=False),
        mention("Gunmen killed 21 villagers near Djibo on Monday, officials said.", sub="Attack",
                kind="Violence against civilians", actors=(OTHER, None), place="Djibo", toll=21),
    ])
    kept = [e.sub_event_type for e in (i.event for i in drop_headlines(incidents))]
    assert kept == ["Agreement", "Attack"]  # the headline's attack is the body's; the pact only the headline tells


_CLASH_BODY = ("Soldiers and militants fought for hours near Dori on Monday, officials said.", "Armed clash", "Battles")


@pytest.mark.parametrize(
    ("line", "sub", "kind", "start", "kept"),
    [
        # a headline worded as an attack over a body that tells the fight as a clash: the same incident
        ("Rebel attack leaves a dozen dead near Dori", "Attack", "Violence against civilians", 0, False),
        # a headline on a protest over a body of fighting: a kind the body does not tell
        ("Traders march against new taxes", "Peaceful protest", "Protests", 0, True),
        # a line of a headline's shape inside the body: a link to another story or a subheading
        ("Ministers to meet on fuel prices next week", "Agreement", "Strategic developments", 500, False),
        # the last line of a text cut off in mid-sentence is story text
        ("The army says it arrested a rebel leader in the north, of which the", "Arrests", "Strategic developments",
         2000, True),
    ],
)
def test_headline_lines(line, sub, kind, start, kept):
    from graph.extract.events.coref import drop_headlines

    body = mention(_CLASH_BODY[0], sub=_CLASH_BODY[1], kind=_CLASH_BODY[2], place="Dori", start=100)
    headline = mention(line, sub=sub, kind=kind, body=False, start=start)
    incidents = sorted([body, headline], key=lambda i: i.event.start)
    text_end = 2000 + len(line)  # the cut-off line ends the text
    left = [i.event.evidence for i in drop_headlines(incidents, (50, text_end))]
    assert (line in left) is kept and _CLASH_BODY[0] in left


CROWD, POLICE = "Protesters (Ethiopia)", "Military Forces of Ethiopia"


def test_a_protest_told_in_steps_is_one_event_typed_by_its_gravest_step():
    events = merge_mentions([
        mention("People protested against the government in Ambo.", sub="Peaceful protest", kind="Protests",
                actors=(CROWD, None), place="Ambo"),
        mention("Soldiers fired on the protesters, killing one.", sub="Excessive force against protesters",
                kind="Protests", actors=(POLICE, CROWD), toll=1),
    ])
    assert len(events) == 1
    assert (events[0].sub_event_type, events[0].actor1, events[0].actor2, events[0].fatalities) == (
        "Excessive force against protesters", POLICE, CROWD, 1)


def test_protests_apart_in_the_story_stay_apart():
    events = merge_mentions([
        mention("Students marched in Ambo on Monday.", sub="Peaceful protest", kind="Protests", actors=(CROWD, None),
                place="Ambo", date="2024-03-18"),
        mention("Soldiers clashed with rebels near Gondar.", actors=(POLICE, "Fano"), place="Gondar"),
        mention("Police dispersed a protest in Adama on Friday.", sub="Protest with intervention", kind="Protests",
                actors=(CROWD, POLICE), place="Adama", date="2024-03-15"),
    ])
    assert len(events) == 3


VIOLENCE = {"sub": "Attack", "kind": "Violence against civilians"}


@pytest.mark.parametrize(
    ("mentions", "count"),
    [
        # a later sentence whose event word only points back at the incident ("the attacks") adds no event,
        # even told as another kind of violence and with the speaker as a party
        ([mention("Militants ambushed an army unit near Tera on Tuesday.", actors=(GROUP, ARMY), place="Tera"),
          mention("Families fled the village.", sub="Peaceful protest", kind="Protests"),
          mention("The minister denounced the attacks.", actors=("Minister", None), told="attack", **VIOLENCE)], 2),
        # at another place, or announced as another incident, it is an event of its own
        ([mention("Militants ambushed an army unit near Tera.", actors=(GROUP, ARMY), place="Tera"),
          mention("Families fled the village.", sub="Peaceful protest", kind="Protests"),
          mention("The attack on the market in Dori killed four.", place="Dori", told="attack", **VIOLENCE)], 3),
        ([mention("Militants ambushed an army unit near Tera.", actors=(GROUP, ARMY), place="Tera"),
          mention("Families fled the village.", sub="Peaceful protest", kind="Protests"),
          mention("The attack was followed by another raid.", told="attack", **VIOLENCE)], 3),
        # "the blasts" point at blasts, not at an ambush
        ([mention("Militants ambushed an army unit near Tera.", actors=(GROUP, ARMY), place="Tera"),
          mention("Families fled the village.", sub="Peaceful protest", kind="Protests"),
          mention("The blasts were the deadliest ever.", sub="Suicide bomb", kind="Explosions/Remote violence",
                  told="blast")], 3),
        # a protest is not what a reference to an attack points at
        ([mention("Students marched in Tera.", sub="Peaceful protest", kind="Protests", place="Tera"),
          mention("Families fled the village.", sub="Looting/property destruction", kind="Strategic developments"),
          mention("The attack killed two.", told="attack", **VIOLENCE)], 3),
    ],
)
def test_reference_to_an_incident_told_is_no_new_event(mentions, count):
    assert len(merge_mentions(mentions)) == count


STRIKE = {"sub": "Air/drone strike", "kind": "Explosions/Remote violence"}


@pytest.mark.parametrize(
    ("mentions", "toll"),
    [
        # a sentence that points back at the incident gives the toll the incident lacked
        ([mention("Jets struck an insurgent camp near Tera.", actors=(ARMY, GROUP), place="Tera", **STRIKE),
          mention("Families fled the village.", sub="Peaceful protest", kind="Protests"),
          mention("The strikes killed fighters and civilians.", told="strike", toll=10, **STRIKE)], 10),
        # but not a tally over a period, nor a second figure for an incident that has one
        ([mention("Jets struck an insurgent camp near Tera.", actors=(ARMY, GROUP), place="Tera", **STRIKE),
          mention("Families fled the village.", sub="Peaceful protest", kind="Protests"),
          mention("The strikes have killed 300 since January.", told="strike", toll=300, **STRIKE)], None),
        ([mention("Jets struck an insurgent camp near Tera, killing four.", actors=(ARMY, GROUP), place="Tera",
                  toll=4, **STRIKE),
          mention("Families fled the village.", sub="Peaceful protest", kind="Protests"),
          mention("The strikes killed nine, a resident said.", told="strike", toll=9, **STRIKE)], 4),
    ],
)
def test_a_reference_to_the_incident_gives_its_toll(mentions, toll):
    assert merge_mentions(mentions)[0].fatalities == toll


@pytest.mark.parametrize(
    ("text", "word", "told"),
    [
        ("The minister denounced the attacks by the rebels.", "attacks", "attack"),
        ("Medics rushed to the scene of the attack.", "attack", "attack"),
        ("Troops repulsed all the raids.", "repulsed", "raid"),
        ("The suicide blasts were the deadliest ever.", "blasts", "blast"),
        ("The governor condemned both raids on the farms.", "raids", "raid"),  # two incidents already told
        ("Rebels attacked a police station.", "attacked", None),
        ("An attack on a police station killed two officers.", "attack", None),
        ("Special forces have led the offensive on the enclave.", "offensive", None),
    ],
)
def test_definite_event_word_points_back(nlp, text, word, told):
    doc = nlp(text)
    assert told_before(next(t for t in doc if t.text == word)) == told


def test_a_reference_to_the_incident_is_not_its_evidence():
    lede = mention("A bomb went off at a mosque on Friday.", sub="Remote explosive/landmine/IED",
                   kind="Explosions/Remote violence")
    merged = merge_mentions([
        lede,
        mention("Officials condemned the bombing in Tera, which killed five worshippers.",
                sub="Remote explosive/landmine/IED", kind="Explosions/Remote violence", actors=(GROUP, None),
                place="Tera", toll=5, told="bombing"),
    ])
    assert [(e.evidence, e.location, e.fatalities) for e in merged] == [(lede.event.evidence, "Tera", 5)]


ARREST = {"sub": "Arrests", "kind": "Strategic developments"}
WEAPONS = {"sub": "Disrupted weapons use", "kind": "Strategic developments"}
POLICE = "Police Forces of Niger"


@pytest.mark.parametrize(
    ("mentions", "count"),
    [
        # the arrest of a riot's participants, told right after it, is the riot's aftermath
        ([mention("Students set fire to the school office in Tera.", sub="Violent demonstration", kind="Riots",
                  actors=("Rioters", None), place="Tera"),
          mention("Twenty students were held at the police station.", actors=(POLICE, None), **ARREST)], 1),
        # suspects of an attack arrested later the same day
        ([mention("Gunmen shot dead a trader in Tera on Monday.", sub="Attack", kind="Violence against civilians",
                  actors=(GROUP, None), place="Tera", date="2024-03-18", toll=1),
          mention("Police arrested two suspects on Monday.", actors=(POLICE, None), date="2024-03-18", **ARREST)],
         1),
        # protesters arrested when the police broke up their march
        ([mention("Police fired tear gas at marchers in Tera.", sub="Protest with intervention", kind="Protests",
                  actors=("Protesters", POLICE), place="Tera"),
          mention("Several marchers were arrested.", **ARREST)], 1),
        # an arrest at another place, on another day or announced as another incident is an event of its own
        ([mention("Gunmen shot dead a trader in Tera.", sub="Attack", kind="Violence against civilians",
                  place="Tera", toll=1),
          mention("Police arrested a smuggler in Dori.", place="Dori", **ARREST)], 2),
        ([mention("Gunmen shot dead a trader on Monday.", sub="Attack", kind="Violence against civilians",
                  date="2024-03-18", toll=1),
          mention("Police arrested an opposition leader on Friday.", date="2024-03-15", **ARREST)], 2),
        ([mention("Gunmen shot dead a trader in Tera.", sub="Attack", kind="Violence against civilians", toll=1),
          mention("In a separate case, police arrested two journalists.", **ARREST)], 2),
        # weapons taken in a battle, told right after it, are its spoils; a cache found elsewhere is an event
        ([mention("Troops repelled an assault on their base in Kolmadi.", actors=(ARMY, GROUP), place="Kolmadi"),
          mention("Four rifles and a mortar were seized from the attackers.", **WEAPONS)], 1),
        ([mention("Troops repelled an assault on their base in Kolmadi.", actors=(ARMY, GROUP), place="Kolmadi"),
          mention("Soldiers found a weapons cache in Bandaru.", place="Bandaru", **WEAPONS)], 2),
        ([mention("Gunmen shot dead a trader in Kolmadi.", sub="Attack", kind="Violence against civilians",
                  place="Kolmadi", toll=1),
          mention("Police seized two rifles at a checkpoint.", **WEAPONS)], 2),
        # an arrest first, then an incident: both are events
        ([mention("Police arrested an opposition leader.", **ARREST),
          mention("His supporters marched in Tera.", sub="Peaceful protest", kind="Protests")], 2),
    ],
)
def test_arrest_after_an_incident_is_its_aftermath(mentions, count):
    assert len(merge_mentions(mentions)) == count


def test_arrest_after_a_bombing_is_an_event_of_its_own():
    bombing = mention("A bomb went off at a mosque in Tera.", sub="Remote explosive/landmine/IED",
                      kind="Explosions/Remote violence", place="Tera")
    arrest = mention("Police have arrested a militant commander in Tera.", place="Tera", **ARREST)
    assert len(merge_mentions([bombing, arrest])) == 2


@pytest.mark.parametrize(
    ("mentions", "count", "parties"),
    [
        # the crowd that gathers and the crowd that blocks a road are one, however each reading names it
        ([mention("Residents protested in Tera over water cuts.", sub="Peaceful protest", kind="Protests",
                  actors=("Protesters (Niger)", None), place="Tera"),
          mention("The demonstrators blocked the main road.", sub="Peaceful protest", kind="Protests",
                  actors=("Protesters", None))], 1, {"Protesters (Niger)"}),
        # (with an intervention, its parties are then those of the gravest reading, the police's)
        # a police intervention in the protest, then the march goes on
        ([mention("Students gathered outside the ministry in Tera.", sub="Peaceful protest", kind="Protests",
                  actors=("Protesters (Niger)", None), place="Tera"),
          mention("Police fired tear gas at the students.", sub="Protest with intervention", kind="Protests",
                  actors=(POLICE, "Civilians (Niger)")),
          mention("The protesters later marched to the main square.", sub="Peaceful protest", kind="Protests",
                  actors=("Protesters", None))], 1, None),
        # a crowd at another place is another protest
        ([mention("Residents protested in Tera.", sub="Peaceful protest", kind="Protests",
                  actors=("Protesters (Niger)", None), place="Tera"),
          mention("Traders protested in Dori.", sub="Peaceful protest", kind="Protests",
                  actors=("Protesters", None), place="Dori")], 2, {"Protesters (Niger)"}),
        # named parties other than the crowd still set incidents apart
        ([mention("Party supporters protested in Tera.", sub="Peaceful protest", kind="Protests",
                  actors=("Protesters (Niger)", "Party A"), place="Tera"),
          mention("Protesters marched to the office of a rival party.", sub="Peaceful protest", kind="Protests",
                  actors=("Protesters", "Party B"))], 2, {"Protesters (Niger)", "Party A"}),
    ],
)
def test_a_crowd_is_one_party_whatever_its_reading_calls_it(mentions, count, parties):
    events = merge_mentions(mentions)
    assert len(events) == count
    assert parties is None or {name for name in (events[0].actor1, events[0].actor2) if name} == parties



_NIGER = frozenset(["Niger"])


def _in(place: str) -> dict:
    """A place named in the mention's sentence: a town of Niger, or the country itself (which lies in nothing)."""
    return {"place": place, "within": () if place == "Niger" else _NIGER}


@pytest.mark.parametrize(
    ("place", "later", "count"),
    [
        # the same pair at the same town, told again after another incident: ACLED's one event
        ("Tera", mention("In Tera, a witness saw soldiers kill one militant.", actors=(ARMY, GROUP), toll=1,
                         **_in("Tera")), 1),
        # another pair at the same town
        ("Tera", mention("In Tera, soldiers fought JNIM fighters.", actors=(ARMY, OTHER), **_in("Tera")), 2),
        # the same pair at another town
        ("Tera", mention("In Dori, soldiers fought the militants.", actors=(ARMY, GROUP), **_in("Dori")), 2),
        # the same pair at the same town on another day
        ("Tera", mention("In Tera on Friday, soldiers fought the militants.", actors=(ARMY, GROUP),
                         date="2024-03-15", **_in("Tera")), 2),
        # a party left unnamed
        ("Tera", mention("In Tera, soldiers killed one militant.", actors=(ARMY, None), **_in("Tera")), 2),
        # a word of another incident
        ("Tera", mention("In Tera, soldiers also fought the militants.", actors=(ARMY, GROUP), **_in("Tera")), 2),
        # a place that is the whole country holds many incidents
        ("Niger", mention("In Niger, soldiers fought the militants.", actors=(ARMY, GROUP), **_in("Niger")), 2),
    ],
)
def test_the_same_pair_at_the_same_place_told_apart_is_one_event(place, later, count):
    first = mention(f"Soldiers fought militants in {place} on Monday, killing six.", actors=(GROUP, ARMY),
                    date="2024-03-18", toll=6, **_in(place))
    between = mention("Traders marched through Dori against new taxes.", sub="Peaceful protest", kind="Protests",
                      actors=("Protesters (Niger)", None), **_in("Dori"))
    events = merge_mentions([first, between, later])
    assert len(events) == count + 1
    assert events[0].fatalities == 6  # the witness's one dead is part of the six the story told first
