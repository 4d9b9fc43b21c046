"""Cross-report linking over what is stored: duplicates, stories, entities.

Linking is incremental. The store keeps a link state: each linked report's generation stamp and
MinHash signature, and every near-duplicate pair found. A link works on the reports no link has
stamped yet: it signs them and looks for their near-duplicates among all reports (`dedup`),
re-clusters only the stories they touch (`stories.recluster_stories`), and resolves entities again;
then it stamps them. A link with nothing new writes nothing. `full=True` (`crosswire link --full`)
forgets the link state and links every report from scratch. The per-report analyses are never redone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..model import Mention
from ..resources import Resources
from ..store import Store

MENTION_FIELDS = frozenset(Mention.__dataclass_fields__)


@dataclass
class LinkWork:
    """What one link found to do: the stored reports, which are new, and the state kept from before."""

    articles: list[dict[str, Any]]
    new: set[str]
    signatures: dict[str, str | None]  # linked report -> its stored MinHash signature
    mention_keys: dict[str, str]  # linked report -> what its mentions bring to entity resolution (JSON)
    generation: int  # the stamp this link gives its new reports
    full: bool


def plan_link(store: Store, full: bool = False) -> LinkWork:
    articles = store.article_rows(include_text=False)
    state = [] if full else store.link_state_rows()
    stored = {a["id"] for a in articles}
    signatures = {r["article_id"]: r["signature"] for r in state if r["article_id"] in stored}
    keys = {r["article_id"]: r["mention_keys"] for r in state if r["article_id"] in stored}
    generation = max((r["generation"] for r in state), default=0) + 1
    return LinkWork(articles, stored - set(signatures), signatures, keys, generation, full or not signatures)


def link_store(store: Store, resources: Resources, full: bool = False) -> dict[str, int]:
    """Find duplicates and stories and resolve entities across every stored article, linking only
    what no link has seen yet unless `full` (see the module docstring)."""
    work = plan_link(store, full)
    if work.new or work.full:
        texts = store.article_texts()
        mention_rows = store.annotation_rows("mentions")
        place_rows = [p for p in store.annotation_rows("places") if p.get("geonameid") is not None]
        duplicates, pairs, signatures = _duplicates(store, work, texts)
        stories = _stories(work, texts, mention_rows, place_rows)
        _write_links(store, work, duplicates, stories)
        keys = link_entities(store, work, mention_rows, texts, resources, place_rows)
        store.save_link_state(work.generation, {i: (signatures[i], keys[i]) for i in work.new}, pairs,
                              reset=work.full)
    counts = store.counts()
    links = [(a["duplicate_of"], a["story_id"]) for a in store.article_rows(include_text=False)]
    return {"articles": len(links), "duplicates": sum(1 for d, _ in links if d),
            "stories": len({s for _, s in links if s}), "entities": counts["entities"],
            "linked": len(work.new), "full": int(work.full)}


def _write_links(store: Store, work: LinkWork, duplicates: dict[str, str], stories: dict[str, str]) -> None:
    """Write duplicate_of and story_id where they changed (every report's on a full link)."""
    if work.full:
        store.set_links(duplicates, stories)
        return
    changed_dups = {a["id"]: duplicates.get(a["id"]) for a in work.articles
                    if a["duplicate_of"] != duplicates.get(a["id"])}
    changed_stories = {a["id"]: stories[a["id"]] for a in work.articles if a["story_id"] != stories.get(a["id"])}
    store.set_links(changed_dups, changed_stories, reset=False)


def _duplicates(store: Store, work: LinkWork, texts: dict[str, str]
                ) -> tuple[dict[str, str], list[tuple[str, str, float]], dict[str, str | None]]:
    """(duplicate -> original over every report, the new pairs found, the new reports' signatures)."""
    from .dedup import duplicate_groups, new_duplicate_pairs

    new = {i: texts[i] for i in sorted(work.new)}
    pairs, signatures = new_duplicate_pairs(new, work.signatures, lambda ids: {i: texts[i] for i in ids})
    known = [] if work.full else store.duplicate_pair_rows()
    return duplicate_groups([a["id"] for a in work.articles], known + pairs), pairs, signatures


def _stories(work: LinkWork, texts: dict[str, str], mention_rows: list[dict[str, Any]],
             place_rows: list[dict[str, Any]]) -> dict[str, str]:
    from .stories import StoryDoc, recluster_stories

    names_by_article: dict[str, list[str]] = {}
    for m in mention_rows:
        names_by_article.setdefault(m["article_id"], []).append(m.get("canonical") or m["text"])
    places_by_article: dict[str, list[str]] = {}
    for p in place_rows:
        places_by_article.setdefault(p["article_id"], []).append(str(p["geonameid"]))
    docs = [StoryDoc(id=a["id"], text=texts[a["id"]],
                     published=datetime.fromisoformat(a["published"]) if a["published"] else None,
                     entities=names_by_article.get(a["id"], []),
                     places=places_by_article.get(a["id"], []))
            for a in work.articles]
    previous = {} if work.full else {a["id"]: a["story_id"] for a in work.articles
                                     if a["story_id"] and a["id"] not in work.new}
    return recluster_stories(docs, previous, work.new)


def link_entities(store: Store, work: LinkWork, mention_rows: list[dict[str, Any]], texts: dict[str, str],
                  resources: Resources, place_rows: list[dict[str, Any]]) -> dict[str, str]:
    """Resolve the entity islands the new reports touch (every island on a full link) and store the
    result; returns each new report's mention keys (JSON) for the link state."""
    from .entities import Known, entity_ids_by_ref, known_key, resolve_entities
    from .islands import MentionKeys, label_counts, mention_keys

    aliases = resources.aliases
    stored = {aid: json.loads(keys) for aid, keys in work.mention_keys.items() if aid not in work.new}
    triples = []
    for m in mention_rows:
        aid, mention = m["article_id"], _mention(m)
        held = stored.get(aid)
        k = MentionKeys.from_list(held[m["idx"]]) if held is not None and m["idx"] < len(held) else \
            mention_keys(aid, mention, aliases, texts)
        triples.append((aid, mention, k, m))
    plain = [(aid, mention, k) for aid, mention, k, _ in triples]
    labels = label_counts(plain)
    known = Known(labels=labels, folds={known_key(a, m): k.fold for a, m, k in plain},
                  actors={known_key(a, m): k.actor for a, m, k in plain})
    place_ids = _place_ids(place_rows)
    if work.full:
        chosen, dropped = triples, set()
    else:
        chosen, dropped = _touched(triples, labels, work, texts, place_ids)
    resolved = resolve_entities([(aid, mention) for aid, mention, _, _ in chosen], aliases, texts, place_ids, known)
    ids = entity_ids_by_ref(resolved)
    _point_mentions(store, [row for _, _, _, row in chosen], ids)
    if work.full:
        store.replace_entities([_entity_dict(e) for e in resolved])
    else:
        store.update_entities(dropped, [_entity_dict(e) for e in resolved])
    out: dict[str, list[list[object]]] = {aid: [] for aid in work.new}
    for aid, _, k, _ in triples:
        if aid in out:
            out[aid].append(k.to_list())
    return {aid: json.dumps(keys, ensure_ascii=False) for aid, keys in out.items()}


def _touched(triples: list[tuple[str, Mention, Any, dict[str, Any]]], labels: Any, work: LinkWork,
             texts: dict[str, str], place_ids: dict[tuple[str, int], int]
             ) -> tuple[list[tuple[str, Mention, Any, dict[str, Any]]], set[str]]:
    """(the mentions of the islands to resolve again, the stored entities they replace): the islands the
    new reports touch, grown until no stored entity lies partly inside them."""
    from .entities import mention_kind
    from .islands import islands, label_counts, node_of, touched_islands

    plain = [(aid, mention, k) for aid, mention, k, _ in triples]
    old_labels = label_counts([t for t in plain if t[0] not in work.new])
    kinds = {fold: mention_kind(c) for fold, c in labels.items()}
    island_of = islands(plain, kinds, texts, place_ids)
    wanted = touched_islands(plain, kinds, old_labels, work.new, island_of)
    island_at = []
    members: dict[str, list[int]] = {}
    for n, (_, mention, k, row) in enumerate(triples):
        node = node_of(mention, k, kinds)
        island_at.append(island_of[node[0]] if node else None)
        if row.get("entity_id"):
            members.setdefault(row["entity_id"], []).append(n)
    dropped: set[str] = set()
    while True:
        entities = {triples[n][3].get("entity_id") for n, isl in enumerate(island_at) if isl in wanted} - {None}
        more = {island_at[n] for e in entities - dropped for n in members.get(e, [])} - wanted - {None}
        dropped |= entities
        if not more:
            return [t for t, isl in zip(triples, island_at, strict=True) if isl in wanted], dropped
        wanted |= more


def _mention(row: dict[str, Any]) -> Mention:
    return Mention(**{k: v for k, v in row.items() if k in MENTION_FIELDS})


def _place_ids(place_rows: list[dict[str, Any]]) -> dict[tuple[str, int], int]:
    return {(p["article_id"], p["start"]): p["geonameid"] for p in place_rows if p.get("geonameid")}


def _point_mentions(store: Store, rows: list[dict[str, Any]], ids: dict[tuple[str, int, int], str]) -> None:
    """Point the mentions at their entities, writing only those that changed."""
    found = {(m["article_id"], m["idx"]): ids.get((m["article_id"], m["start"], m["end"])) for m in rows}
    store.set_mention_entities({(m["article_id"], m["idx"]): found[(m["article_id"], m["idx"])] for m in rows
                                if m.get("entity_id", "\0") != found[(m["article_id"], m["idx"])]})


def _entity_dict(entity: Any) -> dict[str, Any]:
    fields = ("id", "name", "type", "actor_type", "aliases", "evidence", "mention_refs")
    data = {f: getattr(entity, f) for f in fields} if hasattr(entity, "mention_refs") else dict(entity)
    return {k: ([list(r) for r in v] if k == "mention_refs" else list(v) if isinstance(v, tuple) else v)
            for k, v in data.items()}
