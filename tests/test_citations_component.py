"""The citations component: supported sentences, original offsets, the bibliography."""

from __future__ import annotations

import pytest

from rift.read import RawText


def _analyse(nlp, text):
    from rift.pipeline import collect, make_doc

    doc = nlp(make_doc(nlp, RawText(path="t.txt", text=text, encoding="utf-8")))
    return doc, collect(doc)


def test_citations_support_back_to_previous_citation(blank_nlp):
    text = (
        "First claim here. Second claim here. (Nogee, 1-2) Third claim. Fourth claim. (Simmons, 5)\n\n"
        "New paragraph one. New paragraph two. (Griffith, 9)"
    )
    doc, res = _analyse(blank_nlp, text)
    sup = {c.author: c.supports for c in res.citations}
    sents = [s.text for s in res.sentences]
    assert [sents[i] for i in sup["Nogee"]] == ["First claim here.", "Second claim here. (Nogee, 1-2)"]
    assert [sents[i] for i in sup["Simmons"]] == ["Third claim.", "Fourth claim. (Simmons, 5)"]
    assert [sents[i] for i in sup["Griffith"]] == ["New paragraph one.", "New paragraph two. (Griffith, 9)"]


def test_citations_offsets_point_to_original_text(blank_nlp):
    text = "Line one of a claim that\nwraps onto the next line. (Nogee,\n256-61) More."
    _doc, res = _analyse(blank_nlp, text)
    (c,) = res.citations
    assert text[c.start:c.end].replace("\n", " ") == "(Nogee, 256-61)"


def test_citations_bibliography_with_full_name_and_title(blank_nlp):
    text = 'Alvin Z. Rubenstien, in his book "Soviet Foreign Policy Since World War II" argues so. (Rubenstien, 148) Later. (Rubenstien, 150)'
    _doc, res = _analyse(blank_nlp, text)
    (src,) = res.sources
    assert src.author == "Rubenstien" and src.full_name == "Alvin Z. Rubenstien"
    assert src.title == "Soviet Foreign Policy Since World War II"
    assert src.pages == ["148", "150"] and len(src.citations) == 2


@pytest.mark.model
def test_citations_essay_sentences_closed(nlp, essay_text):
    _doc, res = _analyse(nlp, essay_text)
    assert len(res.citations) == 22
    sents = {s.index: s.text for s in res.sentences}
    first = res.citations[0]
    assert sents[first.supports[-1]].endswith("(Rubenstien, 148)")
    for c in res.citations:
        assert c.supports, c
        assert essay_text[c.start:c.end].startswith("(")
