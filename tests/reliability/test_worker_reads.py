"""The service's own reads run in worker processes: same rows as the store gives, and stopped for real."""

from __future__ import annotations

import io
import json
import math
import os
import resource
import shutil
import signal
import sys
import time
import weakref
from types import SimpleNamespace

import pyoxigraph as ox
import pytest
from flask import g
from rdflib import URIRef
from werkzeug.exceptions import InternalServerError, ServiceUnavailable

from api import close_app, create_app, entities, sparql_execute, sparql_worker
from api.cache import ResponseCache
from api.entity_rows import rows_by_entity, rows_read
from api.limits import ClientGone, TooSlow, prefetch, read_graph
from api.reads import LOOKUP_WORKERS, OTHER_READS_NICENESS, READ_CACHE_BYTES, READ_CACHE_ENTRIES
from graph import queries as q
from graph.store import Store
from graph.vocab import CURRENT_GRAPH
from viz.pages import PageReads, entity_page

EX = "https://example.org/"
# Half a minute of counting a cross product before the first row: the engine cannot stop it on its own.
MANY = " ".join(str(n) for n in range(400))
SLOW = f"SELECT (COUNT(*) AS ?n) {{ VALUES ?k {{ {MANY} }} GRAPH ?g {{ ?a ?b ?c }} GRAPH ?h {{ ?d ?e ?f }} }}"


@pytest.fixture
def app(hand_built_data_dir, tmp_path):
    data_dir = tmp_path / "copy"
    shutil.copytree(hand_built_data_dir, data_dir)
    app = create_app({"data_dir": str(data_dir), "read_timeout_ms": 60_000})
    yield app
    close_app(app)  # its files: a later test's server would number its sockets past 1023


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a killed child the runner has waited for is gone; one not yet reaped is a zombie
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().split(") ")[1][0] != "Z"


