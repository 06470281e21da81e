"""Score time expressions against TIMEX2 gold in the WikiWars layout.

A gold folder holds ``keyinline/NAME.key.xml`` (the text with inline ``<TIMEX2 val=...>`` tags)
and ``in/NAME.sgm`` (the same text without them). Only the ``<TEXT>`` element is scored and only
top-level TIMEX2 tags count (nested ones are parts of a larger expression); the document's
``<DATETIME>`` is its creation time.

Scores (as in the TempEval and WikiWars papers):

* **strict** P/R/F1: the extent matches exactly; **relaxed**: the extents overlap;
* **value accuracy**: of the relaxed matches whose gold has a ``val``, the share whose value
  equals it;
* **value F1**: precision and recall counting only matches with the right value.

TIMEX2 does not annotate the names of events ("the Korean War"), so the scorer leaves out
rift's expressions anchored on the knowledge base, except named days ("D-Day").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rift.errors import EvalError, InputError

_TAG = re.compile(r"<TIMEX2([^>]*)>|</TIMEX2>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    """One gold TIMEX2 expression (offsets into the text without tags)."""

    start: int
    end: int
    text: str
    value: str | None
    mod: str | None = None


@dataclass
class GoldDoc:
    """A gold document: its text, the part that is scored, its creation time and its TIMEX2s."""

    name: str
    text: str
    region: tuple[int, int]
    dct: str | None
    timexes: list[GoldTimex]


@dataclass(frozen=True)
class Predicted:
    """A predicted expression, reduced to what is scored."""

    start: int
    end: int
    value: str | None


@dataclass
class Counts:
    """Counts behind the scores; they add up over documents."""

    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    value_gold: int = 0  # gold expressions with a val
    value_matched: int = 0  # relaxed matches whose gold has a val
    value_correct: int = 0
    value_pred: int = 0  # predictions not matched to a val-less gold
    errors: list[tuple] = field(default_factory=list)

    def add(self, other: "Counts") -> None:
        for k in ("gold", "pred", "strict", "relaxed", "value_gold", "value_matched", "value_correct", "value_pred"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors.extend(other.errors)


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 (strict, relaxed, value) and value accuracy."""

    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    value_accuracy: float
    value_p: float
    value_r: float
    value_f1: float
    gold: int
    pred: int

    @classmethod
    def from_counts(cls, c: Counts) -> "Scores":
        def prf(tp, npred, ngold):
            p = tp / npred if npred else 0.0
            r = tp / ngold if ngold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = prf(c.strict, c.pred, c.gold)
        rp, rr, rf = prf(c.relaxed, c.pred, c.gold)
        vp, vr, vf = prf(c.value_correct, c.value_pred, c.value_gold)
        acc = c.value_correct / c.value_matched if c.value_matched else 0.0
        return cls(sp, sr, sf, rp, rr, rf, acc, vp, vr, vf, c.gold, c.pred)


def parse_inline(name: str, marked: str) -> GoldDoc:
    """Parse a document with inline TIMEX2 tags."""
    pieces: list[str] = []
    pos = 0
    n = 0
    stack: list[tuple[int, dict]] = []
    found: list[tuple[int, int, dict, int]] = []
    for m in _TAG.finditer(marked):
        pieces.append(marked[pos:m.start()])
        n += m.start() - pos
        pos = m.end()
        if m.group(0).startswith("</"):
            if stack:
                start, attrs = stack.pop()
                found.append((start, n, attrs, len(stack)))
        else:
            stack.append((n, dict(_ATTR.findall(m.group(1) or ""))))
    pieces.append(marked[pos:])
    text = "".join(pieces)
    t0 = text.find("<TEXT>")
    t1 = text.find("</TEXT>")
    region = (t0 + len("<TEXT>") if t0 >= 0 else 0, t1 if t1 >= 0 else len(text))
    dm = re.search(r"<DATETIME>\s*(\d{4}-\d{2}-\d{2})", text)
    timexes = [
        GoldTimex(s, e, text[s:e], a.get("val") or None, a.get("mod") or None)
        for s, e, a, depth in sorted(found)
        if depth == 0 and region[0] <= s and e <= region[1]
    ]
    return GoldDoc(name=name, text=text, region=region, dct=dm.group(1) if dm else None, timexes=timexes)


