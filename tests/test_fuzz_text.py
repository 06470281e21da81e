"""Fuzz and property tests of the pure text stages: decoding, HTML/Markdown, repair, citations.

Every call gets arbitrary Unicode (surrogates, controls, NUL), text built from the fragments
rift's rules look for, and the named hostile cases of :mod:`_hostile` (a 5 MB single line,
10,000 nested parentheses, right-to-left and mixed scripts). Only ``RiftError`` may escape,
results keep their invariants (offsets point back at the same characters), and no call hangs.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _hostile import HOSTILE_TEXTS, bounded, fragment_text, hostile_text
from rift.citations.parse import find_citations, find_running_authors, page_range
from rift.clean import repair_text
from rift.clean.component import _CITE_LIKE
from rift.errors import InputError
from rift.read.readers import decode_bytes, html_to_text, markdown_to_text

FUZZ = settings(max_examples=100, deadline=5000, suppress_health_check=[HealthCheck.too_slow])


def check_repaired(text: str) -> None:
    """The invariants of :func:`repair_text` on ``text``."""
    rep = repair_text(text)
    clean, src = rep.text, rep.offsets.src
    assert len(src) == len(clean) + 1
    assert rep.offsets.orig_len == len(text)
    assert all(0 <= s <= len(text) for s in src)
    assert all(a <= b for a, b in zip(src, src[1:])), "offsets must not go backwards"
    # every letter or digit of the repaired text is the very character it points at
    for i, ch in enumerate(clean):
        if ch.isalnum():
            assert text[src[i]] == ch, (i, ch, text[src[i]])
    # no control character survives but the paragraph separator
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", clean)
    assert all(0 <= p <= len(clean) for p in rep.paragraphs)
    lo, hi = rep.offsets.span_to_orig(0, len(clean))
    assert 0 <= lo <= hi <= len(text)


def check_citations(text: str) -> None:
    """The invariants of :func:`find_citations` on ``text``."""
    found = find_citations(text)
    assert [c.start for c in found] == sorted(c.start for c in found)
    for c in found:
        assert 0 <= c.start < c.end <= len(text)
        assert c.text.startswith("(")
        if not c.truncated:
            assert text[c.start:c.end] == c.text
        if c.page_start is not None and c.page_end is not None:
            assert c.page_start <= c.page_end


@FUZZ
@given(hostile_text)
def test_fuzz_repair_text_keeps_offsets(text):
    check_repaired(text)


@FUZZ
@given(hostile_text)
def test_fuzz_find_citations_spans_are_exact(text):
    check_citations(text)
    check_citations(repair_text(text).text)


@FUZZ
@given(hostile_text, st.sets(st.sampled_from(["Smith", "Nogee", "Rubenstien"])))
def test_fuzz_find_running_authors_spans(text, surnames):
    for surname, name, _title, start, end in find_running_authors(text, surnames):
        assert surname in surnames and 0 <= start < end <= len(text)
        assert text[start:end].startswith(name)


@FUZZ
@given(st.one_of(hostile_text, st.from_regex(r"(pp?\. ?)?[0-9ivx]{1,6}( ?[-,] ?[0-9ivx]{0,6}){0,4}( ?ff?\.)?", fullmatch=True)))
def test_fuzz_page_range_never_raises(pages):
    lo, hi = page_range(pages)
    assert (lo is None) == (hi is None)
    if lo is not None:
        assert lo <= hi


def test_fuzz_page_range_huge_numbers():
    # Python refuses int() of more than 4,300 digits: a page number that long is no page
    assert page_range("1-" + "9" * 5000) == (1, 1)
    assert page_range("9" * 5000) == (None, None)


@FUZZ
@given(st.binary(max_size=600))
def test_fuzz_decode_bytes_only_input_errors(data):
    try:
        text, encoding = decode_bytes(data, "x.txt")
    except InputError as exc:
        assert exc.message.startswith("x.txt: ") and "\n" not in exc.message
        return
    assert isinstance(text, str) and encoding


@FUZZ
@given(st.one_of(hostile_text, fragment_text.map(lambda t: f"<html><title>{t}</title><body><p>{t}</p></body></html>")))
def test_fuzz_html_and_markdown_never_raise(markup):
    text, title = html_to_text(markup)
    assert isinstance(text, str) and (title is None or isinstance(title, str))
    assert "<script" not in text.lower() or "<script" in markup.lower()
    assert isinstance(markdown_to_text(markup), str)


def test_fuzz_html_drops_scripts_and_keeps_text():
    text, title = html_to_text("<title>T</title><p>a<script>evil()</script>b</p><style>x{}</style><p>c</p>")
    assert title == "T"
    assert "evil" not in text and "x{}" not in text
    assert text.split() == ["ab", "c"]


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_fuzz_hostile_text_stages_finish(name):
    """Each named hostile text through every pure text stage, each call bounded."""
    text = HOSTILE_TEXTS[name]()
    rep = bounded(repair_text, text)
    assert len(rep.offsets.src) == len(rep.text) + 1
    # the 5 MB texts once (they take the longest), the others also after repair
    for target in (text,) if len(text) > 1_000_000 else (text, rep.text):
        bounded(find_citations, target)
        bounded(find_running_authors, target, {"Smith", "Nogee"})
        bounded(lambda t: list(_CITE_LIKE.finditer(t)), target)
    bounded(markdown_to_text, text)
    bounded(html_to_text, text)
    try:
        bounded(decode_bytes, text.encode("utf-8", "surrogatepass"), name)
    except InputError as exc:
        assert exc.message.startswith(name)


@pytest.mark.parametrize("name", ["10k_nested_parens", "rtl_arabic_hebrew", "mixed_scripts", "bidi_overrides", "lone_surrogates", "nul_bytes"])
def test_fuzz_hostile_text_invariants(name):
    """The smaller hostile texts also keep every invariant, not only finish."""
    text = HOSTILE_TEXTS[name]()[:60_000]
    check_repaired(text)
    check_citations(text)


def test_fuzz_nested_parens_find_the_innermost_citation():
    text = HOSTILE_TEXTS["10k_nested_parens"]()
    found = find_citations(text)
    assert [(c.author, c.pages) for c in found] == [("Nogee", "12")]


def test_fuzz_rtl_citation_is_not_an_author():
    # a right-to-left parenthetical is prose to rift's Latin-script rules, not a citation
    assert find_citations("שלום עולם (נוגי, 12).") == []
