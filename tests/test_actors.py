"""Actors: dictionary aliases, generic descriptors, persons and organisations, on hand-written sentences."""

from __future__ import annotations

import pytest

from graph.extract.actors.find import _names_unit, find_actors
from graph.extract.parse.clean import clean_text


def actors_of(nlp, text: str) -> dict[str, tuple[str, set[str]]]:
    """name -> (kind, every text that named it)."""
    doc = nlp(clean_text(text))
    table = find_actors(doc)
    index = [0] * len(doc)
    return {a.name: (a.kind, {m.text for m in a.mentions}) for a in table.records(index)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Houthi rebels fired missiles at Saudi troops near Jizan.",
         {"Houthis": "armed_group", "Military Forces of Saudi Arabia": "state_forces"}),
        ("Nigerian troops killed 12 Boko Haram fighters in Borno state on Sunday.",
         {"Military Forces of Nigeria": "state_forces", "Boko Haram": "armed_group"}),
        ("Taliban fighters stormed a checkpoint in Ghazni, killing five Afghan soldiers.",
         {"Taliban": "armed_group", "Military Forces of Afghanistan": "state_forces"}),
        ("Al-Shabaab militants attacked an AMISOM base in Lower Shabelle, the Somali army said.",
         {"Al-Shabaab": "armed_group", "African Union Mission in Somalia": "state_forces",
          "Military Forces of Somalia": "state_forces"}),
        ("Ukrainian forces shelled positions held by the Wagner Group near Bakhmut.",
         {"Military Forces of Ukraine": "state_forces", "Wagner Group": "militia"}),
        ("Gunmen abducted 20 villagers in northwestern Nigeria, residents said.",
         {"Unidentified Armed Group (Nigeria)": "armed_group", "Civilians (Nigeria)": "civilians"}),
        # a country adjective on the attack itself names that state's forces as the attacker
        ("An Israeli air strike killed four people in Rafah on Monday.", {"Military Forces of Israel": "state_forces"}),
        ("Russian shelling killed two civilians in Kherson.", {"Military Forces of Russia": "state_forces"}),
        ("A Turkish drone strike hit a car near Qamishli.", {"Military Forces of Turkey": "state_forces"}),
        # an office's title the NER read as one organisation with its holder's name: the holder is a person
        ("Secretary of State for Northern Development Beatrix Kovacs visited the flooded camp.",
         {"Beatrix Kovacs": "person"}),
        ("Minister of State for Coastal Development Greta Varga praised the rescue crews.",
         {"Greta Varga": "person"}),
        ("Junior Secretary for Consular Services Mirela Dobre said two citizens were missing.",
         {"Mirela Dobre": "person"}),
        # "security force" as a modifier is the state's forces too
        ("A security force patrol was ambushed near Ndanga.", {"Military Forces": "state_forces"}),
        # so does a country adjective on an offensive, an invasion or an incursion
        ("A Turkish offensive pushed into the border town of Kobani.",
         {"Military Forces of Turkey": "state_forces"}),
        ("The villagers fled after an Ethiopian incursion across the border.",
         {"Military Forces of Ethiopia": "state_forces"}),
        # counted nationals are that country's civilians
        ("Israeli troops detained 12 Palestinians in Jenin.",
         {"Military Forces of Israel": "state_forces", "Civilians (Palestine)": "civilians"}),
        ("Thousands of Syrians fled Idlib.", {"Civilians (Syria)": "civilians"}),
        ("Thousands of protesters marched in Khartoum against Sudan's military government.",
         {"Protesters (Sudan)": "civilians", "Government of Sudan": "government"}),
        ("The Ethiopian government announced curfews in Amhara.", {"Government of Ethiopia": "government"}),
        # ACLED names a state's police apart from its military
        ("Kenyan police arrested three suspected al-Shabaab recruiters in Mombasa.",
         {"Police Forces of Kenya": "state_forces", "Al-Shabaab": "armed_group"}),
        # the dictionary's groups of the Sahel, Central Africa, the Great Lakes and Libya, by any of their names
        ("Anti-balaka fighters attacked a Muslim quarter of Bangassou on Sunday.", {"Anti-balaka": "militia"}),
        ("Jihadists killed nine VDP auxiliaries near Djibo.",
         {"Volunteers for the Defense of the Homeland": "militia"}),
        ("Nyatura fighters clashed with FARDC troops near Kitchanga.",
         {"Nyatura": "militia", "Military Forces of Democratic Republic of Congo": "state_forces"}),
        ("Imbonerakure youths beat two opposition members in Ngozi.", {"Imbonerakure": "militia"}),
        ("The UN condemned the attack on the camp near Goma.", {"United Nations": "organization"}),
        ("The Benghazi Defence Brigades advanced on the oil terminals.",
         {"Brigades for the Defence of Benghazi": "armed_group"}),
    ],
)
def test_actors_and_kinds(nlp, text, expected):
    found = actors_of(nlp, text)
    for name, kind in expected.items():
        assert name in found, (name, sorted(found))
        assert found[name][0] == kind


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        ("ISIS claimed the bombing in Raqqa. The Islamic State group said its jihadists had struck. "
         "Daesh rarely says so.", "Islamic State", {"ISIS", "Islamic State group", "jihadists", "Daesh"}),
        ("The regime shelled Idlib. Regime forces then advanced and Syrian troops entered the town.",
         "Military Forces of Syria", {"regime", "Regime forces", "Syrian troops"}),
        ("Iraq's government sent the army to Tal Afar. Iraqi troops arrived on Monday.",
         "Military Forces of Iraq", {"army", "Iraqi troops"}),
        # an article that calls the state a regime makes its government and its forces one actor
        ("The regime shelled Idlib on Monday. The Syrian government denied it.", "Military Forces of Syria",
         {"regime", "Syrian government"}),
        # elsewhere a government is ACLED's Government of X, apart from the country's forces
        # a regime of another state leaves this state's government its own actor
        ("Fighters armed by the Iranian regime attacked a base near Kirkuk. The Iraqi government condemned it.",
         "Government of Iraq", {"Iraqi government"}),
        ("Iraq's government sent the army to Tal Afar. The Iraqi government later said the town was calm.",
         "Government of Iraq", {"Iraq's government", "Iraqi government"}),
        ("The Syrian Observatory for Human Rights counted 12 dead. The Britain-based Observatory relies on "
         "sources on the ground, the monitor said.", "Syrian Observatory for Human Rights",
         {"Syrian Observatory for Human Rights", "Observatory", "monitor"}),
        ("Human Rights Watch researcher Sara Kayyali said the strikes were unlawful. Kayyali added that "
         "hospitals were hit.", "Sara Kayyali", {"Sara Kayyali", "Kayyali"}),
        # a state's army under its own name is the same node as its generic state-forces name
        ("The Israel Defense Forces said Israeli troops raided Jenin.", "Military Forces of Israel",
         {"Israel Defense Forces", "Israeli troops"}),
        ("The Tatmadaw shelled Hpakant; Myanmar's military denied it.", "Military Forces of Myanmar",
         {"Tatmadaw", "Myanmar's military"}),
        # a backer is named by its country's word alone ("Iran" of "Iran-backed"), as the state it is
        ("Iran-backed Houthis fired a drone at a port in Shabwa. Iran denied arming them.", "Military Forces of Iran",
         {"Iran"}),
        # a surname the NER leaves out of a name, which no place resolves, ends it
        ("The coalition was set up in 2020 to overthrow President Pierre Michel Touadera — it denies any massacre.",
         "Pierre Michel Touadera", {"Pierre Michel Touadera"}),
        # the names news use for the Wagner Group beside the dictionary's own
        ("Guards of the Wagner private military company fired on a crowd near Bria. Wagner PMC has not commented.",
         "Wagner Group", {"Wagner private military company", "Wagner PMC"}),
        # "its fighters" are the armed group named before them
        ("The Qassam Brigades said its fighters fired a missile at an Israeli tank.", "Hamas",
         {"Qassam Brigades", "its fighters"}),
        # a name in apposition with "a militant group" is that group, and the article's "militants" are it
        ("Militants stormed a police post in Tank overnight. Police blamed Lashkar-e-Tawba, a militant faction "
         "formed in 2019.", "Lashkar-e-Tawba", {"Militants", "Lashkar-e-Tawba"}),
        ("Rebels shelled the airport. Dar Kobe, a rebel movement formed last year, denied it.", "Dar Kobe",
         {"Rebels", "Dar Kobe"}),
        # the herdsmen of an article that names one community's herdsmen are that community's militia
        ("Armed herdsmen raided three villages near Lokoja, killing 11 farmers. Residents said Wakuri "
         "herdsmen had warned them. The herders fled before police arrived.", "Wakuri Ethnic Militia",
         {"Armed herdsmen", "Wakuri herdsmen", "herders"}),
        # a short form the dictionary trusts only beside a full name names its group before a group noun
        ("ADF rebels killed 12 people near Oicha.", "Allied Democratic Forces", {"ADF rebels"}),
        ("Wagner fighters shot two traders near Bria.", "Wagner Group", {"Wagner fighters"}),
        ("Fighters from the Kota Front attacked Ndanga.", "Kota Front", {"Kota Front"}),
        # an acronym read as a word is often written in title case
        ("Monusco sent a patrol to Kalehe on Monday. MONUSCO later said the town was calm.",
         "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo",
         {"Monusco", "MONUSCO"}),
    ],
)
def test_every_alias_maps_to_one_actor(nlp, text, name, aliases):
    found = actors_of(nlp, text)
    assert name in found, sorted(found)
    assert aliases <= found[name][1]
    others = {other for other, (_, texts) in found.items() if other != name and texts & aliases}
    assert not others


