"""The model's rule lemmatizer with a memory: the same lemmas, each word form worked out once.

spaCy's rule lemmatizer remembers its answer for a (word, part of speech, morphology) only when the
word is not a base form, so every singular noun and base verb of a text re-reads its morphology, token
by token. Its answer depends on those three values alone (its tables are fixed once loaded), so this
component keeps every answer, reads the three values of a doc in one array, and leaves alone the
tokens that already have a lemma (the attribute ruler's pronouns), as the lemmatizer does.
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

__all__ = ["CachedLemmatizer", "use_lemma_cache"]


class CachedLemmatizer:
    """A pipeline component: a rule lemmatizer's lemmas, each (word, part of speech, morphology) asked once."""

    REMEMBERED = 100_000  # lemmas kept; past this the memory starts afresh

    def __init__(self, lemmatizer: Lemmatizer):
        """Wrap ``lemmatizer`` (rule mode, not overwriting)."""
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token of ``doc`` that has none."""
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = self.lemmas.get(key)
            if found is None:
                if len(self.lemmas) >= self.REMEMBERED:
                    self.lemmas.clear()
                found = self.lemmas[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            doc[i].lemma = found
        return doc


@Language.factory("cached_lemmatizer", default_config={"lemmatizer": "lemmatizer"})
def make_cached_lemmatizer(nlp: Language, name: str, lemmatizer: str) -> CachedLemmatizer:
    """Wrap the pipeline's component ``lemmatizer`` (a rule Lemmatizer) in a :class:`CachedLemmatizer`."""
    return CachedLemmatizer(cast(Lemmatizer, nlp.get_pipe(lemmatizer)))


def use_lemma_cache(nlp: Language, name: str = "lemmatizer") -> None:
    """Put the remembering lemmatizer in place of the pipeline's rule lemmatizer (any other mode stays)."""
    lemmatizer = nlp.get_pipe(name)
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return
    nlp.add_pipe("cached_lemmatizer", name=f"cached_{name}", after=name, config={"lemmatizer": name})
    nlp.remove_pipe(name)
