"""News outlets that no dictionary lists: a name right after the noun that says what it is ("according to the
state news agency Kavuu", "the regional weekly "Gazeta Serrana" reported"), a credit line that ends a caption or
an article ("Photo: Kavuu", "Source: KNA"), and a state's own media named only as such ("state television
said") as that state's media. Rights groups that report are named the same way ("the human rights group
Kavuu Watch"): monitors."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.datafiles import read_rows
from graph.extract.actors.groups import QUOTES
from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.resolve import named_country
from graph.extract.actors.table import ActorInfo, MentionBuilder
from graph.extract.countries import countries, doc_names
from graph.extract.parse.columns import token_lowers, tokens_where

__all__ = ["media_mentions"]

_WORDS: dict[str, frozenset[str]] = {
    role: frozenset(row["word"] for row in read_rows("actors", "outlet_words.tsv") if row["role"] == role)
    for role in ("outlet_noun", "news_noun", "credit_label", "state_outlet", "masthead", "not_outlet", "state_body")
}
# outlet nouns that are also adjectives: "the weekly X" names an outlet, "after weekly Friday prayers" does not
_ALSO_ADJECTIVES = frozenset(["weekly", "daily"])
_INNER = frozenset(["de", "do", "da", "del", "of", "the", "al", "el"])  # small words inside a title: "Voz da X"
# nouns of a rights monitor after "rights" or "monitoring": "the local human rights organisation X"
_MONITOR_NOUNS = frozenset(["organisation", "organization", "group", "ngo", "watchdog"])
_MONITOR_QUALIFIERS = frozenset(["rights", "monitoring"])
# every word that can open one of the three readings below, tested before a Token is made
_OPENERS = frozenset().union(
    *(_WORDS[role] for role in ("credit_label", "news_noun", "outlet_noun", "state_outlet")), _MONITOR_NOUNS)


def media_mentions(builder: MentionBuilder) -> None:
    """Add news outlets (names after an outlet noun, names on a credit line, a state's unnamed media) and the
    rights monitors named after their noun."""
    doc = builder.doc
    for token in tokens_where(doc[:-1], token_lowers(doc), _OPENERS):
        span = _outlet_name(doc, token)
        if span is not None:
            builder.add(ActorInfo(actor_key(span.text), span.text, "media"), span)
            continue
        span = _monitor_name(doc, token)
        if span is not None:
            builder.add(ActorInfo(actor_key(span.text), span.text, "monitor"), span)
            continue
        state = _state_outlet(token)
        if state is not None:
            _add_state_media(builder, state, token)


def _outlet_name(doc: Doc, token: Token) -> Span | None:
    """The name an outlet noun or a credit label at ``token`` introduces, if any."""
    lower = token.lower_
    if lower in _WORDS["credit_label"]:
        return _credited(doc, token.i)
    news = lower in _WORDS["news_noun"] and token.i > 0 and doc[token.i - 1].lower_ == "news"
    if not (lower in _WORDS["outlet_noun"] or news):
        return None
    span = _name_after(doc, token.i + 1)
    if span is None or (lower in _ALSO_ADJECTIVES and not _read_as_noun(doc, token.i, span)):
        return None
    return span


def _monitor_name(doc: Doc, token: Token) -> Span | None:
    """The name after a rights monitor's noun: "the human rights organisation X", "monitoring group X"."""
    if token.lower_ not in _MONITOR_NOUNS or token.i == 0 or doc[token.i - 1].lower_ not in _MONITOR_QUALIFIERS:
        return None
    return _name_after(doc, token.i + 1)


def _credited(doc: Doc, label: int) -> Span | None:
    """The name of a credit line, "Photo: Kavuu" or "Source: KNA": a label and a colon, then a name that ends the
    line (a person's name there is a photographer, no outlet)."""
    if label + 2 >= len(doc) or doc[label + 1].text != ":":
        return None
    span = _name_after(doc, label + 2)
    if span is None or not _ends_line(doc, span.end - 1) or any(t.ent_type_ == "PERSON" for t in span):
        return None
    return span if _reads_as_outlet(span) else None


def _reads_as_outlet(name: Span) -> bool:
    """Whether a credited name is an outlet's: an acronym ("KNA") or a masthead ("Kavuu Times"), but no stock
    credit ("Handout", "Social Media") and no state body ("Ministry of Defence"), which credit lines name as often."""
    words = {t.lower_ for t in name}
    if name.text.lower() in _WORDS["not_outlet"] or words & (_WORDS["state_body"] | _WORDS["not_outlet"]):
        return False
    acronym = len(name) == 1 and name.text.isalpha() and name.text.isupper() and 2 <= len(name.text) <= 6
    return acronym or bool(words & _WORDS["masthead"])


def _ends_line(doc: Doc, i: int) -> bool:
    """Whether the token at ``i`` is the last of its line (or of the text)."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is None or (after.is_space and "\n" in after.text) or "\n" in doc[i].whitespace_


def _state_outlet(token: Token) -> Token | None:
    """The word "state" of "state television", "state-run radio", "state media" ("Islamic State TV" is no
    state's), or None."""
    doc, i = token.doc, token.i
    if token.lower_ not in _WORDS["state_outlet"] or i == 0:
        return None
    if doc[i - 1].lower_ == "run" and i >= 3 and doc[i - 2].text == "-":
        i -= 2  # "state-run television"
    if i >= 3 and doc[i - 3].lower_ in ("head", "heads") and doc[i - 2].lower_ == "of":
        return None  # "the head of state television" is a person's office, no outlet
    state = doc[i - 1]
    return state if state.text == "state" or (state.text == "State" and state.is_sent_start) else None


def _add_state_media(builder: MentionBuilder, state: Token, outlet: Token) -> None:
    """Add "state television" as the media of the state the text gives it ("Ruritanian state television") or of
    the sentence's country."""
    doc, start = builder.doc, state.i
    known = countries()
    # two words before one: "South Sudanese state television" is not Sudan's
    found = named_country(doc, start - 1, {**known.by_adjective, **doc_names(doc)}) if start > 0 else None
    code = found[0] if found else builder.country_at(outlet.i)
    start = found[1] if found else start
    country = known.by_code.get(code or "")
    if country is None:
        return  # a state's media of no known state names no actor
    name = f"State media ({country.name})"
    builder.add(ActorInfo(actor_key(name), name, "media", country.code), doc[start : outlet.i + 1])


def _read_as_noun(doc: Doc, i: int, name: Span) -> bool:
    """Whether the word at ``i`` ("weekly", "daily") is a noun with the name in apposition: a determiner before it,
    past its adjectives ("the independent daily X", "a state-run weekly X"), and no noun after the name that the
    word would qualify ("the weekly Friday prayers", "the daily Monday march")."""
    before = i - 1
    while before >= 0 and (doc[before].pos_ in ("ADJ", "ADV") or "-" in (doc[before].text, doc[before + 1].text)
                           or (before > 0 and doc[before - 1].text == "-")):
        before -= 1  # the outlet's adjectives, hyphenated ones in parts ("state", "-", "run")
    after = name.end
    while after < len(doc) and doc[after].text in QUOTES:
        after += 1
    qualifies = after < len(doc) and doc[after].pos_ in ("NOUN", "PROPN")
    return before >= 0 and doc[before].pos_ == "DET" and not qualifies


def _name_after(doc: Doc, start: int) -> Span | None:
    """The run of capitalised words (in quotes or not) that starts at ``start``, if it is no country's name."""
    while start < len(doc) and doc[start].text in QUOTES:
        start += 1
    end = start
    while end < len(doc) and (doc[end].text[:1].isupper() or (
            doc[end].lower_ in _INNER and end > start and end + 1 < len(doc) and doc[end + 1].text[:1].isupper())):
        end += 1
    if end == start:
        return None
    span = doc[start:end]
    known = countries()
    return None if span.text in known.by_name or span.text in known.by_adjective else span
