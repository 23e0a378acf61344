"""Shared fixtures: a store with the seed articles ingested, and the real service serving it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests
from flask import Flask

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WRITE_TOKEN = "test-write-token"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def free_port() -> int:
    """Return a TCP port that is free on loopback right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60, log=None) -> None:
    """Poll ``url`` until it answers; fail the test if the process dies or time runs out.

    ``log``: the file the process writes its stderr to, read for the message when it dies
    (else ``process.stderr``, which must then be a pipe).
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            if log is not None:
                log.seek(0)
                message = log.read()
            else:
                message = process.stderr.read() if process.stderr else ""
            raise RuntimeError(f"server exited with {process.returncode}: {message}")
        try:
            requests.get(url, timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer in {seconds} s")


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium driven by Playwright (never downloaded by Playwright)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make browser`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def offline_page(browser):
    """Open pages (``tests.browsing.OfflinePage``) that may only talk to the server; closed after the test."""
    from tests.browsing import OfflinePage

    opened: list[OfflinePage] = []

    def open_page(server: str, path: str, **options) -> OfflinePage:
        opened.append(OfflinePage(browser, server, path, **options))
        return opened[-1]

    yield open_page
    for page in opened:
        page.close()


@pytest.fixture(scope="module")
def extractor():
    """The whole extraction pipeline, built once per test module."""
    from graph.extract.pipeline import Extractor

    return Extractor()


@pytest.fixture
def first_event(extractor):
    """A reader of one hand-written note: its first event (it must have one) and its actors by name."""
    import datetime as dt

    from graph.records import Article

    def read(text: str):
        result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
        assert result.events, text
        return result.events[0], {a.name: a for a in result.actors}

    return read


@pytest.fixture(scope="session")
def nlp():
    """The whole extraction pipeline's spaCy model (its ruler tags the dictionary's actors and places), built once."""
    from graph.extract.parse.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="module")
def bare():
    """The statistical model as spaCy loads it, with spaCy's own attribute ruler and lemmatizer (not ours)."""
    import spacy

    from graph.extract.parse.nlp import MODEL

    return spacy.load(MODEL)


@pytest.fixture(scope="session")
def seeded_data_dir(tmp_path_factory) -> Path:
    """A data directory holding the seed articles, ingested by the real CLI."""
    data_dir = tmp_path_factory.mktemp("seeded")
    subprocess.run(
        [sys.executable, "-m", "graph", "ingest", str(SEEDS), "--published", "2018-07-31", "--data-dir", str(data_dir),
         "--quiet"],
        check=True,
        cwd=ROOT,
    )
    return data_dir


@pytest.fixture(scope="session")
def live_server(seeded_data_dir):
    """The real service (``python -m api``) on a free port over a copy of the seeded store; yields its URL."""
    yield from _serve(seeded_data_dir)


def write(store, extractions, base_iri: str, validate: bool = True, **options):
    """Build hand-made extractions and write them through the one write path; return its ``IngestSummary``."""
    from graph.distributed import build_result
    from graph.ingest import write_documents

    return write_documents(store, [build_result(e, base_iri, validate) for e in extractions], base_iri, **options)


def write_data_dir(data_dir: Path, extractions, base_iri: str = "https://conflictkg.org/id/") -> Path:
    """Write hand-built extractions into an on-disk store at ``data_dir`` (closed again on return)."""
    from api.ingest import write_document
    from graph.store import Store

    store = Store(str(data_dir))
    for extraction in extractions:
        write_document(store, extraction, base_iri)
    store.close()  # releases the directory's lock so a server process can open it
    return data_dir


@pytest.fixture(scope="session")
def hand_built_data_dir(tmp_path_factory) -> Path:
    """A data directory holding the hand-built records of tests/rest_records.py."""
    from tests.rest_records import extractions

    return write_data_dir(tmp_path_factory.mktemp("hand-built"), extractions())


@pytest.fixture
def make_app():
    """``create_app`` for one test: every app it made is closed after the test (``api.close_app``), so that neither
    its store's files, nor its workers and their pipes, nor a thread of it outlive the test."""
    from api import close_app, create_app

    made = []

    def make(config: dict) -> Flask:
        made.append(create_app(config))
        return made[-1]

    yield make
    for app in made:
        close_app(app)


@pytest.fixture
def hand_built_app(hand_built_data_dir, tmp_path):
    """An app over a copy of the hand-built records (the session's hand-built server holds the original's lock);
    its read workers and store closed after the test."""
    from api import close_app, create_app

    shutil.copytree(hand_built_data_dir, tmp_path / "data")
    app = create_app({"data_dir": str(tmp_path / "data")})
    yield app
    close_app(app)


def counted_reads(store) -> list[str]:
    """The reads ``store`` is asked from now on (each query's text, in order)."""
    read, asked = store.read, []
    store.read = lambda sparql, bindings=None: asked.append(sparql) or read(sparql, bindings)
    return asked


@pytest.fixture(scope="session")
def hand_built_server(hand_built_data_dir):
    """The real service over the hand-built records, with writes enabled by ``WRITE_TOKEN``; yields its URL."""
    yield from _serve(hand_built_data_dir, CONFLICTKG_WRITE_TOKEN=WRITE_TOKEN)


def _serve(data_dir: Path, **env_settings: str):
    port = free_port()
    env = {**os.environ, "CONFLICTKG_DATA_DIR": str(data_dir), "CONFLICTKG_PORT": str(port), **env_settings}
    # stderr goes to a file, not a pipe: nobody reads a pipe while the server runs, and once its
    # buffer is full every thread that logs (waitress warns of queued requests) blocks for good.
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "api"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log, text=True
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(url + "/-/health", process, log=log)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)