def load_gold(directory: str | Path) -> list[GoldDoc]:
    """Read every ``keyinline/*.key.xml`` of a WikiWars-style folder.

    Raises:
        InputError: the folder has no ``keyinline`` documents.
    """
    d = Path(directory)
    key_dir = d / "keyinline" if (d / "keyinline").is_dir() else d
    files = sorted(key_dir.glob("*.key.xml"))
    if not files:
        raise InputError(f"{directory}: no keyinline/*.key.xml gold documents found")
    docs = []
    for f in files:
        marked = f.read_text(encoding="utf-8", errors="replace")
        name = f.name[: -len(".key.xml")]
        doc = parse_inline(name, marked)
        raw = d / "in" / f"{name}.sgm"
        if raw.exists():
            text = raw.read_text(encoding="utf-8", errors="replace")
            if text != doc.text:
                raise InputError(f"{raw}: the text differs from {f.name} without its tags")
        docs.append(doc)
    return docs


def score_doc(gold: GoldDoc, predicted: Iterable[Predicted]) -> Counts:
    """Match predictions to gold one to one (largest overlap first) and count."""
    preds = sorted((p for p in predicted if gold.region[0] <= p.start and p.end <= gold.region[1]), key=lambda p: p.start)
    c = Counts(gold=len(gold.timexes), pred=len(preds))
    c.value_gold = sum(1 for g in gold.timexes if g.value)
    pairs = []
    for gi, g in enumerate(gold.timexes):
        for pi, p in enumerate(preds):
            if p.start < g.end and g.start < p.end:
                ov = min(p.end, g.end) - max(p.start, g.start)
                pairs.append((-ov, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    match: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        match[gi] = pi
    for gi, g in enumerate(gold.timexes):
        pi = match.get(gi)
        if pi is None:
            c.errors.append(("missed", gold.name, g.start, g.text, g.value, None))
            continue
        p = preds[pi]
        c.relaxed += 1
        if (p.start, p.end) == (g.start, g.end):
            c.strict += 1
        if g.value:
            c.value_matched += 1
            if p.value == g.value:
                c.value_correct += 1
            else:
                c.errors.append(("value", gold.name, g.start, g.text, g.value, p.value, gold.text[p.start:p.end]))
    val_less = {match[gi] for gi, g in enumerate(gold.timexes) if gi in match and not g.value}
    c.value_pred = len(preds) - len(val_less)
    for pi, p in enumerate(preds):
        if pi not in used_p:
            c.errors.append(("spurious", gold.name, p.start, gold.text[p.start:p.end], None, p.value))
    return c


def rift_predictor(*, kb_days_only: bool = True) -> Callable[[GoldDoc], list[Predicted]]:
    """A predictor running :func:`rift.dates.find_timexes` (narrative mode, the gold's DCT)."""
    from rift.dates.normalize import find_timexes

    def predict(doc: GoldDoc) -> list[Predicted]:
        found = find_timexes(doc.text, dct=doc.dct, doctype="narrative", kb=not kb_days_only)
        return [Predicted(t.start, t.end, t.value) for t in found if t.explicit]

    return predict


def evaluate(docs: list[GoldDoc], predict: Callable[[GoldDoc], list[Predicted]]) -> tuple[Scores, dict[str, Scores], Counts]:
    """Score ``predict`` over ``docs``: overall scores, scores per document, and the raw counts."""
    total = Counts()
    per_doc: dict[str, Scores] = {}
    for doc in docs:
        c = score_doc(doc, predict(doc))
        per_doc[doc.name] = Scores.from_counts(c)
        total.add(c)
    return Scores.from_counts(total), per_doc, total


def check_thresholds(scores: Scores, *, relaxed_f1: float, value_accuracy: float) -> None:
    """Raise :class:`EvalError` when a score is under its threshold."""
    failed = []
    if scores.relaxed_f1 < relaxed_f1:
        failed.append(f"relaxed F1 {scores.relaxed_f1:.3f} < {relaxed_f1:.3f}")
    if scores.value_accuracy < value_accuracy:
        failed.append(f"value accuracy {scores.value_accuracy:.3f} < {value_accuracy:.3f}")
    if failed:
        raise EvalError("time expressions scored under the threshold: " + "; ".join(failed))
