"""Behaviour of the `clean` stage on short hand-written pages (text and HTML)."""

from __future__ import annotations

import pytest

from pantau.model import Document, InputHints
from pantau.stages.clean import Cleaner

BODY_1 = "Menteri pertahanan kedua negara bertemu di Jakarta pada hari Senin untuk membahas patroli bersama."
BODY_2 = "Mereka sepakat memperluas latihan gabungan di perbatasan dan membuka jalur komunikasi militer."
BODY_EN = "The two defence ministers met in Manila on Monday to discuss joint maritime patrols."


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def clean(cleaner: Cleaner, raw: str, kind: str = "text", **hints: str) -> Document:
    return cleaner(Document(id="t", raw=raw, raw_kind=kind, hints=InputHints(**hints)))  # type: ignore[arg-type]


def kinds(doc: Document) -> dict[str, str]:
    return {n.text: n.kind for n in doc.noise}


@pytest.mark.parametrize(("line", "kind"), [
    ("Baca Juga: Presiden tinjau lokasi banjir di Bekasi", "navigation"),
    ("BACA JUGA:Harga beras naik lagi", "navigation"),
    ("📌 Baca juga : Menlu bertemu Dubes", "navigation"),
    ("Read also: Ministers meet in Hanoi", "navigation"),
    ("Baca Selengkapnya", "navigation"),
    ("Lebih baru Lebih lama", "navigation"),
    ("Bagikan", "navigation"),
    ("Facebook Twitter WhatsApp", "navigation"),
    ("[iklan_3]", "ad"),
    ("ADVERTISEMENT", "ad"),
    ("ARTICLE AD BOX", "ad"),
    ("SCROLL TO CONTINUE WITH CONTENT", "ad"),
    ("Komentar (12)", "comment"),
    ("Please Select Embedded Mode To Show The Comment System.*", "comment"),
    ("Sumber: Kantor Berita Contoh", "boilerplate"),
    ("Sumber", "boilerplate"),
    ("Editor: Budi Santoso", "boilerplate"),
    ("✍️ Penulis: BeritaKita99 – Menyajikan kabar terkini setiap hari.", "boilerplate"),
    ("Rina Wulandari - kabarNews", "boilerplate"),
    ("Rina Wulandari • 3 March 2025 09:10", "boilerplate"),
    ("Rabu, 5 Mar 2025 10:12 WIB", "boilerplate"),
    ("3 jam yang lalu", "boilerplate"),
    ("BERITAKITA99", "boilerplate"),
    ("Contohberita.co.id", "boilerplate"),
    ("Laman Utama | Contohberita.com", "boilerplate"),
    ("Para menteri berfoto bersama seusai pertemuan. (Foto: Kantor Berita)", "boilerplate"),
    ("Para menteri berjabat tangan. Foto: AFP", "boilerplate"),
    ("A minister waves to reporters in Manila. REUTERS/Jane Doe", "boilerplate"),
    ("Menteri pertahanan (dok. Kementerian Pertahanan)", "boilerplate"),
    ("Jembatan perbatasan di provinsi utara |", "boilerplate"),
])
def test_furniture_line_is_removed_with_its_kind(cleaner: Cleaner, line: str, kind: str) -> None:
    doc = clean(cleaner, f"{BODY_1}\n{line}\n{BODY_2}")
    assert doc.text == f"{BODY_1}\n\n{BODY_2}"
    assert kinds(doc) == {line: kind}


def test_related_headline_block_is_removed(cleaner: Cleaner) -> None:
    raw = (f"{BODY_1}\n{BODY_2}\nBerita Lainnya\nWarga kota rayakan festival layang-layang\n"
           "1 Januari 2025 10:00 WIB\nHarga cabai turun di pasar induk\n1 Januari 2025 09:30 WIB")
    doc = clean(cleaner, raw)
    assert doc.text == f"{BODY_1}\n\n{BODY_2}"
    assert "Harga cabai turun di pasar induk" in kinds(doc)


def test_site_name_at_the_end_is_removed_but_dateline_prefix_is_kept(cleaner: Cleaner) -> None:
    raw = f"Contohberita.com, JAKARTA – {BODY_1}\n{BODY_2}\nKabarasia"
    doc = clean(cleaner, raw)
    assert doc.text == f"Contohberita.com, JAKARTA – {BODY_1}\n\n{BODY_2}"
    assert kinds(doc) == {"Kabarasia": "boilerplate"}


