"""Places in short conflict notes: the place an attack struck, group names that are no places, short names,
and the namesake chosen when the note names no country."""

from __future__ import annotations

import pytest

from graph.extract.places.find import find_places
from graph.extract.places.holders import km
from tests.place_mentions import place_of, places_in

# (sentence, mention, name, country, admin1, ACLED precision): the name an attack or a capture struck is a
# place; a village no gazetteer lists keeps its name, in no country and without a point.
TARGETS = [
    ("Rebels attack Kobwe over two days.", "Kobwe", "Kobwe", None, None, None),
    ("Gunmen open fire on Malangwe, killing three.", "Malangwe", "Malangwe", None, None, None),
    # ... unless one country alone has a local area of that name, far from its borders (areas.sole_area)
    ("Gunmen open fire on Malanga, killing three.", "Malanga", "Malanga", "MZ", "Niassa Province", 2),
    ("Soldiers repelled an attack on Mirdaale at dawn.", "Mirdaale", "Mirdaale", None, None, None),
    ("Troops retake Goof Meero from the militants.", "Goof Meero", "Goof Meero", None, None, None),
    ("Army bombs Tarsu; two farmers died.", "Tarsu", "Tarsu", None, None, None),
    # a listed town struck is geocoded as any other
    ("Soldiers attacked Kidal on Monday.", "Kidal", "Kidal", "ML", "Kidal Region", 1),
    # a town in a rebel group's home country is no namesake abroad when the note names only the country of the
    # forces that fought the group
    ("Troops from Chad struck Boko Haram fighters in Monguno on Sunday.", "Monguno", "Monguno", "NG", "Borno", 1),
    ("Soldiers from Kenya killed six al Shabaab fighters near Bu'aale on Monday.", "Bu'aale", "Bu'aale", "SO",
     "Middle Juba", 1),
    # a place cleared of fighters, and places that forces are sent to
    ("Troops cleared Kolomari of insurgents on Friday.", "Kolomari", "Kolomari", None, None, None),
    ("Police were rushed to Kanyabusha after a night of looting.", "Kanyabusha", "Kanyabusha", None, None, None),
    ("Extra troops have been sent to Mbiritse since the riots began.", "Mbiritse", "Mbiritse", None, None, None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "admin1", "precision"), TARGETS)
def test_what_an_attack_struck_is_aplace_of(nlp, text, mention, name, country, admin1, precision):
    location = place_of(nlp, text, mention)
    assert (location.name, location.country, location.admin1, location.precision) == (name, country, admin1, precision)
    assert (location.lat is None) == (precision is None)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        # a court clears a person, not a place
        ("A military court cleared Ahmed Sule of all charges on Monday.", {"Ahmed Sule", "Ahmed", "Sule"}),
        # a known actor struck is no place
        ("Gunmen attacked Boko Haram positions near Bama.", {"Boko Haram", "Boko"}),
        # nor is a person whose house was struck
        ("Gunmen attacked Ahmed Ali's house at night.", {"Ahmed Ali", "Ahmed"}),
        # a name before "militia", "herdsmen", "herder" names a group, even where a town bears it
        ("Bari militia raided Lologo village. A Bari herder was killed.", {"Bari"}),
        ("Fulani herdsmen and Tiv farmers clashed near Makurdi.", {"Fulani"}),
        ("A land dispute between the Bakwa and Tshimbi people left two dead.", {"Bakwa", "Tshimbi"}),
        # nor a title, a known actor or a possessor after "and" (the second of two names after a locative is a
        # place: tests/test_places_local.py)
        ("Soldiers were deployed in Kano and Governor Ganduje thanked them.", {"Governor Ganduje", "Ganduje"}),
        ("The report was linking Boko Haram and Ansaru to the kidnapping.", {"Boko Haram", "Ansaru"}),
        ("Fighting in Syria and Assad's response were discussed.", {"Assad"}),
    ],
)
def test_actors_and_group_names_are_no_places(nlp, text, not_places):
    found = places_in(nlp, text)
    assert not not_places & set(found), sorted(found)


