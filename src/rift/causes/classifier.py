"""A causal-sentence classifier: does a sentence state that one event caused another?

A linear model (logistic regression) over sparse features of the parsed sentence: word
n-grams, lemma and dependency-arc features (``head>dep>child``), the markers of subordinate
clauses, prepositions with the kind of their object, and the causal cues of rift's own lexicon.
It is trained by ``scripts/train_causal.py`` on the Causal News Corpus (subtask 1) and its
parameters are shipped in ``model/causal_sentences.npz`` (vocabulary, idf weights, coefficients);
inference needs only numpy and the spaCy parse rift already has, and runs on one core.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
from spacy.tokens import Doc, Span

from rift.errors import EvalError, InputError, RiftError

FEATURE_VERSION = 1
MODEL_FILE = "causal_sentences.npz"
_CLAUSE_DEPS = ("advcl", "xcomp", "ccomp", "relcl", "acl", "conj", "pcomp", "csubj")


def sentence_features(span: Span | Doc, cue_names: Iterable[str] = ()) -> list[str]:
    """The sparse features of one parsed sentence (strings; their counts are the feature values).

    Args:
        span: a sentence of a doc parsed with a tagger, parser and lemmatizer.
        cue_names: names of the causal cues the cue matcher found in it.
    """
    toks = [t for t in span if not t.is_space]
    f: list[str] = []
    words = [t.lower_ for t in toks]
    f += ["W:" + w for w in words]
    f += ["W2:" + a + "_" + b for a, b in zip(words, words[1:])]
    f += ["W3:" + a + "_" + b + "_" + c for a, b, c in zip(words, words[1:], words[2:])]
    n_verbs = 0
    for t in toks:
        if t.is_punct:
            continue
        lem = t.lemma_.lower() or t.lower_
        h = t.head
        hl = h.lemma_.lower() or h.lower_
        f.append("L:" + lem)
        f.append(f"A:{hl}>{t.dep_}>{lem}")
        f.append(f"D:{t.dep_}:{lem}")
        f.append(f"P:{h.pos_}>{t.dep_}>{t.pos_}")
        f.append(f"HD:{hl}>{t.dep_}")
        if t.pos_ == "VERB":
            n_verbs += 1
        if t.dep_ in _CLAUSE_DEPS:
            markers = "_".join(c.lemma_.lower() for c in t.children if c.dep_ in ("mark", "advmod", "aux"))
            f.append(f"CL:{t.dep_}:{markers}")
            f.append(f"CLH:{h.pos_}:{t.dep_}:{t.pos_}")
        if t.dep_ == "prep":
            for o in t.children:
                if o.dep_ in ("pobj", "pcomp"):
                    f.append(f"PR:{lem}:{o.pos_}:{o.tag_}")
                    f.append(f"PRH:{h.pos_}:{lem}:{o.lemma_.lower()}")
                    f.append(f"PO:{t.lower_}:{o.ent_type_ or o.pos_}")
        if t.pos_ == "VERB" and h is not t and h.pos_ in ("VERB", "NOUN"):
            mk = [c.lower_ for c in t.children if c.dep_ in ("mark", "prep", "advmod")][:2]
            f.append(f"VP:{t.dep_}:{t.tag_}:{'_'.join(mk)}")
    f.append(f"NV:{min(n_verbs, 8)}")
    f.append(f"LEN:{min(len(toks) // 8, 8)}")
    f += ["E:" + e.label_ for e in (span.ents if isinstance(span, (Span, Doc)) else ())]
    f += ["CUE:" + c for c in cue_names]
    return f


@dataclass
class CausalSentenceClassifier:
    """TF-IDF weighted sparse features and a logistic-regression layer, in plain numpy."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float = 0.5
    meta: dict | None = None

    # ------------------------------------------------------------------ io
    @classmethod
    def load(cls, path: str | Path | None = None) -> "CausalSentenceClassifier":
        """Load the shipped parameters (or those at ``path``).

        Raises:
            RiftError: the file is missing or was written by an incompatible version.
        """
        if path is None:
            ref = resources.files("rift.causes").joinpath("model", MODEL_FILE)
            if not ref.is_file():
                raise RiftError(
                    "the causal-sentence classifier has no trained parameters "
                    f"(rift/causes/model/{MODEL_FILE}): run `python scripts/train_causal.py`"
                )
            with resources.as_file(ref) as p:
                return cls.load(p)
        path = Path(path)
        if not path.is_file():
            raise RiftError(f"{path}: no such classifier file; run `python scripts/train_causal.py`")
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            if meta.get("feature_version") != FEATURE_VERSION:
                raise RiftError(f"{path} was trained with features v{meta.get('feature_version')}, "
                                f"this rift uses v{FEATURE_VERSION}: retrain with scripts/train_causal.py")
            names = [str(n) for n in z["features"]]
            return cls(
                vocabulary={n: i for i, n in enumerate(names)},
                idf=z["idf"].astype(np.float64),
                coef=z["coef"].astype(np.float64),
                intercept=float(z["intercept"]),
                threshold=float(meta.get("threshold", 0.5)),
                meta=meta,
            )

    def save(self, path: str | Path) -> None:
        """Write the parameters as a compressed ``.npz`` (no pickles)."""
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        meta = dict(self.meta or {})
        meta["feature_version"] = FEATURE_VERSION
        meta["threshold"] = self.threshold
        np.savez_compressed(
            path,
            features=np.array(names, dtype=np.str_),
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=np.float64(self.intercept),
            meta=np.array(json.dumps(meta)),
        )

    # ------------------------------------------------------------------ inference
    def decision(self, feature_lists: Sequence[list[str]]) -> np.ndarray:
        """The linear scores of many sentences' features at once."""
        out = np.full(len(feature_lists), self.intercept, dtype=np.float64)
        for row, feats in enumerate(feature_lists):
            counts: dict[int, int] = {}
            for name in feats:
                j = self.vocabulary.get(name)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            if not counts:
                continue
            idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
            w = tf * self.idf[idx]
            norm = np.sqrt(np.dot(w, w))
            if norm > 0:
                out[row] += float(np.dot(w / norm, self.coef[idx]))
        return out

    def predict_proba(self, feature_lists: Sequence[list[str]]) -> np.ndarray:
        """P(causal) of each sentence, given its :func:`sentence_features`."""
        return 1.0 / (1.0 + np.exp(-self.decision(feature_lists)))

    def predict(self, feature_lists: Sequence[list[str]]) -> np.ndarray:
        """1 (causal) or 0 for each sentence."""
        return (self.predict_proba(feature_lists) >= self.threshold).astype(int)


