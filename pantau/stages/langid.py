"""Stage `language`: reads doc.hints.language, doc.text (doc.raw when the text is empty); writes doc.language.

`doc.language` is an ISO 639-1 code ("id", "en", "ms", "vi", ...) or None when the text has no letters.

Decisions, in order:

1. A language given by the input record (`doc.hints.language`) wins; it is normalised to its lower-case
   primary subtag ("id-ID" -> "id").
2. The sample: the prose lines of the text (at least `PROSE_LINE_CHARS` characters; short lines are
   mostly headings and page furniture) up to `SAMPLE_CHARS` characters, or the start of the text when
   they add up to less than `PROSE_MIN_CHARS`. Lingua costs about 0.45 ms per 1,000 characters, so the
   cap keeps the stage near 1 ms per document while giving lingua enough text (short Indonesian strings
   often come out as Malay).
3. Scripts lingua does not model, or models at a memory cost we do not want to pay, are decided by
   counting letters: when more than half of the letters belong to the Thai, Lao, Khmer, Myanmar, Hangul
   or Han (with kana) script, the language is that script's ("th", "lo", "km", "my", "ko", "zh"; Han text
   with any kana is "ja"). Lingua 2.1 has no Khmer, Lao or Burmese model, and its Thai and Chinese models add
   about 15 MB of RSS for what a script count already tells.
4. Everything else goes to lingua (high-accuracy mode, models preloaded once in the constructor) restricted
   to the Latin-script languages of the region's news: Indonesian, Malay, English, Vietnamese, Tagalog.
   Measured: about +80 MB RSS and 0.4 s to build.
5. Indonesian vs Malay. Lingua's confidences saturate on long text (an Indonesian report about Malaysia,
   full of Malaysian names and titles, scores ms 1.0 / id 0.0), so a confidence gap alone cannot settle
   it. When lingua's best guess is "id" or "ms", the standard spellings that differ between Indonesian and
   Malaysian Malay decide (bahwa/bahawa, karena/kerana, pemerintah/kerajaan, persen/peratus,
   Agustus/Ogos, -itas/-iti ...): more Indonesian forms -> "id", more Malay forms -> "ms". On a tie,
   "ms" needs a clear lingua lead (`MALAY_LEAD`, 0.9: short Indonesian news paragraphs with no
   distinctive spelling were measured at ms 0.89 / id 0.11, while Malaysian Malay sentences score
   about 0.99 / 0.01); otherwise "id", the project's first language and by far the most frequent one
   in its input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lingua import Language, LanguageDetectorBuilder

from ..model import Document

SAMPLE_CHARS = 2000
PROSE_LINE_CHARS = 40
PROSE_MIN_CHARS = 200
MALAY_LEAD = 0.9

LINGUA_LANGUAGES: tuple[Language, ...] = (
    Language.INDONESIAN,
    Language.MALAY,
    Language.ENGLISH,
    Language.VIETNAMESE,
    Language.TAGALOG,
)

# Scripts decided without lingua, as (ISO 639-1 code, character class).
SCRIPT_LANGUAGES: tuple[tuple[str, str], ...] = (
    ("th", "\u0e00-\u0e7f"),
    ("lo", "\u0e80-\u0eff"),
    ("km", "\u1780-\u17ff\u19e0-\u19ff"),
    ("my", "\u1000-\u109f\uaa60-\uaa7f"),
    ("ko", "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"),
    ("zh", "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"),
)

# Standard spellings that differ between Indonesian and Malaysian Malay (Kamus Besar Bahasa Indonesia vs
# Kamus Dewan usage). Words used alike in both, or with another meaning in the other language (Indonesian
# "kerajaan" = kingdom, "pejabat" = official), and names and titles are left out on purpose.
INDONESIAN_FORMS = frozenset({
    "bahwa", "karena", "yaitu", "uang", "pemerintah", "pemerintahan", "saja", "bisa", "mau", "kantor",
    "polisi", "tentara", "internasional", "persen", "miliar", "triliun", "serikat", "setelah", "kamis",
    "jumat", "maret", "juni", "juli", "agustus", "desember", "nopember", "konferensi", "kunjungan",
})
INDONESIAN_SUFFIX = "itas"  # kualitas, stabilitas, prioritas; Malay writes -iti (kualiti) or another word
MALAY_FORMS = frozenset({
    "bahawa", "kerana", "iaitu", "wang", "sahaja", "mahu", "polis", "tentera", "antarabangsa", "peratus",
    "bilion", "trilion", "syarikat", "selepas", "menerusi", "khamis", "jumaat", "ahad", "mac", "jun",
    "julai", "ogos", "disember", "persidangan", "lawatan", "mesyuarat", "jawatankuasa", "kualiti",
    "aktiviti", "universiti", "komuniti", "kapasiti", "integriti", "identiti",
})

WORD = re.compile(r"[^\W\d_]+")
KANA = re.compile("[\u3040-\u30ff]")
PROSE_LINE = re.compile(rf"[^\n]{{{PROSE_LINE_CHARS},}}")
NON_LATIN = re.compile("[" + "".join(chars for _, chars in SCRIPT_LANGUAGES) + "]")
SCRIPT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (code, re.compile(f"[{chars}]")) for code, chars in SCRIPT_LANGUAGES
)


def normalise_code(code: str | None) -> str | None:
    """Lower-case primary subtag of a language tag ("id-ID" -> "id"); None for a blank tag."""
    if code is None:
        return None
    primary = code.strip().lower().replace("_", "-").split("-")[0]
    return primary or None


def language_sample(text: str) -> str:
    """Up to SAMPLE_CHARS characters of the text's prose lines, or of its start when they are too few."""
    prose = "\n".join(PROSE_LINE.findall(text[: SAMPLE_CHARS * 4]))
    return (prose if len(prose) >= PROSE_MIN_CHARS else text)[:SAMPLE_CHARS]


