"""The causal-sentence classifier: shipped parameters, numpy inference, CSV in and out."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from rift.causes.classifier import (
    CausalSentenceClassifier,
    Scores,
    default_classifier,
    evaluate_csv,
    fit,
    read_csv,
    sentence_features,
)
from rift.errors import InputError


def test_causes_classifier_shipped_parameters_load():
    clf = default_classifier()
    assert clf is not None, "run scripts/train_causal.py"
    assert len(clf.vocabulary) == len(clf.idf) == len(clf.coef) > 10_000
    assert clf.meta["cv"]["f1"] > 0.75 and clf.meta["cv"]["folds"] == 5


def test_causes_classifier_features_of_a_parse():
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Riots", "erupted", "after", "police", "fired"], heads=[1, 1, 4, 4, 1],
              deps=["nsubj", "ROOT", "mark", "nsubj", "advcl"], pos=["NOUN", "VERB", "SCONJ", "NOUN", "VERB"])
    f = sentence_features(doc, ["after"])
    assert "W2:riots_erupted" in f and "CUE:after" in f
    assert any(x.startswith("CL:advcl:") for x in f)


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
