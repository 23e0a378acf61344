"""Browse pages: ``/events``, ``/actors``, ``/places``, ``/documents`` and the search results page.

Each table is a server-rendered page with filters, sortable columns and paging; the URL holds
the filters, so a view can be shared. ``/<table>.json`` is the same page as JSON (``all=1``: every
filtered row), ``/<table>.csv`` downloads every filtered row (events in ACLED's columns, streamed a
chunk at a time). Downloads hold at most ``max_rows`` rows; ``X-Total-Count`` says how many matched.
Pages and JSON twins are kept by URL until the next write (``api.cache.keep_by_url``; downloads are not).
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, jsonify, render_template, request, stream_with_context
from markupsafe import Markup, escape

from api import params, tables
from api.cache import keep_by_url
from api.limits import heavy_slot, renew_read_limit
from api.search import search_results
from graph import queries as q
from graph.export import ACLED_COLUMNS, acled_chunks
from graph.ontology import event_types
from graph.store import Store
from viz import legend

__all__ = ["blueprint", "url_with"]

blueprint = Blueprint("browse", __name__)
keep_by_url(blueprint, ("text/html", "application/json"))
_NONE = Markup('<span class="none">–</span>')
_NEWEST_OR_MOST_FIRST = ("date", "published", "events", "fatalities")
DOWNLOAD_CHUNK = 250  # events read per chunk of a download, each under its own read limit


def _store() -> Store:
    return current_app.extensions["conflictkg.store"]


@blueprint.app_template_global()
def url_with(**changes: Any) -> str:
    """This page's URL with ``changes`` to its query (None or "" removes a parameter)."""
    args = {k: v for k, v in request.args.items() if k not in changes}
    args.update(changes)
    query = urlencode({k: v for k, v in args.items() if v not in (None, "")})
    return request.path + ("?" + query if query else "")


def cell(value: Any) -> Markup:
    """A table cell's HTML: a link to an entity (``{name, href}``), a dash for no value, else the value as text.

    An entity with no name shows its id (the last part of its link); one without a link shows its name as text."""
    if isinstance(value, dict):
        href, name = value.get("href"), value.get("name")
        if not href:
            return cell(name)
        shown = href.rsplit("/", 1)[-1] if name is None else name
        return Markup(f'<a href="{escape(href)}">{escape(shown)}</a>')  # noqa: S704 (each part escaped; 4x format's speed)
    return _NONE if value is None else escape(value)


@blueprint.app_template_filter("cells")
def cells(row: dict[str, Any], columns: tuple[tuple[str, str], ...]) -> Markup:
    """The ``<td>`` cells of one table row: the first column links to the row's page (its value, else "undated"
    for a date, else the row's id), the others are ``cell``'s.

    One filter call per row, not a template loop over its cells with a call of ``cell`` in each: the loop cost most
    of an events page's own CPU (50 rows of 9 cells: 2.5 ms of 4.5 at 1,000 documents)."""
    first, *others = (key for key, _ in columns)
    head = row.get(first) or ("undated" if first == "date" else row.get("id"))
    parts = [f'\n  <td data-column="{escape(first)}"><a href="{escape(row.get("href", ""))}">{escape(head)}</a></td>\n']
    parts += [f'\n  <td data-column="{escape(key)}">{cell(row.get(key))}</td>\n' for key in others]
    return Markup("".join(parts))  # noqa: S704 (every value in them went through escape or cell)


def page(kind: str) -> str:
    """The HTML table of ``kind``: filters, sortable columns, one page of rows, paging and downloads."""
    query = tables.read_query(kind)
    store = _store()
    total = tables.count(store, query)
    found = tables.rows(store, query) if query.offset < total else []
    return render_template(
        "pages/browse.html", table=query.table, query=query, rows=found, total=total,
        download=tables.filter_args(query), filter_form=_filter_form(query), sorts=_sort_links(query))


def _filter_form(query: tables.Query) -> Markup:
    """The table's filter form (``pages/filters.html``), kept until the next write under the URL's arguments but its
    offset: every page of a view shows the same one, and its 230 options (countries, divisions, event types) were a
    sixth of an events page's own CPU."""
    kind = query.table.kind
    args = urlencode(sorted((name, value) for name, value in request.args.items(multi=True) if name != "offset"))

    def built() -> Markup:
        regions = tables.regions() if kind in ("events", "places", "actors") else {}
        html = render_template("pages/filters.html", table=query.table, query=query, regions=regions,
                               country_name=tables.country_name, types=event_types(), kinds=legend.kinds(),
                               filters=tables.FORM[kind])
        return Markup(html)  # noqa: S704 (a template's answer, autoescaped)

    return current_app.extensions["conflictkg.cache"].kept(f"filter form /{kind}?{args}", built, len)


