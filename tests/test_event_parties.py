"""The parties ACLED's codebook implies (civilian victims, unidentified attackers, the police behind an arrest, the
side that gave up ground in a peaceful transfer) and its actor-based rule for crowds (a crowd's looting or clash
with the police is a riot; what it protests against is no party), on hand-written notes."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.actors import ActorTable
from graph.extract.actors.table import ActorInfo
from graph.extract.events.parties import implied_parties
from graph.extract.pipeline import Extractor
from graph.records import Article, Event

_TRANSFER = "Non-violent transfer of territory"


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def extract(extractor, text: str):
    return extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1", "actor2"),
    [
        # a bomb that nobody is said to have planted: an unidentified armed group; the dead are civilians
        ("A roadside bomb exploded near the market in Gao, Mali, killing four people.",
         "Remote explosive/landmine/IED", "Unidentified Armed Group (Mali)", "Civilians (Mali)"),
        # a victim named by a role only is a civilian
        ("Unknown gunmen shot dead a retired teacher on the road to the market in Bamako, Mali.", "Attack",
         "Unidentified Armed Group (Mali)", "Civilians (Mali)"),
        # an arrest with no named arrester: the country's police; the arrested are civilians
        ("Three journalists were arrested in Bujumbura, Burundi.", "Arrests", "Police Forces of Burundi",
         "Civilians (Burundi)"),
        # a headline's passive without its "was" puts the arrested person first: they are the arrested, second
        ("Opposition party official Jane Moyo arrested in Bulawayo, Zimbabwe, on charges of inciting violence.",
         "Arrests", "Police Forces of Zimbabwe", "Civilians (Zimbabwe)"),
        # a government arrests through its police (the government beside them); soldiers named stay the military
        ("The Burundian government detained four opposition activists in Gitega on Tuesday.", "Arrests",
         "Police Forces of Burundi", "Civilians (Burundi)"),
        ("Zimbabwe's government arrested a union leader in Mutare.", "Arrests", "Police Forces of Zimbabwe",
         "Civilians (Zimbabwe)"),
        ("Soldiers detained two opposition lawmakers in Gitega, Burundi.", "Arrests", "Military Forces of Burundi",
         "Civilians (Burundi)"),
        # members of a party who are arrested are civilians, the party beside them
        ("Police arrested two members of the opposition Movement for Change in Harare, Zimbabwe.", "Arrests",
         "Police Forces of Zimbabwe", "Civilians (Zimbabwe)"),
        # a battle with one side named: the other side is an unidentified armed group
        ("A soldier was killed when his patrol was ambushed near Timbuktu, Mali.", "Armed clash",
         "Military Forces of Mali", "Unidentified Armed Group (Mali)"),
        # a grenade at a police post: the police first (state forces lead in remote violence), the thrower unknown
        ("A grenade was thrown at a police post in Bujumbura, Burundi, wounding two officers.", "Grenade",
         "Police Forces of Burundi", "Unidentified Armed Group (Burundi)"),
        # a crowd that loots is rioting, not a strategic development
        ("Youths looted and burnt shops in Kisumu, Kenya.", "Mob violence", "Rioters (Kenya)", None),
        ("Angry students burnt down two dormitories at a school in Kisii, Kenya.", "Mob violence", "Rioters (Kenya)",
         None),
        # the crowd named by the clause around the looting word, or by the word itself
        ("Angry hawkers went on a looting spree in Eldoret, Kenya.", "Mob violence", "Rioters (Kenya)", None),
        ("Looters ransacked shops in Eldoret, Kenya.", "Mob violence", "Rioters (Kenya)", None),
        ("Opposition cadres smashed the windows of campaign vehicles in Lusaka, Zambia.", "Mob violence",
         "Rioters (Zambia)", None),
        # the crowd is the doer: an armed group it attacks does not make it one; people described as angry are a crowd
        ("Youths destroyed a checkpoint run by al-Shabaab fighters near Jowhar, Somalia.", "Mob violence",
         "Rioters (Somalia)", None),
        ("In Nakuru, Kenya, smoke rose over the market after angry traders went on a looting spree and burnt stalls.",
         "Mob violence", "Rioters (Kenya)", None),
        ("A mobile-money kiosk in Nakuru, Kenya, was torched by irate customers.", "Mob violence", "Rioters (Kenya)",
         None),
        # armed doers who loot stay a strategic development
        ("Soldiers looted shops in Bunia, Congo.", "Looting/property destruction",
         "Military Forces of Democratic Republic of Congo", "Civilians (Democratic Republic of Congo)"),
        # a handful of people is a gang, not a crowd
        ("Three men torched two police cars in Kisumu, Kenya.", "Looting/property destruction",
         "Unidentified Armed Group (Kenya)", "Police Forces of Kenya"),
        # a clash between the police and a crowd is a riot, the crowd first
        ("Police clashed with traders in the market of Oran, Algeria.", "Violent demonstration",
         "Rioters (Algeria)", "Police Forces of Algeria"),
        ("Clashes were reported in Oran between police and street vendors.", "Violent demonstration",
         "Rioters (Algeria)", "Police Forces of Algeria"),
        ("Residents protesting power cuts burnt tyres and clashed with police in Kano, Nigeria.",
         "Violent demonstration", "Rioters (Nigeria)", "Police Forces of Nigeria"),
        # a crowd the text calls protesters is coded by what it does: in a riot, Rioters; a party whose cadres riot
        # stands beside its rioters
        ("In the unrest near Polokwane, South Africa, dozens of travellers were robbed by violent protesters.",
         "Violent demonstration", "Rioters (South Africa)", None),
        ("Protests by angry taxi drivers went on in Soshanguve, South Africa, with roads barricaded by burning "
         "tyres.", "Violent demonstration", "Rioters (South Africa)", None),
        ("NDC cadres shattered the windscreens of campaign vehicles in Tamale, Ghana.", "Mob violence",
         "Rioters (Ghana)", None),
        # a protest dispersed by a force the text does not name: the state's police intervened
        ("Teachers demonstrated in front of the education office in Accra, Ghana, and were dispersed with tear gas.",
         "Protest with intervention", "Protesters (Ghana)", "Police Forces of Ghana"),
        # political camps that clash riot, rioters on both sides (ACLED's coding of crowds that fight each other);
        # herders and farmers are left to the communal-militia reading
        ("After a contested council vote in Koudougou, Burkina Faso, rival political groups clashed, injuring "
         "four people.", "Mob violence", "Rioters (Burkina Faso)", "Rioters (Burkina Faso)"),
        ("Two killed in clashes between rival party supporters in Kumasi, Ghana.", "Mob violence", "Rioters (Ghana)",
         "Rioters (Ghana)"),
        ("Herders clashed with farmers near Tenenkou, Mali, leaving five dead.", "Armed clash", None, None),
        # armed men who attack a march or a motorcade attack people: violence against civilians, its crowd the victims
        ("Rebels opened fire on protesters in Butembo, Congo, killing three.", "Attack",
         "Unidentified Armed Group (Democratic Republic of Congo)", "Protesters (Democratic Republic of Congo)"),
        ("Masked gunmen attacked the motorcade of a governor near Sokoto, Nigeria.", "Attack",
         "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
        ("Militiamen attacked a march of nurses in Bunia, Congo.", "Attack",
         "Unidentified Armed Group (Democratic Republic of Congo)", "Protesters (Democratic Republic of Congo)"),
        # guard (holds without the rule too): a mob, no armed men, that attacks a rally riots
        ("A mob attacked a rally of the ruling party in Nakuru, Kenya.", "Mob violence", "Rioters (Kenya)", None),
        # armed sides stay a battle
        ("Soldiers clashed with al-Shabaab fighters near Afgoye, Somalia.", "Armed clash",
         "Military Forces of Somalia", "Al-Shabaab"),
        # shells and missiles of an article that names no armed party: an unidentified armed group fired them
        ("A missile landed in the yard of a flour mill in Sirte, Libya, on Tuesday, destroying two lorries.",
         "Shelling/artillery/missile attack", "Unidentified Armed Group (Libya)", None),
        ("Shells fell on a school in Kharkiv, Ukraine, killing two children.", "Shelling/artillery/missile attack",
         "Unidentified Armed Group (Ukraine)", "Civilians (Ukraine)"),
        # an air strike of an article that names no armed party and no firer: the state's of the place
        ("Two people were killed by an air strike on a bakery near Mandalay, Myanmar.", "Air/drone strike",
         "Military Forces of Myanmar", "Civilians (Myanmar)"),
        ("Two people were killed by an air strike on a bakery near Mandalay, Myanmar. The army denied it.",
         "Air/drone strike", "Military Forces of Myanmar", "Civilians (Myanmar)"),
        # ... never when the article names a foreign force, or the sentence who flew it (in the actor table or not)
        ("Two people were killed by an air strike on a bakery near Mandalay, Myanmar. Russian troops are based nearby.",
         "Air/drone strike", None, "Civilians (Myanmar)"),
        ("Two herders died in an air raid near Geneina, Sudan, carried out by RSF drones.", "Air/drone strike",
         "Rapid Support Forces", "Civilians (Sudan)"),
        # an armed group an air strike hit stays its target (its air force unnamed: the article names an armed party)
        ("Jets bombed an al-Shabaab camp near Kismayo, Somalia, killing several fighters.", "Air/drone strike", None,
         "Al-Shabaab"),
        # the one party a bomb's sentence names, when it is no armed group, is its target; the bomber is unknown
        ("Two staff of the World Food Programme were hurt when a roadside bomb hit their car near Bangui, Central "
         "African Republic.", "Remote explosive/landmine/IED", "Unidentified Armed Group (Central African Republic)",
         "World Food Programme"),
        # peacekeepers are their mission, a force: listed first, as a bomb's state forces are
        ("Two UN peacekeepers were hurt when a roadside bomb hit their patrol near Bangui, Central African Republic.",
         "Remote explosive/landmine/IED",
         "United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic",
         "Unidentified Armed Group (Central African Republic)"),
        # a riot whose sentence names only the force sent against it: the crowd first, the force second
        ("Angry youth burnt tyres on the highway near Kisumu, Kenya, until anti-riot police were sent in.",
         "Violent demonstration", "Rioters (Kenya)", "Police Forces of Kenya"),
        # civilians killed abroad by a foreign force are the place's, not the force's country; civilians of their
        # own stated nationality keep it
        ("Ugandan soldiers beat a trader to death in Yei, the Ugandan army confirmed in a statement from Kampala, "
         "Uganda.", "Attack", "Military Forces of Uganda", "Civilians (South Sudan)"),
        ("Sudanese traders were robbed and beaten by Libyan militiamen near Kufra, Libya.", "Attack",
         "Unidentified Armed Group (Libya)", "Civilians (Sudan)"),
        ("Kenyan troops shot dead two Kenyan truck drivers in Beledweyne, Somalia.", "Attack",
         "Military Forces of Kenya", "Civilians (Kenya)"),
        # a bomb that hurt two forces of one state hurt one side: the bomber, unnamed, is the other
        ("Two gendarmes and a soldier were hurt when a landmine exploded under their truck near Ouahigouya, "
         "Burkina Faso.",
         "Remote explosive/landmine/IED", "Police Forces of Burkina Faso", "Unidentified Armed Group (Burkina Faso)"),
        # the people a mob kills are civilians; crowds that fight each other are on both sides
        ("A crowd lynched two alleged cattle thieves in Mbeya, Tanzania.", "Mob violence", "Rioters (Tanzania)",
         "Civilians (Tanzania)"),
        ("Supporters of two rival chiefs fought each other with machetes in Banfora, Burkina Faso; three died.",
         "Mob violence", "Rioters (Burkina Faso)", "Rioters (Burkina Faso)"),
    ],
)
def test_implied_parties_and_crowd_types(extractor, text, sub_event_type, actor1, actor2):
    result = extract(extractor, text)
    event = result.events[0]
    assert (event.sub_event_type, event.actor1, event.actor2) == (sub_event_type, actor1, actor2)
    listed = {actor.name for actor in result.actors}
    assert {name for name in (actor1, actor2) if name} <= listed  # every party has an actor record


def test_a_crowd_that_also_protests_peacefully_stays_protesters_in_its_riots(extractor):
    """One crowd, one actor: protesters who march and later riot stay Protesters (X) in the riot."""
    result = extract(extractor, "Thousands of protesters marched peacefully through Nairobi, Kenya, on Monday. "
                                "Later, travellers on the Thika road were robbed by violent protesters.")
    riots = [e for e in result.events if e.event_type == "Riots"]
    assert [e.actor1 for e in riots] == ["Protesters (Kenya)"]
    assert "Rioters (Kenya)" not in {a.name for a in result.actors}


def test_a_riot_with_no_crowd_named_is_the_articles_protesters(extractor):
    """A riot whose sentence names no crowd, in an article whose protesters protest: the same people, one actor."""
    result = extract(extractor, "Teachers demonstrated in Machakos, Kenya, on Friday over unpaid salaries. In Kitui, "
                                "the march turned violent: stones were thrown and tear gas was fired.")
    riots = [e for e in result.events if e.event_type == "Riots"]
    assert riots and {e.actor1 for e in riots} == {"Protesters (Kenya)"}
    assert "Rioters (Kenya)" not in {a.name for a in result.actors}


@pytest.mark.parametrize(
    "text",
    [
        "Boko Haram fighters raided Gwoza, Nigeria on Monday. A bomb exploded at the market the next day, killing "
        "three people.",
        "Armed factions loyal to al-Qaeda operate in the area. On Tuesday, nine civilians were shot dead "
        "in a raid on a hamlet near Dosso, Niger.",
    ],
)
def test_an_unnamed_doer_is_unidentified_even_when_the_article_names_a_group(extractor, text):
    """ACLED codes harm that the text pins on nobody to an Unidentified Armed Group (X), even in an article that
    names an armed group elsewhere: the group named in another sentence is no party of this one."""
    result = extract(extractor, text)
    last = result.events[-1]  # the harm of the last sentence, whose doer the text does not name
    assert last.actor1 is not None and last.actor1.startswith("Unidentified Armed Group (")
    assert last.actor2 is not None and last.actor2.startswith("Civilians (")
    assert last.actor1 in {actor.name for actor in result.actors}


def test_implied_actor_records_are_generic(extractor):
    result = extract(extractor, "Unknown gunmen shot dead a retired teacher on the road to the market in Bamako, Mali.")
    by_name = {actor.name: actor for actor in result.actors}
    attackers = by_name["Unidentified Armed Group (Mali)"]
    assert (attackers.kind, attackers.country) == ("armed_group", "ML")
    assert by_name["Civilians (Mali)"].kind == "civilians"


@pytest.mark.parametrize(
    ("text", "actor1", "assoc1"),
    [
        # strikers and people who protest are Protesters (X), whatever noun the text uses
        ("Nurses on strike over months of unpaid pay in Wau, South Sudan.", "Protesters (South Sudan)", ()),
        ("Farmers in Gedaref, Sudan, protest the lease of land to foreign investors.", "Protesters (Sudan)", ()),
        # a party that leads a march stands beside its crowd
        ("The Movement for Democratic Change held a march in Harare, Zimbabwe.", "Protesters (Zimbabwe)",
         ("Movement for Democratic Change",)),
        # the group whose protest the police break up is no victim of the police: its crowd comes first, the
        # force second
        ("Police arrested 15 members of the Sungura movement who were protesting against bread prices in Gweru, "
         "Zimbabwe.", "Protesters (Zimbabwe)", ("Sungura movement",)),
    ],
)
def test_a_protests_crowd_is_protesters(extractor, text, actor1, assoc1):
    event = extract(extractor, text).events[0]
    assert (event.event_type, event.actor1, event.assoc_actor_1) == ("Protests", actor1, assoc1)
    if "Police" in text:  # the police who break the protest up are its other side
        assert (event.actor2 or "").startswith("Police Forces"), event
    else:
        assert event.actor2 is None, event



@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor2"),
    [
        # what a peaceful protest is against (a government, a parliament, an army) is its target, not a party
        ("Market vendors in Mombasa, Kenya, protested against the county government over new fees.",
         "Peaceful protest", None),
        ("Nurses demonstrated in front of Parliament in Accra, Ghana, demanding unpaid allowances.",
         "Peaceful protest", None),
        ("Students in Bamako, Mali, marched against the abuses of Malian soldiers in the north.",
         "Peaceful protest", None),
        # police who act on the crowd stay its other side
        ("Teachers demonstrated in front of the education office in Accra, Ghana, and were dispersed with tear gas "
         "by police.",
         "Protest with intervention", "Police Forces of Ghana"),
    ],
)
def test_a_peaceful_protests_target_is_no_party(extractor, text, sub_event_type, actor2):
    event = extract(extractor, text).events[0]
    assert (event.event_type, event.sub_event_type, event.actor2) == ("Protests", sub_event_type, actor2)


def test_army_at_the_start_of_a_sentence_is_the_state(extractor):
    event = extract(extractor, "Army deployed to Yei, South Sudan, after clashes with rebels.").events[0]
    assert event.actor1 == "Military Forces of South Sudan"


def test_a_battle_read_from_an_attack_lists_the_state_first(extractor):
    event = extract(extractor, "Five soldiers died after an al-Shabaab ambush near Afgoye, Somalia.").events[0]
    assert (event.sub_event_type, event.actor1, event.actor2) == ("Armed clash", "Military Forces of Somalia",
                                                                   "Al-Shabaab")


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1", "actor2"),
    [
        # "liberated ... from X": the country's forces regain the ground, X lost it
        ("The joint forces liberated the villages of Bariire and Sabiid in Somalia from al-Shabaab.",
         "Government regains territory", "Military Forces of Somalia", "Al-Shabaab"),
        ("Government troops retook the town of Kidal from the rebels.", "Government regains territory",
         "Military Forces of Mali", "Unidentified Armed Group (Mali)"),
        # rebels who retake a town overtake it
        ("Rebels retook the town of Kidal from the army.", "Non-state actor overtakes territory",
         "Military Forces of Mali", "Unidentified Armed Group (Mali)"),
        # ground named by a common noun is ground all the same
        ("Soldiers recaptured several villages near Diffa, Niger, on Saturday.", "Government regains territory",
         "Military Forces of Niger", None),
        # no doer in the parse ("are reported to have taken"): the event's actor1 says who took it
        ("Malian troops are reported to have taken control of the town of Kidal.", "Government regains territory",
         "Military Forces of Mali", None),
        ("Rebels of the MNLA are reported to have taken control of the town of Kidal.",
         "Non-state actor overtakes territory", "MNLA", None),
    ],
)
def test_territory_and_who_regained_it(extractor, text, sub_event_type, actor1, actor2):
    event = extract(extractor, text).events[0]
    assert (event.sub_event_type, event.actor1, event.actor2) == (sub_event_type, actor1, actor2)


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        # the ground the article's only armed group held: it lost it, though the sentence does not name it
        ("Boko Haram fighters overran an army base near Monguno, Nigeria, on Friday. On Sunday troops retook "
         "the base.", "Boko Haram"),
        ("Al-Shabaab fighters seized the village of Bulo Burde, Somalia, in March. Soldiers recaptured the village "
         "on Sunday.", "Al-Shabaab"),
        # two armed groups in the article: the sentence does not say whose ground it was
        ("Boko Haram and ISWAP fighters raided Monguno, Nigeria, on Friday. On Sunday troops retook the town.",
         None),
    ],
)
def test_regained_ground_was_the_only_armed_groups(extractor, text, actor2):
    event = next(e for e in extract(extractor, text).events if e.sub_event_type == "Government regains territory")
    assert event.actor2 == actor2


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # a clash whose sentence names one side: the article's only force across the state line is the other
        ("Boko Haram fighters attacked Monguno, Nigeria, on Sunday. Troops repelled them after two hours.",
         "Military Forces of Nigeria", "Boko Haram"),
        # ... and comes first, as state forces do in the battles ACLED codes, whichever side struck first
        ("Al-Shabaab fighters ambushed a convoy near Bulo Burde, Somalia. Soldiers guarding it returned fire.",
         "Military Forces of Somalia", "Al-Shabaab"),
        ("Masked gunmen attacked a senator's convoy near Gusau, Nigeria. His police escort returned fire.",
         "Police Forces of Nigeria", "Unidentified Armed Group (Nigeria)"),
        # no named opponent: an unidentified group, which never clashes with itself
        ("A soldier was killed when his patrol was ambushed near Timbuktu, Mali.", "Military Forces of Mali",
         "Unidentified Armed Group (Mali)"),
        ("Unidentified gunmen clashed with each other in Gao, Mali, killing one.", "Unidentified Armed Group (Mali)",
         None),
        # local people who fight are their community's militia
        ("Heavy fighting broke out near Kidal, Mali, on Sunday after soldiers clashed with armed herdsmen; four people "
         "died.", "Military Forces of Mali", "Unidentified Communal Militia (Mali)"),
        ("Troops fought armed tribesmen for hours near Marib, Yemen, on Tuesday, leaving seven dead.",
         "Military Forces of Yemen", "Unidentified Communal Militia (Yemen)"),
        # locals who only died in it are no side of it
        ("Soldiers fought near a village outside Gao, Mali, on Monday, and two villagers died.",
         "Military Forces of Mali", "Unidentified Armed Group (Mali)"),
    ],
)
def test_the_other_side_of_a_clash(extractor, text, actor1, actor2):
    clash = next(e for e in extract(extractor, text).events if e.sub_event_type == "Armed clash")
    assert (clash.actor1, clash.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("text", "actor1", "actor2", "assoc1"),
    [
        # a government that fights does so through its forces, and stands beside them
        ("The government shelled rebel positions near Kidal, Mali, on Monday.", "Military Forces of Mali",
         "Unidentified Armed Group (Mali)", ("Government of Mali",)),
        # in an agreement the government acts itself
        ("The Malian government signed a peace agreement with the rebels in Bamako on Monday.", "Government of Mali",
         "Unidentified Armed Group (Mali)", ()),
        # a government that a crowd protests against is its target: no party, no associate
        ("Thousands of protesters marched in Khartoum against Sudan's military government.", "Protesters (Sudan)",
         None, ()),
    ],
)
def test_a_government_in_events(extractor, text, actor1, actor2, assoc1):
    event = extract(extractor, text).events[0]
    assert (event.actor1, event.actor2, event.assoc_actor_1) == (actor1, actor2, assoc1)


def test_forces_a_government_implies_are_no_actor_of_their_own(extractor):
    """The Military Forces of X behind a government are an actor only when an event names them."""
    names = {actor.name for actor in extract(extractor, "The Ethiopian government announced new curfews in Amhara "
                                                        "on Friday.").actors}
    assert names == {"Government of Ethiopia"}


@pytest.mark.parametrize(
    ("first", "second", "actor2", "beside"),
    [
        # a unit of one state, named by its own name, and that state's forces: one side hurt, the bomber unnamed
        (("Liyu Police", "ET"), ("Military Forces of Ethiopia", "ET"), "Unidentified Armed Group",
         ("Military Forces of Ethiopia",)),
        # units of two states, neither named "X Forces of <country>": two sides, as the text has them
        (("Liyu Police", "ET"), ("General Service Unit", "KE"), "General Service Unit", ()),
    ],
)
def test_a_bomb_hurt_one_side_when_both_forces_are_of_one_country(first, second, actor2, beside):
    """The forces' country field decides, not the words of their names."""
    table = ActorTable()
    for name, country in (first, second):
        table.actors[name] = ActorInfo(name, name, "state_forces", country)
    bomb = Event(id="event/n-0", event_type="Explosions/Remote violence",
                 sub_event_type="Remote explosive/landmine/IED", actor1=first[0], actor2=second[0])
    (event,), _ = implied_parties([bomb], table, [])
    assert (event.actor1, event.actor2, event.assoc_actor_1) == (first[0], actor2, beside)


