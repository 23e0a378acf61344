"""Generic descriptors resolved against the article: "regime forces", "Syrian troops", "Russian-backed",
"jihadists", "women and children", "protesters", "the monitor".
"""

from __future__ import annotations

from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.datafiles import read_rows, read_words
from graph.extract.actors import lexicon
from graph.extract.actors.crowds import crowd_class, is_protest_subject, protest_word
from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.table import (
    ARMED_KINDS,
    LINK_WORDS,
    ActorInfo,
    MentionBuilder,
    generic_actor,
    government_actor,
    link_after,
    state_actor,
)
from graph.extract.countries import countries
from graph.extract.parse.sentences import sentence_start

__all__ = ["backer_mentions", "descriptor_mentions", "possessive_mentions", "demonym_mentions", "crowd_mentions",
           "protest_mentions", "victim_count_mentions"]

_STATE_CLASSES = frozenset(["state", "police"])
_PEOPLE_CLASSES = frozenset(["civilians", "protesters", "rioters"])
_STATE_MODIFIERS = {"regime", "government", "pro-government", "pro-regime", "loyalist", "security", "state",
                    "army", "military", "national"}
_GENERIC_NAMES = {
    "civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters",
    "unidentified": "Unidentified Armed Group", "clan": "Unidentified Clan Militia",
    "communal": "Unidentified Communal Militia", "vigilante": "Vigilante Militia",
}
_GENERIC_KINDS = {"civilians": "civilians", "protesters": "civilians",
                  "rioters": "civilians", "unidentified": "armed_group", "clan": "militia", "communal": "militia",
                  "vigilante": "militia"}


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
    by_adjective, by_name = countries().by_adjective, countries().by_name
    communities = lexicon.communities()
    i, country, state = start - 1, None, False
    first = start
    while i >= 0 and start - i <= 4:
        token = doc[i]
        if token.lower_ in LINK_WORDS or token.pos_ in {"DET", "NUM", "ADP", "VERB", "AUX", "PRON", "CCONJ"}:
            break
        owner = _named(doc, i - 1, by_name) if token.text in {"'s", "’s"} and i > 0 else None
        if owner:
            country, first = owner
            break
        adjective = _named(doc, i, by_adjective)
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


def _named(doc: Doc, end: int, names: dict[str, str]) -> tuple[str, int] | None:
    """(country code, first token) of a country's name or adjective that ends at token ``end``, two words
    before one ("South Sudanese" is not "Sudanese")."""
    if end > 0 and f"{doc[end - 1].text} {doc[end].text}" in names:
        return names[f"{doc[end - 1].text} {doc[end].text}"], end - 1
    return (names[doc[end].text], end) if doc[end].text in names else None


def _is_qualifier(doc: Doc, i: int) -> bool:
    by_adjective, by_name = countries().by_adjective, countries().by_name
    text = doc[i].text
    pair = f"{text} {doc[i + 1].text}" if i + 1 < len(doc) else ""  # "South Sudanese" starts at "South"
    return any(t in by_adjective or t in by_name for t in (text, pair)) or doc[i].lower_ in _STATE_MODIFIERS


def backer_mentions(builder: MentionBuilder) -> None:
    """Add "<Country adjective>-backed" modifiers as mentions of that state ("Russian-backed")."""
    doc = builder.doc
    by_adjective, by_name = countries().by_adjective, countries().by_name
    for token in doc[:-2]:
        code = by_adjective.get(token.text) or by_name.get(token.text)
        if code and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in LINK_WORDS - {"based"}:
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
    for token in doc:
        if token.lower_ not in _OWN_FORCES or token.pos_ != "NOUN":
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
        if bare == "1" or country or state:
            matches.append((start, end, cls, first, country, state))
    qualified = [(start, country) for start, _, cls, _, country, _ in matches if cls in _STATE_CLASSES]
    states = _named_states(builder, qualified)
    def where(start: int, cls: str, country: str | None) -> str | None:
        """The country of a descriptor's actor: ACLED codes people by the nationality the text gives them, else
        where they are; a state's force by its qualifier, else the one state its sentence names, else the place."""
        named = states.get(sentence_start(doc[start]), set())
        one_named = next(iter(named)) if cls in _STATE_CLASSES and len(named) == 1 else None
        return country or (None if cls in _PEOPLE_CLASSES else one_named) or builder.country_at(start)

    # an article that calls a state a "regime" makes that state's government and its forces one actor ("the
    # regime", "the Syrian government", "regime forces"); any other government is ACLED's Government of X
    regimes = {where(start, cls, country) for start, end, cls, _, country, _ in matches
               if cls == "state" and doc[end - 1].lower_ == "regime"}
    found: dict[Span, ActorInfo] = {}
    for start, end, cls, first, country, state in matches:
        cls = "state" if cls == "government" and where(start, cls, country) in regimes else cls
        info = _named_force(builder, cls, doc[end - 1]) or _resolve_descriptor(
            builder, cls, where(start, cls, country), bool(country or state))
        if info:
            if info.kind != "civilians":  # "recent regime" -> "regime"; "Druze women" keeps its qualifier
                first = next((i for i in range(first, start) if _is_qualifier(doc, i)), start)
            found[doc[first:end]] = info
    for span in filter_spans(list(found)):  # "regime forces" wins over "regime"
        builder.add(found[span], span, link=link_after(span))


