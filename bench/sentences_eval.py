"""Score `pantau.stages.sentences.split_sentences` on the UD Indonesian treebanks (sentence boundaries).

Reads ../shared/data/ud-id-*/*.conllu at run time (override with --data). The `# text =` lines are the
gold sentences. The treebanks carry no `# newdoc` marks, so a "document" is the consecutive sentences
sharing a PUD document id (`n01001` of `n01001011`), and otherwise a run of `--chunk` consecutive
sentences. A document is its sentences joined with one space; a boundary is the offset where a sentence
ends inside the document (its final end is not counted). Prints precision / recall / F1 per treebank
file and overall, and with --errors a few missed and spurious boundaries in context.

    .venv/bin/python bench/sentences_eval.py [--data DIR] [--chunk 10] [--errors 10]
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pantau.stages.sentences import split_sentences

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PUD_DOC = re.compile(r"([nw]\d{5})\d+")


@dataclass
class Score:
    """Boundary counts, with a few examples of each kind of error."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.missed += other.missed
        self.spurious += other.spurious

    def line(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{name:32s} P={p:.4f} R={r:.4f} F1={f:.4f} (tp={self.tp} fp={self.fp} fn={self.fn})"


def read_documents(path: Path, chunk: int) -> Iterator[list[str]]:
    """Gold sentences of `path`, grouped into documents."""
    doc: list[str] = []
    key: str | None = None
    sent_id = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line.removeprefix("# sent_id = ").strip()
        elif line.startswith("# text = "):
            pud = PUD_DOC.fullmatch(sent_id)
            new_key = pud.group(1) if pud else None
            if doc and (new_key != key or (new_key is None and len(doc) >= chunk)):
                yield doc
                doc = []
            key = new_key
            doc.append(line.removeprefix("# text = ").strip())
    if doc:
        yield doc


def score_document(sentences: list[str]) -> tuple[Score, int]:
    """Boundary score of the splitter on one document; also its length in characters."""
    text = " ".join(sentences)
    gold, offset = set(), 0
    for sentence in sentences[:-1]:
        offset += len(sentence)
        gold.add(offset)
        offset += 1
    predicted = {s.end for s in split_sentences(text)} - {len(text)}
    score = Score(len(gold & predicted), len(predicted - gold), len(gold - predicted))
    score.missed = [f"{text[max(0, b - 50):b]}| {text[b + 1:b + 40]}" for b in sorted(gold - predicted)]
    score.spurious = [f"{text[max(0, b - 50):b]}| {text[b:b + 40]}" for b in sorted(predicted - gold)]
    return score, len(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--chunk", type=int, default=10)
    parser.add_argument("--errors", type=int, default=0, help="show this many missed and spurious boundaries")
    args = parser.parse_args()
    total, chars, seconds = Score(), 0, 0.0
    for path in sorted(args.data.glob("ud-id-*/*.conllu")):
        file_score = Score()
        for sentences in read_documents(path, args.chunk):
            started = time.perf_counter()
            score, length = score_document(sentences)
            seconds += time.perf_counter() - started
            chars += length
            file_score.add(score)
        print(file_score.line(path.name))
        total.add(file_score)
    print(total.line("ALL"))
    print(f"speed: {seconds / max(chars, 1) * 2000 * 1000:.3f} ms per 2,000 characters (scoring included)")
    for kind, examples in (("missed", total.missed), ("spurious", total.spurious)):
        for example in examples[: args.errors]:
            print(f"{kind}: {example}")


if __name__ == "__main__":
    main()
