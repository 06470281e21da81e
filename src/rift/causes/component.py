"""The ``rift_causes`` and ``rift_claims`` spaCy components (placeholders)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def annotate_causes(doc: Doc) -> Doc:
    """Set ``doc._.causal``."""
    doc._.causal = []
    return doc


def annotate_claims(doc: Doc) -> Doc:
    """Set ``doc._.claims``."""
    doc._.claims = []
    return doc


@Language.factory("rift_causes", requires=["doc._.events"], assigns=["doc._.causal"], default_config={})
def make_causes(nlp: Language, name: str):
    """Causal links the text claims (``doc._.causal``)."""
    return annotate_causes


@Language.factory("rift_claims", requires=["doc._.timexes", "doc._.citations"], assigns=["doc._.claims"], default_config={})
def make_claims(nlp: Language, name: str):
    """The author's claims about time (``doc._.claims``)."""
    return annotate_claims
