"""Words around place names: direction, admin-unit and town words, titles, organisation words.

They mark a capitalised name as a place ("the town of X", "X province") or rule it out ("President
X", "X Brigade"); :func:`common_words` lists English words that are not place names on their own.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from graph.extract.parse.columns import token_lowers, token_texts
from graph.extract.places.gazetteer import DATA_DIR

__all__ = [
    "AS_WELL_AS",
    "DIRECTIONS",
    "ADMIN_WORDS",
    "TITLES",
    "ORG_WORDS",
    "GROUP_NOUNS",
    "CUE_BEFORE",
    "CUE_AFTER",
    "STATE_NOT_ADMIN",
    "TOWN_WORDS",
    "CAMP_WORDS",
    "PLACE_NOUNS",
    "FACILITY_NOUNS",
    "LOCAL_UNITS",
    "noun_at",
    "before_facility",
    "facility_after",
    "FACILITY_QUALIFIERS",
    "MEDIA_NOUNS",
    "LOCATIVES",
    "WAY_VERBS",
    "AROUND_NOUNS",
    "BORDER_WORDS",
    "ROAD_WORDS",
    "TARGET_VERBS",
    "TARGET_NOUNS",
    "DEPLOY_VERBS",
    "CLEAR_VERBS",
    "PLACE_PREFIXES",
    "NAME_ENDINGS",
    "NAME_LINKS",
    "COMPASS",
    "BEARINGS",
    "ACTOR_HEADS",
    "FORCE_NOUNS",
    "SPEAKING_VERBS",
    "common_words",
]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# words that join a second name to a first as "and" does ("in A as well as B"), lower-cased as the columns read them
AS_WELL_AS = ("as", "well", "as")
DIRECTIONS = _words(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern north-east north-west south-east south-west "
    "north-eastern north-western south-eastern south-western mid upper lower greater rural"
)
ADMIN_WORDS = frozenset(
    _words(
        "governorate governorates province provinces oblast prefecture department wilayat wilaya muhafazat "
        "region regions state district territory territories county counties lga woreda"
    )
)
# A "place" right after one of these is a person: "Secretary Kerry", "President Jackson".
TITLES = frozenset(
    _words(
        "mr mrs ms dr president secretary minister senator ambassador general gen. col. lt. sgt. king queen "
        "prince sheikh imam commander spokesman spokeswoman envoy premier chancellor governor"
    )
)
# A place name followed by one of these is part of an organisation's name: "Badr Organization",
# "Daraa Military Council", "Moro Islamic Liberation Front", "Kurdistan Democratic Party".
ORG_WORDS = frozenset(
    _words(
        "Organization Organisation Brigade Brigades Front Forces Army Movement Party Group Council Corps "
        "Division Battalion Battalions Militia Militias Tribe Clan Liberation Islamic Union Committee Revolutionary "
        "Operations Regiment Martyrs University Police Airways Airlines Club FC Military Security Defence Defense "
        "National Democratic Popular Guard Guards Resistance Armed Emirate"
    )
)
# A name before one of these names a people or a group, not a place: "Abala militia", "Misseriya herdsmen",
# "between the Kamalu and Ntambwe people".
GROUP_NOUNS = frozenset(
    _words(
        "militia militias militiaman militiamen herdsman herdsmen herder herders tribesman tribesmen clansman "
        "clansmen people peoples"
    )
)
# "the town of X", "X district", "the hospital of X": words that mark an unlabelled capitalised name after
# "of" as a place (a site "of" a name is in the town it names, as in "the port of X").
CUE_BEFORE = frozenset(
    _words(
        "town towns village villages city district area areas suburb neighbourhood neighborhood outskirts "
        "residents inhabitants streets hospital prison port market"
    )
)
# Buildings and sites that take the name of the town they stand in ("the Machakos courthouse", "Gulu hospital"):
# a name right before one is that town, or else the site's own name ("the Zamzam barracks"), never a far namesake.
FACILITY_NOUNS = frozenset(
    _words(
        "legislature parliament stadium hospital clinic barracks garrison base airbase airport prison jail court "
        "courthouse courts university college school market mosque church hotel"
    )
)
# Nouns of a news outlet after its name: "The Post newspaper", "the Nation daily" name no place.
MEDIA_NOUNS = frozenset(_words("newspaper newspapers newssheet tabloid magazine daily weekly broadcaster"))
# Capitalised words that stand between a town's name and the facility named after it: "Gulu Regional Referral
# Hospital", "Embu Law Courts", "Jinja Chief Magistrate's Court", "Lira State University".
FACILITY_QUALIFIERS = frozenset(
    _words(
        "chief magistrate magistrates law high central general regional referral state teaching main "
        "municipal district national international military city public"
    )
)
MOST_QUALIFIERS = 4  # "Chief Magistrate 's Court": the longest such run we read
# Local administrative units below the district, as news from Africa names them ("Mazeze administrative post",
# "Kalonge chiefdom", "Kisoro sub-county", "Bossembele sub-prefecture", "Seru kebele"): each calls the name before it
# a place. Hyphenated and two-word ones are read by :func:`noun_at`.
LOCAL_UNITS = _words(
    "administrative-post administrative-posts sub-county sub-counties sub-prefecture sub-prefectures sub-city "
    "chiefdom chiefdoms chieftaincy chieftancy groupement groupements kebele kebeles"
)
CUE_AFTER = frozenset(
    _words(
        "town village district subdistrict sub-district lga territory county camp region province governorate oblast "
        "area areas township townships locality localities neighbourhood neighborhood neighbourhoods neighborhoods "
        "villages camps"
    )
    + LOCAL_UNITS
)
# "Syria state media": "state" after a name that is not a federal state.
STATE_NOT_ADMIN = frozenset(_words("media television tv news agency run - officials forces department"))
TOWN_WORDS = frozenset(_words("city town village villages suburb district neighbourhood neighborhood countryside"))
CAMP_WORDS = frozenset(("camp", "camps"))
# Nouns that call the name beside them a place ("Kalguiwa village", "the village of Kalguiwa").
PLACE_NOUNS = frozenset(
    _words(
        "village villages town towns township townships camp camps area areas locality localities neighbourhood "
        "neighborhood neighbourhoods neighborhoods suburb suburbs settlement settlements district districts "
        "subdistrict sub-district county territory commune ward quarter"
    )
    + LOCAL_UNITS
)
# Words that open the name of a natural feature or settlement: "Jebel Chambi", "Wadi Doum", "Ras Lanuf".
# "Barangay" and "Sitio" are the Philippines' village and hamlet.
PLACE_PREFIXES = frozenset(
    _words("jebel jabal djebel jbel mount mt wadi oued lake ras tell deir kafr bir ain barangay sitio")
)
# Capitalised words that end a suburb's or estate's name after a town's: "Auckland Park", "Kileleshwa Heights".
NAME_ENDINGS = frozenset(_words("Park Heights Hill Hills Gardens Estate Valley Bay Beach Junction Springs"))
# Particles that join the words of a Persian, Pashto or Arabic name across hyphens: "Kot-e-Sangi", "Qala-i-Naw".
NAME_LINKS = frozenset(_words("e i ye es el al ul ud"))
# Compass words and their bearings in degrees clockwise from north ("10 km east of Y").
BEARINGS = {
    "north": 0, "northeast": 45, "north-east": 45, "east": 90, "southeast": 135, "south-east": 135, "south": 180,
    "southwest": 225, "south-west": 225, "west": 270, "northwest": 315, "north-west": 315,
}
# Compass words that make the place after "<word> of" a point distances are measured from.
COMPASS = frozenset(BEARINGS)
# Nouns of a way between two places named before them: "the Maiduguri-Damboa road", "the Kubo-Gamba axis".
ROAD_WORDS = frozenset(_words("road roads highway axis route corridor"))
# Words between a name and its place noun: "Korame border town", "a frontier village".
BORDER_WORDS = frozenset(_words("border frontier"))
# Nouns whose "of" puts an event at the place after it: "on the outskirts of Kalabaydh", "in the vicinity of X".
AROUND_NOUNS = frozenset(_words("outskirts vicinity environs edge"))
# Prepositions that put an event at a place: "in Rupchai", "near Kangarwa", "outside Kismayo".
LOCATIVES = frozenset(_words("in at near around outside inside into from between"))
# Verbs of a way between places: "the road linking Kambi and Dosa", "the route connecting X".
WAY_VERBS = frozenset(_words("linking connecting"))
# Verbs whose object a conflict report names as the place struck or taken: "militia attack Tur", "SAF bomb
# Deribat", "troops retake X". An unknown name there is a place unless it is a known actor or a person's.
TARGET_VERBS = frozenset(
    _words(
        "attack attacks attacked bomb bombs bombed shell shells shelled raid raids raided storm storms stormed "
        "capture captures captured retake retakes retook recapture recaptures recaptured seize seizes seized "
        "overrun overran besiege besieged loot looted torch torched"
    )
)
# Nouns of a fighting position that name the place it stands at: "the rebels' stronghold of X", "the militia
# bastion X" (the NER often reads such a name as a person).
POSITION_NOUNS = frozenset(_words("position positions stronghold strongholds hideout hideouts bastion"))
# Verbs of forces clearing a place of fighters ("troops cleared X of insurgents"); a court clears a person.
CLEAR_VERBS = frozenset(_words("clear clears cleared"))
# Verbs that send forces to a place: "police were rushed to X", "troops have been sent to X" are at X.
DEPLOY_VERBS = frozenset(_words("deploy redeploy dispatch send rush"))
# Nouns whose "on" names the place struck: "an attack on Maxaas", "open fire on Jugma".
TARGET_NOUNS = frozenset(_words("attack attacks assault raid raids fire offensive airstrike airstrikes strike strikes"))


@functools.cache
def common_words() -> frozenset[str]:
    """Return the English words of ``common_words.txt``: a name made only of them is no place name."""
    with open(DATA_DIR / "common_words.txt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))
# Nouns of armed or governing actors: a place that modifies one names the actor's origin ("Tigray forces"), or the
# town a unit is named after ("the Bani Walid brigade").
ACTOR_HEADS = frozenset(
    _words(
        "forces force troops army militia militias militants fighters rebels cartel cartels gang gangs police "
        "government authorities officials soldiers security military administration regime brigade brigades "
        "battalion battalions regiment regiments"
    )
)
# Nouns of a state's armed forces and their weapons: a nationality before one ("Kenyan troops", "US drones") says
# whose forces they are, which in a war abroad is not where it happened.
FORCE_NOUNS = frozenset(
    _words(
        "forces force troops army soldiers military navy air drone drones jets warplanes aircraft airstrike "
        "airstrikes peacekeepers contingent"
    )
)
# Nouns of people: a place that modifies one says where they are from ("a Limpopo man"), not where it happened
# ("Matola residents burnt tyres" stay at home: residents are not here).
PERSON_NOUNS = frozenset(
    _words(
        "man men woman women boy boys girl girls child children youth youths student students farmer farmers "
        "trader traders family families couple"
    )
)
# Verbs whose subject, when a place, stands for its government: "Ankara launched", "Washington accused".
SPEAKING_VERBS = frozenset(
    _words(
        "say tell accuse announce launch deny claim warn demand condemn reject urge blame vow threaten insist "
        "respond order deploy send sanction retaliate"
    )
)


def noun_at(doc: Doc, i: int) -> str:
    """The lower-case noun that opens at token ``i``, with the hyphenated and two-word unit nouns the tokenizer
    splits read whole: "sub - county" is "sub-county", "administrative post" is "administrative-post"."""
    lowers = token_lowers(doc)
    lower = lowers[i]
    if lower == "sub" and i + 2 < len(doc) and token_texts(doc)[i + 1] == "-":
        return f"sub-{lowers[i + 2]}"
    if lower == "administrative" and i + 1 < len(doc) and lowers[i + 1] in ("post", "posts"):
        return f"administrative-{lowers[i + 1]}"
    return lower


def before_facility(doc: Doc, end: int) -> bool:
    """Whether a facility noun follows the name that ends at token ``end``, maybe after capitalised qualifiers:
    "the Zamzam barracks", "Gulu hospital", "Embu Law Courts"."""
    return facility_after(doc, end) is not None


def facility_after(doc: Doc, end: int) -> int | None:
    """The index of the facility noun at or after token ``end``, past a few capitalised qualifiers ("Regional
    Referral Hospital", "Chief Magistrate's Court"), else None."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    i = end
    while i < len(doc) and i - end < MOST_QUALIFIERS and (
            (lowers[i] in FACILITY_QUALIFIERS and texts[i][:1].isupper())
            or (i > end and texts[i] in ("'s", "\u2019s"))):
        i += 1
    return i if i < len(doc) and lowers[i] in FACILITY_NOUNS else None
