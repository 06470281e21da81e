"""``rift eval timex``: score rift's time expressions against TIMEX2 gold (WikiWars layout)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from rift.cli.common import console

# the thresholds are set under the scores on the 16 WikiWars articles in ../shared (relaxed F1
# 0.97, value accuracy 0.92): a drop past them means a real regression, not noise
DEFAULT_MIN_RELAXED_F1 = 0.92
DEFAULT_MIN_VALUE_ACCURACY = 0.90


def register(app: typer.Typer) -> None:
    """Add ``timex`` to the ``rift eval`` group."""
    from rift.cli.eval import eval_app

    @eval_app.command("timex")
    def timex(
        gold: Path = typer.Option(..., "--gold", help="Folder with keyinline/*.key.xml (inline TIMEX2) and in/*.sgm (WikiWars layout)."),
        min_relaxed_f1: float = typer.Option(DEFAULT_MIN_RELAXED_F1, "--min-relaxed-f1", help="Exit non-zero when relaxed F1 is under this."),
        min_value_accuracy: float = typer.Option(DEFAULT_MIN_VALUE_ACCURACY, "--min-value-accuracy", help="Exit non-zero when value accuracy is under this."),
        per_doc: bool = typer.Option(False, "--per-doc", help="Also print the scores of each document."),
        errors: int = typer.Option(0, "--errors", help="Print up to this many missed, spurious and wrong-valued expressions."),
    ) -> None:
        """Strict and relaxed F1, value accuracy and value F1 of time expressions against TIMEX2 gold."""
        from rift.dates.evaluate import check_thresholds, evaluate, load_gold, rift_predictor

        docs = load_gold(gold)
        scores, per, counts = evaluate(docs, rift_predictor())
        t = Table(title=f"time expressions: {len(docs)} documents, {scores.gold} gold, {scores.pred} found", show_edge=False)
        for col in ("", "precision", "recall", "F1"):
            t.add_column(col, justify="left" if not col else "right")
        t.add_row("strict", f"{scores.strict_p:.3f}", f"{scores.strict_r:.3f}", f"{scores.strict_f1:.3f}")
        t.add_row("relaxed", f"{scores.relaxed_p:.3f}", f"{scores.relaxed_r:.3f}", f"{scores.relaxed_f1:.3f}")
        t.add_row("value", f"{scores.value_p:.3f}", f"{scores.value_r:.3f}", f"{scores.value_f1:.3f}")
        console.print(t)
        console.print(f"value accuracy: [bold]{scores.value_accuracy:.3f}[/bold]")
        if per_doc:
            pt = Table(show_edge=False)
            for col in ("document", "strict F1", "relaxed F1", "value acc.", "value F1"):
                pt.add_column(col, justify="left" if col == "document" else "right")
            for name, s in per.items():
                pt.add_row(name, f"{s.strict_f1:.3f}", f"{s.relaxed_f1:.3f}", f"{s.value_accuracy:.3f}", f"{s.value_f1:.3f}")
            console.print(pt)
        for e in counts.errors[:errors]:
            console.print(f"[dim]{e[0]:8}[/dim] {e[1]} @{e[2]}: {e[3]!r} gold={e[4]} rift={e[5]}", highlight=False)
        check_thresholds(scores, relaxed_f1=min_relaxed_f1, value_accuracy=min_value_accuracy)
