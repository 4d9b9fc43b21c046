"""Story clustering: which reports tell the same story.

Each report becomes a TF-IDF vector of its content words. Candidate pairs come from blocking
(an inverted index on each report's top terms and on its entity and place keys, skipping keys so
common they say nothing, and never bigger than `max_block_size`), so the work grows linearly with the
number of reports. A pair's
score is the cosine of their vectors, plus a bonus for shared entities and places, damped when the
reports were published far apart. Average-link agglomerative clustering over the candidate graph
then merges clusters while their mean pairwise score stays above a threshold.

The result does not depend on input order: reports are processed in id order, ties break on ids,
and a story's id is derived from its smallest member id.

Adding reports (`recluster_stories`) re-clusters only the stories the new reports touch: the new
reports, the reports that share a block with one and score at least the threshold with it (no merge
happens without such a pair), and every member of those reports' stories; the other stories keep
their members and ids. Vectors, blocks and the cap are computed over every report, as a pass from
scratch computes them; a kept story was clustered under the term weights of its own link, which the
new reports shift a little (`crosswire link --full` clusters every report under today's).
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations

WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]{2}")

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over own
said same says she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves one two three new told according
year years day days week weeks time times people man woman news report reports reported
""".split())

Vector = dict[str, float]


@dataclass
class StoryDoc:
    """What story clustering needs to know about one report."""

    id: str
    text: str
    published: datetime | None = None
    entities: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StoryOptions:
    """Knobs of story clustering (defaults measured on ECB+, GVC and GVA; see bench/RESULTS.md)."""

    threshold: float = 0.10  # mean pairwise score two clusters need to merge
    top_terms: int = 12  # terms per report used as blocking keys
    max_block_share: float = 0.05  # a key shared by more than this share of reports is not a block
    min_block_size: int = 40  # ... unless the block is at most this big anyway
    max_block_size: int = 200  # and never more than this (the share's size at 4,000 reports): linear work
    entity_weight: float = 0.15  # bonus for a shared entity key (scaled by their Jaccard)
    place_weight: float = 0.10  # bonus for a shared place key
    same_days: float = 3.0  # reports this close in time are not damped
    decay_days: float = 7.0  # beyond `same_days`, the score halves every `decay_days`


def tokens(text: str) -> list[str]:
    """Lower-cased content words: letters first, stop words dropped."""
    return [w for w in WORD.findall(text.lower()) if w not in STOPWORDS]


