"""A ministry that acts or speaks for its government ("the defence ministry said", "according to the Health
Ministry", "the Interior Ministry banned the march") is an actor of kind government; a ministry where something
happens ("protested outside the Ministry of Defence") stays a building, which is no actor (org_heads.tsv)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.table import ActorInfo, MentionBuilder, strip_name
from graph.extract.countries import countries, doc_names, name_at
from graph.extract.parse.columns import entities, token_lowers, token_texts

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
    """The government body a ministry's name gives, of the state its leading adjective or name or its closing "of
    <country>" names, else of the sentence's country, which ends its name in brackets whatever the order of the
    words: "the Sudanese Health Ministry" -> Health Ministry (Sudan); "Ministry of Health of Niger" -> Ministry of
    Health (Niger)."""
    known, by_name = countries(), doc_names(span.doc)  # "Congo" as this document reads it
    texts = token_texts(span.doc)[span.start : span.end]
    lead, code = 0, None
    while lead < len(span) - 1:  # "Kenyan", "South Sudan", "Congo's" before the ministry's own words
        hit = (known.by_adjective[texts[lead]], 1) if texts[lead] in known.by_adjective else \
            name_at(texts[lead : len(span) - 1], by_name)
        if hit is None:
            break
        code, lead = code or hit[0], lead + hit[1]
    words, named = _own_words(span[lead:], by_name)
    title = " ".join(t.text if t.lower_ in _SMALL or not t.is_lower else t.text.capitalize() for t in words)
    country = known.by_code.get(code or named or builder.country_at(span.root.i) or "")
    name = f"{title} ({country.name})" if country else title
    return ActorInfo(actor_key(name), name, "government", country.code if country else None)


def _own_words(words: Span, by_name: dict[str, str]) -> tuple[Span, str | None]:
    """A ministry's own words and the country a closing "of (the) <country>" names, read past the NER's span, which
    often ends before the name ("the Ministry of Health of | Congo"); dangling small words dropped."""
    doc, lowers = words.doc, token_lowers(words.doc)
    for k in range(words.start + 1, words.end):
        if lowers[k] == "of":
            first = k + 1 + int(k + 1 < len(doc) and lowers[k + 1] == "the")
            hit = name_at(token_texts(doc)[first : first + 5], by_name)
            after = first + hit[1] if hit else 0
            if hit and after >= words.end and not (after < len(doc) and doc[after].text[:1].isupper()):
                return doc[words.start : k], hit[0]  # but "Ministry of Niger Delta Affairs" is no Niger's
    end = words.end
    while end > words.start + 1 and lowers[end - 1] in _SMALL:  # "Ministry of Health of | Sokoto State"
        end -= 1
    return doc[words.start : end], None
