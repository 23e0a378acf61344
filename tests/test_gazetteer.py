"""The offline gazetteer: name keys, data files, the compiled index and lookups."""

from __future__ import annotations

import math
import os
import shutil
from pathlib import Path

import pycountry
import pytest

from graph.extract.places import index as gazetteer_index
from graph.extract.places.gazetteer import (
    DATA_DIR,
    DATA_FILES,
    Gazetteer,
    display_name,
    get_gazetteer,
    joined,
    normalise,
    read_tsv,
    skeleton,
    strip_article,
)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Dar'a", "dara"),
        ("Dar\u2018\u0101", "dara"),
        ("Deir ez-Zor", "deir ez zor"),
        ("As-Suwayda", "as suwayda"),
        ("  Kyiv ", "kyiv"),
        ("C\u00f4te d'Ivoire", "cote divoire"),
        ("Ta\u2019izz", "taizz"),
        ("AL-HASAKAH", "al hasakah"),
    ],
)
def test_normalise_ignores_case_accents_apostrophes_and_hyphens(name, key):
    assert normalise(name) == key
    assert normalise(name) == key  # asked again: the remembered key is the same


def test_normalise_remembers_its_keys():
    normalise.cache_clear()
    normalise("Tell al-Varesh")
    normalise("Tell al-Varesh")
    assert normalise.cache_info().hits == 1


@pytest.mark.parametrize(
    ("key", "stripped"),
    [("al shajara", "shajara"), ("ash shajarah", "shajarah"), ("the badiya", "badiya"), ("al", "al"), ("alep", "alep")],
)
def test_strip_article_drops_one_leading_article(key, stripped):
    assert strip_article(key) == stripped


@pytest.mark.parametrize(
    ("a", "b"),
    [("al-Shajara", "Ash Shajarah"), ("Sweida", "Suwayda"), ("Quneitra", "Kuneitra"), ("Raqqa", "Raqqah")],
)
def test_skeleton_joins_transliterations(a, b):
    assert skeleton(normalise(a)) == skeleton(normalise(b))


@pytest.mark.parametrize(
    ("a", "b"), [("Qansax Dheere", "Qansaxdheere"), ("Ceel Dheer", "Ceeldheer"), ("al-Bab Sharqi", "Babsharqi")]
)
def test_joined_meets_one_word_and_two_word_spellings(a, b):
    assert joined(normalise(a)) == joined(normalise(b))


@pytest.mark.parametrize(("a", "b"), [("Homs", "Hama"), ("Idlib", "Aleppo"), ("Mosul", "Basra")])
def test_skeleton_keeps_different_places_apart(a, b):
    assert skeleton(normalise(a)) != skeleton(normalise(b))


@pytest.mark.parametrize(
    ("name", "shown"), [("Dar\u2018\u0101", "Dar'a"), ("\u0162afas", "Tafas"), ("Bogot\u00e1", "Bogot\u00e1")]
)
def test_display_name_folds_only_scholarly_marks(name, shown):
    assert display_name(name) == shown


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_names_its_source(name):
    first = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(first) > 30
    assert read_tsv(DATA_DIR / name), f"{name} has no rows"


@pytest.mark.parametrize("name", ["countries.tsv", "admin1.tsv", "admin2.tsv", "cities.tsv", "regions.tsv"])
def test_coordinates_are_on_the_globe_and_countries_are_iso(name):
    for row in read_tsv(DATA_DIR / name):
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, row
        code = row.get("iso2") or row.get("country")
        if code:
            assert pycountry.countries.get(alpha_2=code) is not None or code == "XK", row


CONFLICT_COUNTRIES = [
    "SY",
    "IQ",
    "YE",
    "LY",
    "AF",
    "PK",
    "SO",
    "SD",
    "SS",
    "ET",
    "ML",
    "BF",
    "NE",
    "NG",
    "TD",
    "CF",
    "CD",
    "MZ",
    "UA",
    "MM",
    "CO",
    "MX",
]


def test_admin1_points_of_conflict_countries_lie_inside_them():
    """The source put DR Congo's Equateur at Ecuador's; the build must catch such points."""
    countries = {r["iso2"]: r for r in read_tsv(DATA_DIR / "countries.tsv")}
    far = []
    for row in read_tsv(DATA_DIR / "admin1.tsv"):
        if row["country"] in CONFLICT_COUNTRIES:
            c = countries[row["country"]]
            distance = km(float(row["lat"]), float(row["lon"]), float(c["lat"]), float(c["lon"]))
            if distance > 1600:
                far.append((row["code"], round(distance)))
    assert not far, far
    assert {r["country"] for r in read_tsv(DATA_DIR / "admin1.tsv")} >= set(CONFLICT_COUNTRIES)


