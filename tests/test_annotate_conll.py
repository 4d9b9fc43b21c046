"""The CoNLL benchmark's reading and scoring arithmetic, on a tiny file written here."""

from __future__ import annotations

from pathlib import Path

from bench.tasks.ner import char_to_tokens, gold_document, iob_spans, read_conll, score, token_offsets

SAMPLE = """-DOCSTART- -X- O O

Omar NNP I-NP I-PER
Haddad NNP I-NP I-PER
visited VBD I-VP O
Tunis NNP I-NP I-LOC
. . O O

-DOCSTART- -X- O O

Red NNP I-NP I-ORG
Crescent NNP I-NP I-ORG
Aid NNP I-NP B-ORG
"""


def test_read_conll_splits_documents(tmp_path: Path) -> None:
    path = tmp_path / "sample.conll"
    path.write_text(SAMPLE, encoding="utf-8")
    docs = read_conll(path)
    assert [len(d.sentences) for d in docs] == [1, 1]
    assert gold_document(docs[0]) == {(0, 0, 2, "PER"), (0, 3, 4, "LOC")}
    assert gold_document(docs[1]) == {(0, 0, 2, "ORG"), (0, 2, 3, "ORG")}


def test_iob_spans_handles_iob1_and_iob2() -> None:
    assert list(iob_spans(["I-PER", "I-PER", "O", "B-LOC", "I-LOC"])) == [(0, 2, "PER"), (3, 5, "LOC")]
    assert list(iob_spans(["I-ORG", "I-LOC"])) == [(0, 1, "ORG"), (1, 2, "LOC")]


def test_char_spans_widen_to_whole_tokens() -> None:
    offsets = token_offsets(["New", "York-based", "firm"])
    assert char_to_tokens(offsets, 0, 8) == (0, 2)
    assert char_to_tokens(offsets, 15, 19) == (2, 3)


def test_score_counts_exact_matches_only() -> None:
    gold = {(0, 0, 0, 2, "PER"), (0, 0, 3, 4, "LOC")}
    pred = {(0, 0, 0, 2, "PER"), (0, 0, 3, 4, "ORG")}
    result = score(gold, pred)
    assert result["overall_f1"] == 50.0
    assert result["PER_f1"] == 100.0 and result["LOC_f1"] == 0.0
