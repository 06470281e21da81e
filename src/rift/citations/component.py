"""The ``rift_citations`` spaCy component."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from rift.citations.parse import find_citations, find_running_authors
from rift.records import Citation, Source
from rift.text_utils import orig_span, paragraph_of, sentence_index, sentences


def _supports(doc: Doc, cites: list) -> list[list[int]]:
    """For each citation, the sentences it backs: the one it closes, back to the previous
    citation in the same paragraph."""
    sents = sentences(doc)
    out: list[list[int]] = []
    prev_sent: int | None = None
    prev_para: int | None = None
    for c in cites:
        idx = sentence_index(doc, c.start)
        if idx is None:
            # in whitespace between sentences: back the sentence before
            idx = max((i for i, s in enumerate(sents) if s.end_char <= c.start), default=None)
        para = paragraph_of(doc, c.start)
        if idx is None:
            out.append([])
            continue
        first = idx
        while first > 0 and paragraph_of(doc, sents[first - 1].start_char) == para:
            if prev_sent is not None and prev_para == para and first - 1 <= prev_sent:
                break
            first -= 1
        if prev_sent is not None and prev_para == para and prev_sent == idx:
            first = idx
        out.append(list(range(first, idx + 1)))
        prev_sent, prev_para = idx, para
    return out


CITATION_SPANS_KEY = "rift_citation_spans"  # doc.user_data: (start, end) of each citation in doc.text


def annotate_citations(doc: Doc) -> Doc:
    """Find citations in ``doc`` and set ``doc._.citations`` and ``doc._.sources``."""
    doc_id = doc._.rift_doc_id or ""
    para_ends = [p - 2 for p in (doc._.rift_paragraphs or [])[1:]] + [len(doc.text)]
    matches = find_citations(doc.text, para_ends)
    supports = _supports(doc, matches)
    cites: list[Citation] = []
    for i, (m, sup) in enumerate(zip(matches, supports)):
        s, e = orig_span(doc, m.start, m.end)
        cites.append(
            Citation(
                id=f"{doc_id}:c{i}",
                doc=doc_id,
                author=m.author,
                year=m.year,
                pages=m.pages,
                page_start=m.page_start,
                page_end=m.page_end,
                start=s,
                end=e,
                text=m.text,
                ibid=m.ibid,
                truncated=m.truncated,
                supports=sup,
            )
        )
    surnames = {c.author.split()[-1] for c in cites if c.author}
    full_names: dict[str, tuple[str, str | None]] = {}
    for surname, name, title, _s, _e in find_running_authors(doc.text, surnames):
        full_names.setdefault(surname, (name, title))
    by_author: dict[str, list[Citation]] = {}
    for c in cites:
        if c.author:
            by_author.setdefault(c.author, []).append(c)
    sources = []
    for author, group in by_author.items():
        name, title = full_names.get(author.split()[-1], (None, None))
        sources.append(
            Source(
                doc=doc_id,
                author=author,
                full_name=name,
                title=title,
                citations=[c.id for c in group],
                pages=[c.pages for c in group if c.pages],
            )
        )
    doc._.citations = cites
    doc._.sources = sources
    doc.user_data[CITATION_SPANS_KEY] = [(m.start, m.end) for m in matches]  # cleaned offsets
    return doc


def citations_for_sentence(doc: Doc, index: int) -> list[Citation]:
    """The citations that back sentence ``index`` of ``doc``."""
    return [c for c in (doc._.citations or []) if index in c.supports]


@Language.factory(
    "rift_citations",
    requires=["doc.sents"],
    assigns=["doc._.citations", "doc._.sources"],
    default_config={},
)
def make_citations(nlp: Language, name: str):
    """Parenthetical citations and the bibliography (``doc._.citations``, ``doc._.sources``)."""
    return annotate_citations
