"""Reading a corpus for `rift batch`: text folders with an index, JSONL, FRUS TEI, bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rift.batch.sources import BadInput, WorkItem, iter_items, iter_keys
from rift.batch.tei import iter_tei

TEI = Path(__file__).parent / "data" / "tei" / "frus-synthetic.xml"


def _split(items):
    good = [i for i in items if isinstance(i, WorkItem)]
    bad = [i for i in items if isinstance(i, BadInput)]
    return good, bad


def test_batch_tei_documents_dates_and_notes():
    docs = list(iter_tei(TEI))
    assert [d.id for d in docs] == ["d1", "d2", "d3", "d4"]  # not the front/back matter or the comment
    assert [d.date for d in docs] == ["1960-07-16", "1961-01-05", None, "1961-03-02"]
    d1 = docs[0]
    assert d1.title.startswith("1. Telegram From the Embassy")
    paras = d1.text.split("\n\n")
    assert paras[1] == "Moscow, July 16, 1960."
    # footnotes leave the running text and come at the end, the source note first
    assert "diplomats" not in paras[2] and paras[2].endswith("The Chinese reply is not yet known.")
    assert paras[-2].startswith("* Source: Synthetic Central Files")
    assert paras[-1].startswith("2 The recall was reported")
    # an enclosure nested in a document is part of that document, not a document of its own
    assert "A table of Soviet deliveries" in docs[3].text


def test_batch_tei_items_are_news_anchored_on_their_date():
    good, bad = _split(list(iter_items([str(TEI)])))
    assert not bad
    by_id = {i.raw.path.rsplit("#", 1)[1]: i for i in good}
    assert (by_id["d1"].doctype, by_id["d1"].dct) == ("news", "1960-07-16")
    assert (by_id["d3"].doctype, by_id["d3"].dct) == ("narrative", None)
    assert by_id["d2"].raw.title == "2. Memorandum of Conversation"
    assert [k for k in iter_keys([str(TEI)])] == [i.key for i in good]


def test_batch_tei_malformed_volume_is_one_bad_input(tmp_path):
    broken = tmp_path / "broken.xml"
    text = TEI.read_text(encoding="utf-8")
    broken.write_text(text[: text.index('<div type="document" xml:id="d3"')] + "<p>unclosed", encoding="utf-8")
    good, bad = _split(list(iter_items([str(broken)])))
    assert [i.raw.path.rsplit("#", 1)[1] for i in good] == ["d1", "d2"]
    assert len(bad) == 1 and "not well-formed XML" in bad[0].message


def test_batch_jsonl_lines_and_their_errors(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "Moscow protested.", "date": "1962-10-24", "title": "T"}),
        "{not json",
        json.dumps({"id": "x2", "text": "  "}),
        json.dumps({"id": "x3", "text": "Peking replied.", "date": "24/10/1962"}),
        "",
        json.dumps({"text": "No id here."}),
        json.dumps(["a list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    good, bad = _split(list(iter_items([str(path)])))
    assert [(i.raw.path.rsplit("#", 1)[1], i.doctype, i.dct, i.raw.title) for i in good] == [
        ("x1", "news", "1962-10-24", "T"),
        ("L6", "narrative", None, None),
    ]
    messages = [b.message for b in bad]
    assert len(messages) == 4
    assert messages[0].endswith("c.jsonl:2: not a JSON object (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))")
    assert "no \"text\"" in messages[1] and "is not YYYY-MM-DD" in messages[2] and "c.jsonl:7" in messages[3]


def test_batch_folder_index_gives_dates_titles_and_leaves_out_unlisted_notes(tmp_path):
    (tmp_path / "index.csv").write_text(
        "id,date,title,file\nv/d1,1961-05-02,1. Telegram,v-d1.txt\nv/d2,,2. Editorial Note,v-d2.txt\n", encoding="utf-8"
    )
    (tmp_path / "v-d1.txt").write_text("The Ambassador called on Gromyko.", encoding="utf-8")
    (tmp_path / "v-d2.txt").write_text("No record was found.", encoding="utf-8")
    (tmp_path / "README.md").write_text("How this folder was made.", encoding="utf-8")
    good, bad = _split(list(iter_items([str(tmp_path)])))
    assert not bad
    assert [(Path(i.raw.path).name, i.doctype, i.dct, i.raw.title) for i in good] == [
        ("v-d1.txt", "news", "1961-05-02", "1. Telegram"),
        ("v-d2.txt", "narrative", None, "2. Editorial Note"),
    ]
    assert len(list(iter_keys([str(tmp_path)]))) == 2


def test_batch_globs_missing_and_binary_inputs(tmp_path):
    (tmp_path / "a.txt").write_text("First text.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nSecond text.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "empty").mkdir()
    items = list(iter_items([str(tmp_path / "*.txt"), str(tmp_path / "nothing-*.txt"), str(tmp_path / "gone.txt"), str(tmp_path / "empty")]))
    good, bad = _split(items)
    assert [Path(i.raw.path).name for i in good] == ["a.txt"]
    assert [b.message.split(": ", 1)[1] for b in bad] == [
        "this is a PDF file, not text; give rift a .txt, .md or .html file",
        "no files match this pattern",
        "no such file or directory",
        "no .txt, .md, .html, .jsonl or .xml files in this directory",
    ]


def test_batch_frus_sample_folder_uses_its_index():
    from conftest import shared_path

    folder = shared_path("data", "frus-1961-63-v05")
    keys = list(iter_keys([str(folder)]))
    assert len(keys) == 200  # the index's documents, not SOURCE.md
    first = next(iter(iter_items([str(folder)])))
    assert first.doctype == "news" and first.dct == "1960-12-01"
    assert first.raw.title == "1. National Intelligence Estimate"


@pytest.mark.parametrize("value,expected", [("1961-01-05", "1961-01-05"), ("1961-01-05T10:00:00-05:00", "1961-01-05"), ("1961", None), ("", None)])
def test_batch_jsonl_date_forms(tmp_path, value, expected):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Text.", "date": value}) + "\n", encoding="utf-8")
    (item,) = list(iter_items([str(path)]))
    if expected is None and value:
        assert isinstance(item, BadInput)
    else:
        assert item.dct == expected
