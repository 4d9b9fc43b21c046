"""CoNLL-2003 English dev set (eng.testa): entity F1 of crosswire's annotate pipeline.

Each sentence is given to the pipeline on its own (tokens joined by single spaces); predicted
entities are mapped back to CoNLL tokens by character offsets; spaCy's labels are mapped to CoNLL's
four types. Scoring is exact span + type match (the CoNLL convention), overall and per type.
`limit` counts documents (delimited by -DOCSTART-), so document-level steps see whole documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import prf

GATE_LIMIT = 60  # documents; about a quarter of the dev set
UNGATED = frozenset({"documents", "gold_entities"})  # sample sizes

LABEL_MAP = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "LAW": "MISC", "LANGUAGE": "MISC", "WORK_OF_ART": "MISC",
    "PRODUCT": "MISC",
}
TYPES = ("PER", "ORG", "LOC", "MISC")

Entity = tuple[int, int, int, str]  # sentence index, first token, end token (exclusive), type


@dataclass
class ConllDoc:
    sentences: list[list[str]] = field(default_factory=list)
    tags: list[list[str]] = field(default_factory=list)


def read_conll(path: Path) -> list[ConllDoc]:
    """Documents of a CoNLL-2003 file; the first document may lack its -DOCSTART- line."""
    docs: list[ConllDoc] = [ConllDoc()]
    words: list[str] = []
    tags: list[str] = []

    def close_sentence() -> None:
        if words:
            docs[-1].sentences.append(list(words))
            docs[-1].tags.append(list(tags))
            words.clear()
            tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            close_sentence()
        elif parts[0] == "-DOCSTART-":
            close_sentence()
            if docs[-1].sentences:
                docs.append(ConllDoc())
        else:
            words.append(parts[0])
            tags.append(parts[-1])
    close_sentence()
    return [d for d in docs if d.sentences]


def iob_spans(tags: list[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, type) of the entities in IOB1 or IOB2 tags."""
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start >= 0 and (prefix in ("O", "B") or label != kind):
            yield start, i, kind
            start = -1
        if prefix in ("B", "I") and start < 0:
            start, kind = i, label


def token_offsets(words: list[str]) -> list[tuple[int, int]]:
    """Character span of each word in `" ".join(words)`."""
    out, pos = [], 0
    for w in words:
        out.append((pos, pos + len(w)))
        pos += len(w) + 1
    return out


def char_to_tokens(offsets: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The CoNLL tokens a character span covers (widened to whole tokens), or None."""
    first = next((i for i, (s, e) in enumerate(offsets) if e > start), None)
    last = next((i for i in range(len(offsets) - 1, -1, -1) if offsets[i][0] < end), None)
    if first is None or last is None or last < first:
        return None
    return first, last + 1


@dataclass
class Options:
    """Which of crosswire's steps the benchmark runs (all on by default)."""

    truecase: bool = True
    harmonise: bool = True
    gazetteer: bool = True  # town names checked against crosswire's gazetteer


def predict_document(nlp: Any, doc: ConllDoc, aliases: Any = None, truecaser: Any = None,
                     options: Options | None = None) -> set[Entity]:
    """Predicted CoNLL entities of one document, via crosswire's annotator."""
    from crosswire.nlp.entities import (
        NAME_LABELS,
        case_votes,
        harmonise_labels,
        span_to_mention,
        truecase_caps_lines,
    )

    options = options or Options()
    texts = [" ".join(words) for words in doc.sentences]
    votes = case_votes("\n".join(texts))
    model_texts = [truecase_caps_lines(t, truecaser, votes) if options.truecase and truecaser else t
                   for t in texts]
    per_sentence = []
    for text, spacy_doc in zip(texts, nlp.pipe(model_texts), strict=True):
        mentions = [span_to_mention(e, aliases) for e in spacy_doc.ents if e.label_ in NAME_LABELS]
        for m in mentions:
            m.text = text[m.start:m.end]
        per_sentence.append(mentions)
    if options.harmonise:
        per_sentence = harmonise_labels(texts, per_sentence)
    out: set[Entity] = set()
    for si, (words, mentions) in enumerate(zip(doc.sentences, per_sentence, strict=True)):
        offsets = token_offsets(words)
        for m in mentions:
            kind = LABEL_MAP.get(m.label)
            toks = char_to_tokens(offsets, m.start, m.end) if kind else None
            if kind and toks:
                out.add((si, toks[0], toks[1], kind))
    return out


def gold_document(doc: ConllDoc) -> set[Entity]:
    return {(si, s, e, k) for si, tags in enumerate(doc.tags) for s, e, k in iob_spans(tags)}


def score(gold: set[tuple], pred: set[tuple]) -> dict[str, float]:
    """Overall and per-type precision/recall/F1 as percentages."""
    out: dict[str, float] = {}
    for kind in (None, *TYPES):
        g = {x for x in gold if kind is None or x[-1] == kind}
        p = {x for x in pred if kind is None or x[-1] == kind}
        tp = len(g & p)
        prec, rec, f1 = prf(tp, len(p) - tp, len(g) - tp)
        name = "overall" if kind is None else kind
        out[f"{name}_f1"] = round(100 * f1, 2)
        if kind is None:
            out["precision"], out["recall"] = round(100 * prec, 2), round(100 * rec, 2)
    return out


def run(data: Path, limit: int | None = None, options: Options | None = None,
        nlp: Any = None) -> dict[str, float]:
    """Entity F1 on eng.testa (the first `limit` documents) of crosswire's annotate pipeline."""
    from crosswire.nlp.entities import Truecaser
    from crosswire.resources import Resources

    docs = read_conll(data / "conll2003" / "eng.testa")[:limit]
    resources = Resources()
    nlp = nlp if nlp is not None else resources.nlp
    if options is None or options.gazetteer:
        from crosswire.nlp.entities import attach_gazetteer

        attach_gazetteer(nlp, resources.gazetteer)
    truecaser = Truecaser.from_nlp(nlp)
    gold: set[tuple] = set()
    pred: set[tuple] = set()
    for di, doc in enumerate(docs):
        gold |= {(di, *e) for e in gold_document(doc)}
        pred |= {(di, *e) for e in predict_document(nlp, doc, resources.aliases, truecaser, options)}
    result = score(gold, pred)
    result["documents"] = len(docs)
    result["gold_entities"] = len(gold)
    return result


if __name__ == "__main__":
    import argparse
    import json

    from bench.common import shared_dir

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    print(json.dumps(run(shared_dir(), args.limit), indent=2))
