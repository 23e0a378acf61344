"""A unit of a state's forces implies that state's forces: "Syria's elite Tiger Forces" -> Military Forces of Syria.

The rule runs once, when the actor table is complete, so relations and roles only read the table.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.datafiles import read_words
from graph.extract.actors import lexicon
from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.resolve import REGIONAL
from graph.extract.actors.table import (
    ActorInfo,
    ActorMention,
    ActorTable,
    MentionBuilder,
    government_actor,
    state_actor,
)
from graph.extract.countries import countries, doc_names
from graph.extract.parse.columns import token_lowers, token_texts

__all__ = ["is_unit", "is_government", "unit_state", "add_unit_states", "named_state_force", "security_unit"]

_FORCE_WORDS = frozenset(["Army", "Forces", "Force", "Navy", "Military", "Gendarmerie", "Guard", "Police", "Service"])
_POLICE_WORDS = frozenset(["Police", "Gendarmerie"])
# words that make "<Country> ... Army" a rebel army rather than the state's ("Sudan People's Liberation Army")
_REBEL_WORDS = frozenset(["Liberation", "Democratic", "Revolutionary", "Independence", "Resistance", "Salvation",
                          "Patriotic", "Opposition", "Islamic", "Free", "Popular", "Rebel"])
# the last words of a police force's own name ("Liyu Police", "Lagos State Police Command"), and the words of a
# state security or intelligence service's ("National Intelligence and Security Service"); ACLED codes both as
# units of the state's Police Forces, military intelligence as its Military Forces
_POLICE_ENDS = frozenset(["Police", "Gendarmerie"])
_POLICE_BODIES = frozenset(["Command", "Service", "Force", "Department", "Unit", "Division"])
_SECURITY_WORDS = frozenset(["Intelligence", "Security"])
_SERVICES = frozenset(["Service", "Services", "Agency", "Directorate"])
_SERVICE_ACRONYMS = read_words("actors", "security_services.txt")


def security_unit(builder: MentionBuilder, span: Span) -> ActorInfo | None:
    """A police force or a security service that the text names by a name of its own, as a unit of the sentence's
    country's forces: "Liyu Police", "Buffalo City Metro Police",
    "National Intelligence and Security Service", "NISS"."""
    words = [t.text for t in span]
    named = len(words) >= 2 and not any(w in _REBEL_WORDS for w in words)
    police = named and (words[-1] in _POLICE_ENDS or (words[-1] in _POLICE_BODIES and words[-2] == "Police"))
    service = named and words[-1] in _SERVICES and any(w in _SECURITY_WORDS for w in words)
    if not (police or service or span.text in _SERVICE_ACRONYMS):
        return None
    branch = "Military" if service and "Military" in words else "Police"
    code = builder.country_at(span.start)
    if code is None:  # no country in the text: ACLED's category alone beats a guessed one
        return ActorInfo(actor_key(f"{branch} Forces"), f"{branch} Forces", "state_forces")
    tags = frozenset(["police"]) if branch == "Police" else frozenset()
    return ActorInfo(actor_key(span.text), span.text, "state_forces", code, tags)


def is_unit(info: ActorInfo) -> bool:
    """Whether the actor is a unit of a state's forces rather than the state's forces themselves (a region's
    own forces, "Military Forces of Puntland", are no unit of the federal state's)."""
    if info.kind != "state_forces" or REGIONAL in info.tags:
        return False
    state = state_actor(info.country, _branch(info)) if info.country else None
    return state is None or state.key != info.key


def _branch(info: ActorInfo) -> str:
    return "Police" if "police" in info.tags else "Military"


def unit_state(doc: Doc, info: ActorInfo, mention: ActorMention) -> ActorInfo | None:
    """The state a unit mention belongs to: the country written just before it ("Syria's", "Syrian"),
    else the unit's own country."""
    if not is_unit(info):
        return None
    by_adjective, by_name = countries().by_adjective, doc_names(doc)
    code = None
    for i in range(max(mention.start - 4, 0), mention.start):
        if doc[i].text in by_name and i + 1 < len(doc) and doc[i + 1].text in {"'s", "’s"}:
            code = by_name[doc[i].text]
        elif doc[i].text in by_adjective:
            code = by_adjective[doc[i].text]
    code = code or info.country
    return state_actor(code, _branch(info)) if code else None


def add_unit_states(doc: Doc, table: ActorTable) -> None:
    """Add to the table the state forces that its units and its government imply, by mention, then by each unit's
    country; ``table.unit_states`` then maps each unit (and the government) to the state forces it stands for in
    events."""
    for mention in table.mentions:
        state = unit_state(doc, table.actors[mention.key], mention)
        if state:
            table.actors.setdefault(state.key, state)
    for info in list(table.actors.values()):
        state = state_actor(info.country, _branch(info)) if (is_unit(info) or is_government(info)) and info.country \
            else None
        if state:
            table.actors.setdefault(state.key, state)
            table.unit_states[info.key] = state.key


def is_government(info: ActorInfo) -> bool:
    """Whether the actor is ACLED's Government of X, which fights through its Military Forces of X (a government
    by its own name, such as the GNA, is an actor of its own)."""
    government = government_actor(info.country) if info.kind == "government" and info.country else None
    return government is not None and government.key == info.key


def named_state_force(words: list[str], by_name: dict[str, str] | None = None) -> tuple[str, str] | None:
    """(country code, "Military" or "Police") for a force named after its country: "Kenya Defence Forces",
    "Somali National Army", "Nigeria Police Force", "Sudanese Armed Forces"; rebel armies excepted. ``by_name``:
    the country names as the document reads them (:func:`doc_names`)."""
    known = countries()
    by_name = known.by_name if by_name is None else by_name
    if len(words) < 2 or words[-1] not in _FORCE_WORDS or any(w in _REBEL_WORDS for w in words):
        return None
    code = None
    for size in (2, 1):
        first = " ".join(words[:size])
        code = code or by_name.get(first) or known.by_adjective.get(first)
    if code is None:
        return None
    return code, "Police" if any(w in _POLICE_WORDS for w in words) else "Military"


def _dictionary_unit(token, code: str) -> bool:
    """Whether the token ends a dictionary name of one of that country's own forces."""
    entry = lexicon.dictionary().get(token.ent_id_) if token.ent_id_ else None
    return entry is not None and entry.kind == "state_forces" and entry.country == code


def named_force_spans(doc: Doc) -> list[tuple[int, int, tuple[str, str]]]:
    """(start, end, (country, branch)) of every force named after its country: a run of capitalised words
    that opens with a country's name or adjective and ends on a force word ("Kenya Defence Forces")."""
    out = []
    known, names = countries(), doc_names(doc)
    texts, lowers = token_texts(doc), token_lowers(doc)  # this loop looks at each token's words several times
    i = 0
    while i < len(texts):
        if texts[i] not in known.by_name and texts[i] not in known.by_adjective and lowers[i] != "the" \
                and not (i + 1 < len(texts) and f"{texts[i]} {texts[i + 1]}" in known.by_name):
            i += 1  # a force named after its country opens with the country ("South Sudan People's ...")
            continue
        if i > 0 and texts[i - 1][:1].isupper() and lowers[i - 1] != "the":
            i += 1  # a run starts at its first capitalised word: "Free Syrian Army" is not the "Syrian Army"
            continue
        end = i
        while end < len(texts) and end - i < 7 and (texts[end][:1].isupper() or texts[end] in {"'s", "’s"}):
            end += 1
        found = None
        for stop in range(end, i + 1, -1):
            force = named_state_force([text for text in texts[i:stop] if text not in {"'s", "’s"}], names)
            if force and _dictionary_unit(doc[stop - 1], force[0]):
                continue  # "Syria's Tiger Forces", "Iraq's Counter Terrorism Service": a unit of the dictionary
            if force:
                found = (i, stop, force)
                break
        if found:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out
