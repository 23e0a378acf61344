"""tools/dev_overlap.py: repo lines that share a run of words with the dev sets, on a made-up repo and dev folder."""

from __future__ import annotations

import json
import subprocess

import pytest

from tools.dev_overlap import main

DEV_NOTE = "Gunmen from the Red Hill Brigade burned four granaries in Lower Tamsin village on Tuesday night."


@pytest.fixture
def folders(tmp_path):
    """A fake dev folder (one JSON-lines set) and a fake repo with an allow-list and a seed article."""
    evals = tmp_path / "eval"
    evals.mkdir()
    record = {"id": "x-1", "notes": DEV_NOTE, "interaction": "Rebel group versus civilians", "fatalities": 0}
    (evals / "fake_dev.jsonl").write_text(json.dumps(record) + "\n")
    repo = tmp_path / "repo"
    (repo / "tests").mkdir(parents=True)
    (repo / "seeds").mkdir()
    (repo / "seeds" / "seed.txt").write_text("Rebels burned four granaries in Lower Tamsin village this week.\n")
    allow = repo / "allow.txt"
    allow.write_text("# names\nthe Red Hill Brigade\n")
    return evals, repo, allow


def run(folders, n, capsys):
    evals, repo, allow = folders
    code = main(["--eval", str(evals), "-n", str(n), "--root", str(repo), "--allow", str(allow)])
    return code, capsys.readouterr().out.splitlines()


def test_a_quoted_dev_sentence_is_reported_with_its_line_and_exit_1(folders, capsys):
    _, repo, _ = folders
    case = 'CASE = "Later, four granaries in Lower Tamsin village on Tuesday night burned."'
    (repo / "tests" / "test_x.py").write_text(f'"""Cases."""\n{case}\n')
    code, lines = run(folders, 6, capsys)
    assert code == 1
    # "four granaries in lower tamsin village" is also the seed's: the first n-gram reported is the next one
    assert lines[0] == "tests/test_x.py:2: granaries in lower tamsin village on  [fake_dev.jsonl]"
    assert lines[-1] == "dev_overlap n=6: 1 repo lines share 6 words with the dev sets"


def test_own_sentences_allowed_names_field_names_and_seed_text_are_not_reported(folders, capsys):
    _, repo, _ = folders
    (repo / "tests" / "test_x.py").write_text(
        "# Gunmen from the Red Hill Brigade raided a depot\n"  # an allowed name, then other words
        "# Rebels burned four granaries in Lower Tamsin village\n"  # the seed's words
        '{"id": "x-2", "notes": "Soldiers repelled an attack on the Tamsin camp."}\n')  # a field name is no text
    code, lines = run(folders, 4, capsys)
    assert (code, lines) == (0, ["dev_overlap n=4: 0 repo lines share 4 words with the dev sets"])


def test_a_shorter_run_than_n_is_not_reported(folders, capsys):
    _, repo, _ = folders
    (repo / "notes.md").write_text("That was on Tuesday night.\n")
    assert run(folders, 4, capsys)[0] == 0
    assert run(folders, 3, capsys)[0] == 1


def test_a_missing_dev_folder_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["--eval", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err == f"dev_overlap: no such folder: {tmp_path / 'nowhere'}\n"


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *args], check=True,
                   capture_output=True)


@pytest.fixture
def named(tmp_path):
    """A fake dev folder (notes naming a rare village, a rare noun and a country) and a git repo at one commit."""
    evals = tmp_path / "eval"
    evals.mkdir()
    notes = [f"Troops from Kenya shelled Lower Tamsin; a zinegram counted {n} dead." if n == 1
             else f"Troops from Kenya shelled a camp near Orvek and {n} died." for n in range(1, 6)]
    rows = [json.dumps({"id": f"x-{n}", "notes": note}) for n, note in enumerate(notes, 1)]
    (evals / "fake_dev.jsonl").write_text("\n".join(rows) + "\n")
    (evals / "seed_gold.json").write_text(json.dumps({"about": "Gold of the seed, read in Zubrava."}))
    repo = tmp_path / "repo"
    (repo / "tests").mkdir(parents=True)
    (repo / "tests" / "test_x.py").write_text('"""Cases."""\nOLD = "Tamsin"\n')
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")
    return evals, repo


@pytest.mark.parametrize(("line", "report"), [
    ('CASE = "Rebels raided Tamsin, said the zinegram."',
     "tests/test_x.py:3: Tamsin [x-1]; zinegram [x-1]"),
    ('CASE = "TAMSIN, then Tamsin again"', "tests/test_x.py:3: TAMSIN [x-1]"),  # once a line, first spelling
    ('CASE = "A raid near Orvek."', None),  # a name in 4 dev texts is a general one
    ('CASE = "Soldiers from Kenya shelled the village in Zubrava."', None),  # many texts, common words, own gold
])
def test_names_mode_prints_the_rare_dev_words_of_added_lines(named, capsys, line, report):
    evals, repo = named
    (repo / "tests" / "test_x.py").write_text(f'"""Cases."""\nOLD = "Tamsin"\n{line}\n')
    (repo / "seeds").mkdir()
    (repo / "seeds" / "s.txt").write_text("Tamsin and Lower Tamsin, zinegram.\n")  # outside the scanned folders
    code = main(["--eval", str(evals), "--names", "--since", "HEAD", "--root", str(repo)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[:-1] == ([report] if report else [])
    assert lines[-1] == f"dev_names since=HEAD: {1 if report else 0} lines name rare dev words"
    assert code == (1 if report else 0)


def test_names_mode_with_an_unknown_revision_is_one_line_and_exit_2(named, capsys):
    evals, repo = named
    assert main(["--eval", str(evals), "--names", "--since", "nosuchrev", "--root", str(repo)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dev_overlap: git diff nosuchrev failed: ") and err.count("\n") == 1
