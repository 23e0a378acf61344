"""The words that tell how a sentence stands to the incidents told before it: it announces another incident
("another", "separately", "meanwhile"), tallies a period ("since"), refers back to an incident ("the attack")
or updates a toll ("the toll rose to nine")."""

from __future__ import annotations

import re

__all__ = ["Signals", "announces_another", "only_adds", "only_earlier"]

_BACK_REFERENCE = re.compile(
    r"\b(?:the|this|that|these|those|its|their)\s+(?:\w+\s+)?(?:attacks?|ambush(?:es)?|assaults?|raids?|clash(?:es)?"
    r"|fighting|strikes?|air ?strikes?|bombings?|blasts?|explosions?|incidents?|killings?|massacres?|shelling"
    r"|violence|operation|offensive|battle|firefight|encounter|hostilities)\b",
    re.IGNORECASE,
)
# Words that announce another incident, unless they qualify a source or a report rather than the incident:
# "The paper also quoted a nurse", "a hospital official gave the same toll", "a separate administration"
# ("X also said" still may: it often brings the next incident).
_SOURCE_NOUNS = r"(?:sources?|officials?|spokes(?:man|woman|person)|reports?|statements?|witness(?:es)?|accounts?)"
_INCIDENT_NOUNS = (r"(?:attacks?|incidents?|ambush(?:es)?|assaults?|raids?|clash(?:es)?|strikes?|air ?strikes?"
                   r"|bombings?|blasts?|explosions?|killings?|shootings?|cases?|events?|protests?|operations?)")
_NEW_INCIDENT = re.compile(
    r"\b(?:(?:another|second|third|other|similar)\b(?!\s+(?:\w+\s+)?" + _SOURCE_NOUNS + r"\b)"
    r"|separate(?=\s+(?:\w+\s+)?" + _INCIDENT_NOUNS + r"\b)|separately|meanwhile|elsewhere|earlier|previously"
    r"|then\b(?!\s*[.,;:!?])"
    r"|follow-up|also\b(?!\s+(?:cited|cites|quoted|quotes)\b)"
    # a reprisal is an incident of its own ("In response, the army shelled their positions"); not what an incident
    # answered ("in retaliation for", "in response to") nor a past habit ("has retaliated by carrying out ...")
    r"|in\s+(?:response|retaliation)\b(?!\s+(?:to|for)\b)|(?<!has\s)(?<!have\s)(?<!had\s)retaliated"
    # "The attack came a day after ...": an earlier incident, told by how long before this one it happened
    r"|(?:came|comes|happened|occurred)\s+(?:(?:just|only|a few|a|an|one|two|three|four|five|six|\d+)\s+)?"
    r"(?:hours?|days?|weeks?)\s+after)\b",
    re.IGNORECASE,
)

# "killed since the offensive began": a tally over a period, not one more mention of an incident
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)

# In a sentence that only counts victims, these words add victims to the incident before, not another incident:
# "Two civilians were also killed", "A nurse counted three others dead".
_MORE_VICTIMS = re.compile(r"\b(?:also|others?)\b", re.IGNORECASE)


def announces_another(text: str, counts_victims: bool = False) -> bool:
    """Whether a sentence announces another incident ("another", "separately", "meanwhile", ...); in one that
    only counts victims (``counts_victims``), "also" and "other(s)" add to the incident told before."""
    return bool(_NEW_INCIDENT.search(_MORE_VICTIMS.sub(" ", text) if counts_victims else text))


class Signals(dict[str, tuple[bool, bool, bool]]):
    """(announces another incident, tallies since a time, refers back) of each evidence
    sentence, searched once per article: merge_mentions tests each mention against every incident before it."""

    def __missing__(self, evidence: str) -> tuple[bool, bool, bool]:
        found = (bool(_NEW_INCIDENT.search(evidence)), bool(_SINCE.search(evidence)),
                 bool(_BACK_REFERENCE.search(evidence)))
        self[evidence] = found
        return found


# Words that add to an incident rather than announce another, unless they qualify an incident noun ("another
# attack"): "Soldiers also fired tear gas", "Another soldier was killed", "took other belongings".
_ADDING = re.compile(r"\balso\b|\b(?:another|others?)\b(?!\s+(?:\w+\s+)?" + _INCIDENT_NOUNS + r"\b)", re.IGNORECASE)


def only_adds(text: str) -> bool:
    """Whether a sentence's only words of another incident are "also", "another" or "other(s)" with no incident
    noun after them, which in a short note's next sentence add a detail or a victim to the incident told."""
    return not _NEW_INCIDENT.search(_ADDING.sub(" ", text))


_EARLIER = re.compile(r"\bearlier\b", re.IGNORECASE)


def only_earlier(text: str) -> bool:
    """Whether a sentence has no word of another incident but "earlier", which dates a report ("Earlier a medic
    said the death toll was five"); "In another attack, the death toll was five" has."""
    return not _NEW_INCIDENT.search(_EARLIER.sub(" ", text))
