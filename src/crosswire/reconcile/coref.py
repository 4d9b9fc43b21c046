"""Event-mention coreference across reports: which mentions, in reports of one story, tell one event.

Two mentions corefer when they are in the same story (reports clustered first, as `link/stories.py`
does for stored reports), their triggers share a head lemma with its derivational ending folded ("shooting"/"shoot",
"arrests"/"arrest"; see `trigger_key`), and their
sentences share enough of what they say about the event: its participants, place and time, read as
the content lemmas of each sentence. The context test is what keeps "the 2008 quake" apart from
"the 2012 quake" in a story about one region's earthquakes; `CorefOptions.min_context` is chosen on
benchmark topics the figures are not reported on (bench/tasks/ecb_coref.py).

Mentions are linked pairwise and closed transitively only within one trigger key and story, so a chain
never crosses from one kind of action to another. The result does not depend on input order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import combinations

__all__ = ["CorefOptions", "MentionKeys", "corefer", "overlap", "trigger_key"]


@dataclass(frozen=True)
class MentionKeys:
    """What coreference reads of one event mention."""

    id: Hashable
    story: Hashable  # the story (cluster of reports) its report belongs to
    report: Hashable
    lemma: str  # the head lemma of its trigger, lower-cased
    context: frozenset[str]  # content lemmas of its sentence, the trigger's own left out


@dataclass(frozen=True)
class CorefOptions:
    """Knobs of event-mention coreference (chosen on ECB+ topics 1-25; see bench/RESULTS.md)."""

    min_context: float = 0.0  # overlap coefficient of two sentences' content lemmas needed across reports
    same_report_context: bool = False  # also demand it of two mentions in one report


# Derivational endings folded so that a verb and its nominalisation meet ("shooting"/"shoot",
# "election"/"elect", "arrests"/"arrest"); a stem keeps at least four letters.
_ENDINGS = ("ings", "ing", "ations", "ation", "ions", "ion", "ments", "ment", "al", "ed", "s")


def trigger_key(lemma: str) -> str:
    """A trigger's head lemma with its derivational ending folded: the key mentions are blocked on."""
    for ending in _ENDINGS:
        if lemma.endswith(ending) and len(lemma) - len(ending) >= 4:
            return lemma[: -len(ending)]
    return lemma


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared content words over the shorter sentence's: 1.0 when one sentence's words are all the other's."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def corefer(mentions: Iterable[MentionKeys], options: CorefOptions | None = None) -> dict[Hashable, str]:
    """Map each mention id to the id of its event cluster (the smallest member id, as text)."""
    options = options or CorefOptions()
    ordered = sorted(mentions, key=lambda m: str(m.id))
    parent = {m.id: m.id for m in ordered}

    def find(x: Hashable) -> Hashable:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    blocks: dict[tuple[Hashable, str], list[MentionKeys]] = defaultdict(list)
    for m in ordered:
        blocks[(m.story, trigger_key(m.lemma))].append(m)
    for block in blocks.values():
        for a, b in combinations(block, 2):
            if _linked(a, b, options):
                ra, rb = find(a.id), find(b.id)
                if ra != rb:
                    parent[max(ra, rb, key=str)] = min(ra, rb, key=str)
    return {m.id: str(find(m.id)) for m in ordered}


def _linked(a: MentionKeys, b: MentionKeys, options: CorefOptions) -> bool:
    if a.report == b.report and not options.same_report_context:
        return True
    return overlap(a.context, b.context) >= options.min_context

