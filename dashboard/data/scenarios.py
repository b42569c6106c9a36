"""Saved lokus desa selections (*skenario*): what was chosen, how, by whom, and how two lists differ.

A scenario keeps everything needed to defend and reproduce a list: the district, the year and data
period, the method and its settings (criteria with weights, directions and normalisations, thresholds,
the size of the list), the villages with their rank, score and reason, and the changes made by hand
with their reasons. One scenario per district and year can be marked **final**: the list for the
regent's decree; a final scenario is read-only (duplicate it to change anything).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

__all__ = ["Comparison", "Scenario", "ScenarioError", "ScenarioVillage", "compare"]


class ScenarioError(Exception):
    """A change the scenarios refuse; ``key`` names the message (``scenario.final_read_only``, ...)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class ScenarioVillage:
    """One village on the list: where it stood in the ranking, its figures then, and why it is there."""

    code: str
    rank: int | None
    score: float | None
    prevalence: float | None
    stunted: float | None
    reason: str = ""  # required for villages added by hand; the method's wording otherwise

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rank": self.rank,
            "score": self.score,
            "prevalence": self.prevalence,
            "stunted": self.stunted,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScenarioVillage:
        def number(key: str) -> float | None:
            value = data.get(key)
            return None if value is None else float(value)

        rank = data.get("rank")
        return cls(
            str(data["code"]), None if rank is None else int(rank), number("score"), number("prevalence"),
            number("stunted"), str(data.get("reason") or ""),
        )  # fmt: skip


@dataclass(frozen=True)
class Scenario:
    """A named selection; ``settings`` holds the method's inputs and the changes by hand as plain JSON."""

    district_code: str
    year: int
    period: str
    name: str
    method: str
    settings: dict[str, Any]
    villages: tuple[ScenarioVillage, ...]
    author: str
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    is_final: bool = False

    @property
    def codes(self) -> list[str]:
        return [village.code for village in self.villages]

    def copy_as(self, name: str, author: str) -> Scenario:
        """A new, editable scenario with the same content (not yet saved)."""
        return replace(self, id=None, name=name, author=author, created_at=None, updated_at=None, is_final=False)


@dataclass(frozen=True)
class Comparison:
    """Two lists side by side: villages only in the newer one (added), only in the older (removed), in both."""

    added: list[str]
    removed: list[str]
    kept: list[str]


def compare(before: Sequence[str], after: Sequence[str]) -> Comparison:
    """What changed from list ``before`` to list ``after``, each part in the order of the list it comes from.

    >>> compare(["a", "b", "c"], ["c", "d", "a"])
    Comparison(added=['d'], removed=['b'], kept=['c', 'a'])
    """
    old, new = set(before), set(after)
    return Comparison(
        added=[code for code in after if code not in old],
        removed=[code for code in before if code not in new],
        kept=[code for code in after if code in old],
    )