@lru_cache(maxsize=1)
def default_classifier() -> CausalSentenceClassifier | None:
    """The shipped classifier, or None when its parameters are missing (cached)."""
    try:
        return CausalSentenceClassifier.load()
    except RiftError:
        return None


# ---------------------------------------------------------------------- training
def fit(feature_lists: Sequence[list[str]], labels: Sequence[int], *, C: float = 3.0, min_df: int = 2) -> CausalSentenceClassifier:
    """Fit the classifier on sentences' features (scikit-learn is needed only here)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=min_df, lowercase=False)
    X = vec.fit_transform(feature_lists)
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(X, np.asarray(labels))
    return CausalSentenceClassifier(
        vocabulary={k: int(v) for k, v in vec.vocabulary_.items()},
        idf=vec.idf_.astype(np.float64),
        coef=model.coef_[0].astype(np.float64),
        intercept=float(model.intercept_[0]),
    )


def _identity(x):
    return x


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of the positive (causal) class."""

    precision: float
    recall: float
    f1: float
    n: int

    @classmethod
    def of(cls, gold: Sequence[int], pred: Sequence[int]) -> "Scores":
        """Score predictions against gold labels."""
        tp = sum(1 for g, p in zip(gold, pred) if g == 1 and p == 1)
        fp = sum(1 for g, p in zip(gold, pred) if g == 0 and p == 1)
        fn = sum(1 for g, p in zip(gold, pred) if g == 1 and p == 0)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return cls(prec, rec, f1, len(gold))


