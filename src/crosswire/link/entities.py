"""Cross-report entity resolution: one `Entity` per real actor, with every name it went by.

Mentions from many reports are grouped in four deterministic steps, each merge recording why:

1. **alias table**: a mention the curated table knows goes to that actor. Where a name is shared
   by several actors (the government's "Syrian national army" and the rebel "Syrian National
   Army"), the spelling's case and the words around the mention choose (`choose_actor`).
2. **appositions** in the report's own text: "X (Y)", "X, known as Y", "Y, or X".
3. **acronyms**: "SOHR" and "Syrian Observatory for Human Rights" (initials of the content words).
4. **transliteration keys** (`translit.name_key`): Golani / Jolani, Abdelghani / Abdel Ghani; and a
   person's last name alone joins the one full name it ends.
5. **gazetteer ids**: place names the geocoder resolved to one GeoNames place (Hama / Hamah,
   Mhardeh / Muhradah) are one place.

Mentions only merge within one kind (person, group, place): a person never merges with an
organisation, even one named after them. The result does not depend on input order.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Mention
from ..names import Actor, AliasTable, acronym, fold_alias, loose_name_key, name_key, normalise_alias

KIND_OF_LABEL = {"PERSON": "person", "ORG": "group", "NORP": "group", "GPE": "place", "LOC": "place",
                 "FAC": "place"}
APPOSITION = re.compile(
    r"^\s*(?:\(\s*|,?\s*(?:(?:also|formerly|previously|now|better|widely)\s+)?(?:known|called|named)\s+(?:as\s+)?"
    r"|,?\s+(?:also|formerly)\s+)(?:the\s+)?$", re.IGNORECASE)
APPOSITION_KINDS = ("group", "person")  # "Hama (Syria)" names a place and its country: no merge
# Words around a shared name that say whose it is, by ACLED actor type.
CONTEXT_CUES = {
    "State forces": ("government", "regime", "state", "official", "ministry", "loyalist", "withdrew",
                     "redeployed", "command", "president", "capital"),
    "Rebel group": ("rebel", "rebels", "opposition", "insurgent", "insurgents", "faction", "militant",
                    "jihadist", "backed", "coalition", "allied"),
}

Ref = tuple[str, int, int]


@dataclass
class Entity:
    """One real-world actor or place across reports."""

    id: str
    name: str
    type: str  # the majority spaCy label: PERSON, ORG, NORP, GPE, ...
    actor_type: str | None = None
    aliases: list[dict[str, object]] = field(default_factory=list)  # {name, count, articles}
    evidence: list[str] = field(default_factory=list)
    mention_refs: list[Ref] = field(default_factory=list)  # (article_id, start, end)


@dataclass
class Known:
    """What a caller already knows of the mentions, so resolution need not work it out again: the label
    votes of every surface form in the store (when only some of its mentions are resolved, see
    `link.islands`), and each mention's folded form and curated actor id, by `known_key`."""

    labels: dict[str, Counter[str]] | None = None
    folds: dict[KnownKey, str] = field(default_factory=dict)
    actors: dict[KnownKey, str | None] = field(default_factory=dict)


KnownKey = tuple[str, int, int, str, str | None]


def known_key(article_id: str, m: Mention) -> KnownKey:
    """What `Known` files a mention under: everything its fold and actor depend on."""
    return (article_id, m.start, m.end, m.label, m.canonical)


@dataclass
class _Node:
    """Mentions that share one surface form (or one table actor) within one kind."""

    key: str
    kind: str
    mentions: list[tuple[str, Mention]] = field(default_factory=list)
    actor: Actor | None = None
    name: str | None = None  # the ACLED-style name of a generic actor ("Protesters (Sudan)")


