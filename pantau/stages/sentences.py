"""Stage `sentences`: reads doc.text, writes doc.sentences (the evidence unit of every later stage).

Sentences are `Sentence(start, end)` offsets into the text: trimmed of surrounding whitespace, ordered,
non-overlapping, and together covering every non-space character.

Decisions:

- Line breaks (and so blank lines) are hard boundaries: scraped pages put headings, captions and
  bylines on their own line without end punctuation.
- Inside a line a sentence ends after ".", "?", "!", "..." or "…" plus any closing quotes and brackets
  (`prioritas.” Hun Sen` ends after the quote), when whitespace and a character that is not a lower-case
  letter follow (an opening quote, a bracket, a capital, a digit). A straight quote right after the
  punctuation closes the sentence when whitespace follows it; otherwise it opens the next one.
  A period glued to a capitalised word (`selesai.Kemudian`, a scraping artefact) is a boundary too.
- A quotation that opens and closes on the same line (“...” or "...") is not cut inside, so a quoted
  statement stays with its attribution (`“Kami siap. Kami datang,” ujarnya.` is one sentence), as in the
  UD Indonesian treebanks; an unclosed quote does not hold the rest of the line together.
- A period is not a boundary after:
  - a title, rank or other abbreviation that precedes what it modifies (`TITLES`: "Jend.", "Dr.",
    "No.", "Rp.", "Mr.") — never;
  - a single letter ("A. Brao") or dotted initials ("U.S.", "a.n.", "H.E.", "S.H.") — never;
  - a postpositive abbreviation (`POSTPOSITIVE`: "dll.", "dsb.", "Inc.", "Dec.") — unless a capital,
    quote or bracket follows, since such lists and names often do end the sentence ("..., dll. Kemudian");
  - a list number or letter opening an item: first on the line or right after a sentence end
    ("1. Pertama", "... ini. 2. Kedua").
  Numbers with dots ("681.332", "16.20") and decimal commas never reach the check: no space follows.

The abbreviation lexicon is general, not fitted to any corpus: the Indonesian list follows the common
abbreviations of PUEBI (Pedoman Umum Ejaan Bahasa Indonesia, 2016: dll., dsb., dst., hlm., Yth., a.n.,
s.d., u.p., Sdr., Tn., Ny.), the TNI and Polri rank abbreviations (Jend., Letjen., Mayjen., Brigjen.,
Kol., Letkol., Irjen., Kombes.) and the address/document forms of Indonesian writing (Jl., Kec., Kab.,
No., tgl., Rp.); the English list holds the courtesy, military and political titles, month and company
abbreviations of news style guides (Mr., Gen., Lt., Sen., Gov., Dec., Inc., Ltd., Jr.). Malaysian forms
(Dato', Sdn., Bhd.) are included for the region.
"""

from __future__ import annotations

import re

from ..model import Document, Sentence

# Abbreviations that precede the word they qualify (a name, a number): their period never ends a sentence.
TITLES: frozenset[str] = frozenset({
    # Indonesian courtesy and academic titles, religious titles
    "Bpk", "Bp", "Dr", "dr", "Dra", "Drs", "drg", "Ir", "Prof", "Hj", "Tn", "Ny", "Nn", "Sdr", "Sdri",
    "Yth", "yth", "Ust", "Tgk", "Tb", "Pdt", "Mgr", "Moh", "Muh", "Mochd", "Abd", "Pres", "Dt", "Dato", "Sdn",
    # TNI and Polri ranks
    "Jend", "Jen", "Letjen", "Mayjen", "Brigjen", "Kol", "Letkol", "Mayj", "Kapt", "Lettu", "Letda",
    "Serma", "Serka", "Sertu", "Serda", "Kopda", "Praka", "Laksda", "Laksdya", "Laksma", "Marsda",
    "Marsdya", "Marsma", "Irjen", "Komjen", "Kombes", "Kompol", "Pol", "Ipda", "Iptu", "Bripka",
    # Indonesian addresses, documents and amounts
    "Jl", "Jln", "Gg", "Kec", "Kel", "Kab", "Prov", "Ds", "Kp", "No", "Nmr", "Tel", "Telp", "Fax", "tgl",
    "Tgl", "hlm", "Hlm", "hal", "Hal", "dok", "Dok", "Rp", "RP", "Rs",
    # English titles and forms that precede a name or number
    "Mr", "Mrs", "Ms", "Messrs", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Sgt",
    "Cpl", "Pvt", "Adm", "Brig", "Gov", "Sen", "Rep", "Rev", "Hon", "Amb", "Supt", "Insp", "St", "Mt",
    "Ft", "Dept", "Fig", "Vol", "vol", "pp", "vs", "Nos", "approx", "ca", "cf", "viz", "al",
})

