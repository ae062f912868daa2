"""The one WHERE clause for filtering articles, shared by ``Store.articles`` and ``Reader``."""

from __future__ import annotations

from datetime import date
from typing import Any

__all__ = ["article_where", "casefold"]


def article_where(
    *,
    outlet: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    include_superseded: bool = False,
    table: str = "",
) -> tuple[list[str], list[Any]]:
    """(clauses to AND together, their parameters) over ``articles`` (aliased ``table``).

    ``since``/``until`` compare with the ISO publication date and are inclusive: ``until`` is
    compared on as many characters as it has, so a day bound keeps that whole day.
    """
    col = f"{table}." if table else ""
    clauses: list[str] = []
    params: list[Any] = []
    if not include_superseded:
        clauses.append(f"{col}superseded_by IS NULL")
    if outlet:
        clauses.append(f"{col}outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if since:
        clauses.append(f"{col}published >= ?")
        params.append(_iso(since))
    if until:
        bound = _iso(until)
        clauses.append(f"substr({col}published, 1, ?) <= ?")
        params.extend([len(bound), bound])
    return clauses, params


def casefold(value: str | None) -> str | None:
    """SQL ``np_casefold(x)``: Python's case folding (SQLite's ``lower`` folds ASCII only)."""
    return value.casefold() if isinstance(value, str) else value


def _iso(value: str | date) -> str:
    return value.isoformat() if isinstance(value, date) else str(value).strip()
