"""The ``rift events`` and ``rift eval events`` commands."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rift.cli import main as cli

RUNNER = CliRunner()


def invoke(*args: str):
    cli._register()
    return RUNNER.invoke(cli.app, list(args))


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture()
def files(tmp_path):
    gold = tmp_path / "gold.jsonl"
    _write(gold, [
        {"source": "CHN", "target": "SUN", "category": "ACCUSE", "year": 1963},
        {"source": "SUN", "target": "CHN", "category": "SANCTION", "year": 1960},
    ])
    pred = tmp_path / "events.jsonl"
    date = {"value": "1963", "start": "1963-01-01", "end": "1963-12-31", "precision": "year"}
    _write(pred, [
        {"doc": "d", "source": "CHN", "target": "SUN", "category": "ACCUSE", "intensity": -2.0, "date": date, "confidence": 1.0, "trigger": "accused"},
        {"doc": "d", "source": "USA", "target": "CHN", "category": "AID", "intensity": 10.0, "date": date, "confidence": 0.6, "trigger": "gave"},
    ])
    return gold, pred


def test_events_cli_eval_prints_levels(files):
    gold, pred = files
    r = invoke("eval", "events", "--gold", str(gold), "--pred", str(pred), "--errors")
    assert r.exit_code == 0, r.output
    assert "dyad+sign+year" in r.output and "0.500" in r.output
    assert "missed" in r.output and "extra" in r.output


def test_events_cli_eval_threshold_exits_non_zero(files):
    gold, pred = files
    cli._register()
    with pytest.raises(SystemExit) as exc:
        cli.main(["eval", "events", "--gold", str(gold), "--pred", str(pred), "--min-recall", "0.9"])
    assert exc.value.code == 6  # EvalError


def test_events_cli_eval_min_confidence(files):
    gold, pred = files
    r = invoke("eval", "events", "--gold", str(gold), "--pred", str(pred), "--min-confidence", "0.9")
    assert r.exit_code == 0 and "1.000" in r.output  # the low-confidence false alarm is left out


def test_events_cli_eval_needs_one_source_of_predictions(files):
    gold, _pred = files
    cli._register()
    with pytest.raises(SystemExit) as exc:
        cli.main(["eval", "events", "--gold", str(gold)])
    assert exc.value.code == 2


@pytest.mark.parametrize("args", [["events", "--help"], ["eval", "events", "--help"]])
def test_events_cli_help(args):
    r = invoke(*args)
    assert r.exit_code == 0 and "Usage" in r.output


@pytest.mark.model
def test_events_cli_events_table(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("In 1969 Chinese troops attacked Soviet troops on the Ussuri.", encoding="utf-8")
    r = invoke("events", str(text), "--json")
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.output.splitlines() if x.startswith("{")]
    assert any(x["source"] == "CHN" and x["target"] == "SUN" and x["category"] == "ASSAULT" for x in rows)
    r = invoke("events", str(text))
    assert r.exit_code == 0 and "1 events" in r.output
