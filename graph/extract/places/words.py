"""Words around place names: direction, admin-unit and town words, titles, organisation words.

They mark a capitalised name as a place ("the town of X", "X province") or rule it out ("President
X", "X Brigade"); :func:`common_words` lists English words that are not place names on their own.
"""

from __future__ import annotations

import functools

from graph.extract.places.gazetteer import DATA_DIR

__all__ = [
    "DIRECTIONS",
    "ADMIN_WORDS",
    "TITLES",
    "ORG_WORDS",
    "CUE_BEFORE",
    "CUE_AFTER",
    "STATE_NOT_ADMIN",
    "TOWN_WORDS",
    "CAMP_WORDS",
    "common_words",
]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


DIRECTIONS = _words(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern north-east north-west south-east south-west "
    "north-eastern north-western south-eastern south-western mid upper lower greater rural"
)
ADMIN_WORDS = frozenset(
    _words(
        "governorate governorates province provinces oblast prefecture department wilayat wilaya muhafazat "
        "region regions state district"
    )
)
# A "place" right after one of these is a person: "Secretary Kerry", "President Jackson".
TITLES = frozenset(
    _words(
        "mr mrs ms dr president secretary minister senator ambassador general gen. col. lt. sgt. king queen "
        "prince sheikh imam commander spokesman spokeswoman envoy premier chancellor"
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
# "the town of X", "X district": words that mark an unlabelled capitalised name as a place.
CUE_BEFORE = frozenset(_words("town village city district area suburb neighbourhood neighborhood outskirts"))
CUE_AFTER = frozenset(
    _words(
        "town village district subdistrict sub-district lga territory county camp region province governorate oblast"
    )
)
# "Syria state media": "state" after a name that is not a federal state.
STATE_NOT_ADMIN = frozenset(_words("media television tv news agency run - officials forces department"))
TOWN_WORDS = frozenset(_words("city town village villages suburb district neighbourhood neighborhood countryside"))
CAMP_WORDS = frozenset(("camp", "camps"))


@functools.cache
def common_words() -> frozenset[str]:
    """Return the English words of ``common_words.txt``: a name made only of them is no place name."""
    with open(DATA_DIR / "common_words.txt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))
