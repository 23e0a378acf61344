"""Named groups that no dictionary lists, read from how the sentence treats the name: "PF cadres",
"fighters of the Raia-Mutomboki coalition", "Mayi Mayi militiamen", "Bunyan Marsous forces",
"'Wilayat Sinai' said it carried out the raid". A community's name before such a noun is that
community's militia, as ACLED names it ("Fulani militia" -> Fulani Ethnic Militia (Nigeria)).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from graph.datafiles import read_rows, read_words
from graph.extract.actors import lexicon
from graph.extract.actors.communal import FAITHS, community
from graph.extract.actors.crowds import crowd_category
from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.table import ARMED_KINDS, ActorInfo, MentionBuilder, info_of
from graph.extract.countries import countries
from graph.extract.parse.columns import token_lemmas, token_lowers

__all__ = ["group_mentions"]

_JOINERS = frozenset(["-", "/", "of", "for", "the", "al", "el", "'s"])  # "/": "SPLM/A"
_QUALIFIERS = frozenset(["islamist", "islamic", "jihadist", "armed", "army", "new", "suspected", "unknown",
                         "unidentified", "local", "government", "state", "security", "rival", "opposition", "ethnic",
                         "tribal", "clan", "communal", "pro-government", "anti-government", "regime"])
_IDENTITY_KINDS = frozenset(["militia", "identity"])
_PEOPLE_KINDS = frozenset(["identity", "member"])  # nouns that tell a name is a people's
# armed men a people's name qualifies are that people's militia ("Fulani gunmen"); its "fighters" or "militants"
# are often a named movement's ("Kurdish fighters"), left to the other stages
_ARMED_MEN = frozenset(["gunmen", "gunman"])
_TRAILING = frozenset(["coalition", "alliance", "group", "movement", "militia", "faction"])
_GROUP_WORDS = frozenset(["group", "movement", "faction", "outfit"])  # "a new rebel group" names it next
_CLAIMS = frozenset(["responsibility", "credit", "attack", "attacks", "bombing", "killing"])
# a name in apposition with "a militant group", "an armed outfit" is an armed group: "X, a rebel movement formed in"
_APPOSITION_NOUNS = {"group": "armed_group", "movement": "armed_group", "faction": "armed_group",
                     "outfit": "armed_group", "organisation": "armed_group", "organization": "armed_group",
                     "militia": "militia"}
# the words of such an apposition, and the tag that lets "militants" or "the rebels" stand for the group it names
_ARMED_WORDS = {"militant": "jihadist", "jihadist": "jihadist", "islamist": "jihadist", "extremist": "jihadist",
                "terrorist": "jihadist", "rebel": "rebel", "insurgent": "rebel", "separatist": "rebel",
                "guerrilla": "rebel", "armed": "", "paramilitary": ""}
QUOTES = frozenset(["'", '"', "‘", "’", "“", "”"])
_AIRCRAFT = read_words("actors", "aircraft_names.txt")  # "MiG fighters" are jets, no group's fighters


@cache
def _generic_words() -> frozenset[str]:
    """Words that qualify a group without naming it ("Islamist militants", "Armed men", "Army units")."""
    words = {w for key in lexicon.descriptors() for w in key} | set(_nouns())
    return frozenset(words | _QUALIFIERS)


@cache
def _nouns() -> dict[str, str]:
    return {row["noun"]: row["kind"] for row in read_rows("actors", "group_nouns.tsv")}


def _namelike(token: Token) -> bool:
    """A capitalised word that may be part of a name (a sentence's first word only as a proper noun)."""
    text = token.text
    if not text[:1].isupper():
        return False
    if text.isupper() and len(text) >= 2:
        return True  # an acronym
    return token.pos_ == "PROPN" or bool(token.ent_type_) or (not token.is_sent_start
                                                             and token.pos_ in {"NOUN", "ADJ", "X"})


def _name_before(doc: Doc, end: int) -> Span | None:
    """The run of capitalised words that ends just before ``end`` ("Mayi Mayi", "Raia-Mutomboki")."""
    start = end
    while start > 0 and (_namelike(doc[start - 1]) or (doc[start - 1].text in _JOINERS and start < end)
                         or _hyphenated_particle(doc, start - 1)):
        start -= 1
    while start < end and (doc[start].text in _JOINERS or (doc[start].lower_ in _QUALIFIERS and start + 1 < end
                                                           and doc[start + 1].text not in _JOINERS)):
        start += 1  # "Suspected PF cadres" names the PF; "State of Sinai" keeps its first word
    return doc[start:end] if start < end else None


def _hyphenated_particle(doc: Doc, i: int) -> bool:
    """A short lower-case word between hyphens inside a transliterated name: "e" of "Lashkar-e-Taiba", "ul" of
    "Ansar-ul-Islam"."""
    return 0 < i < len(doc) - 1 and doc[i - 1].text == "-" == doc[i + 1].text and doc[i].text.islower() \
        and len(doc[i]) <= 3


def _name_after(doc: Doc, start: int) -> Span | None:
    """The name after "fighters of (the)": capitalised words, joiners inside, and a trailing "coalition"."""
    while start < len(doc) and doc[start].lower_ == "the":
        start += 1
    end = start
    while end < len(doc):
        if _namelike(doc[end]):
            end += 1
        elif end > start and (joined := _joined(doc, end)) > end:
            end = joined  # "of the", "al -" inside the name: "Ansar al-Haqq", "Army of the Poor"
        else:
            break
    if end > start and end < len(doc) and doc[end].lower_ in _TRAILING:
        end += 1
    return doc[start:end] if end > start else None


def _joined(doc: Doc, at: int) -> int:
    """The index after the joiners from ``at`` on ("of the", "al -") when a name word follows them, else ``at``."""
    end = at
    while end < len(doc) and end - at < 3 and doc[end].text in _JOINERS:
        end += 1
    return end if end > at and end < len(doc) and _namelike(doc[end]) else at


def _excluded(span: Span) -> bool:
    """Whether a capitalised run names no group: a generic word, a place, or a weapon's make ("MiG fighters")."""
    return _no_name(span) or span.text in _AIRCRAFT or (
        all(t.ent_type_ in {"GPE", "LOC", "FAC"} for t in span) and not span.text.isupper())


def _no_name(span: Span) -> bool:
    """Whether a capitalised run is a generic word, a number, a date or a country's name or adjective."""
    known = countries()
    words = [t.text for t in span]
    acronym = span.text.isupper()
    return (len(words) == 1 and (words[0].lower() in _generic_words() or (span[0].pos_ == "ADJ" and not acronym))
            or any(c.isdigit() for c in span.text)
            or span.text in known.by_adjective or span.text in known.by_name or words[0] in known.by_adjective
            or any(t.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL"} for t in span))


def _peoples(builder: MentionBuilder, candidates: list[tuple[Span, str, int]]) -> frozenset[str]:
    """The names of peoples the text reveals by an identity noun ("Kamba herdsmen", "a Kamba herder"), with the
    names of communities.tsv: a name the NER reads as a place is a people when the places stage found no place
    in it."""
    named = set(lexicon.communities())
    for candidate, kind, _ in candidates:
        span = _unquoted(candidate)
        if kind in _PEOPLE_KINDS and span is not None and not _no_name(span) and not builder.names_place(span):
            named.add(span.text)
    return frozenset(named)


def _candidates(doc: Doc) -> list[tuple[Span, str, int]]:
    """(name, kind, end of the mention): the mention takes the group noun after a name ("Kuki militants")."""
    nouns = _nouns()
    found = []
    for i, lower in enumerate(token_lowers(doc)):
        kind = nouns.get(lower)
        if kind is None:
            continue
        token = doc[i]
        if token.text[:1].isupper() and not token.is_sent_start:
            continue  # "Shabwa Defense Forces": the noun is a word of the name, which the NER reads whole
        before = _name_before(doc, token.i)
        if before is not None:
            found.append((before, kind, token.i + 1))
        following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if following in ("of", "from") or following in _GROUP_WORDS:  # "fighters of the Raia coalition", "group M7"
            after = _name_after(doc, token.i + 2)
            if after is not None:
                found.append((after, kind, after.end))
    for i, lemma in enumerate(token_lemmas(doc)):  # "X claimed responsibility": an armed group
        if lemma.lower() != "claim":
            continue
        token = doc[i]
        claimed = [t.lower_ for t in doc[token.i + 1 : token.i + 3]]  # the parser often misreads the phrase
        if any(w in _CLAIMS for w in claimed):
            end = token.i
            while end > 0 and doc[end - 1].text in QUOTES:  # "'State of Sinai' claimed"
                end -= 1
            span = _name_before(doc, end)
            if span is not None:
                found.append((span, "armed_group", span.end))
    return found


def group_mentions(builder: MentionBuilder) -> None:
    """Add the named groups the sentences reveal by the nouns around the name."""
    doc, table = builder.doc, builder.table
    _apposition_mentions(builder)
    candidates = _candidates(doc)
    communities = _peoples(builder, candidates)
    singular: dict[str, str] = {}  # "Konkombas" -> "Konkomba" when the text also says "Konkomba"
    for candidate, kind, end in candidates:
        span = _unquoted(candidate)
        if kind == "member" or span is None or any(table.at(i) for i in range(span.start, end)):
            continue
        if _excluded(span) and span.text not in communities:
            continue
        mention = doc[span.start : max(end, span.end)]
        if span.text in communities or kind == "identity":  # "Fulani militia", "Abala herdsmen"
            armed_men = doc[end - 1].lower_ in _ARMED_MEN and span.text not in FAITHS
            if kind not in _IDENTITY_KINDS and not armed_men:
                continue  # "Kurdish fighters", "Christian members": people of a community, not its militia
            if span.text not in singular:
                singular[span.text] = community(doc.text, span.text)[0]
            name = f"{singular[span.text]} Ethnic Militia" + _in_country(builder, span.start)
            builder.add(ActorInfo(actor_key(name), name, "militia", builder.country_at(span.start)), mention)
            continue
        crowd = crowd_category(doc[end - 1]) if kind == "organization" and end > span.end else None
        if crowd:  # "UPND members protested": protesters of the country, the party beside them
            builder.add(ActorInfo(actor_key(span.text), span.text, kind), span)
            name = ("Rioters" if crowd == "riot" else "Protesters") + _in_country(builder, span.start)
            code = builder.country_at(span.start)
            builder.add(ActorInfo(actor_key(name), name, "civilians", code), doc[span.end : end])
            continue
        known = _short_forms().get(span.text)  # "ADF rebels": the dictionary's group of that short form
        builder.add(known or ActorInfo(actor_key(span.text), span.text, kind), doc[_called_from(doc, span.start) :
                                                                                  mention.end])


def _called_from(doc: Doc, start: int) -> int:
    """Where the words that call a name a group begin ("rebel group" of "the new rebel group KPLF"): they are its
    mention, so that "rebel" names no other group of the article."""
    if start == 0 or doc[start - 1].lower_ not in _GROUP_WORDS:
        return start
    start -= 1
    while start > 0 and (doc[start - 1].lower_ in _nouns() or doc[start - 1].lower_ in _QUALIFIERS):
        start -= 1
    return start


@cache
def _short_forms() -> dict[str, ActorInfo]:
    """The dictionary's armed actors by the short forms it trusts only beside a full name ("ADF", "Wagner"): a
    group noun next to one ("ADF rebels", "Wagner fighters") says the group is meant."""
    out = {}
    for entry in lexicon.dictionary().values():
        if entry.kind in ARMED_KINDS:
            for alias in entry.context_aliases:
                out[alias] = info_of(entry)
    return out


def _apposition_mentions(builder: MentionBuilder) -> None:
    """Add the names that an apposition calls an armed group ("Jaish Tawhid, an armed outfit formed in 2019"),
    tagged so that the article's "militants" (or "rebels") are that group."""
    doc = builder.doc
    for i, lower in enumerate(token_lowers(doc)):
        kind = _APPOSITION_NOUNS.get(lower)
        if kind is None:
            continue
        token = doc[i]
        det = token.i - 1
        while det > 0 and (doc[det].pos_ in {"ADJ", "NOUN", "ADV"} or doc[det].tag_ == "VBN" or doc[det].text == "-"):
            det -= 1  # "a newly formed armed group": the words that say what it is
        tags = {_ARMED_WORDS[t.lower_] for t in doc[det + 1 : token.i] if t.lower_ in _ARMED_WORDS}
        if det < 2 or doc[det].lower_ not in {"a", "an"} or doc[det - 1].text != "," or not tags:
            continue
        span = _name_before(doc, det - 1)
        if span is not None and not _excluded(span):
            builder.add(ActorInfo(actor_key(span.text), span.text, kind, tags=frozenset(tags - {""})), span)


def _in_country(builder: MentionBuilder, start: int) -> str:
    """" (Nigeria)" for a generic actor of the sentence's country; "" when the text names none."""
    country = countries().by_code.get(builder.country_at(start) or "")
    return f" ({country.name})" if country else ""


def _unquoted(span: Span) -> Span | None:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and doc[start].text in QUOTES:
        start += 1
    while end > start and doc[end - 1].text in QUOTES:
        end -= 1
    return doc[start:end] if end > start else None
