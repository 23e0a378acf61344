"""Fuzzed extraction: whatever the text, no exception escapes and the output keeps the contract."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.records import Article

CONFLICT_WORDS = ["killed", "militants", "attacked", "Aleppo", "airstrike", "police", "protesters", "IS", "\u00a0",
                  "\n\n", "Tuesday", "dozens", "army", "rebels", "seized", "Kabul", "said", "300"]


def check(extraction, contract) -> None:
    """Assert the extraction matches the JSON contract and every offset points into the text."""
    data = extraction.to_json()
    errors = sorted(contract.iter_errors(data), key=str)
    assert not errors, errors[0].message
    text = data["document"]["text"]
    for event in data["events"]:
        assert text[event["start"]:event["end"]] == event["evidence"]
    for entity in data["actors"] + data["locations"]:
        for mention in entity.get("mentions", []):
            assert text[mention["start"]:mention["end"]] == mention["text"]


words_and_noise = st.lists(
    st.one_of(st.sampled_from(CONFLICT_WORDS), st.text(min_size=1, max_size=12)), max_size=60
).map(" ".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=400), words_and_noise))
def test_random_text_keeps_the_contract(extractor, contract, text):
    check(extractor.extract(Article(id="fuzz", text=text, published=dt.date(2024, 3, 5))), contract)


@pytest.mark.parametrize(
    "name,text",
    [
        ("empty", ""),
        ("whitespace only", " \n\t\u00a0\u2003\n\n "),
        ("control characters", "Rebels\x00 attacked\x07 the\x1b[31m town\x0c of Idlib\x7f, killing 3."),
        ("right to left", "قتل ثلاثة أشخاص في غارة جوية على حلب. Militants attacked Aleppo."),
        ("mixed scripts", "Армия атаковала Бахмут. Ukrainian forces shelled Donetsk, killing 12 people 今日."),
        ("html page", "<html><head><script>alert(1)</script></head><body><p>Police fired tear gas at "
                      "<b>protesters</b> in Nairobi on Monday.</p></body></html>"),
        ("lone surrogate-free emoji", "💣💣 Militants 🔥 attacked a checkpoint near Mogadishu 🙏"),
        ("no dates no places", "It rained."),
        ("numbers only", "1 2 3 4 5 6 7 8 9 10 1,000,000 3.14 -7"),
        ("very long sentence", " and ".join(["gunmen attacked a village in Borno"] * 400) + "."),
    ],
)
def test_hostile_text_keeps_the_contract(extractor, contract, name, text):
    check(extractor.extract(Article(id=name, text=text, published=dt.date(2024, 3, 5))), contract)


def test_missing_publication_date_keeps_the_contract(extractor, contract):
    text = "Government troops recaptured the town from rebels last week, killing at least 14 fighters."
    check(extractor.extract(Article(id="undated", text=text)), contract)


@pytest.mark.slow
def test_five_megabyte_document_keeps_the_contract(extractor, contract):
    paragraph = ("Armed men attacked a convoy near Gao on Sunday, killing at least seven soldiers, "
                 "the army said in a statement.\n\n")
    text = paragraph * (5_000_000 // len(paragraph) + 1)
    assert len(text.encode()) >= 5_000_000
    check(extractor.extract(Article(id="huge", text=text, published=dt.date(2024, 3, 5))), contract)
