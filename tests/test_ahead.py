"""The default ``/network`` view built ahead (``api.ahead``): at start and once writes stop, so its first visit
reads nothing; a visit during the build waits for it instead of building the view again.

Real app, store and read workers over a copy of the hand-built records (tests/rest_records.py).
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import shutil
import threading
import time
import weakref

import pytest

from api import close_app, create_app
from api.ahead import Ahead
from graph.records import Actor, Article, Extraction
from tests.conftest import counted_reads, write
from tests.rest_records import BASE_IRI, CLASH, MOGADISHU, SNA, _event

BRIGADE = Actor(id="actor/jubba-valley-brigade", name="Jubba Valley Brigade", kind="armed_group")


def _report() -> Extraction:
    """A new report: a brigade no other report names raids an army post."""
    article = Article(id="doc-jubba", text="...", published=dt.date(2021, 2, 4), title="Raid on an army post",
                      source="Wire D")
    return Extraction(document=article, actors=(BRIGADE, SNA), locations=(MOGADISHU,), events=(
        _event("doc-jubba", 0, CLASH, BRIGADE.name, SNA.name, MOGADISHU.name, "2021-02-03",
               "Brigade gunmen stormed an army post on the edge of the city before dawn."),))


def _wait_for(done, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "the view was not built ahead in time"
        time.sleep(0.05)


def _first_visit(app) -> tuple[str, list[str]]:
    """The body of ``/network`` and the reads its visit asked of the store."""
    asked = counted_reads(app.extensions["conflictkg.store"])
    response = app.test_client().get("/network")
    assert response.status_code == 200
    return response.get_data(as_text=True), asked


@pytest.mark.parametrize("name", ["Syrian Arab Army", "Al-Shabaab", "Somali National Army"])
def test_the_view_is_built_at_start_and_its_first_visit_reads_nothing(hand_built_app, name):
    ahead = Ahead(hand_built_app, quiet=0.1)
    ahead.start()
    _wait_for(lambda: ahead.builds == 1)
    body, asked = _first_visit(hand_built_app)
    assert asked == [] and name in body


def test_a_write_builds_the_view_again_with_what_it_wrote(hand_built_app):
    ahead = Ahead(hand_built_app, quiet=0.1)
    ahead.start()
    _wait_for(lambda: ahead.builds == 1)
    assert BRIGADE.name not in _first_visit(hand_built_app)[0]
    write(hand_built_app.extensions["conflictkg.store"], [_report()], BASE_IRI)
    # a write notifies once per write method: under load, more than the quiet apart, so one build may come between
    _wait_for(lambda: hand_built_app.extensions["conflictkg.cache"].get("network /network?") is not None)
    assert ahead.builds >= 2
    body, asked = _first_visit(hand_built_app)
    assert asked == [] and BRIGADE.name in body


@pytest.mark.parametrize("writes", [1, 3, 8])
def test_a_run_of_writes_builds_the_view_once_they_stop(hand_built_app, writes):
    ahead = Ahead(hand_built_app, quiet=0.5)
    ahead.start()
    _wait_for(lambda: ahead.builds == 1)
    store = hand_built_app.extensions["conflictkg.store"]
    for _ in range(writes):  # what every write method runs after writing (graph.store.base.writes)
        store.on_write.notify()
    _wait_for(lambda: ahead.builds == 2)
    time.sleep(1.0)  # twice the quiet: no further build
    assert ahead.builds == 2
    assert _first_visit(hand_built_app)[1] == []


def test_a_visit_during_the_build_waits_for_it(hand_built_app):
    store = hand_built_app.extensions["conflictkg.store"]
    read, opened = store.read, threading.Event()
    store.read = lambda sparql, bindings=None: opened.wait(30) and read(sparql, bindings)  # the build stays open
    asked = counted_reads(store)
    Ahead(hand_built_app).start()
    _wait_for(lambda: len(asked) == 1)  # the build has begun (its first read) and holds the view's key
    answers = []
    visit = threading.Thread(target=lambda: answers.append(hand_built_app.test_client().get("/network")))
    visit.start()
    time.sleep(0.3)  # the visit finds the view being built
    opened.set()
    visit.join(60)
    assert answers[0].status_code == 200 and "Syrian Arab Army" in answers[0].get_data(as_text=True)
    assert len(asked) == len(set(asked))  # one build: no read asked twice


def test_a_build_past_its_read_limit_is_logged_and_keeps_nothing(hand_built_data_dir, tmp_path, caplog):
    shutil.copytree(hand_built_data_dir, tmp_path / "data")
    app = create_app({"data_dir": str(tmp_path / "data"), "read_timeout_ms": 1})
    try:
        ahead = Ahead(app)
        with caplog.at_level(logging.WARNING, logger="api.ahead"):
            ahead.start()
            _wait_for(lambda: ahead.builds == 1)
        assert "building /network ahead answered 504" in caplog.text
        assert app.extensions["conflictkg.cache"].get("network /network?") is None
    finally:
        close_app(app)


def _held_reads(app) -> tuple[threading.Event, list[str]]:
    """Hold the app's reads until the returned event is set (a build that begins stays open), and the reads asked."""
    store = app.extensions["conflictkg.store"]
    read, opened = store.read, threading.Event()
    store.read = lambda sparql, bindings=None: opened.wait(30) and read(sparql, bindings)
    return opened, counted_reads(store)


@pytest.mark.parametrize("when", ["waiting for a write", "waiting for writes to stop", "building"])
def test_closing_the_app_ends_its_thread_and_frees_the_app(hand_built_data_dir, tmp_path, caplog, when):
    """``api.close_app`` stops the view built ahead before the reads it asks (a build under way ends first, answered)
    and leaves nothing that holds the app: neither the thread nor the store's write listener."""
    shutil.copytree(hand_built_data_dir, tmp_path / "data")
    app = create_app({"data_dir": str(tmp_path / "data")})
    ahead, before = Ahead(app, quiet=60 if when == "waiting for writes to stop" else 0.1), set(threading.enumerate())
    opened, asked = _held_reads(app)
    with caplog.at_level(logging.INFO, logger="api.ahead"):
        ahead.start()
        if when == "building":
            _wait_for(lambda: len(asked) == 1)  # the build has begun: it holds its first read
            threading.Timer(0.5, opened.set).start()  # and is still under way when the app closes
        else:
            opened.set()
            _wait_for(lambda: ahead.builds == 1)
        if when == "waiting for writes to stop":
            app.extensions["conflictkg.store"].on_write.notify()  # a build in a minute, unless stopped
        started = time.monotonic()
        close_app(app)
    assert time.monotonic() - started < 10 and ahead.builds == 1
    assert "built /network ahead" in caplog.text and "failed" not in caplog.text
    assert not [thread for thread in set(threading.enumerate()) - before if thread.name == "conflictkg-ahead"]
    freed = weakref.ref(app)
    app = ahead = None  # the test's own references
    gc.collect()
    assert freed() is None
