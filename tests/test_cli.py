"""The `pantau` command: output formats, the failures file, exit codes and the summary line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pantau import __version__
from pantau.cli import main
from pantau.pipeline import STAGE_HELP

ARTICLE = ("Menteri Luar Negeri kedua negara bertemu di Hanoi pada Senin. "
           "Kedua pihak sepakat mengaktifkan kembali hotline militer.\n")

pytestmark = pytest.mark.usefixtures("fast_cli")


def run(args: list[str]):
    return CliRunner().invoke(main, args)


def test_version() -> None:
    result = run(["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_stages_lists_every_stage_in_order() -> None:
    result = run(["stages"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()] == list(STAGE_HELP)


def test_extract_jsonl_to_stdout(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    result = run(["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in recs] == ["a", "b"]
    assert all(r["schema"] == "pantau.document/1" for r in recs)
    assert "processed 2, failed 0" in result.stderr


def test_extract_json_array_to_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out.json"
    result = run(["extract", str(tmp_path / "a.txt"), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0
    recs = json.loads(out.read_text())
    assert isinstance(recs, list) and recs[0]["id"] == "a"


def test_json_format_with_no_documents_is_an_empty_array(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run(["extract", str(tmp_path / "missing.txt"), "--format", "json", "-o", str(out)])
    assert result.exit_code == 1
    assert json.loads(out.read_text()) == []


def test_published_option_fills_records_without_a_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b", "text": ARTICLE, "published": "2024-01-02"}) + "\n")
    result = run(["extract", str(tmp_path), "--published", "2025-10-14"])
    recs = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert recs["a"]["published"] == {"date": "2025-10-14", "from": "input"}
    assert recs["b"]["published"] == {"date": "2024-01-02", "from": "input"}


def test_published_option_rejects_a_non_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run(["extract", str(tmp_path), "--published", "14/10/2025"])
    assert result.exit_code == 2 and "not an ISO date" in result.output


def test_bad_inputs_are_reported_recorded_and_the_rest_processed(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (src / "latin.txt").write_bytes(b"Pertemuan di caf\xe9 Hanoi berlangsung hangat.\n")
    (src / "broken.html").write_text("<html><body><p>Kunjungan resmi ke Phnom Penh<div><p>tanpa penutup")
    (src / "lines.jsonl").write_text(json.dumps({"id": "j1", "text": ARTICLE}) + "\n{oops\n")
    failures = tmp_path / "failures.jsonl"
    out = tmp_path / "out.jsonl"
    result = run(["extract", str(src), str(tmp_path / "absent.txt"), "-o", str(out), "--failures", str(failures)])

    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == ["broken", "good", "latin", "j1"]  # sorted by file name
    rows = [json.loads(line) for line in failures.read_text().splitlines()]
    assert {Path(r["path"]).name for r in rows} == {"binary.txt", "empty.txt", "lines.jsonl", "absent.txt"}
    assert next(r for r in rows if r["path"].endswith("lines.jsonl"))["line"] == 2
    err_lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(err_lines) == 4 and any("lines.jsonl:2:" in line for line in err_lines)
    assert any(line.startswith("warning: ") and "latin.txt" in line for line in result.stderr.splitlines())
    assert f"processed 4, failed 4 (see {failures})" in result.stderr


def test_a_failing_stage_is_recorded_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           pipeline) -> None:
    import pantau.cli
    from pantau.pipeline import Pipeline

    def explode(doc):
        if doc.id == "bad":
            raise RuntimeError("boom")
        return doc

    monkeypatch.setattr(pantau.cli, "build_pipeline",
                        lambda **kw: Pipeline([*pipeline.stages[:1], ("explode", explode)], on_error=kw["on_error"]))
    (tmp_path / "bad.txt").write_text(ARTICLE)
    (tmp_path / "good.txt").write_text(ARTICLE)
    result = run(["extract", str(tmp_path)])
    recs = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert result.exit_code == 1
    assert recs["bad"]["failures"][0]["stage"] == "explode" and "boom" in recs["bad"]["failures"][0]["message"]
    assert "failures" not in recs["good"]
    assert "stage 'explode' failed on document 'bad'" in result.stderr


def test_quiet_suppresses_the_summary(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run(["extract", str(tmp_path), "-q"])
    assert result.exit_code == 0 and "processed" not in result.stderr


def test_a_50_mb_page_is_refused_by_name_and_the_batch_goes_on(tmp_path: Path) -> None:
    with (tmp_path / "huge.html").open("w") as fh:
        fh.write("<html><body>")
        chunk = "<p>" + "kata " * 200 + "</p>\n"
        for _ in range(50_000_000 // len(chunk) + 1):
            fh.write(chunk)
        fh.write("</body></html>")
    (tmp_path / "small.txt").write_text(ARTICLE)
    result = run(["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["small"]
    assert "huge.html" in result.stderr and "--max-bytes" in result.stderr
