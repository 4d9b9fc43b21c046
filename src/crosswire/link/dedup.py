"""Near-duplicate reports: wire copy re-run by several outlets with small edits.

Candidates come from MinHash LSH (datasketch) over word shingles; each candidate pair is then
checked exactly: two reports are duplicates when the Jaccard similarity of their shingle sets
reaches the threshold, or when one is contained in the other to that degree and the shorter is at
least half as long (a re-run with a paragraph trimmed or added). Which pairs are found does not
depend on the order of the input: MinHash seeds are fixed and reports are indexed in id order.
The store keeps each linked report's signature and every pair found, so a later link signs and
queries only the new reports (`new_duplicate_pairs`) and finds the pairs one pass over all would.
"""

from __future__ import annotations

import base64
import re
import sys
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from datasketch import LeanMinHash, MinHash, MinHashLSH

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
    ids = [doc_id for doc_id, _ in docs]
    if len(set(ids)) != len(ids):
        raise ValueError("report ids must be unique")
    texts = dict(docs)
    pairs, _ = new_duplicate_pairs(texts, {}, lambda wanted: {i: texts[i] for i in wanted}, options)
    return pairs


def encode_signature(mh: MinHash) -> str:
    """A MinHash signature as text (its hash values, little-endian, base64), to keep in the store."""
    return base64.b64encode(mh.hashvalues.astype("<u8").tobytes()).decode("ascii")


def decode_signature(text: str, options: DedupOptions, scheme: str) -> LeanMinHash:
    """A signature kept by `encode_signature`, made with hash `scheme` (the one `_minhash` uses)."""
    values = array("Q")
    values.frombytes(base64.b64decode(text))
    if sys.byteorder == "big":
        values.byteswap()
    return LeanMinHash(seed=options.seed, hashvalues=values, scheme=scheme)


def new_duplicate_pairs(new: dict[str, str], signatures: dict[str, str | None],
                        texts_of: Callable[[Iterable[str]], dict[str, str]], options: DedupOptions | None = None
                        ) -> tuple[list[tuple[str, str, float]], dict[str, str | None]]:
    """Near-duplicate pairs that involve a new report, and the new reports' signatures.

    `new` is the new reports (id -> text); `signatures` the already linked reports' stored signatures
    (None for a report with no words); `texts_of` fetches the texts of linked reports a candidate pair
    needs. Two reports are candidates when they share an LSH band, whichever came first, so the pairs
    found over several additions are those one pass over all of them finds."""
    options = options or DedupOptions()
    sets = {doc_id: shingles(text, options.shingle_words) for doc_id, text in new.items()}
    made = {doc_id: _minhash(items, options) for doc_id, items in sets.items() if items}
    lsh = MinHashLSH(threshold=_lsh_threshold(options.threshold), num_perm=options.num_perm)
    scheme = MinHash(num_perm=options.num_perm, seed=options.seed).scheme
    hashes: dict[str, MinHash | LeanMinHash] = {
        doc_id: decode_signature(sig, options, scheme) for doc_id, sig in signatures.items() if sig and doc_id not in new}
    hashes.update(made)
    for doc_id in sorted(hashes):
        lsh.insert(doc_id, hashes[doc_id])
    candidates = sorted({tuple(sorted((doc_id, other))) for doc_id in sorted(made)
                         for other in lsh.query(made[doc_id]) if other != doc_id})
    needed = {x for pair in candidates for x in pair if x not in sets}
    sets.update({doc_id: shingles(text, options.shingle_words) for doc_id, text in texts_of(sorted(needed)).items()})
    pairs = []
    for a, b in candidates:
        score = similarity(sets[a], sets[b], options.min_length_ratio)
        if score >= options.threshold:
            pairs.append((a, b, score))
    return pairs, {doc_id: encode_signature(made[doc_id]) if doc_id in made else None for doc_id in new}


def duplicate_groups(order: Sequence[str], pairs: Iterable[tuple[str, str, float]]) -> dict[str, str]:
    """Map each duplicate report id to the first (in `order`) of its group; groups join transitively."""
    position = {doc_id: n for n, doc_id in enumerate(order)}
    parent = {doc_id: doc_id for doc_id in position}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in pairs:
        if a not in position or b not in position:
            continue
        ra, rb = root(a), root(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=position.__getitem__)
            parent[second] = first
    return {doc_id: root(doc_id) for doc_id in position if root(doc_id) != doc_id}


def find_duplicates(docs: Sequence[tuple[str, str]], threshold: float = 0.8,
                    options: DedupOptions | None = None) -> dict[str, str]:
    """Map each duplicate report id to the id of the first copy (in input order) of its group.

    `docs` is (id, text) pairs, best given oldest first: the first report of a group of copies is
    kept as the original and the others map to it. Groups join transitively (A~B and B~C).
    """
    options = options or DedupOptions(threshold=threshold)
    return duplicate_groups([doc_id for doc_id, _ in docs], duplicate_pairs(docs, options))
