"""Every page in headless Chromium: text at WCAG 2 AA contrast, and the keyboard's way through it.

Keyboard: the first Tab reaches a link past the site navigation, which lands on the page's own content,
and no positive tabindex reorders the focus. Contrast (4.5:1, large text 3:1): each visible text node's
computed colour is blended over the first opaque background among its element and ancestors, and the
contrast ratio computed as WCAG defines it (relative luminance of sRGB).
Text drawn on a canvas (charts, the network) is not a text node and is left out; so are disabled controls,
which WCAG exempts.
"""

from __future__ import annotations

import pytest
import requests

from tests.conftest import _serve, write_data_dir
from tests.rest_records import extractions
from tests.test_browse_pages import hostile

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LOW_CONTRAST = """() => {
    const rgba = (text) => {
        const inside = (text.match(/rgba?\\(([^)]*)\\)/) || [null, ""])[1];
        const parts = inside.split(/[\\s,\\/]+/).filter(Boolean).map(Number);
        return parts.length >= 3 ? {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1} : null;
    };
    const luminance = ({r, g, b}) => {
        const linear = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const backdrop = (element) => {
        for (let e = element; e; e = e.parentElement) {
            const colour = rgba(getComputedStyle(e).backgroundColor);
            if (colour && colour.a >= 0.5) return colour;
        }
        return {r: 255, g: 255, b: 255, a: 1};
    };
    const low = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        const style = getComputedStyle(element);
        if (!node.textContent.trim() || !element.getClientRects().length || style.visibility === "hidden") continue;
        if (element.closest(":disabled, .disabled, [aria-disabled='true']")) continue;  // exempt: inactive controls
        const ink = rgba(style.color), paper = backdrop(element);
        const seen = {r: ink.r * ink.a + paper.r * (1 - ink.a), g: ink.g * ink.a + paper.g * (1 - ink.a),
                      b: ink.b * ink.a + paper.b * (1 - ink.a)};
        const [light, dark] = [luminance(seen), luminance(paper)].sort((x, y) => y - x);
        const ratio = (light + 0.05) / (dark + 0.05);
        const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
        if (ratio < (size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5))
            low.push(`${element.className} "${node.textContent.trim().slice(0, 40)}": ${ratio.toFixed(2)}`);
    }
    return low;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real service over the hand-built records and the hostile document; yields its URL."""
    yield from _serve(write_data_dir(tmp_path_factory.mktemp("contrast"), [*extractions(), hostile()]))


@pytest.mark.parametrize("path", ["/", "/events", "/actors", "/places", "/documents", "/map", "/search?q=army",
                                  "/events/FIRST", "/actors/syrian-arab-army", "/places/mogadishu",
                                  "/documents/doc-hostile", "/network", "/sparql"])
def test_text_meets_aa_contrast(server, offline_page, path):
    if path == "/events/FIRST":
        path = requests.get(server + "/events.json?limit=1", timeout=30).json()["rows"][0]["href"]
    seen = offline_page(server, path)
    seen.page.wait_for_load_state("networkidle")
    if path == "/sparql":  # the editor and a table of results
        seen.page.click("#examples button:text-is('Who fought whom where')")
        seen.page.wait_for_selector(".yasr table tbody tr", timeout=20_000)
    assert seen.page.evaluate(LOW_CONTRAST) == []
    seen.assert_clean()


@pytest.mark.parametrize(("path", "after_skip"), [
    ("/events", "input[name=text]"),              # the first filter: words in a source sentence
    ("/actors/syrian-arab-army", "a[href='/actors']"),  # the crumb back to the table
    ("/network", "#search-input"),
])
def test_the_first_tab_skips_the_site_navigation(server, offline_page, path, after_skip):
    seen = offline_page(server, path)
    seen.page.wait_for_load_state("networkidle")
    seen.page.keyboard.press("Tab")
    assert seen.page.evaluate("document.activeElement.textContent") == "Skip to the content"
    seen.page.keyboard.press("Enter")
    seen.page.keyboard.press("Tab")
    assert seen.page.evaluate("(selector) => document.activeElement.matches(selector)", after_skip)
    positive = "document.querySelectorAll('[tabindex]:not([tabindex=\"-1\"]):not([tabindex=\"0\"])').length"
    assert seen.page.evaluate(positive) == 0  # no tabindex that would reorder the focus
    seen.assert_clean()
