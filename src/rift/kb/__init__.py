"""rift's knowledge base of office-holders and named events, 1900-1991 (and a little around).

Two data files, written by the rift authors, loaded by one loader and validated entry by entry:

* ``office_holders.yaml``: heads of state, government and ruling parties and foreign ministers,
  one entry per tenure (:class:`OfficeHolder`); ``office_holders_recent.yaml`` holds the tenures
  begun since the Soviet Union's end (1991-12-26 on), in the same form.
* ``named_events.yaml``: wars, crises, congresses, treaties, summits, revolutions, coups
  (:class:`NamedEvent`); party congresses are given by body and ordinal and get their names
  ("the Twenty-second Congress of the CPSU") generated here.

Use :func:`load_office_holders` and :func:`load_named_events` (cached). Both raise
:class:`rift.errors.RiftError` naming the entry when a file does not validate.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from rift.errors import RiftError

KB_DIR = Path(__file__).parent
OFFICE_HOLDERS_PATH = KB_DIR / "office_holders.yaml"
# tenures begun after the Soviet Union's end (1991-12-26 on), kept apart from the 1900-1991 file
RECENT_OFFICE_HOLDERS_PATH = KB_DIR / "office_holders_recent.yaml"
NAMED_EVENTS_PATH = KB_DIR / "named_events.yaml"

END_REASONS = frozenset(
    "died assassinated killed ousted deposed resigned abdicated term defeated dismissed dissolved retired".split()
)
EVENT_TYPES = frozenset(
    "war battle crisis congress treaty conference revolution coup summit uprising incident campaign "
    "agreement invasion period assassination day".split()
)

# nouns naming the end of a tenure, by how it ended ("Khrushchev's overthrow", "the death of Stalin")
_END_NOUNS_BY_REASON: dict[str, tuple[str, ...]] = {
    "ousted": ("overthrow", "ouster", "ousting", "removal", "fall", "downfall", "deposition", "dismissal", "toppling", "purge", "expulsion"),
    "deposed": ("overthrow", "ouster", "removal", "fall", "downfall", "deposition", "toppling"),
    "dismissed": ("dismissal", "removal", "fall", "ouster", "sacking"),
    "died": ("death", "passing", "demise"),
    "assassinated": ("assassination", "murder", "killing", "death"),
    "killed": ("death", "killing", "murder", "fall"),
    "resigned": ("resignation", "departure", "fall", "retirement"),
    "retired": ("retirement", "departure", "resignation"),
    "abdicated": ("abdication", "fall"),
    "defeated": ("defeat", "fall", "departure"),
    "term": ("departure",),
    "dissolved": ("departure",),
}
START_NOUNS = ("accession", "rise to power", "rise", "succession", "inauguration", "election", "appointment",
               "assumption of power", "coming to power", "seizure of power", "takeover", "ascension")
TENURE_NOUNS = ("reign", "rule", "regime", "tenure", "presidency", "premiership", "administration", "leadership",
                "era", "years", "government", "time in office", "time in power", "dictatorship", "chancellorship")

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DATE_RE = re.compile(r"^-?\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class OfficeHolder:
    """One tenure of one person in one office."""

    id: str
    name: str
    variants: tuple[str, ...]
    country: str
    office: str
    start: str
    end: str | None
    end_reason: str | None = None
    end_event_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and its variants."""
        return (self.name,) + tuple(v for v in self.variants if v != self.name)

    @property
    def office_class(self) -> str:
        """``party``, ``government``, ``state``, ``foreign`` or ``other``: used to find successors."""
        return office_class(self.office)


@dataclass(frozen=True)
class NamedEvent:
    """A named event with its dates."""

    id: str
    names: tuple[str, ...]
    type: str
    start: str
    end: str
    countries: tuple[str, ...] = ()
    body: str | None = None
    ordinal: int | None = None


@dataclass(frozen=True)
class CongressBody:
    """A body that holds numbered congresses (the CPSU, the CCP, the Comintern)."""

    name: str
    country: str | None
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...] = field(default=())


