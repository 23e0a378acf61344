"""Entity pages (/actors/<id>, /places/<id>) and /network's JSON twin, over the real service."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from html import unescape

import pytest
import requests

from api import close_app, create_app
from graph import queries as q
from graph.link import summaries
from graph.records import Actor, Article, Event, Evidence, Extraction, Location
from graph.store import Store
from graph.vocab import CURRENT_GRAPH
from tests.conftest import ROOT, _serve, write_data_dir
from viz import pages as viz_pages

FIXTURE = ROOT / "tests" / "data" / "viz_extractions.json"
XSS_NAME = "<img src=x onerror=alert(1)>"


def extractions() -> list[Extraction]:
    """The hand-written Yemen and Mali documents of tests/data."""
    return [Extraction.from_json(e) for e in json.loads(FIXTURE.read_text(encoding="utf-8"))["extractions"]]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real service over the fixture documents; yields its URL."""
    yield from _serve(write_data_dir(tmp_path_factory.mktemp("entity-pages"), extractions()))


def get_page(server: str, path: str) -> requests.Response:
    answer = requests.get(server + path, headers={"Accept": "text/html"}, timeout=30)
    assert answer.status_code == 200, answer.text[:300]
    assert answer.headers["Content-Type"].startswith("text/html")
    return answer


def timeline_dates(html: str) -> list[str]:
    return re.findall(r'<div class="date">([^<]*)</div>', html)


def quotes(html: str) -> list[str]:
    return [unescape(q) for q in re.findall(r"<blockquote>(.*?)</blockquote>", html, flags=re.S)]


def actor_events(name: str) -> list:
    return [e for x in extractions() for e in x.events if name in (e.actor1, e.actor2)]


@pytest.mark.parametrize("name", ["Houthi movement", "JNIM", "Yemeni government forces"])
def test_actor_page_lists_its_events_in_date_order_with_evidence(server, name):
    found = requests.get(f"{server}/api/actors", params={"q": name}, timeout=30).json()["actors"]
    actor_id = next(a["id"] for a in found if a["name"] == name)
    html = get_page(server, f"/actors/{actor_id}").text
    expected = actor_events(name)
    assert timeline_dates(html) == sorted(e.date for e in expected)
    assert sorted(quotes(html)) == sorted(e.evidence for e in expected)
    assert f'href="/network?focus=actors/{actor_id}"' in html and f'href="/api/actors/{actor_id}"' in html
    for link in re.findall(r'<a href="(/(?:events|actors|places)/[^"]+)"', html):
        assert requests.get(server + link, headers={"Accept": "text/html"}, timeout=30).status_code == 200, link


def test_place_page_shows_the_events_there_and_their_sources(server):
    place = next(p for p in requests.get(f"{server}/api/places", timeout=30).json()["places"] if p["name"] == "Mopti")
    html = get_page(server, f"/places/{place['id']}").text
    expected = [e for x in extractions() for e in x.events if e.location == "Mopti"]
    assert timeline_dates(html) == sorted(e.date for e in expected)
    assert "Violence spreads in central Mali" in html and "Test Sahel Monitor" in html  # the source document
    assert "14.4843, -4.1827" in html


def test_hostile_text_is_escaped_on_entity_pages(server):
    found = requests.get(f"{server}/api/actors", params={"q": "onerror"}, timeout=30).json()["actors"]
    [actor] = [a for a in found if a["name"] == XSS_NAME]
    answer = get_page(server, f"/actors/{actor['id']}")
    assert XSS_NAME not in answer.text and "<script>alert" not in answer.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in answer.text
    assert any(q.startswith("<script>alert(2)</script> fighters clashed") for q in quotes(answer.text))
    assert "script-src 'self'" in answer.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("path", "accept", "media_type"),
    [("/actors/no-such-actor", "application/json", "application/problem+json"),
     ("/places/no-such-place", "*/*", "application/problem+json"),
     ("/actors/no-such-actor", "text/html", "text/html")],
)
def test_unknown_entities_are_404(server, path, accept, media_type):
    answer = requests.get(server + path, headers={"Accept": accept}, timeout=30)
    assert answer.status_code == 404 and answer.headers["Content-Type"].startswith(media_type)
    if media_type == "application/problem+json":
        assert answer.json()["status"] == 404 and "id" in answer.json()["detail"]


