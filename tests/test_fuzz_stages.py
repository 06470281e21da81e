"""Fuzz the spaCy stages (citations, dates, actors, events, causes, claims) and the analysis.

The hostile texts of :mod:`_hostile` and Hypothesis-made texts go through ``rift.analyze`` on
the blank pipeline (tokenizer + sentencizer + every rift component), through the pure dates
normaliser and claim-interval parser, and, in the ``model`` group, through the real model's
pipeline (the parser is what the event, cause and claim rules read). Only ``RiftError`` may
escape; every record's offsets lie inside the text as read; no call hangs.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from _hostile import DEADLINE, HOSTILE_TEXTS, STAGE_TEXTS, bounded, hostile_text
from rift.api import analyze
from rift.errors import InputError, RiftError
from rift.read import RawText

FUZZ = settings(max_examples=40, deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
# the stages' texts, cut to keep the pipeline runs short on two cores
STAGE_CHARS = 15_000
MODEL_CHARS = 6_000
PURE_CHARS = 50_000
RECORD_LAYERS = ("sentences", "citations", "timexes", "actors", "events", "causal", "claims")


@pytest.fixture(scope="module", autouse=True)
def warm_up(blank_nlp):
    """Load the stages' lexicons and models once, before any timed example."""
    from rift.causes.intervals import find_intervals
    from rift.dates import find_timexes

    find_timexes("In the spring of 1958, three years later.")
    find_intervals("from 1950 to 1960")
    run_stages(blank_nlp, ["In 1950 Moscow and Peking signed a treaty because of the war. (Nogee, 12)"])


def check_result(result, raws: list[RawText]) -> None:
    """Every record points inside the original text of its document."""
    lengths = {d.document.id: len(d.document.text) for d in result.docs}
    assert len(result.docs) == len(raws)
    for layer in RECORD_LAYERS:
        for rec in getattr(result, layer):
            doc = getattr(rec, "doc", None)
            start, end = getattr(rec, "start", None), getattr(rec, "end", None)
            if doc is None or not isinstance(start, int) or not isinstance(end, int):
                continue
            assert 0 <= start <= end <= lengths[doc], (layer, rec)


def run_stages(nlp, texts: list[str]):
    """``rift.analyze`` over ``texts`` with a bound; a RiftError is an accepted outcome."""
    raws = [RawText(path=f"t{i}.txt", text=t, encoding="utf-8") for i, t in enumerate(texts)]
    try:
        result = bounded(analyze, raws, nlp=nlp)
    except RiftError as exc:
        assert exc.message and "\n" not in exc.message
        return None
    check_result(result, raws)
    return result


@pytest.mark.parametrize("name", sorted(STAGE_TEXTS))
def test_fuzz_stages_hostile_texts_blank(blank_nlp, name):
    run_stages(blank_nlp, [STAGE_TEXTS[name]()[:STAGE_CHARS]])


@FUZZ
@given(hostile_text)
def test_fuzz_stages_any_text_blank(blank_nlp, text):
    if text.strip():
        run_stages(blank_nlp, [text])


def test_fuzz_stages_too_long_document_is_refused(blank_nlp):
    text = "The Soviet Union met China. " * (blank_nlp.max_length // 28 + 10)
    with pytest.raises(InputError, match="more than one document may hold"):
        analyze([RawText("big.txt", text, "utf-8")], nlp=blank_nlp)


@pytest.mark.parametrize("name", sorted(STAGE_TEXTS))
def test_fuzz_find_timexes_hostile(name):
    from rift.dates import find_timexes

    text = STAGE_TEXTS[name]()[:PURE_CHARS]
    for tx in bounded(find_timexes, text):
        assert 0 <= tx.start < tx.end <= len(text)


@FUZZ
@given(hostile_text)
def test_fuzz_find_timexes_any_text(text):
    from rift.dates import find_timexes

    for doctype, dct in (("narrative", None), ("news", "1969-03-02"), ("news", "not a date")):
        for tx in find_timexes(text, dct=dct, doctype=doctype):
            assert 0 <= tx.start < tx.end <= len(text)


@FUZZ
@given(hostile_text)
def test_fuzz_claim_intervals_any_text(text):
    from rift.causes.intervals import find_intervals, parse_interval

    for m in find_intervals(text):
        assert 0 <= m.begin <= m.end <= len(text)
    parse_interval(text)


@pytest.mark.parametrize("name", sorted(STAGE_TEXTS))
def test_fuzz_claim_intervals_hostile(name):
    from rift.causes.intervals import find_intervals

    bounded(find_intervals, STAGE_TEXTS[name]()[:PURE_CHARS])


# the pipeline hands these functions at most max_length (1,000,000) characters at once; the
# 5 MB texts check the pure functions' own promise to take any text
@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in sorted(HOSTILE_TEXTS) if n.startswith("5mb")])
def test_fuzz_find_timexes_5mb(name):
    from rift.dates import find_timexes

    bounded(find_timexes, HOSTILE_TEXTS[name](), seconds=300)


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in sorted(HOSTILE_TEXTS) if n.startswith("5mb")])
def test_fuzz_claim_intervals_5mb(name):
    from rift.causes.intervals import find_intervals

    bounded(find_intervals, HOSTILE_TEXTS[name]())


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(STAGE_TEXTS))
def test_fuzz_stages_hostile_texts_model(nlp, name):
    run_stages(nlp, [STAGE_TEXTS[name]()[:MODEL_CHARS]])


@pytest.mark.model
@settings(max_examples=25, deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(hostile_text)
def test_fuzz_stages_any_text_model(nlp, text):
    if text.strip():
        run_stages(nlp, [text])
