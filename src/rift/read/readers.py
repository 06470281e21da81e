"""Find input files and decode them into text, refusing binary data with a clear message."""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from rift.errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 200 * 1024 * 1024  # one document; larger inputs belong in `rift batch`
# an HTML tree takes tens of times its file's size in memory: a smaller limit keeps it bounded
MAX_HTML_BYTES = 32 * 1024 * 1024

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF file",
    b"\x1f\x8b": "a gzip archive",
    b"PK\x03\x04": "a zip archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
}


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class RawText:
    """A decoded input: its path, the text as read, and the encoding used."""

    path: str
    text: str
    encoding: str
    title: str | None = None

    def __post_init__(self) -> None:
        # lone surrogates (from JSON escapes or a caller's str) cannot be encoded as UTF-8 by
        # spaCy, DuckDB or any writer: each becomes U+FFFD, one for one, so offsets hold
        for name in ("text", "title"):
            value = getattr(self, name)
            if isinstance(value, str) and _SURROGATE.search(value):
                object.__setattr__(self, name, _SURROGATE.sub("\ufffd", value))


def _looks_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM from where the NUL bytes fall."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Decode bytes to text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), cp1252.

    Args:
        data: the raw bytes.
        name: how to name the input in error messages.

    Returns:
        ``(text, encoding)``.

    Raises:
        InputError: when the data is empty or binary.
    """
    if not data or data.isspace():  # not data.strip(): that copies the whole input
        raise InputError(f"{name}: the file is empty")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not text; give rift a .txt, .md or .html file")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16", errors="replace"), "utf-16"
    guess = _looks_utf16(data)
    if guess:
        return data.decode(guess, errors="replace"), guess
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: this looks like binary data (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    control = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\r\n\t\f")
    if control > 0.05 * min(len(text), 65536):
        raise InputError(f"{name}: this looks like binary data, not text")
    return text, encoding


_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "blockquote", "title"}
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})


_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _html_parts(markup: str) -> tuple[list[str], str | None]:
    """Visible text pieces of an HTML page (block elements as paragraph breaks) and its title.

    lxml's C parser is used rather than :mod:`html.parser`, which takes minutes on a few
    megabytes of stray ``<`` characters; the tree is walked iteratively, so deep nesting is safe.
    """
    from lxml import etree

    # libxml2 reads bytes, and lxml refuses text with control characters: they become spaces
    data = _NOT_XML_CHARS.sub(" ", markup).encode("utf-8", errors="replace")
    parser = etree.HTMLParser(encoding="utf-8", recover=True, no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.Error, ValueError):
        root = None
    if root is None:
        return [], None
    title = None
    for el in root.iter("title"):
        title = (el.text or "").strip() or None
        break
    # drop invisible elements (keeping the text after them), then mark block elements: all in C
    # but one attribute write per block element
    etree.strip_elements(root, *_SKIP_TAGS, "title", with_tail=False)
    for el in root.iter(*_BLOCK_TAGS):
        el.text = "\n\n" + (el.text or "")
        el.tail = "\n\n" + (el.tail or "")
    return [etree.tostring(root, method="text", encoding="unicode", with_tail=False)], title


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Return the visible text of an HTML document and its title."""
    parts, title = _html_parts(markup)
    text = "".join(parts)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n[ \t]+", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, title


