"""Find parenthetical author-page citations and the bibliography they imply.

Forms understood: ``(Nogee, 256-61)``, ``(Simmons 62-7)``, ``(Halle, 127-131)``,
``(Nogee, 199; Simmons, 17)``, ``(Nogee 1985, 199)``, ``(Nogee 1985)``, ``(ibid.)``,
``(ibid., 45)``, ``(Nogee, pp. 12-14)``, ``(Smith and Jones, 4)``, ``(Smith et al., 4)``, an
author with no page, and a citation cut off at the end of a paragraph (``(Nogee,``).
Parentheticals that are prose, such as ``(and anticommunist)``, are not citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# upper-case letters, Latin with diacritics included (Lüthi, Śliwiński, Ørvik)
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017d"
_NAME = rf"(?:[{_UP}](?:[^\W\d_]|['\u2019\-])+|[{_UP}]\.)"
_PARTICLE = r"(?:de|da|van|von|der|den|du|la|le|al|bin|ibn|St\.)"
_LEAD = rf"(?:{_PARTICLE}\s+){{0,2}}"  # "(de Waal 2010, 190)", "(van der Wee 1986)"
_AUTHOR = (
    rf"(?P<author>{_LEAD}{_NAME}(?:\s+{_LEAD}{_NAME}){{0,3}}"
    rf"(?:\s+(?:and|&)\s+{_LEAD}{_NAME}(?:\s+{_LEAD}{_NAME}){{0,2}})?(?:,?\s+et\s+al\.?)?)"
)
_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d[a-z]?|n\.d\.)"
_PAGES = r"(?P<pages>(?:(?:pp?\.|pages?|at)\s*)?[0-9ivxlcdm]+(?:\s*[-\u2013\u2014]\s*[0-9ivxlcdm]+)?(?:\s*(?:,|and)\s*[0-9]+(?:\s*[-\u2013\u2014]\s*[0-9]+)?)*(?:\s*ff?\.)?)"
_PAGES2 = _PAGES.replace("?P<pages>", "?P<ibid_pages>")
_PART = re.compile(
    rf"^\s*(?:{_AUTHOR}(?:,?\s+{_YEAR})?(?:(?:,|:)?\s*{_PAGES})?|(?P<ibid>ibid\.?|Ibid\.?|id\.)(?:,?\s*{_PAGES2})?)\s*(?:\.\s*)?$"
)
_PAREN = re.compile(r"\(([^()\n]{1,300})\)")
_OPEN_AT_END = re.compile(r"\((?P<inner>[A-Z][^()\n]{0,60}?)\s*$")
# Words that look like a name in parentheses but are not authors.
_NOT_AUTHORS = frozenset(
    """The A An And Or But See Cf Ibid Note Emphasis Italics Sic Ed Eds Trans Vol Chapter Ch
    January February March April May June July August September October November December
    Spring Summer Fall Autumn Winter""".split()
)


@dataclass(frozen=True)
class CitationMatch:
    """One citation found in a text (offsets into the text searched)."""

    start: int
    end: int
    text: str
    author: str | None
    year: str | None
    pages: str | None
    page_start: int | None
    page_end: int | None
    ibid: bool
    truncated: bool


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _roman(s: str) -> int | None:
    s = s.lower()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


def _is_arabic(s: str) -> bool:
    """ASCII digits of a plausible page number (Python's int() refuses over 4,300 digits)."""
    return s.isascii() and s.isdigit() and len(s) <= 9


def _page_number(s: str) -> int | None:
    """A page number written in ASCII digits or in Roman numerals; None otherwise."""
    if _is_arabic(s):
        return int(s)
    return _roman(s) if len(s) <= 12 else None


def page_range(pages: str | None) -> tuple[int | None, int | None]:
    """Turn pages as written into a numeric range: ``256-61`` is 256 to 261.

    An abbreviated second number takes its missing leading digits from the first
    (``98-101`` stays 98 to 101, ``1198-9`` is 1198 to 1199). For a list of pages the range
    spans the lowest to the highest.
    """
    if not pages:
        return None, None
    body = re.sub(r"^(?:pp?\.|pages?|at)\s*", "", " ".join(pages.split()))  # one space: no backtracking over long runs
    body = re.sub(r"\s*ff?\.$", "", body)
    lows: list[int] = []
    highs: list[int] = []
    for piece in re.split(r"\s*(?:,|and)\s*", body):
        nums = re.split(r"\s*[-\u2013\u2014]\s*", piece)
        a = _page_number(nums[0])
        if a is None:
            continue
        b = a
        if len(nums) > 1:
            first, second = nums[0], nums[1]
            if _is_arabic(first) and _is_arabic(second) and len(second) < len(first):
                b = int(first[: len(first) - len(second)] + second)
                if b < a:  # "98-101" style handled above; "199-02" wraps a hundred
                    b += 10 ** len(second)
            else:
                b = _page_number(second) or a
        lows.append(a)
        highs.append(max(a, b))
    if not lows:
        return None, None
    return min(lows), max(highs)


def _parse_inner(inner: str) -> list[dict] | None:
    """Parse the inside of a parenthesis; None when it is not (only) citations."""
    parts = [p.strip() for p in inner.split(";") if p.strip()]
    if not parts:
        return None
    out = []
    for part in parts:
        m = _PART.match(part)
        if not m:
            return None
        if m.group("ibid"):
            out.append({"author": None, "year": None, "pages": m.group("ibid_pages"), "ibid": True})
            continue
        author = m.group("author")
        first = author.split()[0].rstrip(".,")
        if first in _NOT_AUTHORS:
            return None
        out.append({"author": author, "year": m.group("year"), "pages": m.group("pages"), "ibid": False})
    return out


def _char_before(text: str, pos: int) -> str:
    """The last non-space character before ``pos`` ('' if none); never copies the text."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def find_citations(text: str, paragraph_ends: list[int] | None = None) -> list[CitationMatch]:
    """Find the parenthetical citations in ``text``.

    An author with neither year nor page (``(Nogee)``) is accepted only when the same author
    is cited elsewhere with a page or year, or when the parenthesis follows the end of a
    sentence; otherwise ``(China)`` would be a citation. A parenthesis left open at the end of
    a paragraph (``(Nogee,``) is a truncated citation.

    Args:
        text: the (repaired) text to search.
        paragraph_ends: offsets where paragraphs end; defaults to the blank-line breaks.

    Returns:
        Citations in text order; a parenthesis holding several yields one match each.
    """
    candidates: list[tuple[int, int, str, dict, bool]] = []
    for m in _PAREN.finditer(text):
        parsed = _parse_inner(m.group(1))
        if not parsed:
            continue
        many = len(parsed) > 1
        for p in parsed:
            candidates.append((m.start(), m.end(), m.group(0), p, many))
    if paragraph_ends is None:
        paragraph_ends = [mm.start() for mm in re.finditer(r"\n\s*\n", text)] + [len(text)]
    for end in paragraph_ends:
        head = text[max(0, end - 80):end]
        mm = _OPEN_AT_END.search(head)
        if not mm:
            continue
        inner = mm.group("inner").rstrip(" ,;:")
        parsed = _parse_inner(inner)
        if parsed and len(parsed) == 1:
            s = end - len(head) + mm.start()
            candidates.append((s, end, text[s:end].rstrip(), parsed[0] | {"truncated": True}, False))
    known = {c[3]["author"].split()[-1] for c in candidates if c[3].get("author") and (c[3]["pages"] or c[3]["year"])}
    out: list[CitationMatch] = []
    for start, end, raw, p, many in sorted(candidates, key=lambda c: c[0]):
        author = p.get("author")
        if author and not p["pages"] and not p["year"] and not p.get("truncated"):
            after_sentence = _char_before(text, start) in (".", "!", "?", '"', "'")
            if author.split()[-1] not in known and not after_sentence:
                continue
            if len(author.split()) > 3:
                continue
        ps, pe = page_range(p["pages"])
        out.append(
            CitationMatch(
                start=start,
                end=end,
                text=raw,
                author=author,
                year=p["year"],
                pages=p["pages"],
                page_start=ps,
                page_end=pe,
                ibid=p["ibid"],
                truncated=bool(p.get("truncated")),
            )
        )
    # resolve ibid. to the previous citation's author
    last_author = None
    resolved = []
    for c in out:
        if c.ibid:
            c = CitationMatch(**{**c.__dict__, "author": last_author})
        if c.author:
            last_author = c.author
        resolved.append(c)
    return resolved


_RUNNING_AUTHOR = re.compile(
    r"(?P<name>(?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z]\.|[A-Z][a-z]+)){0,3}\s+(?P<surname>[A-Z][A-Za-z'\-]+))"
    r",?\s+(?:in\s+(?:his|her|their)\s+(?:book|article|study|essay|memoir|monograph|history)"
    r"(?:\s*,)?\s*(?P<title>\"[^\"]{2,150}\"|'[^']{2,150}')?)"
)


def find_running_authors(text: str, surnames: set[str]) -> list[tuple[str, str, str | None, int, int]]:
    """Authors named in running text, as in 'Alvin Z. Rubenstien, in his book "..."'.

    Only names whose surname is cited somewhere are returned, as
    ``(surname, full name, title or None, start, end)``.
    """
    # the regex is only tried in windows around each "in his book"-like phrase (overlapping
    # windows merged): trying it at every capitalised word costs seconds on megabytes of names
    windows: list[list[int]] = []
    for anchor in _RUNNING_ANCHOR.finditer(text):
        lo, hi = max(0, anchor.start() - _RUNNING_BEFORE), min(len(text), anchor.end() + _RUNNING_AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    found = []
    for lo, hi in windows:
        for m in _RUNNING_AUTHOR.finditer(text, lo, hi):
            found.extend(_running_author(m, surnames))
    return found


_RUNNING_ANCHOR = re.compile(r"\bin\s+(?:his|her|their)\s+(?:book|article|study|essay|memoir|monograph|history)")
_RUNNING_BEFORE = 200  # characters of names before the anchor
_RUNNING_AFTER = 400  # a quoted title of up to 150 characters after it, and spaces


def _running_author(m: re.Match, surnames: set[str]) -> list[tuple[str, str, str | None, int, int]]:
    surname = m.group("surname")
    if surname not in surnames:
        return []
    title = m.group("title")
    if title:
        title = title.strip("\"'").strip()
    return [(surname, m.group("name"), title, m.start(), m.end())]