def test_entity_iris_lead_browsers_to_the_timeline(server):
    answer = requests.get(f"{server}/id/actor/jnim", headers={"Accept": "text/html"}, timeout=30,
                          allow_redirects=False)
    assert answer.status_code in (302, 303) and answer.headers["Location"].endswith("/actors/jnim")


def test_network_json_twin(server):
    data = requests.get(f"{server}/network/data.json", timeout=30).json()
    names = {n["label"] for n in data["nodes"] if n["layer"] == "actor"}
    assert names == {a.name for x in extractions() for a in x.actors}
    assert data["counts"]["events"] == sum(len(x.events) for x in extractions())
    assert {c["id"] for c in data["categories"]} >= {"battle", "strike", "attack", "agreement", "affiliated_with"}
    assert all(set(e) >= {"from", "to", "cat", "ev"} for e in data["edges"])
    assert data["dates"] == {"first": "2018-12", "last": "2020-06-01"}


def test_network_page_is_served_with_its_assets(server):
    answer = get_page(server, "/network")
    assert "default-src 'none'" in answer.headers["Content-Security-Policy"]
    for asset in re.findall(r'(?:src|href)="(/viz/static/[^"]+)"', answer.text):
        assert requests.get(server + asset, timeout=30).status_code == 200


@pytest.mark.parametrize("path", ["/actors/syrian-arab-army", "/places/idlib"])
def test_an_entity_page_is_kept_until_the_next_write(hand_built_data_dir, tmp_path, path):
    shutil.copytree(hand_built_data_dir, tmp_path / "data")
    app = create_app({"data_dir": str(tmp_path / "data")})
    try:
        client, cache = app.test_client(), app.extensions["conflictkg.cache"]
        first = client.get(path).get_data(as_text=True)
        assert "Another name given here" not in first
        assert cache.get("page " + path.strip("/")) == first and client.get(path).get_data(as_text=True) == first
        iri = f"https://conflictkg.org/id/{path.split('/')[1][:-1]}/{path.split('/')[2]}"
        store = app.extensions["conflictkg.store"]
        store.insert(f'<{iri}> <https://schema.org/alternateName> "Another name given here" .\n'.encode(),
                     str(CURRENT_GRAPH))  # a write method: every kept answer goes
        assert cache.get("page " + path.strip("/")) is None
        assert "Another name given here" in client.get(path).get_data(as_text=True)
    finally:
        close_app(app)


def _tied_reports() -> list[Extraction]:
    """Two reports on one armed group in one town: two events on its newest date, then five on one older date
    (seven kinds of event, so that none is read as another's report)."""
    group = Actor(id="actor/red-hills-brigade", name="Red Hills Brigade", kind="armed_group")
    town = Location(id="place/low-ford", name="Low Ford", kind="town", country="ML", lat=14.5, lon=-4.2)
    kinds = [("Battles", "Armed clash"), ("Battles", "Government regains territory"),
             ("Violence against civilians", "Attack"), ("Violence against civilians", "Abduction/forced disappearance"),
             ("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Grenade"),
             ("Explosions/Remote violence", "Remote explosive/landmine/IED")]
    dates = ["2021-02-01", "2021-02-02", "2021-02-01", "2021-02-01", "2021-02-02", "2021-02-01", "2021-02-01"]

    def event(n: int) -> Event:
        evidence = f"Red Hills Brigade fighters struck in Low Ford, the {n + 1}th report said."
        return Event(id=f"event/tied-{n}", event_type=kinds[n][0], sub_event_type=kinds[n][1], actor1=group.name,
                     actor2=None, location=town.name, date=dates[n], evidence=evidence, start=10 * n,
                     end=10 * n + len(evidence))

    return [Extraction(document=Article(id=doc, text="...", published=dt.date(2021, 2, 3), title=doc),
                       actors=(group,), locations=(town,), events=tuple(event(n) for n in numbers))
            for doc, numbers in (("doc-north", [5, 0, 1]), ("doc-south", [3, 6, 2, 4]))]


