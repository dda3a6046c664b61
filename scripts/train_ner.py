"""Train pantau's CRF named-entity recogniser and write `pantau/data/ner-crf.model` plus its metadata.

Usage (from the repository root):

    .venv/bin/python scripts/train_ner.py                 # the shipped model
    .venv/bin/python scripts/train_ner.py --select        # the dev-set comparison behind the choices
    .venv/bin/python scripts/train_ner.py --sample 200 --out-dir /tmp/ner   # quick run (tests)

Decisions:
- Every corpus is re-tokenized with `pantau.ner.tokenize`, projecting IOB tags onto the new tokens, so
  training sees exactly the run-time tokens. NERGRIT splits numerals and hyphenated words ("2 . 000",
  "sumber - sumber"); those are joined back first. Entity spans are then trimmed of edge punctuation
  ("(SBY)" -> "SBY", "PAN)," -> "PAN") unless a closing bracket closes one opened inside the span
  ("Partai Kebangkitan Bangsa (PKB)"). The same normalisation is applied to the evaluation gold.
- Labels: IDNER PER/ORG/LOC -> PERSON/ORG/LOC; NERGRIT PERSON/ORGANISATION/PLACE -> PERSON/ORG/LOC;
  NERP PPL/PLC/IND -> PERSON/LOC/ORG with EVT/FNB dropped.
- The shipped model is trained on the corpora and settings chosen by `--select` on the IDNER dev split
  (`CHOSEN`), on IDNER train + dev plus those corpora, and scored on the untouched IDNER test split
  (entity level: exact span and type).
- Choice (IDNER dev F1, 100 iterations): IDNER alone 0.809; + NERGRIT 0.795 (PERSON up 0.85 -> 0.89,
  ORG and LOC down: its Wikipedia-style PLACE/ORGANISATION conventions differ from IDNER news);
  IDNER x3 + NERGRIT 0.807; + NERP 0.751 and + NERGRIT + NERP 0.749 (ORG falls to 0.61-0.65:
  NERP is lowercased, so it teaches the model that lowercase words can be names, and it tags
  government bodies `O`). So the model is IDNER only, with c1=0.05 c2=0.1 (0.818; c1=0.3 c2=0.001
  0.812; neighbour window 1 0.817, within noise of window 2, which is kept).
- L-BFGS with fixed settings is deterministic; sentences are read in file order.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pycrfsuite

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pantau.ner import FEATURE_SET, LABELS, sentence_features, spans_from_tags, tokenize  # noqa: E402

Sentence = tuple[list[str], list[str]]  # tokens, IOB2 tags
FeatureFilter = Callable[[list[list[str]]], list[list[str]]]

IDNER_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
NERGRIT_MAP = {"PERSON": "PERSON", "ORGANISATION": "ORG", "PLACE": "LOC"}
NERP_MAP = {"PPL": "PERSON", "PLC": "LOC", "IND": "ORG"}


@dataclass(frozen=True)
class Setting:
    """One training configuration: extra corpora, regularisation and feature ablation."""

    name: str
    extra: tuple[str, ...] = ()
    idner_copies: int = 1
    c1: float = 0.1
    c2: float = 0.01
    window: int = 2
    iterations: int = 100


#: The configuration chosen on IDNER dev (see `--select` and the module docstring).
CHOSEN = Setting("idner, c1=0.05 c2=0.1", c1=0.05, c2=0.1)

#: The configurations compared by `--select`.
CANDIDATES = (
    Setting("idner, c1=0.1 c2=0.01"),
    Setting("idner + nergrit", extra=("nergrit",)),
    Setting("idner x3 + nergrit", extra=("nergrit",), idner_copies=3),
    Setting("idner + nerp", extra=("nerp",)),
    Setting("idner + nergrit + nerp", extra=("nergrit", "nerp")),
    Setting("idner, window 1", window=1),
    CHOSEN,
    Setting("idner, c1=0.3 c2=0.001", c1=0.3, c2=0.001),
)


def read_conll(path: Path, label_map: dict[str, str]) -> list[Sentence]:
    """Sentences of a CoNLL file (first column token, last column tag), tags mapped to our labels."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.rstrip("\r").split("\t") if "\t" in line else line.rstrip("\r").split(" ")
        if not line.strip():
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            continue
        tokens.append(cols[0])
        tags.append(_map_tag(cols[-1], label_map))
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def _map_tag(tag: str, label_map: dict[str, str]) -> str:
    """`B-PLACE` -> `B-LOC`; unknown types (EVT, FNB) and `O` -> `O`."""
    prefix, _, kind = tag.partition("-")
    return f"{prefix.upper()}-{label_map[kind]}" if kind in label_map else "O"


