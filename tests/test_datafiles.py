"""Data files of graph/data/: each opens with a header that says where its entries come from."""

from __future__ import annotations

import re

import pytest

from graph.datafiles import DATA, read_rows, read_words

FILES = sorted(p for p in DATA.rglob("*") if p.suffix in {".tsv", ".txt"})


def test_the_data_folder_holds_the_vocabularies():
    names = {p.name for p in FILES}
    assert {"actors.tsv", "org_heads.tsv", "person_titles.txt", "people_nouns.txt", "triggers.tsv"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_header_names_the_source(path):
    with open(path, encoding="utf-8") as f:
        header = []
        for line in f:
            if not line.startswith("#"):
                break
            header.append(line)
    assert len(header) >= 2, f"{path.name}: no header"
    says_where = re.search(r"\bsources?\b|\bfrom\b|\bcompiled\b", "".join(header), re.IGNORECASE)
    assert says_where, f"{path.name}: header names no source"


def test_readers_skip_the_header():
    assert "#" not in "".join(read_words("events", "people_nouns.txt"))
    assert {"villager", "soldier", "hostage"} <= read_words("events", "people_nouns.txt")
    rows = read_rows("actors", "org_heads.tsv")
    assert rows and set(rows[0]) == {"kind", "word"}
    assert {row["kind"] for row in rows} == {"place", "armed_group", "monitor", "media", "government", "organization"}
