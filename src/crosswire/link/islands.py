"""Entity islands: the groups of mentions entity resolution can ever join, so a link resolves only
the islands new reports touch.

Every merge of `entities.resolve_entities` joins two nodes that share something: a folded surface
form or a curated actor (one node), an apposition written in one report, an acronym and the name it
abbreviates, a transliteration key, a surname, a loose person key, a GeoNames id. Joining nodes
through every such key they *have* (whether or not the merge then happens) gives islands: no merge
ever crosses from one island to another, and every step of the resolution (its sorted order, the
table's refusals, an acronym's uniqueness) reads only its own island. So resolving island by island
gives what resolving everything at once gives, provided each island sees the label counts of the
whole store (a surface form's kind is a vote over all its mentions): `resolve_entities(labels=...)`.

What each mention contributes (`MentionKeys`) costs string folding and a table look-up, so linking
keeps it per report in the store; the islands themselves are rebuilt on every link from those keys,
which is a pass of dictionary look-ups.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Mention
from ..names import AliasTable, acronym, fold_alias, loose_name_key, name_key
from .entities import APPOSITION, APPOSITION_KINDS, actor_of, context_window, is_generic, mention_kind

MentionRef = tuple[str, int]  # (article id, mention index)


@dataclass(frozen=True)
class MentionKeys:
    """What one mention brings to entity resolution, computed once when its report is first linked."""

    fold: str  # folded surface form
    actor: str | None  # the curated actor it names (`entities.actor_of`), if any
    actor_person: bool  # that actor is a person
    generic: str | None  # the folded canonical name of a generic actor ("police" of one country)
    name_key: str
    loose_key: str | None
    initials: str | None  # the acronym of a multi-word name

    def to_list(self) -> list[object]:
        return [self.fold, self.actor, self.actor_person, self.generic, self.name_key, self.loose_key, self.initials]

    @classmethod
    def from_list(cls, data: list[object]) -> MentionKeys:
        return cls(*data)  # type: ignore[arg-type]


def mention_keys(article_id: str, m: Mention, aliases: AliasTable, texts: dict[str, str]) -> MentionKeys:
    actor = actor_of(m, aliases, context_window(texts, article_id, m))
    return MentionKeys(fold=fold_alias(m.text), actor=actor.id if actor else None,
                       actor_person=bool(actor and actor.type == "PERSON"),
                       generic=fold_alias(m.canonical) if is_generic(m) and m.canonical else None,
                       name_key=name_key(m.text), loose_key=loose_name_key(m.text) or None,
                       initials=acronym(m.text) if len(m.text.split()) >= 2 else None)


def label_counts(mentions: Iterable[tuple[str, Mention, MentionKeys]]) -> dict[str, Counter[str]]:
    """Folded surface form -> how often each label is given to it (the vote on its kind)."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for _, m, k in mentions:
        labels[k.fold][m.label] += 1
    return labels


def node_of(m: Mention, k: MentionKeys, kinds: dict[str, str]) -> tuple[str, str] | None:
    """The (node key, kind) a mention falls in, as `entities.build_nodes` files it; None if it is none."""
    kind = kinds[k.fold]
    if kind == "other":
        return None
    if k.actor is None and is_generic(m):
        return (f"generic:{k.generic}", "generic") if k.generic is not None else None
    if k.actor is not None:
        return f"actor:{k.actor}", "person" if k.actor_person else "group"
    return f"{kind}:{k.fold}", kind


def _join_keys(m: Mention, k: MentionKeys, kind: str, place_id: int | None) -> list[str]:
    """Every key through which a merge step may join this mention's node to another."""
    keys = []
    if kind not in ("person", "generic"):  # an acronym only ever stands for a group's or a place's name
        if k.initials and 2 < len(k.initials) <= 6:  # `merge_acronyms` looks up no other
            keys.append(f"acr:{kind}:{k.initials}")
        if m.text.isupper() and 2 < len(m.text) <= 6:
            keys.append(f"acr:{kind}:{m.text}")
    if kind != "generic":
        keys.append(f"nk:{kind}:{k.name_key}")
    if kind == "person":
        parts = k.name_key.split(" ")
        keys.append("sn:" + parts[-1])
        if k.loose_key:
            keys.append("lk:" + k.loose_key)
    if kind == "place" and place_id is not None:
        keys.append(f"gid:{place_id}")
    return keys


class _Parents:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def islands(mentions: list[tuple[str, Mention, MentionKeys]], kinds: dict[str, str],
            texts: dict[str, str], place_ids: dict[tuple[str, int], int]) -> dict[str, str]:
    """Node key -> the island it belongs to, named by its smallest key; `kinds` is each folded form's kind."""
    uf = _Parents()
    by_article: dict[str, list[tuple[Mention, str, str]]] = defaultdict(list)
    for article_id, m, k in mentions:
        node = node_of(m, k, kinds)
        if node is None:
            continue
        key, kind = node
        uf.find(key)
        for join in _join_keys(m, k, kind, place_ids.get((article_id, m.start))):
            uf.union(key, join)
        by_article[article_id].append((m, key, kind))
    for article_id, spans in by_article.items():
        text = texts.get(article_id, "")
        spans.sort(key=lambda p: (p[0].start, p[0].end))
        for (a, ka, kind_a), (b, kb, kind_b) in zip(spans, spans[1:], strict=False):
            gap = text[a.end:b.start]
            if ka != kb and kind_a == kind_b and kind_a in APPOSITION_KINDS and len(gap) < 40 and APPOSITION.match(gap):
                uf.union(ka, kb)
    return {key: uf.find(key) for key in list(uf.parent) if not key.startswith(("acr:", "nk:", "sn:", "lk:", "gid:"))}


def touched_islands(mentions: list[tuple[str, Mention, MentionKeys]], kinds_now: dict[str, str],
                    old_labels: dict[str, Counter[str]], new_articles: set[str], island_of: dict[str, str]) -> set[str]:
    """Islands a link must resolve again: those holding a new report's mention, and, where a surface form's
    kind changed with the new votes, those of its mentions and of the mentions beside them in their reports."""
    flipped = {fold for fold, votes in old_labels.items() if kinds_now[fold] != mention_kind(votes)}
    shaken = {a for a, _, k in mentions if k.fold in flipped and a not in new_articles}
    out = set()
    for article_id, m, k in mentions:
        if article_id in new_articles or article_id in shaken:
            node = node_of(m, k, kinds_now)
            if node is not None:
                out.add(island_of[node[0]])
    return out