@pytest.mark.parametrize(
    ("text", "not_actors"),
    [
        ("Fighting eased during Ramadan and Eid al-Fitr, according to Reuters.", {"Ramadan", "Eid al-Fitr"}),
        ("IS fighters [AFP] were seen near the river.", {"Agence France-Presse"}),
        ("The Syrian Democratic Forces said clashes continued.", {"Military Forces of Syria"}),
        ("Druze villagers fled the fighting.", {"Druze"}),
        ("Mali's military junta said its troops killed 20 militants.", {"Military Forces of Myanmar"}),
        # an administrative area is where something happens, an officer's title after a group no group of its own
        ("Police sealed off the Central Business District of Nairobi on Monday.", {"Central Business District"}),
        ("Gunmen raided farms in three Local Government Areas of Plateau State.", {"Local Government Areas"}),
        ("According to Peter Lado, SSPDF Spokesman, the rebels shelled their camps.", {"SSPDF Spokesman"}),
        # an organisation's name that qualifies one of its bodies names that body
        ("Some 18,000 refugees fled to Niger, according to the UN's refugee agency.", {"United Nations"}),
        ("The figures come from the United Nations Office for the Coordination of Humanitarian Affairs.",
         {"United Nations"}),
        # an office's title is no organisation, its holder a person
        ("Secretary of State for Northern Development Beatrix Kovacs visited the flooded camp.",
         {"State for Northern Development Beatrix Kovacs"}),
        ("Deputy Secretary for Consular Services Ingrid Solberg told reporters that three citizens were detained.",
         {"Consular Services"}),
        # only an armed apposition makes a name a group: a rights group or a town is no party
        ("Red Hand, a rights group based in Geneva, condemned the killings.", {"Red Hand"}),
        ("Police in Garissa, a market town in the east, arrested two men.", {"Garissa"}),
    ],
)
def test_not_every_capitalised_phrase_is_an_actor(nlp, text, not_actors):
    assert not_actors.isdisjoint(actors_of(nlp, text))


