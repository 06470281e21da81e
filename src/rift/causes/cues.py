"""The causal cue lexicon (``data/cues.yaml``) and the matcher built from it.

The lexicon is data: each entry names a cue, how it is written, and which *kind* of cue it is,
which decides where the cause and the effect of a link lie (see ``docs/causal.md``). The
:class:`CueMatcher` turns the lexicon into one first-word index (built once per vocabulary)
plus a small typo-tolerant look-up for single-word cues, so that "relatiated" or "embarassed"
in a student essay still count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

import yaml
from spacy.tokens import Doc
from spacy.vocab import Vocab

from rift.errors import RiftError

KINDS = ("subordinator", "preposition", "verb", "verb_reverse", "adverbial", "emotion", "reason", "attribution")
SENSES = ("since_causal", "as_causal", "for_causal", "so_causal", "for_reason")
COMPLEMENTS = ("adjective", "clause")
POS_TAGS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "NOUN", "PART", "PRON", "SCONJ", "VERB")


@dataclass(frozen=True)
class Cue:
    """One entry of the cue lexicon."""

    cue: str
    words: tuple[str, ...]
    kind: str
    confidence: float
    lemma: bool = False
    weak: bool = False
    pos: tuple[str, ...] = ()
    complement: str | None = None
    sense: str | None = None
    with_cue: bool = False


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a doc: token range ``[start, end)``; ``fuzzy`` when matched despite a typo."""

    cue: Cue
    start: int
    end: int
    fuzzy: bool = False


@dataclass(frozen=True)
class Words:
    """The word lists of ``data/words.yaml``."""

    anaphors: frozenset[str]
    generic_nouns: frozenset[str]
    change_words: frozenset[str]
    emotion_preps: frozenset[str]
    judgment_verbs: frozenset[str]
    irregular_forms: dict[str, tuple[str, ...]] = field(hash=False)
    possessives: tuple[str, ...] = ()


def _read_yaml(name: str):
    text = resources.files("rift.causes").joinpath("data", name).read_text(encoding="utf-8")
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:  # pragma: no cover - the shipped files parse
        raise RiftError(f"rift/causes/data/{name} is not valid YAML: {exc}") from None


def parse_cue(entry: dict) -> Cue:
    """Validate one lexicon entry and return it as a :class:`Cue`.

    Raises:
        RiftError: a field is missing, unknown or out of range.
    """
    if not isinstance(entry, dict):
        raise RiftError(f"cue lexicon: entry {entry!r} is not a mapping")
    allowed = {"cue", "words", "kind", "confidence", "lemma", "weak", "pos", "complement", "sense", "with_cue"}
    unknown = set(entry) - allowed
    if unknown:
        raise RiftError(f"cue lexicon: entry {entry.get('cue')!r} has unknown fields {sorted(unknown)}")
    for key in ("cue", "words", "kind", "confidence"):
        if key not in entry:
            raise RiftError(f"cue lexicon: entry {entry!r} lacks '{key}'")
    words = tuple(str(entry["words"]).split())
    if not words or any(w != w.lower() and w != "POSS" for w in words):
        raise RiftError(f"cue lexicon: {entry['cue']!r}: words must be lower case (POSS for a possessive)")
    if entry["kind"] not in KINDS:
        raise RiftError(f"cue lexicon: {entry['cue']!r}: kind must be one of {', '.join(KINDS)}")
    conf = entry["confidence"]
    if not isinstance(conf, (int, float)) or not 0 < conf <= 1:
        raise RiftError(f"cue lexicon: {entry['cue']!r}: confidence must be in (0, 1]")
    pos = tuple(entry.get("pos") or ())
    if any(p not in POS_TAGS for p in pos):
        raise RiftError(f"cue lexicon: {entry['cue']!r}: unknown part of speech in {pos}")
    if entry.get("complement") not in (None, *COMPLEMENTS):
        raise RiftError(f"cue lexicon: {entry['cue']!r}: complement must be one of {COMPLEMENTS}")
    if entry.get("sense") not in (None, *SENSES):
        raise RiftError(f"cue lexicon: {entry['cue']!r}: sense must be one of {SENSES}")
    return Cue(
        cue=str(entry["cue"]),
        words=words,
        kind=entry["kind"],
        confidence=float(conf),
        lemma=bool(entry.get("lemma", False)),
        weak=bool(entry.get("weak", False)),
        pos=pos,
        complement=entry.get("complement"),
        sense=entry.get("sense"),
        with_cue=bool(entry.get("with_cue", False)),
    )


@lru_cache(maxsize=1)
def load_cues() -> tuple[Cue, ...]:
    """The cue lexicon, validated (cached).

    Raises:
        RiftError: an entry is malformed or two entries share a name.
    """
    entries = _read_yaml("cues.yaml") or []
    cues = tuple(parse_cue(e) for e in entries)
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    for c in cues:
        key = (c.cue, c.kind, c.pos)
        if key in seen:
            raise RiftError(f"cue lexicon: duplicate entry {c.cue!r} ({c.kind})")
        seen.add(key)
    return cues


@lru_cache(maxsize=1)
def load_words() -> Words:
    """The word lists of ``data/words.yaml`` (cached)."""
    data = _read_yaml("words.yaml") or {}
    need = ("anaphors", "generic_nouns", "change_words", "emotion_preps", "judgment_verbs", "irregular_forms", "possessives")
    for key in need:
        if key not in data:
            raise RiftError(f"rift/causes/data/words.yaml lacks '{key}'")
    return Words(
        anaphors=frozenset(data["anaphors"]),
        generic_nouns=frozenset(data["generic_nouns"]),
        change_words=frozenset(data["change_words"]),
        emotion_preps=frozenset(data["emotion_preps"]),
        judgment_verbs=frozenset(data["judgment_verbs"]),
        irregular_forms={k: tuple(v) for k, v in data["irregular_forms"].items()},
        possessives=tuple(data["possessives"]),
    )


