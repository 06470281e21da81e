"""`rift batch` end to end on the blank model: the same records as `rift analyze`'s pipeline, resumed runs,
duplicates, bad inputs and failing documents."""

from __future__ import annotations

import faulthandler
import json
import os
import signal
from pathlib import Path

import pytest
from spacy.language import Language

from rift.batch import BatchConfig, WorkItem, iter_items, run_batch
from rift.batch.engines import CRASHED
from rift.pipeline import RIFT_COMPONENTS, build_pipeline, process
from rift.store import Store
from rift.store.duck import DOC_TABLES

TEI = Path(__file__).parent / "data" / "tei" / "frus-synthetic.xml"
TEXTS = [
    "In July 1960 the Soviet Union withdrew its experts from China. (Nogee, 256-61)\n\nPeking protested.",
    "The Chinese leaders denounced revisionism in\nApril 1960 (Griffith, 12). Moscow replied.",
    "Khrushchev visited Peking in 1959. Ibid.",
]


def _corpus(root: Path) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(TEXTS):
        (root / f"t{i}.txt").write_text(text, encoding="utf-8")
    (root / "news.jsonl").write_text(
        json.dumps({"id": "n1", "text": "Moscow recalled its ambassador on 3 May 1961.", "date": "1961-05-04", "title": "Recall"}) + "\n",
        encoding="utf-8",
    )
    return [str(root), str(TEI)]


def _by_doc(result) -> dict[str, dict[str, list]]:
    out = {}
    for d in result.docs:
        out[d.document.id] = {t: (getattr(d, t) if t != "documents" else [d.document]) for t in DOC_TABLES}
    return out


def test_batch_run_stores_the_same_records_as_the_pipeline(tmp_path, blank_nlp):
    inputs = _corpus(tmp_path / "corpus")
    summary = run_batch(inputs, tmp_path / "store", BatchConfig(model="blank", batch_size=2), nlp=blank_nlp)
    assert summary.processed == summary.documents == 8 and not summary.skipped
    with Store(summary.catalogue, read_only=True) as store:
        stored = _by_doc(store.load())
    expected = {}
    for item in iter_items(inputs):
        assert isinstance(item, WorkItem)
        (res,) = process(blank_nlp, [item.raw], doctype=item.doctype, dct=item.dct)
        expected[res.document.id] = {t: (getattr(res, t) if t != "documents" else [res.document]) for t in DOC_TABLES}
    assert stored.keys() == expected.keys()
    for doc_id, tables in expected.items():
        for table, records in tables.items():
            key = (lambda r: r.model_dump_json())
            assert sorted(stored[doc_id][table], key=key) == sorted(records, key=key), (doc_id, table)
    docs = {d[0].path.rsplit("#", 1)[-1]: d[0] for d in (v["documents"] for v in stored.values())}
    assert (docs["d1"].doctype, docs["d1"].dct) == ("news", "1960-07-16")
    assert (docs["n1"].doctype, docs["n1"].dct, docs["n1"].title) == ("news", "1961-05-04", "Recall")
    assert sum(len(v["citations"]) for v in stored.values()) >= 2


def test_batch_run_again_adds_only_new_documents(tmp_path, blank_nlp):
    inputs = _corpus(tmp_path / "corpus")
    cfg = BatchConfig(model="blank", batch_size=3)
    first = run_batch(inputs, tmp_path / "store", cfg, nlp=blank_nlp)
    again = run_batch(inputs, tmp_path / "store", cfg, nlp=blank_nlp)
    assert (again.processed, again.already_stored, again.documents) == (0, first.documents, first.documents)
    (tmp_path / "corpus" / "t9.txt").write_text("Peking and Moscow signed a trade agreement in 1961.", encoding="utf-8")
    (tmp_path / "corpus" / "copy.txt").write_text(TEXTS[0], encoding="utf-8")  # same text, new name
    seen = []
    third = run_batch(inputs, tmp_path / "store", cfg, nlp=blank_nlp, progress=lambda d, t: seen.append((d, t)))
    assert (third.processed, third.documents) == (1, first.documents + 1)
    assert seen[-1][0] == seen[-1][1] == 2  # the new file and the renamed copy
    with Store(third.catalogue, read_only=True) as store:
        ids = [r[0] for r in store.con.execute("SELECT id FROM documents").fetchall()]
    assert len(ids) == len(set(ids)) == first.documents + 1


