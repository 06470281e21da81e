"""The normaliser's vocabulary (``lexicon.yaml``) and number words.

Everything here is data loaded once: month, weekday and season names, cardinal and ordinal
number words, duration units, and the modifier words that become TIMEX ``mod`` values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")

VAGUE = "X"  # an unspecified quantity ("a few", "several")


@dataclass(frozen=True)
class Lexicon:
    """The parsed contents of ``lexicon.yaml``."""

    months: dict[str, int]  # lower-cased name or abbreviation -> month number
    month_names: dict[int, list[str]]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, str]  # word -> SP/SU/FA/WI
    day_parts: dict[str, str]  # word -> MO/AF/EV/NI/...
    cardinals: dict[str, float]
    vague_quantities: tuple[str, ...]
    ordinals: dict[str, int]
    decade_words: dict[str, int]
    units: dict[str, str]
    quantity_mods: dict[str, str | None]
    period_mods: dict[str, str | None]
    preposition_mods: dict[str, str]
    references: dict[str, str]
    holidays: dict[str, str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load ``lexicon.yaml`` (cached)."""
    data = yaml.load(LEXICON_PATH.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    months: dict[str, int] = {}
    for num, names in data["months"].items():
        for name in names:
            months[name.lower()] = int(num)
    weekdays = {name.lower(): int(num) for num, names in data["weekdays"].items() for name in names}
    seasons = {w.lower(): code for code, words in data["seasons"].items() for w in words}
    day_parts = {w.lower(): code for code, words in data["day_parts"].items() for w in words}
    return Lexicon(
        months=months,
        month_names={int(k): list(v) for k, v in data["months"].items()},
        ambiguous_months=frozenset(data["ambiguous_months"]),
        weekdays=weekdays,
        seasons=seasons,
        day_parts=day_parts,
        cardinals={str(k).lower(): float(v) for k, v in data["cardinals"].items()},
        vague_quantities=tuple(data["vague_quantities"]),
        ordinals={str(k).lower(): int(v) for k, v in data["ordinals"].items()},
        decade_words={str(k).lower(): int(v) for k, v in data["decade_words"].items()},
        units={str(k).lower(): str(v) for k, v in data["units"].items()},
        quantity_mods={str(k).lower(): v for k, v in data["quantity_mods"].items()},
        period_mods={str(k).lower(): v for k, v in data["period_mods"].items()},
        preposition_mods={str(k).lower(): v for k, v in data["preposition_mods"].items()},
        references={str(k).lower(): v for k, v in data["references"].items()},
        holidays={str(k): str(v) for k, v in data["holidays"].items()},
    )


def alternation(words, *, flags_word_boundary: bool = True) -> str:
    """A regex alternation of ``words`` (longest first, escaped, spaces matching any whitespace)."""
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts) + ")"


_UNITS_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                "sixteen seventeen eighteen nineteen").split()
_TENS_WORDS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def parse_number(text: str) -> float | str | None:
    """The value of a number written in digits or words: ``"fifteen"`` -> 15, ``"a few"`` -> ``"X"``.

    Returns ``None`` when ``text`` is not a number this module knows.
    """
    t = re.sub(r"\s+", " ", text.strip().lower()).replace("\u2010", "-")
    if not t:
        return None
    if re.fullmatch(r"\d{1,6}(?:\.\d+)?", t):
        return float(t)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
        return float(t.replace(",", ""))
    lex = lexicon()
    if t in lex.vague_quantities:
        return VAGUE
    if t in lex.cardinals:
        return lex.cardinals[t]
    # "two and a half", "two and half"
    m = re.fullmatch(r"(.+?) and (?:a )?half", t)
    if m:
        base = parse_number(m.group(1))
        return base + 0.5 if isinstance(base, float) else None
    # "twenty-two", "twenty two", "one hundred and sixteen"
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        if word in ("hundred",):
            current = (current or 1) * 100
            seen = True
            continue
        v = lex.cardinals.get(word)
        if v is None or word in ("a", "an", "single", "half", "dozen"):
            return None
        current += v
        seen = True
    total += current
    return total if seen else None


def parse_ordinal(text: str) -> int | None:
    """The value of an ordinal: ``"twenty-second"`` -> 22, ``"19th"`` -> 19, ``"22nd"`` -> 22."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th|d)?", t)
    if m:
        return int(m.group(1))
    lex = lexicon()
    if t in lex.ordinals:
        return lex.ordinals[t]
    m = re.fullmatch(r"([a-z]+)[\s-]+([a-z]+)", t)
    if m:
        tens = lex.cardinals.get(m.group(1))
        unit = lex.ordinals.get(m.group(2))
        if tens is not None and unit is not None and tens >= 20 and tens % 10 == 0 and unit < 10:
            return int(tens) + unit
    return None


def ordinal_word(n: int) -> str:
    """``22`` -> ``"Twenty-second"`` (1 to 99)."""
    lex = lexicon()
    by_value = {v: k for k, v in lex.ordinals.items()}
    if n in by_value:
        return by_value[n].capitalize()
    tens, unit = divmod(n, 10)
    if 2 <= tens <= 9 and unit:
        return f"{_TENS_WORDS[tens].capitalize()}-{by_value[unit]}"
    raise ValueError(f"no ordinal word for {n}")


def ordinal_numeral(n: int) -> str:
    """``22`` -> ``"22nd"``."""
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal_pattern() -> str:
    """A regex matching ordinals in words or digits (``first`` ... ``ninety-ninth``, ``21st``)."""
    lex = lexicon()
    simple = sorted(lex.ordinals, key=len, reverse=True)
    tens = "|".join(_TENS_WORDS.values())
    units = "|".join(k for k, v in lex.ordinals.items() if v < 10)
    return rf"(?:(?:{tens})[\s-](?:{units})|{'|'.join(simple)}|\d{{1,3}}(?:st|nd|rd|th))"


def cardinal_pattern() -> str:
    """A regex matching cardinals in words or digits, and vague quantities (``a few``)."""
    lex = lexicon()
    tens = "|".join(_TENS_WORDS.values())
    units = "|".join(_UNITS_WORDS[:9])
    words = [k for k in lex.cardinals if k not in ("a", "an", "half", "a half", "dozen", "single")]
    vague = list(lex.vague_quantities)
    simple = alternation(words + vague)
    return (rf"(?:(?:{units}|{tens}|{'|'.join(_UNITS_WORDS)})\s+and\s+(?:a\s+)?half"
            rf"|(?:{tens})[\s-](?:{units})|{simple}|\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|an?)")
