"""Hand-built extractions for the REST tests: exact counts and dates, independent of the extractor.

Three documents from different conflicts. Facts the tests check, by construction:
- "Syrian Arab Army" (alias SAA) is in 4 events: actor1 in 3 (2020-03-01, 2020-05-09, 2019-12-30),
  actor2 in 1 (2020-03); with HTS in 3 of them, with "Civilians (Syria)" in 1.
- Idlib has 2 events (2020-03-01, 2020-03), Aleppo 2 (2020-05-09, 2019-12-30), Mogadishu 2 (2021-01-15 and
  an undated abduction by Al-Shabaab).
- Al-Shabaab is actor1 at Mogadishu with "Somali National Army" as actor2 and AMISOM as an associate
  of actor2; Al-Shabaab is affiliated with al-Qaeda (member_of).
"""

from __future__ import annotations

import datetime as dt

from graph.records import Actor, Article, Event, Extraction, Location, Relation

BASE_IRI = "https://conflictkg.org/id/"

ARMY = Actor(id="actor/syrian-arab-army", name="Syrian Arab Army", kind="state_forces", aliases=("SAA",),
             country="SY")
HTS = Actor(id="actor/hayat-tahrir-al-sham", name="Hayat Tahrir al-Sham", kind="armed_group", aliases=("HTS",))
CIVILIANS = Actor(id="actor/civilians-syria", name="Civilians (Syria)", kind="civilians", country="SY")
SHABAAB = Actor(id="actor/al-shabaab", name="Al-Shabaab", kind="armed_group")
QAEDA = Actor(id="actor/al-qaeda", name="al-Qaeda", kind="armed_group")
SNA = Actor(id="actor/somali-national-army", name="Somali National Army", kind="state_forces", country="SO")
AMISOM = Actor(id="actor/amisom", name="AMISOM", kind="organization")
IDLIB = Location(id="place/idlib", name="Idlib", kind="city", country="SY", lat=35.9306, lon=36.6339, admin1="Idlib")
ALEPPO = Location(id="place/aleppo", name="Aleppo", kind="city", country="SY", lat=36.2021, lon=37.1343,
                  admin1="Aleppo")
MOGADISHU = Location(id="place/mogadishu", name="Mogadishu", kind="city", country="SO", lat=2.0371, lon=45.3438,
                     admin1="Banaadir")

CLASH, SHELLING = ("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack")
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")


def _event(doc: str, start: int, kind: tuple[str, str], actor1: str, actor2: str | None, place: str, date: str | None,
           evidence: str, **extra) -> Event:
    return Event(id=f"event/{doc}-{start}", event_type=kind[0], sub_event_type=kind[1], actor1=actor1,
                 actor2=actor2, location=place, date=date, evidence=evidence, start=start,
                 end=start + len(evidence), **extra)


def extractions() -> list[Extraction]:
    """The three hand-built documents."""
    one = Article(id="doc-idlib", text="...", published=dt.date(2020, 3, 2), title="Clashes in Idlib", source="Wire A")
    two = Article(id="doc-aleppo", text="...", published=dt.date(2020, 5, 10), title="Shelling near Aleppo",
                  source="Wire B")
    three = Article(id="doc-mogadishu", text="...", published=dt.date(2021, 1, 16), title="Attack in Mogadishu",
                    source="Wire C")
    return [
        Extraction(document=one, actors=(ARMY, HTS), locations=(IDLIB,), events=(
            _event("doc-idlib", 10, CLASH, "Syrian Arab Army", "Hayat Tahrir al-Sham", "Idlib", "2020-03-01",
                   "Government forces clashed with HTS fighters in Idlib, killing four.", fatalities=4),
            _event("doc-idlib", 200, CLASH, "Hayat Tahrir al-Sham", "Syrian Arab Army", "Idlib", "2020-03",
                   "HTS attacked army positions in Idlib earlier in March."),
        )),
        Extraction(document=two, actors=(ARMY, HTS, CIVILIANS), locations=(ALEPPO,), events=(
            _event("doc-aleppo", 5, SHELLING, "Syrian Arab Army", "Civilians (Syria)", "Aleppo", "2020-05-09",
                   "Army shelling killed two civilians in Aleppo.", fatalities=2),
            _event("doc-aleppo", 90, CLASH, "Syrian Arab Army", "Hayat Tahrir al-Sham", "Aleppo", "2019-12-30",
                   "The army and HTS fought west of Aleppo in late December."),
        )),
        Extraction(document=three, actors=(SHABAAB, QAEDA, SNA, AMISOM), locations=(MOGADISHU,), events=(
            _event("doc-mogadishu", 0, CLASH, "Al-Shabaab", "Somali National Army", "Mogadishu", "2021-01-15",
                   "Al-Shabaab fighters attacked a Somali army base in Mogadishu backed by AMISOM troops.",
                   assoc_actor_2=("AMISOM",), fatalities=7),
            _event("doc-mogadishu", 120, ABDUCTION, "Al-Shabaab", None, "Mogadishu", None,
                   "Al-Shabaab has abducted aid workers in the city, residents said."),
        ), relations=(Relation(subject="Al-Shabaab", relation="member_of", object="al-Qaeda"),)),
    ]
