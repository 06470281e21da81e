"""The ``rift_actors`` spaCy component (placeholder until the actor knowledge base lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def annotate_actors(doc: Doc) -> Doc:
    """Set ``doc._.actors`` and ``doc._.actor_spans``."""
    doc._.actors = []
    doc._.actor_spans = []
    return doc


@Language.factory(
    "rift_actors",
    requires=["doc.sents", "token.dep"],
    assigns=["doc._.actors", "doc._.actor_spans"],
    default_config={},
)
def make_actors(nlp: Language, name: str):
    """Actor mentions resolved to codes (``doc._.actors``)."""
    return annotate_actors
