"""The event lexicon: verbs, nouns and adjectives that name events, and the words that modify them.

All of it is data in ``rift/events/data/``: ``verbs.yaml``, ``nouns.yaml``, ``adjectives.yaml``
(one entry per word or phrase, each with an example that a test runs through the classifier),
``modifiers.yaml`` (negation, modality, control verbs), ``relations.yaml`` and ``scoring.yaml``.
:func:`load_lexicon` reads and validates it once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

import yaml

from rift.errors import RiftError

CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
POS = ("verb", "noun", "adj")
PARTICLES = frozenset({"in", "off", "out", "up", "down", "away", "back", "over", "on", "into", "aside", "apart", "through", "forth", "about", "around", "ahead", "by", "upon"})
PREPOSITIONS = frozenset({"to", "for", "with", "against", "at", "from", "of", "by", "toward", "towards", "upon", "under", "between", "among", "into"})
FIELDS = {
    "lemma", "cat", "mode", "kind", "preps", "experiencer", "symmetric", "inverse", "of", "agents",
    "light", "reverse", "ex", "src", "tgt", "modality", "note", "exp_cat", "verbal", "explicit",
}


@dataclass(frozen=True)
class LexEntry:
    """One word or phrase that names an event.

    ``lemma`` is the head lemma; ``particle`` a verb particle it needs ("cave in"), ``obj`` an
    object lemma it needs ("lay claim", "declare war"). ``cat`` may be None for light verbs that
    only carry their object's event ("make an offer").
    """

    lemma: str
    pos: str
    cat: str | None
    mode: str | None = None
    kind: str = "action"
    particle: str | None = None
    obj: str | None = None
    preps: tuple[str, ...] = ()
    experiencer: str | None = None
    symmetric: bool = False
    inverse: bool = False
    of: str = "target"
    agents: bool = False
    light: bool = False
    reverse: bool = False
    modality: str | None = None
    example: str = ""
    src: str | None = None
    tgt: str | None = None
    exp_cat: str | None = None
    verbal: bool = False
    explicit: bool = False  # needs a target named in its clause (never guessed from context)

    @property
    def phrase(self) -> str:
        """The entry as written: head plus particle or object."""
        return " ".join(x for x in (self.lemma, self.particle, self.obj) if x)

    @property
    def specificity(self) -> int:
        """How many words the entry needs (more specific entries win)."""
        return 1 + bool(self.particle) + bool(self.obj)


@dataclass
class Lexicon:
    """Entries by part of speech and head lemma, plus the modifier, relation and score tables."""

    verbs: dict[str, list[LexEntry]] = field(default_factory=dict)
    nouns: dict[str, list[LexEntry]] = field(default_factory=dict)
    adjs: dict[str, list[LexEntry]] = field(default_factory=dict)
    modifiers: dict = field(default_factory=dict)
    relations: dict = field(default_factory=dict)
    scoring: dict = field(default_factory=dict)
    controllers: dict[str, str] = field(default_factory=dict)  # lemma (or "be X") -> effect

    def entries(self) -> list[LexEntry]:
        """Every entry, verbs then nouns then adjectives."""
        return [e for table in (self.verbs, self.nouns, self.adjs) for es in table.values() for e in es]

    def table(self, pos: str) -> dict[str, list[LexEntry]]:
        """The entries of one part of speech, by head lemma."""
        return {"verb": self.verbs, "noun": self.nouns, "adj": self.adjs}[pos]


class _DataLoader(yaml.SafeLoader):
    """YAML 1.2 booleans only: 'on', 'off', 'yes' and 'no' are words here (prepositions, particles)."""


_DataLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_DataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _read(name: str):
    path = files("rift.events") / "data" / name
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_DataLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise RiftError(f"event lexicon: cannot read {name}: {exc}") from None


def parse_entry(row: dict, pos: str, where: str) -> LexEntry:
    """Validate one lexicon row and turn it into a :class:`LexEntry`.

    Raises:
        RiftError: unknown field, category, kind or missing example.
    """
    unknown = set(row) - FIELDS
    if unknown:
        raise RiftError(f"event lexicon {where}: unknown field(s) {sorted(unknown)} in {row}")
    words = str(row.get("lemma", "")).split()
    if not words:
        raise RiftError(f"event lexicon {where}: entry without a lemma: {row}")
    cat = row.get("cat")
    if cat is not None and cat not in CATEGORIES:
        raise RiftError(f"event lexicon {where}: '{row['lemma']}' has unknown category {cat!r}")
    if cat is None and not row.get("light"):
        raise RiftError(f"event lexicon {where}: '{row['lemma']}' needs a category (or light: true)")
    kind = row.get("kind", "action")
    if kind not in ("action", "attitude"):
        raise RiftError(f"event lexicon {where}: '{row['lemma']}' has unknown kind {kind!r}")
    if not row.get("ex"):
        raise RiftError(f"event lexicon {where}: '{row['lemma']}' has no example (ex)")
    head, rest = words[0].lower(), [w.lower() for w in words[1:]]
    particle = obj = None
    for w in rest:
        if w in PREPOSITIONS and w not in PARTICLES:
            raise RiftError(f"event lexicon {where}: '{row['lemma']}': '{w}' is a preposition; list it in preps instead")
        if w in PARTICLES and particle is None and obj is None:
            particle = w
        elif obj is None:
            obj = w
        else:
            raise RiftError(f"event lexicon {where}: '{row['lemma']}' has more than a head, a particle and an object")
    of = row.get("of", "target")
    if of not in ("source", "target"):
        raise RiftError(f"event lexicon {where}: '{row['lemma']}': of must be source or target")
    exp = row.get("experiencer")
    if exp not in (None, "subject", "object"):
        raise RiftError(f"event lexicon {where}: '{row['lemma']}': experiencer must be subject or object")
    return LexEntry(
        lemma=head, pos=pos, cat=cat, mode=row.get("mode"), kind=kind, particle=particle, obj=obj,
        preps=tuple(row.get("preps") or ()), experiencer=exp, symmetric=bool(row.get("symmetric")),
        inverse=bool(row.get("inverse")), of=of, agents=bool(row.get("agents")), light=bool(row.get("light")),
        reverse=bool(row.get("reverse")), modality=row.get("modality"), example=str(row["ex"]),
        src=row.get("src"), tgt=row.get("tgt"), exp_cat=row.get("exp_cat"), verbal=bool(row.get("verbal")), explicit=bool(row.get("explicit")),
    )


def _controllers(mods: dict) -> dict[str, str]:
    out: dict[str, str] = {}
    for effect, words in (mods.get("controllers") or {}).items():
        for w in words:
            out.setdefault(str(w).lower(), effect)
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and validate the event lexicon (cached).

    Raises:
        RiftError: a data file is missing or an entry is malformed.
    """
    lex = Lexicon()
    for name, pos in (("verbs.yaml", "verb"), ("nouns.yaml", "noun"), ("adjectives.yaml", "adj")):
        rows = _read(name) or []
        table = lex.table(pos)
        seen = set()
        for row in rows:
            entry = parse_entry(row, pos, name)
            key = (entry.lemma, entry.particle, entry.obj)
            if key in seen:
                raise RiftError(f"event lexicon {name}: '{entry.phrase}' is listed twice")
            seen.add(key)
            table.setdefault(entry.lemma, []).append(entry)
        for es in table.values():
            es.sort(key=lambda e: -e.specificity)
    lex.modifiers = _read("modifiers.yaml") or {}
    lex.relations = _read("relations.yaml") or {}
    lex.scoring = _read("scoring.yaml") or {}
    lex.controllers = _controllers(lex.modifiers)
    missing = [c for c in CATEGORIES if c not in (lex.scoring.get("scores") or {})]
    if missing:
        raise RiftError(f"event lexicon scoring.yaml: no scores for {missing}")
    return lex