def tfidf_vectors(docs: Sequence[StoryDoc]) -> dict[str, Vector]:
    """Unit-length TF-IDF vectors (sublinear tf, smoothed idf) of each report's content words."""
    counts = {d.id: Counter(tokens(d.text)) for d in docs}
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    n = len(docs)
    vectors = {}
    for doc_id, c in counts.items():
        vec = {t: (1 + math.log(k)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, k in c.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors[doc_id] = {t: v / norm for t, v in sorted(vec.items())}
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


def _keys(values: Sequence[str]) -> set[str]:
    return {" ".join(v.lower().split()) for v in values if v.strip()}


def _blocking_keys(doc: StoryDoc, vector: Vector, options: StoryOptions) -> set[str]:
    top = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:options.top_terms]
    keys = {"t:" + t for t, _ in top}
    keys |= {"e:" + k for k in _keys(doc.entities)}
    keys |= {"p:" + k for k in _keys(doc.places)}
    return keys


def block_index(docs: Sequence[StoryDoc], vectors: dict[str, Vector], options: StoryOptions
                ) -> list[list[str]]:
    """The informative blocks (members in id order): keys shared by more than one report and at most
    the cap (`max_block_share` of the reports, at least `min_block_size`, at most `max_block_size`)."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: d.id):
        for key in _blocking_keys(doc, vectors[doc.id], options):
            blocks[key].append(doc.id)
    cap = min(options.max_block_size, max(options.min_block_size, int(options.max_block_share * len(docs))))
    return [members for _, members in sorted(blocks.items()) if 1 < len(members) <= cap]


def candidate_pairs(docs: Sequence[StoryDoc], vectors: dict[str, Vector], options: StoryOptions
                    ) -> set[tuple[str, str]]:
    """Pairs (smaller id, larger id) of reports sharing at least one informative blocking key."""
    pairs: set[tuple[str, str]] = set()
    for members in block_index(docs, vectors, options):
        pairs.update(combinations(members, 2))
    return pairs


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def time_factor(a: datetime | None, b: datetime | None, options: StoryOptions) -> float:
    """1.0 for reports close in time (or undated), halving every `decay_days` beyond `same_days`."""
    if a is None or b is None:
        return 1.0
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    days = abs((a - b).total_seconds()) / 86400
    if days <= options.same_days:
        return 1.0
    return 0.5 ** ((days - options.same_days) / options.decay_days)


def pair_score(a: StoryDoc, b: StoryDoc, vectors: dict[str, Vector], options: StoryOptions) -> float:
    """Content cosine plus shared entity/place bonuses, damped by distance in time."""
    return _score(a, b, vectors, _doc_keys(a), _doc_keys(b), options)


def _doc_keys(doc: StoryDoc) -> tuple[set[str], set[str]]:
    return _keys(doc.entities), _keys(doc.places)


def _score(a: StoryDoc, b: StoryDoc, vectors: dict[str, Vector], a_keys: tuple[set[str], set[str]],
           b_keys: tuple[set[str], set[str]], options: StoryOptions) -> float:
    score = cosine(vectors[a.id], vectors[b.id])
    score += options.entity_weight * _jaccard(a_keys[0], b_keys[0])
    score += options.place_weight * _jaccard(a_keys[1], b_keys[1])
    return score * time_factor(a.published, b.published, options)


def average_link(ids: Sequence[str], scores: dict[tuple[str, str], float], threshold: float
                 ) -> list[list[str]]:
    """Average-link agglomerative clustering over a sparse score graph (absent pairs score 0)."""
    members = {i: [i] for i in ids}
    links: dict[str, dict[str, float]] = {i: {} for i in ids}
    for (a, b), s in scores.items():
        links[a][b] = links[b][a] = s
    heap = [(-s, a, b) for (a, b), s in scores.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        if not math.isclose(-neg, links[a].get(b, 0.0) / (len(members[a]) * len(members[b]))):
            continue  # stale entry: one side grew since it was pushed
        _merge(a, b, members, links)
        for other, total in links[a].items():
            mean = total / (len(members[a]) * len(members[other]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, *sorted((a, other))))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def _merge(a: str, b: str, members: dict[str, list[str]], links: dict[str, dict[str, float]]) -> None:
    """Fold cluster b into cluster a (a keeps its name: the smaller id), summing their links."""
    members[a].extend(members.pop(b))
    for other, total in links.pop(b).items():
        links[other].pop(b, None)
        if other == a:
            continue
        links[a][other] = links[a].get(other, 0.0) + total
        links[other][a] = links[a][other]
    links[a].pop(b, None)


def story_id(member_ids: Sequence[str]) -> str:
    """A stable story id: "s" + a hash of the smallest member id."""
    return "s" + hashlib.sha1(min(member_ids).encode("utf-8")).hexdigest()[:12]


def cluster_stories(docs: Sequence[StoryDoc], options: StoryOptions | None = None) -> dict[str, str]:
    """Map each report id to the id of the story it belongs to."""
    return recluster_stories(docs, {}, {d.id for d in docs}, options)


def recluster_stories(docs: Sequence[StoryDoc], previous: dict[str, str], new: set[str],
                      options: StoryOptions | None = None) -> dict[str, str]:
    """Every report's story after the `new` reports joined `docs` (all reports, new ones included);
    `previous` holds the stories of the others. Only the stories the new reports touch are
    re-clustered (see the module docstring)."""
    options = options or StoryOptions()
    ordered = sorted(docs, key=lambda d: d.id)
    if len({d.id for d in ordered}) != len(ordered):
        raise ValueError("report ids must be unique")
    by_id = {d.id: d for d in ordered}
    new = set(new) | {doc_id for doc_id in by_id if doc_id not in previous}  # a report with no story is new
    vectors = tfidf_vectors(ordered)
    blocks = block_index(ordered, vectors, options)
    keys = {d.id: _doc_keys(d) for d in ordered}  # normalised once per report, not once per pair

    known: dict[tuple[str, str], float] = {}

    def score(a: str, b: str) -> float:
        if (a, b) not in known:
            known[(a, b)] = _score(by_id[a], by_id[b], vectors, keys[a], keys[b], options)
        return known[(a, b)]

    redo = _touched(blocks, previous, new, score, options.threshold)
    pairs = {pair for members in blocks for pair in combinations([m for m in members if m in redo], 2)}
    scores = {}
    for a, b in sorted(pairs):
        value = score(a, b)
        if value > 0:
            scores[(a, b)] = value
    clusters = average_link(sorted(redo), scores, options.threshold)
    out = {doc_id: previous[doc_id] for doc_id in by_id if doc_id not in redo and doc_id in previous}
    out.update({doc_id: story_id(cluster) for cluster in clusters for doc_id in cluster})
    return out


def _touched(blocks: list[list[str]], previous: dict[str, str], new: set[str],
             score: Callable[[str, str], float], threshold: float) -> set[str]:
    """The reports to re-cluster: the new ones, the reports a new one shares a block with and scores at
    least the threshold with (a merge needs such a pair: a cluster's mean score with another is at most its
    best pair's), and every member of those reports' stories."""
    if not previous:
        return set(new)
    near = set(new)
    for members in blocks:
        fresh = [m for m in members if m in new]
        for n in fresh:
            near.update(m for m in members if m not in near and score(*sorted((n, m))) >= threshold)
    stories = {previous[x] for x in near if x in previous}
    return near | {x for x, sid in previous.items() if sid in stories}
