"""Saved news pages of many layouts, built at run time from article texts, with what each should give.

Each page wraps one article in one of twelve layouts (semantic ``<article>``, div soup, an old
table layout, AMP-like, a live blog, a wire service...) with the chrome real sites carry: menus,
breadcrumbs, share bars, newsletter boxes, related stories, comments, cookie banners, footers.
Four pages in five carry their date, each layout its own way (Open Graph, JSON-LD, ``<time>``,
itemprop, Dublin Core, a visible byline, a canonical URL with the date in its path). The texts
are synthetic (a fixed seed), or any folder of ``.txt`` articles given at run time.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path

__all__ = ["SavedPage", "pages", "synthetic_articles", "BOILERPLATE"]

PLACES = ["Kidal", "Marib", "Kunduz", "Bakhmut", "Mogadishu", "Sirte", "Goma", "Idlib", "Maiduguri", "Rakhine",
          "Tillaberi", "Khartoum", "Cabo Delgado", "Hodeidah", "Deir ez-Zor"]
ACTORS = ["Gunmen", "Government troops", "Militia fighters", "Rebel forces", "Security forces", "Armed men",
          "Insurgents", "Police officers", "Soldiers", "Fighters from a local armed group"]
VERBS = ["attacked a checkpoint near", "clashed with rivals outside", "shelled positions around",
         "ambushed a convoy on the road to", "raided a market in", "stormed a village close to"]
SAYERS = ["local officials said", "a spokesman told reporters", "residents reached by telephone said",
          "a monitoring group reported", "the health ministry said", "witnesses told the agency"]
FILLER = [
    "The area has seen repeated violence since the start of the year, with dozens of incidents recorded.",
    "Humanitarian agencies said access to the district remained limited because of insecurity.",
    "Talks between the parties stalled last month after a dispute over the release of detainees.",
    "Thousands of families have fled their homes and are sheltering in schools and mosques.",
    "The authorities announced a curfew and said patrols would be stepped up in the coming days.",
    "Analysts say the fighting reflects a struggle for control of trade routes and local revenue.",
    "Aid convoys carrying food and medicine were turned back at the outskirts of the town.",
    "A ceasefire agreed in the spring has been broken several times, according to observers.",
]
# Text of the chrome around articles: none of it may reach an extracted article.
BOILERPLATE = [
    "Subscribe to our newsletter", "Sign up for the morning briefing", "Accept all cookies",
    "We use cookies to improve your experience", "Share on Facebook", "Share on Twitter",
    "Copyright Sahel Media Group", "All rights reserved worldwide", "Privacy policy", "Terms of service",
    "Most read this week", "Football transfer rumours roundup", "Weather warning issued for the coast",
    "Leave a comment", "This is outrageous, the government must act", "Log in to reply", "Advertisement",
    "Skip to main content", "Home", "Politics", "Business", "Sport", "Culture", "About the author",
    "Amina Diallo covers the Sahel for the paper", "Related topics", "Download our app",
]


@dataclass(frozen=True)
class SavedPage:
    """One saved page: its HTML, the article's paragraphs and headline, and the date the page carries."""

    name: str
    html: str
    title: str
    paragraphs: tuple[str, ...]
    published: dt.date | None  # the date the page carries, or None when it carries none
    layout: str


