"""Roles, relations and event assembly on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.actors.find import find_actors
from graph.extract.actors.relations import find_relations
from graph.extract.events.roles import assign_roles
from graph.extract.parse.clean import clean_text


def extract(doc_id: str, text: str, published: str | None):
    """The whole extraction of a hand-written article (undated when ``published`` is None)."""
    from graph.extract.pipeline import Extractor
    from graph.records import Article

    date = dt.date.fromisoformat(published) if published else None
    return Extractor().extract(Article(id=doc_id, text=text, published=date))


def roles_of(nlp, text: str, trigger: str):
    doc = nlp(clean_text(text))
    table = find_actors(doc)
    token = next(t for t in doc if t.text == trigger)
    return assign_roles(token.sent, token, table)


@pytest.mark.parametrize(
    ("text", "trigger", "actor1", "actor2"),
    [
        ("Russian warplanes struck rebel positions in Syria's Idlib province on Monday.", "struck",
         "Military Forces of Russia", "Unidentified Armed Group (Syria)"),
        ("Al-Shabaab fighters were killed by Somali troops near Kismayo.", "killed",
         "Military Forces of Somalia", "Al-Shabaab"),
        ("Boko Haram attacked a military base in Borno, killing four Nigerian soldiers.", "attacked",
         "Boko Haram", "Military Forces of Nigeria"),
        ("Houthi rebels launched a drone attack on Saudi troops.", "attack", "Houthis",
         "Military Forces of Saudi Arabia"),
        ("Fighting broke out between the Taliban and Pakistani troops at the Torkham crossing.", "Fighting",
         "Taliban", "Military Forces of Pakistan"),
        # parsed as "strikes <-acl- killed", with two subjects of "said"
        ("Israeli air strikes killed at least 20 Palestinians in Rafah, health officials said on Saturday.",
         "strikes", "Military Forces of Israel", "Civilians (Palestine)"),
        # the accused did the deed the accusation names, whichever way the parser hangs "of" or "for"; the
        # accuser only says so
        ("Ukraine's army accused Russian troops of shelling a hospital in Kharkiv.", "shelling",
         "Military Forces of Russia", None),
        ("Kenya blamed al-Shabaab for the attack on Kenyan troops near the border.", "attack",
         "Al-Shabaab", "Military Forces of Kenya"),
    ],
)
def test_actor_pair_from_the_parse(nlp, text, trigger, actor1, actor2):
    roles = roles_of(nlp, text, trigger)
    assert {roles.actor1, roles.actor2} == {actor1, actor2}
    assert roles.actor1 == actor1


@pytest.mark.parametrize(
    ("text", "trigger", "reporters", "participants"),
    [
        ("Regime forces shelled Ariha in northern Syria, the Syrian Observatory for Human Rights said.", "shelled",
         {"Syrian Observatory for Human Rights"}, {"Military Forces of Syria"}),
        ("According to Reuters, Ethiopian troops clashed with the Oromo Liberation Army.", "clashed",
         {"Reuters"}, {"Military Forces of Ethiopia", "Oromo Liberation Army"}),
        ("SANA reported that Israeli jets struck targets near Damascus.", "struck",
         {"SANA"}, {"Military Forces of Israel"}),
    ],
)
def test_sources_are_not_participants(nlp, text, trigger, reporters, participants):
    roles = roles_of(nlp, text, trigger)
    assert reporters <= set(roles.reported_by)
    assert participants <= {roles.actor1, roles.actor2}
    assert reporters.isdisjoint({roles.actor1, roles.actor2})


def test_backers_are_associates(nlp):
    roles = roles_of(nlp, "Iranian-backed Houthi rebels attacked government forces in Marib.", "attacked")
    assert roles.actor1 == "Houthis"
    assert "Military Forces of Iran" in roles.assoc_actor_1
    assert "Military Forces of Iran" not in {roles.actor1, roles.actor2}


def test_unit_stands_for_its_state(nlp):
    roles = roles_of(nlp, "Syria's Tiger Forces attacked Hayat Tahrir al-Sham near Maarat al-Numan.", "attacked")
    assert {roles.actor1, roles.actor2} == {"Military Forces of Syria", "Hayat Tahrir al-Sham"}
    assert "Tiger Forces" in roles.assoc_actor_1


@pytest.mark.parametrize(
    ("text", "trigger", "state"),
    [
        ("Syria's Tiger Forces attacked Hayat Tahrir al-Sham near Maarat al-Numan.", "attacked",
         "Military Forces of Syria"),
        ("Iraq's Counter Terrorism Service raided a hideout in Anbar.", "raided", "Military Forces of Iraq"),
    ],
)
def test_actor_table_is_complete_before_relations_and_roles_read_it(nlp, text, trigger, state):
    doc = nlp(clean_text(text))
    table = find_actors(doc)
    before = dict(table.actors)
    assert state in {info.name for info in before.values()}  # the unit's state, added by the actors stage
    find_relations(doc, table)
    token = next(t for t in doc if t.text == trigger)
    assign_roles(token.sent, token, table)
    assert table.actors == before


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Russian-backed government forces advanced on Idlib in Syria.",
         ("Military Forces of Russia", "supports", "Military Forces of Syria")),
        ("The Iran-aligned Kataib Hezbollah militia fired rockets.",
         ("Kataib Hezbollah", "affiliated_with", "Military Forces of Iran")),
        ("Iraq's Counter Terrorism Service raided a hideout in Anbar.",
         ("Counter Terrorism Service (Iraq)", "part_of", "Military Forces of Iraq")),
        ("Human Rights Watch director Kenneth Roth condemned the strike.",
         ("Kenneth Roth", "leads", "Human Rights Watch")),
        ("Taliban spokesman Zabihullah Mujahid denied the report.",
         ("Zabihullah Mujahid", "member_of", "Taliban")),
        ("The Britain-based Syrian Observatory for Human Rights counted 30 dead.",
         ("Syrian Observatory for Human Rights", "based_in", "Britain")),
        ("Boko Haram and ISWAP fighters clashed in Borno.",
         ("Islamic State West Africa Province", "affiliated_with", "Islamic State")),
        ("The UAE-backed Southern Transitional Council seized the port of Aden.",
         ("Military Forces of United Arab Emirates", "supports", "Southern Transitional Council")),
    ],
)
def test_relations(nlp, text, relation):
    doc = nlp(clean_text(text))
    table = find_actors(doc)
    found = {(r.subject, r.relation, r.object) for r in find_relations(doc, table)}
    if relation[2] == "Islamic State":
        found |= set()  # a standing affiliation needs both actors in the article
        assert relation not in found
    else:
        assert relation in found, found


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("Hundreds of fighters were evacuated from Daraa to Idlib on Tuesday.", "evacuated", "Daraa"),
        ("Fighters from Raqqa attacked an army post in Deir ez-Zor.", "attacked", "Deir ez-Zor"),
        ("The Britain-based monitor said shelling hit Aleppo.", "shelling", "Aleppo"),
    ],
)
def test_event_place_is_where_it_happened(nlp, text, trigger, place):
    from graph.extract.events.place import event_place
    from graph.extract.places import find_places

    doc = nlp(clean_text(text))
    mentions = find_places(doc)
    token = next(t for t in doc if t.text == trigger)
    found = event_place(token.sent, mentions, None, token)
    assert found is not None
    assert place in {found.name, *[doc[m.start : m.end].text for m in mentions if m.location.id == found.id]}


ARTICLE = (
    "Gunmen kill 12 villagers in Zamfara\n"
    "Gunmen killed 12 villagers in an attack on a village in Zamfara state on Monday, police said.\n"
    "Residents flee after the attack [AFP]\n"
    "Gunmen killed 12 villagers in an attack on a village in Zamfara state on Monday, police said.\n"
    "Separately, Nigerian troops clashed with Boko Haram fighters near Maiduguri on Sunday, killing 5 of them.\n"
)


LISTED = (
    "Raids spread across the northern districts\n\n"
    "Armed men staged several raids across the northern districts of Borno state this week, officials said.\n\n"
    "Farmers fear more raids before the harvest\n\n"
    "- Gunmen killed four farmers near Damboa on Tuesday\n"
    "- Militants burned a health centre in Gwoza on Thursday\n"
    "- Two soldiers were wounded when a roadside bomb exploded near Bama on Friday\n\n"
    "The army said it had sent more troops to the area and was searching the bush for the attackers.\n"
)


def test_a_list_of_incidents_below_the_headline_block_gives_events_and_a_subheading_none():
    events = extract("Listed", LISTED, "2024-03-10").events
    places = {e.location for e in events}
    assert {"Damboa", "Gwoza", "Bama"} <= places, [(e.location, e.evidence) for e in events]
    assert not [e for e in events if e.evidence.startswith("Farmers fear")]


def test_event_assembly_order_duplicates_captions():
    result = extract("Story 1", ARTICLE, "2024-03-05")
    events = result.events
    starts = [e.start for e in events]
    assert starts == sorted(starts)
    assert len({e.id for e in events}) == len(events)
    assert all(e.id.startswith("event/story-1-") for e in events)
    assert len([e for e in events if e.evidence.startswith("Gunmen killed 12")]) == 1  # the repeat is skipped
    assert not [e for e in events if "[AFP]" in e.evidence]  # a photo caption is not an event
    assert all(e.start > ARTICLE.index("\n") for e in events)  # the headline restates the body
    clash = next(e for e in events if "Boko Haram" in e.evidence)
    assert {clash.actor1, clash.actor2} == {"Military Forces of Nigeria", "Boko Haram"}
    assert clash.date == "2024-03-03" and clash.fatalities == 5
    attack = next(e for e in events if e.evidence.startswith("Gunmen killed 12"))
    assert "police" not in (attack.actor1 or "").lower()
    assert attack.date == "2024-03-04"


@pytest.mark.parametrize("credit", ["[AFP]", "[Reuters]", "[Getty]", "[EPA]", "[BBC]", "[CNN]", "(Photo: SANA)"])
def test_a_line_ending_in_a_media_credit_is_a_caption(credit):
    from graph.extract.events.skips import caption

    text = f"Residents flee after the attack {credit}\nGunmen killed 12 villagers on Monday."
    assert caption(text, text.index(credit))


@pytest.mark.parametrize("credit", ["[Monday]", "[Borno]", "(Nigeria)"])
def test_a_bracketed_word_that_names_no_outlet_is_no_credit(credit):
    from graph.extract.events.skips import caption

    text = f"Gunmen killed 12 villagers in the attack {credit}\nMore text."
    assert not caption(text, text.index(credit))


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # a group whose name ends in "Army" is still a non-state group when it takes ground
        ("Fighters from the Kachin Independence Army seized a police post near Laiza on Monday.",
         "Non-state actor overtakes territory"),
        ("The Free Syrian Army captured two villages north of Aleppo on Friday.",
         "Non-state actor overtakes territory"),
        ("Iraqi troops recaptured the town of Baiji from Islamic State militants on Sunday.",
         "Government regains territory"),
        # a headline's present tense read by the parser as a modifier ("retake Kiriwa", "dislodge militants")
        ("KDF troops clash with militants, retake Kiriwa. Two militants were killed.", "Government regains territory"),
        ("Military forces dislodge ADF militants from Kamango, killing four.", "Government regains territory"),
        # "fell to X": the ground is the subject, X took it
        ("The hilltop base fell to government troops late on Friday.", "Government regains territory"),
        ("Three villages fell into the hands of the national army after a week of fighting.",
         "Government regains territory"),
        ("The town of Kodok fell to the rebels on Friday.", "Non-state actor overtakes territory"),
        # the loser is the subject: the other side gained the ground
        ("Islamic State fighters were cornered in Raqqa after losing all other territory to the army.",
         "Government regains territory"),
    ],
)
def test_territory_changes_are_typed_by_who_took_the_ground(text, sub_event_type):
    events = extract("t", text, "2024-03-05").events
    assert [e.sub_event_type for e in events][:1] == [sub_event_type]


ROUNDUP = (
    "Sudan's army and RSF fight in Omdurman\n\n"
    "Sudan's army clashed with the Rapid Support Forces in Omdurman on Monday, killing 12 fighters.\n\n"
    "Heavy fighting continued near the city on Tuesday, residents said.\n\n"
    "Meanwhile in Ukraine, a drone attack wounded five people in Odesa on Tuesday.\n"
)


def test_a_roundup_paragraph_from_another_country_keeps_its_own_parties():
    events = extract("roundup", ROUNDUP, "2024-06-05").events
    sudan = {"Military Forces of Sudan", "Rapid Support Forces"}
    follow_up = next(e for e in events if e.evidence.startswith("Heavy fighting"))
    assert {follow_up.actor1, follow_up.actor2} == sudan  # an unnamed party in the same story: the main pair
    odesa = next(e for e in events if "Odesa" in e.evidence)
    assert sudan.isdisjoint({odesa.actor1, odesa.actor2})


def test_unnamed_forces_belong_to_the_country_their_sentence_happens_in():
    text = (
        "Nigerian troops killed 30 Boko Haram fighters near Maiduguri on Monday, the army said. "
        "Nigeria's air force also struck camps in Borno state, northeastern Nigeria. "
        "In neighbouring Niger, gunmen killed 10 soldiers near Diffa on Tuesday. "
        "Soldiers later fired on a crowd that had fled into Niger, a Nigerian official said."
    )
    result = extract("neighbours", text, "2024-05-08")
    diffa = next(e for e in result.events if "Diffa" in e.evidence)
    assert diffa.actor1 == "Military Forces of Niger"  # ACLED lists the state's forces first in a battle
    assert "Military Forces of Nigeria" in {e.actor1 for e in result.events if "Maiduguri" in e.evidence}
    crowd = next(e for e in result.events if "fled into" in e.evidence)  # a place one goes into is not the scene
    assert crowd.actor1 == "Military Forces of Nigeria"


def test_a_sentence_the_text_sets_in_the_main_country_keeps_its_actors():
    """"In eastern Chad" puts the sentence in Chad, even when it also names a region of a neighbour."""
    text = ("Gunmen shot dead five herders in eastern Chad on Sunday, a week after a raid in Sudan's North Darfur "
            "state. The Chadian army sent reinforcements from N'Djamena to the Ouaddai region of Chad.")
    names = {actor.name for actor in extract("in-chad", text, "2024-05-08").actors}
    assert {"Unidentified Armed Group (Chad)", "Civilians (Chad)"} <= names
    assert not any(name.endswith("(Sudan)") for name in names)


def test_bare_forces_are_the_state_their_sentence_or_paragraph_names():
    text = (
        "Nigerian troops killed 30 Boko Haram fighters near Maiduguri on Monday.\n\n"
        "In neighbouring Niger, gunmen attacked a village near Diffa on Tuesday. "
        "Soldiers later clashed with the gunmen.\n\n"
        "The Chadian army said two soldiers were killed near Maiduguri."
    )
    result = extract("bare-forces", text, "2024-05-08")
    texts = {actor.name: {m.text for m in actor.mentions} for actor in result.actors}
    assert "Soldiers" in texts["Military Forces of Niger"]  # the paragraph's country carries on
    assert "soldiers" in texts["Military Forces of Chad"]  # the state the sentence names outright


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Groups linked to al-Qaeda have operated in the region since 2017 despite a heavy military presence.", 0),
        ("Gunmen have killed more than 3,000 people in the state since 2015, officials say.", 0),
        ("Almost thirty students have been detained since June, the union said.", 1),
        # a toll since a weekday tells incidents: in a short note one event per day up to the report (Monday 18
        # to Friday 22 March, see test_days.py)
        ("Since Monday, gunmen have killed eight herders in raids on cattle camps around Kora, officials said.", 5),
        # the dead of a period tallied in the passive ("have been killed since October") are no incident
        ("Over 400 people have been killed by militias in the province since October, a monitoring group said.", 0),
    ],
)
def test_standing_situations_are_no_events(text, count):
    assert len(extract("since", text, "2024-03-22").events) == count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # what people fled tells their flight, not the fighting
        ("Families who fled the fighting in the hills waited at a school in Tera on Sunday.", 0),
        ("Thousands of villagers escaping from the violence crossed the river into Chad.", 0),
        ("More than 2,000 people displaced by clashes have reached the town, the UN said.", 0),
        # an incident told in the same sentence is still one
        ("Gunmen attacked a camp in Tera on Sunday that sheltered families who fled the fighting.", 1),
    ],
)
def test_what_people_fled_is_no_event(text, count):
    assert len(extract("fled", text, "2024-03-22").events) == count


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("Government aircraft bombed a village near Mellit on Monday. Two farmers died.", 2),
        ("Militants attacked an army post near Kidal on Monday. At least one soldier was killed.", 1),
        # the dead an event results in are its own, told in the same sentence
        ("A car bomb exploded outside a hotel in Mogadishu on Friday, resulting in the killing of seven guests.", 7),
        ("Troops stormed a rebel camp in Borno on Saturday, resulting in the killing of 12 insurgents.", 12),
        ("Soldiers and rebels clashed near Kidal on Monday, resulting in the deaths of four soldiers.", 4),
        # dead told as more add to the toll: each side's dead of one incident, victims who died later
        ("Rebels attacked an army base near Kidal on Monday, killing 20 soldiers. The army said 40 rebels were "
         "also killed.", 60),
        ("Militants attacked an army post near Kidal on Monday. At least one soldier was killed. Two herders were "
         "also killed.", 3),
        ("A bomb killed ten people in a market in Kano on Monday. Three died on the spot; the other seven "
         "died in hospital.", 10),
        ("Gunmen killed 5 people in a market in Kano on Monday. Two more people died later in hospital.", 7),
        # a later count of the other side's dead adds to the toll; the same side's, or anyone's, is another figure
        ("Militants ambushed a convoy near Kidal on Tuesday, killing five soldiers. Troops fought back, killing nine "
         "militants.", 14),
        ("At least 15 policemen were killed when insurgents overran a post near Kano on Friday. The army said "
         "dozens of insurgents died.", 27),
        ("Militants ambushed a convoy near Kidal on Tuesday, killing five soldiers. Seven soldiers died in the ambush, "
         "the army said later.", 5),
        ("Militants ambushed a convoy near Kidal on Tuesday, killing five soldiers. In all, nine people died, "
         "officials said.", 5),
        # ... unless the count's own verb has a date of its own: another incident
        ("Gunmen killed six villagers in Zamfara on Friday. Troops said 15 bandits were killed in air strikes on "
         "their hideouts in the forest on Sunday.", 6),
        # the dead told after a building set on fire in the fighting are the fighting's
        ("Rival militias clashed near Mombasa's port on Monday night. A warehouse in the port was set on fire. "
         "Two commanders were killed, local media said.", 2),
        # a tally over a period is not the event's toll
        ("Militants attacked an army post near Kidal on Monday. More than 3,000 soldiers have died there since 2012.",
         None),
        # a toll update gives the event its new total, whether the event had a toll or not
        ("Gunmen killed 5 people in a market in Kano on Monday. The toll later rose to 9.", 9),
        ("Gunmen killed 5 people in a market in Kano on Monday. Police later raised the toll to nine.", 9),
        ("Gunmen attacked a market in Kano on Monday. Officials later revised the number of dead to 11.", 11),
        # a side that "lost" people lost them dead; not cattle, nor contact, nor a party's losses told in a clause
        # that describes it
        ("Rebels ambushed an army convoy near Goma on Monday. The army lost 12 soldiers in the ambush.", 12),
        ("Bandits raided a village near Goma on Monday and the herders lost 200 cattle.", None),
        ("Rebels ambushed an army convoy near Goma on Monday. The army lost contact with 12 soldiers.", None),
        ("Protesters burned tyres in Goma on Monday, waving flags of a militia which lost 30 fighters in the "
         "fighting.", None),
        # a running total told with the sentence's own dead is not the event's
        ("Gunmen killed 5 people in a market in Kano on Monday. Three wounded soldiers later died in hospital, "
         "bringing the army's losses in the region to 40.", 5),
    ],
)
def test_toll_in_the_next_sentence_belongs_to_the_event(text, fatalities):
    events = extract("toll", text, "2024-03-22").events
    assert [event.fatalities for event in events] == [fatalities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that only counts the dead of the incident just told is its toll, not another event
        ("Heavy fighting broke out near Gao on Monday. At least eight troops died and thirty were hurt.",
         [("Armed clash", 8)]),
        ("Militants attacked an army post near Kidal on Monday. Two gendarmes were killed and four civilians "
         "wounded, officials added.", [("Armed clash", 2)]),
        ("Militants ambushed an army convoy near Gao on Monday. At least four soldiers killed and two injured.",
         [("Armed clash", 4)]),
        # the toll told as that of clashes: the targets fought back, a battle
        ("Police attacked herders near Gao on Monday. Some 21 people were killed on both sides in the clashes.",
         [("Armed clash", 21)]),
        # forces sent in whose own dead the next sentence tells as fighting fought: no change of activity, a battle
        ("Police were deployed to Kolabe on Friday to restore order after a land dispute. Two policemen were "
         "killed in the fighting that followed.", [("Armed clash", 2)]),
        # moving troops in or sending them to evacuate people is no withdrawal: the forces are still there
        ("The army transferred a battalion to Selbora on Tuesday. Three soldiers were killed when their camp came "
         "under fire that evening.", [("Armed clash", 3)]),
        ("Soldiers were sent to Selbora on Tuesday to evacuate villagers. Three soldiers were killed when they came "
         "under fire that evening.", [("Armed clash", 3)]),
        # a doer, another event word or another place makes it an incident of its own
        ("Militants attacked an army post near Kidal on Monday. Ten soldiers were killed by a roadside bomb.",
         [("Armed clash", None), ("Remote explosive/landmine/IED", 10)]),
        ("Militants attacked an army post near Kidal on Monday. Five soldiers were killed when gunmen ambushed "
         "a convoy near Gao.", [("Armed clash", None), ("Armed clash", 5)]),
    ],
)
def test_sentence_counting_victims_is_the_toll_of_the_incident_before(text, expected):
    events = extract("victims", text, "2024-03-22").events
    assert [(event.sub_event_type, event.fatalities) for event in events] == expected


@pytest.mark.parametrize(
    "text",
    [
        # others' dead, or another doer named, tell another incident: the deployment stays one
        "Soldiers were deployed to Mombasa, Kenya, after protests over fuel prices. Two civilians were killed when "
        "gunmen attacked a nearby village.",
        # troops that left fight no one there
        "Troops were withdrawn from Goma, DR Congo, on Monday. Three people were killed when rebels attacked the "
        "town hours later.",
        "Troops were withdrawn from Kolabe on Monday. Two soldiers were killed when they came under fire hours later.",
        # any retreat word of the trigger lexicon, not only "withdraw"
        "Soldiers pulled back from Kolabe on Tuesday. Two soldiers were killed when they came under fire that night.",
        "Troops retreated from Selbora on Tuesday. Three soldiers were killed when their camp came under fire that "
        "evening.",
        "The army announced the pullout of its troops from Selbora on Tuesday. Three soldiers died in fighting there "
        "overnight.",
    ],
)
def test_deployment_is_not_retyped_by_another_incidents_dead(text):
    events = extract("deployed", text, "2024-03-22").events
    assert events[0].sub_event_type == "Change to group/activity"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dead a protest's sentence counts died in another event: a peaceful protest kills no one
        ("Students marched in Dhaka on Monday to demand justice for two classmates killed in a road accident.",
         [("Peaceful protest", None)]),
        # violence the crowd protests against ("against", "over", "about" a protest word) is not done to it
        ("Residents protested in Tarbaj against a recent wave of robberies that killed five people.",
         [("Peaceful protest", None)]),
        ("Students demonstrated in Tarbaj over the killing of a classmate.", [("Peaceful protest", None)]),
        # a protest that the police meet with lethal force has its dead
        ("Police opened fire on protesters in Dhaka on Monday, killing three.",
         [("Excessive force against protesters", 3)]),
        ("Marches took place in two towns, including Tarbaj, where police also killed a protester.",
         [("Excessive force against protesters", 1)]),
        ("Rights groups criticised the crackdown in which police shot dead a protester in Tarbaj.",
         [("Excessive force against protesters", 1)]),
        # an arrest is a strategic development: the dead its sentence counts are the deed it is made over
        ("Police in Tarbaj arrested three herders on Monday over the killing of five farmers.", [("Arrests", None)]),
        ("Police arrested suspects in the 2014 killing of a tourist in Arusha on Monday.", [("Arrests", None)]),
        # a trial or a sentence for a past killing is no event, and its dead are not a toll
        ("A court in Arusha sentenced two men to life in prison on Monday for the 2014 killing of a tourist.", []),
        ("The trial of three soldiers accused of the killing of nine villagers in 2019 opened in Bamako on Monday.",
         []),
    ],
)
def test_a_peaceful_protest_has_no_toll(text, expected):
    events = extract("protest", text, "2024-03-22").events
    assert [(event.sub_event_type, event.fatalities) for event in events] == expected


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # an incident told of several places is one event at each (ACLED's one event per location)
        ("Police dispersed protesters in Kisumu and Eldoret on Monday.", ["Kisumu", "Eldoret"]),
        ("Gunmen attacked the villages of Mellit and Kabkabiya in North Darfur on Monday.", ["Mellit", "Kabkabiya"]),
        # a town and its province name one site; "between A and B" and a road linking them name one, too
        ("Gunmen torched houses in Bunia, Ituri, on Monday.", ["Bunia"]),
        ("Soldiers clashed with militants between Kisumu and Eldoret on Monday.", ["Kisumu"]),
        ("Militants ambushed a convoy on the road linking Kisumu and Eldoret on Monday.", ["Kisumu"]),
        # "in A as well as in B"; places that name admin areas ("the X and Y provinces"); a city qualifying its parts
        ("Rioters burned tyres in Kisumu as well as in Eldoret on Friday.", ["Kisumu", "Eldoret"]),
        ("Farmers protested against land grabs in the North Kivu and South Kivu provinces on Friday.",
         ["Nord-Kivu", "Sud-Kivu"]),
        ("Protesters blocked roads in the Baghdad districts of Karrada and Mansour on Friday.", ["Karrada", "Mansour"]),
        # an incident between two regions is one event at one of them
        ("Gunmen ambushed a bus travelling between the Amhara and Afar regions on Friday.", ["Amhara Region"]),
        ("Soldiers shelled the Aleppo neighbourhoods of Salaheddine and Bustan al-Qasr on Friday.",
         ["Salaheddine", "Bustan al-Qasr"]),
        # the parts named first, their container after "of": the parts
        ("Police dispersed marchers in the Karrada and Mansour districts of Baghdad on Friday.",
         ["Karrada", "Mansour"]),
    ],
)
def test_one_event_per_place(text, places):
    events = extract("sites", text, "2024-03-22").events
    assert sorted(event.location for event in events) == sorted(places)
    assert len({event.sub_event_type for event in events}) == 1


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        # one verb, a toll per place: one event at each place with its own dead
        ("Gunmen attacked villages in Plateau State, Nigeria, on Sunday, killing eight people in Bokkos and nine in "
         "Mangu.", [("Bokkos", 8), ("Mangu", 9)]),
        ("Jihadists attacked army posts in Mali on Monday. Five soldiers died in Gao and two in Kidal.",
         [("Gao", 5), ("Kidal", 2)]),
        # a toll update after the lede splits the lede's event ("three each": each place its three)
        ("Gunmen attacked several villages in Plateau State, Nigeria, on Sunday. Eight people were killed in Bokkos, "
         "nine in Mangu and three each in Riyom and Pankshin, officials said.",
         [("Bokkos", 8), ("Mangu", 9), ("Riyom", 3), ("Pankshin", 3)]),
        # "another" after a place's toll is one more dead at the next place; a wound told fatal is a death
        ("Mortar fire killed three children in Gao, and another in Kidal, on Monday.", [("Gao", 3), ("Kidal", 1)]),
        ("Troops fatally wounded six raiders at Gusau and three at Anka on Tuesday.", [("Gusau", 6), ("Anka", 3)]),
        # a place named after "in the" or "at the" ("in the Gao area") is a place of its own toll as well
        ("Jihadists attacked army posts in Mali on Monday. Five soldiers died in the Gao area and two in Kidal.",
         [("Gao", 5), ("Kidal", 2)]),
        ("Separatists and soldiers fought in western Cameroon on Monday: 2 killed in Buea and 3 killed in the Kumba "
         "area.", [("Buea", 2), ("Kumba", 3)]),
        # another count of another place is no toll
        ("Gunmen killed two people in Gao on Monday and 30 were arrested in Kidal.", [("Gao", 2)]),
        ("Gunmen killed two people in Gao on Monday and 30 were arrested in the Kidal area.", [("Gao", 2)]),
        # the wounded told beside a place's dead are not its toll: the dead before them are
        ("Separatists and soldiers fought in western Cameroon on Monday: 2 killed and 5 injured in Buea and 3 killed "
         "in Kumba.", [("Buea", 2), ("Kumba", 3)]),
        ("Jihadists attacked army posts in northern Cameroon on Monday. Two soldiers were killed and seven wounded in "
         "Garoua, and four were killed in Maroua.", [("Garoua", 2), ("Maroua", 4)]),
        # one toll told of several places is divided among them, the remainder to the first (ACLED's rule)
        ("Gunmen attacked villages in Plateau State, Nigeria, on Sunday, killing seven people in Bokkos and Mangu.",
         [("Bokkos", 4), ("Mangu", 3)]),
        ("Gunmen attacked the villages of Mellit and Kabkabiya in North Darfur on Monday, killing seven people.",
         [("Mellit", 4), ("Kabkabiya", 3)]),
        ("Soldiers raided rebel camps in Mellit and Kabkabiya in North Darfur on Monday. Six rebels were killed.",
         [("Mellit", 3), ("Kabkabiya", 3)]),
        ("Gunmen attacked the villages of Mellit and Kabkabiya in North Darfur on Monday, killing one man.",
         [("Mellit", 1), ("Kabkabiya", None)]),
    ],
)
def test_tolls_told_per_place_are_events_per_place(text, tolls):
    events = extract("tolls", text, "2024-03-22").events
    assert [(event.location, event.fatalities) for event in events] == tolls


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        # a war's toll in a clause describing the war is not the toll of the incident told beside it
        ("Separatists fired rockets across the border on Saturday, escalating a conflict that has killed hundreds.",
         [None]),
        ("A roadside bomb wounded four soldiers near Bamenda, Cameroon, on Sunday. Rights groups accuse both sides "
         "of abuses in a three-year war that has left over 9,000 dead.", [None]),
        # a period's tally after an incident leaves the incident its own toll
        ("Rebels attacked the village of Mamove near Beni on Monday, killing six people. Over 400 people have "
         "been killed by militias in the province since March, a monitoring group said.", [6]),
        # a tally of a period in the perfect is no incident and no incident's toll
        ("Gunmen attacked a market in Kano on Monday. More than 300 people have been killed in Kano state so far "
         "this year.", [None]),
        ("Gunmen attacked a market in Kano on Monday, killing four. Police have killed more than 60 bandits in the "
         "state so far this year.", [4]),
        ("Gunmen attacked a market in Kano on Monday, killing four. Bandits have killed 120 people in the state in "
         "the past three months.", [4]),
        # a week's or a day's date may be the incident's own
        ("Gunmen have killed 12 people in an attack on a village in Kano this week.", [12]),
        # an incident compared with a period keeps its event and its toll
        ("A suicide bomber has killed 30 shoppers at a crowded bus station in Maiduguri, Nigeria, the deadliest "
         "attack this year, officials said.", [30]),
        ("Armed men have killed 15 farmers in Zamfara, Nigeria, in the worst attack in years, local leaders said.",
         [15]),
    ],
)
def test_a_wars_or_periods_toll_is_not_the_incidents(text, tolls):
    assert [event.fatalities for event in extract("tally", text, "2024-03-22").events] == tolls


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Gunmen seized 35 pupils from a school near Kano on Wednesday, in a district where bandits have killed more "
         "than 200 people so far this year.", "Abduction/forced disappearance"),
        ("Militants overran the town of Menaka in northern Mali on Friday, a region where armed groups have killed "
         "over 500 civilians since January.", "Non-state actor overtakes territory"),
    ],
)
def test_an_incident_told_beside_a_periods_tally_keeps_its_event_without_the_tally(text, sub_event_type):
    events = extract("tally", text, "2024-03-22").events
    assert [(event.sub_event_type, event.fatalities) for event in events] == [(sub_event_type, None)]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a period's tally of the other side's dead, told after an incident, is never added to its toll,
        # in a dated article or an undated one (where no publication month sets the tally apart)
        ("Militants stormed a police station in Kano, killing four officers. Police have killed more than 60 "
         "militants in the state so far this year.", None),
        ("Rebels attacked an army outpost near Goma, killing four soldiers. The army has killed 200 rebels in the "
         "province this year alone.", None),
        ("Rebels attacked an army outpost near Goma, killing four soldiers. Troops have killed some 200 rebels in "
         "the province since March.", None),
        ("Militants stormed a police station in Kano, killing four officers. Police have killed more than 60 "
         "militants in the state so far this year.", "2024-06-10"),
        ("Rebels attacked an army outpost near Goma, killing four soldiers. Troops have killed some 200 rebels in "
         "the province since March.", "2024-06-10"),
    ],
)
def test_a_tally_is_never_added_to_the_incident_s_toll(text, published):
    assert extract("tally", text, published).events[0].fatalities == 4


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        # the other side's dead on the incident's own day are the incident's: they add to its toll
        ("Militants ambushed an army convoy near Bardelo, Somalia, on Monday, killing five soldiers. Troops killed "
         "nine of the attackers in the fighting on Monday afternoon.", [14]),
        ("Rebels attacked an army base near Goma, Democratic Republic of Congo, on Tuesday, killing four soldiers. "
         "The army said its troops killed 11 rebels in the fighting on Tuesday.", [15]),
        # another day's dead, or a month's, are another incident's or a tally: never added
        ("Militants ambushed an army convoy near Bardelo, Somalia, on Monday, killing five soldiers. Troops killed "
         "nine militants on Wednesday.", [5, 9]),
        ("Rebels attacked an army base near Goma, Democratic Republic of Congo, on Tuesday, killing four soldiers. "
         "Troops killed 40 rebels in the province in February.", [4, 40]),
    ],
)
def test_the_other_side_s_dead_of_the_incident_s_day_add_to_its_toll(text, tolls):
    assert [event.fatalities for event in extract("sameday", text, "2024-03-20").events] == tolls


@pytest.mark.parametrize(
    ("text", "joiners"),
    [
        # the joined crowd protests; a party that joins it is its associate, not the protester
        ("Members of the Liberty Fighters party joined nurses who marched on the ministry in Nairobi, Kenya, on "
         "Monday.", ("Liberty Fighters",)),
        ("Members of the clergy accompanied farmers who demonstrated outside parliament in Nairobi, Kenya, on "
         "Monday.", ()),
    ],
)
def test_joined_crowd_is_the_protester(text, joiners):
    event = extract("joined", text, "2024-03-22").events[0]
    assert (event.sub_event_type, event.actor1, event.assoc_actor_1) == ("Peaceful protest", "Protesters (Kenya)",
                                                                         joiners)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an arrest's reason told with its own toll or day is an incident besides the arrest, told first; the
        # arresters are no side of it (a clash of unnamed communities gets no side named, as told on its own)
        ("Police arrested 12 people over clashes between herders and farmers that killed five people in Jos, "
         "Nigeria, on Monday.", [("Armed clash", None, 5, "2016-06-20"),
                                 ("Arrests", "Police Forces of Nigeria", None, "2016-06-20")]),
        ("Police arrested 12 people over clashes between Boko Haram fighters and vigilantes that killed five people "
         "in Jos, Nigeria, on Monday.", [("Armed clash", "Boko Haram", 5, "2016-06-20"),
                                         ("Arrests", "Police Forces of Nigeria", None, "2016-06-20")]),
        ("Police arrested 12 people on Wednesday over a raid by Boko Haram fighters that killed five villagers near "
         "Jos on Monday.", [("Attack", "Boko Haram", 5, "2016-06-20"),
                            ("Arrests", "Police Forces of Nigeria", None, "2016-06-22")]),
        ("Troops detained 30 suspects in Maiduguri on Friday over an attack on a market that killed 11 traders last "
         "week.", [("Attack", "Unidentified Armed Group (Nigeria)", 11, "2016-06-13"),
                   ("Arrests", "Military Forces of Nigeria", None, "2016-06-17")]),
        ("Police arrested 14 people on Thursday over Monday's attack on a police post in Kaduna.",
         [("Armed clash", "Police Forces of Nigeria", None, "2016-06-20"),
          ("Arrests", "Police Forces of Nigeria", None, "2016-06-16")]),
        # ... once: an incident the article tells itself is not told again by the arrest
        ("Gunmen attacked a market in Maiduguri on Monday, killing 11 traders. Troops detained 30 suspects in "
         "Maiduguri on Friday over the attack on the market that killed 11 traders on Monday.",
         [("Attack", "Unidentified Armed Group (Nigeria)", 11, "2016-06-20"),
          ("Arrests", "Military Forces of Nigeria", None, "2016-06-17")]),
        # a reason with no count and no day of its own is what the arrested did: the arrest alone
        ("Gendarmes detained two herders for killing a farmer near Bauchi.",
         [("Arrests", "Police Forces of Nigeria", None, "2016-06")]),
        ("Troops detained five men over the abduction of a teacher in Kaduna.",
         [("Arrests", "Military Forces of Nigeria", None, "2016-06")]),
    ],
)
def test_an_arrests_reason_with_its_own_toll_or_day_is_an_event_besides(text, expected):
    events = extract("reason", text, "2016-06-22").events
    assert [(e.sub_event_type, e.actor1, e.fatalities, e.date) for e in events] == expected
