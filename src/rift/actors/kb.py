"""The actor knowledge base: states, rival governments, parties, groups and leaders as data.

Everything lives in ``rift/actors/data/*.yaml`` (states, groups, persons, context words) plus the
office-holder tenures of :mod:`rift.kb`. :func:`load_actor_kb` reads it once and returns an
:class:`ActorKB`: for every alias text (lower-cased) the candidates it may name, each with its
senses over time, so that "Russia" means ``SUN`` in 1950 and ``RUS`` in 1910.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.resources import files
from typing import Iterable

import yaml

from rift.errors import RiftError

KINDS = ("state", "leader", "party", "group")
FORMS = ("name", "adj", "people", "capital", "person", "group", "place")


# a person named this long before or after every office the KB knows is a namesake (Mao in 1927 is
# 22 years before his tenure; Hosni Mubarak is no actor of 1899)
NAMESAKE_DAYS = 40 * 365
# states whose leaders the KB names given name first, while texts often write the family name first
FAMILY_NAME_FIRST = frozenset({"JPN"})


@dataclass(frozen=True)
class Sense:
    """One meaning of an alias: the actor code it stands for between two dates (inclusive)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    default: bool = False

    def covers(self, when: dt.date) -> bool:
        """True when ``when`` falls inside this sense's interval."""
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    def distance(self, when: dt.date) -> int:
        """Days from ``when`` to this sense's interval (0 inside it)."""
        if self.start is not None and when < self.start:
            return (self.start - when).days
        if self.end is not None and when > self.end:
            return (when - self.end).days
        return 0


@dataclass(frozen=True)
class Candidate:
    """An entity an alias text may name, with the senses it takes over time.

    ``strict`` candidates name nothing outside their senses (an ethnic adjective before its
    state existed); others fall back to the default sense, or for people to the nearest tenure.
    """

    name: str
    kind: str
    form: str
    senses: tuple[Sense, ...]
    strict: bool = False
    guarded: bool = False  # a bare name several people share ("Hussein"): only where the text bears it out

    def resolve(self, when: dt.date | None) -> str | None:
        """The code this candidate stands for at ``when`` (None: outside a strict candidate's life)."""
        if when is not None:
            for sense in self.senses:
                if sense.covers(when):
                    return sense.code
            if self.strict:
                return None
            if self.form == "person":
                return min(self.senses, key=lambda s: s.distance(when)).code
        for sense in self.senses:
            if sense.default:
                return sense.code
        return self.senses[-1].code if self.senses else None


@dataclass
class ActorKB:
    """Alias texts (normalised: lower case, single spaces) and the candidates each may name."""

    aliases: dict[str, list[Candidate]] = field(default_factory=dict)
    written: dict[str, set[str]] = field(default_factory=dict)  # normalised -> texts as written
    blockers: set[str] = field(default_factory=set)
    pronouns: dict[str, str] = field(default_factory=dict)
    collectives: list[str] = field(default_factory=list)
    reciprocals: list[str] = field(default_factory=list)
    fixed_collectives: dict[str, list[str]] = field(default_factory=dict)  # head noun -> the actors it always names
    divided_nations: dict[str, list[str]] = field(default_factory=dict)  # "german", "koreas" -> the two states of that nation
    island_states: frozenset[str] = frozenset()  # states "the island" may stand for
    combining: dict[str, str] = field(default_factory=dict)
    non_agent_heads: set[str] = field(default_factory=set)
    named_event_heads: set[str] = field(default_factory=set)
    ambiguous_names: set[str] = field(default_factory=set)
    codes: dict[str, str] = field(default_factory=dict)  # code -> canonical name

    def add(self, text: str, cand: Candidate) -> None:
        """Register ``text`` as naming ``cand`` (persons listed first keep precedence)."""
        key = normalise(text)
        if not key:
            return
        bucket = self.aliases.setdefault(key, [])
        if not any(c.name == cand.name and c.form == cand.form for c in bucket):
            bucket.append(cand)
        self.written.setdefault(key, set()).add(text)

    def lookup(self, text: str) -> list[Candidate]:
        """The candidates an alias text may name ([] when unknown)."""
        return self.aliases.get(normalise(text), [])

    def resolve(self, text: str, when: dt.date | None) -> tuple[Candidate, str] | None:
        """The candidate of ``text`` that names something at ``when``, with its code.

        Candidates with a sense covering ``when`` win (in KB order); otherwise the person whose
        tenure is nearest, otherwise the first candidate with a default sense.
        """
        cands = [c for c in self.lookup(text) if not c.guarded]
        if when is not None:
            for cand in cands:
                for sense in cand.senses:
                    if sense.covers(when):
                        return cand, sense.code
            people = [c for c in cands if c.form == "person" and c.senses]
            if people:
                def days_off(c: Candidate) -> int:
                    return min(s.distance(when) for s in c.senses)

                best = min(people, key=days_off)
                if days_off(best) > NAMESAKE_DAYS:
                    return None  # "in 1899 Sheikh Mubarak signed": a lifetime from any tenure, someone else
                return best, best.resolve(when)
        for cand in cands:
            code = cand.resolve(when)
            if code:
                return cand, code
        return None

    def guarded_at(self, text: str, when: dt.date | None) -> list[tuple[Candidate, str]]:
        """The guarded candidates of ``text`` in office at ``when``, with their codes."""
        if when is None:
            return []
        return [(c, s.code) for c in self.lookup(text) if c.guarded for s in c.senses if s.covers(when)]

    def people_at(self, text: str, when: dt.date | None) -> list[tuple[Candidate, str]]:
        """Every person ``text`` may name who was in office at ``when`` (guarded or not), with codes."""
        if when is None:
            return []
        return [(c, s.code) for c in self.lookup(text) if c.form == "person" for s in c.senses if s.covers(when)]

    def near_names(self, word: str) -> list[str]:
        """One-word names of people one slip away from ``word`` (a letter added, dropped, changed
        or two swapped: "Hussien", "Milosovic", "Kissenger"), same first letter, six letters or more."""
        word = word.lower()
        if len(word) < 6:
            return []
        index = self.__dict__.get("_near_index")
        if index is None:
            index = {}
            for key, cands in self.aliases.items():
                if " " not in key and len(key) >= 6 and key.isalpha() and any(c.form == "person" for c in cands):
                    index.setdefault((key[0], len(key)), []).append(key)
            self.__dict__["_near_index"] = index
        out = []
        for n in (len(word) - 1, len(word), len(word) + 1):
            out += [k for k in index.get((word[0], n), ()) if k != word and _one_slip(word, k)]
        return out

    def name_of(self, code: str) -> str:
        """Canonical name of an actor code (the code itself when unknown)."""
        return self.codes.get(code, code)