def synthetic_articles(count: int, seed: int = 16) -> Iterator[tuple[str, list[str]]]:
    """Yield (headline, paragraphs) of ``count`` wire-style conflict reports, the same for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        place = rng.choice(PLACES)
        actor, verb = rng.choice(ACTORS), rng.choice(VERBS)
        dead = rng.randint(2, 40)
        lead = f"{actor} {verb} {place} on {rng.choice(['Monday', 'Tuesday', 'Saturday', 'Sunday'])}, " \
               f"killing {dead} people, {rng.choice(SAYERS)}."
        body = [lead]
        for _ in range(rng.randint(4, 9)):
            sentences = [f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(PLACES)}, {rng.choice(SAYERS)}.",
                         rng.choice(FILLER)]
            rng.shuffle(sentences)
            body.append(" ".join(sentences))
        yield f"{dead} killed as fighting flares near {place}", body


def folder_articles(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """Yield (headline, paragraphs) of each ``.txt`` file in ``folder``: first line, then blank-line blocks."""
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").strip().split("\n")
        blocks = [" ".join(b.split()) for b in "\n".join(lines[1:]).split("\n\n") if b.strip()]
        if blocks:
            yield lines[0].strip(), blocks


def pages(count: int = 100, folder: Path | None = None, seed: int = 16) -> list[SavedPage]:
    """Build ``count`` saved pages over the layouts in turn; one page in five carries no date."""
    rng = random.Random(seed)
    source = folder_articles(folder) if folder else synthetic_articles(count, seed)
    built = []
    for number, (title, paragraphs) in zip(range(count), source, strict=False):
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
        dated = number % 5 != 4
        layout = LAYOUTS[number % len(LAYOUTS)]
        html = layout(title, paragraphs, day if dated else None, number)
        built.append(SavedPage(f"page-{number:03d}", html, title, tuple(paragraphs),
                               day if dated else None, layout.__name__))
    return built


def _p(paragraphs: list[str], tag: str = "p", attrs: str = "") -> str:
    return "".join(f"<{tag}{attrs}>{escape(p)}</{tag}>" for p in paragraphs)


def _nav() -> str:
    links = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in ("Home", "Politics", "Business", "Sport",
                                                                         "Culture"))
    return f'<a class="skip" href="#main">Skip to main content</a><nav class="menu"><ul>{links}</ul></nav>'


def _chrome_after() -> str:
    return ('<aside class="related"><h3>Most read this week</h3><ul>'
            '<li><a href="/a">Football transfer rumours roundup</a></li>'
            '<li><a href="/b">Weather warning issued for the coast</a></li></ul></aside>'
            '<div class="newsletter"><h4>Subscribe to our newsletter</h4><p>Sign up for the morning briefing.</p>'
            '<form><input type="email"><button>Sign up</button></form></div>'
            '<section id="comments" class="comments"><h3>Leave a comment</h3>'
            '<div class="comment"><p>This is outrageous, the government must act</p><a href="#">Log in to reply</a>'
            '</div></section>'
            '<footer><p>Copyright Sahel Media Group. All rights reserved worldwide.</p>'
            '<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of service</a> '
            '<a href="/app">Download our app</a></footer>'
            '<div id="cookie-banner" class="cookie"><p>We use cookies to improve your experience.</p>'
            '<button>Accept all cookies</button></div>')


def _share() -> str:
    return ('<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>')


def _head(title: str, extra: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | Sahel Post'
            f'</title><meta property="og:site_name" content="Sahel Post">{extra}</head>')


def semantic(title: str, paragraphs: list[str], day: dt.date | None, n: int) -> str:
    meta = f'<meta property="article:published_time" content="{day}T09:30:00+00:00">' if day else ""
    return (_head(title, meta) + f"<body>{_nav()}<main id=\"main\"><article><h1>{escape(title)}</h1>{_share()}"
            f"{_p(paragraphs)}</article></main>{_chrome_after()}</body></html>")


def json_ld(title: str, paragraphs: list[str], day: dt.date | None, n: int) -> str:
    data = f'"datePublished": "{day}T06:00:00Z", ' if day else ""
    ld = (f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle", '
          f'{data}"headline": "{escape(title)}"}}</script>')
    return (_head(title, ld) + f'<body>{_nav()}<div id="page"><div class="content"><h1 class="headline">'
            f'{escape(title)}</h1><div class="story-body">{_p(paragraphs)}</div></div>'
            f"<div class=\"sidebar\">{_chrome_after()}</div></div></body></html>")


def time_element(title: str, paragraphs: list[str], day: dt.date | None, n: int) -> str:
    byline = (f'<p class="byline">By Amina Diallo · <time datetime="{day}">{day:%d %B %Y}</time></p>'
              if day else '<p class="byline">By Amina Diallo</p>')
    return (_head(title) + f"<body>{_nav()}<main><article><header><h1>{escape(title)}</h1>{byline}</header>"
            f'<div class="article-body">{_p(paragraphs)}</div><div class="author-box"><h4>About the author</h4>'
            "<p>Amina Diallo covers the Sahel for the paper.</p></div></article></main>"
            f"{_chrome_after()}</body></html>")


def itemprop(title: str, paragraphs: list[str], day: dt.date | None, n: int) -> str:
    date = f'<meta itemprop="datePublished" content="{day}">' if day else ""
    return (_head(title) + f'<body>{_nav()}<div itemscope itemtype="https://schema.org/NewsArticle">{date}'
            f'<h1 itemprop="headline">{escape(title)}</h1><div itemprop="articleBody">{_p(paragraphs)}</div>'
            f"</div>{_share()}{_chrome_after()}</body></html>")


def dublin_core(title: str, paragraphs: list[str], day: dt.date | None, n: int) -> str:
    meta = f'<meta name="DC.date.issued" content="{day}">' if day else ""
    return (_head(title, meta) + f'<body>{_nav()}<div class="wrapper"><div class="main-col"><h2 class="title">'
            f'{escape(title)}</h2><div class="text">{_p(paragraphs)}</div></div></div>{_chrome_after()}'
            "</body></html>")


def visible_byline(title: str, paragraphs: list[str], day: dt.date | None, n: int) -> str:
    line = f'<div class="meta"><span class="date">Published: {day:%B} {day.day}, {day.year}</span></div>' if day else ""
    return (_head(title) + f"<body>{_nav()}<div class=\"container\"><div class=\"post\"><h1>{escape(title)}</h1>"
            f'{line}<div class="entry-content">{_p(paragraphs)}</div></div></div>{_chrome_after()}</body></html>')


def canonical_url(title: str, paragraphs: list[str], day: dt.date | None, n: int) -> str:
    path = f"/{day:%Y/%m/%d}/story-{n}" if day else f"/news/story-{n}"
    link = f'<link rel="canonical" href="https://sahelpost.example{path}">'
    return (_head(title, link) + f"<body>{_nav()}<main><article class=\"story\"><h1>{escape(title)}</h1>"
            f"{_p(paragraphs)}</article></main>{_chrome_after()}</body></html>")


def table_layout(title: str, paragraphs: list[str], day: dt.date | None, n: int) -> str:
    meta = f'<meta name="date" content="{day}">' if day else ""
    menu = "".join(f'<a href="/{w.lower()}">{w}</a><br>' for w in ("Home", "Politics", "Business", "Sport"))
    return (_head(title, meta) + f'<body><table width="100%"><tr><td class="menu" width="150">{menu}</td>'
            f'<td class="story"><h1>{escape(title)}</h1>{_p(paragraphs)}'
            f'</td><td width="200"><p>Advertisement</p></td></tr></table>{_chrome_after()}</body></html>')


def wire_service(title: str, paragraphs: list[str], day: dt.date | None, n: int) -> str:
    meta = f'<meta name="pubdate" content="{day:%Y%m%d}">' if day else ""
    return (_head(title, meta) + f'<body>{_nav()}<div class="wire"><h1>{escape(title)}</h1>'
            f'<div class="wire-body">{_p(paragraphs)}</div><p class="tags">Related topics: '
            f'<a href="/t/security">Security</a></p></div>{_chrome_after()}</body></html>')


def amp_like(title: str, paragraphs: list[str], day: dt.date | None, n: int) -> str:
    meta = f'<meta property="og:published_time" content="{day}T12:00:00Z">' if day else ""
    return (_head(title, meta + '<style amp-custom>body{margin:0}</style>') + f"<body>{_nav()}"
            f'<article class="amp-article"><h1>{escape(title)}</h1><amp-img src="a.jpg" width="600" height="400">'
            f'</amp-img>{_p(paragraphs)}</article>{_share()}{_chrome_after()}</body></html>')


def live_blog(title: str, paragraphs: list[str], day: dt.date | None, n: int) -> str:
    ld = (f'<script type="application/ld+json">{{"@type": "LiveBlogPosting", "datePublished": "{day}"}}</script>'
          if day else "")
    posts = "".join(f'<div class="post-entry"><p>{escape(p)}</p></div>' for p in paragraphs)
    return (_head(title, ld) + f"<body>{_nav()}<main><h1>{escape(title)}</h1><div class=\"live\">{posts}</div>"
            f"</main>{_chrome_after()}</body></html>")


def abbr_published(title: str, paragraphs: list[str], day: dt.date | None, n: int) -> str:
    stamp = f'<abbr class="published" title="{day}T08:00:00Z">{day:%d/%m/%Y}</abbr>' if day else ""
    return (_head(title) + f'<body>{_nav()}<div class="hentry"><h1 class="entry-title">{escape(title)}</h1>'
            f'{stamp}<div class="entry-content">{_p(paragraphs)}</div></div>{_chrome_after()}</body></html>')


LAYOUTS = [semantic, json_ld, time_element, itemprop, dublin_core, visible_byline, canonical_url, table_layout,
           wire_service, amp_like, live_blog, abbr_published]
