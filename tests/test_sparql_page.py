"""The SPARQL editor's display in headless Chromium: clean result tables and a link per query."""

from __future__ import annotations

import pytest

from tests.conftest import _serve, write_data_dir
from tests.rest_records import extractions

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real service over the hand-built records; yields its URL."""
    yield from _serve(write_data_dir(tmp_path_factory.mktemp("sparql-page"), extractions()))


def run_example(seen, name: str) -> None:
    seen.page.click(f"#examples button:text-is('{name}')")
    seen.page.wait_for_selector(".yasr table tbody tr", timeout=20_000)


def test_row_numbers_stand_apart_and_literals_show_their_value(server, offline_page):
    seen = offline_page(server, "/sparql")
    run_example(seen, "Actors by kind")
    first = seen.page.evaluate("""() => {
        const cells = [...document.querySelectorAll('.yasr table tbody tr:first-child td')];
        const number = cells[0].querySelector('.rowNumber').getBoundingClientRect();
        const value = cells[1].querySelector('span').getBoundingClientRect();
        return {texts: cells.map(c => c.innerText), gap: value.left - number.right,
                count: cells[2].querySelector('.literal').title};
    }""")
    assert first["texts"][0] == "1" and first["gap"] >= 10  # the number does not run into the value
    assert first["texts"][2].isdigit()  # a count is its value, not "3"^^<...#integer>
    assert first["count"] == "xsd:integer"  # the type, on hover
    seen.assert_clean()


def test_the_link_to_a_query_opens_it(server, offline_page):
    seen = offline_page(server, "/sparql")
    run_example(seen, "Who fought whom where")
    link = seen.page.get_attribute("#share-link", "href")
    assert link.startswith("/sparql#query=")
    shared = offline_page(server, link)
    shared.page.wait_for_selector(".CodeMirror")
    text = shared.page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()")
    assert "?actor1 ?actor2 ?place" in text
    seen.assert_clean()
    shared.assert_clean()
