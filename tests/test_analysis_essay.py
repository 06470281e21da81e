"""The essay's story as an event table, and (with the model) the real pipeline on the essay.

The synthetic table retells the seed essay's Sino-Soviet events as the text gives them (its
dates, including the vague ones: "the 1950's", "the early 1960's", "from 1960 to 1963"),
coded with PLOVER categories and the PLOVER manual's scores; attitudes ("the Chinese were
infuriated") and the hypothetical expulsion are marked as such. It stands in for the event
extractor in model-free runs: the analysis must find the essay's turns in it.
"""

from __future__ import annotations

import json

import pytest

from rift.analysis import analyse
from rift.records import Claim, Event, TimeSpan

S, C = "SUN", "CHN"
#  source, target, category, score, start, end, kind/mode, what the essay says
ESSAY = [
    (S, C, "AGREE", 2.5, "1950-02", None, "", "China and the Soviet Union negotiated the Treaty of Alliance"),
    (C, S, "AGREE", 2.5, "1950-02", None, "", "China and the Soviet Union negotiated the Treaty of Alliance"),
    (S, C, "AID", 10, "1950", None, "", "a loan of 300 million dollars to the Chinese"),
    (C, S, "ACCUSE", -2, "1950", None, "attitude", "this miserly loan left the Chinese resentful"),
    (S, C, "REQUEST", 0.5, "1950", None, "", "Stalin had asked the Chinese to support the Korean War"),
    (C, S, "SUPPORT", 5, "1950", None, "", "Mao consented his aid on behalf of Stalin"),
    (C, S, "ACCUSE", -2, "1950", None, "attitude", "the USSR's attempt to profit was an insult"),
    (C, S, "ACCUSE", -2, "1950", "1959", "attitude", "China distrusted the Soviet Union in the 1950's"),
    (S, C, "ACCUSE", -2, "1949", "1964", "attitude", "the Soviets opposed the PRC for its first fifteen years"),
    (C, S, "ACCUSE", -2, "1956", None, "attitude", "China felt the condemnation of Stalin was damaging"),
    (S, C, "AID", 10, "1957-11", None, "intended", "the Soviets agreed to help the Chinese make a bomb"),
    (C, S, "AGREE", 2.5, "1957", None, "attitude", "relations began to improve"),
    (S, C, "ACCUSE", -2, "1957", None, "", "Khrushchev said conflict with China is inevitable"),
    (S, C, "SUPPORT", 5, "1958-09", "1958-11", "", "the Soviets gave their verbal agreement to back China"),
    (S, C, "REJECT", -2, "1958-09", "1958-11", "", "the Soviets withdrew their support"),
    (C, S, "ACCUSE", -2, "1958-09", "1958-11", "attitude", "the Chinese were infuriated"),
    (S, C, "REQUEST", -1, "1958-09", "1958-11", "", "the Soviets caused the Chinese to end the bombardment"),
    (S, C, "ACCUSE", -2, "1958-05", None, "attitude", "the Soviets felt the Chinese were far too hasty"),
    (C, S, "ACCUSE", -2, "1958", None, "attitude", "the Chinese were disappointed and angry"),
    (S, C, "REQUEST", -1, "1959", None, "", "the Soviets asked the Chinese to accept the Two Chinas formula"),
    (S, C, "REJECT", -2, "1959", None, "", "Khrushchev chose to desert China"),
    (C, S, "ACCUSE", -2, "1959", None, "attitude", "the Chinese were outraged"),
    (S, C, "REJECT", -1.5, "1959-09", "1959-12", "", "the USSR refused to give the Chinese the data"),
    (S, C, "SANCTION", -6, "1960-06", "1960-08", "", "three thousand Soviet specialists left China"),
    (C, S, "ACCUSE", -3, "1960-04", None, "", "the Chinese wrote Long Live Leninism"),
    (C, S, "ACCUSE", -3, "1960-04", None, "", "a debate over the critique became a heated argument"),
    (S, C, "ACCUSE", -3, "1960-04", None, "", "a debate over the critique became a heated argument"),
    (S, C, "ACCUSE", -2, "1960-04", None, "attitude", "the USSR was embarassed by the incident"),
    (C, S, "ACCUSE", -2, "1960", "1963", "attitude", "relations took a nose-dive from 1960 to 1963"),
    (S, C, "ACCUSE", -3, "1960", "1963", "", "attacks from both sides in the press, radio and letters"),
    (C, S, "ACCUSE", -3, "1960", "1963", "", "attacks from both sides in the press, radio and letters"),
    (C, S, "ACCUSE", -3, "1962-10", None, "", "the Chinese criticized Khrushchev's surrender"),
    (C, S, "ACCUSE", -2, "1962", None, "attitude", "China was angry over the USSR's support of India"),
    (C, S, "REJECT", -2, "1963", None, "", "a failure to resolve differences in 1963"),
    (C, S, "ACCUSE", -3, "1963", None, "", "the Chinese wrote a scathing attack on Soviet foreign policy"),
    (S, C, "ACCUSE", -2, "1958", None, "attitude", "the Soviets regarded the Great Leap Forward in contempt"),
    (S, C, "ACCUSE", -3, "1960", "1963", "", "the Soviets also criticized the territorial ambitions of the Chinese"),
    (S, C, "THREATEN", -3.5, "1960", "1963", "", "the USSR said it would be a very dangerous path"),
    (S, C, "ACCUSE", -3, "1960", "1963", "", "the two countries accused each other of border incidents"),
    (C, S, "ACCUSE", -3, "1960", "1963", "", "the two countries accused each other of border incidents"),
    (C, S, "ACCUSE", -3, "1963", None, "reported", "the USSR was turning into a capitalist society"),
    (S, C, "ACCUSE", -3, "1963", None, "reported", "China was turning into a military dictatorship"),
    (C, S, "ACCUSE", -3.5, "1960", "1963", "", "China accused the Soviets of subversive activities"),
    (S, C, "ACCUSE", -3.5, "1960", "1963", "", "the Soviets accused the Chinese of persecuting Kazakhs"),
    (S, C, "ACCUSE", -3.5, "1964", "1966", "attitude", "each decided the other was the greatest threat (mid 1960's)"),
    (C, S, "ACCUSE", -3.5, "1964", "1966", "attitude", "each decided the other was the greatest threat (mid 1960's)"),
    (S, C, "SANCTION", -5.5, "1965", None, "hypothetical", "the Chinese would have been expelled"),
    (S, C, "ACCUSE", -2, "1965", None, "attitude", "a policy to pursue antagonistic policies against one another"),
    (C, S, "ACCUSE", -2, "1965", None, "attitude", "a policy to pursue antagonistic policies against one another"),
    (S, C, "SANCTION", -6, "1965", None, "", "both nations almost completely broke off relations"),
    (C, S, "SANCTION", -6, "1965", None, "", "both nations almost completely broke off relations"),
    (C, S, "ACCUSE", -3, "1966", None, "", "the Chinese named the Soviet Union their number one threat"),
    (C, S, "PROTEST", -4.5, "1966-03", None, "", "the Chinese boycotted the Twenty-third Party Congress"),
    (C, S, "ACCUSE", -3, "1966-03", None, "", "Russia has become the centre of modern revisionism"),
    (S, C, "SANCTION", -6, "1966", None, "", "both nations severed ties with one another"),
    (C, S, "SANCTION", -6, "1966", None, "", "both nations severed ties with one another"),
    (C, S, "COERCE", -7, "1967", None, "", "China jailed a Soviet officer"),
    (S, C, "REQUEST", 0, "1967", None, "", "the Soviets wrote a formal letter asking for the officer"),
    (C, S, "ASSAULT", -9, "1969-03", None, "", "Chinese troops attacked Soviet troops on Damansky"),
    (S, C, "ASSAULT", -9, "1969", None, "", "the Soviets retaliated by invading a province of China"),
    (C, S, "ASSAULT", -9, "1969", None, "", "they met heavy Chinese resistance"),
]