def office_class(office: str) -> str:
    """Classify an office title: ``party`` leader, head of ``government``, head of ``state`` ..."""
    o = office.lower()
    if "foreign" in o or "secretary of state" in o:
        return "foreign"
    if "secretary" in o or "chairman of the ccp" in o or "first secretary" in o or "party" in o or "mprp" in o or "pdpa" in o or "sed" in o.split():
        return "party"
    if any(w in o for w in ("prime minister", "premier", "chancellor", "council of ministers", "people's commissars",
                             "minister-chairman", "minister president", "head of government", "chief executive")):
        return "government"
    if any(w in o for w in ("president", "king", "emperor", "queen", "monarch", "tsar", "shah", "sultan", "regent",
                             "head of state", "chairman of the national government", "chairman of the presidium",
                             "chairman of the council of state", "chairman of the people's republic", "conducător",
                             "führer", "chief of state", "leader of the revolution", "supreme leader", "pope",
                             "chairman of the military", "chairman of the derg", "chairman of the revolutionary",
                             "chairman of the people's revolutionary", "governor-general", "generalissimo",
                             "chairman of the central military", "chairman of the provisional", "commander")):
        return "state"
    return "other"


def _iso(value: Any, where: str, key: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if isinstance(value, _dt.date):
        value = value.isoformat()
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise RiftError(f"{where}: '{key}' must be a date YYYY-MM-DD, not {value!r}")
    try:
        _dt.date.fromisoformat(value.lstrip("-"))
    except ValueError:
        raise RiftError(f"{where}: '{key}' is not a real date: {value!r}") from None
    return value


def _names(value: Any, where: str, key: str, *, allow_empty: bool = False) -> tuple[str, ...]:
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RiftError(f"{where}: '{key}' must be a list of non-empty strings")
    if not value and not allow_empty:
        raise RiftError(f"{where}: '{key}' must not be empty")
    return tuple(v.strip() for v in value)


def _generated_end_names(names: tuple[str, ...], reason: str | None) -> tuple[str, ...]:
    nouns = _END_NOUNS_BY_REASON.get(reason or "", ())
    out: list[str] = []
    for n in names:
        for noun in nouns:
            out.append(f"{n}'s {noun}")
            out.append(f"the {noun} of {n}")
    return tuple(dict.fromkeys(out))


def _parse_holder(raw: Any, i: int) -> OfficeHolder:
    where = f"office_holders.yaml entry {i}"
    if not isinstance(raw, dict):
        raise RiftError(f"{where}: must be a mapping")
    allowed = {"id", "name", "variants", "country", "office", "start", "end", "end_reason", "end_event_names"}
    unknown = set(raw) - allowed
    if unknown:
        raise RiftError(f"{where}: unknown keys {sorted(unknown)}")
    hid = raw.get("id")
    if not isinstance(hid, str) or not re.fullmatch(r"[a-z0-9_]+", hid):
        raise RiftError(f"{where}: 'id' must be lower-case letters, digits and underscores")
    where = f"office_holders.yaml '{hid}'"
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RiftError(f"{where}: 'name' must be a non-empty string")
    country = raw.get("country")
    if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{3}", country):
        raise RiftError(f"{where}: 'country' must be a three-letter code")
    office = raw.get("office")
    if not isinstance(office, str) or not office.strip():
        raise RiftError(f"{where}: 'office' must be a non-empty string")
    start = _iso(raw.get("start"), where, "start")
    end = _iso(raw.get("end"), where, "end", optional=True)
    if end is not None and _date_key(end) < _date_key(start):
        raise RiftError(f"{where}: ends ({end}) before it starts ({start})")
    reason = raw.get("end_reason")
    if reason is not None and reason not in END_REASONS:
        raise RiftError(f"{where}: 'end_reason' must be one of {sorted(END_REASONS)}, not {reason!r}")
    variants = _names(raw.get("variants"), where, "variants", allow_empty=True)
    explicit = _names(raw.get("end_event_names"), where, "end_event_names", allow_empty=True)
    names = (name.strip(),) + variants
    return OfficeHolder(
        id=hid, name=name.strip(), variants=variants, country=country, office=office.strip(), start=start, end=end,
        end_reason=reason, end_event_names=tuple(dict.fromkeys(explicit + _generated_end_names(names, reason))),
    )


def _date_key(iso: str) -> tuple[int, int, int]:
    neg = iso.startswith("-")
    y, m, d = (int(x) for x in iso.lstrip("-").split("-"))
    return (-y if neg else y, m, d)


def _parse_event(raw: Any, i: int, bodies: dict[str, CongressBody]) -> NamedEvent:
    where = f"named_events.yaml entry {i}"
    if not isinstance(raw, dict):
        raise RiftError(f"{where}: must be a mapping")
    allowed = {"id", "names", "type", "start", "end", "countries", "body", "ordinal"}
    unknown = set(raw) - allowed
    if unknown:
        raise RiftError(f"{where}: unknown keys {sorted(unknown)}")
    eid = raw.get("id")
    if not isinstance(eid, str) or not re.fullmatch(r"[a-z0-9_]+", eid):
        raise RiftError(f"{where}: 'id' must be lower-case letters, digits and underscores")
    where = f"named_events.yaml '{eid}'"
    body = raw.get("body")
    ordinal = raw.get("ordinal")
    if body is not None:
        if body not in bodies:
            raise RiftError(f"{where}: unknown congress body {body!r}")
        if not isinstance(ordinal, int) or not 1 <= ordinal <= 99:
            raise RiftError(f"{where}: a congress needs an 'ordinal' from 1 to 99")
    elif ordinal is not None:
        raise RiftError(f"{where}: 'ordinal' needs a 'body'")
    names = _names(raw.get("names"), where, "names", allow_empty=body is not None)
    if body is not None:
        names = tuple(dict.fromkeys(names + congress_names(bodies[body], ordinal)))
    etype = raw.get("type")
    if etype not in EVENT_TYPES:
        raise RiftError(f"{where}: 'type' must be one of {sorted(EVENT_TYPES)}, not {etype!r}")
    start = _iso(raw.get("start"), where, "start")
    end = _iso(raw.get("end"), where, "end")
    if _date_key(end) < _date_key(start):
        raise RiftError(f"{where}: ends ({end}) before it starts ({start})")
    countries = raw.get("countries") or []
    if not isinstance(countries, list) or not all(isinstance(c, str) and re.fullmatch(r"[A-Z]{3}", c) for c in countries):
        raise RiftError(f"{where}: 'countries' must be a list of three-letter codes")
    return NamedEvent(id=eid, names=names, type=etype, start=start, end=end, countries=tuple(countries),
                      body=body, ordinal=ordinal)


def congress_names(body: CongressBody, ordinal: int) -> tuple[str, ...]:
    """Names of the ``ordinal``-th congress of ``body``: "Twenty-second Congress of the CPSU" ..."""
    from rift.dates.lexicon import ordinal_numeral, ordinal_word

    out: list[str] = []
    for ordn in (ordinal_word(ordinal), ordinal_numeral(ordinal)):
        for alias in body.aliases:
            out.append(f"{ordn} Congress of {alias}")
            out.append(f"{ordn} Party Congress of {alias}")
        for adj in body.adjectives:
            out.append(f"{adj} {ordn} Congress")
            out.append(f"{ordn} {adj} Congress")
        out.append(f"{ordn} Party Congress")
        out.append(f"{ordn} Congress")
    return tuple(dict.fromkeys(out))


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise RiftError(f"cannot read the knowledge base {path.name}: {exc}") from None


def _as_list(data: Any) -> list:
    """An office-holders file's entries (the file is a list of them)."""
    if not isinstance(data, list):
        raise RiftError("an office-holders file must be a list of entries")
    return data


def parse_office_holders(data: Any) -> tuple[OfficeHolder, ...]:
    """Validate and type the contents of ``office_holders.yaml`` (a list of entries)."""
    if not isinstance(data, list):
        raise RiftError("office_holders.yaml must be a list of entries")
    holders = tuple(_parse_holder(raw, i) for i, raw in enumerate(data))
    _check_unique(h.id for h in holders)
    return holders


def parse_named_events(data: Any) -> tuple[NamedEvent, ...]:
    """Validate and type the contents of ``named_events.yaml`` (``bodies`` and ``events``)."""
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise RiftError("named_events.yaml must be a mapping with an 'events' list")
    bodies = parse_bodies(data.get("bodies") or {})
    events = tuple(_parse_event(raw, i, bodies) for i, raw in enumerate(data["events"]))
    _check_unique(e.id for e in events)
    return events


def parse_bodies(raw: Any) -> dict[str, CongressBody]:
    """Validate the ``bodies`` section of ``named_events.yaml``."""
    if not isinstance(raw, dict):
        raise RiftError("named_events.yaml: 'bodies' must be a mapping")
    out = {}
    for name, spec in raw.items():
        if not isinstance(spec, dict):
            raise RiftError(f"named_events.yaml body {name!r}: must be a mapping")
        aliases = _names(spec.get("aliases"), f"body {name}", "aliases")
        adjectives = _names(spec.get("adjectives"), f"body {name}", "adjectives", allow_empty=True)
        out[str(name)] = CongressBody(name=str(name), country=spec.get("country"), aliases=aliases, adjectives=adjectives)
    return out


def _check_unique(ids) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise RiftError(f"knowledge base: the id '{i}' is used twice")
        seen.add(i)


@lru_cache(maxsize=1)
def load_office_holders() -> tuple[OfficeHolder, ...]:
    """All office-holders (cached).

    Raises:
        RiftError: the file is missing or an entry does not validate.
    """
    return parse_office_holders(_as_list(_load_yaml(OFFICE_HOLDERS_PATH)) + _as_list(_load_yaml(RECENT_OFFICE_HOLDERS_PATH)))


@lru_cache(maxsize=1)
def load_named_events() -> tuple[NamedEvent, ...]:
    """All named events, congress names generated (cached).

    Raises:
        RiftError: the file is missing or an entry does not validate.
    """
    return parse_named_events(_load_yaml(NAMED_EVENTS_PATH))


@lru_cache(maxsize=1)
def load_congress_bodies() -> dict[str, CongressBody]:
    """The bodies that hold numbered congresses, with their aliases (cached)."""
    data = _load_yaml(NAMED_EVENTS_PATH)
    return parse_bodies((data or {}).get("bodies") or {})


def holders_named(name: str) -> list[OfficeHolder]:
    """Every tenure of the person called ``name`` (any variant, case-insensitive)."""
    key = name.strip().lower()
    return [h for h in load_office_holders() if key in (n.lower() for n in h.names)]


def successor_of(holder: OfficeHolder) -> OfficeHolder | None:
    """The first holder of the same kind of office in the same country after ``holder`` left it."""
    if holder.end is None:
        return None
    end = _date_key(holder.end)
    best = None
    for h in load_office_holders():
        if h.country != holder.country or h.office_class != holder.office_class or h.name == holder.name:
            continue
        start = _date_key(h.start)
        if start < (end[0], end[1], end[2]) and not (start[0] == end[0] and abs(start[1] - end[1]) <= 0 and start[2] >= end[2] - 3):
            continue
        if start[0] - end[0] > 2:
            continue
        if best is None or start < _date_key(best.start):
            best = h
    return best


__all__ = [
    "CongressBody",
    "NamedEvent",
    "OfficeHolder",
    "congress_names",
    "holders_named",
    "load_congress_bodies",
    "load_named_events",
    "load_office_holders",
    "office_class",
    "parse_named_events",
    "parse_office_holders",
    "successor_of",
]
