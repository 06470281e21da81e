"""Broken and hostile files: each gets one line saying why, and the rest of a run goes on.

Covers empty files, binaries (PNG, PDF, gzip, zip, JPEG), UTF-16 with and without a byte-order
mark, cp1252, latin-1, unreadable files, broken links and symbolic-link loops, through
:func:`rift.read.read_path`, :func:`rift.api.read_inputs`, ``rift.analyze(on_error="skip")`` and
``rift analyze`` with several inputs (a summary of what was skipped, a non-zero exit).
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rift.api import analyze, read_inputs
from rift.errors import InputError
from rift.read import read_path

TEXT = "In February 1950 Moscow and Peking signed a treaty of alliance. (Nogee, 12)\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(scope="module")
def small_nlp():
    """rift's pipeline on a blank model with only the citation stage: these tests are about
    files and skipping, not about what the other stages find."""
    from rift.pipeline import RIFT_COMPONENTS, build_pipeline

    return build_pipeline("blank", exclude=[name for name, _m in RIFT_COMPONENTS if name != "rift_citations"])


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _pdf() -> bytes:
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256))


BINARIES = {
    "image.png": (_png(), "PNG image"),
    "paper.pdf.txt": (_pdf(), "PDF file"),
    "archive.txt.gz": (gzip.compress(TEXT.encode() * 50), "gzip archive"),
    "book.txt": (b"PK\x03\x04" + bytes(range(256)) * 4, "zip archive"),
    "photo.txt": (b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "JPEG image"),
    "nuls.txt": (b"abc\x00\x01\x02\x03" * 200, "binary"),
    "random.txt": (bytes((i * 7919 + 13) % 256 for i in range(5000)), "binary"),
}

ENCODINGS = [
    # (name, bytes, the encoding rift reports)
    ("utf-16-le-bom", b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16"),
    ("utf-16-be-bom", b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
    ("utf-16-le-no-bom", TEXT.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be-no-bom", TEXT.encode("utf-16-be"), "utf-16-be"),
    ("utf-8-bom", b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    ("cp1252", "Khrushchev\u2019s \u201csecret speech\u201d \u2014 1956, caf\u00e9.\n".encode("cp1252"), "cp1252"),
    ("latin-1", "Khrushchev's speech in 1956 at the caf\u00e9 \u00e0 Gen\u00e8ve \x81.\n".encode("latin-1"), "latin-1"),
]


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_reliability_binary_file_one_line(tmp_path, name):
    data, what = BINARIES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_path(path)
    msg = info.value.message
    assert "\n" not in msg and msg.startswith(str(path)) and what in msg


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"<html><body>  </body></html>"])
def test_reliability_empty_file_one_line(tmp_path, data):
    path = tmp_path / ("empty.html" if data.startswith(b"<") else "empty.txt")
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_path(path)
    assert "\n" not in info.value.message and ("empty" in info.value.message or "no text" in info.value.message)


@pytest.mark.parametrize("name,data,encoding", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_reliability_encodings_decode(tmp_path, name, data, encoding):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    raw = read_path(path)
    assert raw.encoding == encoding
    assert "\ufffd" not in raw.text
    assert "1956" in raw.text or "1950" in raw.text
    if name.startswith("cp1252"):
        assert "\u201csecret speech\u201d" in raw.text and "caf\u00e9" in raw.text
    if name.startswith("latin-1"):
        assert "Gen\u00e8ve" in raw.text


@pytest.mark.skipif(IS_ROOT, reason="running as root: file permissions do not stop root from reading")
def test_reliability_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(TEXT)
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_path(path)
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(IS_ROOT, reason="running as root: directory permissions do not stop root")
def test_reliability_unlistable_directory_is_skipped(tmp_path):
    good = tmp_path / "corpus" / "a.txt"
    good.parent.mkdir()
    good.write_text(TEXT)
    locked = tmp_path / "corpus" / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(TEXT)
    locked.chmod(0)
    try:
        skipped: list = []
        raws = read_inputs([str(tmp_path / "corpus")], skipped=skipped)
        assert [r.path for r in raws] == [str(good)]
        assert len(skipped) == 1 and "cannot list" in skipped[0][1]
    finally:
        locked.chmod(0o755)


def test_reliability_symlink_loops_end(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text(TEXT)
    (corpus / "sub" / "b.md").write_text(TEXT.replace("1950", "1951"))
    (corpus / "sub" / "up").symlink_to(corpus)  # a directory cycle
    (corpus / "sub" / "self").symlink_to(corpus / "sub" / "self")  # a link to itself
    (corpus / "loop.txt").symlink_to(corpus / "loop2.txt")
    (corpus / "loop2.txt").symlink_to(corpus / "loop.txt")  # a two-link loop
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # a broken link
    skipped: list = []
    raws = read_inputs([str(corpus)], skipped=skipped)
    assert sorted(Path(r.path).name for r in raws) == ["a.txt", "b.md"]  # each once
    names = sorted(Path(p).name for p, _msg in skipped)
    assert names == ["gone.txt", "loop.txt", "loop2.txt"]
    assert all("link" in msg and "\n" not in msg for _p, msg in skipped)
    with pytest.raises(InputError, match="link"):
        read_path(corpus / "loop.txt")


def test_reliability_read_inputs_raise_mode_names_the_first_bad_file(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(TEXT)
    bad = tmp_path / "b.txt"
    bad.write_bytes(_png())
    with pytest.raises(InputError, match="PNG"):
        read_inputs([str(good), str(bad)])


def test_reliability_analyze_skips_bad_inputs(tmp_path, small_nlp):
    good = tmp_path / "a.txt"
    good.write_text(TEXT)
    (tmp_path / "b.txt").write_bytes(_png())
    (tmp_path / "c.txt").write_bytes(b"")
    result = analyze([str(good), str(tmp_path / "b.txt"), str(tmp_path / "c.txt"), str(tmp_path / "nope.txt")],
                     nlp=small_nlp, on_error="skip")
    assert [d.document.path for d in result.docs] == [str(good)]
    reasons = dict(result.skipped)
    assert set(reasons) == {str(tmp_path / n) for n in ("b.txt", "c.txt", "nope.txt")}
    assert "PNG" in reasons[str(tmp_path / "b.txt")] and "empty" in reasons[str(tmp_path / "c.txt")]
    with pytest.raises(InputError):
        analyze([str(good), str(tmp_path / "b.txt")], nlp=small_nlp)  # the default raises
    with pytest.raises(InputError, match="none of the 2"):
        analyze([str(tmp_path / "b.txt"), str(tmp_path / "c.txt")], nlp=small_nlp, on_error="skip")


def _stage_failure_costs_one_document(nlp) -> None:
    from spacy.language import Language

    from rift.read import RawText

    if "rift_test_explode" not in Language.factories:
        @Language.component("rift_test_explode")
        def explode(doc):
            if "EXPLODE" in doc.text:
                raise RuntimeError("boom")
            return doc

    nlp.add_pipe("rift_test_explode", last=True)
    try:
        raws = [RawText("ok.txt", TEXT, "utf-8"), RawText("bad.txt", "EXPLODE in 1950.", "utf-8"),
                RawText("ok2.txt", TEXT.replace("1950", "1960"), "utf-8")]
        result = analyze(raws, nlp=nlp, on_error="skip")
        assert [d.document.path for d in result.docs] == ["ok.txt", "ok2.txt"]
        assert result.skipped == [("bad.txt", "bad.txt: the rift_test_explode stage failed (RuntimeError: boom)")]
        with pytest.raises(RuntimeError):
            analyze(raws, nlp=nlp)  # raise mode: an unexpected error is not hidden
        assert len(analyze(raws[:1], nlp=nlp).docs) == 1  # the handlers were put back
    finally:
        nlp.remove_pipe("rift_test_explode")


def test_reliability_analyze_skips_a_document_a_stage_fails_on(small_nlp):
    """A stage that raises on one document costs that document only."""
    _stage_failure_costs_one_document(small_nlp)


@pytest.mark.model
def test_reliability_analyze_skips_a_document_a_stage_fails_on_model(nlp):
    """The same with the real model, whose compiled parser takes no error handler."""
    _stage_failure_costs_one_document(nlp)


def _rift(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="200", RIFT_MODEL="blank")
    return subprocess.run([sys.executable, "-m", "rift", *args], capture_output=True, env=env, timeout=600)


def test_reliability_cli_several_inputs_skip_and_summarise(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT)
    (corpus / "b.txt").write_text("The Sino-Soviet split deepened in 1960 when Moscow withdrew its advisers.\n")
    (corpus / "img.txt").write_bytes(_png())
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "utf16.txt").write_bytes(b"\xff\xfe" + TEXT.encode("utf-16-le"))
    out = tmp_path / "out"
    proc = _rift("analyze", str(corpus), str(tmp_path / "missing.txt"), "-o", str(out), "--model", "blank")
    err = proc.stderr.decode()
    assert proc.returncode == InputError.exit_code, err
    assert "Traceback" not in err + proc.stdout.decode()
    assert "3 document(s)" in proc.stdout.decode()
    lines = [ln for ln in err.splitlines() if ln.strip()]
    skipped_lines = [ln for ln in lines if ln.startswith("rift: skipped /")]
    assert len(skipped_lines) == 4, err  # img, empty, loop, missing: one line each
    assert lines[-1].startswith("rift: skipped 4 of 7 input(s):"), err
    for name in ("img.txt", "empty.txt", "loop.txt", "missing.txt"):
        assert name in lines[-1]
    assert (out / "events.jsonl").exists() and (out / "rift.duckdb").exists()


def test_reliability_cli_all_inputs_bad(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(_pdf())
    proc = _rift("analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "out"), "--model", "blank")
    err = proc.stderr.decode() + proc.stdout.decode()
    assert proc.returncode == InputError.exit_code and "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 3 and "none of the 2 inputs could be read" in lines[-1], err
