"""Token spans of a parsed doc that may name places: the NER's place entities, well-known names it mislabels,
and capitalised names that a cue word marks ("the town of X", "X district"); and the query variants of a name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.extract.parse.columns import entities, per_doc, token_lowers, token_texts, tokens_text
from graph.extract.places.gazetteer import get_gazetteer, normalise
from graph.extract.places.holders import TOWN_KINDS
from graph.extract.places.listing import ARTICLES, called_noun, place_noun
from graph.extract.places.local import locative
from graph.extract.places.references import dateline
from graph.extract.places.words import (
    ADMIN_WORDS,
    BORDER_WORDS,
    CAMP_WORDS,
    CUE_AFTER,
    CUE_BEFORE,
    DIRECTIONS,
    FACILITY_QUALIFIERS,
    NAME_ENDINGS,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    ROAD_WORDS,
    TITLES,
    TOWN_WORDS,
    common_words,
    facility_after,
    noun_at,
)

_POSSESSIVES = frozenset(("'s", "\u2019s"))

__all__ = ["PLACE_LABELS", "strip", "query_variants", "candidate_spans", "cued_spans", "widen"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model wrongly gives to well-known places ("Daraa" ORG, "Sweida" PERSON).
RESCUE_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"})
_DATELINE_MARKS = frozenset((",", "/", ":", "-", "\u2013", "\u2014", "("))
# Labels of names that a locative preposition does not make places ("in June", "in 2016", "in Syrian").
# Abbreviated saints that open Spanish and Philippine place names ("Sta. Catalina", "Sto. Tomas").
_SAINTS = {"Sta": "Santa", "Sto": "Santo"}
# Direction words that open the name of an admin unit or region ("Middle Shabelle", "Upper Nile").
_DIRECTED = frozenset((*DIRECTIONS, "middle"))
_NOT_PLACE = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "NORP", "MONEY", "PERCENT", "QUANTITY", "EVENT", "LAW"})



def strip(span: Span) -> tuple[int, int]:
    """Token bounds of the name inside a mention: without "the", a trailing "'s", or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "\u2019s", "'") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def query_variants(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """The mention's text, then without a direction word, an apostrophe-less possessive's "s" or a trailing
    type word."""
    text = tokens_text(doc, start, end)
    out = [(start, end, text)]
    if end < len(doc) and doc[end].lower_ in ADMIN_WORDS and doc[end].lower_ not in ("state", "district"):
        out.insert(0, (start, end + 1, tokens_text(doc, start, end + 1)))  # "Kherson oblast", "Sweida province"
    if end - start > 1 and doc[start].lower_ in DIRECTIONS:
        out.append((start + 1, end, tokens_text(doc, start + 1, end)))
    if end - start > 2 and doc[start].text in _SAINTS and doc[start + 1].text == ".":
        out.append((start, end, spelt_out(doc, start, end)))  # "Sta. Catalina": Santa Catalina
    if text.isupper() and dateline(doc, start, end):
        out.append((start, end, text.title()))  # "KABUL, Afghanistan (AP) —"
    if end - start == 1 and text.endswith("s") and end < len(doc) and doc[end].text[:1].isupper():
        out.append((start, end, text[:-1]))  # "Tripolis Fashloum": a possessive that lost its apostrophe
    if end - start > 1 and doc[end - 1].lower_ in ADMIN_WORDS | TOWN_WORDS | CAMP_WORDS:
        s = start + 1 if doc[start].lower_ in DIRECTIONS and end - start > 2 else start
        out.append((s, end - 1, tokens_text(doc, s, end - 1)))
    words = token_lowers(doc)[start:end]
    cut = next((len(words) - n for n in (3, 2) if words[-n:][:2] == ("local", "government")), None)
    if cut and cut > 0:
        out.append((start, start + cut, tokens_text(doc, start, start + cut)))  # "Dorvi Local Government (Area)"
    return out


def candidate_spans(doc: Doc) -> list[Span]:
    """The NER's place entities, names it mislabels that the gazetteer trusts ("Daraa" as ORG), and admin units
    spelt with a lower-case direction ("the middle Shabelle region"), whole."""
    gaz = get_gazetteer()
    directed = _directed(doc) + _abbreviated(doc)
    inside = {i for span in directed for i in range(span.start, span.end)}
    spans = list(directed)
    for ent in entities(doc):
        if any(i in inside for i in range(ent.start, ent.end)):
            continue
        if ent.label_ in PLACE_LABELS:
            spans.append(ent)
        elif ent.label_ in RESCUE_LABELS and ent.text in gaz.trusted_names:
            # a mislabelled name is taken only when spelt as a country, an admin1 unit or a curated place
            spans.append(ent)
    return sorted(spans, key=lambda span: span.start)


def _abbreviated(doc: Doc) -> list[Span]:
    """Names opened by an abbreviated saint ("Sta. Catalina", "Sto. Tomas"): the tokenizer cuts them at the full
    stop, and the NER reads what follows as a person. Taken when the gazetteer knows the name spelt out."""
    gaz, out = get_gazetteer(), []
    texts = token_texts(doc)  # a Token only for the few saints: this passes over every word
    for i in range(len(doc) - 2):
        if texts[i] not in _SAINTS or texts[i + 1] != "." or not texts[i + 2][:1].isupper():
            continue
        for end in (i + 4, i + 3):
            if end <= len(doc) and all(t.is_alpha and t.text[:1].isupper() for t in doc[i + 2 : end]) \
                    and gaz.lookup(spelt_out(doc, i, end)):
                out.append(doc[i:end])
                break
    return out


def spelt_out(doc: Doc, start: int, end: int) -> str:
    """The name of ``doc[start:end]`` with an abbreviated saint spelt out: "Sta. Catalina" -> "Santa Catalina"."""
    return f"{_SAINTS[doc[start].text]} {tokens_text(doc, start + 2, end)}"


def _directed(doc: Doc) -> list[Span]:
    """Names of admin units and regions written with a lower-case direction word: "middle Shabelle", "north Kivu",
    "upper Nile". The NER takes the second word alone ("Shabelle") or reads it as a person ("Kivu")."""
    trusted = get_gazetteer().trusted_names
    out = []
    texts, lowers = token_texts(doc), token_lowers(doc)  # no Token for each word passed over
    for i in range(len(doc) - 1):
        if lowers[i] not in _DIRECTED or not texts[i].islower() or not texts[i + 1][:1].isupper():
            continue
        for end in (i + 3, i + 2):
            if end <= len(doc) and f"{texts[i].capitalize()} {tokens_text(doc, i + 1, end)}" in trusted:
                out.append(doc[i:end])
                break
    return out


def cued_spans(doc: Doc, taken: set[int]) -> list[Span]:
    """Capitalised names the NER left out but the words around mark as places.

    "the town of Monguno", "Nad Ali district", "Mobbar LGA", "Bulo Burte town": such spans are kept
    only if the gazetteer places them in a country the article names (checked by the caller).
    """
    out: list[Span] = []
    texts, lowers, may = token_texts(doc), token_lowers(doc), per_doc(doc, _may_name)
    last = len(doc) - 1
    for i, lower in enumerate(lowers):  # the cheap tests of each rule first, from lists: this passes every token
        line_start = i == 0 or "\n" in texts[i - 1]  # a token's trailing white space is a space or nothing
        if line_start and (found := _dateline_span(doc, i)):
            start, end = found  # "KABUL, Afghanistan (AP) —", "date 2022-11-03 Kohima:"
        elif lower == "of" and i > 0 and lowers[i - 1] in CUE_BEFORE:
            start, end = i + 1, _name_end(doc, i + 1, 4)
        elif lower in ("as", "called", "named") and i + 1 < len(doc) and called_noun(doc, i + 1) is not None:
            start, end = i + 1, _name_end(doc, i + 1, 4)  # "an area known as X", "a village called X"
        elif i > 0 and (may[i - 1] or lowers[i - 1] in BORDER_WORDS) and (named := _name_before_noun(doc, i)):
            start, end = named  # a name word or a border word ("Korame border town") before a place noun
        elif texts[i] == "-" and (ends := _road_ends(doc, i)) is not None:
            (first, last), (start, end) = ends  # "the Maiduguri-Damboa road": both towns are places
            if not any(t in taken for t in range(first, last)):
                out.append(doc[first:last])
                taken.update(range(first, last))
        elif lower in PLACE_PREFIXES and texts[i][:1].isupper() and i + 1 < len(doc) and _name_token(doc[i + 1]):
            start, end = i, _name_end(doc, i + 1, 3)  # "Jebel Chambi", "Barangay Tapi": named with its kind
        elif i < last and may[i + 1] and (after := _name_after(doc, i, taken)) is not None:
            start, end = after
        else:
            continue
        if end > start and not any(t in taken for t in range(start, end)) and texts[start][:1].isupper():
            out.append(doc[start:end])
            taken.update(range(start, end))
    return out


def _road_ends(doc: Doc, i: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """At the hyphen ``i`` of "X-Y road" ("the Tarbe-Ulomi road", "Lomar-Rinde and Obun-Tavi axis"), the
    bounds of X and of Y: the towns a road joins, each a place of its own."""
    if i < 1 or i + 1 >= len(doc) or not (_name_token(doc[i - 1]) and _name_token(doc[i + 1])):
        return None
    end = _name_end(doc, i + 1, 3)
    k = end
    while k < len(doc) and k - end < 6 and doc[k].lower_ not in ROAD_WORDS and (
            doc[k].lower_ in ("and", ",", "-") or _name_token(doc[k])):
        k += 1  # "Kubo-Gamba and Konduga-Bama axis": the road word after the last pair
    if k >= len(doc) or doc[k].lower_ not in ROAD_WORDS:
        return None
    start = i - 1
    while start > 0 and i - start < 3 and _name_token(doc[start - 1]):
        start -= 1
    return (start, i), (i + 1, end)


def _name_before_noun(doc: Doc, i: int) -> tuple[int, int] | None:
    """The bounds of the name before token ``i`` when ``i`` opens a place noun ("Nad Ali district", "Korame border
    town", "X, a village"), or a facility's name after a town's name ("the Machakos courthouse", "Gulu hospital",
    "Jinja Chief Magistrate's Court")."""
    if facility_after(doc, i) is not None:  # "Gulu hospital", "Embu Law Courts": the town before the facility
        return _town_before(doc, i)
    if not (noun_at(doc, i) in CUE_AFTER or _apposed_noun(doc, i) or _local_government(doc, i)):
        return None
    before = doc[i - 1]
    if not ((named_before := _name_token(before)) or (i >= 2 and before.lower_ in BORDER_WORDS
                                                       and _name_token(doc[i - 2]))):
        return None
    end = i if named_before else i - 1  # "Korame border town": the name before "border"
    start = end
    while start > 0 and end - start < 4 and _name_token(doc[start - 1]):
        start -= 1
        if start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
            start -= 2  # "Ga-Rankuwa neighbourhood"
    return start, end


def _town_before(doc: Doc, i: int) -> tuple[int, int] | None:
    """The bounds of the name right before token ``i`` when the gazetteer lists a town or city district so called."""
    start = i
    while start > 0 and i - start < 3 and _name_token(doc[start - 1]):
        start -= 1
    if start == i or not any(p.kind in TOWN_KINDS or (p.curated and p.kind == "area")
                             for p in get_gazetteer().lookup(tokens_text(doc, start, i))):
        return None
    return start, i


def _name_after(doc: Doc, i: int, taken: set[int]) -> tuple[int, int] | None:
    """The bounds of a name after token ``i`` that the NER mislabelled but its place marks: "in Koforidua" read
    as a person, "at X", "attack X", and "<place>, X, <place>" ("Barangay Tapi, Himamaylan, Negros Occidental",
    Himamaylan read as a person); ``taken`` holds the tokens of the places found so far. Token ``i + 1`` is one
    that may open a name (capitalised or an article)."""
    if not (_name_token(doc[i + 1]) and _maybe_place(doc[i + 1])):
        return None
    end = _name_end(doc, i + 1, 3)
    if locative(doc, i + 1):
        return i + 1, end
    address = doc[i].text == "," and i - 1 in taken and end + 1 < len(doc) and doc[end].text == ","
    return (i + 1, end) if address and doc[end + 1].ent_type_ in PLACE_LABELS else None


def _local_government(doc: Doc, i: int) -> bool:
    """Whether "Local Government" opens at token ``i``: Nigeria's LGAs, "Bebeji Local Government Area"."""
    lowers = token_lowers(doc)
    return lowers[i] == "local" and i + 1 < len(lowers) and lowers[i + 1] == "government"


def _name_end(doc: Doc, start: int, most: int) -> int:
    """End of the name that starts at ``start``: up to ``most`` name words, hyphen-joined ones too ("Al-Arish")."""
    end = start
    while end < len(doc) and end - start < most and not _local_government(doc, end):
        if end > start and doc[start].lower_ not in FACILITY_QUALIFIERS and facility_after(doc, end) is not None:
            break  # "at Lira State University": the town, not the university's whole name
        if _name_token(doc[end]):
            end += 1
        elif doc[end].text == "-" and end > start and not doc[end - 1].whitespace_ and end + 1 < len(doc) \
                and _name_token(doc[end + 1]):
            end += 2
        else:
            break
    while end > start + 1 and doc[end - 1].text.islower():
        end -= 1  # an article word ends no name: "Mirdaale at dawn", "Koforidua as"
    return end


def _dateline_span(doc: Doc, i: int) -> tuple[int, int] | None:
    """The place of a dateline on the line that starts at token ``i``, after an optional date."""
    while i < len(doc) and (not doc[i].is_alpha or doc[i].lower_ == "date"):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            return None  # the line holds no name
        i += 1
    end = i
    while end < len(doc) and end - i < 3 and doc[end].is_alpha and doc[end].text[:1].isupper():
        end += 1
    if end == i or end >= len(doc) or doc[end].text not in _DATELINE_MARKS:
        return None  # cheap test first: this runs on every line
    if any(facility_after(doc, k) == end - 1 for k in range(i + 1, end)):
        return None  # "Jinja General Hospital (JGH) said": an institution opens the line, not a dateline
    return (i, end) if dateline(doc, i, end) else None


def _apposed_noun(doc: Doc, i: int) -> bool:
    """A comma opening "X, a village in Y": the name before it is a place."""
    if token_texts(doc)[i] != "," or i + 2 >= len(doc):
        return False
    return doc[i + 1].lower_ in ("a", "an") and doc[i + 2].lower_ in PLACE_NOUNS


def _maybe_place(token) -> bool:
    """A name the NER did not call a date, number, nationality or event ("in June", "in Syrian")."""
    if token.ent_type_ == "NORP":  # "in Kenitra" read as a nationality: a place unless it is a demonym
        return normalise(token.text) not in get_gazetteer().demonyms
    return token.ent_type_ not in _NOT_PLACE


def widen(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Bounds of the whole name when a capitalised neighbour belongs to it: "[East] London", "Tel [Abyad]"."""
    gaz = get_gazetteer()
    may = per_doc(doc, _may_name)
    for s, e in ((start - 1, end + 1), (start - 1, end), (start, end + 2), (start, end + 1)):
        if s < 0 or e > len(doc):
            continue
        around = (*range(s, start), *range(end, e))
        if not all(may[i] for i in around) or not all(_name_token(doc[i]) for i in around):
            continue
        text = tokens_text(doc, s, e)
        if any(_bare(p.name) == normalise(text) for p in gaz.lookup(text)):
            return s, e
    before = doc[start - 1] if start >= 1 else None
    if before is not None and before.text[:1].isupper() and _name_token(before) and _plain(before) \
            and place_noun(doc, start, end):
        return start - 1, end  # "Shah Kalam and Ghazi Khel areas": the whole name, though only "Kalam" is listed
    if end < len(doc) and doc[end].text in NAME_ENDINGS:
        return start, end + 1  # "Auckland Park, Johannesburg": a suburb, not the town it is named after
    return start, _possessive_end(doc, start, end)


def _possessive_end(doc: Doc, start: int, end: int) -> int:
    """End of a listed name that goes on past a possessive ("King William's Town", "Port St John's"), else ``end``:
    "Syria's Idlib" is two names."""
    texts = token_texts(doc)
    for stop in (end + 3, end + 2, end + 1):  # the longest listed name first
        if stop > len(doc) or not any(text in _POSSESSIVES for text in texts[end:stop]):
            continue  # tested first, from the list: a possessive is rare
        if all(texts[i] in _POSSESSIVES or _name_token(doc[i]) for i in range(end, stop)) \
                and get_gazetteer().lookup(tokens_text(doc, start, stop)):
            return stop
    return end


def _bare(name: str) -> str:
    """A place's normalised name without a last word that is its type: "Karachi East District" -> "karachi east"."""
    key = normalise(name)
    stem, _, last = key.rpartition(" ")
    return stem if stem and last in ADMIN_WORDS else key


def _plain(token) -> bool:
    """A name word that is no direction, demonym, title or article: it can open a two-word place name."""
    lower = token.lower_
    return not (lower in DIRECTIONS or lower in TITLES or lower in get_gazetteer().demonyms
                or lower in ("al", "el", "the") or token.ent_type_ in _NOT_PLACE)


_ARABIC_ARTICLES = ARTICLES - {"the"}  # listing's articles inside a name: "Ad Durayhimi"


def _may_name(doc: Doc) -> tuple[bool, ...]:
    """What :func:`_name_token` asks first of each token of ``doc``, from its word lists: a capital or an article."""
    return tuple([text[:1].isupper() or lower in _ARABIC_ARTICLES
                  for text, lower in zip(token_texts(doc), token_lowers(doc), strict=True)])


def _name_token(token) -> bool:
    """A word that can be part of a place name: capitalised, or an Arabic article ("Ad Durayhimi")."""
    lower = token.lower_
    if lower in _ARABIC_ARTICLES:
        return True
    if not (token.text[:1].isupper() and token.is_alpha and not token.is_upper):
        return False
    return not (token.is_sent_start and lower in common_words())