def test_a_shell_in_an_article_that_names_who_shells_is_no_unidentified_groups(extractor):
    events = extract(extractor, "M23 rebels shelled the outskirts of Goma on Monday. On Tuesday a shell hit a "
                                "market there, killing three people.").events
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"] * 2
    assert not any((e.actor1 or "").startswith("Unidentified") for e in events)


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # the taker is named, the article's adversary of the taker gave the town up
        ("The Rapid Support Forces clashed with the Sudanese army in Omdurman on Monday, leaving 12 people dead.\n\n"
         "On Tuesday, RSF fighters took over the town of Bara after the garrison withdrew overnight.",
         "Rapid Support Forces", "Military Forces of Sudan"),
        ("The Rapid Support Forces clashed with the Sudanese army in Omdurman on Monday, leaving 12 people dead.\n\n"
         "RSF fighters took control of Bara on Tuesday without firing a shot.",
         "Rapid Support Forces", "Military Forces of Sudan"),
    ],
)
def test_a_peaceful_transfer_takes_the_side_that_gave_the_ground_up(extractor, text, actor1, actor2):
    transfer = next(e for e in extract(extractor, text).events if e.sub_event_type == _TRANSFER)
    assert (transfer.actor1, transfer.actor2) == (actor1, actor2)


def test_a_taker_from_outside_the_articles_pair_borrows_no_other_side(extractor):
    """A force that is neither of the article's adversaries took the ground from nobody the article names."""
    text = ("The Rapid Support Forces clashed with the Sudanese army in Omdurman on Monday, leaving 12 people dead.\n\n"
            "On Tuesday, Ethiopian troops took over the town of Bara after the garrison withdrew overnight.")
    transfers = [e for e in extract(extractor, text).events if e.sub_event_type == _TRANSFER]
    assert [(e.actor1, e.actor2) for e in transfers] == [("Military Forces of Ethiopia", None)]


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # the foreign force whose strikes a crowd protests against is no party of the riot
        ("Hundreds of youths stoned the gates of the French consulate in Niamey, Niger, on Friday during a march "
         "against French airstrikes.", "Rioters (Niger)", None),
        ("Youths hurled stones at the French consulate in Niamey, Niger, on Friday during a rally against French "
         "drone strikes.", "Rioters (Niger)", None),
        ("Protesters against the army's operations in the north burnt tyres in Gao, Mali.", "Protesters (Mali)", None),
        # the police the crowd fights stay its opponent
        ("Protesters against the army's operations in the north clashed with police in Gao, Mali.", "Rioters (Mali)",
         "Police Forces of Mali"),
    ],
)
def test_what_a_crowd_protests_against_is_no_party(extractor, text, actor1, actor2):
    event = extract(extractor, text).events[0]
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("text", "actor1", "actor2", "assoc1"),
    [
        # the state's forces lead their side; the militias and vigilantes beside them are associates
        ("Six Koglweogo fighters and two soldiers were killed when jihadists ambushed their convoy near Fada "
         "N'Gourma, Burkina Faso.", "Military Forces of Burkina Faso", "Unidentified Armed Group (Burkina Faso)",
         ("Koglweogo",)),
        ("Two vigilantes and a policeman were shot dead when bandits attacked a checkpoint near Gusau, Nigeria.",
         "Police Forces of Nigeria", "Unidentified Armed Group (Nigeria)", ("Vigilante Militia (Nigeria)",)),
    ],
)
def test_the_state_leads_the_militias_beside_it(extractor, text, actor1, actor2, assoc1):
    event = extract(extractor, text).events[0]
    assert (event.actor1, event.actor2, event.assoc_actor_1) == (actor1, actor2, assoc1)


