"""``rift eval events``: score rift's events against a gold JSONL (format in docs/eval-events.md)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from rift.cli.common import console
from rift.pipeline import DEFAULT_MODEL


def scores_table(scores) -> Table:
    """A rich table of precision/recall/F1 per matching level."""
    t = Table(title="events against gold", show_edge=False)
    for col in ("level", "matched", "gold", "predicted", "precision", "recall", "F1", "P (any)"):
        t.add_column(col, justify="left" if col == "level" else "right", no_wrap=col == "level")
    rows = list(scores.levels) + ([scores.dated_recall] if scores.dated_recall else [])
    for lv in rows:
        t.add_row(lv.level, str(lv.matched), str(lv.gold), str(lv.predicted), f"{lv.precision:.3f}", f"{lv.recall:.3f}", f"{lv.f1:.3f}",
                  "" if lv.precision_any is None else f"{lv.precision_any:.3f}")
    return t


def register(app: typer.Typer) -> None:
    """Add ``events`` to the ``rift eval`` group."""
    from rift.cli.eval import eval_app

    @eval_app.command("events")
    def events(
        gold: Path = typer.Option(..., "--gold", help="Gold events, JSON Lines (source, target, category, year; see docs/eval-events.md)."),
        pred: Optional[Path] = typer.Option(None, "--pred", help="rift's events.jsonl (or the folder of a `rift analyze` run)."),
        text: Optional[List[Path]] = typer.Option(None, "--text", help="Instead of --pred: analyse these texts now (gold 'doc' may name a file by its stem)."),
        texts: Optional[Path] = typer.Option(None, "--texts", help="Instead of --pred: analyse the texts of a JSONL file of {doc, text} rows (gold 'doc' names them)."),
        model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model used with --text."),
        min_confidence: float = typer.Option(0.0, "--min-confidence", help="Score only predicted events at least this certain."),
        level: str = typer.Option("dyad+sign+year", "--level", help="The level the thresholds apply to."),
        min_precision: float = typer.Option(0.0, "--min-precision", help="Exit non-zero when precision at --level is under this."),
        min_recall: float = typer.Option(0.0, "--min-recall", help="Exit non-zero when recall at --level is under this."),
        min_f1: float = typer.Option(0.0, "--min-f1", help="Exit non-zero when F1 at --level is under this."),
        show_errors: bool = typer.Option(False, "--errors", help="List the gold events missed and the predictions that match nothing."),
        scope: str = typer.Option("documents", "--scope", help="documents: score every predicted event; sentences: only those in sentences the gold annotates (gold with start/end)."),
    ) -> None:
        """Score events against gold: precision and recall per field and per matching level."""
        from rift.errors import EvalError, InputError
        from rift.events.evaluate import check_thresholds, load_gold, load_predictions, prediction_from_row, score_events

        gold_events = load_gold(gold)
        aliases: dict[str, str] = {}
        if sum(x is not None and x != [] for x in (pred, text, texts)) != 1:
            raise InputError("give one of --pred, --text or --texts")
        if pred is not None:
            predicted = load_predictions(pred)
        elif text or texts:
            from rift.api import read_inputs
            from rift.events.evaluate import read_texts
            from rift.events.run import extract_events
            from rift.pipeline import build_pipeline
            from rift.text_utils import doc_id_for

            raws = read_texts(texts) if texts else read_inputs([str(p) for p in text])
            with console.status(f"loading the model {model} ..."):
                nlp = build_pipeline(model, exclude=("rift_causes", "rift_claims"))
            predicted = []
            for raw, evs in extract_events(raws, nlp=nlp):
                aliases[Path(raw.path).stem] = doc_id_for(raw.text)
                predicted += [prediction_from_row(e.to_json_dict()) for e in evs if e.confidence >= min_confidence]
        else:
            raise InputError("give --pred events.jsonl or --text FILE")
        if pred is not None and min_confidence > 0:
            import json

            rows = [json.loads(x) for x in (pred / "events.jsonl" if pred.is_dir() else pred).read_text(encoding="utf-8").splitlines() if x.strip()]
            predicted = [prediction_from_row(r) for r in rows if float(r.get("confidence", 1.0)) >= min_confidence]
        if scope not in ("documents", "sentences"):
            raise InputError(f"--scope must be documents or sentences, not '{scope}'")
        scores = score_events(gold_events, predicted, doc_aliases=aliases, scope=scope)
        console.print(scores_table(scores))
        if show_errors:
            from rift.events.evaluate import errors

            from dataclasses import replace

            g_all = [replace(g, doc=aliases.get(g.doc, g.doc)) for g in gold_events]
            for doc in sorted({g.doc for g in g_all}, key=str):
                gd = [g for g in g_all if g.doc == doc]
                pd = [p for p in predicted if doc is None or p.doc == doc]
                if scope == "sentences":
                    from rift.events.evaluate import in_annotated_sentences

                    pd = in_annotated_sentences(gd, pd)
                missed, extra = errors(gd, pd, level if level in dict(__import__("rift.events.evaluate", fromlist=["LEVELS"]).LEVELS) else "dyad+sign+year")
                for g in missed:
                    console.print(f"[yellow]missed[/yellow] {g.source}->{g.target} {g.category} {g.sign:+d} {g.year}  {(g.text or '')[:90]}", highlight=False)
                for p in extra:
                    console.print(f"[red]extra[/red]  {p.source}->{p.target} {p.category} {p.sign:+d} {p.year}  {p.text or ''}", highlight=False)
        try:
            check_thresholds(scores, level=level, min_precision=min_precision, min_recall=min_recall, min_f1=min_f1)
        except KeyError:
            raise EvalError(f"unknown --level {level!r}") from None