def _pages(data_dir, path: str, times: int) -> list[str]:
    """The page at ``path`` from ``times`` fresh apps (nothing kept from one to the next)."""
    pages = []
    for _ in range(times):
        app = create_app({"data_dir": str(data_dir)})
        try:
            pages.append(app.test_client().get(path, headers={"Accept": "text/html"}).get_data(as_text=True))
        finally:
            close_app(app)
    return pages


@pytest.mark.parametrize("path", ["/actors/red-hills-brigade", "/places/low-ford"])
def test_an_entity_page_cut_inside_tied_dates_is_the_same_from_fresh_apps(tmp_path, monkeypatch, path):
    """A page whose latest events end inside a run of events of one date: ties go by IRI, so two fresh apps
    (no kept pages, no kept reads) give the same page, with the tied events lowest by IRI."""
    data_dir = write_data_dir(tmp_path / "data", _tied_reports())
    everything = re.findall(r'href="/events/([^"]+)"', _pages(data_dir, path, 1)[0])  # oldest first, ties by IRI
    assert len(everything) == 7
    monkeypatch.setattr(q, "TIMELINE_LIMIT", 4)  # the two newest events and two of the five tied ones
    first, second = _pages(data_dir, path, 2)
    assert first == second
    assert re.findall(r'href="/events/([^"]+)"', first) == everything[:2] + everything[5:]
    segment, entity_id = path.strip("/").split("/")  # the page says how many it leaves out and where they are
    assert "The latest 4 of 7 events" in first
    assert f'href="/events?{segment[:-1]}_id={entity_id}"' in first


@pytest.mark.parametrize("path", ["/actors/red-hills-brigade", "/places/low-ford"])
def test_a_timeline_cut_at_its_row_limit_keeps_the_newest_events(tmp_path, monkeypatch, path):
    """Past TIMELINE_ROWS the oldest events' rows are left out: the newest events stay, ties by IRI."""
    data_dir = write_data_dir(tmp_path / "data", _tied_reports())
    everything = re.findall(r'href="/events/([^"]+)"', _pages(data_dir, path, 1)[0])  # oldest first, ties by IRI
    monkeypatch.setattr(q, "TIMELINE_ROWS", 3)  # a row an event
    first, second = _pages(data_dir, path, 2)
    assert first == second
    assert re.findall(r'href="/events/([^"]+)"', first) == everything[:1] + everything[5:]


def test_the_newest_timeline_read_is_the_timeline_in_page_order(tmp_path):
    """Both timeline reads give the same rows: the newest one sorted newest first, ties by IRI, and cut."""
    store = Store(str(write_data_dir(tmp_path / "data", _tied_reports())))
    try:
        dates = {r["event"]: r["date"] for r in store.read(
            q.PREFIXES + "SELECT ?event ?date WHERE { ?event a sem:Event ; sem:hasTimeStamp ?date }")}
        events = list(dates)
        every = store.read(q.with_iris(q.timeline(100), events))
        newest = store.read(q.with_iris(q.timeline(100, newest=True), events))
        cut = store.read(q.with_iris(q.timeline(3, newest=True), events))
    finally:
        store.close()
    assert len(events) == 7 and len(every) >= 7
    assert sorted(map(str, every)) == sorted(map(str, newest))
    by_event = sorted(newest, key=lambda r: r["event"])  # stable: each event's rows keep their order
    assert newest == sorted(by_event, key=lambda r: dates[r["event"]], reverse=True)
    assert cut == newest[:4]  # and one row past the cut


