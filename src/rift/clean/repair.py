"""Repair text that reads like a scan or a hard-wrapped export.

What it fixes, in order:

* line endings (CRLF, CR), control characters and NUL bytes;
* double spacing: when almost every line is followed by one blank line, a single blank line
  is a line break and two or more are a paragraph break;
* hard wraps: lines of a paragraph are joined with a space; a line that ends early although
  the next word would have fitted, a heading-like line, or a line cut off mid-sentence and
  followed by a sentence opener starts a new paragraph;
* words hyphenated across a line break (``relitiv-`` / ``ly``) are joined; compounds whose
  second part is capitalised (``post-`` / ``Stalin``) keep their hyphen;
* curly quotes become straight quotes, dash variants become an em dash, ``..`` becomes ``.``;
* a run of 8 or more punctuation marks or symbols, or a "word" of more than 40 characters
  without a space, gets a space before each mark in it (``((((((((`` becomes ``( ( ( ( ...``):
  spaCy's tokenizer strips such marks one at a time, rescanning the rest of the word each time,
  which takes minutes on a few thousand nested parentheses.

Every character of the repaired text keeps a pointer to the original text (:class:`OffsetMap`).
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

from rift.clean.offsets import OffsetMap

# Words that open a sentence and are never capitalised inside one. A wrapped line that ends
# without punctuation and is followed by one of these was cut off mid-sentence.
SENTENCE_OPENERS = frozenset(
    """The A An In On At This These That Those It Its He She They We I You Many Some Most
    After Before When While But However Although Though By During From For As Now Then Soon
    Even If Since Because Both Each Other Another Such There Here What Why How Our His Her
    Their Meanwhile Moreover Furthermore Instead Thus Therefore Finally First Later Only
    Nevertheless Yet Still Under With Without Until Once""".split()
)

_CHAR_MAP = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u02bc": "'", "\u00b4": "'",  # a modifier-letter apostrophe or an acute accent typed for one ("Khrushchevʼs")
    "\u2013": "\u2014", "\u2012": "\u2014", "\u2015": "\u2014", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": " ",
    "\u00ad": "",  # soft hyphen
    "\ufeff": "", "\u200b": "", "\u200c": "", "\u200d": "",
}
_TERMINAL = ('.', '!', '?', '"', "'", ')', ']', ':', ';', '\u201d', '\u2019')


@dataclass
class RepairedText:
    """The result of :func:`repair_text`."""

    text: str
    offsets: OffsetMap
    paragraphs: list[int] = field(default_factory=list)  # cleaned offsets where paragraphs start
    title: str | None = None


# one-to-one replacements (control characters become spaces) for str.translate; characters the
# map deletes are handled apart so that every kept character keeps its original offset
_ONE_TO_ONE = {ord(k): v for k, v in _CHAR_MAP.items() if len(v) == 1}
for _code in list(range(32)) + list(range(0x7F, 0xA0)):
    _ONE_TO_ONE.setdefault(_code, " ")
for _code in range(0xD800, 0xE000):  # lone surrogates: spaCy cannot hash them
    _ONE_TO_ONE[_code] = "\ufffd"
_DELETED = re.compile("[" + "".join(re.escape(k) for k, v in _CHAR_MAP.items() if not v) + "]")


class _Builder:
    """Accumulates cleaned text while remembering where each character came from.

    Works on whole line segments (``str.translate`` and ``range``), not character by character,
    so that a multi-megabyte single line is repaired in linear time with a small constant.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.src = array("q")
        self.length = 0

    def _copy_run(self, text: str, start: int, end: int) -> None:
        if start >= end:
            return
        self.parts.append(text[start:end].translate(_ONE_TO_ONE))
        self.src.extend(range(start, end))
        self.length += end - start

    def copy(self, text: str, start: int, end: int) -> None:
        pos = start
        for m in _DELETED.finditer(text, start, end):
            self._copy_run(text, pos, m.start())
            pos = m.end()
        self._copy_run(text, pos, end)

    def insert(self, s: str, orig: int) -> None:
        if not s:
            return
        self.parts.append(s)
        self.src.extend([orig] * len(s))
        self.length += len(s)

    def last_char(self) -> str:
        for part in reversed(self.parts):
            if part:
                return part[-1]
        return ""

    def drop_last(self) -> None:
        """Remove the last character written."""
        while self.parts and not self.parts[-1]:
            self.parts.pop()
        if not self.parts:
            return
        self.parts[-1] = self.parts[-1][:-1]
        self.src.pop()
        self.length -= 1


@dataclass
class _Line:
    start: int
    end: int  # exclusive, without the line ending
    text: str  # stripped content

    @property
    def first_word(self) -> str:
        return self.text.split(" ", 1)[0] if self.text else ""


