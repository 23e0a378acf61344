"""Loads the event vocabulary of ``graph/data/events/``: ACLED taxonomy, CAMEO/PLOVER codes, trigger lexicon.

Also names the classes of cues the trigger lexicon uses (which ones describe who or what, which ones
type an event), so the cue finder and the typing rules read them from one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from graph.datafiles import read_rows

__all__ = ["Word", "taxonomy", "codes", "lexicon", "cue_classes", "check_cue_class", "cue_set",
           "SUB_EVENT_TYPES",
           "MODIFIERS", "WEAPONS", "DOMAINS", "TYPED", "REPORT_VERBS", "NONVIOLENT_TRANSFER"]



# The sub-event type of ground handed over without a fight, which several typing and party rules name.
NONVIOLENT_TRANSFER = "Non-violent transfer of territory"

# Lemmas of verbs that report rather than do: their subject is a source, not a participant.
REPORT_VERBS = frozenset(
    ["say", "tell", "report", "add", "state", "announce", "confirm", "according", "quote", "cite", "note",
     "explain", "write", "tweet", "post", "publish", "expect", "describe", "warn", "estimate", "document"]
)

def _rows(name: str) -> list[dict[str, str]]:
    return read_rows("events", name)


@cache
def taxonomy() -> dict[str, str]:
    """Return the ACLED codebook's sub-event types mapped to their event types."""
    return {r["sub_event_type"]: r["event_type"] for r in _rows("acled_taxonomy.tsv")}


SUB_EVENT_TYPES = tuple(taxonomy())


@cache
def codes() -> dict[str, tuple[str | None, str | None]]:
    """Return each sub-event type's (CAMEO root code, PLOVER type), either None when it has none."""
    return {r["sub_event_type"]: (r["cameo_root"] or None, r["plover"] or None) for r in _rows("cameo_plover.tsv")}


@dataclass(frozen=True)
class Word:
    """One word of a lexicon phrase, matched against a token and the token's word forms."""

    form: str
    pos: str | None  # required coarse part of speech, if any
    exact: bool  # match the token's text case-sensitively ("IS", not "is")

    def matches(self, text: str, pos: str, forms: frozenset[str]) -> bool:
        """True when a token of this ``text``, coarse ``pos`` and lower-case ``forms`` is this word."""
        if self.pos is not None and pos != self.pos:
            return False
        if self.exact:
            return text == self.form
        return self.form in forms


@cache
def lexicon() -> dict[str, list[tuple[tuple[Word, ...], str]]]:
    """Phrases indexed by their first word (lower case): first word -> [(words, cue)], longest first."""
    index: dict[str, list[tuple[tuple[Word, ...], str]]] = {}
    for row in _rows("triggers.tsv"):
        words = []
        for raw in row["phrase"].replace("-", " - ").split():
            form, _, pos = raw.partition("/")
            exact = form != form.lower()
            words.append(Word(form if exact else form.lower(), pos or None, exact))
        if words:
            index.setdefault(words[0].form.lower(), []).append((tuple(words), row["cue"]))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


@cache
def cue_classes() -> frozenset[str]:
    """Every cue class that the trigger lexicon (``triggers.tsv``) defines."""
    return frozenset(row["cue"] for row in _rows("triggers.tsv"))


def check_cue_class(name: str) -> str:
    """Return ``name`` when the trigger lexicon defines that cue class; raise ValueError otherwise ("SHEL")."""
    if name not in cue_classes():
        raise ValueError(f"unknown cue class {name!r}; triggers.tsv defines {', '.join(sorted(cue_classes()))}")
    return name


def cue_set(*names: str) -> frozenset[str]:
    """A set of cue classes, each checked against the trigger lexicon."""
    return frozenset(check_cue_class(name) for name in names)


# Cue classes that describe who or what, never whether something happened.
MODIFIERS = cue_set("CIV", "MIL", "GOV", "ARMED", "PLACE", "WEAPON", "GROUP", "BASE")
# Weapon words that a longer phrase re-reads: "stun grenade", "rocket-propelled grenade", "tear gas".
WEAPONS = cue_set("CHEM", "AIR", "AIR_WEAK", "STRIKE", "SHELL", "GRENADE", "IED", "IED_WEAK", "BLAST")
DOMAINS = cue_set("CRIME", "DISASTER", "EMERGENCY", "DIPLO", "ATTRIB", "JUSTICE")
TYPED = cue_set(
    "CHEM", "SUICIDE", "AIR", "AIR_WEAK", "SHELL", "GRENADE", "IED", "BLAST", "SEX", "ABDUCT", "ARREST",
    "LOOT", "LOOT_WEAK", "FIRE", "IED_WEAK", "DISRUPT", "CLASH", "RETAKE", "CAPTURE", "WITHDRAW", "TRANSFER",
    "STRIKE", "AGREE", "AGREE_WEAK", "CHANGE", "PROTEST", "CROWDCTL", "INTERV", "FORCE", "VIOLENT", "MOB",
    "KILL", "ABDUCT_WEAK", "JOIN",
)  # fmt: skip