def test_jihadists_are_the_group_named_not_its_backer(nlp):
    found = actors_of(nlp, "Jihadists killed 12 villagers. The al-Qaeda-linked JNIM group later claimed the attack.")
    assert "Jihadists" in found["Jama'at Nusrat al-Islam wal-Muslimin"][1]


def test_is_the_group_is_not_the_verb(nlp):
    doc = nlp("IS fighters attacked the town. IS claimed the attack.")
    tags = [t.pos_ for t in doc if t.text == "IS"]
    assert tags and all(tag in {"PROPN", "NOUN"} for tag in tags)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # names the NER reads as a person or an organisation, which the places stage resolved to a place
        ("Three militants were gunned down in Painda Khel on Thursday.", "Painda Khel"),
        ("The army said fighting continued in Bulo-Haji and Bariire.", "Bulo-Haji"),
        ("Militants struck a checkpoint in Sher Khan Kalay at dawn.", "Sher Khan Kalay"),
        # a name the places stage resolved once is that place where the text repeats it alone
        ("The attacks hit Ugondo, Mbaya and Ikyogen. Ikyogen has seen three raids this year.", "Ikyogen"),
    ],
)
def test_a_resolved_place_is_no_actor(nlp, text, place):
    from graph.extract.places.locations import PlaceMention
    from graph.records import Location

    doc = nlp(clean_text(text))
    start = next(t.i for t in doc if text.find(place) == t.idx)
    end = start + len(place.split())
    mention = PlaceMention(start, end, Location(id="place/x", name=place, kind="village", country="PK"))
    names = {a.name for a in find_actors(doc, [mention]).records([0] * len(doc))}
    assert place not in names and not any(place in name for name in names)


