"""Near-duplicate reports: wire copy re-run by several outlets with small edits.

Candidates come from MinHash LSH (datasketch) over word shingles; each candidate pair is then
checked exactly: two reports are duplicates when the Jaccard similarity of their shingle sets
reaches the threshold, or when one is contained in the other to that degree and the shorter is at
least half as long (a re-run with a paragraph trimmed or added). Which pairs are found does not
depend on the order of the input: MinHash seeds are fixed and reports are indexed in id order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from ..model import normalise_for_hash

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DedupOptions:
    """How near two reports must be to count as copies of one another."""

    threshold: float = 0.8  # Jaccard or containment of shingle sets
    shingle_words: int = 4
    num_perm: int = 128
    min_length_ratio: float = 0.5  # containment counts only if shorter/longer shingle count >= this
    seed: int = 1


def shingles(text: str, size: int = 4) -> set[str]:
    """The set of `size`-word windows of the normalised text (the whole text if it is shorter)."""
    words = WORD.findall(normalise_for_hash(text))
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def similarity(a: set[str], b: set[str], min_length_ratio: float = 0.5) -> float:
    """max(Jaccard, containment) of two shingle sets; containment only for comparable lengths."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    jaccard = inter / len(a | b)
    shorter, longer = sorted((len(a), len(b)))
    if shorter / longer < min_length_ratio:
        return jaccard
    return max(jaccard, inter / shorter)


def _minhash(items: set[str], options: DedupOptions) -> MinHash:
    mh = MinHash(num_perm=options.num_perm, seed=options.seed)
    mh.update_batch([s.encode("utf-8") for s in sorted(items)])
    return mh


def _lsh_threshold(threshold: float) -> float:
    """A looser LSH threshold so containment pairs (lower Jaccard) still become candidates."""
    return max(0.1, min(0.3, threshold / 2))


def duplicate_pairs(docs: Sequence[tuple[str, str]], options: DedupOptions | None = None
                    ) -> list[tuple[str, str, float]]:
    """Every pair of near-duplicate reports as (smaller id, larger id, similarity), sorted."""
    options = options or DedupOptions()
    ids = [doc_id for doc_id, _ in docs]
    if len(set(ids)) != len(ids):
        raise ValueError("report ids must be unique")
    sets = {doc_id: shingles(text, options.shingle_words) for doc_id, text in docs}
    lsh = MinHashLSH(threshold=_lsh_threshold(options.threshold), num_perm=options.num_perm)
    hashes = {}
    for doc_id in sorted(sets):
        if sets[doc_id]:
            hashes[doc_id] = _minhash(sets[doc_id], options)
            lsh.insert(doc_id, hashes[doc_id])
    pairs = []
    for doc_id in sorted(hashes):
        for other in sorted(lsh.query(hashes[doc_id])):
            if other <= doc_id:
                continue
            score = similarity(sets[doc_id], sets[other], options.min_length_ratio)
            if score >= options.threshold:
                pairs.append((doc_id, other, score))
    return pairs


def find_duplicates(docs: Sequence[tuple[str, str]], threshold: float = 0.8,
                    options: DedupOptions | None = None) -> dict[str, str]:
    """Map each duplicate report id to the id of the first copy (in input order) of its group.

    `docs` is (id, text) pairs, best given oldest first: the first report of a group of copies is
    kept as the original and the others map to it. Groups join transitively (A~B and B~C).
    """
    options = options or DedupOptions(threshold=threshold)
    position = {doc_id: n for n, (doc_id, _) in enumerate(docs)}
    parent = {doc_id: doc_id for doc_id in position}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in duplicate_pairs(docs, options):
        ra, rb = root(a), root(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=position.__getitem__)
            parent[second] = first
    return {doc_id: root(doc_id) for doc_id in position if root(doc_id) != doc_id}
