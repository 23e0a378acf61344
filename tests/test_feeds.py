"""Links and feeds through ``python -m graph ingest``, served by a real loopback news site."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from graph.cli import main
from graph.inputs.command import backoff, parse_every, poll
from graph.store import Store
from tests.conftest import ROOT
from tests.news_site import NewsSite, article_page, rss

STORIES = [
    ("Clashes near Kidal", ["Gunmen attacked an army post near Kidal in Mali on Saturday, killing seven soldiers, "
                            "local officials said.", "The fighting continued into the night, residents said."]),
    ("Shelling near Marib", ["Houthi forces shelled government troops near Marib in Yemen on Sunday, killing 12 "
                             "people, local officials said.", "Residents fled towards the city, witnesses said."]),
    ("Ambush near Kunduz", ["Taliban fighters ambushed Afghan police near Kunduz on Monday, killing five officers, "
                            "officials said.", "The Taliban claimed the attack in a statement."]),
]
DATES = ["Mon, 04 Mar 2019 10:00:00 GMT", "Mon, 20 Jan 2020 08:00:00 GMT", "Mon, 03 Oct 2016 09:00:00 GMT"]


@pytest.fixture()
def site(monkeypatch):
    """The news site with three stories and their feed; links to it may be fetched (loopback allowed)."""
    monkeypatch.setenv("CONFLICTKG_FETCH_ALLOW_NETWORKS", "127.0.0.0/8")
    with NewsSite() as running:
        entries = []
        for number, (title, paragraphs) in enumerate(STORIES):
            # the pages carry no date of their own: the feed's entry date is the document's
            url = running.add(f"/news/{number}", article_page(title, paragraphs, published=None))
            entries.append((title, url, DATES[number]))
        running.add("/feed.xml", rss("Sahel Post", entries), "application/rss+xml")
        running.entries = entries
        yield running


def ingest(capsys, data_dir, *args: str) -> tuple[int, str]:
    """Run ``ingest`` in this process (the spaCy model loads once); return (status, stderr)."""
    status = main(["ingest", *args, "--data-dir", str(data_dir), "--workers", "0", "--quiet"])
    return status, capsys.readouterr().err


def documents(data_dir) -> dict[str, tuple[str, str, str]]:
    """URL -> (title, published, publisher) of every stored document."""
    store = Store(str(data_dir))
    try:
        rows = store.select("""PREFIX schema: <https://schema.org/>
            SELECT ?url ?title ?published ?publisher WHERE { ?d schema:url ?url ; schema:headline ?title .
            OPTIONAL { ?d schema:datePublished ?published } OPTIONAL { ?d schema:publisher ?publisher } }""")
    finally:
        store.close()
    return {str(r["url"]): (r["title"], str(r.get("published")), r.get("publisher")) for r in rows}


def test_link_to_an_article_is_fetched_and_kept_with_its_url(site, capsys, tmp_path):
    url = site.entries[0][1]
    status, err = ingest(capsys, tmp_path, url, "--published", "2019-03-05")
    assert status == 0, err
    assert documents(tmp_path) == {url: ("Clashes near Kidal", "2019-03-05", "Sahel Post")}


def test_link_to_a_missing_page_is_one_line_and_exit_1(site, capsys, tmp_path):
    status, err = ingest(capsys, tmp_path, site.url + "/news/404")
    assert status == 1
    assert err.splitlines()[0] == f"error: {site.url}/news/404: HTTP 404 Not Found"
    assert "Traceback" not in err


def test_link_to_a_private_address_is_refused_unless_allowed(site, capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("CONFLICTKG_FETCH_ALLOW_NETWORKS")
    status, err = ingest(capsys, tmp_path, site.entries[0][1])
    assert status == 1
    assert err.splitlines()[0] == f"error: {site.entries[0][1]}: refused: 127.0.0.1 is a loopback address"
    assert site.hits["/news/0"] == 0


def test_feed_read_twice_ingests_each_entry_once(site, capsys, tmp_path):
    status, err = ingest(capsys, tmp_path, site.url + "/feed.xml")
    assert status == 0, err
    assert "ingested 3 documents" in err
    stored = documents(tmp_path)
    assert {url: (title, published) for url, (title, published, _) in stored.items()} == {
        site.entries[0][1]: ("Clashes near Kidal", "2019-03-04"),
        site.entries[1][1]: ("Shelling near Marib", "2020-01-20"),
        site.entries[2][1]: ("Ambush near Kunduz", "2016-10-03")}
    status, err = ingest(capsys, tmp_path, site.url + "/feed.xml")
    assert status == 0, err  # nothing new is not a failure: a cron job stays quiet
    assert "ingested 0 documents" in err and "3 already in the graph" in err
    assert [site.hits[f"/news/{n}"] for n in range(3)] == [1, 1, 1]  # known links are not fetched again


def test_feed_entry_with_a_known_text_under_a_new_link_is_skipped(site, capsys, tmp_path):
    assert ingest(capsys, tmp_path, site.url + "/feed.xml")[0] == 0
    copy = site.add("/news/0?utm_source=rss", article_page(*STORIES[0], published=None))
    site.add("/feed.xml", rss("Sahel Post", [*site.entries, ("Clashes near Kidal", copy, DATES[0])]),
             "application/rss+xml")
    status, err = ingest(capsys, tmp_path, site.url + "/feed.xml")
    assert status == 0 and "ingested 0 documents" in err and "4 already in the graph" in err
    assert copy not in documents(tmp_path)


def test_feed_file_that_is_html_is_one_line(capsys, tmp_path):
    (tmp_path / "feed.xml").write_text(article_page("Not a feed", ["Just a page."]), encoding="utf-8")
    status, err = ingest(capsys, tmp_path / "data", str(tmp_path / "feed.xml"))
    assert status == 1
    assert err.splitlines()[0] == f"error: {tmp_path / 'feed.xml'}: not an RSS or Atom feed (an HTML page)"


def test_killed_poller_loses_nothing_and_a_new_poll_converges(site, tmp_path):
    site.add("/feed.xml", rss("Sahel Post", site.entries[:2]), "application/rss+xml")
    env = {**os.environ, "CONFLICTKG_FETCH_ALLOW_NETWORKS": "127.0.0.0/8"}
    poller = subprocess.Popen(
        [sys.executable, "-m", "graph", "ingest", site.url + "/feed.xml", "--every", "1s", "--data-dir",
         str(tmp_path), "--workers", "0", "--quiet"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        first_round = poller.stderr.readline()
        assert "ingested 2 documents" in first_round, first_round
        site.add("/news/2", article_page(*STORIES[2], published=None), delay=0.5)  # the new entry drips slowly
        site.add("/feed.xml", rss("Sahel Post", site.entries), "application/rss+xml")
        deadline = time.monotonic() + 60
        while site.hits["/news/2"] == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        poller.send_signal(signal.SIGKILL)  # mid-round: while the new page is being fetched
        poller.wait()
    assert site.hits["/news/2"] == 1
    assert sorted(documents(tmp_path)) == sorted(url for _, url, _ in site.entries[:2])  # the first round is whole
    site.add("/news/2", article_page(*STORIES[2], published=None))
    done = subprocess.run(
        [sys.executable, "-m", "graph", "ingest", site.url + "/feed.xml", "--data-dir", str(tmp_path),
         "--workers", "0", "--quiet"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "ingested 1 documents" in done.stderr and "2 already in the graph" in done.stderr
    assert sorted(documents(tmp_path)) == sorted(url for _, url, _ in site.entries)


def test_poll_backs_off_after_failed_rounds_and_resets_after_a_good_one():
    outcomes = iter([0, 1, 1, 1, 0, 0])
    waits: list[float] = []
    poll(lambda: next(outcomes), 60, sleep=waits.append, rounds=6)
    assert waits == [60, 120, 240, 480, 60]
    assert backoff(900, 10) == 3600  # at most an hour
    assert backoff(7200, 3) == 7200  # never shorter than the interval


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("90", 90), ("0.5m", 30)])
def test_every_reads_intervals(text, seconds):
    assert parse_every(text) == seconds


def test_every_refuses_a_bad_interval(capsys):
    with pytest.raises(SystemExit):
        main(["ingest", "feed.xml", "--every", "soon"])
    assert "expected an interval such as 30s, 15m or 1h, got 'soon'" in capsys.readouterr().err


def test_csv_rows_with_links_are_fetched_and_a_dead_link_is_that_rows_error(site, capsys, tmp_path):
    batch = tmp_path / "links.csv"
    batch.write_text(f"url,source,published\n{site.entries[1][1]},Yemen Monitor,2020-01-21\n"
                     f"{site.url}/news/404,Yemen Monitor,\n", encoding="utf-8")
    status, err = ingest(capsys, tmp_path / "data", str(batch))
    assert status == 0, err
    assert err.splitlines()[0] == f"error: {batch}:3: {site.url}/news/404: HTTP 404 Not Found"
    assert documents(tmp_path / "data") == {site.entries[1][1]: ("Shelling near Marib", "2020-01-21", "Yemen Monitor")}
