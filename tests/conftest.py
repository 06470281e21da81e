"""Shared fixtures: paths to ../shared and a cached real-model pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ESSAY = SHARED / "seeds" / "000_698c7f83e7f6762b.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear message when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"needs {p} (the ../shared folder beside the repository is absent)")
    return p


@pytest.fixture(scope="session")
def essay_text() -> str:
    """The seed essay as read (skips when ../shared is absent)."""
    from rift.read import read_path

    return read_path(shared_path("seeds", "000_698c7f83e7f6762b.txt")).text


@pytest.fixture(scope="session")
def nlp():
    """The full rift pipeline on the real model (loaded once per session)."""
    from rift.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def blank_nlp():
    """rift's pipeline on a blank English model (no parser, no NER): fast, model-free."""
    from rift.pipeline import build_pipeline

    return build_pipeline("blank")