def _warm_every_worker(store, runner) -> set[int]:
    """Give every worker a read of its own, so that its start-up (slow on a loaded machine) is over before
    the timed part: the first read starts them all, the idle queue hands them out in turn, and the texts
    differ so that none is answered from the kept answers. Returns the workers' process ids."""
    store.read("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    pids = runner.worker_pids()
    for n in range(2, len(pids) + 1):
        store.read(f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {n}")
    assert runner.worker_pids() == pids  # none was replaced: each answered
    return pids


def _heap_limit(pid: int, seconds: float = 30) -> list[str]:
    """The worker's soft and hard RLIMIT_DATA once it has capped itself: a worker caps its heap after its
    imports, and on a loaded machine one that no read reached yet may still be importing."""
    deadline = time.monotonic() + seconds
    while True:
        with open(f"/proc/{pid}/limits", encoding="ascii") as limits:
            data = next(line for line in limits if line.startswith("Max data size")).split()[3:5]
        if data != ["unlimited"] * 2 or time.monotonic() > deadline:
            return data
        time.sleep(0.05)


def _niceness_above(pids: set[int], above: int, niced: int, seconds: float = 30) -> list[int]:
    """The workers' niceness as steps ``above`` the server's, once ``niced`` of them have set theirs (a worker sets
    it after its imports, and on a loaded machine one that no read reached yet may still be importing)."""
    deadline = time.monotonic() + seconds
    while True:
        found = sorted(os.getpriority(os.PRIO_PROCESS, pid) - above for pid in pids)
        if sum(map(bool, found)) >= niced or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_the_lookup_worker_runs_at_the_server_priority_and_the_other_reads_niced(app):
    """The CPU goes to the workers that entity lookups take first (``api.priority``) before the others."""
    with app.test_request_context("/api/events"):
        app.preprocess_request()
        pids = _warm_every_worker(app.extensions["conflictkg.store"], app.extensions["conflictkg.reads"].runner)
    others = len(pids) - LOOKUP_WORKERS
    found = _niceness_above(pids, os.getpriority(os.PRIO_PROCESS, 0), others)
    assert found == [0] * LOOKUP_WORKERS + [OTHER_READS_NICENESS] * others


def _assert_one_worker_was_killed_and_replaced(runner, before: set[int]) -> None:
    stopped = before - runner.worker_pids()
    assert len(stopped) == 1 and not any(_alive(pid) for pid in stopped)
    assert len(runner.worker_pids()) == len(before)  # a fresh worker took its place


def test_a_read_in_a_worker_gives_the_rows_the_store_gives(app):
    store = app.extensions["conflictkg.store"]
    current = ox.NamedNode(str(CURRENT_GRAPH))
    facts = [
        (ox.NamedNode(EX + "a"), ox.Literal("Kidal")),
        (ox.NamedNode(EX + "b"), ox.Literal("12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
        (ox.NamedNode(EX + "c"), ox.Literal("2.5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#double"))),
        (ox.NamedNode(EX + "d"), ox.Literal("2024-03-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))),
        (ox.NamedNode(EX + "e"), ox.Literal("Gao", language="fr")),
        (ox.NamedNode(EX + "f"), ox.NamedNode(EX + "place")),
    ]
    store.oxigraph.extend(ox.Quad(s, ox.NamedNode(EX + "p"), o, current) for s, o in facts)
    store.on_write.notify()  # as a write method would: the next read takes a new snapshot
    query = f"SELECT ?s ?o ?none WHERE {{ ?s <{EX}p> ?o OPTIONAL {{ ?s <{EX}nothing> ?none }} }} ORDER BY ?s"
    expected = Store.read(store, query)
    with app.test_request_context("/api/events"):
        app.preprocess_request()
        rows = store.read(query)
    assert rows == expected
    assert [row["o"] for row in rows] == ["Kidal", 12, 2.5, "2024-03-01", "Gao", EX + "place"]
    assert all("none" not in row for row in rows)


def test_a_read_past_its_deadline_is_stopped_in_its_worker(app):
    store, runner = app.extensions["conflictkg.store"], app.extensions["conflictkg.reads"].runner
    with app.test_request_context("/api/events"):
        app.preprocess_request()
        before = _warm_every_worker(store, runner)
        g.read_deadline = time.monotonic() + 1
        started = time.monotonic()
        with pytest.raises(TooSlow):
            store.read(SLOW)
        assert time.monotonic() - started < 3
    _assert_one_worker_was_killed_and_replaced(runner, before)


def test_a_read_whose_client_left_is_stopped_in_its_worker(app):
    store, runner = app.extensions["conflictkg.store"], app.extensions["conflictkg.reads"].runner
    left = [math.inf]  # the client stays while the workers start
    environ = {"waitress.client_disconnected": lambda: time.monotonic() > left[0]}
    with app.test_request_context("/api/events", environ_base=environ):
        app.preprocess_request()
        before = _warm_every_worker(store, runner)
        left[0] = time.monotonic() + 1  # then gives up a second into the slow read
        with pytest.raises(ClientGone):
            store.read(SLOW)
        assert time.monotonic() - left[0] < 1
    _assert_one_worker_was_killed_and_replaced(runner, before)


def test_a_read_asked_again_is_answered_without_a_worker_until_the_next_write(app):
    store, reads = app.extensions["conflictkg.store"], app.extensions["conflictkg.reads"]
    query = f"SELECT ?o WHERE {{ <{EX}a> <{EX}p> ?o }}"
    with app.test_request_context("/api/events"):
        app.preprocess_request()
        assert store.read(query) == []
        store.insert(f"<{EX}a> <{EX}p> \"Kidal\" .\n".encode(), str(CURRENT_GRAPH))  # a write method
        assert store.read(query) == [{"o": "Kidal"}]  # not the answer kept before the write
        for pid in reads.runner.worker_pids():  # no worker can answer any more
            os.kill(pid, signal.SIGKILL)
        assert store.read(query) == [{"o": "Kidal"}]
        with pytest.raises(ServiceUnavailable):  # a read not kept needs a worker
            store.read(query + " LIMIT 1")


def test_a_read_worker_has_the_whole_worker_memory_limit(hand_built_data_dir, tmp_path):
    """Each read worker's heap limit (RLIMIT_DATA) is worker_memory_mb, as a /sparql worker's: the engine keeps
    the index and filter blocks of what its reads touched, 202 MB at 100,000 documents."""
    data_dir = tmp_path / "copy"
    shutil.copytree(hand_built_data_dir, data_dir)
    app = create_app({"data_dir": str(data_dir), "worker_memory_mb": 320})
    try:
        store, runner = app.extensions["conflictkg.store"], app.extensions["conflictkg.reads"].runner
        with app.test_request_context("/api/events"):
            app.preprocess_request()
            pids = _warm_every_worker(store, runner)
        assert {pid: _heap_limit(pid) for pid in pids} == {pid: [str(320 << 20)] * 2 for pid in pids}
    finally:
        close_app(app)


def test_a_graph_read_in_no_rdf_format_is_refused_before_its_query_runs():
    job = {"construct": "CONSTRUCT WHERE { this does not parse", "graph": str(CURRENT_GRAPH),
           "graph_format": "application/sparql-results+json"}
    header, body = sparql_execute.execute(ox.Store(), job)
    assert (header["status"], body) == (500, b"") and "application/sparql-results+json" in header["detail"]


def test_a_graph_read_the_store_fails_on_is_a_500_not_the_503_that_asks_to_narrow_it(app):
    with app.test_request_context("/id/actor/some-actor"):
        app.preprocess_request()
        with pytest.raises(InternalServerError) as refused:
            read_graph("CONSTRUCT WHERE { this does not parse", "text/turtle")
    assert "narrow" not in str(refused.value.description) and "logged" in str(refused.value.description)


def _jobs_of(runner) -> list[dict]:
    """The jobs ``runner`` will be given from now on, as they come."""
    jobs: list[dict] = []
    run = runner.run

    def counted(job, *args):
        jobs.append(job)
        return run(job, *args)

    runner.run = counted
    return jobs


@pytest.mark.parametrize("kept_bytes", [READ_CACHE_BYTES, 1])
def test_reads_sent_together_are_one_job_and_each_answered_as_if_read_alone(app, kept_bytes):
    """Answered from the request's own answers: also when the kept answers cannot hold them (1 byte)."""
    store, reads = app.extensions["conflictkg.store"], app.extensions["conflictkg.reads"]
    reads.answers = ResponseCache(READ_CACHE_ENTRIES, max_bytes=kept_bytes)
    current = ox.NamedNode(str(CURRENT_GRAPH))
    store.oxigraph.extend(ox.Quad(ox.NamedNode(EX + s), ox.NamedNode(EX + "p"), ox.Literal(o), current)
                          for s, o in [("a", "Northfield"), ("b", "Eastmoor")])
    store.on_write.notify()
    query = f"SELECT ?o WHERE {{ ?s <{EX}p> ?o }}"
    together = [(query, {"s": URIRef(EX + "a")}), (query, {"s": URIRef(EX + "b")}), (query, None)]
    jobs = _jobs_of(reads.runner)
    with app.test_request_context("/api/actors/some-actor"):
        app.preprocess_request()
        prefetch(together)
        for pid in reads.runner.worker_pids():  # no worker can answer any more: the rows were kept
            os.kill(pid, signal.SIGKILL)
        rows = [store.read(sparql, bindings) for sparql, bindings in together]
    assert [len(job["reads"]) for job in jobs] == [3]
    expected = [["Northfield"], ["Eastmoor"], ["Eastmoor", "Northfield"]]
    assert [sorted(row["o"] for row in found) for found in rows] == expected


@pytest.mark.parametrize(("kind", "entity_id", "most_jobs"), [
    ("actor", "al-shabaab", 2), ("actor", "syrian-arab-army", 2), ("place", "mogadishu", 2), ("place", "idlib", 2),
    ("document", "doc-aleppo", 2), ("actor", "no-such-actor", 1), ("event", "no-such-event", 1),
])
def test_an_entity_record_is_a_few_worker_jobs_and_the_same_record(app, kind, entity_id, most_jobs):
    """An actor's record makes 7-8 reads one after another; the independent ones go to a worker as one job
    (an actor's: two jobs, unless an event's place is not among the actor's places)."""
    store, runner = app.extensions["conflictkg.store"], app.extensions["conflictkg.reads"].runner
    builder = getattr(entities, f"{kind}_record")
    expected = builder(store, app.config["CONFLICTKG"].base_iri, entity_id)  # no request: read one by one here
    jobs = _jobs_of(runner)
    answer = app.test_client().get(f"/api/{kind}s/{entity_id}")
    if expected is None:  # and of its reads only the one that found nothing is kept
        assert answer.status_code == 404 and len(jobs) == most_jobs
        assert len(app.extensions["conflictkg.reads"].answers) <= 1
    else:
        assert answer.get_json() == json.loads(json.dumps(expected))
        assert 1 <= len(jobs) <= most_jobs and sum(len(job.get("reads", [1])) for job in jobs) > len(jobs) + 1


def test_an_event_record_whose_evidence_names_no_reporter_is_two_worker_jobs(app):
    """Its actors' and place's names go with its reporters' read (before: a third job after it)."""
    store, runner = app.extensions["conflictkg.store"], app.extensions["conflictkg.reads"].runner
    actor = entities.actor_record(store, app.config["CONFLICTKG"].base_iri, "al-shabaab")
    assert actor is not None
    event_id = actor["events"][0]["id"]
    expected = entities.event_record(store, app.config["CONFLICTKG"].base_iri, event_id)
    jobs = _jobs_of(runner)
    answer = app.test_client().get(f"/api/events/{event_id}")
    assert answer.get_json() == json.loads(json.dumps(expected))
    assert [len(job.get("reads", [1])) for job in jobs] == [4, 3]  # the place's fields ride along for the page


@pytest.mark.parametrize("route", ["/events/", "/api/events/"])  # the record's row: a guard, two jobs before too
def test_an_event_page_built_with_its_record_is_two_worker_jobs(app, route):
    """The event page shows its place's fields beside the record: read with the record's second job, not after it."""
    store, runner = app.extensions["conflictkg.store"], app.extensions["conflictkg.reads"].runner
    actor = entities.actor_record(store, app.config["CONFLICTKG"].base_iri, "al-shabaab")
    assert actor is not None and actor["events"][0]["place"]
    event_id = actor["events"][0]["id"]
    jobs = _jobs_of(runner)
    answer = app.test_client().get(route + event_id, headers={"Accept": "text/html"})
    assert answer.status_code == 200 and len(jobs) == 2


@pytest.mark.parametrize(("path", "most_jobs"), [
    ("/actors/al-shabaab", 3), ("/actors/syrian-arab-army", 3), ("/places/mogadishu", 3), ("/places/idlib", 3),
    ("/actors/no-such-actor", 1),  # a guard (holds before too): an unknown id is its first round's job alone
])
def test_an_entity_page_is_three_worker_jobs_and_the_same_page(app, path, most_jobs):
    """An entity page's reads go in three rounds, each one job (its fields, summary and readings; its events'
    sentences and roles; their documents and names): it was 6 one after another."""
    store = app.extensions["conflictkg.store"]
    segment, entity_id = path.strip("/").split("/")
    expected = entity_page(store, app.config["CONFLICTKG"].base_iri, segment, entity_id)  # no request: one by one
    jobs = _jobs_of(app.extensions["conflictkg.reads"].runner)
    answer = app.test_client().get(path, headers={"Accept": "text/html"})
    assert len(jobs) == most_jobs
    if expected is None:
        assert answer.status_code == 404
    else:
        assert answer.get_data(as_text=True) == expected


@pytest.mark.parametrize("path", ["/actors/al-shabaab", "/actors/syrian-arab-army", "/places/mogadishu",
                                  "/places/idlib"])
def test_an_entity_page_whose_documents_and_names_are_kept_is_two_worker_jobs(app, path):
    """The documents and names of a page's events (its third round) come from the app's entity rows when they are
    kept there (the same few hundred recur on every page): no third job (before: read every time, 3 jobs)."""
    store, runner = app.extensions["conflictkg.store"], app.extensions["conflictkg.reads"].runner
    segment, entity_id = path.strip("/").split("/")
    with app.app_context():  # keeps the page's documents and names in the app's entity rows, as another page would
        expected = entity_page(store, app.config["CONFLICTKG"].base_iri, segment, entity_id,
                               reads=PageReads(rows_by_entity=rows_by_entity, rows_read=rows_read))
    jobs = _jobs_of(runner)
    answer = app.test_client().get(path, headers={"Accept": "text/html"})
    assert expected is not None and answer.get_data(as_text=True) == expected
    assert len(jobs) == 2


@pytest.mark.parametrize(("kind", "most_jobs"), [("event", 2), ("actor", 2), ("place", 2), ("document", 2),
                                                 ("nope", 1)])  # an unknown id: a guard (one read before too)
def test_an_entity_iris_rdf_reads_its_fields_and_its_triples_alone(app, kind, most_jobs):
    """``/id/<kind>/<id>`` as RDF needs only that the entity exists (its fields' read), then its own triples: not
    its whole record (before: 3-4 jobs, the record's 2-3 first)."""
    store, base = app.extensions["conflictkg.store"], app.config["CONFLICTKG"].base_iri
    actor = entities.actor_record(store, base, "al-shabaab")
    assert actor is not None
    ids = {"actor": "al-shabaab", "event": actor["events"][0]["id"], "place": actor["places"][0]["id"],
           "document": actor["documents"][0]["id"], "nope": "no-such-event"}
    path = f"/id/{'event' if kind == 'nope' else kind}/{ids[kind]}?format=turtle"
    jobs = _jobs_of(app.extensions["conflictkg.reads"].runner)
    answer = app.test_client().get(path)
    assert len(jobs) == most_jobs
    if kind == "nope":
        assert answer.status_code == 404
    else:
        graph = ox.Store()
        graph.load(answer.get_data(), ox.RdfFormat.TURTLE)
        assert answer.status_code == 200 and ox.NamedNode(f"{base}{kind}/{ids[kind]}") in {
            quad.subject for quad in graph}


@pytest.mark.parametrize("path", ["/events", "/events?country=SO", "/events?sort=date", "/events.json?type=Battles"])
def test_an_events_page_reads_its_names_and_places_as_one_job(app, path):
    """The names of a page's actors and the fields of its places need only its rows: one job after them."""
    jobs = _jobs_of(app.extensions["conflictkg.reads"].runner)
    assert app.test_client().get(path).status_code == 200
    together = [job["reads"] for job in jobs if "reads" in job]
    assert len(together) == 1 and len(together[0]) == 2
    assert together[0][1].startswith(q.EVENT_PLACE_FIELDS.split("#IRIS#")[0])


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.parametrize("path", ["/api/actors?limit=5", "/events", "/actors/al-shabaab", "/api/places/mogadishu"])
def test_reads_are_answered_when_the_server_holds_a_thousand_files_open(hand_built_data_dir, tmp_path, path):
    """A store that keeps many files open numbers the pipes to its read workers past 1023, where ``select`` fails:
    each read was a stopped worker's 503. Waiting with ``poll`` takes any descriptor.

    What the test process holds already counts against its limit: with the limit raised to 1,200, a run that held 400
    files could not open its thousand (CI's flaky failure); it is raised past what is open."""
    needed = _open_files() + 1030 + 200  # what is open, the thousand, and the app's (store files, worker pipes)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < needed:
        pytest.skip(f"this system lets a process open fewer than {needed} files")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, needed) if hard == resource.RLIM_INFINITY
                                                else min(max(soft, needed), hard), hard))
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1030)]
    shutil.copytree(hand_built_data_dir, tmp_path / "copy")
    app = create_app({"data_dir": str(tmp_path / "copy"), "read_timeout_ms": 60_000})
    try:
        assert app.test_client().get(path).status_code == 200
        pipes = [worker.from_worker.fileno() for worker in app.extensions["conflictkg.reads"].runner._all]
        assert pipes and min(pipes) > 1023
    finally:
        close_app(app)
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


