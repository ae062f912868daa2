"""A person's merge and split decisions, as constraints the clusterer keeps consulting.

Decisions are replayed in order: a merge puts the articles of both stories in one group (they
must stay together); a split puts each side in its own group and keeps the two groups apart.
A later decision overrides an earlier one for the articles it names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newsprism.errors import UsageError

DECISION_KINDS = ("merge", "split")


@dataclass(frozen=True)
class Decision:
    """One merge or split, with the articles it concerned at the time it was made.

    merge: ``groups`` = (articles of the kept story, articles of the absorbed story);
    split: ``groups`` = (articles that stay, articles that leave for a new story).
    """

    kind: str
    story_ids: tuple[str, ...]
    groups: tuple[tuple[str, ...], ...]
    made_at: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in DECISION_KINDS:
            raise UsageError(f"unknown story decision {self.kind!r}; use one of {DECISION_KINDS}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "story_ids": list(self.story_ids),
            "groups": [list(g) for g in self.groups],
            "made_at": self.made_at,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        return cls(
            kind=str(data["kind"]),
            story_ids=tuple(data["story_ids"]),
            groups=tuple(tuple(g) for g in data["groups"]),
            made_at=str(data.get("made_at", "")),
            note=str(data.get("note", "")),
        )


class Constraints:
    """Must-link groups and cannot-link pairs of groups, built from decisions."""

    def __init__(self, decisions: Iterable[Decision] = ()) -> None:
        self.decisions: list[Decision] = []
        self._group: dict[str, str] = {}
        self._members: dict[str, set[str]] = {}
        self._apart: set[frozenset[str]] = set()
        for decision in decisions:
            self.apply(decision)

    def __bool__(self) -> bool:
        return bool(self.decisions)

    def apply(self, decision: Decision) -> None:
        number = len(self.decisions)
        self.decisions.append(decision)
        if decision.kind == "merge":
            self._regroup(f"g{number}", [a for g in decision.groups for a in g])
        else:
            labels = [f"g{number}.{side}" for side in range(len(decision.groups))]
            for label, group in zip(labels, decision.groups, strict=True):
                self._regroup(label, group)
            self._apart.update(frozenset((a, b)) for a in labels for b in labels if a != b)

    def _regroup(self, label: str, articles: Iterable[str]) -> None:
        old_labels = set()
        for article in articles:
            old = self._group.get(article)
            if old is not None:
                self._members[old].discard(article)
                old_labels.add(old)
            self._group[article] = label
            self._members.setdefault(label, set()).add(article)
        # What was kept apart stays apart: the new group inherits the old groups' separations
        # (a merge of two separated groups drops only the separation between them).
        for pair in [p for p in self._apart if p & old_labels]:
            for other in pair - old_labels:
                self._apart.add(frozenset((label, other)))

    def together(self, article_id: str) -> set[str]:
        """Articles a decision put with this one (excluding itself)."""
        label = self._group.get(article_id)
        return set() if label is None else self._members[label] - {article_id}

    def apart(self, article_id: str) -> set[str]:
        """Articles a decision keeps away from this one."""
        label = self._group.get(article_id)
        if label is None:
            return set()
        return {
            other
            for pair in self._apart
            if label in pair
            for other_label in pair - {label}
            for other in self._members.get(other_label, ())
        }