@pytest.mark.slow
def test_a_short_name_is_no_other_name_of_a_town_abroad(nlp):
    """"Tur" is one of the other names of Tours (France): a village of that name stays unplaced."""
    found = places_in(nlp, "Militants shot a farmer in Tur.")
    assert found["Tur"].country is None
    assert found["Tur"].lat is None


# (sentence, mention, country, admin1, precision): with no country named, a town in a country at war beats a
# bigger namesake elsewhere, and the home of a national armed actor the note names decides between conflict
# countries.
NAMESAKES = [
    ("Government troops shelled rebel bases in Dhorbor near Leer.", "Leer", "SS", None, 1),
    ("Gunmen killed five people in Beni on Monday.", "Beni", "CD", "Nord-Kivu", 1),
    ("FARDC soldiers clashed with rebels in Wamba on Tuesday.", "Wamba", "CD", "Eastern Province", 1),
    # a country the text names outranks the actor's home
    ("FARDC soldiers crossed into Nigeria and were arrested in Wamba.", "Wamba", "NG", "Nassarawa", 1),
    # a small town outside every country the text names is a namesake (Shanao, Peru), and a name the text
    # calls a village never is a landmark abroad (Tours, France): both are places of the story, the village
    # near the local area (an Ethiopian woreda) of the town's name
    ("Ethiopian police detained elders who had come to Shanao village near Hudet.", "Shanao", "ET", "Somali Region",
     2),
    ("Nigerian troops cleared Tours village near Bama.", "Tours", "NG", "Borno", 2),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "country", "admin1", "precision"), NAMESAKES)
def test_the_story_picks_the_namesake(nlp, text, mention, country, admin1, precision):
    location = place_of(nlp, text, mention)
    assert (location.country, location.admin1, location.precision) == (country, admin1, precision)


# (sentence, mention, name, country, admin1, ACLED precision): a note that names no country spells a sizeable
# town of a country at war its own way; a name spelt much less alike, or matching a town in two countries, stays
# an unplaced village.
VARIANTS = [
    ("Militants stormed a hotel in Tajoura on Friday.", "Tajoura", "Tajura'", "LY", "Tripoli District", 1),
    ("Gunmen killed two traders in Maidougouri.", "Maidougouri", "Maiduguri", "NG", "Borno", 1),
    ("Protesters blocked the main road in Sabrata.", "Sabrata", "Sabratah", "LY", "Zawiya District", 1),
    ("Farmers protested in Korsa over land.", "Korsa", "Korsa", None, None, None),  # not Kars (Turkey)
    ("Police dispersed a march in Jalalabaad.", "Jalalabaad", "Jalalabaad", None, None, None),  # AF or AZ
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "admin1", "precision"), VARIANTS)
def test_a_note_may_spell_a_town_its_own_way(nlp, text, mention, name, country, admin1, precision):
    location = place_of(nlp, text, mention)
    assert (location.name, location.country, location.admin1, location.precision) == (name, country, admin1, precision)


# (sentence, mention, name, country, admin1, ACLED precision): a spelling guessed as a town far from every place
# the note spells as listed is a local name, placed beside the place named near it; a guess near them stands.
FAR_VARIANTS = [
    ("Militants clashed with the army in Marzuk on Monday. Shelling also hit Tobruk on Tuesday.", "Marzuk", "Marzuk",
     "LY", "Sha`biyat al Butnan", 2),
    ("Militias clashed in Zintaan on Friday, and shells fell in Gharyan.", "Zintaan", "Zintan", "LY",
     "Sha`biyat al Jabal al Gharbi", 1),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "admin1", "precision"), FAR_VARIANTS)
def test_a_guessed_spelling_far_from_the_notes_places_is_local(nlp, text, mention, name, country, admin1, precision):
    location = place_of(nlp, text, mention)
    assert (location.name, location.country, location.admin1, location.precision) == (name, country, admin1, precision)


