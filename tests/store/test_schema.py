"""Migrations, re-opening, SchemaTooNew, WAL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsprism.errors import SchemaTooNew
from newsprism.store import MIGRATIONS, SCHEMA_VERSION, Store

from .conftest import make_article


def test_migrations_from_an_empty_file(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    db.touch()  # an empty file is a valid, empty SQLite database
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    with sqlite3.connect(db) as plain:
        versions = plain.execute(
            "SELECT version FROM schema_migrations ORDER BY version"
        ).fetchall()
        tables = {r[0] for r in plain.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert [v for (v,) in versions] == list(range(1, SCHEMA_VERSION + 1))
    assert {"articles", "articles_fts", "embeddings", "article_vectors", "analyses"} <= tables


def test_reopening_keeps_data_and_does_not_migrate_again(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    article = make_article("Velmar floods", "The harbour flooded.")
    with Store(db) as store:
        store.add(article)
    with sqlite3.connect(db) as plain:
        applied = plain.execute("SELECT applied_at FROM schema_migrations").fetchall()
    with Store(db) as store:
        assert store.get(article.id).article == article
        assert store.add(article).status == "unchanged"
    with sqlite3.connect(db) as plain:
        assert plain.execute("SELECT applied_at FROM schema_migrations").fetchall() == applied


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    Store(db).close()
    with sqlite3.connect(db) as plain:
        plain.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaTooNew) as err:
        Store(db)
    assert err.value.code == "E302" and "upgrade newsprism" in str(err.value).lower()


def test_a_partly_migrated_database_is_completed(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    Store(db).close()
    with sqlite3.connect(db) as plain:  # as if written by an older newsprism that knew no steps
        assert plain.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    fresh = tmp_path / "fresh.db"
    with sqlite3.connect(fresh) as plain:
        plain.execute("CREATE TABLE unrelated (x)")
    with Store(fresh) as store:  # a database with other tables but no newsprism schema
        assert store.schema_version == SCHEMA_VERSION
        assert store.count() == 0


def test_wal_on_files_and_settings(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        assert store.journal_mode == "wal"
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    with Store(":memory:") as memory:
        assert memory.journal_mode == "memory"
        assert memory.schema_version == SCHEMA_VERSION


def test_two_stores_on_one_file(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Store(db) as a, Store(db) as b:
        a.add(make_article("Velmar floods", "The harbour flooded."))
        assert b.count() == 1
        assert b.add(make_article("Velmar floods", "The harbour flooded.")).status == "unchanged"
