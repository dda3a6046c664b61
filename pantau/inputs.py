"""Read inputs into Documents: `.txt`, `.html`/`.htm`, `.json` (one record), `.jsonl` (records),
WARC (HTML responses), any of these gzip-compressed, and directories of them (recursively, sorted).

Input is untrusted. Every problem becomes an `InputError` naming the file (and the JSONL line); it
is yielded, never raised, so one bad file cannot stop a batch. Decisions, named here once:

- Ids: a file's id is its name without extensions (`seed-000.txt.gz` -> `seed-000`); a JSONL or
  JSON record keeps its `id`, and one without gets `<file stem>-<line>`; the n-th HTML response of
  a WARC gets `<file stem>-<n>`.
- A record with both `text` and `html` is cleaned from `text` (what the user gave as content);
  the HTML then only supplies metadata (title, publication date).
- Text that is not valid UTF-8 is decoded with the charset the input declares (HTML meta,
  HTTP header) or else cp1252, never dropped; the document carries a warning saying so.
- A single page or record above `max_bytes` (default 10 MB) is refused with an error that says
  how to raise the limit: news pages are far smaller, and a page that large is a dump or an attack.
- Inside a directory, files whose type pantau does not read are skipped; named explicitly, they
  are an error. Hidden files and folders (`.name`) are skipped.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .errors import InputError
from .model import Document, InputHints, RawKind

DEFAULT_MAX_BYTES = 10_000_000
TEXT_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl",
                 ".warc": "warc", ".arc": "warc"}
RECORD_KEYS = ("id", "text", "html", "url", "title", "published", "language")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:]+)""", re.I)
_HTML_START_RE = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|article|div|p|meta|title)\b",
                            re.I | re.S)


@dataclass(slots=True, frozen=True)
class Decoded:
    text: str
    warning: str | None


def looks_like_html(s: str) -> bool:
    """True when a string starts like an HTML document or fragment (used for text-or-HTML inputs)."""
    return bool(_HTML_START_RE.match(s[:2000]))


def decode(data: bytes, *, declared: str | None = None, is_html: bool = False) -> Decoded:
    """UTF-8 first (a BOM is dropped); else the declared or HTML-meta charset; else cp1252 with
    replacement characters. Never raises."""
    try:
        return Decoded(data.decode("utf-8-sig"), None)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    candidates = []
    if declared:
        candidates.append(declared)
    if is_html:
        m = _CHARSET_RE.search(data[:4096])
        if m:
            candidates.append(m.group(1).decode("ascii", "replace"))
    for enc in candidates:
        if enc.lower().replace("_", "-") in ("utf-8", "utf8"):
            continue
        try:
            return Decoded(data.decode(enc), f"not valid UTF-8 (byte {first_bad}); decoded as declared {enc}")
        except (LookupError, UnicodeDecodeError):
            continue
    return Decoded(data.decode("cp1252", errors="replace"),
                   f"not valid UTF-8 (byte {first_bad}); decoded as cp1252, undecodable bytes replaced")