# (sentence, mention, country): a nationality before a state's forces ("Ethiopian soldiers", "US drones") says whose
# forces they are; in a note about a rebel group at home elsewhere (al Shabaab) it is not the story's country, so a
# village the note names is not put there. Where the rebels are at home, or no rebel is named, it still counts.
FORCES = [
    ("Ethiopian soldiers were killed after an al Shabaab ambush near Ceelgaras village.", "Ceelgaras", None),
    ("Kenyan troops repelled an al Shabaab attack at Qoqaani village.", "Qoqaani village", None),
    ("Suspected US drones struck al Shabaab camps near Jamaame town.", "Jamaame", "SO"),
    ("Nigerian troops killed ten Boko Haram fighters in Kwambla village.", "Kwambla", "NG"),
    ("Kenyan police arrested two men in Eastleigh.", "Eastleigh", "KE"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "country"), FORCES)
def test_foreign_forces_do_not_tell_the_story_country(nlp, text, mention, country):
    assert place_of(nlp, text, mention).country == country


# (sentence, mention, name, country, admin1, ACLED precision): a village placed by its distance from a
# town, or named with others near a town, takes that town's point with precision 2.
MEASURED = [
    ("Two traders were robbed at Dirgil, 15kms west of Kutum.", "Dirgil", "Dirgil", "SD", "Northern Darfur", 2),
    ("Militia raided Dabanga, some 20 km north of Bunia.", "Dabanga", "Dabanga", "CD", "Eastern Province", 2),
    ("Fishermen and herders fought between Kouakourou and Sarema, near the town of Tenenkou.", "Kouakourou",
     "Kouakourou", "ML", "Mopti Region", 2),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "admin1", "precision"), MEASURED)
def test_a_village_measured_from_a_town_takes_its_point(nlp, text, mention, name, country, admin1, precision):
    location = place_of(nlp, text, mention)
    assert (location.name, location.country, location.admin1, location.precision) == (name, country, admin1, precision)
    assert location.lat is not None


@pytest.mark.slow
def test_a_distance_landmark_written_in_one_token_is_a_reference(nlp):
    doc = nlp("Two traders were robbed at Dirgil, 15kms west of Kutum.")
    marks = {p.location.name: p.reference for p in find_places(doc)}
    assert marks == {"Dirgil": False, "Kutum": True}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "containers"),
    [
        ("Drones struck militant camps near Jamaame town in Lower Juba region.", {"Lower Juba"}),
        ("Gunmen attacked a bus in Kalagi, Kayunga District.", {"Kayunga District"}),
        ("Troops shelled Kalagi and Kampala.", set()),
    ],
)
def test_places_that_hold_another_are_marked(nlp, text, containers):
    doc = nlp(text)
    assert {p.location.name for p in find_places(doc) if p.container} == containers


@pytest.mark.slow
def test_a_transliteration_must_be_spelt_alike():
    """"Kienge" shares its consonants with "Kananga" but is no spelling of it; "al-Shajara" is one of "Ash Shajarah"."""
    from graph.extract.places.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    assert "Kananga" not in {p.name for p in gaz.lookup_fuzzy("Kienge", {"CD"})}
    assert [p.name for p in gaz.lookup_fuzzy("al-Shajara", {"SY"})][:1] == ["Ash Shajarah"]


@pytest.mark.slow
def test_a_well_known_city_abroad_stays():
    """A capital abroad that the text names by itself is still that capital."""
    from graph.extract.parse.nlp import build_nlp as nlp_of

    found = places_in(nlp_of(), "Somali elders met in Nairobi after the clashes in Beledweyne.")
    assert found["Nairobi"].country == "KE"
    assert found["Beledweyne"].country == "SO"