def _named_force(builder: MentionBuilder, cls: str, head) -> ActorInfo | None:
    """The state force a state descriptor's "from"/"of" names ("troopers of the Central Security Forces",
    "soldiers of the 5th Brigade"): the men belong to it, whatever the bare word would say."""
    table = builder.table
    if cls not in _STATE_CLASSES:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("from", "of"):
            continue
        for obj in prep.children:
            mention = table.at(obj.i) if obj.dep_ == "pobj" else None
            if mention is not None and mention.link is None and table.actors[mention.key].kind == "state_forces":
                return table.actors[mention.key]
    return None


_GOVERNMENT_WORDS = frozenset(["government", "regime", "state"])
# civilians who work for a government: "a government official" is a civilian, "the regime offensive" the regime
_CIVIL_SERVANTS = frozenset(["official", "officials", "employee", "employees", "worker", "workers", "servant",
                             "servants", "spokesman", "spokeswoman", "spokesperson", "critic", "critics", "opponent",
                             "opponents", "teacher", "teachers", "doctor", "doctors", "clerk", "clerks"])


def _government_modifier(token) -> bool:
    """Whether "government" (or "regime", "state") only qualifies a civilian who works for it."""
    return (token.lower_ in _GOVERNMENT_WORDS and token.dep_ in ("compound", "amod", "nmod")
            and token.head.lower_ in _CIVIL_SERVANTS)


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and not token.is_sent_start


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a capitalised descriptor is a word of a longer proper name: a capitalised word that is not a
    country's name or adjective stands next to it ("People's Liberation Army", "Police Wives Association")."""
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


_QUANTITIES = frozenset(["dozens", "hundreds", "thousands", "scores", "tens", "millions", "number"])


def demonym_mentions(builder: MentionBuilder) -> None:
    """Add counted nationals ("20 Palestinians", "thousands of Israelis") as that country's civilians."""
    doc = builder.doc
    by_adjective = countries().by_adjective
    for token in doc:
        code = by_adjective.get(token.text[:-1]) if token.text.endswith("s") else None
        if code is None or token.pos_ not in ("PROPN", "NOUN"):
            continue
        counted = any(c.dep_ == "nummod" for c in token.children) or (
            token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _QUANTITIES
        )
        info = _resolve_descriptor(builder, "civilians", code, True) if counted else None
        if info:
            builder.add(info, doc[token.i : token.i + 1])


def _resolve_descriptor(builder: MentionBuilder, cls: str, place: str | None, qualified: bool) -> ActorInfo | None:
    table = builder.table
    if cls in _STATE_CLASSES:
        branch = "Police" if cls == "police" else "Military"
        if place is None:  # the text names no country: ACLED's category alone beats a guessed country
            return ActorInfo(actor_key(f"{branch} Forces"), f"{branch} Forces", "state_forces")
        return state_actor(place, branch)
    if cls == "government":  # "the Ethiopian government": the state as a body, not its forces
        return government_actor(place) if place else None
    if cls in {"jihadist", "rebels", "monitor", "state_media"}:
        present = [info for info in table.actors.values() if _fits(info, cls, place)]
        if present:
            # the group the dictionary calls rebels, else the one the article names most
            return max(present, key=lambda info: ("rebel" in info.tags, builder.count(info.key)))
        if cls == "rebels" or (cls == "jihadist" and not qualified):
            cls = "unidentified"  # ACLED has no category of rebels: unnamed ones are an unidentified group
        else:
            return None
    return generic_actor(_GENERIC_NAMES[cls], _GENERIC_KINDS[cls], place)