def script_language(sample: str, letters: int) -> str | None:
    """The language of a non-Latin script that holds more than half of the sample's letters, if any."""
    if not NON_LATIN.search(sample):
        return None
    count, code = max((len(pattern.findall(sample)), code) for code, pattern in SCRIPT_PATTERNS)
    if count * 2 <= letters:
        return None
    return "ja" if code == "zh" and KANA.search(sample) else code


def spelling_balance(words: Sequence[str]) -> int:
    """Indonesian-only spellings minus Malaysian-Malay-only spellings among `words` (lower-cased)."""
    indonesian = sum(w in INDONESIAN_FORMS or (len(w) > 6 and w.endswith(INDONESIAN_SUFFIX)) for w in words)
    return indonesian - sum(w in MALAY_FORMS for w in words)


def indonesian_or_malay(words: Sequence[str], id_confidence: float, ms_confidence: float) -> str:
    """Settle "id" vs "ms" by spelling; on a tie "ms" needs a MALAY_LEAD lead in lingua's confidence."""
    balance = spelling_balance(words)
    if balance:
        return "id" if balance > 0 else "ms"
    return "ms" if ms_confidence - id_confidence >= MALAY_LEAD else "id"


class LanguageDetector:
    """Document-level language identification; the lingua models are built once, here."""

    def __init__(self) -> None:
        self._lingua = (
            LanguageDetectorBuilder.from_languages(*LINGUA_LANGUAGES).with_preloaded_language_models().build()
        )

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of `text`'s language, or None when it has no letters or lingua cannot tell."""
        sample = language_sample(text)
        words = WORD.findall(sample.lower())
        letters = sum(map(len, words))
        if not letters:
            return None
        by_script = script_language(sample, letters)
        if by_script:
            return by_script
        confidences = {
            value.language: value.value for value in self._lingua.compute_language_confidence_values(sample)
        }
        best = max(confidences, key=lambda language: confidences[language], default=None)
        if best is None or confidences[best] == 0.0:
            return None
        if best in (Language.INDONESIAN, Language.MALAY):
            return indonesian_or_malay(
                words, confidences.get(Language.INDONESIAN, 0.0), confidences.get(Language.MALAY, 0.0)
            )
        return best.iso_code_639_1.name.lower()

    def __call__(self, doc: Document) -> Document:
        doc.language = normalise_code(doc.hints.language) or self.detect(doc.text or doc.raw)
        return doc
