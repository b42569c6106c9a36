"""A briefing-room demo: last year's final lokus list with its rembuk commitments, and this year's draft."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.auth.roles import Actor, Role
from dashboard.core.aggregate import village_table
from dashboard.core.indicators import STUNTING
from dashboard.data.accounts import Accounts
from dashboard.data.commitments import CommitmentDraft, Commitments
from dashboard.data.scenarios import Scenario, ScenarioVillage
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import Store

PLANNER = Actor(7, "rina", Role.PERENCANA, (DEMO_DISTRICT_CODE,))
# (status, budget in rupiah): 3 agreed activities and 1 cancelled; Rp 2.000.000 done of Rp 9.500.000 agreed
COMMITMENTS = (("selesai", 2_000_000), ("berjalan", 3_500_000), ("direncanakan", 4_000_000), ("batal", 9_000_000))


@dataclass(frozen=True)
class Seeded:
    final_2024: Scenario
    draft_2025: Scenario


def _villages(store: Store, period: str, n: int) -> tuple[ScenarioVillage, ...]:
    """The ``n`` villages with the most stunted children in ``period``, as a ranking would list them."""
    table = village_table(store.observations(DEMO_DISTRICT_CODE), STUNTING, period).dropna(subset=["rate"])
    top = table.sort_values(["numerator", "rate"], ascending=False).head(n)
    return tuple(
        ScenarioVillage(str(code), rank, None, float(row["rate"]), float(row["numerator"]))
        for rank, (code, row) in enumerate(top.iterrows(), start=1)
    )


def seed_briefing(store: Store) -> Seeded:
    """A final 2024 list of 10 villages (data 2024-08) with 4 commitments, and a 2025 draft of 12 (data 2025-08)."""
    final = store.save_scenario(
        Scenario(DEMO_DISTRICT_CODE, 2024, "2024-08", "Lokus 2024", "stunted", {}, _villages(store, "2024-08", 10),
                 "rina")
    )  # fmt: skip
    assert final.id is not None
    final = store.finalise_scenario(final.id)
    register = Commitments(store, Accounts(store))
    for i, (status, budget) in enumerate(COMMITMENTS):
        draft = CommitmentDraft(final.villages[i].code, f"Kegiatan {i + 1}", "Dinas Kesehatan", "apbd", budget,
                                "2024-12-31", status)  # fmt: skip
        register.add(PLANNER, final.id or 0, draft)
    draft_2025 = store.save_scenario(
        Scenario(DEMO_DISTRICT_CODE, 2025, "2025-08", "Usulan 2025", "stunted", {}, _villages(store, "2025-08", 12),
                 "rina")
    )  # fmt: skip
    return Seeded(final, draft_2025)
