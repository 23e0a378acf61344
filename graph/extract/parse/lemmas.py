"""The model's rule lemmatizer with a memory: the same lemmas, each word form worked out once.

spaCy's rule lemmatizer remembers its answer for a (word, part of speech, morphology) only when the
word is not a base form, so every singular noun and base verb of a text re-reads its morphology, token
by token. Its answer depends on those three values alone (its tables are fixed once loaded), so this
component keeps every answer, reads the three values of a doc in one array, and leaves alone the
tokens that already have a lemma (the attribute ruler's pronouns), as the lemmatizer does.

One mend: a word with a letter written three times running ("shellled") is lemmatized as the word with it
twice ("shelled" -> "shell"): no English word has a letter thrice in a row, so it is a slip of the keyboard, and
every reader of lemmas (cues, death words, counts) then reads the word meant.
"""

from __future__ import annotations

import re
from typing import cast

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

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
                found = self.lemmas[key] = strings.add(self._lemma(doc[i]))
            doc[i].lemma = found
        return doc

    def _lemma(self, token: Token) -> str:
        """The rule lemmatizer's lemma of ``token``, or of the word it slips on (:data:`_TRIPLED`)."""
        text = token.text
        if len(text) < 5 or not text.isalpha() or text.isupper() or not _TRIPLED.search(text):
            return self.lemmatizer.lemmatize(token)[0]
        mended = Doc(token.doc.vocab, words=[_TRIPLED.sub(r"\1\1", text)], pos=[token.pos_],
                     morphs=[str(token.morph)])
        return self.lemmatizer.lemmatize(mended[0])[0]


# A letter written three times or more in a row: a slip in an English word ("shellled", "killlling")
_TRIPLED = re.compile(r"([a-z])\1{2,}", re.IGNORECASE)


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
