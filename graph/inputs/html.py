"""Saved or fetched HTML pages: the article's main text and its metadata, by trafilatura.

trafilatura is kept up to date, leads the published comparisons of main-text extractors
(ScrapingHub's article-extraction benchmark, Bevendorff et al. 2023), and reads the title,
author, site name and publication date (through htmldate: meta tags, JSON-LD, time elements,
the URL) in the same pass.
"""

from __future__ import annotations

from graph.inputs.dates import choose_published
from graph.inputs.record import Record
from graph.records import Article
from graph.sources import InputError

__all__ = ["article_from_html", "MIN_TEXT_CHARS"]

# Boxes sites put around articles, named alike across sites; pruned before extraction so that the
# fallbacks trafilatura tries on odd layouts (old table pages) do not pick them up.
# Never the page's or the article's own container, whatever its class says.
_BOXES = ("newsletter", "subscribe", "cookie", "consent", "share", "related", "comment", "advert", "promo",
          "sidebar", "breadcrumb")
PRUNE = " | ".join(f"//*[contains(concat(@class, ' ', @id), '{box}')]"
                   "[not(self::html or self::body or self::main or self::article)]" for box in _BOXES)
_AD_LABELS = {"advertisement", "advertising", "sponsored", "sponsored content", "ad"}  # a label alone, not text
MIN_TEXT_CHARS = 80  # less than a sentence or two: the page holds no article (an index, a login wall)


def article_from_html(html: str | bytes, record: Record) -> Article:
    """Read the main text, title, date, author and site name of a page; the record's values win over the page's.

    Raises:
        InputError: the page holds no article text.
    """
    import trafilatura

    found = trafilatura.bare_extraction(
        html, url=record.url, with_metadata=True, include_comments=False, include_tables=False, prune_xpath=PRUNE,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(found, "text", None) or "").strip()
    if len(body) < MIN_TEXT_CHARS:
        raise InputError(f"{record.where}: no article text found in the page")
    title = record.title or getattr(found, "title", None)
    paragraphs = [line.strip() for line in body.splitlines() if line.strip().lower() not in _AD_LABELS | {""}]
    if title:  # the headline heads the text, once, as in a text file (some layouts put it after the lead)
        paragraphs = [title.strip()] + [p for p in paragraphs if p != title.strip()]
    text = "\n\n".join(paragraphs) + "\n"
    return Article(
        id=record.id, text=text, title=title, path=record.url or record.where,
        published=choose_published(record.published, getattr(found, "date", None)),
        source=record.source or getattr(found, "sitename", None) or getattr(found, "hostname", None),
        author=record.author or getattr(found, "author", None),
    )