def _stem(path: Path) -> str:
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    for suffix in (".warc", ".arc", ".jsonl", ".json", ".html", ".htm", ".txt"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem


def input_kind(path: Path) -> str | None:
    """'text', 'html', 'json', 'jsonl' or 'warc' from the file name (a `.gz` is looked through), else None."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return TEXT_SUFFIXES.get(Path(name).suffix)


def _open(path: Path) -> BinaryIO:
    raw = path.open("rb")
    if path.name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    return raw


def _read_limited(path: Path, max_bytes: int) -> bytes:
    with _open(path) as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(str(path), f"larger than the {max_bytes:,}-byte limit; "
                                    "raise it with --max-bytes if this really is one page")
    return data


def _check_content(path: Path, data: bytes, *, line: int | None = None) -> None:
    if not data.strip():
        raise InputError(str(path), "empty input: nothing to extract", line=line)
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "binary data (NUL bytes), not text, HTML, JSON or WARC", line=line)


def _doc(doc_id: str, raw: str, kind: RawKind, hints: InputHints, origin: str, warning: str | None) -> Document:
    doc = Document(id=doc_id, raw=raw, raw_kind=kind, hints=hints, origin=origin)
    if warning:
        doc.warnings.append(warning)
    return doc


def _opt_str(rec: dict[str, Any], key: str, where: str, line: int | None) -> str | None:
    value = rec.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(where, f"field {key!r} must be a string, not {type(value).__name__}", line=line)
    return value


def record_to_document(rec: Any, *, default_id: str, origin: str, where: str = "<record>",
                       line: int | None = None, warning: str | None = None) -> Document:
    """One input record (the contract's input dict) -> Document; raises InputError when it is unusable."""
    if not isinstance(rec, dict):
        raise InputError(where, f"a record must be a JSON object, not {type(rec).__name__}", line=line)
    rid = rec.get("id", default_id)
    if isinstance(rid, bool) or not isinstance(rid, str | int) or str(rid).strip() == "":
        raise InputError(where, f"field 'id' must be a non-empty string or number, not {rid!r}", line=line)
    text = _opt_str(rec, "text", where, line)
    html = _opt_str(rec, "html", where, line)
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError(where, "record has neither 'text' nor 'html' content", line=line)
    has_text = bool(text and text.strip())
    hints = InputHints(
        url=_opt_str(rec, "url", where, line),
        html=html if has_text else None,
        title=_opt_str(rec, "title", where, line),
        published=_opt_str(rec, "published", where, line),
        language=_opt_str(rec, "language", where, line),
    )
    if has_text:
        return _doc(str(rid), text or "", "text", hints, origin, warning)
    return _doc(str(rid), html or "", "html", hints, origin, warning)


def _jsonl(path: Path, max_bytes: int) -> Iterator[Document | InputError]:
    stem = _stem(path)
    with _open(path) as fh:
        for lineno, raw_line in enumerate(fh, start=1):
            try:
                if len(raw_line) > max_bytes:
                    raise InputError(str(path), f"record larger than the {max_bytes:,}-byte limit; "
                                                "raise it with --max-bytes", line=lineno)
                if not raw_line.strip():
                    continue
                if b"\x00" in raw_line:
                    raise InputError(str(path), "binary data (NUL bytes) in a JSONL line", line=lineno)
                dec = decode(raw_line)
                try:
                    rec = json.loads(dec.text)
                except json.JSONDecodeError as exc:
                    raise InputError(str(path), f"not valid JSON: {exc.msg} at column {exc.colno}",
                                     line=lineno) from None
                yield record_to_document(rec, default_id=f"{stem}-{lineno}", origin=f"{path}:{lineno}",
                                         where=str(path), line=lineno, warning=dec.warning)
            except InputError as err:
                yield err


def _warc(path: Path, max_bytes: int) -> Iterator[Document | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stem = _stem(path)
    n = 0
    with path.open("rb") as fh:
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                n += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{n}"
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield InputError(where, f"response larger than the {max_bytes:,}-byte limit; "
                                            "raise it with --max-bytes")
                    continue
                try:
                    _check_content(path, data)
                except InputError as err:
                    yield InputError(where, err.reason)
                    continue
                m = re.search(r"charset=([\w\-:]+)", ctype, re.I)
                dec = decode(data, declared=m.group(1) if m else None, is_html=True)
                yield _doc(f"{stem}-{n}", dec.text, "html", InputHints(url=url), where, dec.warning)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
            yield InputError(str(path), f"not a readable WARC file: {exc}")
    if n == 0:
        yield InputError(str(path), "WARC file holds no HTML response records")


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """Documents (or errors) from one file, whatever its type."""
    kind = input_kind(path)
    if kind is None:
        yield InputError(str(path), "unsupported file type; pantau reads .txt, .html, .htm, .json, .jsonl, "
                                    ".warc and their .gz versions")
        return
    try:
        if kind == "jsonl":
            yield from _jsonl(path, max_bytes)
            return
        if kind == "warc":
            yield from _warc(path, max_bytes)
            return
        data = _read_limited(path, max_bytes)
        _check_content(path, data)
        dec = decode(data, is_html=kind == "html")
        if kind == "json":
            try:
                rec = json.loads(dec.text)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}; "
                                            "a .json file holds one record (use .jsonl for many)") from None
            yield record_to_document(rec, default_id=_stem(path), origin=str(path), where=str(path),
                                     warning=dec.warning)
            return
        yield _doc(_stem(path), dec.text, "html" if kind == "html" else "text", InputHints(), str(path), dec.warning)
    except InputError as err:
        yield err
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(str(path), f"cannot read: {exc}")


def iter_files(path: Path) -> Iterator[Path]:
    """Readable files under a directory, recursively, sorted by their path (a stable order)."""
    for child in sorted(path.rglob("*"), key=lambda p: p.relative_to(path).as_posix()):
        rel = child.relative_to(path)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if child.is_file() and input_kind(child) is not None:
            yield child


def read_inputs(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """Documents from files and directories, in the order given (directories sorted inside)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in iter_files(path):
                yield from read_file(f, max_bytes=max_bytes)
        elif path.is_file():
            yield from read_file(path, max_bytes=max_bytes)
        elif path.exists():
            yield InputError(str(path), "not a regular file or directory")
        else:
            yield InputError(str(path), "no such file or directory")
