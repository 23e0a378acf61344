"""A ministry that acts or speaks for its government ("the defence ministry said", "according to the Health
Ministry", "the Interior Ministry banned the march") is an actor of kind government; a ministry where something
happens ("protested outside the Ministry of Defence") stays a building, which is no actor (org_heads.tsv)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.table import ActorInfo, MentionBuilder, strip_name
from graph.extract.countries import countries, doc_names
from graph.extract.parse.columns import entities

__all__ = ["ministry_mentions"]

_MINISTRY = frozenset(["ministry", "ministries"])
_SMALL = frozenset(["of", "for", "and", "the"])  # words a ministry's title leaves in lower case


def ministry_mentions(builder: MentionBuilder) -> None:
    """Add each ministry the statistical NER names that does or says what its clause tells, as its state's
    government body; a bare "the ministry" that acts then names the article's one ministry."""
    found: dict[str, ActorInfo] = {}
    for ent in entities(builder.doc):
        span = strip_name(ent)
        root = span.root
        if ent.label_ != "ORG" or ent.ent_id_ or root.lower_ not in _MINISTRY or not _acts(root):
            continue
        if len(span) == 1:  # "the ministry said": the one the article has named, if only one
            if len(found) == 1:
                builder.add(next(iter(found.values())), span)
            continue
        info = _ministry(builder, span)
        found.setdefault(info.key, info)
        builder.add(info, span)


def _acts(root: Token) -> bool:
    """Whether a ministry does or says what its clause tells: its subject, the agent of a passive, or the
    source after "according to"."""
    head = root.head
    if root.dep_ == "nsubj":
        return head.pos_ in {"VERB", "AUX"}
    if root.dep_ == "pobj":
        return head.dep_ == "agent" or (head.lower_ == "to" and head.head.lower_ == "according")
    return False


def _ministry(builder: MentionBuilder, span: Span) -> ActorInfo:
    """The government body a ministry's name gives, of the state its leading adjective or its own words name, else
    of the sentence's country: "the Sudanese Health Ministry" -> Health Ministry (Sudan)."""
    known, by_name = countries(), doc_names(span.doc)  # "Congo" as this document reads it
    lead, code = 0, None
    while lead < len(span) - 1 and (span[lead].text in known.by_adjective or span[lead].text in by_name):
        code = code or known.by_adjective.get(span[lead].text) or by_name.get(span[lead].text)
        lead += 1
    words = span[lead:]
    named = next((by_name[t.text] for t in words if t.text in by_name), None)  # "Ministry of X of Niger"
    title = " ".join(t.text if t.lower_ in _SMALL or not t.is_lower else t.text.capitalize() for t in words)
    country = known.by_code.get(code or named or builder.country_at(span.root.i) or "")
    name = f"{title} ({country.name})" if country and not named else title
    return ActorInfo(actor_key(name), name, "government", country.code if country else None)