def test_an_events_sentences_are_listed_in_iri_order(tmp_path, monkeypatch):
    """The timeline is read in no order: each event's sentences still come in the order of their IRIs."""
    monkeypatch.setattr(viz_pages, "QUOTES_PER_EVENT", 10)  # every one of the four
    group = Actor(id="actor/red-hills-brigade", name="Red Hills Brigade", kind="armed_group")
    town = Location(id="place/low-ford", name="Low Ford", kind="town", country="ML", lat=14.5, lon=-4.2)
    told = ["Red Hills Brigade fighters stormed Low Ford at dawn.", "Gunfire went on for three hours, a teacher said.",
            "The fighters withdrew before noon, witnesses said.", "Two shops were burnt during the attack."]
    more = [Evidence(text=text, start=60 * n, end=60 * n + len(text)) for n, text in enumerate(told) if n]
    event = Event(id="event/storm-0", event_type="Battles", sub_event_type="Armed clash", actor1=group.name,
                  location=town.name, date="2021-03-04", evidence=told[0], start=0, end=len(told[0]),
                  more_evidence=tuple(more))
    data_dir = write_data_dir(tmp_path / "data", [Extraction(
        document=Article(id="doc-storm", text=" ".join(told), published=dt.date(2021, 3, 5), title="doc-storm"),
        actors=(group,), locations=(town,), events=(event,))])
    app = create_app({"data_dir": str(data_dir)})
    try:
        rows = app.extensions["conflictkg.store"].read(q.PREFIXES + "SELECT ?evidence ?text WHERE { GRAPH ?g { "
                                                       "?event <https://w3id.org/conflictkg/ontology#evidence> "
                                                       "?evidence . ?evidence <https://w3id.org/conflictkg/ontology"
                                                       "#text> ?text } } ORDER BY ?evidence")
        html = app.test_client().get("/actors/red-hills-brigade", headers={"Accept": "text/html"}).get_data(
            as_text=True)
    finally:
        close_app(app)
    assert len(rows) == 4
    assert quotes(html) == [row["text"] for row in rows]


def test_an_entity_page_counts_undated_events_and_spans_its_dated_months(tmp_path):
    """The page's count holds every event, undated ones too; its span runs from the earliest month (or year, for a
    year-only date) to the latest."""
    group = Actor(id="actor/grey-ridge-front", name="Grey Ridge Front", kind="armed_group")
    town = Location(id="place/stone-well", name="Stone Well", kind="town", country="NE", lat=14.1, lon=6.3)
    dates = ["2021-02-01", "2021-04", "2020", None, "2021-02-19"]
    told = [f"Grey Ridge Front fighters raided Stone Well, report {n} said." for n in range(len(dates))]
    events = tuple(Event(id=f"event/raid-{n}", event_type="Battles", sub_event_type="Armed clash",
                         actor1=group.name, location=town.name, date=date, evidence=told[n], start=100 * n,
                         end=100 * n + len(told[n])) for n, date in enumerate(dates))
    data_dir = write_data_dir(tmp_path / "data", [Extraction(
        document=Article(id="doc-raids", text=" ".join(told), published=dt.date(2021, 5, 1), title="doc-raids"),
        actors=(group,), locations=(town,), events=events)])
    for path in ("/actors/grey-ridge-front", "/places/stone-well"):
        html = _pages(data_dir, path, 1)[0]
        assert re.search(r'<dd id="event-count">(\d+)</dd>', html).group(1) == "5"
        assert "<dt>Seen</dt><dd>2020 – 2021-04</dd>" in html


def _listed(html: str) -> list[tuple[str, str]]:
    """The (date, event id) of each event a page lists, in its order."""
    return re.findall(r'<li class="event" id="event-([^"]+)">\s*<div class="date">([^<]*)</div>', html)