def _fits(info: ActorInfo, cls: str, country: str | None) -> bool:
    if cls == "jihadist":
        return "jihadist" in info.tags
    if cls == "rebels":  # "the rebels" of an article that names an armed group are that group
        return info.kind == "armed_group" and not info.name.startswith(tuple(_GENERIC_NAMES.values()))
    if cls == "monitor":
        return info.kind == "monitor"
    return "state_media" in info.tags and (country is None or info.country == country)


# plural nouns that name armed men or officials, never a crowd, even as the subject of "gathered"
_NOT_CROWDS = frozenset(["forces", "troops", "soldiers", "militants", "fighters", "rebels", "gunmen", "police",
                         "officials", "authorities", "jets", "warplanes", "drones", "units", "insurgents"])


def crowd_mentions(builder: MentionBuilder) -> None:
    """Add the plural nouns a sentence makes the subject of a protest ("Employees gathered in protest",
    "dozens of artists rallied") as Protesters of the nationality the text gives them ("hundreds of Eritrean
    refugees"), else of the country the sentence is about."""
    doc = builder.doc
    for token in doc:
        if token.lower_ in _NOT_CROWDS or builder.table.at(token.i) or not is_protest_subject(token):
            continue
        start = min((c.i for c in token.children if c.dep_ in {"compound", "amod"} and c.i < token.i), default=token.i)
        info = _resolve_descriptor(builder, "protesters", _nationality(token) or builder.country_at(token.i), True)
        if info:
            builder.add(info, doc[start : token.i + 1])


def _nationality(token) -> str | None:
    """The country of a nationality adjective on a crowd's noun, or on the noun a count stands for:
    "Eritrean refugees", "hundreds of Eritrean refugees"."""
    nouns = [token] + [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
    for noun in nouns:
        for child in noun.children:
            named = _named(token.doc, child.i, countries().by_adjective) if child.dep_ in {"amod", "compound"} else None
            if named:
                return named[0]
    return None


def protest_mentions(builder: MentionBuilder) -> None:
    """In a sentence that names a protest or a riot but no group of people, the word stands for its crowd:
    "Protests against insecurity in El Fasher" -> Protesters (Sudan), "Riots broke out" -> Rioters."""
    doc, table = builder.doc, builder.table
    crowded = {sentence_start(doc[m.start]) for m in table.mentions if table.actors[m.key].kind == "civilians"}
    for sent in doc.sents:
        if sent.start in crowded:
            continue
        for token in sent:
            category = protest_word(token)
            if category and not table.at(token.i):
                cls = "rioters" if category == "riot" else "protesters"
                info = _resolve_descriptor(builder, cls, builder.country_at(token.i), True)
                if info:
                    builder.add(info, doc[token.i : token.i + 1])
                break


_HARM_VERBS = read_words("actors", "harm_verbs.txt")
_VAGUE_COUNTS = frozenset(["several", "many", "dozens", "scores", "hundreds", "others", "some"])


def victim_count_mentions(builder: MentionBuilder) -> None:
    """A bare count that a verb of harm takes as its victims ("killing 20", "12 killed", "killed two and
    wounded one") stands for civilians of the sentence's country; roles leave them out of battles."""
    doc, table = builder.doc, builder.table
    sides: dict[int, set[str]] = {}
    for m in table.mentions:
        if table.actors[m.key].kind in ARMED_KINDS and m.link is None:
            sides.setdefault(sentence_start(doc[m.start]), set()).add(m.key)
    fights = {start for start, keys in sides.items() if len(keys) > 1}
    for token in doc:
        if not (token.like_num or token.lower_ in _VAGUE_COUNTS) or table.at(token.i):
            continue
        if sentence_start(token) in fights:
            continue  # two armed sides in the sentence: the dead are combatants, not civilians
        if token.dep_ not in {"dobj", "nsubjpass", "nsubj", "conj"} or any(c.dep_ == "prep" for c in token.children):
            continue  # "two of the residents": the count of a noun named elsewhere
        verb = token.head
        while verb.dep_ == "conj" and verb.pos_ != "VERB" and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _HARM_VERBS and token.i != verb.i:
            info = _resolve_descriptor(builder, "civilians", builder.country_at(token.i), True)
            if info:
                builder.add(info, doc[token.i : token.i + 1])
