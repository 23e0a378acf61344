"""``/charts/months.json``: events and fatalities per month of any filter of the events table.

The filters are the events table's (``api.tables``), ``by`` groups the series by event ``type``
(default) or ``country``. Months run without gaps from the first to the last; the most active
groups get a series each, the rest are summed as "Other".
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify

from api import params, tables
from graph import queries as q

__all__ = ["blueprint", "months"]

blueprint = Blueprint("charts", __name__)
MAX_SERIES = 8  # groups drawn one by one; the rest are "Other"


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def months(rows: list[dict[str, Any]], by: str) -> dict[str, Any]:
    """Series of events and fatalities per month from the rows of ``graph.queries.browse_months``."""
    if not rows:
        return {"by": by, "months": [], "series": []}
    totals: dict[str, int] = {}
    for row in rows:
        group = row.get("group") or "Unknown"
        totals[group] = totals.get(group, 0) + int(row["events"])
    ranked = sorted(totals, key=lambda g: (-totals[g], g))
    kept = set(ranked[:MAX_SERIES]) if len(ranked) > MAX_SERIES + 1 else set(ranked)
    axis = _month_range(min(r["month"] for r in rows), max(r["month"] for r in rows))
    index = {month: i for i, month in enumerate(axis)}
    series: dict[str, dict[str, Any]] = {}
    for row in rows:
        group = row.get("group") or "Unknown"
        name = group if group in kept else "Other"
        label = tables.country_name(name) if by == "country" and name not in ("Other", "Unknown") else name
        found = series.setdefault(name, {"name": label, "events": [0] * len(axis), "fatalities": [0] * len(axis)})
        found["events"][index[row["month"]]] += int(row["events"])
        found["fatalities"][index[row["month"]]] += int(row.get("fatalities") or 0)
    order = [g for g in ranked if g in series] + (["Other"] if "Other" in series else [])
    return {"by": by, "months": axis, "series": [series[g] for g in order]}


@blueprint.get("/charts/months.json")
def months_json() -> Response:
    """Events and fatalities per month, by ``type`` or ``country``, of the events the filters keep."""
    by = params.text("by") or "type"
    if by not in q.MONTH_GROUPS:
        raise params.BadParameter(f"'by' must be one of {', '.join(q.MONTH_GROUPS)}, got {by!r}.")
    query = tables.read_query("events")
    store = current_app.extensions["conflictkg.store"]
    rows = store.read(q.browse_months(query.filters, by), query.bindings)
    return jsonify({"filters": query.filters, **months(rows, by)})
