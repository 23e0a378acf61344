"""Name keys of the gazetteer: how a place name is folded for matching and cleaned for display.

:func:`normalise` gives the exact key, :func:`strip_article` the looser key without "al-"/"the",
:func:`joined` one blind to word breaks, :func:`skeleton` a transliteration-blind key; :func:`display_name`
drops scholarly marks.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

__all__ = ["normalise", "strip_article", "joined", "skeleton", "display_name", "g_spellings"]

_ARTICLES = frozenset(["al", "el", "ad", "ag", "an", "ar", "as", "ash", "at", "az", "ath", "adh", "the"])
_QUOTES = re.compile(r"['`\u2019\u2018\u02bb\u02bc\u02bf\u02be\u00b4]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 16)  # asked for the same few names many times per article
def normalise(name: str) -> str:
    """Return the matching key of a name: ASCII, lower case, no apostrophes, words split by one space."""
    if name.isascii():
        text = name.lower().replace("'", "").replace("`", "")
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = _QUOTES.sub("", text.lower())
    return _NON_WORD.sub(" ", text).strip()


def strip_article(key: str) -> str:
    """Drop one leading article ("al ", "as ", "the "...) from a normalised key."""
    head, _, rest = key.partition(" ")
    if head in _ARTICLES and len(rest) > 2:
        return rest
    return key


def joined(key: str) -> str:
    """The key without its article and its word breaks: "Qansaxdheere" and "Qansax Dheere", "Ceel Dheer" and
    "Ceeldheer" (names written as one word or two) meet."""
    return strip_article(key).replace(" ", "")


_G_WORD = re.compile(r"\bG(?=[aeiou])")
G_WORDS = 2  # words of a name read both ways at most: 8 spellings


def g_spellings(name: str) -> list[str]:
    """The name with a word-initial G read as the Arabic qaf ("Gasr" for Qasr: Libyan, Sudanese and Gulf speech
    say q as g) or ghayn ("Gurfa" for Ghurfa), fewest changes first; none when no word opens with G and a vowel."""
    starts = [m.start() for m in _G_WORD.finditer(name)][:G_WORDS]
    out: list[str] = []
    for changes in range(1, len(starts) + 1):
        for picked in itertools.combinations(reversed(starts), changes):  # from the right: offsets stay valid
            for letters in itertools.product(("Q", "Gh"), repeat=changes):
                text = name
                for at, letter in zip(picked, letters, strict=True):
                    text = text[:at] + letter + text[at + 1 :]
                out.append(text)
    return out


_VOWELS = re.compile(r"[aeiouy]+")
_TRAILING_H = re.compile(r"(?<=[aeiou])h\b")
_DOUBLE = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """A transliteration-blind key: no article, consonants only, q as k, no doubled letters.

    "al shajara" and "ash shajarah" both give "shjr"; "sweida" and "suwayda" both give "swd".
    Too coarse to trust alone: callers use it only inside countries the text already names.
    """
    text = _TRAILING_H.sub("", strip_article(key)).replace("q", "k").replace("ou", "u")
    words = [w[0] + _VOWELS.sub("", w[1:]) if w else w for w in text.split()]
    return _DOUBLE.sub(r"\1", " ".join(words))


def display_name(name: str) -> str:
    """Fold scholarly transliteration marks that news text never uses: "Dar\u2018\u0101" -> "Dar'a"."""
    if all(ord(ch) <= 0xFF for ch in name):
        return name
    text = _QUOTES.sub("'", name)
    text = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))
