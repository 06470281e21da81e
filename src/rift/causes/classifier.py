"""A causal-sentence classifier: does a sentence state that one event caused another?

A linear model (logistic regression) over sparse features of the parsed sentence: word
n-grams, lemma and dependency-arc features (``head>dep>child``), the markers of subordinate
clauses, prepositions with the kind of their object, the causal cues of rift's own lexicon, and
signals of a cause in news sentences (``X:`` features, from ``data/causal_signals.yaml``: reason
prepositions, purpose and causative verbs, participle and purpose clauses, prepositions linking
two event words). It is trained by ``scripts/train_causal.py`` on the Causal News Corpus
(subtask 1), with the regularisation and the decision threshold chosen by document-grouped
cross-validation; its parameters are shipped in ``model/causal_sentences.npz`` (vocabulary, idf
weights, coefficients, threshold); inference needs only numpy and the spaCy parse rift already
has, and runs on one core.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import yaml
from spacy.tokens import Doc, Span

from rift.errors import EvalError, InputError, RiftError

FEATURE_VERSION = 2
MODEL_FILE = "causal_sentences.npz"
SIGNALS_FILE = "causal_signals.yaml"
_CLAUSE_DEPS = ("advcl", "xcomp", "ccomp", "relcl", "acl", "conj", "pcomp", "csubj")


@dataclass(frozen=True)
class Signals:
    """The word groups and phrases of ``data/causal_signals.yaml``."""

    groups: dict[str, frozenset[str]]
    phrases: tuple[str, ...]
    event_nouns: frozenset[str]
    event_suffixes: tuple[str, ...]

    def eventy(self, tok) -> bool:
        """Whether a token (a noun) names an event: "protest", "demonstration", "killing"."""
        lem = (tok.lemma_ or tok.lower_).lower()
        return lem in self.event_nouns or (len(lem) > 5 and lem.endswith(self.event_suffixes))


@lru_cache(maxsize=1)
def load_signals() -> Signals:
    """The causal signals lexicon (read once).

    Raises:
        RiftError: the file is missing or malformed.
    """
    try:
        text = resources.files("rift.causes").joinpath("data", SIGNALS_FILE).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        groups = {str(g): frozenset(str(w).lower() for w in ws) for g, ws in data["groups"].items()}
        return Signals(
            groups=groups,
            phrases=tuple(" ".join(str(p).lower().split()) for p in data["phrases"]),
            event_nouns=frozenset(str(w).lower() for w in data["event_nouns"]),
            event_suffixes=tuple(str(w).lower() for w in data["event_suffixes"]),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise RiftError(f"rift/causes/data/{SIGNALS_FILE} cannot be read: {exc}") from None


def signal_features(span: Span | Doc) -> list[str]:
    """The ``X:`` features of a parsed sentence: which signals of a cause it holds (each once)."""
    sig = load_signals()
    toks = [t for t in span if not t.is_space and not t.is_punct]
    f: set[str] = set()
    low = " " + " ".join(t.lower_ for t in toks) + " "
    for ph in sig.phrases:
        if " " + ph + " " in low:
            f.add("X:m:" + ph)
    purpose = sig.groups.get("purpose_verb", frozenset())
    causative = sig.groups.get("cause_verb", frozenset()) | sig.groups.get("affect_verb", frozenset())
    for t in toks:
        lem = (t.lemma_ or t.lower_).lower()
        for g, ws in sig.groups.items():
            if lem in ws or t.lower_ in ws:
                f.add(f"X:{g}")
                f.add(f"X:{g}:{t.dep_}")
        h = t.head
        # a participle clause after its main predicate ("Police fired, killing 34")
        if t.dep_ in ("advcl", "xcomp", "conj") and t.tag_ == "VBG" and h.pos_ in ("VERB", "AUX"):
            f.add(f"X:ing:{t.dep_}")
            if t.i > h.i:
                f.add("X:ing_after_head")
        # a to-infinitive of purpose ("gathered to protest")
        if t.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            f.add(f"X:toinf:{t.dep_}")
            if lem in purpose:
                f.add("X:toinf_purpose")
        if t.dep_ == "advcl":
            mk = [(c.lemma_ or c.lower_).lower() for c in t.children if c.dep_ == "mark"]
            f.add("X:advcl:" + (mk[0] if mk else "-"))
        # a preposition linking two event words ("strike over wages", "arrested after the attack")
        if t.dep_ == "prep":
            for o in t.children:
                if o.dep_ not in ("pobj", "pcomp"):
                    continue
                ev_h = h.pos_ in ("VERB", "AUX") or (h.pos_ == "NOUN" and sig.eventy(h))
                ev_o = o.pos_ == "VERB" or (o.pos_ == "NOUN" and sig.eventy(o))
                if ev_h and ev_o:
                    f.add("X:evprep:" + t.lower_)
                    f.add("X:evprep")
        # an event as the subject of a causative verb ("The strike crippled ...")
        if t.dep_ == "nsubj" and (h.lemma_ or h.lower_).lower() in causative and sig.eventy(t):
            f.add("X:evsubj_cause")
    n_pred = sum(1 for t in toks if t.pos_ == "VERB" or (t.pos_ == "NOUN" and sig.eventy(t)))
    f.add(f"X:npred:{min(n_pred, 6)}")
    return sorted(f)


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
    f += signal_features(span)
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


def document_groups(index: Sequence[str], *, chunk: int = 25) -> list[str]:
    """Group ids that keep the sentences of one document together in cross-validation.

    The Causal News Corpus numbers sentences ``<split>_<batch>[_<part>]_<seq>_<id>``, where the
    sentences of one news article have consecutive ``seq`` numbers within a batch; runs of
    ``chunk`` consecutive numbers of a batch form one group (an article is cut at most where two
    runs meet). Other indexes are their own group.
    """
    out = []
    for ix in index:
        m = re.fullmatch(r"([A-Za-z]+_\w*?)_(\d+)_(\d+)", ix)
        out.append(f"{m.group(1)}:{int(m.group(2)) // chunk}" if m else ix)
    return out


def best_threshold(labels: Sequence[int], probs: Sequence[float]) -> float:
    """The probability threshold that maximises F1 of ``probs`` against ``labels`` (midpoint)."""
    y = np.asarray(labels)
    p = np.asarray(probs, dtype=np.float64)
    order = np.argsort(-p, kind="stable")
    ys, ps = y[order], p[order]
    tp = np.cumsum(ys)
    f1 = 2 * tp / (np.arange(1, len(ys) + 1) + ys.sum())
    # only cut between distinct scores
    ok = np.r_[ps[1:] < ps[:-1], True]
    i = int(np.argmax(np.where(ok, f1, -1.0)))
    return float((ps[i] + ps[i + 1]) / 2) if i + 1 < len(ps) else float(ps[i] - 1e-9)


def _splits(y: np.ndarray, folds: int, seed: int, groups: Sequence[str] | None):
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    if groups is None:
        return list(StratifiedKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y))
    return list(StratifiedGroupKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y, np.asarray(groups)))


def out_of_fold(feature_lists: Sequence[list[str]], labels: Sequence[int], *, folds: int = 5, seed: int = 0,
                groups: Sequence[str] | None = None, **fit_args) -> np.ndarray:
    """Cross-validated P(causal) of every sentence (each predicted by a model that did not see it)."""
    y = np.asarray(labels)
    prob = np.zeros(len(y))
    for train, test in _splits(y, folds, seed, groups):
        clf = fit([feature_lists[i] for i in train], y[train], **fit_args)
        prob[test] = clf.predict_proba([feature_lists[i] for i in test])
    return prob


def cross_validate(feature_lists: Sequence[list[str]], labels: Sequence[int], *, folds: int = 5, seed: int = 0,
                   groups: Sequence[str] | None = None, tune_threshold: bool = False, inner_folds: int = 3,
                   **fit_args) -> dict:
    """K-fold cross-validation: pooled and per-fold precision, recall and F1 at threshold 0.5.

    Folds are stratified by label, and keep each group together when ``groups`` is given (see
    :func:`document_groups`). With ``tune_threshold`` the threshold of each fold is chosen on its
    training part alone (out-of-fold probabilities of an inner ``inner_folds``-fold split) and the
    scores at those thresholds are added as ``tuned`` (nested, so still an honest estimate).
    Also returned: ``oof_prob``, the out-of-fold probabilities (an array; leave it out of
    anything written as JSON), ``oof_best_f1``, their F1 at the best threshold for them
    (optimistic), and that ``oof_best_threshold``.
    """
    y = np.asarray(labels)
    prob = np.zeros(len(y))
    pred = np.zeros_like(y)
    tuned = np.zeros_like(y)
    per_fold, per_fold_tuned, thresholds = [], [], []
    for train, test in _splits(y, folds, seed, groups):
        clf = fit([feature_lists[i] for i in train], y[train], **fit_args)
        prob[test] = clf.predict_proba([feature_lists[i] for i in test])
        pred[test] = prob[test] >= 0.5
        per_fold.append(Scores.of(y[test].tolist(), pred[test].tolist()).f1)
        if tune_threshold:
            inner = out_of_fold([feature_lists[i] for i in train], y[train], folds=inner_folds, seed=seed + 1,
                                groups=None if groups is None else [groups[i] for i in train], **fit_args)
            t = best_threshold(y[train], inner)
            thresholds.append(round(t, 4))
            tuned[test] = prob[test] >= t
            per_fold_tuned.append(Scores.of(y[test].tolist(), tuned[test].tolist()).f1)
    pooled = Scores.of(y.tolist(), pred.tolist())
    t_best = best_threshold(y, prob)
    out = {
        "precision": pooled.precision,
        "recall": pooled.recall,
        "f1": pooled.f1,
        "f1_folds": per_fold,
        "f1_mean": float(np.mean(per_fold)),
        "f1_std": float(np.std(per_fold)),
        "folds": folds,
        "seed": seed,
        "grouped": groups is not None,
        "oof_best_threshold": t_best,
        "oof_best_f1": Scores.of(y.tolist(), (prob >= t_best).astype(int).tolist()).f1,
    }
    if tune_threshold:
        s = Scores.of(y.tolist(), tuned.tolist())
        out["tuned"] = {"precision": s.precision, "recall": s.recall, "f1": s.f1, "thresholds": thresholds,
                        "f1_mean": float(np.mean(per_fold_tuned)), "f1_std": float(np.std(per_fold_tuned))}
    out["oof_prob"] = prob
    return out


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