@pytest.mark.parametrize(
    ("name", "country", "kind", "lat", "lon", "tolerance"),
    [
        ("Syria", "SY", "country", 35.0, 38.0, 300),
        ("Britain", "GB", "country", 54.0, -2.0, 500),
        ("DRC", "CD", "country", -2.9, 23.6, 800),
        ("Burma", "MM", "country", 21.9, 95.9, 600),
        ("Deraa", "SY", "governorate", 32.62, 36.10, 40),
        ("Sweida", "SY", "governorate", 32.71, 36.57, 40),
        ("Nineveh", "IQ", "governorate", 36.2, 42.8, 150),
        ("Tigray", "ET", "governorate", 14.0, 38.5, 200),
        ("North Kivu", "CD", "governorate", -0.8, 29.0, 200),
        ("Donetsk region", "UA", "governorate", 48.0, 37.8, 150),
        ("Kiev", "UA", "city", 50.45, 30.52, 20),
        ("Mogadishu", "SO", "city", 2.04, 45.34, 20),
        ("Yarmouk", "SY", "camp", 33.47, 36.30, 15),
        ("the Badiya", "SY", "region", 34.5, 38.5, 250),
        ("Lake Chad Basin", None, "region", 13.0, 14.0, 300),
        ("Donbass", "UA", "region", 48.0, 38.0, 250),
        ("Zaatari camp", "JO", "camp", 32.29, 36.32, 15),
        ("Rojava", "SY", "region", 36.5, 40.0, 300),
        ("Kurdistan", "IQ", "region", 36.2, 44.0, 300),
        # a name written as one word finds the place written as two, and the other way round
        ("Olkalou", "KE", "town", -0.27, 36.38, 10),
        ("Ceel Dheer", "SO", "town", 3.85, 47.18, 10),
        # an admin2 area (admin2.tsv) when no town or admin1 unit is so called
        ("Masisi", "CD", "district", -1.57, 29.04, 10),
    ],
)
def test_lookup_first_candidate(name, country, kind, lat, lon, tolerance):
    place = get_gazetteer().lookup(name)[0]
    assert (place.country, place.kind) == (country, kind)
    assert km(place.lat, place.lon, lat, lon) <= tolerance


@pytest.mark.parametrize(
    ("name", "countries"),
    [("Damascus", {"SY", "US"}), ("Tripoli", {"LY", "LB"}), ("Hyderabad", {"IN", "PK"})],
)
def test_lookup_returns_every_same_named_place(name, countries):
    found = {p.country for p in get_gazetteer().lookup(name)}
    assert countries <= found


def test_lookup_of_an_unknown_name_is_empty():
    assert get_gazetteer().lookup("Qwxzyplace") == []
    assert get_gazetteer().lookup("") == []


def test_fuzzy_lookup_stays_inside_the_given_countries():
    gaz = get_gazetteer()
    found = gaz.lookup_fuzzy("Shajara", {"SY"})
    assert found and all(p.country == "SY" for p in found)
    assert gaz.lookup_fuzzy("Shajara", set()) == []


# (variant, country, the town it spells or None): a variant ends in the name's own final vowel; another final
# vowel makes another place ("Kangemi" is a Nairobi suburb, "Kangema" a town 60 km away; Santo/Santa)
VARIANTS = [
    ("Shashamene", "ET", "Shashamane"),
    ("Janzour", "LY", "Janzur"),
    ("Kangemi", "KE", None),
    ("Wumbi", "NG", None),
]


@pytest.mark.parametrize(("variant", "country", "town"), VARIANTS)
def test_fuzzy_lookup_keeps_the_final_vowel(variant, country, town):
    names = [p.name for p in get_gazetteer().lookup_fuzzy(variant, {country})]
    assert (names[:1] == [town]) if town else names == []


def test_demonyms_map_to_countries():
    demonyms = get_gazetteer().demonyms
    assert demonyms["syrian"] == "SY" and demonyms["iraqi"] == "IQ" and demonyms["ukrainian"] == "UA"


def _copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "places"
    data.mkdir()
    for name in DATA_FILES:
        shutil.copy(DATA_DIR / name, data / name)
    return data


@pytest.mark.slow
def test_index_is_rebuilt_when_a_data_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = _copy_data(tmp_path)
    assert Gazetteer(data).lookup("Zzyzx Oasis") == []
    with open(data / "regions.tsv", "a", encoding="utf-8") as f:
        f.write("zzyzx\tZzyzx Oasis\tregion\tUS\t\t35.14\t-116.10\t2\t\t\t\n")
    place = Gazetteer(data).lookup("Zzyzx Oasis")[0]
    assert (place.id, place.kind, place.country) == ("place/zzyzx", "region", "US")
    assert len(list((tmp_path / "cache" / "conflictkg").glob("places-*.sqlite"))) == 2


@pytest.mark.slow
def test_alias_to_an_unknown_place_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = _copy_data(tmp_path)
    with open(data / "aliases.tsv", "a", encoding="utf-8") as f:
        f.write("Nowhereville\tNo Such Place\tSY\tcity\n")
    with pytest.raises(ValueError, match="No Such Place"):
        Gazetteer(data)


def test_cache_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gazetteer_index._cache_dir() == tmp_path / "conflictkg"


def test_prune_keeps_the_index_in_use_and_the_most_recent(tmp_path):
    for age, name in enumerate(["a", "b", "c", "d", "e"]):
        path = tmp_path / f"places-{name}.sqlite"
        path.write_bytes(b"")
        os.utime(path, (1_000_000 - age * 100, 1_000_000 - age * 100))
    gazetteer_index._prune(tmp_path, keep=tmp_path / "places-e.sqlite", spare=3)
    assert sorted(p.name for p in tmp_path.glob("*.sqlite")) == [
        "places-a.sqlite",
        "places-b.sqlite",
        "places-e.sqlite",
    ]
