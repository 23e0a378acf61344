"""ACLED's actor categories and roles on hand-written notes: crowds by what they do, police apart from the
military, state forces by their own names, unidentified attackers, and who did what to whom."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.actors.table import ActorInfo, inter_code
from graph.records import Article


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # people who protest are Protesters, whatever the noun, in the country of the place
        ("Teachers held a sit-in at the governorate offices in Sfax, Tunisia.", "Protesters (Tunisia)", None),
        ("Dozens of nurses gathered in protest at the main hospital in Kaduna, Nigeria.", "Protesters (Nigeria)",
         None),
        ("Hundreds of farmers marched to the parliament in Nairobi to demand better maize prices.",
         "Protesters (Kenya)", None),
        # people who burn, loot or stone are Rioters
        ("Angry residents burnt tyres and pelted cars with stones in Kisumu, Kenya.", "Rioters (Kenya)", None),
        ("A mob looted shops in Kano, Nigeria.", "Rioters (Nigeria)", None),
        # police are the state's Police Forces, soldiers its Military Forces
        ("Police arrested 30 opposition supporters in Kampala, Uganda.", "Police Forces of Uganda",
         "Civilians (Uganda)"),
        ("Two policemen were killed when gunmen attacked a checkpoint near Arish, Egypt.",
         "Police Forces of Egypt", "Unidentified Armed Group (Egypt)"),
        # unknown attackers are an Unidentified Armed Group; victims named by a noun are Civilians
        ("Unknown gunmen shot dead a village chief in Gao, Mali.", "Unidentified Armed Group (Mali)",
         "Civilians (Mali)"),
        ("Assailants killed six people in Beni, Democratic Republic of Congo.",
         "Unidentified Armed Group (Democratic Republic of Congo)", "Civilians (Democratic Republic of Congo)"),
        # state forces under their own names or acronyms are the state's forces
        ("KDF soldiers killed four al-Shabaab militants near Lamu on Sunday, the army said.",
         "Military Forces of Kenya", "Al-Shabaab"),
        ("The Kenya Defence Forces killed two members of al Shabaab near Mandera.", "Military Forces of Kenya",
         "Al-Shabaab"),
        ("FARDC troops clashed with M23 rebels near Rutshuru.", "Military Forces of Democratic Republic of Congo",
         "M23"),
        # a passive: the agent of "by" is actor1 (in battles and remote violence ACLED lists the state first)
        ("Six villagers were killed by Boko Haram fighters near Maiduguri.", "Boko Haram", "Civilians (Nigeria)"),
        # unnamed clans and local militias are ACLED's identity militias; fighting among themselves, on both sides
        ("Rival clan militias fought over a water point near Galkayo, Somalia.", "Unidentified Clan Militia (Somalia)",
         "Unidentified Clan Militia (Somalia)"),
        ("Three people died in clan fighting near Jowhar, Somalia, on Monday.", "Unidentified Clan Militia (Somalia)",
         "Unidentified Clan Militia (Somalia)"),
        ("A local militia shot dead two traders in Sebha, Libya.", "Unidentified Communal Militia (Libya)",
         "Civilians (Libya)"),
        ("Self-defense groups clashed with soldiers near Bambari, Central African Republic.",
         "Military Forces of Central African Republic", "Unidentified Communal Militia (Central African Republic)"),
        # herdsmen are named by their community, known or not; the people they fight are a communal militia
        ("Fulani herdsmen attacked a village near Makurdi, Nigeria, killing 12.", "Fulani Ethnic Militia (Nigeria)",
         "Civilians (Nigeria)"),
        ("Habbani herdsmen clashed with farmers near Nyala, Sudan, leaving nine dead.",
         "Habbani Ethnic Militia (Sudan)", "Unidentified Communal Militia (Sudan)"),
        # a crowd that destroys property riots
        ("Students destroyed property at a college in Soroti, Uganda, on Monday.", "Rioters (Uganda)", None),
        # crowds that clash with no one else named clash with each other: rioters on both sides
        ("Supporters of rival candidates clashed in Kumasi, Ghana, after the vote count.", "Rioters (Ghana)",
         "Rioters (Ghana)"),
        ("Rioters clashed with police in Kumasi, Ghana.", "Rioters (Ghana)", "Police Forces of Ghana"),
        # the people a crowd beats, with no force there, are its victims: Civilians (X)
        ("A mob beat a young man accused of theft in Kasama, Zambia.", "Rioters (Zambia)", "Civilians (Zambia)"),
        ("A mob attacked a woman accused of witchcraft in Kilifi, Kenya.", "Rioters (Kenya)", "Civilians (Kenya)"),
        ("A mob beat two musicians after a concert in Tamale, Ghana.", "Rioters (Ghana)",
         "Civilians (Ghana)"),
        ("A mob stoned a shopkeeper in Mombasa, Kenya.", "Rioters (Kenya)", "Civilians (Kenya)"),
        # a crowd named as the doer of a passive ("by residents") is read as it is in the active voice
        ("A pastor was attacked by residents in Mzuzu, Malawi, and badly injured.", "Rioters (Malawi)",
         "Civilians (Malawi)"),
        ("A businessman was beaten by angry residents in Kitwe, Zambia, after a dispute over land.",
         "Rioters (Zambia)", "Civilians (Zambia)"),
        ("An imam was assaulted by youths outside a mosque in Tamale, Ghana.", "Rioters (Ghana)", "Civilians (Ghana)"),
        # political camps who attack someone are a mob (Rioters), not an unidentified armed group
        ("Political rivals attacked a village chief in Masaka, Uganda, injuring him badly.", "Rioters (Uganda)",
         "Civilians (Uganda)"),
        ("In Tamale, Ghana, party supporters beat a pastor who had criticised their candidate.", "Rioters (Ghana)",
         "Civilians (Ghana)"),
        # people take the nationality the text gives them, else the country they are in; a country of two words
        # is read whole ("South Sudanese" is not "Sudanese")
        ("Libyan doctors protested in Tunis on Monday.", "Protesters (Libya)", None),
        ("Somali traders protested in Nairobi, Kenya, on Monday.", "Protesters (Somalia)", None),
        ("Scores of Zambian nurses marched to the health ministry in Harare over unpaid wages.",
         "Protesters (Zambia)", None),
        ("South Sudanese troops clashed with rebels near Yei.", "Military Forces of South Sudan",
         "Unidentified Armed Group (South Sudan)"),
        ("South Sudan's army shelled Kajo Keji.", "Military Forces of South Sudan", None),
        # the state's men by their role in security: its military forces
        ("Al-Shabaab gunmen shot a security official in Baidoa, Somalia.", "Military Forces of Somalia",
         "Al-Shabaab"),
        ("A conscript was wounded by a roadside bomb south of Rafah, Egypt.", "Military Forces of Egypt",
         "Unidentified Armed Group (Egypt)"),
        ("Gunmen shot dead a trooper near Mubi, Nigeria.", "Military Forces of Nigeria",
         "Unidentified Armed Group (Nigeria)"),
        # unnamed armed men said to belong to a named group are that group; a group the text names only elsewhere
        # is not the attacker
        ("Gunmen suspected to be al-Shabaab fighters shot dead two teachers in Mandera, Kenya.", "Al-Shabaab",
         "Civilians (Kenya)"),
        ("Fighters thought to belong to Boko Haram ambushed a patrol near Bama, Nigeria, killing two soldiers.",
         "Military Forces of Nigeria", "Boko Haram"),
        ("Gunmen killed a trader in Kano, Nigeria. Police said Boko Haram was active in the area.",
         "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
        # unnamed militiamen are armed men, not civilians, when arrested too: an unidentified armed group
        ("Gendarmes detained five militiamen at a checkpoint outside Bertoua, Cameroon.",
         "Police Forces of Cameroon", "Unidentified Armed Group (Cameroon)"),
        # a demonym before them gives the group's country
        ("Soldiers killed six Burundian militiamen in a firefight near Uvira, DR Congo, on Sunday.",
         "Military Forces of Democratic Republic of Congo", "Unidentified Armed Group (Burundi)"),
        # vigilantes are ACLED's Vigilante Militia (X), fighting or killed as armed men
        ("Gunmen killed two members of a vigilante group in Zurmi, Nigeria.", "Unidentified Armed Group (Nigeria)",
         "Vigilante Militia (Nigeria)"),
        # open vocabulary: a name the sentence treats as a group is an actor of that kind
        ("Suspected PF cadres beat up two opposition agents in Kasama, Zambia.", "PF", "Civilians (Zambia)"),
        ("Fighters of the Wazalendo coalition attacked FARDC soldiers in Masisi.",
         "Military Forces of Democratic Republic of Congo", "Wazalendo coalition"),
        ("Kabanga Nyota militiamen killed four villagers near Shabunda on Monday, local officials said.",
         "Kabanga Nyota", "Civilians (Democratic Republic of Congo)"),  # Shabunda: a Congolese area (sole_area)
        # "the rebel group X", "the rebel movement X": the name after the group word
        ("The rebel movement FNL-K said it had shelled an army camp near Bubanza, Burundi.",
         "Military Forces of Burundi", "FNL-K"),
        ("Soldiers clashed with the new rebel group MRCA near Bria, Central African Republic.",
         "Military Forces of Central African Republic", "MRCA"),
        # a community's militia is that community's Ethnic Militia
        ("Fulani militia killed 12 farmers in Benue, Nigeria.", "Fulani Ethnic Militia (Nigeria)",
         "Civilians (Nigeria)"),
        # herdsmen name a people even when the NER reads the name as a place; one herder tells it for the militia
        ("Nine dead, 14 wounded when Salamat herdsmen clashed with farmers near Nyala, Sudan.",
         "Salamat Ethnic Militia (Sudan)", "Unidentified Communal Militia (Sudan)"),
        ("Dobo militia attacked Kass, Sudan. A Dobo herder had been killed there earlier.",
         "Dobo Ethnic Militia (Sudan)", "Civilians (Sudan)"),
        # victims named only by a number are civilians; the bomb's unnamed planter an unidentified armed group
        ("A roadside bomb hit a minibus near Mogadishu, Somalia, killing 12.", "Unidentified Armed Group (Somalia)",
         "Civilians (Somalia)"),
        # the dead of a named group's bomb whom the text gives no side are civilians
        ("Two dead when a lorry struck a mine laid by al-Shabaab fighters outside Wajir, Kenya.", "Al-Shabaab",
         "Civilians (Kenya)"),
        # a claim: the claimant is the doer
        ("Al-Shabaab claimed it had killed five soldiers in an ambush near Kismayo, Somalia.",
         "Military Forces of Somalia", "Al-Shabaab"),
        # "X is reported to have killed": X is the doer, not the source; "were reported killed": the dead
        ("Al-Shabaab is reported to have killed four villagers near Baidoa, Somalia.", "Al-Shabaab",
         "Civilians (Somalia)"),
        ("Two soldiers were reported killed in Gao, Mali.", "Military Forces of Mali",
         "Unidentified Armed Group (Mali)"),
        # battles and remote violence list the state's forces first, as ACLED's interaction codes do
        ("ISWAP fighters attacked soldiers in Monguno, Nigeria.", "Military Forces of Nigeria",
         "Islamic State West Africa Province"),
        # multinational forces (ACLED's code 8) are listed first too, and UN missions are known by their acronyms
        ("Al-Shabaab fighters fired mortar shells at an AMISOM base in Baidoa.", "African Union Mission in Somalia",
         "Al-Shabaab"),
        ("Gunmen ambushed a MONUSCO patrol near Beni, killing two peacekeepers.",
         "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo",
         "Unidentified Armed Group (Democratic Republic of Congo)"),
        # a protest's actor1 is its crowd, the party that leads it an associate
        ("Protests against fuel prices in Kano, Nigeria.", "Protesters (Nigeria)", None),
        # the object of a trailing participle of harm is who the doer hurt, not the object of another participle
        ("Troops hunting ADF rebels shelled a market near Beni, Democratic Republic of Congo, wounding six traders.",
         "Military Forces of Democratic Republic of Congo", "Civilians (Democratic Republic of Congo)"),
        # "A and B fought": the subjects of a mutual verb are the two sides, unless both are one state's forces
        ("On Tuesday al-Shabaab and Islamic State militants clashed in the hills near Bosaso, Somalia.", "Al-Shabaab",
         "Islamic State"),
        ("Police and soldiers fought gunmen near Zaria, Nigeria, on Friday.", "Police Forces of Nigeria",
         "Unidentified Armed Group (Nigeria)"),
        # unnamed armed men the text says are thought to be a state's men are that state's force
        ("Armed men, believed to be soldiers, looted shops and shot a shopkeeper in Bamenda, Cameroon.",
         "Military Forces of Cameroon", "Civilians (Cameroon)"),
        ("Gunmen wearing masks and believed to be policemen shot a driver near Kadugli, Sudan.",
         "Police Forces of Sudan", "Civilians (Sudan)"),
        ("Gunmen wearing masks shot a driver near Kadugli, Sudan.", "Unidentified Armed Group (Sudan)",
         "Civilians (Sudan)"),
    ],
)
def test_acled_actors_and_roles(first_event, text, actor1, actor2):
    event, _ = first_event(text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("SAF bombed villages near Deribat, Sudan.", "Military Forces of Sudan", "SAF"),
        ("Somali National Army troops retook Bulo Burde.", "Military Forces of Somalia", "Somali National Army"),
        # a force named after its country wins over a foreign group whose name it contains
        ("South Sudan People's Defence Forces attacked the rebels near Yei.", "Military Forces of South Sudan",
         "South Sudan People's Defence Forces"),
        ("Nigeria Police Force officers dispersed the crowd in Abuja.", "Police Forces of Nigeria",
         "Nigeria Police Force"),
        # a generic branch or unit of an army is the country's forces, not a group of its own
        ("The Air Force bombed a FARC camp in Cauca, Colombia, on Monday.", "Military Forces of Colombia",
         "Air Force"),
        ("Soldiers of the 14th Brigade of the Army clashed with dissidents in Antioquia, Colombia.",
         "Military Forces of Colombia", "Brigade of the Army"),
    ],
)
def test_state_forces_keep_their_own_name_as_alias(first_event, text, name, alias):
    _, actors = first_event(text)
    assert name in actors, sorted(actors)
    assert alias in actors[name].aliases


@pytest.mark.parametrize(
    "text",
    [
        "LNA warplanes struck positions of the militants near Derna on Monday.",
        "The Libyan National Army (LNA) shelled the southern suburbs of Tripoli. LNA troops later withdrew.",
        "Haftar's forces shelled the southern suburbs of Tripoli, Libya.",
    ],
)
def test_the_lna_is_one_actor_the_military_forces_of_libya(first_event, text):
    # ACLED codes Haftar's army as Military Forces of Libya (2014-): one actor, by full name or acronym
    event, actors = first_event(text)
    assert event.actor1 == "Military Forces of Libya"
    assert not any("National Army" in name for name in actors), sorted(actors)


@pytest.mark.parametrize(
    "text",
    [
        # a rebel army named after its country is not the state's army
        "The Free Syrian Army captured two villages north of Aleppo.",
        "The Sudan People's Liberation Army in Opposition attacked a barracks near Nasir.",
        # nor are a union of police officers and an armed group's own police
        "The Police Officers Union marched in Harare, Zimbabwe, over pay.",
        "Fighters of the Islamic Police beat two men in Timbuktu, Mali.",
    ],
)
def test_rebel_armies_are_not_state_forces(first_event, text):
    _, actors = first_event(text)
    assert not any(name.startswith(("Military Forces", "Police Forces")) for name in actors), sorted(actors)


@pytest.mark.parametrize(
    ("text", "actor1", "actor2", "unit"),
    [
        # a police force or a security service by a name of its own: a unit beside its state's police
        ("Liyu Police attacked villagers in Moyale district of Ethiopia, killing seven.", "Police Forces of Ethiopia",
         "Civilians (Ethiopia)", "Liyu Police"),
        ("Buffalo City Metro Police fired rubber bullets at protesters in Mdantsane, South Africa.",
         "Police Forces of South Africa", "Protesters (South Africa)", "Buffalo City Metro Police"),
        ("National Intelligence and Security Service agents detained two activists in Khartoum, Sudan.",
         "Police Forces of Sudan", "Civilians (Sudan)", "National Intelligence and Security Service"),
        # an acronym several states use is the service of the sentence's country
        ("NISS agents beat two students in Port Sudan, Sudan.", "Police Forces of Sudan", "Civilians (Sudan)", "NISS"),
        ("DSS operatives arrested a cleric in Kano, Nigeria.", "Police Forces of Nigeria", "Civilians (Nigeria)",
         "DSS"),
    ],
)
def test_police_and_security_services_by_their_own_names(first_event, text, actor1, actor2, unit):
    event, _ = first_event(text)
    assert (event.actor1, event.actor2) == (actor1, actor2)
    assert unit in event.assoc_actor_1 + event.assoc_actor_2


def test_a_tie_between_countries_leaves_generic_actors_without_one(first_event):
    # two places in two countries, neither named: no country beats a wrong one
    event, _ = first_event("Students protested in Kinshasa and in Brazzaville.")
    assert event.actor1 == "Protesters"


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Two troopers of the Central Security Forces were wounded by a roadside bomb near Ismailia, Egypt.",
         "Police Forces of Egypt"),
        ("Troops of the Central Reserve Police dispersed a crowd in Nyala, Sudan.", "Police Forces of Sudan"),
    ],
)
def test_men_from_a_named_force_belong_to_it(first_event, text, force):
    event, _ = first_event(text)
    assert force in (event.actor1, event.actor2)
    assert not any(name.startswith("Military Forces") for name in (event.actor1, event.actor2) if name)


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        # "the rebels" of an article that names an armed group are that group (one the dictionary calls rebels first)
        ("The M23 seized Bunagana on Monday. Fighting between the army and the rebels went on near Rutshuru.",
         "rebels", "M23"),
        ("Houthi fighters shelled Taiz. Rebels also fired a missile at Marib, Yemen.", "Rebels", "Houthis"),
        # "the militiamen" of an article that names a militia are its men
        ("Raia Mutomboki fighters raided a gold site near Shabunda. Soldiers later killed three militiamen there.",
         "militiamen", "Raia Mutomboki Militia"),
        # ACLED has no category of rebels: unnamed ones are an unidentified armed group
        ("Soldiers clashed with rebels near Bambari, Central African Republic, on Monday.", "rebels",
         "Unidentified Armed Group (Central African Republic)"),
    ],
)
def test_rebels_are_the_armed_group_the_article_names(extractor, text, word, actor):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    owners = [a.name for a in result.actors if word in {m.text for m in a.mentions}]
    assert owners == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "The Police and Traffic Officers Union picketed the municipal offices in Kimberley, South Africa.",
        "Members of the Army and Police Pensioners Association protested outside parliament in Harare, Zimbabwe.",
    ],
)
def test_a_union_of_police_or_soldiers_protests_as_protesters(first_event, text):
    event, _ = first_event(text)
    assert (event.event_type, event.actor2) == ("Protests", None)
    assert event.actor1.startswith("Protesters (")


@pytest.mark.parametrize(
    ("text", "not_actor"),
    [
        ("Police arrested an opposition official outside the Kawempe Chief Magistrate Court in Kampala.",
         "Kawempe Chief Magistrate Court"),
        ("Students marched to the Ministry of Education in Tunis.", "Ministry of Education"),
    ],
)
def test_buildings_courts_and_ministries_are_never_actors(first_event, text, not_actor):
    _, actors = first_event(text)
    assert not_actor not in actors, sorted(actors)


def test_a_political_party_is_an_organisation(first_event):
    _, actors = first_event("Supporters of the National Resistance Movement rallied in Kampala, Uganda.")
    assert actors["National Resistance Movement"].kind == "organization"


@pytest.mark.parametrize(
    ("name", "code"),
    [("Military Forces of Kenya", 1), ("Protesters (Kenya)", 6), ("Rioters (Kenya)", 5), ("Civilians (Kenya)", 7),
     ("Fulani Ethnic Militia (Nigeria)", 4)],
)
def test_inter_codes(name, code):
    kinds = {"Military Forces of Kenya": "state_forces", "Fulani Ethnic Militia (Nigeria)": "militia"}
    assert inter_code(ActorInfo("actor/x", name, kinds.get(name, "civilians"), "KE")) == code


def test_actor_records_carry_acled_interaction_codes(extractor):
    text = "Protesters marched in Kano, Nigeria, and police fired tear gas. Gunmen later killed two farmers near Kano."
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    inter = {actor.name: actor.inter for actor in result.actors}
    assert inter.get("Protesters (Nigeria)") == 6
    assert inter.get("Police Forces of Nigeria") == 1
    assert inter.get("Unidentified Armed Group (Nigeria)") == 2
    assert inter.get("Civilians (Nigeria)") == 7


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Vigilantes beat a suspected thief to death in Thika, Kenya.", "Vigilantes"),
        ("A suspected burglar was beaten to death in a mob justice incident in Tembisa, South Africa.", "mob justice"),
        ("Members of a vigilance committee shot dead a suspected cattle thief in Isiolo, Kenya.",
         "vigilance committee"),
    ],
)
def test_vigilantes_are_a_vigilante_militia(extractor, text, word):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    owners = [a.name for a in result.actors if word in {m.text for m in a.mentions}]
    assert len(owners) == 1 and owners[0].startswith("Vigilante Militia ("), owners


def test_farmers_who_clash_with_herdsmen_are_no_rioters(extractor):
    # the other side of a community's militia is a communal militia (ACLED's communal violence), not a riot's crowd
    result = extractor.extract(Article(id="note", text="Twelve people died near Bokkos, Nigeria, after Fulani "
                                       "herdsmen clashed with local farmers.", published=dt.date(2016, 6, 20)))
    assert not any(a.name.startswith("Rioters") for a in result.actors)
    assert result.events[0].actor2 == "Unidentified Communal Militia (Nigeria)"


def test_a_vigilante_group_among_the_victims_is_no_suspect(extractor):
    # an unnamed bomber stays an unidentified armed group: vigilantes name no suspect
    text = "A suicide bomber killed 7 people in Mora, Cameroon. Several of the dead belonged to a vigilante group."
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    assert result.events[0].actor1 == "Unidentified Armed Group (Cameroon)"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # people who only speak, wait or flee are in no event: no Civilians (X) of their own
        ("Residents of Kisumu, Kenya, said the water supply had been cut for a week.", set()),
        ("Traders in Mopti, Mali, complained about new taxes at the market.", set()),
        # the victims of an event stay
        ("Gunmen killed three traders in Mopti, Mali.", {"Civilians (Mali)", "Unidentified Armed Group (Mali)"}),
    ],
)
def test_unnamed_groups_exist_only_as_parties(extractor, text, kept):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    unnamed = {a.name for a in result.actors if a.name.startswith(("Civilians", "Protesters", "Rioters",
                                                                     "Unidentified"))}
    assert unnamed == kept
