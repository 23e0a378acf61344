"""The 100-page target: main text recovered (>= 0.95, no chrome) and the date right on >= 0.95 of dated pages."""

from __future__ import annotations

from graph.inputs.html import article_from_html
from graph.inputs.record import Record
from tests.page_corpus import BOILERPLATE, LAYOUTS, SavedPage, pages


def recovered(page: SavedPage, text: str) -> float:
    """Share of the article's paragraphs found whole (whitespace aside) in the extracted text."""
    flat = " ".join(text.split())
    return sum(" ".join(p.split()) in flat for p in page.paragraphs) / len(page.paragraphs)


def test_hundred_saved_pages_give_their_text_without_chrome_and_their_date():
    corpus = pages(100)
    assert len(corpus) == 100 and len({p.layout for p in corpus}) == len(LAYOUTS)
    recall, leaks, dated, right, undated_guessed = [], [], 0, 0, 0
    for page in corpus:
        article = article_from_html(page.html, Record(id=page.name, where=page.name))
        recall.append(recovered(page, article.text))
        body = article.text.replace(page.title, "")
        leaks += [(page.name, page.layout, chrome) for chrome in BOILERPLATE
                  if chrome in body and not any(chrome in p for p in page.paragraphs)]  # "Business" may be news
        if page.published:
            dated += 1
            right += article.published == page.published
        else:
            undated_guessed += article.published is not None
    print(f"\nPAGES n=100 layouts={len(LAYOUTS)} text_recall_mean={sum(recall) / 100:.3f} "
          f"text_recall_min={min(recall):.3f} pages_with_chrome={len({n for n, _, _ in leaks})} "
          f"date_right={right}/{dated} undated_given_a_date={undated_guessed}/{100 - dated}")
    assert min(recall) >= 0.95
    assert leaks == []
    assert right / dated >= 0.95