_CLASH = ("Battles", "Armed clash", None)


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "actor1", "evidence", "country", "expected"),
    [
        # a clash of armed people that names no side: an unidentified armed group of the country, on one side only
        (*_CLASH, "Militiamen traded fire for most of the night on the edge of the town, an official said.", "KE",
         "Unidentified Armed Group (Kenya)"),
        (*_CLASH, "Heavy gunfire was heard for hours as fighters battled for the hilltop.", "KE",
         "Unidentified Armed Group (Kenya)"),
        # with no country the group would merge the clashes of every article: left unnamed
        (*_CLASH, "Heavy gunfire was heard for hours as fighters battled for the hilltop.", None, None),
        # clashes of people who are not armed groups: brawls, feuds, rivalries, crowds
        (*_CLASH, "Two students were hurt in clashes at a football match in Lagos.", "NG", None),
        (*_CLASH, "Fighting broke out between two families over land, leaving one dead.", "KE", None),
        (*_CLASH, "A quarrel over who would succeed the late chief ended in clashes.", "KE", None),
        (*_CLASH, "Clashes between two communities over a water point left three dead.", "KE", None),
        (*_CLASH, "Supporters of rival candidates clashed after the count, leaving one dead.", "KE", None),
        # local people who fight are left to the communal-militia reading
        (*_CLASH, "Herders fought farmers over a well.", "KE", None),
        # unnamed attackers are no protest's crowd: what the crowd protests against
        ("Protests", "Peaceful protest", "Unidentified Armed Group",
         "Market women marched to the governor's office to demand justice for a trader whom gunmen had killed.",
         None, "Protesters"),
    ],
)
def test_a_side_the_sentence_leaves_unnamed(event_type, sub_event_type, actor1, evidence, country, expected):
    """Read on the event alone (the article's country or none): the codebook's party in actor1, no associate added."""
    table = ActorTable()
    table.actors["uag"] = ActorInfo("uag", "Unidentified Armed Group", "armed_group")
    table.main_country = country
    event = Event(id="event/n-0", event_type=event_type, sub_event_type=sub_event_type, actor1=actor1,
                  evidence=evidence)
    (out,), _ = implied_parties([event], table, [])
    assert (out.actor1, out.actor2, out.assoc_actor_1) == (expected, None, ())