def test_reporter_initials_and_self_promotion_are_removed(cleaner: Cleaner) -> None:
    promo = "Jangan lewatkan analisis kami sebelumnya melalui tautan di atas."
    doc = clean(cleaner, f"{BODY_1} {promo}\n{BODY_2} (ant)")
    assert doc.text == f"{BODY_1}\n\n{BODY_2}"
    assert kinds(doc) == {promo: "boilerplate", "(ant)": "boilerplate"}


def test_spam_inside_a_sentence_keeps_the_sentence(cleaner: Cleaner) -> None:
    raw = (f"{BODY_1}\n💡 Kesimpulan: Daftar Garuda777 mudah "
           "Kerja sama pertahanan ini membawa manfaat positif.")
    doc = clean(cleaner, raw)
    assert "Kerja sama pertahanan ini membawa manfaat positif." in doc.text
    assert "Garuda777" not in doc.text
    assert kinds(doc) == {"Daftar Garuda777 mudah": "spam"}


def test_spam_anchor_words_are_removed_and_a_spam_line_goes_whole(cleaner: Cleaner) -> None:
    raw = f"{BODY_1} situs slot gacor maxwin hari ini\nSlot gacor maxwin hari ini\n{BODY_2}"
    doc = clean(cleaner, raw)
    assert doc.text == f"{BODY_1}\n\n{BODY_2}"
    assert all(n.kind == "spam" for n in doc.noise)


def test_brand_with_digits_without_a_cue_word_is_kept(cleaner: Cleaner) -> None:
    raw = "Pesawat MH370 hilang pada 2014, kata analis yang dihubungi Kabarasia24 kemarin."
    assert clean(cleaner, raw).text == raw


def test_title_repeated_at_top_and_as_image_alt_appears_once(cleaner: Cleaner) -> None:
    title = "Menhan Kedua Negara Sepakati Patroli Bersama"
    raw = f"{title}\n\n{title}\n{BODY_1}\n{title} - ảnh 1\n{BODY_2}"
    doc = clean(cleaner, raw)
    assert doc.text == f"{title}\n\n{BODY_1}\n\n{BODY_2}"
    assert doc.title == title
    assert [n.kind for n in doc.noise] == ["duplicate", "duplicate"]


def test_title_comes_from_hints_first(cleaner: Cleaner) -> None:
    doc = clean(cleaner, f"Judul Yang Ada Di Halaman\n{BODY_1}", title="Judul dari masukan", url="https://a.id/x")
    assert (doc.title, doc.url) == ("Judul dari masukan", "https://a.id/x")


def test_first_line_that_is_a_sentence_is_not_a_title(cleaner: Cleaner) -> None:
    assert clean(cleaner, f"{BODY_1}\n{BODY_2}").title is None


def test_everyday_words_in_sentences_are_kept(cleaner: Cleaner) -> None:
    raw = ("Komentar presiden itu memicu perdebatan di parlemen pada hari Selasa.\n"
           "Sumber daya air di perbatasan dikelola bersama oleh kedua negara.\n"
           "Foto satelit menunjukkan pembangunan pangkalan baru di pulau itu.\n"
           "Polisi membongkar jaringan judi online di Phnom Penh dan menangkap 40 orang.\n"
           "Dia menunggu slot waktu untuk bertemu menteri luar negeri.")
    doc = clean(cleaner, raw)
    assert doc.text == raw.replace("\n", "\n\n")
    assert doc.noise == []


def test_english_page(cleaner: Cleaner) -> None:
    raw = (f"Ministers Agree On Joint Patrols\n{BODY_EN}\nRead more: Navy drills begin\n"
           "They agreed to share radar data. (Photo: Agency)\nADVERTISEMENT\n"
           "They agreed to share radar data and hold monthly talks.\nComments")
    doc = clean(cleaner, raw)
    assert doc.text == ("Ministers Agree On Joint Patrols\n\n" + BODY_EN
                        + "\n\nThey agreed to share radar data and hold monthly talks.")
    assert doc.title == "Ministers Agree On Joint Patrols"


def test_leading_date_stamp_and_dateline_line(cleaner: Cleaner) -> None:
    doc = clean(cleaner, f" date 2025-03-05 Menhan Sepakati Patroli Bersama\nJakarta -\n\n{BODY_1}")
    assert doc.text == f"Menhan Sepakati Patroli Bersama\n\nJakarta - {BODY_1}"
    assert kinds(doc) == {"date 2025-03-05": "boilerplate"}


