"""The words of counting: number words and numerals, ACLED's values for vague plurals, death words, the nouns
that count people and the units that count no one, read by :mod:`.numbers` and the toll rules.

"more than 250" gives 250 (:mod:`.numbers` reads the lowest figure), "dozens" 12, "scores" 20, "hundreds"
100, "several" 10 (the codebook's figure for vague plurals).
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.datafiles import read_words

__all__ = ["WORDS", "SCALES", "VAGUE", "DEATH_WORDS", "DEATH_VERBS", "DYING", "PEOPLE", "PEOPLE_VERBS", "UNITS",
           "number_value", "full_value"]

WORDS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague plurals, valued as the ACLED codebook does (the lowest reading of the word).
VAGUE = {
    "dozens": 12,
    "dozen": 12,
    "scores": 20,
    "score": 20,
    "hundreds": 100,
    "thousands": 1000,
    "tens": 10,
    "several": 10,
    "many": 10,
    "numerous": 10,
}
DEATH_WORDS = frozenset(
    [
        "kill",
        "murder",
        "massacre",
        "execute",
        "behead",
        "slaughter",
        "assassinate",
        "die",
        "dead",
        "death",
        "toll",
        "body",
        "corpse",
        "fatality",
        "decapitate",
        "slay",
        "perish",
        "lynch",
        # the nouns of the verbs, whose lemma is the noun itself: "a raid that ended with the execution of nine guards"
        "killing",
        "execution",
        "assassination",
        "beheading",
        "slaying",
        "lynching",
    ]
)
DEATH_VERBS = frozenset(["kill", "murder", "execute", "behead", "assassinate", "slay", "lynch", "decapitate"])
DYING = frozenset(["die", "perish"])
# Nouns that count people; a count of anything else (vehicles, rockets, villages) is neither field.
PEOPLE = read_words("events", "people_nouns.txt")
PEOPLE_VERBS = frozenset(
    (
        "kidnap", "abduct", "arrest", "detain", "evacuate", "wound", "injure", "release", "free", "rescue",
        "displace", "hold", "capture", "seize", "hurt",
    )
)
UNITS = frozenset(
    [
        "year",
        "month",
        "week",
        "day",
        "hour",
        "minute",
        "second",
        "km",
        "kilometre",
        "kilometer",
        "mile",
        "metre",
        "meter",
        "percent",
        "per",
        "cent",
        "am",
        "pm",
        "o'clock",
        "degree",
        "magnitude",
        "point",
        "time",
        "round-the-clock",
    ]
)


def number_value(token: Token) -> int | None:
    """The integer a number word or numeral stands for ("1,200", "three", "dozens"), else None."""
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    if text in WORDS:
        return WORDS[text]
    if text in VAGUE and (text != "dozen" or _has_article(token)):
        return VAGUE[text]
    if "-" in text:
        head, _, tail = text.partition("-")
        if head in WORDS and tail in WORDS:
            return WORDS[head] + WORDS[tail]
    return None


def _has_article(token: Token) -> bool:
    return any(c.lower_ in ("a", "one") for c in token.children) or (
        token.i > 0 and token.doc[token.i - 1].lower_ in ("a", "one")
    )


def full_value(token: Token) -> int | None:
    """Value of a number token with its scale words: "1.2 million", "two hundred"."""
    value: float | None = number_value(token)
    if value is None:
        try:
            value = float(token.lower_.replace(",", ""))  # "1.2" before "million"
        except ValueError:
            return None
        if not 0 <= value < 1e12:  # "-1", "inf", "nan": a sign or a word float() reads, never a count of people
            return None
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ in SCALES:
        value = value * SCALES[nxt.lower_]
    return int(value)
