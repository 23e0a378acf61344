"""api/no_network.py: a confined thread cannot open Internet sockets, so the engine cannot fetch."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time

import pyoxigraph as ox
import pytest

from api.no_network import deny_network
from tests.trap import Trap


def in_confined_thread(action):
    """Run ``action()`` on a new thread after ``deny_network()``; return what it returned or raised."""
    outcome = {}

    def body():
        deny_network()
        try:
            outcome["value"] = action()
        except Exception as err:  # noqa: BLE001 (the outcome is what the test looks at)
            outcome["error"] = err

    thread = threading.Thread(target=body)
    thread.start()
    thread.join()
    return outcome


@pytest.mark.parametrize("family", [socket.AF_INET, socket.AF_INET6])
def test_a_confined_thread_cannot_open_an_internet_socket(family):
    outcome = in_confined_thread(lambda: socket.socket(family, socket.SOCK_STREAM))
    assert isinstance(outcome.get("error"), PermissionError)


def test_a_confined_thread_keeps_unix_sockets_and_other_threads_keep_the_network():
    outcome = in_confined_thread(lambda: len(socket.socketpair()))
    assert outcome == {"value": 2}
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as free:
        free.bind(("127.0.0.1", 0))


@pytest.mark.parametrize(
    "run",
    [
        lambda url: list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")),
        lambda url: ox.Store().update(f"LOAD <{url}>"),
    ],
    ids=["SERVICE", "LOAD"],
)
def test_the_engine_cannot_fetch_from_a_confined_thread(run):
    with Trap() as trap:
        outcome = in_confined_thread(lambda: run(trap.url))
        time.sleep(0.2)
        assert isinstance(outcome.get("error"), PermissionError)
        assert trap.contacts == 0


def test_an_unconfined_engine_does_fetch_so_the_trap_would_see_it():
    """The control: without the guard the same SERVICE call reaches the trap."""
    with Trap() as trap:
        with pytest.raises(OSError):
            list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{trap.url}> {{ ?s ?p ?o }} }}"))
        assert trap.wait_for_contact()


def test_a_query_worker_confines_itself_before_its_first_job():
    """The worker's own start-up (``_confine``) takes the network away from the whole process."""
    with Trap() as trap:
        script = (
            "import pyoxigraph as ox, sys\n"
            "from api.sparql_worker import _confine\n"
            "assert _confine(384, 10) is None\n"
            f"try:\n    list(ox.Store().query('SELECT * WHERE {{ SERVICE <{trap.url}> {{ ?s ?p ?o }} }}'))\n"
            "except PermissionError:\n    sys.exit(0)\n"
            "sys.exit(1)\n"
        )
        done = subprocess.run([sys.executable, "-c", script], timeout=60, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert trap.contacts == 0
