"""The cue lexicon and word lists are data: every entry is validated and every cue matches."""

from __future__ import annotations

import pytest
import spacy

from rift.causes.cues import KINDS, CueMatcher, damerau, inflections, load_cues, load_words, parse_cue
from rift.errors import RiftError


def test_causes_lexicon_every_entry_valid():
    cues = load_cues()
    assert len(cues) > 80
    assert {c.kind for c in cues} == set(KINDS)
    for c in cues:
        assert 0 < c.confidence <= 1
        assert all(w == w.lower() or w == "POSS" for w in c.words)


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def matcher(nlp):
    return CueMatcher(nlp.vocab)


@pytest.mark.parametrize("cue", load_cues(), ids=lambda c: f"{c.kind}:{c.cue}")
def test_causes_lexicon_every_cue_matches_its_words(nlp, matcher, cue):
    words = [("their" if w == "POSS" else w) for w in cue.words]
    if cue.lemma:
        words[0] = inflections(words[0])[-1]  # an inflected form, not only the lemma
    doc = nlp(" ".join(["x"] + words + ["y"]))
    found = [(m.cue, m.start, m.end) for m in matcher(doc)]
    assert any(c == cue and (s, e) == (1, 1 + len(words)) for c, s, e in found), found


def test_causes_lexicon_word_lists_are_lower_case_and_non_empty():
    w = load_words()
    for name in ("anaphors", "generic_nouns", "change_words", "emotion_preps", "judgment_verbs"):
        values = getattr(w, name)
        assert values, name
        assert all(v == v.lower() and v.strip() == v for v in values), name
    assert all(isinstance(v, tuple) and v for v in w.irregular_forms.values())
    assert w.possessives


@pytest.mark.parametrize(
    "entry, problem",
    [
        ({"cue": "x", "words": "x", "kind": "nonsense", "confidence": 0.5}, "kind"),
        ({"cue": "x", "words": "x", "kind": "verb", "confidence": 1.5}, "confidence"),
        ({"cue": "x", "words": "X", "kind": "verb", "confidence": 0.5}, "lower case"),
        ({"cue": "x", "words": "x", "kind": "verb"}, "confidence"),
        ({"cue": "x", "words": "x", "kind": "verb", "confidence": 0.5, "colour": "red"}, "unknown fields"),
        ({"cue": "x", "words": "x", "kind": "verb", "confidence": 0.5, "pos": ["VERBISH"]}, "part of speech"),
        ({"cue": "x", "words": "x", "kind": "verb", "confidence": 0.5, "sense": "sixth"}, "sense"),
    ],
)
def test_causes_lexicon_rejects_bad_entries(entry, problem):
    with pytest.raises(RiftError, match=problem):
        parse_cue(entry)


@pytest.mark.parametrize(
    "lemma, forms",
    [("cause", {"cause", "caused", "causes", "causing"}), ("lead", {"led", "leading"}), ("intensify", {"intensified"})],
)
def test_causes_lexicon_inflections(lemma, forms):
    assert forms <= set(inflections(lemma))


@pytest.mark.parametrize(
    "a, b, d",
    [("retaliated", "retaliated", 0), ("relatiated", "retaliated", 2), ("bewteen", "between", 1), ("embarassed", "embarrassed", 1)],
)
def test_causes_lexicon_edit_distance(a, b, d):
    assert damerau(a, b, 3) == d


@pytest.mark.parametrize("word, cue", [("relatiated", "retaliate"), ("embarassed", "embarrass"), ("provokd", "provoke")])
def test_causes_lexicon_typos_match(nlp, matcher, word, cue):
    doc = nlp(f"they {word} quickly")
    assert any(m.cue.cue == cue and m.fuzzy for m in matcher(doc))


@pytest.mark.parametrize("word", ["presented", "relegated", "reluctant", "irrigated"])
def test_causes_lexicon_real_words_are_not_typos(nlp, matcher, word):
    doc = nlp(f"they {word} quickly")
    assert not any(m.fuzzy for m in matcher(doc))