_A_QUERY = "/sparql?query=SELECT%20%3Fs%20WHERE%20%7B%20%3Fs%20a%20%3Fo%20%7D%20LIMIT%203"


@pytest.mark.parametrize("paths", [["/api/actors?limit=5"], [_A_QUERY], ["/actors/al-shabaab", _A_QUERY]],
                         ids=["read-workers", "query-workers", "both"])
def test_a_closed_app_holds_no_file_and_no_worker(hand_built_data_dir, tmp_path, paths):
    """``api.close_app`` closes the store's files and the pipes to its read and /sparql workers, which it stops: a test
    run of many apps, each left with its workers' eight pipes, held a thousand files (reads with ``select`` failed)."""
    shutil.copytree(hand_built_data_dir, tmp_path / "copy")
    files = _open_files()
    app = create_app({"data_dir": str(tmp_path / "copy")})
    try:
        for path in paths:
            assert app.test_client().get(path, headers={"Accept": "application/json"}).status_code == 200, path
        runners = [app.extensions["conflictkg.reads"].runner, app.extensions["conflictkg.sparql_runner"]]
        pids = set().union(*(runner.worker_pids() for runner in runners))
    finally:
        close_app(app)
    assert _open_files() == files
    assert pids and not [pid for pid in pids if _alive(pid)]


