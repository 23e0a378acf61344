"""The whole extraction: offsets into the original text, sentence boundaries, bad input, long texts, contract."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.extract import pipeline
from graph.extract.parse.clean import clean_text, looks_like_english, looks_like_html
from graph.extract.pipeline import Extractor, split_chunks
from graph.records import Article, Extraction

ROOT = Path(__file__).resolve().parent.parent

STORY = (
    "Gunmen kill 12 in Nigeria\n"
    "Gunmen killed 12 villagers in an attack on a village in Zamfara state on Monday, police said.\n\n"
    "Nigerian troops later clashed with the attackers, the army said.\u00a0 Three soldiers died.\n"
)


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\u00a0b", "a b"),
        ("x\u2019s", "x's"),
        ("line\r\nnext", "line\n\nnext"),
        ("zero\u200bwidth", "zero width"),
        ("bell\x07", "bell "),
        ("Kano\x92s \x93old\x94 market \x96 east", "Kano's \"old\" market - east"),  # Windows-1252 read as Latin-1
    ],
)
def test_cleaning_keeps_length(raw, expected):
    cleaned = clean_text(raw)
    assert cleaned == expected
    assert len(cleaned) == len(raw)


@pytest.mark.parametrize(
    ("text", "html", "english"),
    [
        ("<html><body><div><p>Shelling in Idlib</p></div></body></html>", True, True),
        ("Les forces armées ont bombardé la ville hier soir selon des témoins sur place.", False, False),
        ("Суд приговорил троих обвиняемых к длительным срокам заключения в колонии.", False, False),
        ("Clashes erupted in Tripoli on Friday between rival militias, residents said.", False, True),
    ],
)
def test_input_sniffing(text, html, english):
    assert looks_like_html(text) is html
    assert looks_like_english(text) is english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Gunmen attacked an army checkpoint near Bama, Nigeria, killing two soldiers.", True),
        ("Rebels shelled a market town on Sunday; several traders died.", True),
        ("Unknown gunmen on motorbikes shot a trader dead in a village market.", True),
        ("Police fired tear gas at students marching against fee increases.", True),
        ("Des hommes armés ont attaqué un poste de l'armée près de la ville, tuant deux soldats.", False),
        ("Hombres armados atacaron un puesto del ejército cerca de la ciudad y mataron a dos soldados.", False),
        ("Homens armados atacaram um posto do exército perto da cidade e mataram dois soldados.", False),
        ("Uomini armati hanno attaccato un posto dell'esercito vicino alla città, uccidendo due soldati.", False),
        ("Bewaffnete griffen einen Armeeposten bei der Stadt an und töteten zwei Soldaten.", False),
        ("Gewapende mannen vielen een legerpost aan bij de stad en doodden twee soldaten.", False),
        ("هاجم مسلحون نقطة تفتيش للجيش قرب المدينة وقتلوا جنديين اثنين", False),
        ("qzx vbnm plokij wertyu asdfg hjkl zxcvb mnbvc lkjhg poiuy", False),
    ],
)
def test_short_notes_are_told_by_their_function_words(text, english):
    assert looks_like_english(text) is english


@pytest.mark.parametrize("size", [7, 20, 64])
def test_chunks_join_back_to_the_text(size):
    text = "First line here.\nSecond one. Third sentence here.\n" * 5
    chunks = split_chunks(text, size)
    assert "".join(chunks) == text
    assert all(len(c) <= size for c in chunks)


def test_offsets_point_into_the_original_text(extractor):
    result = extractor.extract(Article(id="t1", text=STORY, published=dt.date(2024, 3, 5)))
    assert result.actors and result.events
    for actor in result.actors:
        for mention in actor.mentions:
            assert STORY[mention.start : mention.end] == mention.text
    for event in result.events:
        assert STORY[event.start : event.end] == event.evidence
        assert event.id == f"event/t1-{event.start}" or event.id.startswith("event/t1-")


def test_mention_text_is_verbatim_even_with_odd_spaces(extractor):
    text = "Nigerian troops fought Boko\u00a0Haram near Maiduguri on Sunday.\u00a0 The army said 5 died."
    result = extractor.extract(Article(id="nbsp", text=text, published=dt.date(2024, 3, 5)))
    mentions = [m for a in result.actors for m in a.mentions] + [m for p in result.locations for m in p.mentions]
    assert any("\u00a0" in m.text for m in mentions)
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_title_line_is_its_own_sentence(extractor):
    doc = extractor.nlp(clean_text(STORY))
    first = next(iter(doc.sents))
    assert first.text.strip() == "Gunmen kill 12 in Nigeria"


def test_long_text_is_parsed_in_chunks(extractor, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 120)
    text = STORY * 3
    assert len(split_chunks(clean_text(text))) > 3
    result = extractor.extract(Article(id="long", text=text, published=dt.date(2024, 3, 5)))
    mentions = [m for a in result.actors for m in a.mentions]
    assert any(m.start > 2 * len(STORY) for m in mentions)
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "<html><head></head><body><div><p>x</p><p>y</p></div></body></html>",
     "Die Regierung hat am Montag neue Maßnahmen gegen die Inflation angekündigt und die Steuern gesenkt."],
)
def test_bad_input_gives_an_empty_result(extractor, text):
    result = extractor.extract(Article(id="bad", text=text))
    assert (result.actors, result.locations, result.events) == ((), (), ())


def test_batch_keeps_order_and_survives_a_bad_record(extractor):
    articles = [Article(id="a", text=STORY), Article(id="b", text=""), Article(id="c", text="IS fighters attacked.")]
    results = list(extractor.extract_many(articles))
    assert [r.document.id for r in results] == ["a", "b", "c"]
    assert results[0].actors and not results[1].actors


def test_json_round_trip(extractor):
    result = extractor.extract(Article(id="rt", text=STORY, published=dt.date(2024, 3, 5)))
    data = json.loads(json.dumps(result.to_json()))
    assert Extraction.from_json(data) == result


@pytest.mark.slow
def test_cli_extract_on_a_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "graph", "extract", str(path), "--published", "2024-03-05"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    data = json.loads(out.stdout)
    kinds = {a["name"]: a["kind"] for a in data["actors"]}
    assert kinds.get("Military Forces of Nigeria") == "state_forces"
    assert all(e["date"] <= "2024-03-05" for e in data["events"] if e["date"])


@pytest.mark.slow
def test_only_the_first_million_characters_are_read(extractor, caplog):
    from graph.extract.pipeline import MAX_ARTICLE_CHARS

    line = "Nothing happened in the market today.\n"
    filler = line * (MAX_ARTICLE_CHARS // len(line) + 10)
    text = filler + "Gunmen killed 5 villagers in Borno on Monday.\n"
    result = extractor.extract(Article(id="long", text=text, published=dt.date(2024, 3, 5)))
    assert "only the first" in caplog.text
    assert all(event.end <= MAX_ARTICLE_CHARS for event in result.events)
    assert not any("Borno" in event.evidence for event in result.events)


# Modules every stage may read: the records and shared vocabulary that stages hand on, not stages.
_SHARED = {"parse/sentences.py", "parse/columns.py", "actors/table.py", "places/locations.py", "countries.py",
           "datafiles.py"}


def test_read_doc_enters_each_stage_once(extractor):
    article = Article(id="story", text=STORY, published=dt.date(2024, 3, 5))
    doc = extractor.nlp(clean_text(STORY))
    extractor.extract(article)  # load the cached vocabularies first, so only the reading is traced
    root = str(ROOT / "graph" / "extract") + "/"
    stages: list[str] = []

    def follow(frame, event, _arg):
        path = frame.f_code.co_filename
        if event == "call" and path.startswith(root):
            module = path[len(root) :]
            stage = module.split("/")[0] if "/" in module else module
            if module not in _SHARED and (not stages or stages[-1] != stage):
                stages.append(stage)

    sys.setprofile(follow)
    try:
        extraction = pipeline.read_doc(article, doc)
    finally:
        sys.setprofile(None)
    assert extraction.events and extraction.actors and extraction.locations
    assert stages == ["pipeline.py", "places", "actors", "events"]
