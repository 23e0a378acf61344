"""JSON Lines and CSV batches: one article per line or row, each checked on its own."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from graph.inputs.record import FIELDS, Record, record_from_mapping
from graph.sources import MAX_FILE_BYTES, InputError

__all__ = ["read_jsonl_batch", "read_csv_batch"]

csv.field_size_limit(MAX_FILE_BYTES)  # a row may hold a whole page's HTML


def read_jsonl_batch(path: Path) -> Iterator[Record | InputError]:
    """Yield one record per JSON line, or that line's error; blank lines are skipped."""
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = json.loads(line)
        except ValueError as err:
            yield InputError(f"{where}: not JSON ({err})")
            continue
        if not isinstance(item, dict):
            yield InputError(f"{where}: needs a JSON object such as {{\"id\": ..., \"text\": ...}}")
            continue
        yield _checked(item, where)


def read_csv_batch(path: Path) -> Iterator[Record | InputError]:
    """Yield one record per CSV row (the first row names the columns), or that row's error.

    Raises:
        InputError: the file has no 'text', 'html' or 'url' column, or an unknown column.
    """
    reader = csv.DictReader(_lines(path))
    columns = [name.strip() for name in reader.fieldnames or []]
    if not {"text", "html", "url"} & set(columns):
        raise InputError(f"{path}: missing column: needs 'text', 'html' or 'url' (columns: {', '.join(columns)})")
    unknown = [name for name in columns if name not in FIELDS]
    if unknown:
        raise InputError(f"{path}: unknown column(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    reader.fieldnames = columns
    for row in reader:
        where = f"{path}:{reader.line_num}"
        if None in row:
            yield InputError(f"{where}: more values than columns")
            continue
        yield _checked(row, where)


def _checked(item: dict, where: str) -> Record | InputError:
    """The record of one line, or its error."""
    try:
        return record_from_mapping(item, where)
    except InputError as err:
        return err


def _lines(path: Path) -> Iterator[str]:
    """The file's lines as UTF-8 text; raise InputError when it cannot be read."""
    try:
        if path.stat().st_size > 50 * MAX_FILE_BYTES:
            raise InputError(f"{path}: file is larger than {50 * MAX_FILE_BYTES} bytes")
        with path.open(encoding="utf-8-sig", newline="") as stream:
            yield from stream
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read file ({err.strerror or err})") from None
