"""Running rift up to its event stage over texts (the library behind ``rift events``)."""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language

from rift.pipeline import DEFAULT_MODEL, build_pipeline, process
from rift.read import RawText
from rift.records import Event


def extract_events(raws: Iterable[RawText], *, nlp: Language | None = None, model: str = DEFAULT_MODEL) -> list[tuple[RawText, list[Event]]]:
    """The events of each text, in order, without writing any output.

    Args:
        raws: texts as read (see :func:`rift.api.read_inputs`).
        nlp: a pipeline from :func:`rift.pipeline.build_pipeline`; built from ``model`` when None.
    """
    raws = list(raws)
    if nlp is None:
        nlp = build_pipeline(model, exclude=("rift_causes", "rift_claims"))
    return [(raw, result.events) for raw, result in zip(raws, process(nlp, raws))]