def cross_validate(feature_lists: Sequence[list[str]], labels: Sequence[int], *, folds: int = 5, seed: int = 0, **fit_args) -> dict:
    """Stratified k-fold cross-validation: pooled and per-fold precision, recall and F1."""
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(labels)
    pred = np.zeros_like(y)
    per_fold = []
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y):
        clf = fit([feature_lists[i] for i in train], y[train], **fit_args)
        p = clf.predict([feature_lists[i] for i in test])
        pred[test] = p
        per_fold.append(Scores.of(y[test].tolist(), p.tolist()).f1)
    pooled = Scores.of(y.tolist(), pred.tolist())
    return {
        "precision": pooled.precision,
        "recall": pooled.recall,
        "f1": pooled.f1,
        "f1_folds": per_fold,
        "f1_mean": float(np.mean(per_fold)),
        "f1_std": float(np.std(per_fold)),
        "folds": folds,
        "seed": seed,
    }


# ---------------------------------------------------------------------- CSV data
@dataclass(frozen=True)
class LabelledSentences:
    """Rows of a ``index,text[,label]`` CSV (the Causal News Corpus format)."""

    index: list[str]
    text: list[str]
    label: list[int] | None


def read_csv(path: str | Path) -> LabelledSentences:
    """Read a CSV with columns ``index`` and ``text`` and optionally ``label`` (others ignored).

    Raises:
        InputError: the file is missing or lacks the ``text`` column.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        cols = [c.strip() for c in (reader.fieldnames or [])]
        if "text" not in cols:
            raise InputError(f"{path}: needs a 'text' column (found: {', '.join(cols) or 'none'})")
        rows = [{(k or "").strip(): v for k, v in r.items()} for r in reader]
    has_label = "label" in cols and all((r.get("label") or "").strip() in ("0", "1") for r in rows)
    return LabelledSentences(
        index=[(r.get("index") or str(i)) for i, r in enumerate(rows)],
        text=[r["text"] or "" for r in rows],
        label=[int(r["label"]) for r in rows] if has_label and rows else None,
    )


def featurize_texts(texts: Sequence[str], nlp, *, batch_size: int = 64) -> list[list[str]]:
    """Parse single sentences with ``nlp`` and return their features."""
    from rift.causes.cues import CueMatcher

    matcher = CueMatcher(nlp.vocab)
    out = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        out.append(sentence_features(doc, [m.cue.cue for m in matcher(doc)]))
    return out


@dataclass(frozen=True)
class EvalResult:
    """What ``rift eval causal`` reports."""

    n: int
    predicted_causal: int
    scores: Scores | None


def evaluate_csv(
    data: str | Path,
    nlp,
    *,
    predictions: str | Path | None = None,
    classifier: CausalSentenceClassifier | None = None,
) -> EvalResult:
    """Classify the sentences of a CSV; write ``index,label`` to ``predictions``; score if labelled.

    Raises:
        InputError: the data cannot be read.
        EvalError: the classifier has no trained parameters.
    """
    rows = read_csv(data)
    clf = classifier or default_classifier()
    if clf is None:
        raise EvalError(f"the causal-sentence classifier is not trained: run `python scripts/train_causal.py` (rift/causes/model/{MODEL_FILE})")
    pred = clf.predict(featurize_texts(rows.text, nlp)).tolist() if rows.text else []
    if predictions is not None:
        out = Path(predictions)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["index", "label"])
            w.writerows(zip(rows.index, pred))
    scores = Scores.of(rows.label, pred) if rows.label is not None else None
    return EvalResult(n=len(pred), predicted_causal=int(sum(pred)), scores=scores)
