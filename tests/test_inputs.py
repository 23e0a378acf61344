"""Ingest's inputs read offline: text of any extension, saved pages, JSONL and CSV batches, with their metadata."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

import pytest

from graph.inputs import Reader
from graph.inputs.dates import choose_published
from graph.records import Article
from graph.sources import InputError
from graph.store import Store
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "inputs"


def read(*names: str, published: str | None = None) -> tuple[list[Article], list[str], Reader]:
    """Read ``names`` (under tests/data/inputs unless absolute or a link) with a reader that fetches nothing."""
    reader = Reader(published=published)
    items = list(reader.articles([n if n.startswith(("/", "http")) else str(DATA / n) for n in names]))
    return ([i for i in items if isinstance(i, Article)], [str(i) for i in items if isinstance(i, InputError)],
            reader)


def test_markdown_file_is_an_article_left_for_the_extractor_to_date():
    (article,), errors, _ = read("kidal.md")
    assert errors == []
    assert article.title == "Clashes near Kidal"
    assert article.published is None  # no date given, no metadata: the extractor reads the dateline


def test_given_date_wins_over_the_dateline_and_the_page():
    (text,), _, _ = read("kidal.md", published=dt.date(2019, 3, 10))
    (page,), _, _ = read("marib.html", published=dt.date(2020, 2, 2))
    assert (text.published, page.published) == (dt.date(2019, 3, 10), dt.date(2020, 2, 2))


def test_saved_page_gives_main_text_and_metadata_without_navigation():
    (article,), errors, _ = read("marib.html")
    assert errors == []
    assert article.title == "Shelling near Marib kills 12"
    assert (article.published, article.author, article.source) == (dt.date(2020, 1, 20), "Sara Ali", "Yemen Monitor")
    assert "Houthi forces shelled government troops near Marib" in article.text
    assert "continued into the night" in article.text
    for chrome in ("Subscribe now", "Football results", "Privacy policy", "All rights reserved", "Politics"):
        assert chrome not in article.text


def test_page_with_no_article_is_a_one_line_error():
    articles, errors, _ = read("index.html")
    assert articles == []
    assert errors == [f"{DATA / 'index.html'}: no article text found in the page"]


def test_jsonl_batch_reports_each_bad_line_and_reads_the_rest():
    articles, errors, _ = read("batch.jsonl")
    assert [a.id for a in articles] == ["kunduz-1"]
    kunduz = articles[0]
    assert (kunduz.published, kunduz.source, kunduz.title) == (dt.date(2016, 10, 3), "Wire", "Ambush near Kunduz")
    assert kunduz.path == "https://news.example.org/kunduz"
    where = DATA / "batch.jsonl"
    assert errors == [
        f"{where}:2: needs 'text', 'html' or 'url'",
        f"{where}:3: not JSON (Expecting value: line 1 column 1 (char 0))",
        f"{where}:4: 'published' must be a date YYYY-MM-DD, got '2016-13-40'",
    ]


def test_csv_batch_reads_rows_with_their_metadata():
    articles, errors, _ = read("batch.csv")
    assert [(a.id, a.title, a.source, a.published) for a in articles] == [
        ("mog-1", "Attack near Mogadishu", "Somali Wire", dt.date(2017, 6, 14))]
    assert errors == [f"{DATA / 'batch.csv'}:3: needs 'text', 'html' or 'url'"]


def test_csv_with_a_missing_column_is_one_error():
    articles, errors, _ = read("no_text_column.csv")
    assert articles == []
    assert len(errors) == 1
    assert "missing column: needs 'text', 'html' or 'url' (columns: id, body, published)" in errors[0]


def test_folder_reads_every_kind_and_names_what_it_skips(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(DATA, folder)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / ".hidden.txt").write_text("Not read.", encoding="utf-8")
    articles, _, reader = read(str(folder))
    assert sorted(a.id for a in articles) == ["kidal", "kunduz-1", "marib", "mog-1"]
    assert reader.skipped == [f"{folder / 'photo.jpg'}: skipped, not an article file (.jpg; ingest reads "
                              ".txt, .text, .md, .markdown, .rst, .org, .adoc, .asciidoc, .html, .htm, .xhtml, "
                              ".jsonl, .ndjson, .csv, .rss, .atom, .xml)"]


def test_links_are_refused_when_the_reader_may_not_fetch():
    articles, errors, _ = read("https://news.example.org/a")
    assert articles == [] and errors == ["https://news.example.org/a: fetching links is off here"]


@pytest.mark.parametrize(("given", "metadata", "expected"), [
    (dt.date(2020, 1, 1), "2019-05-05T10:00:00Z", dt.date(2020, 1, 1)),
    (None, "2019-05-05T10:00:00Z", dt.date(2019, 5, 5)),
    (None, "2019-05-05", dt.date(2019, 5, 5)),
    (None, "not a date", None),
    (None, "2019-02-30", None),
    (None, None, None),
])
def test_publication_date_precedence(given, metadata, expected):
    assert choose_published(given, metadata) == expected


def test_cli_ingests_a_mixed_folder_and_keeps_each_documents_metadata(tmp_path):
    data_dir = tmp_path / "data"
    done = subprocess.run([sys.executable, "-m", "graph", "ingest", str(DATA), "--data-dir", str(data_dir),
                           "--workers", "0", "--quiet"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "ingested 4 documents" in done.stderr and "Traceback" not in done.stderr
    # 3 JSONL lines, 1 CSV row, the page with no article, the CSV with no text column
    assert sum(line.startswith("error: ") for line in done.stderr.splitlines()) == 6
    store = Store(str(data_dir))
    rows = store.select("""PREFIX schema: <https://schema.org/> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?title ?published ?publisher ?author ?url ?primary ?hash WHERE {
          ?d schema:headline ?title ; schema:datePublished ?published ; schema:sha256 ?hash .
          OPTIONAL { ?d schema:publisher ?publisher } OPTIONAL { ?d schema:author ?author }
          OPTIONAL { ?d schema:url ?url } OPTIONAL { ?d prov:hadPrimarySource ?primary } } ORDER BY ?title""")
    store.close()
    found = {r["title"]: r for r in rows}
    assert set(found) == {"Clashes near Kidal", "Shelling near Marib kills 12", "Ambush near Kunduz",
                          "Attack near Mogadishu"}
    marib = found["Shelling near Marib kills 12"]
    assert (str(marib["published"]), marib["publisher"], marib["author"]) == ("2020-01-20", "Yemen Monitor", "Sara Ali")
    kunduz = found["Ambush near Kunduz"]
    assert str(kunduz["url"]) == str(kunduz["primary"]) == "https://news.example.org/kunduz"
    assert str(found["Clashes near Kidal"]["published"]) == "2019-03-04"
    assert all(len(str(r["hash"])) == 64 for r in rows)


def test_cli_exits_non_zero_when_a_folder_holds_no_article(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4")
    done = subprocess.run([sys.executable, "-m", "graph", "ingest", str(tmp_path / "in"), "--data-dir",
                           str(tmp_path / "data"), "--workers", "0"], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    assert done.returncode == 1
    assert "scan.pdf: skipped, not an article file (.pdf;" in done.stderr
    assert "error: nothing to ingest" in done.stderr and "Traceback" not in done.stderr
