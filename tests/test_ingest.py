"""Batch ingest: idempotency, the one writer, bad files reported and skipped, one-line CLI errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import os
import subprocess
import sys
import threading
import time

import pyoxigraph as ox
import pytest

from graph.distributed import DocumentResult, build_result
from graph.ingest import IngestSummary, StoreWriter, unique_documents, write_documents
from graph.iris import actor_iri
from graph.link import rebuild_current
from graph.link.batch import BatchLinker
from graph.queries import STORE_EVENTS
from graph.records import Actor, Article, Event, Extraction, Location
from graph.store import Store
from graph.vocab import CURRENT_GRAPH
from tests.conftest import ROOT, write

BASE = "https://conflictkg.org/id/"

# (place, country, lat, lon, attacker, target, verb, dead, date): incidents from many theatres.
INCIDENTS = [
    ("Kidal", "ML", 18.44, 1.41, "Jama'at Nusrat al-Islam wal-Muslimin", "Malian army", "attacked", 7, "2019-03-02"),
    ("Marib", "YE", 15.46, 45.32, "Houthi forces", "government troops", "shelled", 12, "2020-01-19"),
    ("Kunduz", "AF", 36.73, 68.86, "Taliban fighters", "Afghan police", "ambushed", 5, "2016-10-03"),
    ("Bakhmut", "UA", 48.59, 38.0, "Russian forces", "Ukrainian soldiers", "shelled", 3, "2022-12-10"),
    ("Mogadishu", "SO", 2.04, 45.34, "Al-Shabaab militants", "African Union troops", "attacked", 9, "2017-06-14"),
    ("Sirte", "LY", 31.21, 16.59, "Libyan National Army", "Government of National Accord forces", "bombed", 4,
     "2020-07-01"),
]


def article_text(place, _country, _lat, _lon, attacker, target, verb, dead, date) -> str:
    """A short wire-style report of one incident."""
    return (
        f"Clashes near {place}\n\n"
        f"{attacker} {verb} {target} near {place} on {date}, killing {dead} people, "
        f"local officials said. The fighting around {place} continued into the night, "
        f"according to residents reached by telephone.\n"
    )


def write_articles(folder, incidents=INCIDENTS) -> list[str]:
    """Write one article file per incident into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, incident in enumerate(incidents):
        path = folder / f"{number:02d}-{incident[0].lower()}.txt"
        path.write_text(article_text(*incident), encoding="utf-8")
        paths.append(str(path))
    return paths


def extraction(number: int, incident=None) -> Extraction:
    """A hand-built extraction of one incident, as the extractor would hand it over."""
    place, country, lat, lon, attacker, target, _verb, dead, date = incident or INCIDENTS[number % len(INCIDENTS)]
    text = article_text(*(incident or INCIDENTS[number % len(INCIDENTS)]))
    sentence_start = text.index(attacker)
    sentence = text[sentence_start : text.index("said.") + 5]
    return Extraction(
        document=Article(id=f"report-{number}", text=text, published=dt.date.fromisoformat(date),
                         title=f"Clashes near {place}"),
        actors=(
            Actor(id=f"actor/{attacker}", name=attacker, kind="armed_group"),
            Actor(id=f"actor/{target}", name=target, kind="state_forces", country=country),
        ),
        locations=(Location(id=f"place/{place}", name=place, kind="town", country=country, lat=lat, lon=lon),),
        events=(
            Event(
                id=f"event/report-{number}-{sentence_start}", event_type="Battles", sub_event_type="Armed clash",
                actor1=attacker, actor2=target, location=place, date=date, date_precision="day", fatalities=dead,
                evidence=sentence, start=sentence_start, end=sentence_start + len(sentence),
            ),
        ),
    )


def quads(store: Store) -> set[str]:
    return {str(q) for q in ox.parse(store.dump(), format=ox.RdfFormat.N_QUADS)}