def _one_slip(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one inserted, dropped or changed letter, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def normalise(text: str) -> str:
    """Normalise an alias for lookup: lower case, single spaces, no leading 'the'."""
    words = text.replace("\u2019", "'").split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower()


def _date(value, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RiftError(f"actor KB: bad date {value!r} in {where}: use YYYY-MM-DD") from None


def _senses(rows: Iterable[dict], where: str) -> tuple[Sense, ...]:
    out = []
    for row in rows or []:
        if "code" not in row:
            raise RiftError(f"actor KB: a sense without a code in {where}")
        out.append(Sense(str(row["code"]), _date(row.get("from"), where), _date(row.get("until"), where), bool(row.get("default", False))))
    return tuple(out)


def _load_yaml(name: str) -> dict:
    path = files("rift.actors") / "data" / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RiftError(f"actor KB: cannot read {name}: {exc}") from None


def state_candidates(entry: dict) -> list[tuple[str, Candidate]]:
    """(text, candidate) pairs for one state entry of ``states.yaml``."""
    code = entry["code"]
    where = f"states.yaml ({code})"
    start, end = _date(entry.get("from"), where), _date(entry.get("until"), where)
    during = _senses(entry.get("during", []), where)
    life = Sense(code, start, end, default=True)
    around = []
    if entry.get("before") and start:
        around.append(Sense(entry["before"], None, start - dt.timedelta(days=1)))
    if entry.get("after") and end:
        around.append(Sense(entry["after"], end + dt.timedelta(days=1), None))
    naming = Candidate(entry["name"], "state", "name", during + (life,) + tuple(around))
    follow = bool(entry.get("people_follow"))
    nation = Candidate(entry["name"], "state", "adj", during + (life,) + (tuple(around) if follow else ()), strict=not follow and (start is not None or end is not None))
    pairs: list[tuple[str, Candidate]] = [(entry["name"], naming)]
    pairs += [(t, naming) for t in entry.get("names", []) or []]
    # a capital stands for its state only while the state exists ("Tashkent" in 1966 is a place)
    capital = Candidate(entry["name"], "state", "capital", during + (life,), strict=start is not None or end is not None)
    pairs += [(t, capital) for t in entry.get("capitals", []) or []]
    if around:
        # before or after the state, its capital is a place of the state that held it ("Kosygin flew to
        # Tashkent" in 1966: the Soviet Union), named only as what was acted on (see places.yaml)
        held = Candidate(entry["name"], "place", "place", tuple(around), strict=True)
        pairs += [(t, held) for t in entry.get("capitals", []) or []]
    pairs += [(t, nation) for t in entry.get("adj", []) or []]
    people = Candidate(entry["name"], "state", "people", nation.senses, strict=nation.strict)
    pairs += [(t, people) for t in entry.get("people", []) or []]
    return pairs


def _office_holders() -> list:
    """Office-holder tenures from :mod:`rift.kb` (its loader when present, else its YAML)."""
    try:
        from rift.kb import load_office_holders  # type: ignore[attr-defined]
    except ImportError:
        load_office_holders = None
    if load_office_holders is not None:
        return list(load_office_holders())
    try:
        text = (files("rift.kb") / "office_holders.yaml").read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return []
    data = yaml.safe_load(text) or []
    return data if isinstance(data, list) else data.get("office_holders", [])


def _get(obj, name: str):
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def person_candidates(persons: list[dict], holders: list, blocked: set[str]) -> list[tuple[str, Candidate]]:
    """(text, candidate) pairs for leaders: our person senses first, then office tenures."""
    by_name: dict[str, dict] = {}
    for p in persons:
        rec = by_name.setdefault(p["name"], {"senses": [], "tenures": [], "texts": set()})
        rec["senses"].extend(_senses(p.get("senses", []), f"persons.yaml ({p['name']})"))
        rec["texts"].update([p["name"], *(p.get("variants") or [])])
    for h in holders:
        name = _get(h, "name")
        country = _get(h, "country")
        if not name or not country:
            continue
        rec = by_name.setdefault(name, {"senses": [], "tenures": [], "texts": set()})
        rec["tenures"].append(Sense(str(country), _date(_get(h, "start"), "office holders"), _date(_get(h, "end"), "office holders")))
        texts = [name, *(_get(h, "variants") or [])]
        if country in FAMILY_NAME_FIRST:
            # "Sato Eisaku", "Tanaka Kakuei": Japanese names are also written family name first
            texts += [" ".join(reversed(t.split())) for t in texts if len(t.split()) == 2]
        rec["texts"].update(texts)
    pairs = []
    for name, rec in by_name.items():
        tenures = sorted(rec["tenures"], key=lambda s: s.start or dt.date.min)
        senses = list(rec["senses"]) + tenures
        if not any(s.default for s in senses) and tenures:
            longest = max(tenures, key=lambda s: ((s.end or dt.date(2030, 1, 1)) - (s.start or dt.date(1800, 1, 1))).days)
            senses = [Sense(longest.code, longest.start, longest.end, True) if s is longest else s for s in senses]
        if not senses:
            continue
        cand = Candidate(name, "leader", "person", tuple(senses))
        for text in sorted(rec["texts"]):
            # a bare name others share, or a common word, is kept apart: the actors stage takes it only
            # where its holder's state is named in the same text
            pairs.append((text, replace(cand, guarded=True) if text in blocked else cand))
    return pairs


@lru_cache(maxsize=1)
def load_actor_kb() -> ActorKB:
    """Load the actor knowledge base (cached).

    Raises:
        RiftError: a data file is missing or malformed.
    """
    kb = ActorKB()
    ctx = _load_yaml("context.yaml")
    kb.pronouns = {k.lower(): v for k, v in (ctx.get("pronouns") or {}).items()}
    kb.collectives = list(ctx.get("collectives") or [])
    kb.reciprocals = list(ctx.get("reciprocals") or [])
    kb.fixed_collectives = {str(k).lower(): list(v) for k, v in (ctx.get("fixed_collectives") or {}).items()}
    kb.divided_nations = {str(k).lower(): list(v) for k, v in (ctx.get("divided_nations") or {}).items()}
    kb.island_states = frozenset(ctx.get("island_states") or [])
    kb.combining = dict(ctx.get("combining") or {})
    kb.non_agent_heads = {normalise(x) for x in ctx.get("non_agent_heads") or []}
    kb.named_event_heads = {normalise(x) for x in ctx.get("named_event_heads") or []}
    kb.ambiguous_names = set(ctx.get("ambiguous_names") or [])
    kb.blockers = {normalise(x) for x in ctx.get("blockers") or []}

    persons = (_load_yaml("persons.yaml").get("persons")) or []
    for text, cand in person_candidates(persons, _office_holders(), kb.ambiguous_names):
        kb.add(text, cand)
    for g in _load_yaml("groups.yaml").get("groups") or []:
        kind = g.get("kind", "group")
        cand = Candidate(g["name"], kind, "group", _senses(g.get("senses"), f"groups.yaml ({g['name']})"))
        for text in g.get("texts") or []:
            kb.add(text, cand)
    for entry in _load_yaml("states.yaml").get("states") or []:
        kb.codes.setdefault(entry["code"], entry["name"])
        for text, cand in state_candidates(entry):
            kb.add(text, cand)
    for p in _load_yaml("places.yaml").get("places") or []:
        # a place stands for the state that held it, only where the text names it as what was
        # acted on (never as who acted); where the other files know the name, it comes after them
        cand = Candidate(p["name"], "place", "place", _senses(p.get("senses"), f"places.yaml ({p['name']})"), strict=True)
        for text in [p["name"]] + list(p.get("variants") or []):
            kb.add(text, cand)
    return kb