def _content_lines(text: str) -> list[tuple[int, "_Line"]]:
    """Every non-blank line with the number of blank lines before it.

    CR, LF and CRLF all end a line. Blank lines are only counted, never built, so that a text of
    millions of empty lines costs little more than a scan.
    """
    out: list[tuple[int, _Line]] = []
    blank = 0
    pos = 0
    n = len(text)
    for m in _LINE_END.finditer(text):
        end = m.start()
        if end == pos or text[pos:end].isspace():
            blank += 1
        else:
            out.append((blank, _line(text, pos, end)))
            blank = 0
        pos = m.end()
    if pos < n and not text[pos:n].isspace():
        out.append((blank, _line(text, pos, n)))
    return out


_LINE_END = re.compile(r"\r\n|\r|\n")


def _line(text: str, start: int, end: int) -> _Line:
    raw = text[start:end]
    lstrip = len(raw) - len(raw.lstrip())
    rstrip = len(raw) - len(raw.rstrip())
    s, e = start + lstrip, end - rstrip
    return _Line(s, e, text[s:e])


def _is_heading(line: _Line, width: int) -> bool:
    t = line.text
    if not t or len(t) > max(20, 0.75 * width) or t.endswith(_TERMINAL + (",", "-")):
        return False
    words = re.findall(r"[A-Za-z][\w'\-]*", t)
    if not words:
        return len(t) < 40
    caps = sum(1 for w in words if w[0].isupper())
    small = {"of", "the", "and", "in", "on", "a", "an", "to", "for", "at", "by", "de", "von", "van"}
    content = [w for w in words if w.lower() not in small] or words
    return caps >= 0.8 * len(content) or t.isupper()


def _cut_off(prev: _Line, nxt: _Line) -> bool:
    """A line that stops mid-sentence and is followed by a new sentence."""
    p = prev.text
    if not p or p.endswith(_TERMINAL + ("-",)):
        return False
    word = nxt.first_word.strip("\"'(")
    if not word[:1].isupper():
        return False
    # "(Author," left open at the end of a paragraph: a citation cut off
    tail = p[p.rfind("(") :] if "(" in p else ""
    if tail and ")" not in tail and p.endswith(",") and len(tail) < 40:
        return True
    if word not in SENTENCE_OPENERS:
        return False
    last = p.split()[-1]
    # "Foreign Policy / Since World War II": a title in title case runs on
    if not last[:1].islower():
        return False
    # inside an open quotation the line may be a quoted title
    if (p.count('"') + p.count("\u201c") - p.count("\u201d")) % 2 == 1:
        return False
    return True


def _width(lines: list[_Line]) -> int:
    lengths = sorted(len(ln.text) for ln in lines if ln.text)
    if not lengths:
        return 0
    return lengths[int(0.9 * (len(lengths) - 1))]


def _hard_wrapped(lines: list[_Line], width: int) -> bool:
    """True when the text was wrapped at a fixed width (most lines near the widest)."""
    content = [ln for ln in lines if ln.text]
    if len(content) < 4 or width > 250 or width < 20:
        return False
    near = sum(1 for ln in content if len(ln.text) >= 0.6 * width)
    return near >= 0.6 * len(content)


def _paragraph_blocks(text: str) -> list[list[_Line]]:
    """Group lines into blocks separated by blank lines, undoing double spacing."""
    lines = _content_lines(text)
    gaps = [blank for blank, _ln in lines[1:]]
    double_spaced = bool(gaps) and sum(1 for g in gaps if g == 1) >= 0.6 * len(gaps)
    threshold = 2 if double_spaced else 1
    blocks: list[list[_Line]] = []
    for blank, ln in lines:
        if not blocks or blank >= threshold:
            blocks.append([])
        blocks[-1].append(ln)
    return blocks


def _split_block(block: list[_Line], width: int, wrapped: bool) -> list[list[_Line]]:
    """Split a block of lines into paragraphs at intended line breaks."""
    if not wrapped and len(block) > 1 and not _hard_wrapped(block, _width(block)):
        # one line per paragraph, except where a line plainly continues the one before
        paras_nw: list[list[_Line]] = [[block[0]]]
        for prev, nxt in zip(block, block[1:]):
            first = nxt.text[:1]
            runs_on = not prev.text.endswith(_TERMINAL) and (first.islower() or first.isdigit() or prev.text.endswith((",", "-", "(")))
            if runs_on:
                paras_nw[-1].append(nxt)
            else:
                paras_nw.append([nxt])
        return paras_nw
    paras: list[list[_Line]] = [[block[0]]]
    for prev, nxt in zip(block, block[1:]):
        brk = False
        if _is_heading(prev, width) and (nxt.text[:1].isupper() or nxt.text[:1].isdigit()):
            brk = True
        elif prev.text.endswith(_TERMINAL) and len(prev.text) + 1 + len(nxt.first_word) < 0.95 * width:
            brk = True
        elif _cut_off(prev, nxt):
            brk = True
        if brk:
            paras.append([nxt])
        else:
            paras[-1].append(nxt)
    return paras