def inflections(lemma: str, irregular: dict[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """The forms of a verb or noun ``lemma``: itself, -s, -ed, -ing and listed irregular forms."""
    irregular = irregular if irregular is not None else load_words().irregular_forms
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    forms |= set(irregular.get(lemma, ()))
    return tuple(sorted(forms))


def damerau(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance of ``a`` and ``b``, cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _typo_limit(word: str) -> int:
    """How many edits a misspelt form of ``word`` may be away (none for short words)."""
    if len(word) >= 9:
        return 2
    if len(word) >= 7:
        return 1
    return 0


class CueMatcher:
    """Finds the lexicon's cues in a doc: an index on their first word plus a typo-tolerant look-up."""

    def __init__(self, vocab: Vocab, cues: Iterable[Cue] | None = None):
        self.cues = tuple(cues if cues is not None else load_cues())
        words = load_words()
        self._first: dict[str, list[tuple[int, tuple[frozenset[str], ...]]]] = {}
        self._fuzzy: dict[str, list[tuple[str, Cue]]] = {}
        self._memo: dict[str, tuple[Cue, ...]] = {}
        self._exact_forms: set[str] = set()
        for i, cue in enumerate(self.cues):
            # each slot is the set of lower-case forms a token may take; cues are fixed-length
            # word sequences, so a dictionary keyed on the first word finds them faster than
            # spaCy's Matcher with many IN-predicates (this stage runs on every sentence)
            slots: list[frozenset[str]] = []
            for k, w in enumerate(cue.words):
                if w == "POSS":
                    slots.append(frozenset(words.possessives))
                elif k == 0 and cue.lemma:
                    slots.append(frozenset(inflections(w, words.irregular_forms)))
                else:
                    slots.append(frozenset((w,)))
            for first in slots[0]:
                self._first.setdefault(first, []).append((i, tuple(slots)))
            if len(cue.words) == 1:
                forms = inflections(cue.words[0], words.irregular_forms) if cue.lemma else (cue.words[0],)
                for form in forms:
                    self._exact_forms.add(form)
                    if _typo_limit(form):
                        self._fuzzy.setdefault(form[0], []).append((form, cue))

    def _fuzzy_cues(self, lower: str) -> tuple[Cue, ...]:
        # words repeat across a corpus: remember each word's answer (bounded memo)
        hit = self._memo.get(lower)
        if hit is not None:
            return hit
        if len(self._memo) > 200_000:
            self._memo.clear()
        found = self._memo[lower] = tuple(self._fuzzy_scan(lower))
        return found

    def _fuzzy_scan(self, lower: str) -> list[Cue]:
        found = []
        for form, cue in self._fuzzy.get(lower[:1], ()):
            limit = _typo_limit(form)
            if abs(len(lower) - len(form)) > limit:
                continue
            # a typo swaps, doubles or drops letters; a different letter makes a different
            # word ("presented" is not "prevented")
            if sorted(lower) == sorted(form):
                ok = damerau(lower, form, limit) <= limit
            else:
                ok = abs(len(lower) - len(form)) == 1 and damerau(lower, form, 1) == 1
            if ok:
                found.append(cue)
        return found

    def _exact_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(cue index, start, end)`` of every exact occurrence of a cue, overlaps included."""
        lowers = [t.lower_ for t in doc]
        n = len(lowers)
        found = []
        for start, low in enumerate(lowers):
            for index, slots in self._first.get(low, ()):
                end = start + len(slots)
                if end <= n and all(lowers[start + k] in slots[k] for k in range(1, len(slots))):
                    found.append((index, start, end))
        return found

    def __call__(self, doc: Doc) -> list[CueMatch]:
        """The cues in ``doc``, longest first where they overlap, in text order."""
        raw: list[CueMatch] = []
        for index, start, end in self._exact_matches(doc):
            cue = self.cues[index]
            if cue.pos and doc[start].pos_ and doc[start].pos_ not in cue.pos:
                continue
            raw.append(CueMatch(cue, start, end))
        matched = {m.start for m in raw}
        for tok in doc:
            lower = tok.lower_
            if tok.i in matched or len(lower) < 7 or not tok.is_alpha or lower in self._exact_forms:
                continue
            for cue in self._fuzzy_cues(lower):
                if not cue.pos or not tok.pos_ or tok.pos_ in cue.pos:
                    raw.append(CueMatch(cue, tok.i, tok.i + 1, fuzzy=True))
        # keep the longest of overlapping matches; cues matching the very same words are all
        # kept, in lexicon order, as alternative readings ("for" as a conjunction or a preposition)
        order = {id(c): i for i, c in enumerate(self.cues)}
        raw.sort(key=lambda m: (-(m.end - m.start), m.start, order[id(m.cue)]))
        taken: set[int] = set()
        kept_spans: set[tuple[int, int]] = set()
        kept: list[CueMatch] = []
        for m in raw:
            span = set(range(m.start, m.end))
            if (m.start, m.end) in kept_spans:
                kept.append(m)
                continue
            if span & taken:
                continue
            taken |= span
            kept_spans.add((m.start, m.end))
            kept.append(m)
        kept.sort(key=lambda m: (m.start, order[id(m.cue)]))
        return kept
