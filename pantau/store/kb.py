"""Knowledge-base identities and commitment status (`pantau.event/1`, `pantau.commitment/1`).

Decisions:

- A report's knowledge-base id is derived from the document id and the item id (`ev-` / `cm-` + 12 hex
  digits of SHA-1), stable across re-ingests, backends and `--jobs`; a group of reports of one event
  (`pantau.store.links`) takes the id of its smallest report.
- A commitment is `overdue` when the whole of its due period lies before the newest publication date in
  the store, `pending` otherwise (no due date, a year-less due date, or a store without dates), unless an
  event keeps it (`kb_fulfilment`): then it is `fulfilled`.
- Dates of any precision compare as ISO strings: a partial end date is extended with `~` (which sorts after
  every digit and `-`), so `2025-10` ends after `2025-10-31` and before `2025-11-01`.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Status = Literal["pending", "overdue", "fulfilled"]
STATUSES: tuple[str, ...] = ("pending", "overdue", "fulfilled")
END_OF = "~"
"""Appended to a partial ISO date to make it sort after every full date inside it."""


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def event_kb_id(doc_id: str, event_id: str) -> str:
    """The knowledge-base id of the event that a document's event reports (one report per event today)."""
    return f"ev-{_digest(doc_id, event_id)}"


def commitment_kb_id(doc_id: str, commitment_id: str) -> str:
    """The knowledge-base id of the commitment that a document's commitment reports."""
    return f"cm-{_digest(doc_id, commitment_id)}"


def commitment_status(due_end: str | None, newest: str | None) -> Status:
    """`overdue` when the due period ended before `newest` (the newest publication date), else `pending`."""
    if due_end is None or newest is None or due_end.startswith("--") or newest.startswith("--"):
        return "pending"
    return "overdue" if due_end + END_OF < newest else "pending"