_INLINE_FIXES = [
    # "disputes- the" : a hyphen used as a dash
    (re.compile(r"(?<=[A-Za-z])- (?=[A-Za-z])(?!(?:and|or|to)\b)"), " \u2014 "),
    (re.compile(r"(?<=[A-Za-z ])--(?=[A-Za-z ])"), "\u2014"),
    (re.compile(r"(?<![.])\.\.(?![.])"), "."),
    (re.compile(r"\u2026+\.?|\.{4,}"), "..."),
    (re.compile(r"[ ]{2,}"), " "),
]


def _apply_inline_fixes(text: str, src: array) -> tuple[str, array]:
    for pattern, repl in _INLINE_FIXES:
        if not pattern.search(text):
            continue
        out: list[str] = []
        new_src = array("q")
        pos = 0
        for m in pattern.finditer(text):
            out.append(text[pos:m.start()])
            new_src.extend(src[pos:m.start()])
            out.append(repl)
            anchor = src[m.start()] if m.start() < len(src) - 1 else src[-1]
            new_src.extend([anchor] * len(repl))
            pos = m.end()
        out.append(text[pos:])
        new_src.extend(src[pos:])
        text = "".join(out)
        src = new_src
    return text, src


# where _break_affix_runs works: long space-free runs and runs of marks (not word characters,
# spaces or combining marks)
_AFFIX_RUN = re.compile(r"\S{41,}|[^\w\s]{8,}")
_BREAK_BEFORE = re.compile(r"(?<=\S)[^\w\s\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _break_affix_runs(text: str, src: array) -> tuple[str, array]:
    """Insert a space before each mark of a long run (see the module docstring); an inserted
    space maps to the mark after it."""
    points: list[int] = []
    for run in _AFFIX_RUN.finditer(text):
        points.extend(m.start() for m in _BREAK_BEFORE.finditer(text, run.start() + 1, run.end()))
    if not points:
        return text, src
    out: list[str] = []
    new_src = array("q")
    pos = 0
    for j in points:
        out.append(text[pos:j])
        new_src.extend(src[pos:j])
        out.append(" ")
        new_src.append(src[j])
        pos = j
    out.append(text[pos:])
    new_src.extend(src[pos:])
    return "".join(out), new_src


def repair_text(text: str) -> RepairedText:
    """Repair a text read from a file; see the module docstring for what is repaired.

    Args:
        text: the decoded text as read.

    Returns:
        The repaired text, its offset map to ``text``, paragraph starts and a title if the
        text opens with a heading.
    """
    blocks = _paragraph_blocks(text)
    all_lines = [ln for b in blocks for ln in b]
    width = _width(all_lines)
    wrapped = _hard_wrapped(all_lines, width)
    paragraphs: list[list[_Line]] = []
    for block in blocks:
        paragraphs.extend(_split_block(block, width, wrapped))

    b = _Builder()
    para_starts: list[int] = []
    for pi, para in enumerate(paragraphs):
        if pi:
            b.insert("\n\n", para[0].start - 1 if para[0].start else 0)
        para_starts.append(b.length)
        for li, ln in enumerate(para):
            if li:
                prev = para[li - 1]
                joint = prev.end  # the line break in the original
                last = b.last_char()
                if last == "-" and len(prev.text) >= 2 and prev.text[-2].isalpha() and ln.text[:1].islower():
                    # de-hyphenate: drop the hyphen we just copied
                    b.drop_last()
                elif last in ("-", "\u2014", "/"):
                    pass
                else:
                    b.insert(" ", joint)
            b.copy(text, ln.start, ln.end)
    src = b.src
    src.append(len(text))
    cleaned = "".join(b.parts)
    cleaned, src = _apply_inline_fixes(cleaned, src)
    cleaned, src = _break_affix_runs(cleaned, src)
    # paragraph starts may have shifted with the inline fixes: recompute from the separators
    starts = [0] + [m.end() for m in re.finditer(r"\n\n", cleaned)] if cleaned else []
    title = None
    if paragraphs and len(paragraphs) > 1 and len(paragraphs[0]) == 1 and _is_heading(paragraphs[0][0], max(width, 80)):
        title = paragraphs[0][0].text
    return RepairedText(cleaned, OffsetMap(src, len(text)), starts, title)
