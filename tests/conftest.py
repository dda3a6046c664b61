"""Shared fixtures: one pipeline per test session (its language model takes a moment to load)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pantau.model import Document, InputHints
from pantau.pipeline import Pipeline, build_pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return build_pipeline()


@pytest.fixture
def fast_cli(monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline) -> None:
    """Make `pantau extract` in CliRunner reuse the session pipeline instead of rebuilding it."""
    import pantau.cli

    def reuse(*, on_error: str = "record", **_: object) -> Pipeline:
        return Pipeline(pipeline.stages, on_error=on_error)  # type: ignore[arg-type]

    monkeypatch.setattr(pantau.cli, "build_pipeline", reuse)


def make_doc(raw: str, *, kind: str = "text", doc_id: str = "t", **hints: str) -> Document:
    """A Document as the input readers make it."""
    return Document(id=doc_id, raw=raw, raw_kind=kind, hints=InputHints(**hints))  # type: ignore[arg-type]


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when the shared folder is not beside the checkout."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (tests that read real pages need ../shared beside the repo)")
    return path