def _iso(text: str, end: bool) -> str:
    if len(text) == 4:
        return f"{text}-12-31" if end else f"{text}-01-01"
    y, m = map(int, text.split("-"))
    last = [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return f"{text}-{last}" if end else f"{text}-01"


def essay_events(doc: str = "essay") -> list[Event]:
    """The table above as events."""
    out = []
    for i, (src, tgt, cat, score, a, b, how, sentence) in enumerate(ESSAY):
        kind = "attitude" if how == "attitude" else "action"
        mode = how if how in ("intended", "reported", "hypothetical") else "asserted"
        ts = TimeSpan(value=a, start=_iso(a, False), end=_iso(b or a, True))
        out.append(Event(id=f"{doc}-{i}", doc=doc, sentence=sentence, start=0, end=1, source=src, target=tgt,
                         category=cat, intensity=score, kind=kind, mode=mode, date=ts))
    return out


def essay_claims(doc: str = "essay") -> list[Claim]:
    def claim(i, kind, start, end, text):
        return Claim(id=f"{doc}-c{i}", doc=doc, kind=kind, text=text, start=0, end=1, interval={"start": start, "end": end})

    return [
        claim(0, "phase", 1956, 1960, "The first phase is roughly 1956 to 1960. In this period the Soviets and the Chinese were on relitivly good terms."),
        claim(1, "phase", 1960, 1964, "From 1960 to 1964 the disputes between the USSR and China escalated into a schism between the two countries."),
        claim(2, "phase", 1964, None, "In the final phase, which is 1964 onward, the two nations had split into separate socialist systems."),
        claim(3, "thesis", 1965, None, "By 1965 the schism between China and the USSR had become complete."),
    ]


def _span_mean(series, first, last):
    rows = [r for r in series if r["dyad"] == "CHN-SUN" and first <= int(r["bin"]) <= last]
    weight = sum(r["n_events"] for r in rows)
    return sum(r["intensity_sum"] for r in rows) / weight if weight else None


def _check_essay_shape(phase, series):
    """A change point where the essay's relations turn down (its events sour from 1958, its
    periodisation says 1960) and one where the break completes (1963-66); the index falls
    after each."""
    cps = [int(c) for c in phase.change_points]
    assert any(1958 <= c <= 1961 for c in cps), cps
    assert any(1963 <= c <= 1966 for c in cps), cps
    cordial = _span_mean(series, 1950, 1957)
    polemics = _span_mean(series, 1960, 1963)
    hostile = _span_mean(series, 1965, 1969)
    assert cordial > polemics > hostile, (cordial, polemics, hostile)


def test_analysis_essay_table_turns_and_verdicts():
    out = analyse(essay_events(), essay_claims())
    (ph,) = [p for p in out.phases if p.dyad == "CHN-SUN"]
    _check_essay_shape(ph, out.series)
    assert ph.phases[0].label == "cooperative" and ph.phases[-1].label == "hostile"
    claims = {c.id: c for c in out.claims}
    thesis = claims["essay-c3"]
    assert thesis.verdict == "supported"
    assert thesis.evidence and thesis.test["stay_share"] >= 0.75
    assert all(c.verdict is not None and c.test for c in out.claims)


@pytest.fixture(scope="module")
def essay_run(nlp, essay_text, tmp_path_factory):
    """``rift.analyze`` on the essay with the real model, written to a temporary folder."""
    import rift
    from rift.read import RawText

    out = tmp_path_factory.mktemp("essay")
    res = rift.analyze([RawText(path="essay.txt", text=essay_text, encoding="utf-8")], out, nlp=nlp)
    if not res.events:
        pytest.skip("the event extractor yields no events yet")
    sino = [p for p in json.loads((out / "phases.json").read_text()) if p["dyad"] == "CHN-SUN"]
    return res, sino


@pytest.mark.model
@pytest.mark.shared
def test_analysis_essay_real_pipeline_turns_down_around_1960(essay_run):
    res, sino = essay_run
    assert sino, "no CHN-SUN phases"
    cps = [int(c) for c in sino[0]["change_points"]]
    assert any(abs(c - 1960) <= 1 for c in cps), cps
    assert _span_mean(res.series, 1950, 1957) > _span_mean(res.series, 1960, 1963) > _span_mean(res.series, 1964, 1967)


@pytest.mark.model
@pytest.mark.shared
def test_analysis_essay_real_pipeline_second_change_point(essay_run):
    _res, sino = essay_run
    cps = [int(c) for c in sino[0]["change_points"]]
    assert any(1963 <= c <= 1966 for c in cps), cps


@pytest.mark.model
@pytest.mark.shared
def test_analysis_essay_real_pipeline_thesis_verdict(essay_run):
    res, _sino = essay_run
    theses = [c for c in res.claims if c.kind == "thesis" and c.interval]
    assert theses, "the claims stage found no dated thesis in the essay"
    assert all(c.verdict for c in theses)
    by_1965 = [c for c in theses if "1965" in c.text]
    assert any(c.evidence and c.test.get("date") == 1965 for c in by_1965), [c.test for c in by_1965]