_GOOD, _BAD = "SELECT ?o WHERE { ?s ?p ?o }", "SELECT WHERE { this does not parse"


@pytest.mark.parametrize(("reads", "statuses"), [
    ([_GOOD, _BAD], [200, 500]), ([_BAD, _GOOD], [500]), ([_GOOD, _GOOD, _BAD, _GOOD], [200, 200, 500]),
    ([_GOOD, _GOOD], [200, 200]),
])
def test_reads_sent_together_are_answered_one_by_one_up_to_the_first_that_fails(reads, statuses):
    found = list(sparql_execute.answers(ox.Store(), {"reads": reads, "graph": str(CURRENT_GRAPH)}))
    assert [header["status"] for header, _ in found] == statuses
    assert all("failed to read" in header["detail"] for header, _ in found if header["status"] != 200)


def test_each_read_sent_together_is_evaluated_only_once_the_one_before_is_taken():
    """A worker holds one answer of a batch at a time: the next read runs after the previous answer has left."""
    store, current = ox.Store(), ox.NamedNode(str(CURRENT_GRAPH))
    parts = sparql_execute.answers(store, {"reads": [_GOOD, _GOOD + " LIMIT 5"], "graph": str(CURRENT_GRAPH)})
    first = json.loads(next(parts)[1])
    store.add(ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("Northfield"), current))
    second = json.loads(next(parts)[1])
    assert (first["rows"], second["rows"]) == ([], [["Northfield"]])