class _UnionFind:
    """Union-find over node keys; the smaller key is always the root, so order does not matter.

    Two groups that each hold a different curated actor never merge: the table says they differ.
    """

    def __init__(self, nodes: dict[str, _Node]) -> None:
        self.parent = {k: k for k in nodes}
        self.actor = {k: n.actor.id if n.actor else None for k, n in nodes.items()}
        self.evidence: dict[str, set[str]] = defaultdict(set)

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str, why: str) -> bool:
        """Merge the groups of `a` and `b`, recording why; False when the table keeps them apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        actors = {self.actor[ra], self.actor[rb]} - {None}
        if len(actors) > 1:
            return False
        root, child = min(ra, rb), max(ra, rb)
        self.parent[child] = root
        self.actor[root] = self.actor[ra] or self.actor[rb]
        self.evidence[a].add(why)
        return True


def mention_kind(labels: Counter[str]) -> str:
    """The kind a surface form's mentions share: a majority vote over their labels."""
    kinds = Counter({KIND_OF_LABEL.get(label, "other"): n for label, n in labels.items()})
    return max(sorted(kinds), key=kinds.__getitem__)


def context_window(texts: dict[str, str] | None, article_id: str, m: Mention, width: int = 160) -> str:
    """The words around a mention (lower-cased), or '' when the text is not given."""
    text = (texts or {}).get(article_id, "")
    return text[max(0, m.start - width):m.end + width].casefold() if text else ""


def choose_actor(m: Mention, candidates: list[Actor], context: str, table_pick: Actor | None) -> Actor:
    """Which of several actors sharing a name a mention means: case-exact spelling, then context.

    The spelling's case counts 2, the table's own pick 1, and each context cue 1 (at most 3), so
    strong context can overrule capitalisation but a single stray word cannot.
    """
    def score(actor: Actor) -> int:
        exact = any(a.exact and normalise_alias(a.text) == normalise_alias(m.text) for a in actor.all_aliases())
        cues = CONTEXT_CUES.get(actor.actor_type or "", ())
        hits = sum(len(re.findall(rf"\b{re.escape(c)}\b", context)) for c in cues)
        return 2 * exact + min(hits, 3) + (table_pick is actor)
    return max(sorted(candidates, key=lambda a: a.id), key=score)


def actor_of(m: Mention, aliases: AliasTable, context: str) -> Actor | None:
    """The curated actor a mention names, if any."""
    if m.label not in ("ORG", "NORP", "PERSON"):
        return None
    pick = aliases.lookup(m.canonical, fuzzy=False) if m.canonical else None
    pick = pick or aliases.lookup(m.text, fuzzy=m.label == "PERSON")
    if pick is not None and (pick.type == "PERSON") != (m.label == "PERSON"):
        return None
    candidates = [a for a in aliases.candidates(m.text) if (a.type == "PERSON") == (m.label == "PERSON")]
    if len(candidates) > 1:
        return choose_actor(m, candidates, context, pick)
    return pick


def build_nodes(mentions: list[tuple[str, Mention]], aliases: AliasTable,
                texts: dict[str, str] | None, known: Known | None = None) -> dict[str, _Node]:
    """Group mentions into nodes: one per table actor, else one per (kind, folded surface)."""
    known = known or Known()
    labels = known.labels
    if labels is None:
        labels = defaultdict(Counter)
        for _, m in mentions:
            labels[fold_alias(m.text)][m.label] += 1
    nodes: dict[str, _Node] = {}
    for article_id, m in mentions:
        ref = known_key(article_id, m)
        kind = mention_kind(labels[known.folds[ref] if ref in known.folds else fold_alias(m.text)])
        if kind == "other":
            continue
        if ref in known.actors:
            held = known.actors[ref]
            actor = aliases.by_id[held] if held is not None else None
        else:
            actor = actor_of(m, aliases, context_window(texts, article_id, m))
        if actor is None and is_generic(m):
            if m.canonical is None:
                continue  # "police" of no known country is no one in particular
            key, kind = f"generic:{fold_alias(m.canonical)}", "generic"
        else:
            key = f"actor:{actor.id}" if actor else f"{kind}:{fold_alias(m.text)}"
        if actor is not None:
            kind = "person" if actor.type == "PERSON" else "group"
        node = nodes.setdefault(key, _Node(key, kind))
        node.actor = actor
        node.name = m.canonical if kind == "generic" else None
        node.mentions.append((article_id, m))
    return nodes


