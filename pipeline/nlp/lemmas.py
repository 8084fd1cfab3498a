"""Lemmas on demand: the extraction needs a lemma for a few tokens only (counted nouns, price units)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token


class OnDemandLemmas:
    """Lemmas for the few tokens that need one (counted nouns, price units).

    `pipeline.nlp.load` disables the lemmatizer, which would otherwise spend
    about a tenth of the run lemmatizing every token; this asks it per token.
    """

    def __init__(self, nlp: Language) -> None:
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None

    def __call__(self, token: Token) -> str:
        if token.lemma_ or self.lemmatizer is None:  # lemmatized already, or by the attribute ruler's exceptions
            return token.lemma_ or token.lower_
        return self.lemmatizer.lemmatize(token)[0]
