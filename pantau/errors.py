"""pantau's exceptions: one base class, each message says what happened, where, and what to do.

    PantauError
    ├── ConfigError      a bad option or stage name (the message lists the valid ones)
    ├── InputError       an unreadable file or record (carries the path and, for JSONL, the line)
    ├── StageError       a pipeline stage raised on a document (carries stage, document id and cause)
    └── RecordError      a dict that does not follow the output contract `pantau.document/1`
"""

from __future__ import annotations


class PantauError(Exception):
    """Base class of every error pantau raises on purpose."""


class ConfigError(PantauError):
    pass


class InputError(PantauError):
    def __init__(self, path: str, message: str, *, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class StageError(PantauError):
    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        self.stage = stage
        self.doc_id = doc_id
        self.cause = cause
        super().__init__(
            f"stage {stage!r} failed on document {doc_id!r}: {type(cause).__name__}: {cause}"
            " (run `pantau extract --debug` for the traceback, and report it with the input)"
        )


class RecordError(PantauError):
    pass
