"""The store's schema, as an ordered list of migrations. A store records the last one it applied."""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
    CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        raw_hash TEXT NOT NULL,
        source_key TEXT,
        version_of TEXT,
        title TEXT,
        outlet TEXT,
        url TEXT,
        byline TEXT,
        published TEXT,
        published_source TEXT NOT NULL DEFAULT 'unknown',
        language TEXT,
        source_path TEXT,
        source_format TEXT,
        raw_text TEXT NOT NULL,
        text TEXT NOT NULL,
        offsets TEXT NOT NULL,
        meta TEXT NOT NULL DEFAULT '{}',
        duplicate_of TEXT,
        story_id TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS articles_raw_hash ON articles(raw_hash);
    CREATE INDEX IF NOT EXISTS articles_source_key ON articles(source_key);
    CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);

    CREATE TABLE IF NOT EXISTS annotations (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        idx INTEGER NOT NULL,
        start INTEGER,
        "end" INTEGER,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, kind, idx)
    );
    CREATE INDEX IF NOT EXISTS annotations_kind ON annotations(kind);

    CREATE TABLE IF NOT EXISTS rejects (
        id INTEGER PRIMARY KEY,
        path TEXT,
        stage TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        article_id TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (path, stage, code, message)
    );

    CREATE TABLE IF NOT EXISTS entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT,
        actor_type TEXT,
        data TEXT NOT NULL
    );

    CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
        article_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
    );
    """),
    # Read indexes for the API's paginated lists: walk one kind in store order without sorting it, and
    # filter events by type and date without reading every event.
    (2, """
    CREATE INDEX IF NOT EXISTS annotations_kind_order ON annotations(kind, article_id, idx);
    CREATE INDEX IF NOT EXISTS annotations_event_type
        ON annotations(kind, json_extract(data, '$.event_type'), article_id, idx);
    CREATE INDEX IF NOT EXISTS annotations_event_date ON annotations(kind, json_extract(data, '$.date'));
    """),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