def test_batch_run_duplicate_texts_are_stored_once(tmp_path, blank_nlp):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_text("The same telegram, filed twice.", encoding="utf-8")
    summary = run_batch([str(corpus)], tmp_path / "s", BatchConfig(model="blank"), nlp=blank_nlp)
    assert (summary.processed, summary.duplicates) == (1, 1)


@Language.component("test_batch_explode")
def _explode(doc):
    if "EXPLODE" in doc.text:
        raise ValueError("this document breaks the pipeline")
    return doc


def test_batch_run_bad_inputs_and_failing_documents_are_skipped(tmp_path):
    nlp = build_pipeline("blank")
    nlp.add_pipe("test_batch_explode")
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Moscow and Peking quarrelled.", encoding="utf-8")
    (corpus / "boom.txt").write_text("This one will EXPLODE.", encoding="utf-8")
    (corpus / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (corpus / "also.txt").write_text("Peking replied in kind.", encoding="utf-8")
    skipped = []
    summary = run_batch([str(corpus), str(tmp_path / "missing")], tmp_path / "s", BatchConfig(model="blank", batch_size=8),
                        nlp=nlp, on_skip=skipped.append)
    assert summary.processed == 2
    messages = sorted(b.message for b in summary.skipped)
    assert [b.message for b in skipped] == [b.message for b in summary.skipped]
    assert len(messages) == 3
    assert any("boom.txt: the pipeline failed on this document (ValueError: this document breaks the pipeline)" in m for m in messages)
    assert any("img.txt: this is a PNG image" in m for m in messages)
    assert any("missing: no such file or directory" in m for m in messages)


@Language.component("test_batch_crash")
def _crash(doc):
    if "CRASH" in doc.text:
        faulthandler.disable()  # keep pytest's crash report of the worker out of the output
        os.kill(os.getpid(), signal.SIGSEGV)  # what a bug in native code does to a worker
    return doc


def test_batch_run_document_that_kills_its_worker_is_skipped(tmp_path):
    nlp = build_pipeline("blank", exclude=[name for name, _module in RIFT_COMPONENTS])
    nlp.add_pipe("test_batch_crash")
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(7):
        (corpus / f"d{i}.txt").write_text(f"Telegram number {i} from Moscow." + (" CRASH" if i == 4 else ""), encoding="utf-8")
    summary = run_batch([str(corpus)], tmp_path / "s", BatchConfig(model="blank", batch_size=2, workers=2), nlp=nlp)
    assert summary.processed == 6
    assert [b.message.split(": ", 1)[1] for b in summary.skipped] == [CRASHED]
    assert summary.skipped[0].key.endswith("d4.txt")
    with Store(summary.catalogue, read_only=True) as store:
        names = sorted(Path(d.path).name for d in store.records("documents"))
    assert names == [f"d{i}.txt" for i in range(7) if i != 4]


def _cli(args: list[str], capsys) -> tuple[int, str, str]:
    from rift.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        main(args)
    captured = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def test_batch_cli_exit_code_and_summary(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Moscow and Peking quarrelled.", encoding="utf-8")
    (corpus / "b.txt").write_bytes(b"")
    code, out, err = _cli(["batch", str(corpus), "--store", str(tmp_path / "s"), "--model", "blank"], capsys)
    assert code == 2, out + err
    assert "Traceback" not in out + err
    assert "1 document(s) in the store: 1 new" in out
    assert "skipped 1 input(s):" in err and "b.txt: the file is empty" in err
    code, out, err = _cli(["batch", str(corpus), "--store", str(tmp_path / "s"), "--model", "blank", "--engine", "spark"], capsys)
    lines = [ln for ln in (out + err).splitlines() if ln.strip()]
    assert code != 0 and len(lines) == 1 and "--engine must be one of local, dask" in lines[0]
