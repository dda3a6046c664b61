"""Behaviour of the `published` stage: each source, their priority and what is not a publication date."""

from __future__ import annotations

import pytest

from pantau.model import Document, InputHints, Published
from pantau.stages.published import PublicationDater

HTML = (
    '<html><head><meta property="article:published_time" content="2024-05-06T08:00:00+07:00">'
    "<title>Kunjungan</title></head><body><p>Menteri tiba 1 Mei 2024.</p></body></html>"
)


@pytest.fixture(scope="module")
def dater() -> PublicationDater:
    return PublicationDater(max_year=2026)


def doc(raw: str = "Isi berita.", **hints: str) -> Document:
    return Document(id="t", raw=raw, raw_kind="text", hints=InputHints(**hints))


def test_input_date_is_trusted_first(dater: PublicationDater) -> None:
    d = dater(doc("JAKARTA, Senin (3/2/2025) – Isi.", published="2025-02-04", url="https://x.id/2025/02/01/a"))
    assert d.published == Published("2025-02-04", "input")


def test_malformed_input_date_is_ignored_with_a_warning(dater: PublicationDater) -> None:
    d = dater(doc(published="kemarin sore", url="https://x.id/2025/02/01/a"))
    assert d.published == Published("2025-02-01", "url")
    assert any("published" in w for w in d.warnings)


def test_html_metadata_comes_before_the_url(dater: PublicationDater) -> None:
    d = Document(id="t", raw=HTML, raw_kind="html", hints=InputHints(url="https://x.id/2023/01/02/a"))
    assert dater(d).published == Published("2024-05-06", "metadata")
    given = doc("Isi.", html=HTML, url="https://x.id/2023/01/02/a")
    assert dater(given).published == Published("2024-05-06", "metadata")


def test_html_body_date_is_not_metadata(dater: PublicationDater) -> None:
    html = "<html><body><p>Menteri tiba 1 Mei 2024 di Hanoi.</p></body></html>"
    assert dater(Document(id="t", raw=html, raw_kind="html")).published is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.id/2025/10/14/judul-berita", "2025-10-14"),
        ("https://x.id/en/2025/12/336878", "2025-12"),
        ("https://x.id/berita?id=5&date=2025-10-14", "2025-10-14"),
        ("https://x.id/read/judul-berita-20251128212435449.htm", "2025-11-28"),
        ("https://x.id/arsip/20251014/judul", "2025-10-14"),
        ("https://x.id/2025/13/40/judul", None),
        ("https://x.id/read/judul-20251345.htm", None),
        ("https://x.id/berita/8160359/judul", None),
    ],
)
def test_url_dates(dater: PublicationDater, url: str, expected: str | None) -> None:
    d = dater(doc(url=url))
    assert d.published == (Published(expected, "url") if expected else None)


def test_source_url_in_the_text_is_read(dater: PublicationDater) -> None:
    raw = "Judul\n\nIsi berita tentang kerja sama.\nSumber: https://x.vn/thoi-su/judul-20240315101010123.htm\n"
    assert dater(doc(raw)).published == Published("2024-03-15", "url")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Judul berita\nJAKARTA, Kamis (16/10/2025) – Menteri bertemu mitranya.", "2025-10-16"),
        ("Judul berita\nPenulis Satu - Kanal\nSelasa, 14 Okt 2025 15:57 WIB\nJAKARTA - Isi.", "2025-10-14"),
        ("Judul\nNama Penulis • 26 October 2025 14:36\nIsi berita.", "2025-10-26"),
        (" date 2023-10-05 Judul berita yang panjang\nIsi.", "2023-10-05"),
        ("HANOI, Vietnam, 23 Maret (Xinhua) — Latihan Naga 2023 dimulai pada 20 Maret 2023.", "2023-03-23"),
        ("Judul\nRabu, 15 Oktober 2025 - 10:30 WIB\nIsi.", "2025-10-15"),
        ("Title\nPublished: October 26, 2025 at 2:36 PM\nBody.", "2025-10-26"),
        ("Hanoi, March 23 (VNA) - The talks of 2024 opened.", "2024-03-23"),
    ],
)
def test_dateline_and_byline_in_the_header(dater: PublicationDater, raw: str, expected: str) -> None:
    assert dater(doc(raw)).published == Published(expected, "text")


def test_url_month_is_completed_by_the_dateline_day(dater: PublicationDater) -> None:
    d = dater(doc("BANGKOK, Dec 27 — The ministers met.", url="https://x.my/en/2025/12/123456"))
    assert d.published == Published("2025-12-27", "text")


def test_url_day_beats_a_dateline_day(dater: PublicationDater) -> None:
    d = dater(doc("VIENTIANE, Jumat (13/9/2024) – Isi.", url="https://x.id/2024/09/14/judul"))
    assert d.published == Published("2024-09-14", "url")


def test_body_event_date_is_not_the_publication_date(dater: PublicationDater) -> None:
    raw = "Judul berita\n\nPada 28 Juni 2023, para WNI tiba di Jakarta.\nMereka dipulangkan 5 Juli 2023."
    assert dater(doc(raw)).published is None


def test_a_date_inside_a_header_sentence_is_not_a_byline(dater: PublicationDater) -> None:
    raw = "Judul\nMenurut Budi, pada 5 Mei 2025 — isi.\nDi Kuala Lumpur, 26 Oktober 2025. (Foto)\nIsi."
    assert dater(doc(raw)).published is None


def test_no_date_anywhere_leaves_published_empty(dater: PublicationDater) -> None:
    assert dater(doc("Judul\nIsi tanpa tanggal.", url="https://x.id/berita/judul")).published is None
