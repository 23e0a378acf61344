"""Logging is configured once, by the entry points: one stderr line per record."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from graph.logs import configure_logging

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root_logger():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    root.handlers[:], root.level = handlers, level


def test_configuring_twice_keeps_one_handler(root_logger):
    configure_logging()
    configure_logging(logging.ERROR)
    ours = [h for h in root_logger.handlers if h.get_name() == "conflictkg-stderr"]
    assert len(ours) == 1
    assert root_logger.level == logging.ERROR


def test_the_cli_sets_up_one_line_warnings():
    code = ("import logging; from graph.cli import main; main(['extract']); "
            "logging.getLogger('graph.test').info('hidden'); logging.getLogger('graph.test').warning('cut at %d', 5)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    expected = ["error: give either FILE... or --jsonl IN.jsonl", "WARNING: graph.test: cut at 5"]
    assert done.stderr.splitlines() == expected