def test_writing_the_same_extractions_twice_gives_the_same_store(tmp_path):
    store = Store(str(tmp_path / "s"))
    extractions = [extraction(n) for n in range(len(INCIDENTS))]
    first = write(store, extractions, BASE, atomic=False)
    before, names = quads(store), store.graph_names()
    second = write(store, extractions, BASE, atomic=False)
    assert quads(store) == before
    assert store.graph_names() == names
    assert first.documents == second.documents == len(INCIDENTS)
    assert first.events == len(INCIDENTS) and first.places == len(INCIDENTS) and first.actors == 2 * len(INCIDENTS)
    assert f"{BASE}graph/report-0" in names
    store.close()


@pytest.mark.parametrize("url", ["https://news.example/ceasefire-holds-100%", "https://[news.example/a",
                                 "https://news.example:port/a"])
def test_a_source_url_the_engine_refuses_as_an_iri_stays_a_literal_and_the_batch_loads(tmp_path, url):
    store = Store(str(tmp_path / "s"))
    reported = dataclasses.replace(extraction(0), document=dataclasses.replace(extraction(0).document, path=url))
    summary = write(store, [reported, extraction(1)], BASE, validate=False, atomic=False)
    rows = store.select(f"SELECT ?p ?o WHERE {{ <{BASE}document/report-0> ?p ?o }}")
    assert summary.documents == 2 and not summary.errors
    assert {"https://schema.org/url", "http://www.w3.org/ns/prov#hadPrimarySource"} & {r["p"] for r in rows} == {
        "https://schema.org/url"}
    assert url in {r["o"] for r in rows}
    store.close()


def test_a_write_sets_the_older_objects_aside_from_collections_and_back_after(tmp_path):
    class Progress:
        frozen: list[int] = []
        thresholds: list[tuple[int, ...]] = []

        def update(self, _n: int) -> None:
            self.frozen.append(gc.get_freeze_count())
            self.thresholds.append(gc.get_threshold())

    store = Store(str(tmp_path / "s"))
    before = gc.get_threshold()
    try:
        write(store, [extraction(0)], BASE, validate=False, progress=Progress())
        assert Progress.frozen[0] > 0 and gc.get_freeze_count() == 0
        # its own objects are collected seldom, and as often as before once it ends
        assert Progress.thresholds[0][0] >= 100_000 and gc.get_threshold() == before
        gc.freeze()  # a caller's own frozen objects stay frozen, and its thresholds stay
        try:
            write(store, [extraction(1)], BASE, validate=False, progress=Progress())
            assert gc.get_freeze_count() > 0  # (objects freed meanwhile leave the count)
            assert Progress.thresholds[1] == before
        finally:
            gc.unfreeze()
    finally:
        store.close()


def test_summary_counts_what_was_written(tmp_path):
    store = Store(str(tmp_path / "s"))
    summary = write(store, [extraction(0), extraction(1)], BASE, validate=False, atomic=False)
    per_document = [store.count_triples(f"{BASE}graph/report-{n}") for n in (0, 1)]
    assert summary.triples == sum(per_document) > 0
    line = summary.line()
    assert line.startswith("ingested 2 documents: 2 events, 4 actors, 2 places")
    assert "0 violations; 0 skipped" in line
    store.close()


def test_error_results_are_skipped_and_reported(tmp_path):
    store = Store(str(tmp_path / "s"))
    reported = []
    results = [
        build_result(extraction(0), BASE, validate=False),
        DocumentResult(source="broken.txt", error="broken.txt: extraction failed (boom)"),
        build_result(extraction(1), BASE, validate=False),
    ]
    summary = write_documents(store, results, BASE, atomic=False, on_error=reported.append)
    assert reported == ["broken.txt: extraction failed (boom)"]
    assert summary.errors == reported
    assert summary.documents == 2
    assert {f"{BASE}graph/report-0", f"{BASE}graph/report-1"} <= set(store.graph_names())
    store.close()


def test_a_store_failure_reaches_the_caller(tmp_path):
    store = Store(str(tmp_path / "s"))
    bad = DocumentResult(source="x", graph_iri="not an IRI", ntriples=b"<http://e/s> <http://e/p> <http://e/o> .\n")
    with pytest.raises(ValueError):
        write_documents(store, [bad], BASE)
    store.close()


