"""Cross-report linking over what is stored: duplicates, stories, entities.

Linking recomputes from the stored records each time; the per-report analyses are never redone.
"""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from datetime import datetime
from typing import Any

from ..model import Mention
from ..resources import Resources
from ..store import Store


def link_store(store: Store, resources: Resources) -> dict[str, int]:
    """Find duplicates and stories and resolve entities across every stored article."""
    from .dedup import find_duplicates
    from .stories import StoryDoc, cluster_stories

    articles = store.article_rows()
    docs = [(a["id"], a["text"]) for a in articles]
    duplicates = find_duplicates(docs)
    mention_rows = store.annotation_rows("mentions")
    names_by_article: dict[str, list[str]] = {}
    for m in mention_rows:
        names_by_article.setdefault(m["article_id"], []).append(m.get("canonical") or m["text"])
    places_by_article: dict[str, list[str]] = {}
    for p in store.annotation_rows("places"):
        if p.get("geonameid") is not None:
            places_by_article.setdefault(p["article_id"], []).append(str(p["geonameid"]))
    story_docs = [StoryDoc(id=a["id"], text=a["text"],
                           published=datetime.fromisoformat(a["published"]) if a["published"] else None,
                           entities=names_by_article.get(a["id"], []),
                           places=places_by_article.get(a["id"], []))
                  for a in articles]
    stories = cluster_stories(story_docs)
    store.set_links(duplicates, stories)
    texts = {a["id"]: a["text"] for a in articles}
    entities = resolve_stored_entities(store, mention_rows, texts, resources)
    return {"articles": len(articles), "duplicates": len(duplicates),
            "stories": len(set(stories.values())), "entities": len(entities)}


def resolve_stored_entities(store: Store, mention_rows: list[dict[str, Any]], texts: dict[str, str],
                            resources: Resources) -> list[dict[str, Any]]:
    from .entities import entity_ids_by_ref, resolve_entities

    fields = set(Mention.__dataclass_fields__)
    pairs = [(m["article_id"], Mention(**{k: v for k, v in m.items() if k in fields})) for m in mention_rows]
    place_ids = {(p["article_id"], p["start"]): p["geonameid"] for p in store.annotation_rows("places")
                 if p.get("geonameid")}
    resolved = resolve_entities(pairs, resources.aliases, texts, place_ids)
    ids = entity_ids_by_ref(resolved)
    store.set_mention_entities({(m["article_id"], m["idx"]): ids.get((m["article_id"], m["start"], m["end"]))
                                for m in mention_rows})
    entities = [_entity_dict(e) for e in resolved]
    store.replace_entities(entities)
    return entities


def _entity_dict(entity: Any) -> dict[str, Any]:
    data = asdict(entity) if is_dataclass(entity) else dict(entity)
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in data.items()}
