"""Scoring rift's events against a gold standard (the library behind ``rift eval events``).

The gold format is JSON Lines, one dyadic event per line (documented in ``docs/eval-events.md``)::

    {"doc": "d100", "source": "CHN", "target": "SUN", "category": "ACCUSE", "year": 1963,
     "sign": -1, "text": "the Chinese wrote a scathing attack", "reciprocal": false}

``source``, ``target`` and ``category`` are required; ``year`` may be null (an undated event,
which matches a prediction of any year); ``sign`` (-1, 0, 1) defaults to the sign of the
category's score; ``reciprocal: true`` stands for two events, one each way; ``doc`` (a document
id or a file name without extension) is needed only when several documents are scored.

Matching is one-to-one within a document (a maximum matching): each gold event is paired with at
most one predicted event. Beside it, each level reports a many-to-one precision (the share of
predictions that some gold event agrees with), for gold that annotates a repeated act once. A level names the fields that must agree (source and target always): ``dyad``,
``dyad+sign``, ``dyad+sign+year`` (the headline match), ``dyad+category``,
``dyad+category+year``; single fields (``source``, ``target``, ``category``) are scored as bags.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from rift.errors import EvalError
from rift.events.classify import score as category_score
from rift.events.lexicon import CATEGORIES

LEVELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("dyad", ("source", "target")),
    ("dyad+sign", ("source", "target", "sign")),
    ("dyad+sign+year", ("source", "target", "sign", "year")),
    ("dyad+category", ("source", "target", "category")),
    ("dyad+category+year", ("source", "target", "category", "year")),
)
FIELDS = ("source", "target", "category", "sign", "year")
HEADLINE = "dyad+sign+year"


@dataclass(frozen=True)
class EvalEvent:
    """One event as the scorer sees it (gold or predicted)."""

    doc: str | None
    source: str
    target: str
    category: str | None
    sign: int
    year: int | None
    year_end: int | None = None  # a prediction dated to a span of years matches any year inside it
    text: str | None = None
    mode: str | None = None
    start: int | None = None  # original-text offsets: of the annotated sentence (gold) or of the event's sentence
    end: int | None = None

    def agrees(self, other: "EvalEvent", fields: Iterable[str]) -> bool:
        """True when ``other`` (a prediction) agrees with this gold event on ``fields``."""
        for f in fields:
            if f == "year":
                if self.year is None:
                    continue
                if other.year is None:
                    return False
                hi = other.year_end if other.year_end is not None else other.year
                if not other.year <= self.year <= hi:
                    return False
            elif getattr(self, f) != getattr(other, f):
                return False
        return True


@dataclass
class LevelScore:
    """Precision, recall and F1 of one matching level."""

    level: str
    matched: int
    gold: int
    predicted: int
    supported: int | None = None  # predictions that agree with at least one gold event (gold may repeat)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def precision_any(self) -> float | None:
        """Many-to-one precision: the share of predictions some gold event agrees with, when a
        gold event may back several predictions (repeated mentions of one act)."""
        if self.supported is None:
            return None
        return self.supported / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EventScores:
    """The scores of one evaluation, level by level."""

    levels: list[LevelScore] = field(default_factory=list)
    dated_recall: LevelScore | None = None  # the headline level over gold events that have a year
    n_docs: int = 0

    def level(self, name: str) -> LevelScore:
        """The score of the named level."""
        for lv in self.levels:
            if lv.level == name:
                return lv
        raise KeyError(name)


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def _year(value) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(str(value)[:4]) if not isinstance(value, int) else value
    except ValueError:
        return None


def gold_from_row(row: dict, where: str) -> list[EvalEvent]:
    """The gold events of one JSONL row (two for a reciprocal row).

    Raises:
        EvalError: a required field is missing or a value is not allowed.
    """
    for key in ("source", "target", "category"):
        if not row.get(key):
            raise EvalError(f"{where}: gold event without '{key}': {json.dumps(row)[:120]}")
    cat = str(row["category"]).upper()
    if cat not in CATEGORIES:
        raise EvalError(f"{where}: unknown category {row['category']!r}: use one of {', '.join(CATEGORIES)}")
    sign = row.get("sign")
    if sign is None:
        sign = _sign(category_score(cat, row.get("plover_mode")))
    if sign not in (-1, 0, 1):
        raise EvalError(f"{where}: sign must be -1, 0 or 1, not {sign!r}")
    year = row.get("year")
    if year is not None and not isinstance(year, int):
        raise EvalError(f"{where}: year must be an integer or null, not {year!r}")
    doc = row.get("doc")
    start, end = row.get("start"), row.get("end")
    ev = EvalEvent(str(doc) if doc is not None else None, str(row["source"]), str(row["target"]), cat, int(sign), year, None,
                   row.get("text"), row.get("mode"), start if isinstance(start, int) else None, end if isinstance(end, int) else None)
    if row.get("reciprocal"):
        return [ev, replace(ev, source=ev.target, target=ev.source)]
    return [ev]


def load_gold(path: Path) -> list[EvalEvent]:
    """Read a gold JSONL file.

    Raises:
        EvalError: the file is missing or a line is not a valid gold event.
    """
    path = Path(path)
    if not path.exists():
        raise EvalError(f"{path}: no such gold file")
    out: list[EvalEvent] = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{i}: not JSON ({exc.msg})") from None
        out.extend(gold_from_row(row, f"{path}:{i}"))
    if not out:
        raise EvalError(f"{path}: no gold events")
    return out


def read_texts(path: Path) -> list:
    """Texts to analyse from a JSONL file of ``{"doc": name, "text": ...}`` rows (as :class:`~rift.read.RawText`,
    whose path is the name, so gold rows can refer to it).

    Raises:
        EvalError: the file is missing or a row has no doc or text.
    """
    from rift.read import RawText

    path = Path(path)
    if not path.exists():
        raise EvalError(f"{path}: no such texts file")
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            out.append(RawText(text=row["text"], path=str(row["doc"]), encoding="utf-8"))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise EvalError(f"{path}:{i}: not a {{doc, text}} row ({exc})") from None
    return out


def prediction_from_row(row: dict) -> EvalEvent:
    """A predicted event from a row of ``events.jsonl`` (an :class:`~rift.records.Event`)."""
    date = row.get("date") or {}
    start = _year(date.get("start")) if date else None
    end = _year(date.get("end")) if date else None
    if start is None and date:
        start = _year(date.get("value"))
    return EvalEvent(
        row.get("doc"), row["source"], row.get("target") or "", row.get("category"), _sign(float(row.get("intensity", 0.0))),
        start, end if end is not None and start is not None and end >= start else None, row.get("trigger"), row.get("mode"),
        row.get("start"), row.get("end"),
    )


def load_predictions(path: Path) -> list[EvalEvent]:
    """Read rift's ``events.jsonl`` (a folder holding one is accepted too).

    Raises:
        EvalError: the file is missing or not rift's event format.
    """
    path = Path(path)
    if path.is_dir():
        path = path / "events.jsonl"
    if not path.exists():
        raise EvalError(f"{path}: no such events file (run `rift analyze` first)")
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(prediction_from_row(json.loads(line)))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise EvalError(f"{path}:{i}: not an event row ({exc})") from None
    return out


def _pairs(gold: list[EvalEvent], pred: list[EvalEvent], fields: tuple[str, ...]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (gold index, pred index), by augmenting paths (Kuhn)."""
    options = [[pi for pi, p in enumerate(pred) if g.agrees(p, fields)] for g in gold]
    owner: dict[int, int] = {}  # pred index -> gold index

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in options[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in sorted(range(len(gold)), key=lambda i: len(options[i])):
        if options[gi]:
            augment(gi, set())
    return sorted((gi, pi) for pi, gi in owner.items())


def _match(gold: list[EvalEvent], pred: list[EvalEvent], fields: tuple[str, ...]) -> int:
    return len(_pairs(gold, pred, fields))


def _supported(gold: list[EvalEvent], pred: list[EvalEvent], fields: tuple[str, ...]) -> int:
    """How many predictions agree with at least one gold event (no one-to-one constraint)."""
    return sum(1 for p in pred if any(g.agrees(p, fields) for g in gold))


def errors(gold: list[EvalEvent], pred: list[EvalEvent], level: str = HEADLINE) -> tuple[list[EvalEvent], list[EvalEvent]]:
    """The gold events no prediction matches (misses) and the predictions matching no gold event
    (false alarms) at ``level``, for a single document or gold without document names."""
    fields = dict(LEVELS)[level]
    pairs = _pairs(gold, pred, fields)
    g_used = {g for g, _p in pairs}
    p_used = {p for _g, p in pairs}
    return [g for i, g in enumerate(gold) if i not in g_used], [p for i, p in enumerate(pred) if i not in p_used]


def _by_doc(events: list[EvalEvent], single: bool) -> dict[str | None, list[EvalEvent]]:
    out: dict[str | None, list[EvalEvent]] = defaultdict(list)
    for e in events:
        out[None if single else e.doc].append(e)
    return out


def in_annotated_sentences(gold: list[EvalEvent], pred: list[EvalEvent]) -> list[EvalEvent]:
    """The predictions whose sentence overlaps a sentence the gold annotates (by offsets), for
    gold that covers only some sentences of its documents."""
    spans: dict[str | None, list[tuple[int, int]]] = defaultdict(list)
    for g in gold:
        if g.start is not None and g.end is not None:
            spans[g.doc].append((g.start, g.end))
    out = []
    for p in pred:
        if p.start is None or p.end is None:
            continue
        if any(p.start < b and a < p.end for a, b in spans.get(p.doc, [])):
            out.append(p)
    return out


def score_events(gold: list[EvalEvent], pred: list[EvalEvent], *, doc_aliases: dict[str, str] | None = None, scope: str = "documents") -> EventScores:
    """Score predictions against gold, level by level.

    Args:
        gold: gold events (from :func:`load_gold`).
        pred: predicted events (from :func:`load_predictions` or rift's records).
        doc_aliases: names the gold may use for a document (a file stem) -> its document id.
        scope: "documents" scores every prediction; "sentences" only those in sentences the gold
            annotates (gold rows with ``start``/``end``), for gold that covers part of a text.
    Returns:
        :class:`EventScores`. When no gold event names a document, all predictions are scored
        against all gold events as one document.
    """
    aliases = doc_aliases or {}
    single = all(g.doc is None for g in gold)
    if not single:
        gold = [replace(g, doc=aliases.get(g.doc, g.doc)) for g in gold]
        docs = {g.doc for g in gold}
        pred = [p for p in pred if p.doc in docs]
    if scope == "sentences":
        pred = in_annotated_sentences(gold, pred)
    G, P = _by_doc(gold, single), _by_doc(pred, single)
    scores = EventScores(n_docs=len(G))
    for name, fields in LEVELS:
        m = sum(_match(G[d], P.get(d, []), fields) for d in G)
        sup = sum(_supported(G[d], P.get(d, []), fields) for d in G)
        scores.levels.append(LevelScore(name, m, len(gold), len(pred), sup))
    for f in ("source", "target", "category"):
        m = 0
        for d in G:
            cg, cp = Counter(getattr(e, f) for e in G[d]), Counter(getattr(e, f) for e in P.get(d, []))
            m += sum(min(n, cp[k]) for k, n in cg.items())
        scores.levels.append(LevelScore(f, m, len(gold), len(pred)))
    dated = [g for g in gold if g.year is not None]
    if dated:
        Gd = _by_doc(dated, single)
        fields = dict(LEVELS)[HEADLINE]
        m = sum(_match(Gd[d], P.get(d, []), fields) for d in Gd)
        scores.dated_recall = LevelScore(f"{HEADLINE} (dated gold)", m, len(dated), len(pred))
    return scores


def check_thresholds(scores: EventScores, *, level: str = HEADLINE, min_precision: float = 0.0, min_recall: float = 0.0, min_f1: float = 0.0) -> None:
    """Raise :class:`~rift.errors.EvalError` when ``level`` scores under a threshold."""
    lv = scores.level(level)
    problems = []
    if lv.precision < min_precision:
        problems.append(f"precision {lv.precision:.3f} < {min_precision}")
    if lv.recall < min_recall:
        problems.append(f"recall {lv.recall:.3f} < {min_recall}")
    if lv.f1 < min_f1:
        problems.append(f"F1 {lv.f1:.3f} < {min_f1}")
    if problems:
        raise EvalError(f"events at level {level}: " + ", ".join(problems))