@pytest.mark.parametrize("shown", [100, 3], ids=["kept-in-summary", "past-the-summary"])
@pytest.mark.parametrize("path", ["/actors/red-hills-brigade", "/places/low-ford"])
def test_an_entity_page_lists_its_events_a_page_at_a_time(tmp_path, monkeypatch, path, shown):
    """Each page lists the next TIMELINE_LIMIT events, newest first (ties by IRI), with links to the newer and older
    pages; together they list every event once. Past the newest events the entity's summary keeps (``SHOWN``), a
    page reads them from its event list."""
    monkeypatch.setattr(summaries, "SHOWN", shown)
    data_dir = write_data_dir(tmp_path / "data", _tied_reports())
    every = [(event, date) for event, date in _listed(_pages(data_dir, path, 1)[0])]
    newest_first = sorted(sorted(every), key=lambda listed: listed[1], reverse=True)  # by IRI, then newest first
    monkeypatch.setattr(q, "TIMELINE_LIMIT", 2)
    app = create_app({"data_dir": str(data_dir)})
    try:
        client = app.test_client()
        pages = [client.get(f"{path}?page={n}").get_data(as_text=True) for n in range(1, 6)]
        assert client.get(path).get_data(as_text=True) == pages[0]
        assert app.extensions["conflictkg.cache"].get(f"page {path.strip('/')} 2") == pages[1]
        wrong = [client.get(f"{path}?page={value}") for value in ("0", "two")]
    finally:
        close_app(app)
    assert len(every) == 7
    for n, html in enumerate(pages[:4]):
        assert _listed(html) == sorted(newest_first[2 * n:2 * n + 2], key=lambda listed: (listed[1], listed[0]))
        assert (f'rel="next" href="{path}?page={n + 2}"' in html) == (n < 3)
        assert (f'rel="prev" href="{path}{f"?page={n}" if n > 1 else ""}"' in html) == (n > 0)
    assert "The latest 2 of 7 events" in pages[0] and "Events 3–4 of 7, newest first" in pages[1]
    assert _listed(pages[4]) == [] and "Page 5 is past the last of 7 events" in pages[4]
    assert f'rel="prev" href="{path}?page=4"' in pages[4]
    assert all(answer.status_code == 400 and "'page'" in answer.get_json()["detail"] for answer in wrong)


@pytest.mark.parametrize(("path", "killed"), [
    ("/actors/syrian-arab-army", [None, None, "4", "2"]),
    ("/actors/hayat-tahrir-al-sham", [None, None, "4"]),
    ("/actors/al-shabaab", ["7", None]),
])
def test_an_actor_page_shows_its_events_fatalities(hand_built_app, path, killed):
    """Each event of an actor's page says how many were killed (its own read of its events: the record's has no
    fatalities), oldest first, undated last."""
    html = hand_built_app.test_client().get(path).get_data(as_text=True)
    events = re.findall(r'<li class="event".*?</li>', html, flags=re.S)
    assert [next(iter(re.findall(r'class="fatalities">(\d+) killed<', event)), None) for event in events] == killed


def _many_reports(sentences: int) -> Extraction:
    """One document telling of a raid in ``sentences`` sentences and of a curfew in two."""
    group = Actor(id="actor/salt-marsh-militia", name="Salt Marsh Militia", kind="armed_group")
    town = Location(id="place/cedar-crossing", name="Cedar Crossing", kind="town", country="NE", lat=13.9, lon=5.1)
    told = [f"Salt Marsh Militia gunmen raided Cedar Crossing, witness number {n} told reporters." for n in
            range(sentences)]
    curfew = ["The Salt Marsh Militia then ordered a curfew in Cedar Crossing.", "Shops stayed shut under the curfew."]

    def event(event_id: str, sub_type: str, texts: list[str], offset: int, date: str) -> Event:
        more = tuple(Evidence(text=text, start=offset + 100 * n, end=offset + 100 * n + len(text))
                     for n, text in enumerate(texts) if n)
        return Event(id=event_id, event_type="Violence against civilians" if sub_type == "Attack" else
                     "Strategic developments", sub_event_type=sub_type, actor1=group.name, location=town.name,
                     date=date, evidence=texts[0], start=offset, end=offset + len(texts[0]), more_evidence=more)

    return Extraction(document=Article(id="doc-marsh", text="...", published=dt.date(2022, 5, 6), title="doc-marsh"),
                      actors=(group,), locations=(town,),
                      events=(event("event/raid-0", "Attack", told, 0, "2022-05-04"),
                              event("event/curfew-0", "Other", curfew, 5000, "2022-05-05")))


