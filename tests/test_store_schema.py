"""Typed records, the documented schema, DuckDB storage and exports (no model needed)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from rift.records import RECORD_TYPES, schema_markdown

REPO = Path(__file__).resolve().parents[1]
TEXT_A = "Moscow and Peking signed a treaty in 1950. (Nogee, 12)\n\nRelations later soured. (Simmons, 40-2)"
TEXT_B = "=HYPERLINK(\"http://x\") looks like a formula. (Smith, 3)"


def test_schema_doc_is_current():
    doc = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    assert doc.strip() == schema_markdown().strip(), "regenerate: python -m rift.records > docs/schema.md"


@pytest.fixture()
def result(blank_nlp):
    from rift.api import analyze
    from rift.read import RawText

    raws = [RawText("a.txt", TEXT_A, "utf-8"), RawText("b.txt", TEXT_B, "utf-8")]
    return analyze(raws, nlp=blank_nlp)


def test_store_writers_emit_exactly_the_schema_fields(result, tmp_path):
    from rift.api import write_outputs

    write_outputs(result, tmp_path)
    for filename, table in [("citations.jsonl", "citations"), ("events.jsonl", "events"), ("timexes.jsonl", "timexes"),
                            ("causal.jsonl", "causal"), ("claims.jsonl", "claims")]:
        fields = set(RECORD_TYPES[table].model_fields)
        for line in (tmp_path / filename).read_text(encoding="utf-8").splitlines():
            assert set(json.loads(line)) == fields, filename
    assert len((tmp_path / "citations.jsonl").read_text().splitlines()) == 3
    assert json.loads((tmp_path / "phases.json").read_text()) == [p.to_json_dict() for p in result.phases]
    with open(tmp_path / "series.csv") as fh:
        header = next(csv.reader(fh))
    assert header[:5] == ["dyad", "bin", "intensity_sum", "intensity_mean", "n_events"]
    assert (tmp_path / "report.html").read_text().startswith("<!doctype html>")


def test_store_round_trip(result, tmp_path):
    from rift.store import Store

    with Store(tmp_path / "r.duckdb") as store:
        store.save(result)
    with Store(tmp_path / "r.duckdb", read_only=True) as store:
        back = store.load()
    assert {d.id for d in back.documents} == {d.id for d in result.documents}
    for table in ("sentences", "citations", "sources", "events", "timexes", "causal", "claims"):
        key = lambda r: (r.doc, json.dumps(r.to_json_dict(), sort_keys=True))  # noqa: E731
        assert sorted(getattr(back, table), key=key) == sorted(getattr(result, table), key=key), table


def test_store_reanalysis_replaces_rows(result, tmp_path, blank_nlp):
    from rift.api import analyze
    from rift.read import RawText
    from rift.store import Store

    db = tmp_path / "r.duckdb"
    with Store(db) as store:
        store.save(result)
        store.save(analyze([RawText("a-again.txt", TEXT_A, "utf-8")], nlp=blank_nlp))
        n_docs = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        n_cites = store.con.execute("SELECT count(*) FROM citations").fetchone()[0]
        path = store.con.execute("SELECT path FROM documents WHERE path LIKE 'a%'").fetchall()
    assert n_docs == 2 and n_cites == 3
    assert path == [("a-again.txt",)]


def test_store_failed_save_leaves_previous_state(result, tmp_path):
    from rift.store import Store

    db = tmp_path / "r.duckdb"
    with Store(db) as store:
        store.save(result)

    class Boom:
        docs = result.docs
        series = [{"dyad": "X"}]  # fine
        phases = ["not a phase"]  # fails mid-transaction

    with Store(db) as store:
        with pytest.raises(Exception):
            store.save(Boom())
        assert store.con.execute("SELECT count(*) FROM citations").fetchone()[0] == 3


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_store_export_formats(result, tmp_path, fmt):
    from rift.store import export

    files = export(result, fmt, tmp_path / fmt)
    names = {f.name for f in files}
    assert f"citations.{fmt}" in names and f"events.{fmt}" in names
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(tmp_path / fmt / "citations.parquet").num_rows == 3
    if fmt == "csv":
        docs = (tmp_path / fmt / "documents.csv").read_text()
        assert "'=HYPERLINK" in docs  # formula neutralised


@pytest.mark.parametrize("value,expected", [("=1+1", "'=1+1"), ("+1", "'+1"), ("-x", "'-x"), ("@a", "'@a"), ("ok", "ok"), (-1.5, "-1.5"), (None, "")])
def test_store_safe_cell(value, expected):
    from rift.store import safe_cell

    assert safe_cell(value) == expected