def join_split_words(sentence: Sentence) -> Sentence:
    """Undo NERGRIT's splitting of numerals ("2 . 000") and hyphenated words ("sumber - sumber")."""
    tokens, tags = list(sentence[0]), list(sentence[1])
    i = 1
    while i + 1 < len(tokens):
        left, mid, right = tokens[i - 1], tokens[i], tokens[i + 1]
        numeral = mid in ".," and left.isdigit() and right.isdigit()
        hyphen = mid == "-" and left[-1:].isalnum() and right[:1].isalnum()
        if (numeral or hyphen) and not tags[i].startswith("B") and not tags[i + 1].startswith("B"):
            tokens[i - 1 : i + 2] = [left + mid + right]
            tags[i : i + 2] = []
        else:
            i += 1
    return tokens, tags


def retokenize(sentence: Sentence) -> Sentence:
    """Re-split a corpus sentence with the run-time tokenizer, projecting tags and trimming spans."""
    tokens: list[str] = []
    tags: list[str] = []
    for token, tag in zip(*sentence, strict=True):
        for k, (sub, _, _) in enumerate(tokenize(token)):
            tokens.append(sub)
            tags.append(tag if k == 0 or tag == "O" else "I-" + tag[2:])
    out = ["O"] * len(tokens)
    for start, end, label in spans_from_tags(tags):
        start, end = _trim(tokens, start, end)
        if start < end:
            out[start : end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    return tokens, out


def _trim(tokens: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """Drop punctuation at the edges of a span, keeping a `)` whose `(` is inside the span."""
    def punct(i: int) -> bool:
        return not any(c.isalnum() for c in tokens[i])

    while start < end and punct(start):
        start += 1
    while start < end and punct(end - 1):
        if tokens[end - 1] == ")" and "(" in tokens[start : end - 1]:
            break
        end -= 1
    return start, end


def load_corpora(data: Path) -> dict[str, list[Sentence]]:
    """All corpora and splits, re-tokenized and label-mapped, keyed `corpus/split`."""
    files = {
        "idner/train": (data / "idner-news-2k" / "train.txt", IDNER_MAP),
        "idner/dev": (data / "idner-news-2k" / "dev.txt", IDNER_MAP),
        "idner/test": (data / "idner-news-2k" / "test.txt", IDNER_MAP),
        "nergrit/train": (data / "nergrit" / "train_preprocess.txt", NERGRIT_MAP),
        "nergrit/valid": (data / "nergrit" / "valid_preprocess.txt", NERGRIT_MAP),
        "nerp/train": (data / "nerp" / "train_preprocess.txt", NERP_MAP),
        "nerp/valid": (data / "nerp" / "valid_preprocess.txt", NERP_MAP),
    }
    corpora: dict[str, list[Sentence]] = {}
    for key, (path, label_map) in files.items():
        sentences = read_conll(path, label_map)
        if key.startswith("nergrit"):
            sentences = [join_split_words(s) for s in sentences]
        corpora[key] = [retokenize(s) for s in sentences]
    return corpora


def extra_sentences(corpora: dict[str, list[Sentence]], extra: Iterable[str]) -> list[Sentence]:
    """Training sentences of the non-IDNER corpora (their train and validation splits)."""
    return [s for name in extra for split in ("train", "valid") for s in corpora[f"{name}/{split}"]]


def feature_filter(window: int) -> FeatureFilter:
    """Drop neighbour features beyond `window` (an ablation; the run time always uses window 2)."""
    if window >= 2:
        return lambda rows: rows
    far = ("-2w=", "2w=")
    return lambda rows: [[f for f in row if not f.startswith(far)] for row in rows]


def train(sentences: Sequence[Sentence], setting: Setting, model_path: Path) -> float:
    """Train a CRF on `sentences` into `model_path`; returns the training time in seconds."""
    keep = feature_filter(setting.window)
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in sentences:
        trainer.append(keep(sentence_features(tokens)), tags)
    trainer.set_params({
        "c1": setting.c1,
        "c2": setting.c2,
        "max_iterations": setting.iterations,
        "feature.possible_transitions": True,
    })
    began = time.perf_counter()
    trainer.train(str(model_path))
    return time.perf_counter() - began


def evaluate(model_path: Path, sentences: Sequence[Sentence], window: int = 2) -> dict[str, dict[str, float]]:
    """Entity-level precision, recall and F1 (exact span and type), per label and `overall`."""
    keep = feature_filter(window)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    hit_n: Counter[str] = Counter()
    for tokens, tags in sentences:
        gold = set(spans_from_tags(tags))
        pred = set(spans_from_tags(tagger.tag(keep(sentence_features(tokens)))))
        for counter, spans in ((gold_n, gold), (pred_n, pred), (hit_n, gold & pred)):
            counter.update(label for _, _, label in spans)
    tagger.close()
    scores = {label: _prf(hit_n[label], pred_n[label], gold_n[label]) for label in LABELS}
    scores["overall"] = _prf(sum(hit_n.values()), sum(pred_n.values()), sum(gold_n.values()))
    return scores


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall, F1 and support from counts."""
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": gold}


def print_scores(title: str, scores: dict[str, dict[str, float]]) -> None:
    """A small P/R/F1 table."""
    print(title)
    print(f"  {'label':<8} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}")
    for label, s in scores.items():
        print(f"  {label:<8} {s['precision']:7.4f} {s['recall']:7.4f} {s['f1']:7.4f} {s['support']:6d}")


def select(corpora: dict[str, list[Sentence]]) -> None:
    """Train every candidate on IDNER train (+ extra corpora) and print its IDNER dev scores."""
    with tempfile.TemporaryDirectory() as tmp:
        for setting in CANDIDATES:
            path = Path(tmp) / "candidate.model"
            idner = corpora["idner/train"] * setting.idner_copies
            sentences = idner + extra_sentences(corpora, setting.extra)
            seconds = train(sentences, setting, path)
            scores = evaluate(path, corpora["idner/dev"], setting.window)
            o = scores["overall"]
            per = " ".join(f"{k}={v['f1']:.3f}" for k, v in scores.items() if k != "overall")
            print(f"{setting.name:<40} dev P={o['precision']:.4f} R={o['recall']:.4f} F1={o['f1']:.4f}"
                  f"  [{per}]  {len(sentences)} sents, {seconds:.0f} s, {path.stat().st_size / 1e6:.2f} MB")


def metadata(setting: Setting, sample: int | None, n_sentences: int, seconds: float,
             scores: dict[str, dict[str, float]], model_path: Path) -> dict[str, object]:
    """The JSON metadata written beside the model."""
    corpora = ["idner-news-2k train+dev"] if sample is None else [f"idner-news-2k train (first {sample})"]
    if sample is None:
        corpora += [f"{name} train+valid (IndoNLU split)" for name in setting.extra]
    return {
        "model": model_path.name,
        "trainer": f"python-crfsuite {version('python-crfsuite')}, L-BFGS",
        "labels": list(LABELS),
        "tagging": "IOB2",
        "training_data": corpora,
        "training_sentences": n_sentences,
        "attribution": "see NER-ATTRIBUTION.md (idner-news-2k: MIT, Copyright (c) 2020 khairunnisaor)",
        "feature_set": FEATURE_SET,
        "setting": setting.name,
        "c1": setting.c1,
        "c2": setting.c2,
        "iterations": setting.iterations,
        "training_seconds": round(seconds, 1),
        "evaluation": "idner-news-2k test split, entity level (exact span + type), "
        "spans trimmed of edge punctuation",
        "test_scores": scores,
        "trained_on": dt.date.today().isoformat(),
    }


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data",
                        help="folder holding idner-news-2k/, nergrit/, nerp/ (default: ../shared/data)")
    parser.add_argument("--out-dir", type=Path, default=REPO / "pantau" / "data",
                        help="where ner-crf.model and ner-crf.json go (default: pantau/data)")
    parser.add_argument("--sample", type=int, default=None,
                        help="train only on the first N IDNER train sentences (quick check)")
    parser.add_argument("--select", action="store_true",
                        help="compare the candidate settings on IDNER dev instead of training the model")
    args = parser.parse_args(argv)

    corpora = load_corpora(args.data)
    if args.select:
        select(corpora)
        return 0
    setting = CHOSEN
    if args.sample is not None:
        sentences = corpora["idner/train"][: args.sample]
    else:
        idner = corpora["idner/train"] + corpora["idner/dev"]
        sentences = idner * setting.idner_copies + extra_sentences(corpora, setting.extra)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    model_path = args.out_dir / "ner-crf.model"
    seconds = train(sentences, setting, model_path)
    scores = evaluate(model_path, corpora["idner/test"])
    print(f"trained {setting.name} on {len(sentences)} sentences in {seconds:.1f} s; "
          f"model {model_path.stat().st_size / 1e6:.2f} MB at {model_path}")
    print_scores("IDNER test (entity level, exact span + type):", scores)
    meta = metadata(setting, args.sample, len(sentences), seconds, scores, model_path)
    (args.out_dir / "ner-crf.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
