"""Reading articles at the boundary: the one date check, valid Unicode, JSON Lines with bad lines, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.records import Article
from graph.sources import InputError, check_text, parse_published, read_jsonl

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("text", "day"), [("2018-07-31", dt.date(2018, 7, 31)), ("2024-02-29", dt.date(2024, 2, 29))])
def test_published_reads_a_real_day(text, day):
    assert parse_published(text) == day


@pytest.mark.parametrize("value", ["2020-99-01", "2021-02-30", "2023-02-29", "8 June 2021", "20180731",
                                   "2018-07-31T10:00", " 2018-07-31", "", 2018, None])
def test_published_rejects_what_is_not_a_day(value):
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_published(value)


def test_lone_surrogate_is_not_text():
    assert check_text("text", "Kano, Nigeria \u00e9") == "Kano, Nigeria \u00e9"
    with pytest.raises(InputError, match=r"'text' is not valid Unicode: lone surrogate '\\ud800' at character 3"):
        check_text("text", "bad\ud800")


LINES = [
    '{"id": "a", "text": "Gunmen killed 5 people in Kano on Monday.", "published": "2020-01-02"}',
    '{"id": "b", "text": "bad \\ud800 text", "published": "2020-01-02"}',
    '{"id": "c", "text": "Troops killed 3 militants in Borno.", "published": "2020-99-01"}',
    '{"id": "d", "text": "Troops killed 3 militants in Borno.", "published": null}',
    '{"id": "e", "text": "ok", "title": "\\udfff"}',
    '{"id": "f", "text": "ok", "published": 20200103}',
    '{"id": "g", "text": "Troops killed 3 militants in Borno.", "published": "2020-01-03"}',
]


def test_jsonl_bad_lines_are_their_own_errors(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    items = list(read_jsonl(str(path)))
    assert [item.id for item in items if isinstance(item, Article)] == ["a", "d", "g"]
    days = [item.published for item in items if isinstance(item, Article)]
    assert days == [dt.date(2020, 1, 2), None, dt.date(2020, 1, 3)]
    errors = [str(item) for item in items if isinstance(item, InputError)]
    assert [e.split(": ", 1)[0] for e in errors] == [f"{path}:{n}" for n in (2, 3, 5, 6)]
    assert "lone surrogate" in errors[0] and "'2020-99-01'" in errors[1]
    assert "'title'" in errors[2] and "YYYY-MM-DD" in errors[3]


@pytest.mark.slow
def test_cli_jsonl_answers_the_good_lines_and_names_the_bad_ones(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "graph", "extract", "--jsonl", str(path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["document"]["id"] for line in done.stdout.splitlines()] == ["a", "d", "g"]
    errors = done.stderr.splitlines()
    assert len(errors) == 4 and all(line.startswith("error: ") for line in errors), done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_cli_refuses_a_published_date_that_is_not_a_day(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Troops killed 3 militants in Borno.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "graph", "extract", str(article), "--published", "2020-99-01"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 2
    assert "'published' must be a date YYYY-MM-DD, got '2020-99-01'" in done.stderr
    assert "Traceback" not in done.stderr and not done.stdout


def test_an_article_refuses_a_date_left_as_text():
    with pytest.raises(TypeError, match="parse_published"):
        Article(id="a", text="Troops killed 3 militants in Borno.", published="2020-01-02")  # type: ignore[arg-type]
