"""pantau: evidence-backed events, entities, commitments and figures from Southeast-Asian security news."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .api import extract, extract_many
from .errors import ConfigError, InputError, PantauError, RecordError, StageError
from .model import Document
from .pipeline import Pipeline, build_pipeline
from .record import from_record, to_record

try:
    __version__ = version("pantau")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

__all__ = [
    "ConfigError",
    "Document",
    "InputError",
    "PantauError",
    "Pipeline",
    "RecordError",
    "StageError",
    "__version__",
    "build_pipeline",
    "extract",
    "extract_many",
    "from_record",
    "to_record",
]
