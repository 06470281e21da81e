"""The analysis stage's data files: PLOVER quad classes and the regime-word lexicon.

Both live in ``rift/analysis/data/`` as YAML and are loaded once by :func:`load_quads` and
:func:`load_regimes`; ``tests/test_analysis_lexicon.py`` validates every entry.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from rift.errors import RiftError

DATA = Path(__file__).with_name("data")
QUAD_CLASSES = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
NEGATORS = frozenset({"not", "never", "no", "nor", "without", "hardly", "n't"})
_WORD = re.compile(r"[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*|n't")


class LexiconError(RiftError):
    """A data file of the analysis stage is missing or malformed."""


def _load_yaml(name: str) -> dict:
    path = DATA / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot load ({exc}); reinstall rift") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level")
    return data


@lru_cache(maxsize=1)
def load_quads() -> dict[str, str]:
    """PLOVER category -> quad class (``verbal_coop`` ... ``material_conflict``)."""
    data = _load_yaml("quads.yaml")
    for cat, quad in data.items():
        if quad not in QUAD_CLASSES:
            raise LexiconError(f"quads.yaml: {cat}: unknown quad class {quad!r}")
    return {str(k).upper(): v for k, v in data.items()}


@lru_cache(maxsize=1)
def load_regimes() -> tuple[tuple[str, int], ...]:
    """The regime-word lexicon as ``(prefix, direction)`` pairs, +1 cooperative, -1 hostile."""
    data = _load_yaml("regimes.yaml")
    out = []
    for key, sign in (("cooperative", 1), ("hostile", -1)):
        entries = data.get(key)
        if not isinstance(entries, list):
            raise LexiconError(f"regimes.yaml: {key!r} must be a list of word prefixes")
        out.extend((str(e).lower(), sign) for e in entries)
    return tuple(out)


def direction_of(text: str | None) -> int:
    """Which way a characterisation points: +1 cooperative, -1 hostile, 0 unknown.

    Each lexicon prefix found at the start of a word counts its direction; a negator
    (not, never, no, without ...) among the three words before it flips it. The result is the
    sign of the sum, so a text with as many cooperative as hostile words is unknown (0).
    """
    if not text:
        return 0
    low = text.lower().replace("’", "'")
    tokens = [(m.group(0), m.start()) for m in _WORD.finditer(low)]
    total = 0
    for prefix, sign in load_regimes():
        for m in re.finditer(r"(?<![a-zà-ÿ])" + re.escape(prefix), low):
            before = [t for t, s in tokens if s < m.start()][-3:]
            total += -sign if any(t in NEGATORS for t in before) else sign
    return (total > 0) - (total < 0)