def markdown_to_text(text: str) -> str:
    """Drop the Markdown markup that would confuse sentence splitting (headings, emphasis)."""
    text = re.sub(r"(?m)^#{1,6}\s*", "", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    return text


def _from_bytes(data: bytes, path: str) -> RawText:
    text, encoding = decode_bytes(data, path)
    suffix = Path(path).suffix.lower()
    title = None
    if suffix in (".html", ".htm") or (suffix == "" and re.match(r"\s*<(!doctype|html)", text[:200], re.I)):
        if len(data) > MAX_HTML_BYTES:
            raise InputError(
                f"{path}: {len(data) // (1024 * 1024)} MB is too large for one HTML page (at most "
                f"{MAX_HTML_BYTES // (1024 * 1024)} MB); save its text as .txt first"
            )
        text, title = html_to_text(text)
    elif suffix in (".md", ".markdown"):
        text = markdown_to_text(text)
    if not text or text.isspace():
        raise InputError(f"{path}: no text in this file")
    return RawText(path=path, text=text, encoding=encoding, title=title)


def read_path(path: str | Path) -> RawText:
    """Read and decode one file.

    Raises:
        InputError: missing, unreadable, too large, empty or binary.
    """
    p = Path(path)
    if not p.exists():
        if p.is_symlink():
            raise InputError(f"{path}: a broken symbolic link or a link loop")
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path}: {size // (1024 * 1024)} MB is too large for one document; split it or use `rift batch`"
            )
        if size > MAX_HTML_BYTES and p.suffix.lower() in (".html", ".htm"):
            raise InputError(
                f"{path}: {size // (1024 * 1024)} MB is too large for one HTML page (at most "
                f"{MAX_HTML_BYTES // (1024 * 1024)} MB); save its text as .txt first"
            )
        # read at most one byte past the limit: a file that grows while read is still bounded
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"{path}: too large for one document; split it or use `rift batch`")
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return _from_bytes(data, str(path))


def read_stdin() -> RawText:
    """Read and decode standard input."""
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError("-: standard input is too large for one document; use `rift batch`")
    return _from_bytes(data, "-")


def discover(paths: list[str], *, skipped: list[tuple[str, str]] | None = None) -> list[str]:
    """Expand the given paths (files, directories, '-') into a sorted list of text files.

    Directories are walked recursively; a directory reached twice through symbolic links is
    walked once, so link cycles end.

    Args:
        paths: files, directories, or '-' for standard input.
        skipped: when a list, each path that cannot be used (missing, an unlistable directory,
            a directory without texts, a broken or looping link) is appended to it as
            ``(path, one-line message)`` and the rest go on; when None, the first one raises.

    Raises:
        InputError: a path cannot be used (``skipped`` is None), or nothing was named at all.
    """
    found: list[str] = []
    for raw in paths:
        try:
            found.extend(_discover_one(raw, skipped))
        except InputError as exc:
            if skipped is None:
                raise
            skipped.append((raw, exc.message))
    if not found and not skipped:
        raise InputError("nothing to read: give one or more files, directories, or '-'")
    return found


def _discover_one(raw: str, skipped: list[tuple[str, str]] | None) -> list[str]:
    if raw == "-":
        return ["-"]
    p = Path(raw)
    if not p.exists():
        if p.is_symlink():
            raise InputError(f"{raw}: a broken symbolic link or a link loop")
        raise InputError(f"{raw}: no such file or directory")
    if not p.is_dir():
        return [str(p)]
    files = []
    problems: list[tuple[str, str]] = []
    for sub in _walk(p, set(), problems):
        if sub.suffix.lower() in TEXT_SUFFIXES:
            files.append(str(sub))
    if problems:
        if skipped is None:
            raise InputError(problems[0][1])
        skipped.extend(problems)
    if not files:
        raise InputError(f"{raw}: no .txt, .md or .html files in this directory")
    return sorted(files)


def _walk(root: Path, seen: set[tuple[int, int]], problems: list[tuple[str, str]]):
    """Files under ``root``, depth first; a directory met again (a link cycle) is not walked
    twice. Iterative, so that no nesting depth exhausts the stack."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
        except OSError as exc:
            problems.append((str(folder), f"{folder}: cannot be read ({exc.strerror or exc})"))
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            continue
        seen.add(key)
        try:
            entries = sorted(folder.iterdir())
        except OSError as exc:
            problems.append((str(folder), f"{folder}: cannot list this directory ({exc.strerror or exc})"))
            continue
        subdirs = []
        for entry in entries:
            try:
                if entry.is_dir():
                    subdirs.append(entry)
                elif entry.is_file():
                    yield entry
                elif entry.is_symlink() and entry.suffix.lower() in TEXT_SUFFIXES:
                    problems.append((str(entry), f"{entry}: a broken symbolic link or a link loop"))
            except OSError as exc:
                problems.append((str(entry), f"{entry}: cannot be read ({exc.strerror or exc})"))
        stack.extend(reversed(subdirs))
