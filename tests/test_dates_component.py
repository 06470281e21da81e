"""The rift_dates component: records with original offsets, spans, clause dates."""

from __future__ import annotations

import pytest
import spacy

from rift.dates import clause_date
from rift.dates.component import annotate_dates
from rift.extensions import register_extensions
from rift.records import TimeExpression, TimeSpan


@pytest.fixture(scope="module")
def blank():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _doc(nlp, text, **kw):
    from rift.pipeline import make_doc
    from rift.read import RawText

    doc = make_doc(nlp, RawText(path="-", text=text, encoding="utf-8"), **kw)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return annotate_dates(doc)


HARD_WRAPPED = (
    "The schism grew in the fall of\n"
    "1958 when the Chinese began to bombard the island of Quemoy and the Americans\n"
    "said that they would protect it with air and naval forces in the Pacific if the\n"
    "Chinese did not cease their bombardment. In November 1957 the Soviets had agreed\n"
    "to help the Chinese make a bomb, and Khrushchev's overthrow came in October 1964.\n"
)


def test_dates_component_records_point_into_the_original(blank):
    doc = _doc(blank, HARD_WRAPPED)
    recs = doc._.timexes
    assert recs and all(isinstance(r, TimeExpression) for r in recs)
    assert [r.id for r in recs] == [f"{doc._.rift_doc_id}:t{i}" for i in range(len(recs))]
    by_text = {r.text: r for r in recs}
    fall = by_text["the fall of\n1958"]
    assert HARD_WRAPPED[fall.start:fall.end] == fall.text and fall.value == "1958-FA"
    over = by_text["Khrushchev's overthrow"]
    assert (over.value, over.explicit, over.anchor) == ("1964-10", False, "sun_khrushchev_firstsec")
    assert by_text["November 1957"].sentence == 1 and by_text["October 1964"].explicit
    for span, rec in doc._.timex_spans:
        assert span.doc is doc and rec in recs


def test_dates_component_clause_date_explicit_and_narrative(blank):
    text = "In 1966 the Chinese named the Soviet Union their main threat. They boycotted the congress. In March 1969 troops clashed."
    doc = _doc(blank, text)
    named = doc[3:4]  # "named"
    boycotted = next(t for t in doc if t.text == "boycotted")
    clashed = next(t for t in doc if t.text == "clashed")
    d1 = clause_date(doc, named)
    assert isinstance(d1, TimeSpan) and (d1.value, d1.explicit) == ("1966", True)
    d2 = clause_date(doc, doc[boycotted.i:boycotted.i + 1])
    assert (d2.value, d2.explicit, d2.start, d2.end) == ("1966", False, "1966-01-01", "1966-12-31")
    assert clause_date(doc, doc[clashed.i:clashed.i + 1]).value == "1969-03"


def test_dates_component_clause_date_range_and_none(blank):
    doc = _doc(blank, "Nothing is dated here. Relations took a nose-dive from 1960 to 1963.")
    first = doc[1:2]
    assert clause_date(doc, first) is None
    dive = next(t for t in doc if t.text == "nose")
    d = clause_date(doc, doc[dive.i:dive.i + 1])
    assert (d.value, d.start, d.end) == ("1960/1963", "1960-01-01", "1963-12-31")


def test_dates_component_clause_date_kb_anchor(blank):
    doc = _doc(blank, "The Chinese criticized Khrushchev during the Cuban missile crisis.")
    verb = next(t for t in doc if t.text == "criticized")
    d = clause_date(doc, doc[verb.i:verb.i + 1])
    assert (d.value, d.explicit, d.kb) == ("1962-10", False, "cuban_missile_crisis")


def test_dates_component_news_mode(blank):
    doc = _doc(blank, "Officials said yesterday that talks would resume.", doctype="news", dct="1989-05-16")
    assert [r.value for r in doc._.timexes] == ["1989-05-15"]


def test_dates_component_factory_registered():
    from rift.pipeline import register_components

    register_components()  # registers the rift_dates factory (and rift's others)

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("rift_dates", config={"kb": False})
    register_extensions()
    doc = nlp("In March 1969 troops clashed on the Ussuri during the Sino-Soviet border conflict.")
    assert [r.value for r in doc._.timexes] == ["1969-03"]


@pytest.mark.model
def test_dates_component_prefers_the_same_verb(nlp):
    from rift.pipeline import make_doc
    from rift.read import RawText

    text = "After the talks failed in 1963, the Chinese attacked Soviet policy in July 1964."
    doc = nlp(make_doc(nlp, RawText(path="-", text=text, encoding="utf-8")))
    failed = next(t for t in doc if t.text == "failed")
    attacked = next(t for t in doc if t.text == "attacked")
    assert clause_date(doc, doc[failed.i:failed.i + 1]).value == "1963"
    assert clause_date(doc, doc[attacked.i:attacked.i + 1]).value == "1964-07"
