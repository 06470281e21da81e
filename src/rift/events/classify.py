"""Coding an event: from a lexicon entry and its modifiers to category, mode and intensity.

These are pure functions over the lexicon's tables, so they can be tested without a parse:
:func:`code_event` applies object nouns, agent classes, negation and modality to an entry, and
:func:`intensity` places the result on the conflict/cooperation scale.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rift.events.lexicon import COOPERATIVE, LexEntry, Lexicon, load_lexicon

MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})


@dataclass(frozen=True)
class Coding:
    """The coded meaning of one event."""

    category: str
    plover_mode: str | None = None
    mode: str = "asserted"
    kind: str = "action"
    negated: bool = False
    factor: float = 1.0  # extra weight (failed or negated conflict, hypothetical, ...)


def is_cooperative(category: str) -> bool:
    """True for the seven cooperative PLOVER categories."""
    return category in COOPERATIVE


def base_coding(entry: LexEntry, obj: LexEntry | None = None, agent_class: str | None = None, lex: Lexicon | None = None) -> Coding | None:
    """The coding of an entry before negation and modality.

    Args:
        entry: the trigger's lexicon entry.
        obj: the lexicon entry of its object noun, when the trigger is light ("gave support") or
            reverses its object ("withdrew their support", "ended the bombardment").
        agent_class: "military" or "civilian" for entries whose category depends on who moves
            ("troops left" is a RETREAT, "specialists left" a SANCTION).
    Returns:
        None when a light verb has no event-naming object.
    """
    if entry.reverse and obj is not None and obj.cat is not None:
        return reversed_coding(obj.cat, kind=entry.kind)
    if entry.light and obj is not None and obj.cat is not None:
        if entry.cat is not None and not is_cooperative(entry.cat) and is_cooperative(obj.cat):
            # "imposed reparations": a hostile verb keeps its sign whatever its object
            return Coding(entry.cat, entry.mode, kind=entry.kind)
        if entry.verbal and obj.cat in MATERIAL_CONFLICT:
            # "wrote a scathing attack on ...": a verbal attack is an accusation
            return Coding("ACCUSE", "disapprove", kind=obj.kind)
        return Coding(obj.cat, obj.mode, kind=obj.kind)
    if entry.agents and agent_class:
        if agent_class == "military":
            return Coding("RETREAT", "withdraw", kind=entry.kind)
        return Coding("SANCTION", "withdraw", kind=entry.kind)
    if entry.cat is None:
        return None
    return Coding(entry.cat, entry.mode, kind=entry.kind)


def reversed_coding(category: str, kind: str = "action") -> Coding:
    """Ending an act: ending cooperation is a SANCTION, ending conflict a RETREAT or CONCEDE."""
    if is_cooperative(category):
        return Coding("SANCTION", "discontinue", kind=kind)
    if category in ("ASSAULT", "MOBILIZE", "COERCE"):
        return Coding("RETREAT", "ceasefire" if category == "ASSAULT" else "withdraw", kind=kind)
    return Coding("CONCEDE", None, kind=kind)


def negate(coding: Coding, how: str, lex: Lexicon | None = None) -> Coding:
    """Apply a negation: ``how`` is "not", "refuse" or "fail".

    Refused, failed or absent cooperation becomes a REJECT; refused conflict is a REJECT too
    (rejecting a demand); failed conflict keeps its category at a reduced weight, and plainly
    negated conflict ("did not attack") keeps its category with no weight.
    """
    lex = lex or load_lexicon()
    neg = lex.modifiers.get("negation") or {}
    weights = lex.scoring.get("weights") or {}
    if is_cooperative(coding.category):
        mode = (neg.get("reject_mode") or {}).get(coding.category)
        return replace(coding, category="REJECT", plover_mode=mode, negated=True)
    if coding.category == "REJECT" and how == "not":
        # "did not reject" / "never refused": acceptance, coded as agreement
        return replace(coding, category="AGREE", plover_mode=None, negated=True)
    if how == "refuse":
        return replace(coding, category=neg.get("refuse_conflict", "REJECT"), plover_mode="change", negated=True)
    if how == "fail":
        return replace(coding, negated=True, factor=coding.factor * float(weights.get("failed_conflict", 0.5)))
    return replace(coding, negated=True, factor=coding.factor * float(weights.get("negated_conflict", 0.0)))


def intend(coding: Coding, lex: Lexicon | None = None, pledge: bool = False) -> Coding:
    """An intended act: promised cooperation is an AGREE; intended conflict keeps its category.

    ``pledge``: a promise not to act ("promised not to invade Cuba"), an agreement.
    """
    lex = lex or load_lexicon()
    weights = lex.scoring.get("weights") or {}
    if pledge and coding.negated and not is_cooperative(coding.category) and coding.category != "REJECT":
        # "promised not to invade Cuba": a pledge of restraint is an agreement
        return replace(coding, category="AGREE", plover_mode=None, mode="intended", factor=1.0)
    if coding.negated:
        return replace(coding, mode="intended")
    if is_cooperative(coding.category) and coding.category not in ("RETREAT", "CONCEDE", "AGREE"):
        return replace(coding, category="AGREE", plover_mode=coding.category.lower(), mode="intended")
    if coding.category == "RETREAT":
        # announced future retreats are concessions
        return replace(coding, category="CONCEDE", plover_mode=None, mode="intended")
    if is_cooperative(coding.category):
        return replace(coding, mode="intended")
    return replace(coding, mode="intended", factor=coding.factor * float(weights.get("intended_conflict", 0.5)))


def request(coding: Coding, lex: Lexicon | None = None) -> Coding:
    """Asking someone to do an act: a REQUEST whose mode follows the act asked for."""
    lex = lex or load_lexicon()
    modes = lex.modifiers.get("request_mode") or {}
    if coding.negated:
        return Coding("REQUEST", "yield", kind=coding.kind)
    return Coding("REQUEST", modes.get(coding.category, modes.get("default")), kind=coding.kind)


def score(category: str, plover_mode: str | None, lex: Lexicon | None = None) -> float:
    """The score of a category (and mode) from ``scoring.yaml``."""
    lex = lex or load_lexicon()
    table = (lex.scoring.get("scores") or {}).get(category) or {}
    if plover_mode in table:
        return float(table[plover_mode])
    return float(table.get(None, 0.0))


def quad(category: str, lex: Lexicon | None = None) -> str | None:
    """The quad class of a category (verbal_coop, material_coop, verbal_conflict, material_conflict)."""
    lex = lex or load_lexicon()
    return (lex.scoring.get("quads") or {}).get(category)


def intensity(coding: Coding, lex: Lexicon | None = None) -> float:
    """The conflict (-10) .. cooperation (+10) value of a coded event, weights applied."""
    lex = lex or load_lexicon()
    weights = lex.scoring.get("weights") or {}
    value = score(coding.category, coding.plover_mode, lex) * coding.factor
    if coding.kind == "attitude":
        value *= float(weights.get("attitude", 0.5))
    if coding.mode == "hypothetical":
        value *= float(weights.get("hypothetical", 0.5))
    elif coding.mode == "reported":
        value *= float(weights.get("reported", 1.0))
    elif coding.mode == "intended" and is_cooperative(coding.category):
        value *= float(weights.get("intended", 1.0))
    return round(max(-10.0, min(10.0, value)), 2)
