"""Event and document pages, in headless Chromium against the real service, and the article marking.

One hand-written article with two events (one actor's name is hostile HTML): the event page shows
type, date, place, actors by role and the source sentence linked into the document; the document
page shows the article with each evidence sentence marked and linked to its event.
"""

from __future__ import annotations

import datetime as dt

import pytest
import requests

from api.article import segments
from graph.records import Actor, Article, Event, Extraction, Location
from tests.conftest import _serve, write_data_dir

HOSTILE = "<script>alert(1)</script>"
RAID = "Gunmen attacked the village of Kajuru on Saturday, killing 12 residents, police said."
CLASH = "In a separate incident, army troops clashed with a gang near Birnin Gwari, leaving five fighters dead."
TEXT = f"KADUNA, 4 March 2023\n\n{RAID}\n\n{CLASH}\n\nResidents said <b>calm</b> had returned by Sunday."


def article() -> Extraction:
    """The hand-written Kaduna report: a raid on civilians and a clash with a gang named in hostile HTML."""
    gunmen = Actor(id="actor/gunmen-nigeria", name="Unidentified Armed Group (Nigeria)", kind="armed_group")
    civilians = Actor(id="actor/civilians-nigeria", name="Civilians (Nigeria)", kind="civilians", country="NG")
    army = Actor(id="actor/military-forces-of-nigeria", name="Military Forces of Nigeria", kind="state_forces",
                 country="NG")
    gang = Actor(id="actor/hostile-gang", name=HOSTILE, kind="armed_group")
    kajuru = Location(id="place/kajuru", name="Kajuru", kind="village", country="NG", lat=10.32, lon=7.68,
                      admin1="Kaduna")
    gwari = Location(id="place/birnin-gwari", name="Birnin Gwari", kind="town", country="NG", lat=10.66, lon=6.54,
                     admin1="Kaduna")
    raid = Event(id="event/kaduna-raid", event_type="Violence against civilians", sub_event_type="Attack",
                 actor1=gunmen.name, actor2=civilians.name, location="Kajuru", date="2023-03-04", evidence=RAID,
                 start=TEXT.index(RAID), end=TEXT.index(RAID) + len(RAID), fatalities=12)
    clash = Event(id="event/kaduna-clash", event_type="Battles", sub_event_type="Armed clash", actor1=army.name,
                  actor2=HOSTILE, location="Birnin Gwari", date="2023-03-04", evidence=CLASH,
                  start=TEXT.index(CLASH) + 3, end=TEXT.index(CLASH) + 3 + len(CLASH), fatalities=5)  # offsets off
    document = Article(id="doc-kaduna", text=TEXT, published=dt.date(2023, 3, 5), title="Two attacks in Kaduna",
                       source="Test Wire")
    return Extraction(document=document, actors=(gunmen, civilians, army, gang), locations=(kajuru, gwari),
                      events=(raid, clash))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real service over the Kaduna report; yields its URL."""
    yield from _serve(write_data_dir(tmp_path_factory.mktemp("record-pages"), [article()]))


def event_id(server: str, sub_type: str) -> str:
    rows = requests.get(server + "/events.json", params={"sub_type": sub_type}, timeout=30).json()["rows"]
    return rows[0]["id"]


@pytest.mark.parametrize(("evidence", "marked", "unplaced"), [
    ([{"text": "b c", "start": 2}], ["b c"], []),  # at its offsets
    ([{"text": "b c", "start": 7}], ["b c"], []),  # offsets off: the nearest occurrence
    ([{"text": "x y", "start": 0}], [], ["x y"]),  # not in the text
    ([{"text": "b c", "start": 2}, {"text": "b c", "start": 2}], ["b c"], []),  # two events, one sentence
    ([{"text": "a b c", "start": 0}, {"text": "c d", "start": 4}], ["a b c"], ["c d"]),  # overlap
])
def test_segments_mark_each_sentence_once(evidence, marked, unplaced):
    text = "a b c d e"
    found, left = segments(text, evidence)
    assert "".join(s.text for s in found) == text
    assert [s.text for s in found if s.evidence] == marked
    assert [e["text"] for e in left] == unplaced


@pytest.mark.browser
@pytest.mark.slow
def test_event_page_reads_like_the_actor_pages(server, offline_page):
    clash = event_id(server, "Armed clash")
    seen = offline_page(server, f"/events/{clash}", bypass_csp=True)
    assert seen.page.inner_text("h1") == "Armed clash"
    assert seen.page.inner_text("#event-date") == "2023-03-04"
    assert seen.page.inner_text("#event-place").startswith("Birnin Gwari, Kaduna, Nigeria")
    assert seen.page.inner_text("#event-fatalities") == "5"
    roles = seen.page.inner_text("#event-actors")
    assert "Actor 1\nMilitary Forces of Nigeria" in roles and HOSTILE in roles
    assert seen.page.inner_text("blockquote") == CLASH
    seen.page.wait_for_selector("#place-map[data-ready='1']")  # a small map of the place, offline
    assert seen.page.evaluate("document.querySelectorAll('#place-map canvas').length") == 3  # countries, admin1, dot
    assert seen.page.evaluate("document.querySelectorAll('main script').length") == 0
    seen.page.click(".source a")
    seen.page.wait_for_url(f"**/documents/doc-kaduna#event-{clash}")
    assert seen.page.get_attribute(f"[id='event-{clash}']", "href") == f"/events/{clash}"  # where the link lands
    seen.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_document_page_marks_each_sentence_and_links_its_event(server, offline_page):
    seen = offline_page(server, "/documents/doc-kaduna", bypass_csp=True)
    assert seen.page.inner_text("h1") == "Two attacks in Kaduna"
    marks = seen.page.eval_on_selector_all("#article mark", "ms => ms.map(m => m.textContent)")
    assert marks == [RAID, CLASH]  # the clash found though its offsets were off
    assert "<b>calm</b>" in seen.page.inner_text("#article")  # the article's own markup is text
    assert seen.page.evaluate("document.querySelectorAll('#article b, main script').length") == 0
    seen.page.click("#article a.read >> nth=0")
    seen.page.wait_for_load_state()
    assert seen.page.inner_text("h1") == "Attack" and seen.page.inner_text("#event-fatalities") == "12"
    seen.assert_clean()


def test_document_record_carries_its_text_and_evidence(server):
    record = requests.get(server + "/api/documents/doc-kaduna", timeout=30).json()
    assert record["text"] == TEXT
    assert sorted(e["text"] for e in record["evidence"]) == sorted([RAID, CLASH])