# Abbreviations that close what they qualify: a sentence may end on them, so they end one before a
# capital, quote or bracket, and do not before a lower-case word or a number.
POSTPOSITIVE: frozenset[str] = frozenset({
    # Indonesian
    "dll", "dsb", "dst", "dkk", "sda", "Tbk", "Bhd", "cs",
    # English
    "etc", "Inc", "Ltd", "LLC", "Pte", "Co", "Corp", "Bros", "Jr", "Sr", "Esq", "PhD",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Agu", "Agt", "Okt", "Des",
})

ABBREVIATED = frozenset(f"{word}." for word in TITLES | POSTPOSITIVE)

LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
CLOSERS = "”’»)]}"
QUOTE_OPENERS = "\"“‘'«"
OPENERS = QUOTE_OPENERS + "([{"
# Terminal punctuation, then closing quotes/brackets; a straight quote closes only before a space or the end.
_CLOSER = f"[{re.escape(CLOSERS)}]"
END = re.compile(rf"""(?:\.{{2,}}|…|[.!?]+)(?:{_CLOSER}|["'](?=\s|$|{_CLOSER}))*""")
GLUED = re.compile(r"[a-z]{2}\.(?=[A-Z][a-z])")
TOKEN_WINDOW = 80
INITIALS = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}|[^\W\d_]")
LIST_MARKER = re.compile(r"(?:\d{1,3}|[A-Za-z]|[IVXivx]{1,4})")
NEXT_WORD = re.compile(r"\s*(\S)(\S*)")
QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")


def _continues(line: str, period: int, next_char: str, next_word: str) -> bool:
    """Whether the period at `line[period]`, followed by `next_char + next_word`, leaves the sentence open."""
    prefix = line[max(0, period - TOKEN_WINDOW) : period]
    words = prefix.rsplit(None, 1)
    token = words[-1].lstrip(OPENERS) if words else ""
    if token in TITLES or INITIALS.fullmatch(token):
        return True
    if LIST_MARKER.fullmatch(token) and _opens_item(line[: period - len(token)]):
        return True
    if token not in POSTPOSITIVE:
        return False
    # "Tbk. (BBNI)", "Pte. Ltd.": a ticker, a gloss or another abbreviation continues the name
    starts_sentence = next_char.isupper() or next_char in QUOTE_OPENERS
    return not starts_sentence or next_char + next_word in ABBREVIATED


def _opens_item(before: str) -> bool:
    """Whether a list number or letter after `before` opens an item (line start, or after a sentence end)."""
    before = before.rstrip().rstrip(OPENERS).rstrip()
    return not before or before[-1] in ".!?…" + CLOSERS


def _line_boundaries(line: str) -> list[int]:
    """Offsets inside `line` where a sentence ends (not counting the end of the line)."""
    cuts = [m.end() for m in GLUED.finditer(line) if not _continues(line, m.end() - 1, "A", "")]
    for m in END.finditer(line):
        after = NEXT_WORD.match(line, m.end())
        if after is None or after.start(1) == m.end() or after.group(1).islower():
            continue
        if m.group().rstrip(CLOSERS + "\"'") == "." and _continues(line, m.start(), *after.groups()):
            continue
        cuts.append(m.end())
    quotes = [q.span() for q in QUOTED.finditer(line)]
    return sorted(cut for cut in cuts if not any(start < cut < end for start, end in quotes))


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    """`text[start:end]` without surrounding whitespace, or None when nothing else is left."""
    chunk = text[start:end]
    stripped = chunk.lstrip()
    if not stripped:
        return None
    start += len(chunk) - len(stripped)
    return Sentence(start, start + len(stripped.rstrip()))


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans of `text`, in order (see the module docstring for the rules)."""
    sentences: list[Sentence] = []
    for line in LINE.finditer(text):
        start = line.start()
        for cut in [*_line_boundaries(line.group()), len(line.group())]:
            sentence = _trimmed(text, start, line.start() + cut)
            if sentence:
                sentences.append(sentence)
            start = line.start() + cut
    return sentences


def split_sentences_stage(doc: Document) -> Document:
    """Pipeline stage: fill `doc.sentences` from `doc.text`."""
    doc.sentences = split_sentences(doc.text)
    return doc
