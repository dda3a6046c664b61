"""The ordered list of stages that turns one input Document into a finished record.

A stage is any `Callable[[Document], Document]`. Stages that hold resources (lexicons, models) are
small classes built once in `build_pipeline`; the order is one readable list, with no registry.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Literal

from .errors import ConfigError, StageError
from .model import Document, StageFailure

Stage = Callable[[Document], Document]

STAGE_HELP: dict[str, str] = {
    "clean": "main text from HTML (trafilatura) or scraped text; page furniture and spam into `noise`",
    "published": "publication date from the input, HTML metadata, the URL or a dateline",
    "language": "document language (lingua, restricted language set)",
    "sentences": "Indonesian-aware sentence spans: the evidence unit of every later stage",
    "entities": "people (with roles and country), organisations, countries and places, merged and linked",
    "figures": "money, percentages and quantities with units, in base units, with metric and period",
    "events": "PLOVER-typed happenings (visits, meetings, signings, clashes...) with actors, date, place",
    "commitments": "concrete future actions agreed, pledged or scheduled, with parties, due date and event",
}


class Pipeline:
    """Runs named stages in order. With `on_error="record"` a failing stage is recorded on the
    document (`doc.failures`) and the later stages, which depend on it, are skipped."""

    def __init__(self, stages: Sequence[tuple[str, Stage]], *, on_error: Literal["raise", "record"] = "record"):
        self.stages = list(stages)
        self.on_error = on_error

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.stages]

    def __call__(self, doc: Document) -> Document:
        for name, stage in self.stages:
            try:
                doc = stage(doc)
            except Exception as exc:  # noqa: BLE001 - any stage bug becomes a recorded, named failure
                failure = StageError(name, doc.id, exc)
                if self.on_error == "raise":
                    raise failure from exc
                doc.failures.append(StageFailure(name, type(exc).__name__, str(failure)))
                break
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return (self(doc) for doc in docs)


def build_pipeline(
    *,
    only: Collection[str] = (),
    skip: Collection[str] = (),
    on_error: Literal["raise", "record"] = "record",
) -> Pipeline:
    """Build the standard pipeline once (models and lexicons load here), optionally a subset of it."""
    for name in [*only, *skip]:
        if name not in STAGE_HELP:
            raise ConfigError(f"unknown stage {name!r}; the stages are: {', '.join(STAGE_HELP)}")
    wanted = [n for n in STAGE_HELP if (not only or n in only) and n not in skip]
    from .stages import clean, commitments, entities, events, figures, langid, published, sentences

    factories: dict[str, Callable[[], Stage]] = {
        "clean": clean.Cleaner,
        "published": published.PublicationDater,
        "language": langid.LanguageDetector,
        "sentences": lambda: sentences.split_sentences_stage,
        "entities": entities.EntityRecognizer,
        "figures": figures.FigureExtractor,
        "events": events.EventExtractor,
        "commitments": commitments.CommitmentExtractor,
    }
    return Pipeline([(name, factories[name]()) for name in wanted], on_error=on_error)
