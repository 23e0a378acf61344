"""Reading and checking request parameters; a bad one raises ``BadParameter`` with what to fix."""

from __future__ import annotations

import re
from typing import Literal, overload

from flask import request

__all__ = ["BadParameter", "MAX_LIMIT", "MAX_OFFSET", "ID_PATTERN", "DATE_PATTERN", "TEXT_PATTERN", "SPACE",
           "limit_offset", "integer", "text", "iso_date", "entity_id", "is_entity_id"]

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MAX_TEXT = 200
# Whitespace to both regex dialects the patterns meet: Python's \s also has U+0085, ECMAScript's
# (OpenAPI clients) also has U+FEFF. Naming both keeps the two readings of a pattern the same.
SPACE = r"\s\x85\ufeff"
# Entity ids are the IRI's last path segment: any IRI character but '/', whitespace, controls and <>"{}|\^`.
ID_PATTERN = r"[^/" + SPACE + r"\x00-\x1f<>\"{}|\\^`]{1,200}"
_ID = re.compile(ID_PATTERN)
# Dates are compared as ISO text, so any well-formed day works as a bound (2021-02-30 sorts between
# 02-28 and 03-01); the calendar is not checked.
DATE_PATTERN = r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
TEXT_PATTERN = r"[^\x00-\x1f]*"
_DATE = re.compile(DATE_PATTERN)


class BadParameter(ValueError):
    """A request parameter that cannot be used; the message says what to send instead."""


def integer(name: str, default: int, low: int, high: int) -> int:
    """Return the whole-number parameter ``name`` (``low``..``high``), or ``default`` when absent."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if not re.fullmatch(r"\+?\d{1,9}", raw.strip()):
        raise BadParameter(f"'{name}' must be a whole number from {low} to {high}, got {raw!r}.")
    value = int(raw.strip())
    if not low <= value <= high:
        raise BadParameter(f"'{name}' must be from {low} to {high}, got {value}.")
    return value


def limit_offset(default_limit: int = 50) -> tuple[int, int]:
    """Return the ``limit`` (1..500) and ``offset`` (0..1,000,000) of a list request."""
    return integer("limit", default_limit, 1, MAX_LIMIT), integer("offset", 0, 0, MAX_OFFSET)


@overload
def text(name: str, required: Literal[True]) -> str: ...
@overload
def text(name: str, required: bool = False) -> str | None: ...
def text(name: str, required: bool = False) -> str | None:
    """Return the stripped text parameter ``name`` (at most 200 characters), or None when absent."""
    raw = request.args.get(name)
    value = raw.strip() if raw is not None else ""
    if not value:
        if required:
            raise BadParameter(f"Pass a non-empty '{name}' parameter.")
        return None
    if len(value) > MAX_TEXT:
        raise BadParameter(f"'{name}' must be at most {MAX_TEXT} characters, got {len(value)}.")
    if any(ord(c) < 32 for c in value):
        raise BadParameter(f"'{name}' must not contain control characters.")
    return value


def iso_date(name: str) -> str | None:
    """Return the ISO date parameter ``name`` (YYYY, YYYY-MM or YYYY-MM-DD), or None when absent."""
    value = text(name)
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise BadParameter(f"'{name}' must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}.")
    return value


def entity_id(name: str) -> str | None:
    """Return the entity id parameter ``name`` (the last segment of an entity IRI), or None."""
    value = text(name)
    if value is not None and not is_entity_id(value):
        raise BadParameter(f"'{name}' must be an entity id such as 'syrian-arab-army', got {value!r}.")
    return value


def is_entity_id(value: str) -> bool:
    """Whether ``value`` can be the id of an entity (no slash, space or IRI-forbidden character)."""
    return bool(_ID.fullmatch(value))