def is_generic(m: Mention) -> bool:
    """A rule mention of a common-noun actor ("protesters", "police"): the only rule mentions
    that carry an actor type (see `nlp.entities.annotate.generic_actor_mentions`)."""
    return m.source == "rule" and m.actor_type is not None


def merge_appositions(nodes: dict[str, _Node], uf: _UnionFind, texts: dict[str, str] | None) -> None:
    """Join "X (Y)" and "X, known as Y" pairs written in one report."""
    if not texts:
        return
    by_article: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for node in nodes.values():
        for article_id, m in node.mentions:
            by_article[article_id].append((m, node.key))
    for article_id in sorted(by_article):
        text = texts.get(article_id, "")
        spans = sorted(by_article[article_id], key=lambda p: (p[0].start, p[0].end))
        for (a, ka), (b, kb) in zip(spans, spans[1:], strict=False):
            gap = text[a.end:b.start]
            same_kind = nodes[ka].kind == nodes[kb].kind and nodes[ka].kind in APPOSITION_KINDS
            if ka != kb and same_kind and len(gap) < 40 and APPOSITION.match(gap):
                uf.union(ka, kb, f"apposition in article {article_id}: {a.text}{gap}{b.text}")


def _surface(node: _Node) -> str:
    """The node's most frequent spelling (ties: longest, then alphabetical)."""
    counts = Counter(m.text for _, m in node.mentions)
    return max(sorted(counts), key=lambda s: (counts[s], len(s)))


def merge_acronyms(nodes: dict[str, _Node], uf: _UnionFind) -> None:
    """Join an all-capitals name with the one multi-word name of its kind whose initials it is."""
    expansions: dict[tuple[str, str], set[str]] = defaultdict(set)
    for node in nodes.values():
        for _, m in node.mentions:
            if len(m.text.split()) >= 2:
                expansions[(node.kind, acronym(m.text))].add(node.key)
    for key in sorted(nodes):
        node = nodes[key]
        if node.kind in ("person", "generic"):
            continue
        for text in sorted({m.text for _, m in node.mentions if m.text.isupper() and 2 < len(m.text) <= 6}):
            targets = expansions.get((node.kind, text), set()) - {key}
            if len({uf.find(t) for t in targets}) == 1:
                uf.union(key, min(targets), f"acronym: {text}")


def merge_translit_keys(nodes: dict[str, _Node], uf: _UnionFind) -> None:
    """Join names of one kind whose transliteration keys are equal; a lone surname joins its person."""
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    surnames: dict[str, set[str]] = defaultdict(set)
    for key in sorted(nodes):
        node = nodes[key]
        if node.kind == "generic":
            continue
        for text in sorted({m.text for _, m in node.mentions}):
            nk = name_key(text)
            if len(nk) >= 4:
                by_key[(node.kind, nk)].append(key)
            if node.kind == "person" and " " in nk:
                surnames[nk.split(" ")[-1]].add(key)
    for (_, nk), keys in sorted(by_key.items()):
        for other in keys[1:]:
            uf.union(keys[0], other, f"translit key: {nk}")
    merge_loose_person_keys(nodes, uf)
    for (kind, nk), keys in sorted(by_key.items()):
        if kind != "person" or " " in nk:
            continue
        owners = {uf.find(k) for k in surnames.get(nk, set())}
        if len(owners) == 1:
            uf.union(keys[0], min(surnames[nk]), f"surname: {nk}")


def generic_type(members: list[_Node]) -> str | None:
    """The actor type of a generic actor's mentions (None for a plain name)."""
    return next((m.actor_type for n in members if n.kind == "generic" for _, m in n.mentions), None)


