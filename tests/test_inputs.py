"""Input readers: every supported format, ids, order, and every kind of bad input as a named error."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pantau.errors import InputError
from pantau.inputs import decode, looks_like_html, read_inputs
from pantau.model import Document

ARTICLE = "Menteri Pertahanan kedua negara bertemu di Hanoi pada Senin untuk membahas patroli bersama.\n"


def docs_and_errors(paths, **kw):
    items = list(read_inputs(paths, **kw))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def test_txt_file_id_is_stem_and_raw_kept(tmp_path: Path) -> None:
    (tmp_path / "berita-01.txt").write_text(ARTICLE, encoding="utf-8")
    docs, errors = docs_and_errors([tmp_path / "berita-01.txt"])
    assert errors == []
    assert [d.id for d in docs] == ["berita-01"]
    assert docs[0].raw == ARTICLE and docs[0].raw_kind == "text"


def test_html_and_htm_are_html(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<html><body><p>Halo</p></body></html>", encoding="utf-8")
    (tmp_path / "b.htm").write_text("<html><body><p>Halo</p></body></html>", encoding="utf-8")
    docs, _ = docs_and_errors([tmp_path])
    assert [(d.id, d.raw_kind) for d in docs] == [("a", "html"), ("b", "html")]


def test_jsonl_records_keep_ids_and_hints(tmp_path: Path) -> None:
    lines = [
        {"id": "x1", "text": ARTICLE, "url": "https://example.org/2025/10/14/a", "published": "2025-10-14",
         "title": "Judul", "language": "id"},
        {"text": ARTICLE},
        {"id": 7, "html": "<p>Halo dunia</p>"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    docs, errors = docs_and_errors([path])
    assert errors == []
    assert [d.id for d in docs] == ["x1", "batch-2", "7"]
    assert docs[0].hints.url == "https://example.org/2025/10/14/a"
    assert docs[0].hints.published == "2025-10-14" and docs[0].hints.title == "Judul"
    assert docs[2].raw_kind == "html"


def test_record_with_text_and_html_uses_text_and_keeps_html_for_metadata(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "r", "text": ARTICLE, "html": "<html><head><title>T</title></head></html>"}))
    docs, _ = docs_and_errors([path])
    assert docs[0].raw == ARTICLE and docs[0].raw_kind == "text"
    assert docs[0].hints.html is not None and "<title>T</title>" in docs[0].hints.html


def test_json_file_without_id_uses_stem(tmp_path: Path) -> None:
    (tmp_path / "satu.json").write_text(json.dumps({"text": ARTICLE}))
    docs, _ = docs_and_errors([tmp_path / "satu.json"])
    assert [d.id for d in docs] == ["satu"]


def test_gzip_of_each_kind(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "b1", "text": ARTICLE}).encode()))
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(b"<html><body><p>Halo</p></body></html>"))
    docs, errors = docs_and_errors([tmp_path])
    assert errors == []
    assert [(d.id, d.raw_kind) for d in docs] == [("a", "text"), ("b1", "text"), ("c", "html")]


def _warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_warc_reads_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [
        ("https://example.org/a", "text/html; charset=utf-8", b"<html><body><p>Satu</p></body></html>"),
        ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n"),
        ("https://example.org/b", "text/html", b"<html><body><p>Dua</p></body></html>"),
    ])
    docs, errors = docs_and_errors([path])
    assert errors == []
    assert [(d.id, d.hints.url, d.raw_kind) for d in docs] == [
        ("crawl-1", "https://example.org/a", "html"), ("crawl-2", "https://example.org/b", "html")]


def test_warc_declared_charset_is_used(tmp_path: Path) -> None:
    path = tmp_path / "latin.warc"
    _warc(path, [("https://example.org/c", "text/html; charset=iso-8859-1",
                  "<html><body><p>Caf\u00e9 di Hanoi</p></body></html>".encode("latin-1"))])
    docs, _ = docs_and_errors([path])
    assert "Caf\u00e9" in docs[0].raw
    assert docs[0].warnings and "iso-8859-1" in docs[0].warnings[0]


def test_directory_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b" / "c.txt").write_text(ARTICLE)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text(ARTICLE)
    (tmp_path / "notes.md").write_text("# not an input")
    docs, errors = docs_and_errors([tmp_path])
    assert errors == []
    assert [d.id for d in docs] == ["a", "c", "z"]


def test_missing_path_is_an_error_naming_it(tmp_path: Path) -> None:
    _, errors = docs_and_errors([tmp_path / "nope.txt"])
    assert len(errors) == 1 and "nope.txt" in str(errors[0]) and "no such file" in str(errors[0])


def test_unsupported_file_named_explicitly_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    _, errors = docs_and_errors([tmp_path / "x.pdf"])
    assert "unsupported file type" in str(errors[0])


def test_empty_and_blank_files_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    docs, errors = docs_and_errors([tmp_path])
    assert docs == []
    assert sorted(e.path.rsplit("/", 1)[-1] for e in errors) == ["blank.txt", "empty.txt"]
    assert all("empty input" in str(e) for e in errors)


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    _, errors = docs_and_errors([tmp_path / "bin.txt"])
    assert "binary data" in str(errors[0])


def test_invalid_utf8_is_decoded_with_a_warning_not_dropped(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Pertemuan di Da N\u1eb5ng".encode("utf-8")[:-3] + b" caf\xe9 \xff ok\n")
    docs, errors = docs_and_errors([tmp_path / "latin.txt"])
    assert errors == [] and len(docs) == 1
    assert "caf\u00e9" in docs[0].raw and docs[0].raw.endswith("ok\n")
    assert "not valid UTF-8" in docs[0].warnings[0]


def test_html_meta_charset_is_honoured() -> None:
    data = '<html><head><meta charset="windows-1252"></head><body>\u201cHalo\u201d</body></html>'.encode("cp1252")
    dec = decode(data, is_html=True)
    assert "\u201cHalo\u201d" in dec.text and "windows-1252" in (dec.warning or "")


def test_bad_jsonl_lines_are_errors_with_line_numbers_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "ok1", "text": ARTICLE}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "nocontent", "url": "https://example.org"}),
        json.dumps({"id": "badtype", "text": 42}),
        "",
        json.dumps({"id": "ok2", "text": ARTICLE}),
    ]) + "\n")
    docs, errors = docs_and_errors([path])
    assert [d.id for d in docs] == ["ok1", "ok2"]
    assert [e.line for e in errors] == [2, 3, 4, 5]
    assert all(str(e).startswith(f"{path}:{e.line}: ") for e in errors)
    assert "not valid JSON" in str(errors[0]) and "JSON object" in str(errors[1])
    assert "neither 'text' nor 'html'" in str(errors[2]) and "'text' must be a string" in str(errors[3])


def test_json_file_with_a_list_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "many.json").write_text(json.dumps([{"text": ARTICLE}]))
    _, errors = docs_and_errors([tmp_path / "many.json"])
    assert "JSON object" in str(errors[0])


def test_page_over_the_size_limit_is_refused_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_text("<html><body>" + "<p>kata</p>" * 2000 + "</body></html>")
    _, errors = docs_and_errors([tmp_path / "big.html"], max_bytes=10_000)
    assert "--max-bytes" in str(errors[0])


def test_gzip_bomb_is_stopped_at_the_limit(tmp_path: Path) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5_000_000))
    _, errors = docs_and_errors([tmp_path / "bomb.txt.gz"], max_bytes=100_000)
    assert "limit" in str(errors[0])


def test_corrupt_gzip_and_corrupt_warc_are_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "bad.warc").write_text("this is not a warc file\n")
    _, errors = docs_and_errors([tmp_path / "bad.txt.gz", tmp_path / "bad.warc"])
    assert [e.path.rsplit("/", 1)[-1] for e in errors] == ["bad.txt.gz", "bad.warc"]


def test_looks_like_html() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body></body></html>")
    assert looks_like_html("  <div><p>Halo</p></div>")
    assert not looks_like_html("Menteri bertemu <b>rekan</b> di Hanoi")