def test_hard_wrapped_sentence_is_joined(cleaner: Cleaner) -> None:
    doc = clean(cleaner, "Pada tanggal 5 Maret, untuk pertama kalinya,\n"
                         "kedua negara menggelar patroli bersama.")
    assert doc.text == "Pada tanggal 5 Maret, untuk pertama kalinya, kedua negara menggelar patroli bersama."


PAGE = """<!doctype html><html><head><title>Patroli Bersama - Contoh News</title>
<meta property="og:title" content="Menhan Sepakati Patroli Bersama">
<link rel="canonical" href="https://contoh.id/berita/patroli"></head><body>
<nav><a href="/">Beranda</a> <a href="/politik">Politik</a> <a href="/dunia">Dunia</a></nav>
<aside class="sidebar"><h3>Terpopuler</h3><ul><li><a href="/a">Harga cabai turun tajam</a></li></ul></aside>
<div class="ad-slot">ADVERTISEMENT</div>
<article><h1>Menhan Sepakati Patroli Bersama</h1>
<p>{b1} Para pejabat juga membahas rencana latihan gabungan tahun depan di wilayah perbatasan.</p>
<div class="baca-juga"><p>Baca Juga: Harga cabai turun tajam di pasar</p></div>
<p>Daftar Garuda777 mudah {b2} Kedua pihak akan bertemu lagi dalam tiga bulan ke depan.</p>
<p>Pertemuan berikutnya dijadwalkan berlangsung di Kuala Lumpur dengan agenda keamanan maritim.</p>
</article>
<div id="comments" class="comments"><h3>Komentar (2)</h3><p>Mantap sekali beritanya!</p></div>
<footer>Copyright 2025 Contoh News. All rights reserved.</footer></body></html>"""


def test_html_page_main_text_title_url_and_inline_spam(cleaner: Cleaner) -> None:
    doc = clean(cleaner, PAGE.format(b1=BODY_1, b2=BODY_2), kind="html")
    assert BODY_1 in doc.text and BODY_2 in doc.text
    for junk in ("Beranda", "Terpopuler", "ADVERTISEMENT", "Baca Juga", "Garuda777", "Mantap", "Copyright"):
        assert junk not in doc.text
    assert doc.title == "Menhan Sepakati Patroli Bersama"
    assert doc.url == "https://contoh.id/berita/patroli"
    assert doc.text.count("Menhan Sepakati Patroli Bersama") <= 1


def test_broken_html_falls_back_to_visible_text(cleaner: Cleaner) -> None:
    raw = f"<html><body><div><p>{BODY_1}<p>{BODY_2}<script>var x = 1;</script><div>Komentar (0)"
    doc = clean(cleaner, raw, kind="html")
    assert BODY_1 in doc.text and BODY_2 in doc.text
    assert "var x" not in doc.text and "Komentar" not in doc.text


@pytest.mark.parametrize("raw", ["<html><body></body></html>", "<html>", "<<<>>>", "   "])
def test_empty_or_garbage_html_does_not_crash(cleaner: Cleaner, raw: str) -> None:
    doc = clean(cleaner, raw, kind="html")
    assert doc.text.strip() == doc.text


def test_html_given_alongside_text_supplies_title_and_url(cleaner: Cleaner) -> None:
    html = ('<html><head><title>Menhan Sepakati Patroli</title>'
            '<link rel="canonical" href="https://contoh.id/p"></head><body></body></html>')
    doc = clean(cleaner, f"{BODY_1}\n{BODY_2}", html=html)
    assert doc.title == "Menhan Sepakati Patroli"
    assert doc.url == "https://contoh.id/p"


def test_cleaning_is_idempotent_on_a_noisy_page(cleaner: Cleaner) -> None:
    raw = (f"Menhan Sepakati Patroli Bersama\nMenhan Sepakati Patroli Bersama\nBaca juga: Lain hal\n"
           f"{BODY_1}\n[iklan_1]\n{BODY_2} Daftar Garuda777 mudah\nSumber\nKomentar (0)\nKabarasia")
    first = clean(cleaner, raw)
    again = clean(cleaner, first.text)
    assert again.text == first.text
    assert again.noise == []