def merge_loose_person_keys(nodes: dict[str, _Node], uf: _UnionFind) -> None:
    """Join full person names whose keys differ only in vowels inside words (Dagalo / Daglo)."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for key in sorted(nodes):
        if nodes[key].kind != "person":
            continue
        for text in sorted({m.text for _, m in nodes[key].mentions}):
            loose = loose_name_key(text)
            if loose:
                by_key[loose].append(key)
    for loose, keys in sorted(by_key.items()):
        for other in keys[1:]:
            uf.union(keys[0], other, f"loose translit key: {loose}")


def make_entity(members: list[_Node], evidence: set[str]) -> Entity:
    """One entity from its member nodes."""
    actors = sorted({n.actor.id: n.actor for n in members if n.actor}.items())
    actor = actors[0][1] if actors else None
    counts: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    labels: Counter[str] = Counter()
    refs: list[Ref] = []
    for node in members:
        for article_id, m in node.mentions:
            counts[m.text] += 1
            articles[m.text].add(article_id)
            labels[m.label] += 1
            refs.append((article_id, m.start, m.end))
    generic = next((n.name for n in members if n.name), None)
    name = actor.canonical if actor else generic or max(sorted(counts), key=lambda s: (counts[s], len(s)))
    if actor:
        evidence = evidence | {f"alias table: {actor.canonical} ({actor.source})"}
    keys = sorted(n.key for n in members)
    return Entity(
        id="ent_" + hashlib.sha1(keys[0].encode("utf-8")).hexdigest()[:12],
        name=name, type=actor.type if actor else max(sorted(labels), key=labels.__getitem__),
        actor_type=actor.actor_type if actor else generic_type(members),
        aliases=[{"name": s, "count": counts[s], "articles": sorted(articles[s])}
                 for s in sorted(counts, key=lambda s: (-counts[s], s))],
        evidence=sorted(evidence), mention_refs=sorted(set(refs)),
    )


def merge_place_ids(nodes: dict[str, _Node], uf: _UnionFind, place_ids: dict[tuple[str, int], int]) -> None:
    """Join place names whose mentions the geocoder resolved to one GeoNames id (`place_ids`:
    (article id, start of the place span) -> id)."""
    by_id: dict[int, list[str]] = defaultdict(list)
    for key in sorted(nodes):
        node = nodes[key]
        if node.kind != "place":
            continue
        ids = {place_ids[(a, m.start)] for a, m in node.mentions if (a, m.start) in place_ids}
        for gid in sorted(ids):
            by_id[gid].append(key)
    for gid, keys in sorted(by_id.items()):
        for other in keys[1:]:
            uf.union(keys[0], other, f"geonames id: {gid}")


def resolve_entities(mentions: Iterable[tuple[str, Mention]], aliases: AliasTable,
                     texts: dict[str, str] | None = None,
                     place_ids: dict[tuple[str, int], int] | None = None, known: Known | None = None) -> list[Entity]:
    """Cluster `(article_id, mention)` pairs from many reports into entities.

    `texts` (article id -> cleaned text) lets appositions and the words around shared names count;
    `place_ids` ((article id, place span start) -> GeoNames id) joins spellings of one place; `known`
    is what the caller already worked out (see `Known`).
    """
    pairs = sorted(mentions, key=lambda p: (p[0], p[1].start, p[1].end, p[1].text, p[1].label))
    nodes = build_nodes(pairs, aliases, texts, known)
    uf = _UnionFind(nodes)
    merge_appositions(nodes, uf, texts)
    merge_acronyms(nodes, uf)
    merge_translit_keys(nodes, uf)
    merge_place_ids(nodes, uf, place_ids or {})
    groups: dict[str, list[_Node]] = defaultdict(list)
    for key in sorted(nodes):
        groups[uf.find(key)].append(nodes[key])
    entities = []
    for root in sorted(groups):
        members = groups[root]
        evidence = set().union(*(uf.evidence.get(n.key, set()) for n in members))
        entities.append(make_entity(members, evidence))
    return entities


def entity_ids_by_ref(entities: Iterable[Entity]) -> dict[Ref, str]:
    """(article_id, start, end) -> entity id, to fill `Mention.entity_id`."""
    return {ref: e.id for e in entities for ref in e.mention_refs}
