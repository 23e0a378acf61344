"""Generic descriptors resolved against the article: "regime forces", "Syrian troops", "Russian-backed",
"jihadists", "women and children", "protesters", "the monitor"; "its fighters" as their owner's.
"""

from __future__ import annotations

from functools import cache, partial

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.datafiles import read_rows
from graph.extract.actors import lexicon
from graph.extract.actors.crowds import crowd_class
from graph.extract.actors.resolve import STATE_CLASSES, named_country, regional_force, resolve_descriptor
from graph.extract.actors.table import (
    ARMED_KINDS,
    LINK_WORDS,
    ActorInfo,
    MentionBuilder,
    link_after,
    state_actor,
)
from graph.extract.countries import countries, doc_names
from graph.extract.parse.columns import token_lowers, token_texts
from graph.extract.parse.sentences import sentence_start

__all__ = ["backer_mentions", "descriptor_mentions", "possessive_mentions"]

_PEOPLE_CLASSES = frozenset(["civilians", "protesters", "rioters"])
_STATE_MODIFIERS = {"regime", "government", "pro-government", "pro-regime", "loyalist", "security", "state",
                    "army", "military", "national"}


@cache
def _descriptor_matcher(vocab) -> PhraseMatcher:
    # a PhraseMatcher on LOWER finds what a token Matcher of {"LOWER": w} patterns finds, at a
    # fraction of the cost; descriptor words are lower case already
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for words, (cls, bare) in lexicon.descriptors().items():
        matcher.add(f"{cls}|{int(bare)}", [Doc(vocab, words=list(words))])
    return matcher


def _qualifier(doc: Doc, start: int) -> tuple[int, str | None, bool]:
    """Scan left of a head noun for a country adjective, a country possessive or a state modifier.

    Returns (first token of the noun phrase, country code or None, has a state modifier).
    """
    by_adjective, by_name = countries().by_adjective, doc_names(doc)
    communities = lexicon.communities()
    i, country, state = start - 1, None, False
    first = start
    while i >= 0 and start - i <= 4:
        token = doc[i]
        if token.lower_ in LINK_WORDS or token.pos_ in {"DET", "NUM", "ADP", "VERB", "AUX", "PRON", "CCONJ"}:
            break
        owner = named_country(doc, i - 1, by_name) if token.text in {"'s", "’s"} and i > 0 else None
        if owner:
            country, first = owner
            break
        adjective = named_country(doc, i, by_adjective)
        if adjective:
            country, first = adjective
            i = first
        elif token.lower_ in _STATE_MODIFIERS:
            state, first = True, i
        elif token.text in communities or token.pos_ in {"ADJ", "PROPN", "NOUN"} or token.text == "-":
            first = i
        else:
            break
        i -= 1
    while first < start and doc[first].text in {"-", "'s"}:
        first += 1
    return first, country, state


def _is_qualifier(doc: Doc, i: int) -> bool:
    by_adjective, by_name = countries().by_adjective, countries().by_name
    text = doc[i].text
    pair = f"{text} {doc[i + 1].text}" if i + 1 < len(doc) else ""  # "South Sudanese" starts at "South"
    return any(t in by_adjective or t in by_name for t in (text, pair)) or doc[i].lower_ in _STATE_MODIFIERS


def backer_mentions(builder: MentionBuilder) -> None:
    """Add "<Country adjective>-backed" modifiers as mentions of that state ("Russian-backed")."""
    doc = builder.doc
    by_adjective, by_name = countries().by_adjective, doc_names(doc)
    for i, text in enumerate(token_texts(doc)[:-2]):
        code = by_adjective.get(text) or by_name.get(text)
        if not code:
            continue
        token = doc[i]
        if doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in LINK_WORDS - {"based"}:
            info = state_actor(code)
            if info:
                builder.add(info, doc[token.i : token.i + 1], link=doc[token.i + 2].lower_)  # "Iran" of "Iran-backed"


_OWN_FORCES = frozenset(["fighters", "forces", "troops", "soldiers", "militants", "men", "members", "units",
                         "gunmen", "warplanes", "jets", "drones", "artillery"])


def possessive_mentions(builder: MentionBuilder) -> None:
    """Add "its fighters", "their troops" as mentions of the armed actor named before them in the sentence.

    "Hamas's armed wing said its fighters fired ...": the fighters are Hamas's. Without such an
    actor earlier in the sentence the words are left to the descriptors ("the army said its troops").
    """
    doc, table = builder.doc, builder.table
    for i, lower in enumerate(token_lowers(doc)):
        if lower not in _OWN_FORCES or (token := doc[i]).pos_ != "NOUN":
            continue  # tested first: the owner is read from the token's children
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if owner is None:
            continue
        before = [table.at(i) for i in range(owner.i - 1, sentence_start(token) - 1, -1)]
        antecedent = next((m for m in before if m and m.link is None and table.actors[m.key].kind in ARMED_KINDS),
                          None)
        if antecedent is not None:
            builder.add(table.actors[antecedent.key], doc[owner.i : token.i + 1])


