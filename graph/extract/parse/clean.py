"""Text cleaning that keeps every character offset: each character maps to exactly one character."""

from __future__ import annotations

import re

__all__ = ["clean_text", "looks_like_html", "looks_like_english"]

# Spaces that spaCy would keep inside tokens or that break matching; each becomes one plain space.
_ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'}
# Windows-1252 quotes and dashes read as Latin-1 (C1 control characters): "Kano\x92s" is "Kano's".
_CP1252 = {"\x91": "'", "\x92": "'", "\x93": '"', "\x94": '"', "\x96": "-", "\x97": "-"}
_NEWLINES = dict.fromkeys("\r\u2028\u2029", "\n")
_TABLE = str.maketrans(
    {**dict.fromkeys(_ODD_SPACES + _ZERO_WIDTH + "\t\x0b\x0c", " "), **_QUOTES, **_CP1252, **_NEWLINES}
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_HTML = re.compile(r"<(html|body|div|p|span|script|table|a\s|br|head|meta)\b", re.IGNORECASE)
# English function words, most of them spelt so in no other Latin-script language we are sent.
_ENGLISH = frozenset(
    ["the", "of", "and", "to", "that", "for", "with", "by", "at", "from", "said", "has", "have", "were", "are"]
    + ["it", "near", "after", "before", "between", "against", "during", "into", "while", "when", "where", "who"]
    + ["which", "whose", "they", "their", "them", "he", "his", "she", "her", "its", "this", "these", "those"]
    + ["but", "or", "not", "been", "had", "be", "will", "would", "also", "than", "there", "two", "three", "four"]
    + ["five", "several", "later"]
)
# Spellings shared with other languages: a text of these alone is English unless other function words show.
_SHARED = frozenset(["a", "an", "in", "on", "is", "was", "as"])
# French, Spanish, Portuguese, Italian, German and Dutch function words (none an English word or a
# frequent part of place names, so "UN", "El Fasher" or "La Paz" do not count).
_FOREIGN = frozenset(
    ["le", "les", "des", "du", "et", "est", "une", "dans", "sur", "par", "pour", "avec", "qui", "que", "ont"]
    + ["au", "aux", "los", "las", "del", "y", "en", "por", "con", "una", "fue", "para", "se", "os", "dos", "das"]
    + ["em", "uma", "com", "il", "gli", "della", "dell", "nel", "alla", "dei", "delle", "hanno", "che", "sono"]
    + ["der", "und", "ist", "von", "mit", "dem", "ein", "eine", "einen", "bei", "im", "zu", "wurde"]
    + ["nicht", "auf", "het", "een", "van", "op", "zijn", "werd"]
)


def clean_text(text: str) -> str:
    """Return ``text`` with odd spaces, curly quotes and control characters replaced one-for-one.

    The result has the same length as the input, so offsets found in it are offsets in the original.
    A carriage return becomes a newline (a ``\\r\\n`` pair becomes two newlines: one blank line more,
    same offsets).
    """
    return _CONTROL.sub(" ", text.translate(_TABLE))


def looks_like_html(text: str) -> bool:
    """True when the text is markup rather than prose (several HTML tags in its first 5,000 characters)."""
    return len(_HTML.findall(text[:5000])) >= 3


def looks_like_english(text: str) -> bool:
    """True when the text is mostly Latin letters with English rather than other function words (or is very short).

    A short note may have few function words ("Gunmen attacked an army checkpoint near Bama, killing two
    soldiers"), so the list is broad; text in another Latin-script language is told by its own function words
    outnumbering the English ones.
    """
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return False
    latin = sum(c.isascii() for c in letters) / len(letters)
    words = re.findall(r"[a-z]+", sample.lower())
    if len(words) < 8:
        return latin > 0.6
    english = sum(w in _ENGLISH for w in words)
    shared = sum(w in _SHARED for w in words)
    foreign = sum(w in _FOREIGN for w in words)
    common = (english + shared) / len(words)
    return latin > 0.6 and common > 0.05 and english >= foreign