def test_a_batch_frees_each_answer_before_it_evaluates_the_next_read(monkeypatch):
    """The generator keeps no reference to the answer it sent while the next read runs (one answer on the heap)."""
    held = []

    def read(store, job):
        held.append("answer" in parts.gi_frame.f_locals)
        return {"status": 200}, job["read"].encode()

    monkeypatch.setattr(sparql_execute, "_read", read)
    parts = sparql_execute.answers(ox.Store(), {"reads": ["one", "two", "three"], "graph": str(CURRENT_GRAPH)})
    assert [body for _, body in parts] == [b"one", b"two", b"three"]
    assert held == [False, False, False]


def test_a_batch_that_fails_in_its_worker_leaves_the_worker_in_step_for_the_next_read(app):
    store = app.extensions["conflictkg.store"]
    with app.test_request_context("/api/actors/some-actor"):
        app.preprocess_request()
        with pytest.raises(InternalServerError):
            prefetch([(_GOOD + " LIMIT 1", None), (_BAD, None), (_GOOD + " LIMIT 2", None)])
        assert len(store.read(_GOOD + " LIMIT 3")) == 3


class _Header(dict):
    """An answer's header that a weak reference can watch (a plain dict cannot be)."""


class _Body(bytearray):
    """An answer's body that a weak reference can watch (bytes cannot be)."""