@pytest.mark.slow
def test_a_name_is_one_place_throughout(nlp):
    """The better placed reading of an unlisted village holds for every mention of it; a country as its
    container gives the country but no point (the country's centre is no village's place)."""
    doc = nlp("Gunmen shot dead four guards close to the village of Wuroldi in Kayunga District. "
              "Ten troops were also killed in Wuroldi in February.")
    readings = {p.location for p in find_places(doc) if doc[p.start : p.end].text == "Wuroldi"}
    assert len(readings) == 1
    (location,) = readings
    assert (location.country, location.admin1, location.precision) == ("UG", "Kayunga District", 3)
    found = places_in(nlp, "Gunmen burned the village of Wuroldi in central Mali.")
    assert (found["Wuroldi"].country, found["Wuroldi"].lat, found["Wuroldi"].precision) == ("ML", None, None)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a place that modifies a force names who, not where
        ("Tigray forces launched missiles across the border at Eritrea on Tuesday.", {"Tigray Region"}),
        ("Troops clashed with the Sinaloa drug cartel near Culiacan.", {"Sinaloa"}),
        # a capital as the subject of a verb of saying or deciding stands for its government
        ("Ankara launched the assault after Washington accused the militia of shelling Kobani.",
         {"Ankara", "Washington"}),
        # a place that is the subject of what happened to it stays a place
        ("Mogadishu was shaken by two blasts on Sunday.", set()),
        ("Gunmen attacked a police station in Kidal.", set()),
    ],
)
def test_places_that_name_an_actor_are_marked(nlp, text, actors):
    doc = nlp(text)
    assert {p.location.name for p in find_places(doc) if p.actor} == actors


@pytest.mark.slow
def test_a_place_inside_an_organisations_name_is_no_place(nlp):
    found = places_in(nlp, "Fighters of the Union for Peace in Central Africa (UPC) raided Bambari.")
    assert "Central Africa" not in found
    assert found["Bambari"].country == "CF"


@pytest.fixture(scope="module")
def extractor():
    from graph.extract.pipeline import Extractor

    return Extractor()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "evidence_word", "places"),
    [
        # a part of a country beats the story's main city; the depots dealt out over two countries are one event in
        # each (sites.co_places)
        ("Protesters marched in Baghdad on Friday. US jets hit four militia depots on Sunday, one in western "
         "Iraq and three in eastern Syria.", "jets", ["Iraq", "Syria"]),
        # the place that names the attackers is not where the rockets fell
        ("Tigray forces launched missiles across the border at Eritrea on Tuesday. Clashes went on in Mekelle.",
         "missiles", ["Eritrea"]),
    ],
)
def test_event_place_is_not_an_actors_place(extractor, text, evidence_word, places):
    import datetime as dt

    from graph.records import Article

    events = extractor.extract(Article(id="t", text=text, published=dt.date(2024, 5, 6))).events
    chosen = sorted(e.location for e in events if evidence_word in e.evidence)
    assert chosen == places, [(e.evidence, e.location) for e in events]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "owner", "owned", "country"),
    [
        # a possessive that lost its apostrophe: the well-known city, and its district near it
        ("Shops stayed closed in Tripolis Fashloum district on Sunday.", "Tripolis", "Fashloum", "LY"),
    ],
)
def test_a_possessive_without_apostrophe_names_the_city_and_its_district(nlp, text, owner, owned, country):
    found = places_in(nlp, text)
    assert found[owner].kind == "city" and found[owner].country == country
    district, city = found[owned], found[owner]
    # a district the gazetteer lists keeps its own point (precision 1); an unlisted one takes the city's
    assert district.country == country and district.precision in (1, 2)
    assert km(district.lat, district.lon, city.lat, city.lon) < 25


@pytest.mark.slow
def test_a_title_before_given_names_makes_a_person(nlp):
    found = places_in(nlp, "The commander of the Bukavu police, General Patrick Kasongo, was suspended.")
    assert "Kasongo" not in found
    assert found["Bukavu"].country == "CD"
    assert "Kasongo" in places_in(nlp, "The commander of the Bukavu police, Patrick Kasongo, was suspended.")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "references"),
    [
        # where the speaker is, not where it happened
        ("Sources in Pretoria said trucks were burnt near Zebediela.", {"Pretoria": True, "Zebediela": False}),
        ("Officials in Kabul said gunmen attacked a checkpoint in Kunduz.", {"Kabul": True, "Kunduz": False}),
        # police in a town who act there are there
        ("Police in Kano arrested ten men on Friday.", {"Kano": False}),
    ],
)
def test_where_a_speaker_is_is_a_reference(nlp, text, references):
    doc = nlp(text)
    assert {doc[p.start : p.end].text: p.reference for p in find_places(doc)} == references
