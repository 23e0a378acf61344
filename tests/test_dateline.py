"""The publication date read from an article's header when none is given (graph/extract/parse/dateline.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.parse.dateline import find_dateline, with_published
from graph.records import Article

BODY = "Gunmen attacked a village on Tuesday and killed four people, officials said in a statement.\n"


@pytest.mark.parametrize(
    ("text", "date", "how"),
    [
        ("Headline over the story\n\n3 min read\n31 July, 2018\n\n" + BODY, "2018-07-31", "date line"),
        ("Headline\nJul 31, 2018\n" + BODY, "2018-07-31", "date line"),
        ("Headline\n2018-07-31\n" + BODY, "2018-07-31", "date line"),
        ("Headline\n2019/11/05\n" + BODY, "2019-11-05", "date line"),
        ("Headline\nSunday December 4, 2022\n\n" + BODY, "2022-12-04", "date line"),
        ("Headline\nFriday, September 2, 2022\n" + BODY, "2022-09-02", "date line"),
        ("Headline\nPublished Mar 4, 2022 9:17 am\n" + BODY, "2022-03-04", "date line"),
        ("Headline\nOctober 9, 2023 Hour: 08:41 am\n" + BODY, "2023-10-09", "date line"),
        ("Weekly update\n\nMay 20, 2020 | Regional actors\n\n" + BODY, "2020-05-20", "date line"),
        ("MOGADISHU, July 31 (Reuters) - " + BODY + "The group has fought the government since 2018.", "2018-07-31",
         "dateline"),
        ("KABUL, Afghanistan, Aug. 3, 2021 (AP) -- " + BODY, "2021-08-03", "dateline"),
        ("BAMAKO, 12 March 2019 - " + BODY, "2019-03-12", "dateline"),
    ],
)
def test_header_date_is_found(text, date, how):
    found = find_dateline(text)
    assert found is not None
    assert (found.date.isoformat(), found.how) == (date, how)


@pytest.mark.parametrize(
    "text",
    [
        BODY,  # no header date at all
        "Headline\n" + "On 18 May 2020, fighters loyal to the government entered the town after a long siege.\n",
        "13 May - 19 May: forces take over an airbase\n" + BODY,  # a range without a year
        "MOGADISHU, July 31 (Reuters) - " + BODY,  # a dateline without a year, and no year in the text
        "Headline\n" + "x" * 1600 + "\n31 July, 2018\n",  # below the header block
    ],
)
def test_no_header_date(text):
    assert find_dateline(text) is None


def test_given_date_is_kept():
    article = Article(id="a", text="Headline\n31 July, 2018\n" + BODY, published=dt.date(2018, 8, 2))
    assert with_published(article) == article


def test_missing_date_is_read_and_recorded():
    article = with_published(Article(id="a", text="Headline\n31 July, 2018\n" + BODY))
    assert (article.published, article.published_from) == (dt.date(2018, 7, 31), "date line")


def test_sentence_with_place_and_date_is_no_dateline():
    assert find_dateline("In Mogadishu, July 31 was calm - officials said, as in 2018.") is None


def test_extraction_without_date_is_dated_from_its_header():
    from graph.extract.pipeline import Extractor

    text = ("Militants kill four in northern town\n\n31 July, 2018\n\n"
            "Militants killed four villagers in an attack on the town of Kidal on Tuesday, officials said.\n")
    extraction = Extractor().extract(Article(id="undated", text=text))
    assert extraction.document.published == dt.date(2018, 7, 31)
    assert extraction.document.published_from == "date line"
    assert "2018-07-31" in {event.date for event in extraction.events}
