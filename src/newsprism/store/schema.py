"""The SQLite schema as an ordered list of migrations.

Step N brings a database from user_version N-1 to N. Steps are append-only: never edit a
released step, add a new one. Each runs in its own transaction and is recorded in
``schema_migrations`` and ``PRAGMA user_version``.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: articles (one row per version), full-text index, embeddings, analyses
    (
        """CREATE TABLE articles (
            id            TEXT PRIMARY KEY,
            identity      TEXT NOT NULL,
            content_hash  TEXT NOT NULL,
            title         TEXT NOT NULL,
            body          TEXT NOT NULL,
            outlet        TEXT,
            published     TEXT,
            author        TEXT,
            url           TEXT,
            language      TEXT,
            location      TEXT NOT NULL,
            kind          TEXT NOT NULL,
            metadata_json TEXT NOT NULL,
            removed_json  TEXT NOT NULL,
            word_count    INTEGER NOT NULL,
            previous_id   TEXT REFERENCES articles(id),
            superseded_by TEXT REFERENCES articles(id),
            ingested_at   TEXT NOT NULL
        )""",
        "CREATE INDEX articles_identity ON articles(identity)",
        "CREATE INDEX articles_content_hash ON articles(content_hash)",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE)",
        # The index keeps its own copy of the text (not external content): articles has a TEXT
        # key, and external content would hang on implicit rowids that VACUUM may renumber.
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (id, title, body) VALUES (new.id, new.title, new.body);
        END""",
        """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            DELETE FROM articles_fts WHERE id = old.id;
        END""",
        """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
            UPDATE articles_fts SET title = new.title, body = new.body WHERE id = old.id;
        END""",
        """CREATE TABLE embeddings (
            model     TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            dim       INTEGER NOT NULL,
            vector    BLOB NOT NULL,
            PRIMARY KEY (model, text_hash)
        ) WITHOUT ROWID""",
        """CREATE TABLE article_vectors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            model      TEXT NOT NULL,
            text_hash  TEXT NOT NULL,
            PRIMARY KEY (article_id, model),
            FOREIGN KEY (model, text_hash) REFERENCES embeddings(model, text_hash)
        ) WITHOUT ROWID""",
        """CREATE TABLE analyses (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind       TEXT NOT NULL,
            version    TEXT NOT NULL,
            data_json  TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (article_id, kind)
        ) WITHOUT ROWID""",
    ),
    # 2: stories (cluster stage): stories, their members, a person's merge/split decisions, and
    # the online clusterer's saved state so that the next ingest goes on where this one stopped
    (
        """CREATE TABLE IF NOT EXISTS stories (
            id TEXT PRIMARY KEY,
            founder TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL DEFAULT 0,
            copies INTEGER NOT NULL DEFAULT 0,
            first_published TEXT,
            last_published TEXT,
            merged_into TEXT REFERENCES stories(id),
            updated_at TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE IF NOT EXISTS story_members (
            article_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL REFERENCES stories(id),
            duplicate_of TEXT,
            score REAL NOT NULL DEFAULT 0,
            position INTEGER NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS story_members_story ON story_members(story_id)",
        """CREATE TABLE IF NOT EXISTS story_decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
            story_ids TEXT NOT NULL,
            groups TEXT NOT NULL,
            made_at TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE cluster_state (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            model      TEXT NOT NULL,
            articles   INTEGER NOT NULL,
            data       BLOB NOT NULL,
            updated_at TEXT NOT NULL
        )""",
    ),
)

#: The statements of migration 2 that create the story tables (the cluster stage's own).
STORY_TABLES: tuple[str, ...] = MIGRATIONS[1][:4]

SCHEMA_VERSION = len(MIGRATIONS)
