"""The CLI: bad input gives one line and a non-zero exit; a real run writes every output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rift.api import OUTPUT_FILES


def rift(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "rift", *args], capture_output=True, input=stdin, cwd=cwd, env=env, timeout=300)


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def assert_one_line_error(proc: subprocess.CompletedProcess, needle: str) -> None:
    assert proc.returncode != 0
    err = proc.stderr.decode() + proc.stdout.decode()
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert needle in lines[0], err


@pytest.mark.parametrize(
    "setup,needle",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "img.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "PNG"),
        (lambda d: _write(d / "bin.txt", b"abc\x00\x01\x02" * 100), "binary"),
        (lambda d: _write(d / "sub" / "x.png", b"x").parent, "no .txt"),
    ],
)
def test_cli_bad_input_one_line(tmp_path, setup, needle):
    path = setup(tmp_path)
    out = tmp_path / "out"
    proc = rift("analyze", str(path), "-o", str(out))
    assert_one_line_error(proc, needle)
    assert not out.exists() or not any(out.iterdir())


def test_cli_unwritable_output(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("The Soviets met the Chinese in 1950.")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = rift("analyze", str(src), "-o", str(blocker / "out"))
    assert_one_line_error(proc, "cannot write")


def test_cli_help_lists_commands():
    proc = rift("--help")
    assert proc.returncode == 0
    out = proc.stdout.decode()
    for cmd in ("analyze", "demo", "export"):
        assert cmd in out


@pytest.mark.model
def test_cli_analyze_writes_all_outputs_and_summary(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("In February 1950 Moscow and Peking signed a treaty of alliance. (Nogee, 12)\n", encoding="utf-8")
    proc = rift("analyze", str(src), "-o", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr.decode()
    for name in OUTPUT_FILES:
        assert (tmp_path / "out" / name).exists(), name
    out = proc.stdout.decode()
    assert "1 document(s)" in out and "report" in out and "citations" in out
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".rift")]


@pytest.mark.model
def test_cli_analyze_stdin_and_export(tmp_path):
    proc = rift("analyze", "-", "-o", str(tmp_path / "out"), stdin="The Chinese boycotted the congress in 1966. (Nogee, 278)".encode())
    assert proc.returncode == 0, proc.stderr.decode()
    proc = rift("export", str(tmp_path / "out" / "rift.duckdb"), "--format", "csv", "-o", str(tmp_path / "csv"))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "Nogee" in (tmp_path / "csv" / "citations.csv").read_text()
