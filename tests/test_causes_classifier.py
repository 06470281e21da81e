"""The causal-sentence classifier: shipped parameters, numpy inference, CSV in and out."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from rift.causes.classifier import (
    CausalSentenceClassifier,
    Scores,
    best_threshold,
    cross_validate,
    default_classifier,
    document_groups,
    evaluate_csv,
    fit,
    load_signals,
    read_csv,
    sentence_features,
    signal_features,
)
from rift.errors import InputError


def test_causes_classifier_shipped_parameters_load():
    clf = default_classifier()
    assert clf is not None, "run scripts/train_causal.py"
    assert len(clf.vocabulary) == len(clf.idf) == len(clf.coef) > 10_000
    assert clf.meta["cv"]["f1"] > 0.75 and clf.meta["cv"]["folds"] == 5
    assert clf.meta["cv"]["grouped"] and "f1" in clf.meta["cv_stratified"]
    assert 0.2 < clf.threshold < 0.8
    assert any(n.startswith("X:") for n in clf.vocabulary)


def test_causes_classifier_features_of_a_parse():
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Riots", "erupted", "after", "police", "fired"], heads=[1, 1, 4, 4, 1],
              deps=["nsubj", "ROOT", "mark", "nsubj", "advcl"], pos=["NOUN", "VERB", "SCONJ", "NOUN", "VERB"])
    f = sentence_features(doc, ["after"])
    assert "W2:riots_erupted" in f and "CUE:after" in f
    assert any(x.startswith("CL:advcl:") for x in f)
    assert "X:advcl:after" in f and "X:reason_prep" in f and "X:m:riots erupted" not in f


def test_causes_classifier_signal_features():
    nlp = spacy.blank("en")
    words = ["Workers", "went", "on", "strike", "demanding", "higher", "wages", ",", "forcing", "closures"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 2, 1, 6, 4, 1, 1, 8],
              deps=["nsubj", "ROOT", "prep", "pobj", "advcl", "amod", "dobj", "punct", "advcl", "dobj"],
              pos=["NOUN", "VERB", "ADP", "NOUN", "VERB", "ADJ", "NOUN", "PUNCT", "VERB", "NOUN"],
              tags=["NNS", "VBD", "IN", "NN", "VBG", "JJR", "NNS", ",", "VBG", "NNS"],
              lemmas=["worker", "go", "on", "strike", "demand", "high", "wage", ",", "force", "closure"])
    f = signal_features(doc)
    assert {"X:m:demanding", "X:m:forcing", "X:purpose_verb", "X:cause_verb", "X:ing:advcl", "X:ing_after_head",
            "X:evprep:on"} <= set(f)
    assert f == sorted(set(f))
    sig = load_signals()
    assert "reason_prep" in sig.groups and "in protest" in sig.phrases


def test_causes_classifier_document_groups_keep_runs_together():
    g = document_groups(["train_01_0_892", "train_01_1_2714", "train_01_30_5", "train_09_A_3_7", "train_09_B_3_8", "x"])
    assert g[0] == g[1] != g[2]
    assert g[3] != g[4] and g[5] == "x"


def test_causes_classifier_best_threshold_and_grouped_cv():
    assert best_threshold([0, 0, 1, 1], [0.1, 0.3, 0.35, 0.9]) == pytest.approx(0.325)
    rng = np.random.default_rng(1)
    vocab = [f"w{i}" for i in range(20)]
    feats = [list(rng.choice(vocab, size=4)) for _ in range(60)]
    labels = [int("w1" in f or "w2" in f or "w3" in f) for f in feats]
    groups = [str(i // 3) for i in range(60)]
    cv = cross_validate(feats, labels, folds=3, groups=groups, tune_threshold=True, min_df=1)
    assert cv["grouped"] and len(cv["tuned"]["thresholds"]) == 3 and cv["oof_prob"].shape == (60,)
    assert 0.0 <= cv["tuned"]["f1"] <= 1.0 and cv["oof_best_f1"] >= cv["f1"] - 1e-9


def test_causes_classifier_numpy_inference_equals_scikit_learn(tmp_path):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    vocab = [f"w{i}" for i in range(30)]
    feats = [list(rng.choice(vocab, size=rng.integers(2, 9))) for _ in range(80)]
    labels = [int("w1" in f or "w2" in f) for f in feats]
    clf = fit(feats, labels, C=2.0, min_df=1)
    vec = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True, min_df=1, lowercase=False)
    ref = LogisticRegression(C=2.0, max_iter=5000).fit(vec.fit_transform(feats), labels)
    expected = ref.predict_proba(vec.transform(feats))[:, 1]
    assert np.allclose(clf.predict_proba(feats), expected, atol=1e-6)
    clf.save(tmp_path / "m.npz")
    again = CausalSentenceClassifier.load(tmp_path / "m.npz")
    assert np.allclose(again.predict_proba(feats), expected, atol=1e-5)
    assert again.predict([["never-seen"]]).shape == (1,)


def test_causes_classifier_reads_csv_with_bom_and_extra_columns(tmp_path):
    p = tmp_path / "d.csv"
    p.write_text("\ufeffindex,text,label,agreement\na,Police fired because stones were thrown.,1,0.9\nb,It rained.,0,1\n", encoding="utf-8")
    rows = read_csv(p)
    assert rows.index == ["a", "b"] and rows.label == [1, 0] and rows.text[1] == "It rained."
    p.write_text("index,text\na,It rained.\n", encoding="utf-8")
    assert read_csv(p).label is None
    p.write_text("id,sentence\na,It rained.\n", encoding="utf-8")
    with pytest.raises(InputError, match="text"):
        read_csv(p)


def test_causes_classifier_evaluate_writes_index_label(tmp_path):
    p = tmp_path / "d.csv"
    p.write_text("index,text,label\na,Police fired because stones were thrown.,1\nb,It rained.,0\n", encoding="utf-8")
    out = tmp_path / "pred.csv"
    clf = fit([["W:because"], ["W:rained"]], [1, 0], min_df=1)
    nlp = spacy.blank("en")
    res = evaluate_csv(p, nlp, predictions=out, classifier=clf)
    assert out.read_text().splitlines()[0] == "index,label"
    assert res.n == 2 and res.scores is not None


@pytest.mark.parametrize(
    "gold, pred, p, r",
    [([1, 1, 0, 0], [1, 0, 1, 0], 0.5, 0.5), ([1, 1], [1, 1], 1.0, 1.0), ([0, 0], [0, 0], 0.0, 0.0)],
)
def test_causes_classifier_scores(gold, pred, p, r):
    s = Scores.of(gold, pred)
    assert (s.precision, s.recall) == (p, r)