def descriptor_mentions(builder: MentionBuilder) -> None:
    """Add the descriptors of the doc as mentions of the actors they stand for.

    A bare "soldiers" or "police" is the state whose forces the sentence names outright ("The
    Israeli military said two soldiers were killed"), else the country the sentence happens in.
    """
    doc = builder.doc
    matches = []
    for match_id, start, end in sorted(_descriptor_matcher(doc.vocab)(doc), key=lambda m: (m[1], m[2])):
        cls, bare = doc.vocab.strings[match_id].split("|")
        head = doc[end - 1]
        cls = crowd_class(cls, head)
        opening = end - start == 1 and doc[start].is_sent_start  # "Army deployed to ...": capitalised as the first word
        if head.pos_ not in {"NOUN", "PROPN"} or any(
            doc[i].ent_type_ and doc[i].ent_type_ != "NORP" for i in range(start, end)
        ) and not opening:
            continue
        if start > 0 and builder.table.at(start - 1) is not None and doc[start - 1].ent_id_:
            continue  # "IS jihadists", "Houthi rebels": the head noun belongs to the named actor
        if _inside_name(doc, start, end):
            continue  # "Sudan People's Liberation Army": a word of a proper name, not a descriptor
        if _government_modifier(head):
            continue  # "a government official": a civilian, the noun after it is who is meant
        first, country, state = _qualifier(doc, start)
        region = regional_force(doc, first, start, cls)
        if bare == "1" or country or state or region:
            matches.append((start, end, cls, first, country, state, region))
    qualified = [(start, country) for start, _, cls, _, country, _, _ in matches if cls in STATE_CLASSES]
    states = _named_states(builder, qualified)
    where = partial(_where, builder, states)
    # an article that calls a state a "regime" makes that state's government and its forces one actor ("the
    # regime", "the Syrian government", "regime forces"); any other government is ACLED's Government of X
    regimes = {where(start, cls, country) for start, end, cls, _, country, _, _ in matches
               if cls == "state" and doc[end - 1].lower_ == "regime"}
    found: dict[Span, ActorInfo] = {}
    for start, end, cls, first, country, state, region in matches:
        cls = "state" if cls == "government" and where(start, cls, country) in regimes else cls
        info = region or _named_force(builder, cls, doc[end - 1]) or _attributed_group(builder, cls, doc[end - 1]) \
            or resolve_descriptor(builder, cls, where(start, cls, country), bool(country or state), bool(country))
        if info:
            if info.kind != "civilians":  # "recent regime" -> "regime"; "Druze women" keeps its qualifier
                first = next((i for i in range(first, start) if _is_qualifier(doc, i)), start)
            found[Span(doc, first, end)] = info
    for span in filter_spans(list(found)):  # "regime forces" wins over "regime"
        builder.add(found[span], span, link=link_after(span))


def _where(builder: MentionBuilder, states: dict[int, set[str]], start: int, cls: str, country: str | None
           ) -> str | None:
    """The country of a descriptor's actor: ACLED codes people by the nationality the text gives them, else
    where they are; a state's force by its qualifier, else the one state its sentence names (``states``), else the
    place; armed men no place or vote gives a country are of the one state whose forces their sentence names
    ("Malian troops killed four jihadists": the tagger often leaves "Malian" unnamed, and the fight is most likely
    in Mali)."""
    named = states.get(sentence_start(builder.doc[start]), set())
    one_named = next(iter(named)) if len(named) == 1 else None
    if cls in STATE_CLASSES:
        return country or one_named or builder.country_at(start)
    if cls in _PEOPLE_CLASSES:
        return country or builder.country_at(start)
    return country or builder.country_at(start) or one_named


def _named_force(builder: MentionBuilder, cls: str, head) -> ActorInfo | None:
    """The state force a state descriptor's "from"/"of" names ("troopers of the Central Security Forces",
    "soldiers of the 5th Brigade"): the men belong to it, whatever the bare word would say."""
    table = builder.table
    if cls not in STATE_CLASSES:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("from", "of"):
            continue
        for obj in prep.children:
            mention = table.at(obj.i) if obj.dep_ == "pobj" else None
            if mention is not None and mention.link is None and table.actors[mention.key].kind == "state_forces":
                return table.actors[mention.key]
    return None


_UNNAMED_ARMED = frozenset(["unidentified", "jihadist", "rebels", "militia"])
# participles that attribute unnamed armed men to a group: "gunmen thought to belong to X"
_ATTRIBUTING = frozenset(["believe", "suspect", "think", "presume", "allege", "say", "report"])
_ATTRIBUTION_WORDS = 14  # room for a long name: "thought to belong to the Islamic State West Africa Province"
_BEFORE_ATTRIBUTION = 6  # room for what the men wear or carry before it: "gunmen in army uniforms, suspected to be"
_NON_STATE_ARMED = frozenset(["armed_group", "militia"])
# the state's men the participle may name instead of a group: "gunmen suspected to be soldiers"
_STATE_MEN = {"soldiers": "state", "soldier": "state", "troops": "state", "policemen": "police",
              "policeman": "police", "police": "police"}


