"""The ``rift_sentences`` component: sentence boundaries a parser gets wrong in scholarly prose.

It runs before the parser and pre-sets boundaries, which the parser then respects:
a paragraph break always starts a sentence; a citation in parentheses stays with the sentence
it closes; the word after a closing citation starts a new sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

_CITE_LIKE = re.compile(r"\([A-Z][^()]{0,80}\)|\([Ii]bid[^()]{0,20}\)")


def set_boundaries(doc: Doc) -> Doc:
    """Pre-set sentence starts on ``doc`` (see the module docstring)."""
    if not len(doc):
        return doc
    text = doc.text
    starts: set[int] = set()
    inside: set[int] = set()
    for i, tok in enumerate(doc):
        if tok.is_space and "\n\n" in tok.text and i + 1 < len(doc):
            starts.add(i + 1)
    for m in _CITE_LIKE.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        before = text[: m.start()].rstrip()
        for tok in span[1:]:
            inside.add(tok.i)
        if before.endswith((".", "!", "?", '"', "'")):
            inside.add(span.start)  # "... one another. (Nogee, 256-61)": keep it with the sentence
        nxt = span.end
        while nxt < len(doc) and doc[nxt].is_space:
            nxt += 1
        if nxt < len(doc) and (doc[nxt].is_title or doc[nxt].is_upper) and before.endswith((".", "!", "?", '"', "'")):
            starts.add(nxt)
    for i in starts:
        doc[i].is_sent_start = True
    for i in inside - starts:
        if i > 0:
            doc[i].is_sent_start = False
    return doc


@Language.factory("rift_sentences", assigns=["token.is_sent_start"], default_config={})
def make_sentences(nlp: Language, name: str):
    """Sentence boundaries around paragraphs and citations (runs before the parser)."""
    return set_boundaries
