"""The production server (api/server.py): what ``serve`` sets up before it answers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Serves a tiny WSGI app on a free port; a thread prints how many objects the collector has frozen, then exits.
_SERVE_AND_REPORT = """
import gc, os, threading, time
from api.server import serve
from graph.config import load_settings

def report():
    time.sleep(1)
    print(gc.get_freeze_count(), flush=True)
    os._exit(0)

threading.Thread(target=report, daemon=True).start()
serve(lambda environ, start_response: [], load_settings({"host": "127.0.0.1", "port": 0, "threads": 1}, environ={}))
"""


def test_serve_freezes_the_objects_made_at_start():
    """The modules and objects made before serving are out of the collector's reach (gc.freeze)."""
    done = subprocess.run([sys.executable, "-c", _SERVE_AND_REPORT], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) > 10_000  # the imported modules alone (waitress, flask...) hold more


# In a process that froze what it made at start, as serve() does, the first ingest's model is frozen when it loads.
_LOAD_MODEL_AND_REPORT = """
import gc, sys
from api import create_app
from api.ingest import extractor

app = create_app({"data_dir": sys.argv[1]})
gc.freeze()
before = gc.get_freeze_count()
extractor(app)
print(gc.get_freeze_count() - before, flush=True)
"""


def test_the_model_a_served_process_loads_is_frozen_too(tmp_path):
    """A server's long-lived objects are all out of the collector's reach, so graph.ingest sets nothing aside."""
    done = subprocess.run([sys.executable, "-c", _LOAD_MODEL_AND_REPORT, str(tmp_path / "store")], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip().splitlines()[-1]) > 20_000  # spaCy's pipeline and our lexicons (some 66,000)


# Holds 1,100 open files (a store's files, a test run's leftovers), then serves: the server's own sockets are
# numbered past 1023, where select() cannot watch them. A thread asks for a page and prints its status.
_SERVE_PAST_1023_FILES = """
import os, threading, urllib.request
from api.server import make_server

def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]

held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
server = make_server(app, "127.0.0.1", 0, 1, 65536)

def ask():
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.effective_port}/", timeout=20) as answer:
            print(answer.status, flush=True)
    finally:
        os._exit(0)

threading.Thread(target=ask, daemon=True).start()
server.run()
"""


def test_the_server_answers_with_sockets_numbered_past_1023():
    """The server watches its sockets with poll(), which takes any file number, not select()."""
    done = subprocess.run([sys.executable, "-c", _SERVE_PAST_1023_FILES], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "200"
