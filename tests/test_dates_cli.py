"""``rift timex`` and ``rift eval timex``; the scorer on small hand-made gold; the essay itself."""

from __future__ import annotations

import json

import pytest

from conftest import shared_path
from rift.dates.evaluate import Predicted, load_gold, parse_inline, score_doc, Scores

class _Result:
    def __init__(self, exit_code: int, output: str):
        self.exit_code, self.output = exit_code, output


class _Runner:
    """Runs ``rift`` in-process through its real entry point (errors become exit codes)."""

    def __init__(self, capsys):
        self.capsys = capsys

    def invoke(self, _app, argv):
        from rift.cli.main import main

        code = 0
        try:
            main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        out = self.capsys.readouterr()
        return _Result(code, out.out + out.err)


@pytest.fixture
def runner(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    return _Runner(capsys)


def _app():
    return None


WRAPPED = "Tensions grew in late\n1959 and, by the end of the\n1960's, the two were rivals.\n"


def test_dates_cli_timex_jsonl_offsets_into_the_file(runner, tmp_path):
    f = tmp_path / "wrapped.txt"
    f.write_text(WRAPPED, encoding="utf-8")
    result = runner.invoke(_app(), ["timex", str(f), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [r["value"] for r in rows] == ["1959", "196"]
    for r in rows:
        assert WRAPPED[r["start"]:r["end"]] == r["text"]
        assert set(r) >= {"start", "end", "text", "type", "value", "mod", "interval"}
    assert rows[0]["text"] == "late\n1959" and rows[0]["mod"] == "END"
    assert rows[0]["interval"]["end"] == "1959-12-31"


def test_dates_cli_timex_table_and_bad_options(runner, tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("Officials met yesterday.", encoding="utf-8")
    ok = runner.invoke(_app(), ["timex", str(f), "--format", "table", "--doctype", "news", "--dct", "1989-05-16"])
    assert ok.exit_code == 0 and "1989-05-15" in ok.output
    bad = runner.invoke(_app(), ["timex", str(f), "--format", "xml"])
    assert bad.exit_code != 0
    bad_dct = runner.invoke(_app(), ["timex", str(f), "--dct", "1989-13-45"])
    assert bad_dct.exit_code != 0


GOLD = (
    "<DOC>\n<DATETIME> <TIMEX2 val=\"2009-12-19\">2009-12-19</TIMEX2> </DATETIME>\n<TEXT>\n"
    "The war began on <TIMEX2 val=\"1950-06-25\">25 June 1950</TIMEX2>. "
    "<TIMEX2 val=\"1950-06-26\">The next day</TIMEX2> the UN met, and in <TIMEX2 val=\"1950-09\">September</TIMEX2> "
    "troops landed at Inchon. Fighting lasted <TIMEX2 val=\"P3Y\">three years</TIMEX2>, until "
    "<TIMEX2 val=\"P4Y\">the years <TIMEX2 val=\"1953\">1953</TIMEX2></TIMEX2>.\n</TEXT>\n</DOC>\n"
)


def _gold_dir(tmp_path, text=GOLD):
    (tmp_path / "keyinline").mkdir()
    (tmp_path / "in").mkdir()
    (tmp_path / "keyinline" / "01_Test.key.xml").write_text(text, encoding="utf-8")
    import re

    (tmp_path / "in" / "01_Test.sgm").write_text(re.sub(r"</?TIMEX2[^>]*>", "", text), encoding="utf-8")
    return tmp_path


def test_dates_cli_gold_parsing_keeps_top_level_tags():
    doc = parse_inline("x", GOLD)
    assert doc.dct == "2009-12-19"
    assert [g.text for g in doc.timexes] == ["25 June 1950", "The next day", "September", "three years", "the years 1953"]
    assert all(doc.text[g.start:g.end] == g.text for g in doc.timexes)


def test_dates_cli_scoring_counts():
    doc = parse_inline("x", GOLD)
    g = doc.timexes
    preds = [Predicted(g[0].start, g[0].end, "1950-06-25"),          # strict, right value
             Predicted(g[1].start + 4, g[1].end, "1950-06-27"),      # relaxed, wrong value
             Predicted(g[3].start, g[3].end + 5, "P3Y"),             # relaxed, right value
             Predicted(doc.region[0] + 1, doc.region[0] + 4, "XXXX")]  # spurious
    s = Scores.from_counts(score_doc(doc, preds))
    assert (s.gold, s.pred) == (5, 4)
    assert s.strict_p == pytest.approx(1 / 4) and s.relaxed_r == pytest.approx(3 / 5)
    assert s.value_accuracy == pytest.approx(2 / 3)


def test_dates_cli_eval_timex_thresholds(runner, tmp_path):
    gold = _gold_dir(tmp_path)
    ok = runner.invoke(_app(), ["eval", "timex", "--gold", str(gold), "--min-relaxed-f1", "0.5", "--min-value-accuracy", "0.5"])
    assert ok.exit_code == 0, ok.output
    assert "relaxed" in ok.output and "value accuracy" in ok.output
    strict = runner.invoke(_app(), ["eval", "timex", "--gold", str(gold), "--min-relaxed-f1", "1.01"])
    assert strict.exit_code == 6
    empty = runner.invoke(_app(), ["eval", "timex", "--gold", str(tmp_path / "nowhere")])
    assert empty.exit_code == 2


def test_dates_cli_eval_timex_on_wikiwars(runner):
    gold = shared_path("data", "wikiwars")
    result = runner.invoke(_app(), ["eval", "timex", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert len(load_gold(gold)) == 16


# --- the essay: the thirteen expressions found where the essay writes them ------------------------
ESSAY_EXPECTED = [
    ("In November 1957", "November 1957", "1957-11", None, True),
    ("In the fall of 1958", "the fall of 1958", "1958-FA", None, True),
    ("heated in late 1959", "late 1959", "1959", "END", True),
    ("in the summer of 1960", "the summer of 1960", "1960-SU", None, True),
    ("nose-dive from 1960 to 1963", "1960", "1960", None, True),
    ("nose-dive from 1960 to 1963", "1963", "1963", None, True),
    ("In the early 1960's", "the early 1960's", "196", "START", True),
    ("sometime in the mid 1960's", "mid 1960's", "196", "MID", True),
    ("In March of that year", "March of that year", "1966-03", None, True),
    ("By 1965 the schism", "1965", "1965", "ON_OR_BEFORE", True),
    ("During the nineteenth century", "the nineteenth century", "18", None, True),
    ("the thirteenth and fourteenth century", "the thirteenth", "12", None, True),
    ("the thirteenth and fourteenth century", "fourteenth century", "13", None, True),
    ("a few months before the loan", "a few months before the loan", "1950-02", "BEFORE", True),
    ("the first fifteen years of its existence", "the first fifteen years of its existence", "P15Y", "APPROX", True),
    ("to fight the Korean War", "the Korean War", "1950-06/1953-07", None, False),
    ("during the Cuban missile crisis", "the Cuban missile crisis", "1962-10", None, False),
    ("during the Twenty-second Congress", "the Twenty-second Congress of the Soviet Party", "1961-10", None, False),
    ("but Khrushchev's overthrow", "Khrushchev's overthrow", "1964-10", None, False),
    ("early in the reign of the successor to Stalin", "early in the reign of the successor to Stalin", "1953-09/1964-10", "START", False),
]


@pytest.fixture(scope="module")
def essay_found(essay_text):
    from rift.clean import repair_text
    from rift.dates import find_timexes

    repaired = repair_text(essay_text).text
    return repaired, find_timexes(repaired)


@pytest.mark.parametrize("context, text, value, mod, explicit", ESSAY_EXPECTED)
def test_dates_cli_essay_expressions(essay_found, context, text, value, mod, explicit):
    repaired, found = essay_found
    at = repaired.replace("’", "'").index(context)
    hits = [t for t in found if at - 10 <= t.start < at + len(context) + 60 and text in t.text.replace("’", "'")]
    assert hits, f"{text!r} not found near {context!r}"
    t = hits[0]
    assert (t.value, t.mod, t.explicit) == (value, mod, explicit)
    if not explicit:
        assert t.kb and t.anchor == t.kb
