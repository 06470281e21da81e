"""Scoring causal links against gold links given as text (``{"cause", "effect", "cue"}`` rows).

Gold links of a narrative are kept as the words of each side, not offsets, so that they
survive edits to the text. A gold link is *found* when one predicted link has a cause that
overlaps the gold cause and an effect that overlaps the gold effect (on the right sides).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from rift.errors import InputError
from rift.records import CausalLink

_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "that", "this", "these", "it", "its", "was", "were", "had", "has", "have", "be", "been", "by", "for", "with", "at", "as", "from", "their", "they", "them"}
_WORD = re.compile(r"[a-z0-9]+")


def content_words(text: str) -> set[str]:
    """The lower-case content words of a text (stop words left out)."""
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def overlaps(gold: str, pred: str, *, gold_share: float = 0.5, pred_share: float = 0.2) -> bool:
    """Whether ``pred`` covers enough of ``gold`` (and is not mostly something else)."""
    g, p = content_words(gold), content_words(pred)
    if not g or not p:
        return False
    both = len(g & p)
    return both / len(g) >= gold_share and both / len(p) >= pred_share


@dataclass(frozen=True)
class LinkRecall:
    """How many gold links were found, and which were not."""

    found: int
    total: int
    missed: list[dict]

    @property
    def recall(self) -> float:
        """found / total (0 when there is no gold)."""
        return self.found / self.total if self.total else 0.0


def read_gold(path: str | Path) -> list[dict]:
    """Read gold links from a JSONL file of ``{"cause", "effect", "cue"}`` rows.

    Raises:
        InputError: the file is missing or a row lacks ``cause`` or ``effect``.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not row.get("cause") or not row.get("effect"):
            raise InputError(f"{path}:{n}: a gold link needs 'cause' and 'effect'")
        rows.append(row)
    return rows


def link_recall(links: Iterable[CausalLink], gold: list[dict]) -> LinkRecall:
    """Score predicted links against gold links: found when both sides overlap."""
    links = list(links)
    missed = []
    found = 0
    for g in gold:
        if any(overlaps(g["cause"], l.cause.text) and overlaps(g["effect"], l.effect.text) for l in links):
            found += 1
        else:
            missed.append(g)
    return LinkRecall(found, len(gold), missed)
