"""The ``rift_spelling`` component: the lemma of a commonly misspelt word is the word meant.

"Carter recieved Ortega", "the new goverment": the lemmatizer leaves a misspelt word as it is, so
the lexicons, which look words up by lemma, would miss the event. This component runs after the
lemmatizer and sets the lemma of each token spelt as a key of ``data/misspellings.yaml`` (in any
case) to the lemma of the word meant. The text is not changed, so every offset and every span's
text still match the file as written.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from rift.errors import RiftError


@lru_cache(maxsize=1)
def misspellings() -> dict[str, str]:
    """Misspelt word (lower case) -> lemma of the word meant."""
    path = files("rift.clean") / "data" / "misspellings.yaml"
    try:
        table = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RiftError(f"cannot read the misspelling table {path}: {exc}") from None
    return {str(k).lower(): str(v) for k, v in table.items()}


def correct_lemmas(doc: Doc) -> Doc:
    """Set the lemma of every misspelt token of ``doc`` to the lemma of the word meant."""
    table = misspellings()
    for tok in doc:
        lemma = table.get(tok.lower_)
        if lemma is not None:
            tok.lemma_ = lemma
    return doc


@Language.component("rift_spelling")
def rift_spelling(doc: Doc) -> Doc:
    return correct_lemmas(doc)
