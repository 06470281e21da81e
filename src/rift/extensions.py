"""All spaCy ``Doc``/``Span`` extension attributes rift uses, declared in one place.

Call :func:`register_extensions` before running a rift component; :func:`rift.pipeline.build_pipeline`
does so. Nothing is registered as an import side effect.
"""

from __future__ import annotations

from spacy.tokens import Doc

# name -> default (lists are created fresh per doc by the components that fill them)
DOC_EXTENSIONS: dict[str, object] = {
    "rift_doc_id": None,  # str: the document id
    "rift_offsets": None,  # rift.clean.OffsetMap: cleaned text -> original text
    "rift_paragraphs": None,  # list[int]: character offsets (cleaned text) where paragraphs start
    "rift_doctype": "narrative",  # "narrative" | "news"
    "rift_dct": None,  # document creation time, "YYYY-MM-DD"
    "citations": None,  # list[rift.records.Citation]
    "sources": None,  # list[rift.records.Source]
    "timexes": None,  # list[rift.records.TimeExpression]
    "timex_spans": None,  # list[tuple[Span, TimeExpression]] in cleaned-text coordinates
    "actors": None,  # list[rift.records.ActorMention]
    "actor_spans": None,  # list[tuple[Span, ActorMention]]
    "events": None,  # list[rift.records.Event]
    "causal": None,  # list[rift.records.CausalLink]
    "claims": None,  # list[rift.records.Claim]
}


def register_extensions() -> None:
    """Register every rift extension attribute on ``Doc`` (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def doc_list(doc: Doc, name: str) -> list:
    """Return the list stored in ``doc._.<name>``, creating an empty one if unset."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value