def _attributed_group(builder: MentionBuilder, cls: str, head) -> ActorInfo | None:
    """The named armed group (or the state's force) unnamed armed men are said to belong to ("gunmen thought to
    belong to X", "armed men suspected to be X fighters", "gunmen in army uniforms, suspected to be soldiers"):
    ACLED codes the attack as theirs. Read from the words after the participle, which the parser often attaches
    elsewhere."""
    doc, table = builder.doc, builder.table
    verb = _attributing_participle(doc, head) if cls in _UNNAMED_ARMED else None
    if verb is None:
        return None
    for i in range(verb + 1, min(verb + _ATTRIBUTION_WORDS, len(doc))):
        if doc[i].is_punct and doc[i].text not in ("-", "'", '"'):
            break  # the clause ends: "Gunmen, suspected by police, ..." names no group after the comma
        mention = table.at(i)
        if mention is not None and mention.link is None and table.actors[mention.key].kind in _NON_STATE_ARMED:
            return table.actors[mention.key]
        if doc[i].lower_ in _STATE_MEN and doc[i - 1].lower_ in ("be", "been"):
            return resolve_descriptor(builder, _STATE_MEN[doc[i].lower_], builder.country_at(i), False)
    return None


def _attributing_participle(doc: Doc, head) -> int | None:
    """The index of the participle that attributes the men of ``head`` ("suspected", "believed"), right after it or
    after what they wear or carry ("in army uniforms", "wearing masks"), before the clause's own verb."""
    for i in range(head.i + 1, min(head.i + _BEFORE_ATTRIBUTION + 1, len(doc))):
        token = doc[i]
        if token.lemma_.lower() in _ATTRIBUTING and token.tag_ in ("VBN", "VBD"):
            return i
        if (token.pos_ in ("VERB", "AUX") and token.tag_ != "VBG") or (token.is_punct and token.text != ","):
            return None
    return None


_GOVERNMENT_WORDS = frozenset(["government", "regime", "state"])
# civilians who work for a government: "a government official" is a civilian, "the regime offensive" the regime
_CIVIL_SERVANTS = frozenset(["official", "officials", "employee", "employees", "worker", "workers", "servant",
                             "servants", "spokesman", "spokeswoman", "spokesperson", "critic", "critics", "opponent",
                             "opponents", "teacher", "teachers", "doctor", "doctors", "clerk", "clerks"])


# the levels below the state's: their "government" is an administrative area (Nigeria's local government areas) or
# its council, never the Government of X whose forces fight
_SUBNATIONAL = frozenset(["local", "municipal", "district", "county", "provincial", "regional", "city", "town"])


def _government_modifier(token) -> bool:
    """Whether "government" (or "regime", "state") is no actor: it only qualifies a civilian who works for it ("a
    government official"), or it is a level below the state ("Kauru local government", "the district government")."""
    if token.lower_ == "government" and token.i > 0 and token.doc[token.i - 1].lower_ in _SUBNATIONAL:
        return True
    return (token.lower_ in _GOVERNMENT_WORDS and token.dep_ in ("compound", "amod", "nmod")
            and token.head.lower_ in _CIVIL_SERVANTS)


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and not token.is_sent_start


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a capitalised descriptor is a word of a longer proper name: a capitalised word that is not a
    country's name or adjective stands next to it ("People's Liberation Army", "Army Widows Union")."""
    if not any(_capitalised(doc[i]) for i in range(start, end)):
        return False
    if _names_an_organisation(doc[end - 1]):
        return True
    known = countries()
    after = end + 1 if end < len(doc) and doc[end].text in {"'s", "’s"} else end
    neighbours = [doc[after]] if after < len(doc) else []
    if start > 0:
        neighbours.append(doc[start - 1])
    return any(_capitalised(t) and t.pos_ == "PROPN" and t.text not in known.by_adjective
               and t.text not in known.by_name for t in neighbours)


@cache
def _organisation_heads() -> frozenset[str]:
    """The capitalised head nouns of organisations' names ("Union", "Association"), read once from org_heads.tsv."""
    return frozenset(row["word"] for row in read_rows("actors", "org_heads.tsv") if row["kind"] == "organization")


def _names_an_organisation(token) -> bool:
    """Whether a capitalised word qualifies, through the words of a name, an organisation's capitalised head noun:
    "Police" of "the Police and Traffic Officers Union" names the union, not the police."""
    heads = _organisation_heads()
    for _ in range(4):
        if token.dep_ not in ("compound", "nmod", "conj", "amod") or token.head.i == token.i:
            return False
        token = token.head
        if token.text in heads and _capitalised(token):
            return True
    return False


def _named_states(builder: MentionBuilder, qualified: list[tuple[int, str | None]]) -> dict[int, set[str]]:
    """Sentence start -> the countries whose forces it names outright ("Israeli military", "the IDF")."""
    doc, table = builder.doc, builder.table
    out: dict[int, set[str]] = {}
    for start, country in qualified:
        if country:
            out.setdefault(sentence_start(doc[start]), set()).add(country)
    for mention in table.mentions:
        info = table.actors[mention.key]
        if mention.link is None and info.kind == "state_forces" and info.country:
            out.setdefault(sentence_start(doc[mention.start]), set()).add(info.country)
    return out