def test_the_worker_loop_frees_each_answer_before_the_next_is_produced(monkeypatch):
    """main()'s loop keeps no answer it sent while the batch produces the next: one answer on the worker's heap."""
    freed: list[str] = []
    alive_when_second_made: list[str] = []

    def answers(job, unguarded, latest):
        for n in range(2):
            if n:
                alive_when_second_made.extend(k for k in ("header 0", "body 0") if k not in freed)
            header, body = _Header(status=200), _Body(b"rows")
            weakref.finalize(header, freed.append, f"header {n}")
            weakref.finalize(body, freed.append, f"body {n}")
            yield header, body
            del header, body  # the fake itself holds nothing: only the loop can

    job, out = io.BytesIO(), io.BytesIO()
    sparql_worker.write_frame(job, {"reads": ["one", "two"]})
    monkeypatch.setattr(sparql_worker, "_die_with_parent", lambda: None)
    monkeypatch.setattr(sparql_worker, "_confine", lambda memory_mb, niceness: None)
    monkeypatch.setattr(sparql_worker, "_answers", answers)
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(job.getvalue())))
    monkeypatch.setattr(sys, "stdout", SimpleNamespace(buffer=out))
    assert sparql_worker.main(["worker", "512", "0", "0"]) == 0
    out.seek(0)
    assert [sparql_worker.read_frame(out) for _ in range(3)] == [({"ready": True}, b""), ({"status": 200}, b"rows"),
                                                                ({"status": 200}, b"rows")]
    assert alive_when_second_made == []
