"""Text repair: hard wraps, double spacing, hyphens, headings, quotes, and the offset map."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rift.clean import repair_text


def wrap(text: str, width: int = 60, double: bool = False) -> str:
    """Hard-wrap paragraphs at ``width`` (what a scan or an export does)."""
    out = []
    for para in text.split("\n\n"):
        line = ""
        lines = []
        for word in para.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        out.append(("\n\n" if double else "\n").join(lines))
    return ("\n\n\n" if double else "\n\n").join(out)


PARAS = (
    "In February 1950 the two governments signed a treaty of alliance in Moscow after long talks. "
    "The loan that came with it was small and the Chinese leaders resented its terms for years.\n\n"
    "Relations soured at the end of the decade. Soviet advisers left in the summer of 1960 and took "
    "their blueprints with them, which the Chinese never forgave."
)


@pytest.mark.parametrize("double", [False, True])
def test_repair_rebuilds_wrapped_paragraphs(double):
    raw = "A Short History Of Two Allies\n\n" + wrap(PARAS, 58, double)
    r = repair_text(raw)
    paras = r.text.split("\n\n")
    assert paras[0] == "A Short History Of Two Allies"
    assert paras[1] == PARAS.split("\n\n")[0]
    assert paras[2] == PARAS.split("\n\n")[1]
    assert r.title == "A Short History Of Two Allies"


def test_repair_dehyphenates_lowercase_but_keeps_compounds():
    raw = "the two states were on relativ-\nely good terms in the post-\nStalin years, and the rela-\ntionship held"
    r = repair_text(raw)
    assert "relatively" in r.text
    assert "post-Stalin" in r.text
    assert "relationship" in r.text


def test_repair_normalises_quotes_dashes_and_double_periods():
    r = repair_text("\u201cLong Live Leninism\u201d was a critique\u2013a harsh one.. It isn\u2019t mild- or so.")
    assert '"Long Live Leninism"' in r.text
    assert "\u2014" in r.text
    assert ".." not in r.text
    assert "isn't" in r.text


def test_repair_offsets_point_into_the_original():
    raw = "A Title Line\n\n" + wrap(PARAS, 50, True)
    r = repair_text(raw)
    for m in re.finditer(r"[A-Za-z]{4,}", r.text):
        a, b = r.offsets.span_to_orig(m.start(), m.end())
        # a word that was not split by a line break maps to the same word
        if "\n" not in raw[a:b]:
            assert raw[a:b] == m.group()


def test_repair_cut_off_sentence_starts_new_paragraph():
    line = "word " * 14
    raw = f"{line}and the relationship between the two\nThe next paragraph begins here with {line}."
    r = repair_text(raw)
    assert "two\n\nThe next" in r.text


def test_repair_does_not_break_titles_in_quotes():
    lines = [
        "the argument about the alliance runs on through the whole of",
        "the decade and the historians who wrote about it disagree as",
        'much as ever, and Rubinstein, in his book "Soviet Foreign Policy',
        'Since World War II" makes the case that the quarrel deepened',
        "over the years that followed the death of the old dictator.",
    ]
    r = repair_text("\n".join(lines))
    assert "Policy Since World War II" in r.text
    assert "\n" not in r.text


def test_repair_essay_sentences_rebuilt(essay_text):
    r = repair_text(essay_text)
    wanted = [
        "Alvin Z. Rubenstien, in his book \"Soviet Foreign Policy Since World War II\" makes the argument",
        "In November 1957 the Soviets agreed to help the Chinese in making a nuclear bomb.",
        "Then, in the summer of 1960, some three thousand Soviet specialists left China and destroyed all the blueprints of their projects.",
        "The schism between the USSR and China has occurred in three phases in the post-Stalin Cold War period.",
        "In the early 1960's China accused the Soviets of conducting \"large-scale subversive activities\" in the Chinese province of Sinkiang.",
        "Another tense confrontation came in 1969 when Chinese troops attacked Soviet troops on the small island of Damansky.",
    ]
    for sentence in wanted:
        assert sentence in r.text, sentence
    assert r.title == "The Causes Of The Sino-Soviet Schism 1927-1969"
    assert "\n\nThe Causes" not in r.text and not r.text.startswith("The Causes Of The Sino-Soviet Schism 1927-1969 War")
    # the two paragraphs cut off mid-sentence end where they were cut
    assert "the two nations was\n\nThe Soviets also criticized" in r.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_repair_offsets_are_monotonic_and_in_range(text):
    r = repair_text(text)
    src = list(r.offsets.src)
    assert len(src) == len(r.text) + 1
    assert all(0 <= x <= len(text) for x in src)
    assert all(a <= b for a, b in zip(src, src[1:]))