@pytest.mark.parametrize("words", ["Unknown miscreants", "Unidentified individuals", "Unknown men"])
def test_unknown_people_doing_harm_are_an_unidentified_armed_group(nlp, words):
    names = actors_of(nlp, f"{words} set fire to three houses in Imphal, India, on Friday.")
    assert names.get("Unidentified Armed Group (India)", ("",))[0] == "armed_group"


def test_an_acronym_in_brackets_after_a_name_is_that_name(nlp):
    names = actors_of(nlp, "The soldiers were members of the Community Support Program (CSP) team. The CSP team "
                           "was ambushed near Bago.")
    assert "CSP" not in names
    assert "CSP" in names["Community Support Program"][1]


@pytest.mark.parametrize(
    ("text", "name", "unit"),
    [
        # a name followed by an administrative unit is a region, not who acted
        ("Troops retook two villages under Galmudug regional state on Tuesday.", "Galmudug", True),
        ("Fighting spread across Zambora province on Saturday.", "Zambora", True),
        ("The Zambora Front said it shelled the town.", "Zambora Front", False),
        ("Hirshabelle forces recaptured the village.", "Hirshabelle", False),
    ],
)
def test_a_name_before_an_administrative_unit_names_a_region(nlp, text, name, unit):
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    assert _names_unit(doc[start : start + len(name.split())]) is unit


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The army retook the town on Monday, according to the state-run news agency Kenna.", "Kenna"),
        ("Five people died, according to the regional weekly \u201cVoz da Serra\u201d.", "Voz da Serra"),
        ("Two soldiers were wounded, the daily Nation reported.", "Nation"),
    ],
)
def test_a_name_after_an_outlet_noun_is_a_news_outlet(nlp, text, outlet):
    found = actors_of(nlp, text)
    assert found.get(outlet, ("",))[0] == "media", sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "The army said daily patrols would resume. A weekly market was attacked in Kano, Nigeria.",
        # "weekly" or "daily" that qualifies the noun after a capitalised word names no outlet
        "Gunmen fired on worshippers leaving weekly Friday prayers in Maiduguri.",
        "Police broke up the daily Monday march of traders in Kisumu.",
        "Residents of Goma held daily Sunday vigils for the missing.",
    ],
)
def test_an_outlet_noun_before_no_name_names_no_outlet(nlp, text):
    found = actors_of(nlp, text)
    assert not any(kind == "media" for kind, _ in found.values()), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rebels of the Kota Front killed nine people near Ndanga. They looted the market before leaving.",
         "Kota Front"),
        # the subject of a reporting verb is who told it, not whom "They" continues with
        ("The army said Kota Front fighters raided Ndanga on Monday. They stole cattle.", "Kota Front"),
        ("Kota Front fighters raided Ndanga on Monday, the army said. They stole cattle.", "Kota Front"),
    ],
)
def test_a_sentence_opening_they_is_the_armed_subject_before_it(nlp, text, name):
    assert "They" in actors_of(nlp, text)[name][1]


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers and Kota Front rebels clashed near Ndanga. They fought for hours.",  # two sides: no one
        "Villagers fled Ndanga on Monday. They returned on Friday.",  # no armed subject
    ],
)
def test_they_after_no_single_armed_subject_names_no_one(nlp, text):
    assert not any("They" in texts for _, texts in actors_of(nlp, text).values())


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # two persons share the surname: the surname alone is neither
        ("Rights researcher Amina Kayyali said the strikes were unlawful. Kayyali added that hospitals were hit. "
         "Yusuf Kayyali stayed.", "Amina Kayyali"),
        # a surname that qualifies a common noun names a people or a family, not the person
        ("A house of Tomba Ngaihte was burnt. Later, Ngaihte elders met the police.", "Tomba Ngaihte"),
    ],
)
def test_a_surname_alone_is_not_always_the_person(nlp, text, person):
    surname = person.split()[-1]
    assert surname not in actors_of(nlp, text)[person][1]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name before a building noun is the building's, not a person's
        ("A bomb hidden in a bag devastated the city's Haji Karim mosque in Herat, Afghanistan, killing 12 people.",
         "Haji Karim"),
        ("Gunmen attacked the Samuel Okoro hospital in Jos, Nigeria.", "Samuel Okoro"),
        # an acronym before a weapon noun is the weapon's, not a group's
        ("Soldiers seized an RPG launcher and two crates of ammunition near Kapoeta, South Sudan.", "RPG"),
    ],
)
def test_a_name_that_qualifies_a_building_or_a_weapon_names_no_actor(nlp, text, name):
    assert name not in actors_of(nlp, text)
