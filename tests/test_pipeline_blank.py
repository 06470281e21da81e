"""rift's components run on a pipeline without a parser (spaCy's blank English) without crashing."""

from __future__ import annotations

from conftest import shared_path


def test_pipeline_blank_runs_frus_documents(blank_nlp):
    from rift.pipeline import collect, make_doc
    from rift.read import read_path

    folder = shared_path("data", "frus-1961-63-v05")
    # d87 once crashed the claims stage without a parse; a few others for variety
    files = [folder / "frus1961-63v05-d87.txt"] + sorted(folder.glob("*.txt"))[:4]
    assert all(p.exists() for p in files)
    for path in files:
        res = collect(blank_nlp(make_doc(blank_nlp, read_path(path))))
        assert res.document.n_sentences > 0, path.name
