"""The rift_spelling component: a misspelt word gets the lemma of the word meant, the text stays."""

from __future__ import annotations

import spacy

from rift.clean.spelling import correct_lemmas, misspellings


def test_clean_spelling_table_maps_misspellings_to_other_words():
    table = misspellings()
    assert len(table) >= 80
    for wrong, lemma in table.items():
        assert wrong == wrong.lower() and lemma and wrong != lemma, wrong


def test_clean_spelling_sets_lemmas_and_leaves_the_text_as_written():
    nlp = spacy.blank("en")
    text = "Carter Recieved Ortega and the new GOVERMENT critisised Washington."
    doc = correct_lemmas(nlp(text))
    assert doc.text == text
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["Recieved"] == "receive" and lemmas["GOVERMENT"] == "government"
    assert lemmas["critisised"] == "criticise"
    assert lemmas["Washington"] == ""  # words spelt right are left to the lemmatizer


def test_clean_spelling_runs_after_the_lemmatizer_in_rifts_pipeline():
    from rift.pipeline import build_pipeline

    names = build_pipeline("blank").pipe_names
    assert "rift_spelling" in names and names.index("rift_spelling") < names.index("rift_actors")
