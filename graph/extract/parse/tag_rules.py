"""The model's attribute ruler with a faster matcher: the same matches, found by table look-ups per token.

spaCy's AttributeRuler finds its ~180 one- and two-token rules (tag -> part of speech and morphology,
pronoun lemmas) with the general token Matcher, which costs a tenth of the whole parse. Its rules only
test a tag, lower-case form or dependency label for equality or membership, a regex on the lower-case
form, and IS_SPACE, so each rule is filed under the values its first token needs and only the rules
filed under a token's own values are tried. The ruler's own ``set_annotations`` applies the matches in
its order, so the parse is the same; a ruler with any other kind of rule keeps spaCy's matcher.
"""

from __future__ import annotations

import re
from collections.abc import Container
from typing import cast

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

__all__ = ["FastAttributeRuler", "RuleMatcher", "use_rule_matcher"]

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # the order of the attributes match() reads
_FILED_BY = ("LOWER", "TAG", "DEP", "IS_SPACE")  # a rule is filed under the first its first token tests
# One test of a rule: (token offset, column, values, whether the token's value must be among them)
Check = tuple[int, int, Container[int], bool]


class RuleMatcher:
    """The matches of an AttributeRuler's rules, as ``AttributeRuler.match`` gives them."""

    def __init__(self, ruler: AttributeRuler):
        """File every rule of ``ruler``; raise ValueError for a rule this matcher cannot read."""
        self.strings = ruler.vocab.strings
        self.filed: list[tuple[int, dict[int, list]]] = [(_COLUMNS[attr], {}) for attr in _FILED_BY]
        self.unfiled: list = []
        for number, rule in enumerate(ruler.patterns):
            match_id = self.strings[str(number)]  # AttributeRuler.add's key; it keeps every match of a rule
            for pattern in cast(list[list[dict]], rule["patterns"]):
                checks = [self._check(k, attr, value)
                          for k, token in enumerate(pattern) for attr, value in token.items()]
                self._file((number, match_id, len(pattern), checks), pattern[0])

    def _file(self, entry: tuple, first: dict) -> None:
        """File a rule under each value its first token's first filing attribute allows."""
        for attr, (_, filed) in zip(_FILED_BY, self.filed, strict=True):
            value = first.get(attr)
            if isinstance(value, bool | str) or (isinstance(value, dict) and list(value) == ["IN"]):
                for allowed in value["IN"] if isinstance(value, dict) else [value]:
                    filed.setdefault(_id(allowed), []).append(entry)
                return
        self.unfiled.append(entry)

    def _check(self, offset: int, attr: str, value: object) -> Check:
        """The check of one attribute of a token pattern: equal, IN, NOT_IN or REGEX."""
        if attr not in _COLUMNS:
            raise ValueError(f"attribute {attr} is not read")
        column = _COLUMNS[attr]
        if isinstance(value, bool | str):
            return offset, column, frozenset([_id(value)]), True
        operator, operand = next(iter(value.items())) if isinstance(value, dict) and len(value) == 1 else ("", None)
        if operator in ("IN", "NOT_IN") and isinstance(operand, list):
            return offset, column, frozenset(get_string_id(v) for v in operand), operator == "IN"
        if operator == "REGEX" and isinstance(operand, str):
            return offset, column, _Searched(re.compile(operand), self.strings), True
        raise ValueError(f"pattern {attr}: {value!r} is not read")

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule number, match id, start, end) of every match, sorted as ``AttributeRuler.match`` sorts them."""
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        found = set()
        # plain loops, without a generator per token or per rule tried: this runs on every token of every article
        for start, row in enumerate(rows):
            for column, filed in self.filed:
                for entry in filed.get(row[column], ()):
                    if _fits(entry, rows, start):
                        found.add((entry[0], entry[1], start, start + entry[2]))
            for entry in self.unfiled:
                if _fits(entry, rows, start):
                    found.add((entry[0], entry[1], start, start + entry[2]))
        return sorted(found)


def _fits(entry: tuple, rows: list[list[int]], start: int) -> bool:
    """Whether the filed rule ``entry`` (number, match id, width, checks) matches the tokens from ``start``."""
    if start + entry[2] > len(rows):
        return False
    for k, column, values, inside in entry[3]:  # noqa: SIM110 (all() over a generator costs twice as much here)
        if (rows[start + k][column] in values) != inside:
            return False
    return True


class _Searched(Container[int]):
    """The strings (by hash) in which a regex finds a match, remembered as they are asked about."""

    REMEMBERED = 100_000  # answers kept; past this the memory starts afresh

    def __init__(self, regex: re.Pattern, strings: StringStore):
        self.regex = regex
        self.strings = strings
        self.answers: dict[int, bool] = {}

    def __contains__(self, key: object) -> bool:
        """Whether the regex finds a match in the string of hash ``key``."""
        answer = self.answers.get(cast(int, key))
        if answer is None:
            if len(self.answers) >= self.REMEMBERED:
                self.answers.clear()
            answer = self.answers[cast(int, key)] = bool(self.regex.search(self.strings[cast(int, key)]))
        return answer


def _id(value: bool | str) -> int:
    """The number a token attribute holds for ``value`` (a flag's 0 or 1, a string's hash)."""
    return int(value) if isinstance(value, bool) else get_string_id(value)


class FastAttributeRuler:
    """A pipeline component: an attribute ruler's own annotations, from the faster matcher's matches."""

    def __init__(self, ruler: AttributeRuler):
        """Wrap ``ruler``; raise ValueError when its rules need spaCy's matcher."""
        self.ruler = ruler
        self.matcher = RuleMatcher(ruler)

    def __call__(self, doc: Doc) -> Doc:
        """Apply the ruler's rules to ``doc``."""
        self.ruler.set_annotations(doc, self.matcher.match(doc))
        return doc


@Language.factory("fast_attribute_ruler", default_config={"ruler": "attribute_ruler"})
def make_fast_attribute_ruler(nlp: Language, name: str, ruler: str) -> FastAttributeRuler:
    """Wrap the pipeline's component ``ruler`` (an AttributeRuler) in a :class:`FastAttributeRuler`."""
    return FastAttributeRuler(cast(AttributeRuler, nlp.get_pipe(ruler)))


def use_rule_matcher(nlp: Language, name: str = "attribute_ruler") -> None:
    """Put the faster matcher in place of the pipeline's attribute ruler, if the ruler's rules allow it."""
    try:
        RuleMatcher(cast(AttributeRuler, nlp.get_pipe(name)))
    except ValueError:
        return  # a rule the faster matcher cannot read: spaCy's own matcher stays
    nlp.add_pipe("fast_attribute_ruler", name=f"fast_{name}", after=name, config={"ruler": name})
    nlp.remove_pipe(name)