def test_linking_a_document_reads_the_stored_events_it_can_match_and_no_others(tmp_path):
    """One new report costs what it touches: the stored mentions of its events' type and place, all of them."""
    store = Store(str(tmp_path / "s"))
    write(store, [extraction(n) for n in range(12)], BASE, validate=False)  # two reports of each of six incidents
    later = build_result(extraction(12), BASE, validate=False)  # a third report of the first one (Kidal)
    linker = BatchLinker(store, BASE)
    linker.add(later.graph_iri, later.reports, later.ntriples, later.triples)
    linker.before_write([later.graph_iri])
    stored = [row for row in linker.rows() if row["g"] != later.graph_iri]
    assert sorted(row["g"] for row in stored) == [f"{BASE}graph/report-0", f"{BASE}graph/report-6"]
    assert len(store.select(STORE_EVENTS)) == 12
    store.close()


def _current(store: Store) -> set[str]:
    return {str(q.triple) for q in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(CURRENT_GRAPH))}


def _finish_beside_the_load(store: Store, extractions: list[Extraction], early: bool) -> tuple[int, list[int]]:
    """Write a batch under the journal as the writer does and finish it; return how many current facts there were
    before ``finish`` and each time it waited for the batch's documents to be loaded."""
    results = [build_result(e, BASE, validate=False) for e in extractions]
    linker = BatchLinker(store, BASE)
    for result in results:
        linker.add(result.graph_iri, result.reports, result.ntriples, result.triples)
    linker.before_write([result.graph_iri for result in results])
    store.bulk_replace([(result.graph_iri, result.ntriples) for result in results], atomic=False, lenient=True)
    linker.prepare()
    before, waits = len(_current(store)), []
    linker.finish(loaded=lambda: waits.append(len(_current(store))), early=early)
    store.settle()
    return before, waits


def _replaced(number: int) -> Extraction:
    """A corrected version of report ``number`` that names its first actor only, and no event."""
    first = extraction(number)
    return dataclasses.replace(first, actors=first.actors[:1], events=())


@pytest.mark.parametrize(("stored", "batch", "early", "beside"), [
    ([], [extraction(0), extraction(1)], True, True),  # every entity new: all of it goes in beside the load
    ([extraction(1)], [extraction(0), extraction(2)], True, True),  # the store's other incidents change nothing
    ([], [extraction(0), extraction(1)], False, False),  # not asked (a store others read): facts follow documents
    ([extraction(0)], [extraction(6)], True, False),  # another report of a stored incident: its entities have facts
    ([extraction(0), extraction(1)], [_replaced(0)], True, False),  # a replaced report: what it said is reread
])
def test_the_linker_writes_beside_the_load_only_what_needs_no_stored_document(tmp_path, stored, batch, early, beside):
    store = Store(str(tmp_path / "s"))
    write(store, stored, BASE, validate=False, atomic=False)
    before, waits = _finish_beside_the_load(store, batch, early)
    assert waits, "it waits for the documents before it returns"
    assert (waits[0] > before) is beside
    written = _current(store)
    rebuild_current(store)
    assert _current(store) == written  # the same as recounting every document
    store.close()


