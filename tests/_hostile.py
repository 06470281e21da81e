"""Hostile inputs shared by the fuzz and reliability tests, and a guard against hangs.

Not a test module (no ``test_`` prefix): the fuzz tests import from it.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any, Callable

import pytest
from hypothesis import strategies as st

MB = 1_000_000

# bounds on how long one call may take before the test calls it a hang; generous (tens of
# times what the call takes on a loaded 2-core machine): they catch catastrophic backtracking
# and endless loops, they do not measure speed
HANG_S = 60.0
# Hypothesis's deadline for one example of the slower fuzz tests (a pipeline run, a request):
# generous for the same reason; the modules warm their caches up before the first example
DEADLINE = timedelta(seconds=30)


def _five_mb_prose() -> str:
    unit = "The Soviet Union (Nogee, 12-14) met China in 1950; Mao — and Stalin — disagreed. "
    return (unit * (5 * MB // len(unit) + 1))[: 5 * MB]


# name -> text; each is a case the issue names (or a close relative of one)
HOSTILE_TEXTS: dict[str, Callable[[], str]] = {
    "5mb_single_line_prose": _five_mb_prose,
    "5mb_single_word": lambda: "a" * (5 * MB),
    "5mb_capitalised_names": lambda: "John Smith " * (5 * MB // 11),
    "10k_nested_parens": lambda: "(" * 10_000 + "Nogee, 12" + ")" * 10_000,
    "10k_nested_parens_words": lambda: "(Smith, " * 10_000 + "12" + ")" * 10_000,
    "10k_unclosed_parens": lambda: "(Nogee, " * 10_000,
    "nul_bytes": lambda: "Moscow\x00and\x00Peking\x00" * 1000,
    "control_chars": lambda: "".join(chr(i) for i in range(32)) * 500 + "In 1950 China signed.",
    "c1_controls_and_separators": lambda: "\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x7f\x9f" * 1000,
    "rtl_arabic_hebrew": lambda: "في عام ١٩٥٠ وقعت الصين والاتحاد السوفيتي معاهدة. שלום עולם (נוגי, 12). " * 200,
    "bidi_overrides": lambda: "\u202eThe Soviet Union\u202c met \u2067China\u2069 in \u200f1950\u200e. " * 500,
    "mixed_scripts": lambda: "Москва 北京 1950年 Mao Zedong 毛泽东 (Ногее, 12) Ελλάδα ☭ 🇨🇳 🇷🇺. " * 500,
    "combining_marks": lambda: ("Z" + "\u0301\u0300\u0323" * 50 + " ") * 2000,
    "lone_surrogates": lambda: "Moscow \ud800 Peking \udfff 1950 (Nogee, \udc00 12). " * 200,
    "only_whitespace": lambda: " \t\n\r\f\v" * 10_000,
    "crlf_and_cr_mix": lambda: "In 1950 Mao\r\nwent to Moscow.\rStalin\n\n\r\nmet him.\r" * 2000,
    "many_blank_lines": lambda: "\n" * (1 * MB) + "In 1950 Mao went to Moscow.",
    "dash_runs": lambda: "a- " * 300_000,
    "dot_runs": lambda: "." * MB,
    "stray_angle_brackets": lambda: "<" * MB,
    "html_entities": lambda: "&#" * 500_000 + "&amp;" * 1000,
    "many_citations": lambda: "(Nogee, 12) " * 10_000,
    "long_whitespace_in_parens": lambda: ("(A" + " " * 280 + "!) ") * 5000,
    "huge_numbers": lambda: "(Nogee, " + "9" * 290 + ") in " + "1" * 5000 + " AD. " * 10,
}

# smaller versions for the spaCy stages (the pipeline refuses documents over its max_length)
STAGE_TEXTS: dict[str, Callable[[], str]] = {
    name: (lambda f=f: f()[:200_000]) for name, f in HOSTILE_TEXTS.items() if not name.startswith("5mb")
} | {"200k_single_line_prose": lambda: _five_mb_prose()[:200_000]}

# Hypothesis strategies: arbitrary Unicode (surrogates included), and text built from the
# characters and fragments that matter to rift's parsers, so that examples hit their rules
any_text = st.text(max_size=400)
any_unicode = st.text(alphabet=st.characters(exclude_categories=()), max_size=400)  # surrogates too
_FRAGMENTS = [
    "(", ")", "((", "))", "Nogee", "Smith", "ibid.", "Ibid", ", ", "; ", "pp. ", "12", "256-61", "iv",
    "1950", "1960s", "in 1962", "spring of 1958", "May 5, 1969", "the late 1950s", "that year", "BC",
    "China", "the Soviet Union", "Moscow", "Peking", "Mao", "Khrushchev", "the USSR", "US",
    "attacked", "signed a treaty with", "condemned", "because", "led to", "therefore", "This essay argues that",
    "\n", "\n\n", "\r\n", "\r", " ", "  ", "\t", "-", "- ", "--", "\u2014", "\u2013", "\u00ad", ".", "..", "...",
    '"', "\u201c", "\u201d", "'", "\u2019", "\x00", "\x01", "\x1b", "\x7f", "\u202e", "\u200f", "\ufeff",
    "\u0301", "中国", "Москва", "مرحبا", "\U0001f1e8\U0001f1f3", "<p>", "</p>", "<", "&amp;", "**", "# ",
]
fragment_text = st.lists(st.sampled_from(_FRAGMENTS), max_size=60).map("".join)
hostile_text = st.one_of(any_unicode, fragment_text, st.tuples(fragment_text, any_text).map("".join))


def bounded(fn: Callable[..., Any], *args: Any, seconds: float = HANG_S, **kwargs: Any) -> Any:
    """Call ``fn`` and return its result; fail the test if it runs past ``seconds`` (a hang).

    The call runs in a daemon thread so that a runaway call cannot block the test run forever.
    Exceptions propagate unchanged.
    """
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            box["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"{getattr(fn, '__name__', fn)} did not finish within {seconds:g} s (a hang?)")
    if "error" in box:
        raise box["error"]
    return box.get("value")