def _sort_links(query: tables.Query) -> dict[str, str]:
    """The link of each sortable column: the other direction when sorted by it, else its natural one."""
    links = {}
    for key in q.BROWSE_SORTS[query.table.kind]:
        if key == query.sort:
            sort = key if query.descending else "-" + key
        else:
            sort = "-" + key if key in _NEWEST_OR_MOST_FIRST else key
        links[key] = url_with(sort=sort, offset=None)
    return links


def twin(kind: str) -> Response:
    """The JSON twin of a table page: its rows, the total, and the next page's URL (``all=1``: every row)."""
    everything = request.args.get("all") == "1"
    query = tables.read_query(kind)
    store = _store()
    total = tables.count(store, query)
    limit = current_app.config["CONFLICTKG"].max_rows if everything else query.limit
    offset = 0 if everything else query.offset
    with heavy_slot() if everything else contextlib.nullcontext():
        found = tables.rows(store, query, limit, offset)
    following = url_with(offset=offset + limit) if not everything and offset + limit < total else None
    return jsonify({"kind": kind, "filters": query.filters, "sort": ("-" if query.descending else "") + query.sort,
                    "total": total, "limit": limit, "offset": offset, "next": following, "rows": found})


def download(kind: str) -> Response:
    """Every filtered row as CSV (events in ACLED's columns, streamed; others in the table's), at most ``max_rows``."""
    query = tables.read_query(kind)
    store = _store()
    limit = current_app.config["CONFLICTKG"].max_rows
    if kind == "events":
        response, written = _event_rows(store, query, limit)
    else:
        with heavy_slot():  # up to max_rows rows: one of the few large answers built at once
            found = tables.rows(store, query, limit, 0)
        columns = ["id", *[key for key, _ in query.table.columns]]
        response = Response(_csv(columns, ({k: _plain(v) for k, v in row.items()} for row in found), header=True),
                            mimetype="text/csv")
        written = len(found)
    response.headers["Content-Disposition"] = f'attachment; filename="conflictkg-{kind}.csv"'
    response.headers["X-Total-Count"] = str(tables.count(store, query) if written >= limit else written)
    return response


def _event_rows(store: Store, query: tables.Query, limit: int) -> tuple[Response, int]:
    """The filtered events' ACLED rows, streamed a chunk of events at a time, and how many events.

    Each chunk is read under a read limit of its own (a download of 10,000 events is forty short reads, not one
    long one), and the first before the answer starts, so a failure there is still a problem answer.
    The download holds a heavy slot until it has been sent.
    """
    slot = contextlib.ExitStack()
    slot.enter_context(heavy_slot())
    try:
        iris = tables.event_iris(store, query, limit)
        chunks = acled_chunks(store, iris, DOWNLOAD_CHUNK)
        renew_read_limit()
        first = next(chunks, [])
    except BaseException:
        slot.close()
        raise

    def lines() -> Iterator[str]:
        yield _csv(ACLED_COLUMNS, first, header=True)
        while True:
            renew_read_limit()
            chunk = next(chunks, None)
            if chunk is None:
                return
            yield _csv(ACLED_COLUMNS, chunk)

    response = Response(stream_with_context(lines()), mimetype="text/csv")
    response.call_on_close(slot.close)
    return response, len(iris)


def _csv(columns: list[str], rows: Iterable[dict[str, Any]], header: bool = False) -> str:
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return text.getvalue()


def _plain(value: Any) -> Any:
    return value.get("name") if isinstance(value, dict) else value


def _register(kind: str) -> None:
    blueprint.add_url_rule(f"/{kind}", f"{kind}_page", lambda: page(kind))
    blueprint.add_url_rule(f"/{kind}.json", f"{kind}_json", lambda: twin(kind))
    blueprint.add_url_rule(f"/{kind}.csv", f"{kind}_csv", lambda: download(kind))


for _kind in tables.TABLES:
    _register(_kind)


@blueprint.get("/search")
def search_page() -> str:
    """The home page's search: actors, places and events whose names or aliases contain ``q``."""
    term = params.text("q", required=True)
    limit, offset = params.limit_offset(20)
    found = search_results(term, limit, offset)
    return render_template("pages/search.html", found=found, term=term)