class _HalfLoaded:
    """Hooks that hold the last batch's documents half loaded until the current facts are written beside them."""

    def __init__(self, store: Store, batches: int, monkeypatch):
        from graph.store import embedded

        self.bulk_load, self.insert, self.left = embedded._bulk_load, store.insert, batches
        self.meet, self.facts_written = threading.Barrier(2, timeout=20), threading.Event()
        monkeypatch.setattr(embedded, "_bulk_load", self.load)
        monkeypatch.setattr(store, "insert", self.add)

    def load(self, engine, parts: list[bytes], fmt, *rest) -> None:
        """Load documents; the last batch's in two halves, the current facts written between them."""
        if fmt == ox.RdfFormat.N_QUADS:
            self.left -= 1
        if self.left or fmt != ox.RdfFormat.N_QUADS or self.facts_written.is_set():
            return self.bulk_load(engine, parts, fmt, *rest)
        lines = b"".join(parts).splitlines(keepends=True)
        self.meet.wait()
        self.bulk_load(engine, [b"".join(lines[: len(lines) // 2])], fmt, *rest)
        assert self.facts_written.wait(timeout=20), "no current facts were written beside the load"
        return self.bulk_load(engine, [b"".join(lines[len(lines) // 2 :])], fmt, *rest)

    def add(self, ntriples: bytes, graph_iri: str | None = None, **options) -> None:
        """Write current facts; the first ones at once with the last batch's documents."""
        first = graph_iri == str(CURRENT_GRAPH) and not self.facts_written.is_set() and not self.left
        if first:
            self.meet.wait()
        self.insert(ntriples, graph_iri, **options)
        if first:
            self.facts_written.set()


@pytest.mark.parametrize(("documents", "bulk_facts"), [
    (2, False),  # current facts in a transaction beside the documents' bulk load
    (3, True),  # current facts by the bulk loader too: two bulk loads at once on one engine
])
def test_current_facts_written_while_the_last_batch_loads_are_those_of_a_rebuild(tmp_path, monkeypatch, documents,
                                                                                  bulk_facts):
    extractions = [extraction(n) for n in range(documents)]  # every entity new: the facts need no stored document
    reference = Store(str(tmp_path / "reference"))
    write(reference, extractions, BASE, validate=False, atomic=False)
    store = Store(str(tmp_path / "s"))
    if bulk_facts:
        monkeypatch.setattr("graph.link.merged.BULK_BYTES", 0)
    hooks = _HalfLoaded(store, documents, monkeypatch)
    write_documents(store, [build_result(e, BASE, validate=False) for e in extractions], BASE, atomic=False,
                    batch_bytes=1)  # one document per batch
    assert hooks.facts_written.is_set() and not hooks.meet.broken
    assert quads(store) == quads(reference)  # every document whole, the same facts as a write without overlap
    written = _current(store)
    rebuild_current(store)
    assert _current(store) == written
    store.close()
    reference.close()


@pytest.mark.parametrize("fails", [False, True])
def test_the_writer_tells_when_it_has_begun_every_batch_and_passes_its_error_on(fails):
    store = Store(None)
    begun: list[list[str]] = []

    def before(graph_iris: list[str]) -> None:
        time.sleep(0.05)  # slower than the caller: begun() must wait
        begun.append(graph_iris)
        if fails:
            raise RuntimeError("the disk is full")

    writer = StoreWriter(store, atomic=False, before=before, batch_bytes=1)  # one document per batch
    for n in range(2):
        writer.add(f"{BASE}graph/doc-{n}", f'<{BASE}doc-{n}> <{BASE}p> "x" .\n'.encode())
    if fails:
        with pytest.raises(RuntimeError, match="disk is full"):
            writer.begun()
        with pytest.raises(RuntimeError):
            writer.close()
        assert begun == [[f"{BASE}graph/doc-0"]] and store.graph_names() == []  # nothing after the failure
    else:
        writer.begun()
        assert begun == [[f"{BASE}graph/doc-{n}"] for n in range(2)]
        writer.close()
        assert store.graph_names() == [f"{BASE}graph/doc-{n}" for n in range(2)]
    store.close()


@pytest.mark.parametrize("stored", [False, True])
def test_a_batch_has_begun_once_its_new_graphs_are_journaled(stored):
    """The linker writes current facts beside the load only once the load is journaled: begun() says when."""
    store = Store(None)
    graph, ntriples = f"{BASE}graph/doc-0", f'<{BASE}doc-0> <{BASE}p> "x" .\n'.encode()
    if stored:  # a stored version is replaced under the lock, before begun(): the replacement is whole then
        store.bulk_replace([(graph, f'<{BASE}doc-0> <{BASE}p> "old" .\n'.encode())], atomic=False)
        store.settle()
    begun = (lambda: store.holds(graph, ntriples)) if stored else (lambda: store.journal_open)
    writer = StoreWriter(store, atomic=False, batch_bytes=1)  # handed over at once
    seen: list[object] = []
    with store._write_lock:  # another write holds the store: the batch cannot journal its graphs yet
        writer.add(graph, ntriples)
        waiter = threading.Thread(target=lambda: (writer.begun(), seen.append(begun())))
        waiter.start()
        waiter.join(timeout=0.5)
        seen.append("the other write ends")
    waiter.join(timeout=20)
    writer.close()
    assert seen == ["the other write ends", True]
    store.close()


@pytest.mark.parametrize("atomic", [True, False])
def test_a_replaced_document_leaves_no_current_facts_of_what_it_no_longer_says(tmp_path, atomic):
    store = Store(str(tmp_path / "s"))
    write(store, [extraction(0), extraction(1)], BASE, validate=False, atomic=atomic)
    first = extraction(0)
    gone = [str(actor_iri(BASE, first.actors[1].id)), *(r.event for r in build_result(first, BASE, False).reports)]
    assert all(f"<{iri}>" in " ".join(_current(store)) for iri in gone)
    corrected = dataclasses.replace(first, actors=first.actors[:1], events=())  # names one actor, no event
    write(store, [corrected], BASE, validate=False, atomic=atomic)
    written = _current(store)
    assert not any(triple.startswith(f"<{iri}> ") for iri in gone for triple in written)
    rebuild_current(store)
    assert _current(store) == written  # the same as recounting every document
    store.close()


def _retitled(one: Extraction) -> Extraction:
    return dataclasses.replace(one, document=dataclasses.replace(one.document, title="Clashes went on overnight"))


def _linking_dies(self: BatchLinker, *args: object, **kwargs: object) -> dict[str, set[str]]:
    raise RuntimeError("killed before linking")


@pytest.mark.parametrize("atomic", [True, False])
@pytest.mark.parametrize(
    ("again", "unlinked", "unchanged", "same_store"),
    [
        (lambda docs: docs, 0, 3, True),  # a re-run over the same files: nothing is written
        (lambda docs: [*docs[:2], _retitled(docs[2])], 0, 2, False),  # one corrected: only it is replaced
        (lambda docs: [*docs, _retitled(docs[2]), docs[2]], 0, 3, True),  # a copy queued: the last one wins
        (lambda docs: docs[1:], 2, 0, False),  # written by a write whose linking died: written and linked again
    ],
)
def test_documents_the_store_holds_as_they_are_are_not_written_again(tmp_path, monkeypatch, atomic, again, unlinked,
                                                                      unchanged, same_store):
    store = Store(str(tmp_path / "s"))
    documents = [extraction(n) for n in range(3)]
    linked = len(documents) - unlinked
    first = write(store, documents[:linked], BASE, validate=False, atomic=atomic)
    if unlinked:
        with monkeypatch.context() as patched, pytest.raises(RuntimeError):
            patched.setattr(BatchLinker, "finish", _linking_dies)
            write(store, documents[linked:], BASE, validate=False, atomic=atomic)
    before, writes = quads(store), []
    store.on_write.add(lambda: writes.append(1))
    batch = again(documents)
    summary = write(store, batch, BASE, validate=False, atomic=atomic)
    assert (summary.documents, summary.unchanged) == (len(batch), unchanged)
    if not unlinked:  # else the re-run counts only what it writes
        assert (summary.events, summary.actors, summary.places) == (first.events, first.actors, first.places)
    assert bool(writes) == (unchanged < len(batch))
    assert (quads(store) == before) is same_store
    headlines = store.select(f"SELECT ?h WHERE {{ <{BASE}document/report-2> <https://schema.org/headline> ?h }}")
    assert {row["h"] for row in headlines} == {batch[-1].document.title}
    written = _current(store)
    rebuild_current(store)
    assert _current(store) == written
    store.close()


@pytest.mark.parametrize(
    ("ids", "kept", "skipped"),
    [
        (["a", "b"], ["a", "b"], 0),
        (["report", "report", "other"], ["report", "other"], 1),
        (["Dar'a", "dara", "DARA"], ["Dar'a"], 2),  # ids that mint the same graph IRI collide too
    ],
)
def test_duplicate_document_ids_keep_the_first(ids, kept, skipped):
    articles = [Article(id=i, text="x", path=f"folder{n}/{i}.txt") for n, i in enumerate(ids)]
    reported, summary = [], IngestSummary()
    unique = unique_documents(articles, BASE, summary, reported.append)
    assert [a.id for a in unique] == kept
    assert len(reported) == skipped == len(summary.errors)
    assert all("same document id as folder0/" in line for line in reported)


def run_cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", "ingest", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


@pytest.mark.slow
def test_cli_ingest_twice_is_idempotent(tmp_path):
    write_articles(tmp_path / "articles", INCIDENTS[:3])
    data_dir = str(tmp_path / "data")
    seen = []
    for _ in range(2):
        done = run_cli(str(tmp_path / "articles"), "--data-dir", data_dir, "--workers", "0", "--quiet")
        assert done.returncode == 0, done.stderr
        assert done.stderr.splitlines()[-1].startswith("ingested 3 documents")
        store = Store(data_dir)
        seen.append((store.count_triples(), store.graph_names(), quads(store)))
        store.close()
    assert seen[0] == seen[1]
    assert sum(name.startswith(f"{BASE}graph/") for name in seen[0][1]) == 3


def make_bad_files(folder) -> dict[str, str]:
    """Write files that cannot be articles; return name -> the words its error must contain."""
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "latin1.txt").write_bytes("Clashes in Bangui, Centrafrique: d\xe9c\xe8s".encode("latin-1"))
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("missing-target.txt", folder / "dangling.txt")
    return {"binary.txt": "binary", "latin1.txt": "not UTF-8", "loop.txt": "cannot read", "dangling.txt": "cannot read"}


@pytest.mark.slow
def test_cli_reports_bad_files_and_ingests_the_rest(tmp_path):
    folder = tmp_path / "articles"
    write_articles(folder, INCIDENTS[:1])
    bad = make_bad_files(folder)
    done = run_cli(str(folder), "--data-dir", str(tmp_path / "data"), "--workers", "0", "--quiet")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    for name, words in bad.items():
        matching = [line for line in lines if line.startswith("error: ") and name in line]
        assert len(matching) == 1 and words in matching[0], (name, lines)
    assert lines[-1].startswith("ingested 1 documents") and lines[-1].endswith(f"{len(bad)} skipped")


def test_cli_with_only_bad_files_fails_with_one_line_each(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    bad = make_bad_files(folder)
    done = run_cli(str(folder), "--data-dir", str(tmp_path / "data"), "--quiet")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert sum(line.startswith("error: ") for line in done.stderr.splitlines()) == len(bad)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "-1"], "error: --workers must be 0"),
        (["--store", "mysql://db"], "error: cannot open the store: unsupported store"),
        (["--store", "sparql:nothttp"], "error: cannot open the store"),
    ],
)
def test_cli_refuses_bad_options_in_one_line(tmp_path, args, message):
    (tmp_path / "a.txt").write_text("Clashes in Goma.\n", encoding="utf-8")
    done = run_cli(str(tmp_path / "a.txt"), "--data-dir", str(tmp_path / "data"), "--quiet", *args, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().startswith(message), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_cli_reports_a_store_locked_by_another_process(tmp_path):
    (tmp_path / "a.txt").write_text("Clashes in Goma.\n", encoding="utf-8")
    holder = Store(str(tmp_path / "data"))
    try:
        done = run_cli(str(tmp_path / "a.txt"), "--data-dir", str(tmp_path / "data"), "--quiet", timeout=120)
    finally:
        holder.close()
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the store in "), done.stderr
    assert "in use by a running service" in lines[0] and "--service" in lines[0]
    assert "LOCK" not in lines[0] and "Traceback" not in done.stderr
