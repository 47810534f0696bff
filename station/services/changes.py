"""What a mutating service changed, so every open screen can refresh itself (STYLE §3).

Like Anki's ``OpChanges``: a service that writes returns its result together with a
:class:`Changes`; the UI passes the :class:`Changes` to one app-wide signal and each view
decides whether it cares (the case list refreshes on any case change, a case's detail when
its id is among them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Ids of the entities one action created or changed."""

    case_ids: frozenset[str] = frozenset()
    person_ids: frozenset[str] = frozenset()
    mediation_ids: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        *,
        cases: Iterable[str | None] = (),
        persons: Iterable[str | None] = (),
        mediations: Iterable[str | None] = (),
    ) -> Changes:
        """Build from iterables; ``None`` entries are skipped (optional links)."""
        return cls(
            case_ids=frozenset(c for c in cases if c),
            person_ids=frozenset(p for p in persons if p),
            mediation_ids=frozenset(m for m in mediations if m),
        )

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            case_ids=self.case_ids | other.case_ids,
            person_ids=self.person_ids | other.person_ids,
            mediation_ids=self.mediation_ids | other.mediation_ids,
        )

    @property
    def empty(self) -> bool:
        return not (self.case_ids or self.person_ids or self.mediation_ids)

    def touches_case(self, case_id: str | None) -> bool:
        return bool(case_id) and case_id in self.case_ids


@dataclass(frozen=True)
class Changed(Generic[T]):
    """A mutating service's answer: its result, and what it changed."""

    value: T
    changes: Changes = field(default_factory=Changes)