@pytest.mark.parametrize("path", ["/actors/salt-marsh-militia", "/places/cedar-crossing"])
@pytest.mark.parametrize("sentences", [4, 7])
def test_an_entity_page_quotes_a_few_sentences_of_each_event(tmp_path, path, sentences):
    """A page quotes the first QUOTES_PER_EVENT sentences of an event by IRI and links its page for the rest, which
    quotes every one; an event with fewer is quoted whole."""
    app = create_app({"data_dir": str(write_data_dir(tmp_path / "data", [_many_reports(sentences)]))})
    try:
        rows = app.extensions["conflictkg.store"].read(q.PREFIXES + "SELECT ?event ?text WHERE { GRAPH ?g { "
                                                       "?event ckg:evidence ?evidence . ?evidence ckg:text ?text } } "
                                                       "ORDER BY ?event ?evidence")
        client = app.test_client()
        html = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
        [raid] = {row["event"] for row in rows if "raided" in row["text"]}
        raid_id = raid.rsplit("/", 1)[-1]
        event_page = client.get(f"/events/{raid_id}", headers={"Accept": "text/html"}).get_data(as_text=True)
    finally:
        close_app(app)
    raid_texts = [row["text"] for row in rows if row["event"] == raid]
    curfew_texts = [row["text"] for row in rows if row["event"] != raid]
    assert len(raid_texts) == sentences and len(curfew_texts) == 2
    assert quotes(html) == raid_texts[:viz_pages.QUOTES_PER_EVENT] + curfew_texts  # oldest event first
    left = sentences - viz_pages.QUOTES_PER_EVENT
    more = f'{left} more sentence{"s" if left != 1 else ""}'
    assert f'<a href="/events/{raid_id}">{more} on the event\'s page</a>' in html
    assert html.count("on the event's page") == 1
    assert all(text in unescape(event_page) for text in raid_texts)


def _raid_block(html: str) -> str:
    """The timeline entry of the raid of ``_many_reports`` (the older event), empty when the page leaves it out."""
    return next(iter(re.findall(r'<li class="event" id="event-[^"]*-attack-[^"]*">.*?</li>', html, flags=re.S)), "")


@pytest.mark.parametrize("path", ["/actors/salt-marsh-militia", "/places/cedar-crossing"])
@pytest.mark.parametrize(("sentences", "rows"), [(7, 3), (7, 4), (7, 6), (12, 8)])
def test_an_event_cut_at_the_timelines_row_limit_says_more_sentences_without_a_false_count(
        tmp_path, monkeypatch, path, sentences, rows):
    """Past TIMELINE_ROWS the last event read (the raid, older than the curfew's two sentences) has more sentences than
    the page read: it links them without a count, which would be too low (or no link at all, under three)."""
    monkeypatch.setattr(q, "TIMELINE_ROWS", rows)
    html = _pages(write_data_dir(tmp_path / "data", [_many_reports(sentences)]), path, 1)[0]
    raid = _raid_block(html)
    assert len(quotes(raid)) == min(rows - 2, viz_pages.QUOTES_PER_EVENT)
    assert "More sentences on the event's page</a>" in raid and not re.search(r"\d+ more sentences?", raid)


@pytest.mark.parametrize("path", ["/actors/salt-marsh-militia", "/places/cedar-crossing"])
@pytest.mark.parametrize(("rows", "raid_more"), [(9, "4 more sentences"), (20, "4 more sentences"), (2, None)])
def test_an_event_the_row_limit_does_not_cut_keeps_its_count(tmp_path, monkeypatch, path, rows, raid_more):
    """Near misses: a timeline within the limit (9 rows: the raid's seven and the curfew's two), or cut where an event
    ends (2: the curfew whole, the raid left out), counts the sentences past the quoted ones as before."""
    monkeypatch.setattr(q, "TIMELINE_ROWS", rows)
    html = _pages(write_data_dir(tmp_path / "data", [_many_reports(7)]), path, 1)[0]
    raid = _raid_block(html)
    assert (raid_more in raid) if raid_more else raid == ""
    assert "More sentences on the event's page" not in html and "The Salt Marsh Militia then ordered" in html
