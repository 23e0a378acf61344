"""Reading place names in running text: the noun that calls a name a place ("X village", "the town of X"),
and the names listed with it ("the Kanyola and Bweremana areas", "the villages of Bariire, Sabiid and Awdheegle").

A name is capitalised words, with the lower-case articles and hyphens between them ("Wad al-Bakhit").
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.extract.parse.columns import token_lowers, token_texts
from graph.extract.places.words import BORDER_WORDS, PLACE_NOUNS, PLACE_PREFIXES, common_words, noun_at

__all__ = [
    "ARTICLES", "SKIPPED", "place_noun", "coordinated_names", "skip_names", "titled", "capitalised", "reads_as_name",
    "listed_names", "called_noun",
]

ARTICLES = frozenset(("al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "the"))
_PARTICLES = ARTICLES - {"the"}  # lower-case inside a name: "Wad al-Bakhit"
SKIPPED = ARTICLES | {"a", "-"}  # between a preposition and its place: "in the", "in Al-Arish"
_CALLING = frozenset(("known", "called", "named"))  # "an area known as X", "a village called X"


def place_noun(doc: Doc, start: int, end: int) -> str | None:
    """The place noun that calls ``doc[start:end]`` a place: after it, after a coordinated name, or before "of"."""
    texts, lowers = token_texts(doc), token_lowers(doc)  # the words around, without a Token for each
    i = skip_names(doc, end)  # "Kanyola and Bweremana areas": the noun after the last coordinated name
    next_to = end + 1 if i == end and i + 1 < len(doc) and lowers[i] in BORDER_WORDS else end
    i = max(i, next_to)  # "Korame border town": the noun after "border"
    if i < len(doc) and (noun := noun_at(doc, i)) in PLACE_NOUNS and (i == next_to or noun.endswith("s")):
        return noun
    if start >= 2 and lowers[start - 1] == "of" and lowers[start - 2] in PLACE_NOUNS:
        return lowers[start - 2]
    if (called := called_noun(doc, start)) is not None:
        return called
    if end + 2 < len(doc) and texts[end] == "," and lowers[end + 1] in ("a", "an"):
        return lowers[end + 2] if lowers[end + 2] in PLACE_NOUNS else None  # "Gadabeji, a village in"
    if end - start > 1 and lowers[start] in PLACE_PREFIXES:
        return "feature"  # "Jebel Chambi"
    return None


def called_noun(doc: Doc, start: int) -> str | None:
    """The place noun before "known as", "called" or "named" that introduces the name at ``start``: "an
    area known as X", "a village called X"."""
    lowers = token_lowers(doc)
    i = start - 2 if start >= 2 and lowers[start - 1] == "as" and lowers[start - 2] == "known" else start - 1
    if i < 1 or lowers[i] not in _CALLING:
        return None
    return lowers[i - 1] if lowers[i - 1] in PLACE_NOUNS else None


def coordinated_names(doc: Doc, end: int) -> list[tuple[int, int]]:
    """Names coordinated after a name before a plural place noun: "Kanyola [and Bweremana] areas"."""
    out = _listed(doc, end)
    i = out[-1][1] if out else end
    if out and i < len(doc) and (noun := noun_at(doc, i)) in PLACE_NOUNS and noun.endswith("s"):
        return out
    return []


def skip_names(doc: Doc, end: int) -> int:
    """The first token after a list of coordinated names ("and Lukweti", ", Maiwa") that follows ``end``."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    i = end
    while i < len(doc) and i - end < 8 and noun_at(doc, i) not in PLACE_NOUNS:
        # a Token only for a capitalised word: a name word or a title ("Wad al-Nureen") must open with a capital
        named = texts[i][:1].isupper() and (capitalised(doc[i]) or (
            titled(doc[i]) and i + 1 < len(doc) and _inside_name(doc, i + 1)))
        if not (texts[i] in (",", "and") or named or _inside_name(doc, i)):
            break
        i += 1
    if i > end and lowers[i - 1] == "and":  # "Lusaka and in the Eastern region": a second place, not a container
        i = end
    return i


def titled(token) -> bool:
    """A capitalised word inside a sentence, even a common one ("Amir", "Park")."""
    return token.is_alpha and token.text[:1].isupper() and not token.is_sent_start and not token.is_upper


def _inside_name(doc: Doc, i: int) -> bool:
    """A lower-case article or hyphen between two words of a name: "al" and "-" of "Wad al-Bakhit"."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    if i < 1 or not (lowers[i] in _PARTICLES or texts[i] == "-"):
        return False
    k = i
    while k < len(doc) and (lowers[k] in _PARTICLES or texts[k] == "-"):
        k += 1
    before = doc[i - 1]
    opened = capitalised(before) or titled(before) or _inside_name(doc, i - 1)
    return opened and k < len(doc) and capitalised(doc[k])


def _name_end(doc: Doc, start: int, most: int) -> int:
    """The end of the name that opens at ``start``: up to ``most`` capitalised words, with the articles and hyphens
    between them ("Wad al-Bakhit", "Ras al-Ain")."""
    end, words = start, 0
    while end < len(doc) and words < most and (capitalised(doc[end]) or _inside_name(doc, end)):
        words += doc[end].text != "-" and doc[end].lower_ not in _PARTICLES
        end += 1
    return end


def capitalised(token) -> bool:
    """A capitalised word that is no English word: a name's own word ("Lukweti", not "Park")."""
    return token.is_alpha and token.text[:1].isupper() and token.lower_ not in common_words()


def reads_as_name(span) -> bool:
    """Capitalised words (hyphen-joined ones too) that are no bare article: "Aniet-Ngong", not "Al"."""
    words = [t for t in span if t.text != "-" and not _inside_name(span.doc, t.i)]
    if not words or (len(words) == 1 and words[0].lower_ in ARTICLES):
        return False
    return all(capitalised(t) or titled(t) for t in words) and any(capitalised(t) for t in words)


def listed_names(doc: Doc, spans: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """Names listed with the given ones before or after a plural place noun, with that noun."""
    out: dict[tuple[int, int], str] = {}
    for start, end in spans:
        noun = place_noun(doc, start, end)
        out.update(dict.fromkeys(_coordinated(doc, start, end), noun or "villages"))
    return out


def _coordinated(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Names listed with this one before a plural place noun: "Kanyola and [Bweremana] areas" both ways."""
    out = coordinated_names(doc, end)
    i = start
    while i >= 2 and doc[i - 1].text in (",", "and") and capitalised(doc[i - 2]):
        j = i - 2
        while j > 0 and titled(doc[j - 1]) and i - j < 3:
            j -= 1  # "Shah Kalam": a common word inside a name
        out.append((j, i - 1))
        i = j
    plural = place_noun(doc, start, end)
    if plural is not None and plural.endswith("s") and not out and start >= 2 and doc[start - 1].lower_ == "of":
        return _listed(doc, end)  # "the villages of Bariire, Sabiid and Awdheegle"
    return out if plural is not None and plural.endswith("s") else []


def _listed(doc: Doc, end: int) -> list[tuple[int, int]]:
    """The names of a list that goes on after ``end``: ", Bariire, Sabiid and Awdheegle"."""
    out, i = [], end
    while i + 1 < len(doc) and doc[i].text in (",", "and") and capitalised(doc[i + 1]):
        j = _name_end(doc, i + 1, 3)
        out.append((i + 1, j))
        i = j
    return out
