"""rift's own gold sets for events: well formed, and their texts and documents present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rift.actors.kb import load_actor_kb
from rift.events.evaluate import load_gold, read_texts

DATA = Path(__file__).parent / "data"
GOLDS = sorted(p for p in DATA.glob("events_gold_*.jsonl") if not p.name.endswith("_texts.jsonl")) + [DATA / "sample_events_gold.jsonl"]


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.name)
def test_events_gold_files_load(path):
    gold = load_gold(path)
    codes = set(load_actor_kb().codes) | {"UNO", "ARL", "NATO", "WTO", "PLO", "EEC", "EUR", "CZE"}
    for g in gold:
        assert g.source != g.target
        assert g.source in codes and g.target in codes, g
        assert g.year is None or 1800 <= g.year <= 2030


def test_events_gold_synthetic_texts_match_the_gold():
    texts = {r.path for r in read_texts(DATA / "events_gold_synthetic_texts.jsonl")}
    docs = {g.doc for g in load_gold(DATA / "events_gold_synthetic.jsonl")}
    assert docs == texts and len(load_gold(DATA / "events_gold_synthetic.jsonl")) >= 50


def test_events_gold_frus_keeps_no_document_text():
    rows = [json.loads(x) for x in (DATA / "events_gold_frus.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 30
    for r in rows:
        assert set(r) <= {"doc", "source", "target", "category", "sign", "year", "start", "end", "note", "reciprocal"}
        assert 0 <= r["start"] < r["end"] and len(r["note"]) < 80


def test_events_gold_frus_offsets_fall_in_their_documents():
    root = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "frus-1961-63-v05"
    if not root.exists():
        pytest.skip(f"needs {root} (the ../shared folder beside the repository is absent)")
    for r in (json.loads(x) for x in (DATA / "events_gold_frus.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()):
        text = (root / f"{r['doc']}.txt").read_text(encoding="utf-8")
        assert r["end"] <= len(text)
        sentence = text[r["start"] : r["end"]]
        assert len(sentence.split()) >= 4 and not sentence[0].isspace(), sentence[:40]
