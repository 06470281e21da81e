"""``rift eval causal``: score the causal-sentence classifier on a labelled CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from rift.cli.common import console
from rift.pipeline import DEFAULT_MODEL


def register(app: typer.Typer) -> None:
    """Add ``causal`` to the ``rift eval`` group."""
    from rift.cli.eval import eval_app

    @eval_app.command("causal")
    def causal(
        data: Path = typer.Option(..., "--data", help="CSV with columns index,text[,label] (Causal News Corpus subtask 1 format)."),
        predictions: Optional[Path] = typer.Option(None, "--predictions", help="Write index,label predictions to this CSV."),
        model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model used to parse the sentences."),
        min_f1: float = typer.Option(0.70, "--min-f1", help="Exit non-zero when F1 is under this (0.70: about predicting 'causal' for every sentence)."),
    ) -> None:
        """Classify sentences as causal or not; print precision/recall/F1 when labels are present."""
        from rift.causes.classifier import evaluate_csv
        from rift.errors import EvalError
        from rift.pipeline import load_model

        with console.status(f"loading the model {model} ..."):
            nlp = load_model(model)
        result = evaluate_csv(data, nlp, predictions=predictions)
        console.print(f"{result.n} sentences, {result.predicted_causal} predicted causal")
        if predictions is not None:
            console.print(f"predictions: {predictions}")
        if result.scores is not None:
            s = result.scores
            console.print(f"precision {s.precision:.4f}  recall {s.recall:.4f}  F1 [bold]{s.f1:.4f}[/bold]")
            if s.f1 < min_f1:
                raise EvalError(f"causal-sentence F1 {s.f1:.4f} is under --min-f1 {min_f1}")
