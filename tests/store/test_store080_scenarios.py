"""Saved lokus desa scenarios on SQLite and PostgreSQL: save, reopen, update, duplicate, one final per year."""

from __future__ import annotations

import pytest

from dashboard.data.scenarios import Scenario, ScenarioError, ScenarioVillage, compare
from dashboard.data.store import Store
from tests.store.helpers import DISTRICT


def _scenario(name: str, codes: list[str], year: int = 2025) -> Scenario:
    villages = tuple(
        ScenarioVillage(code, rank, 90.0 - rank, 25.5, 7.0, "" if rank < 3 else "ditambahkan: banjir")
        for rank, code in enumerate(codes, start=1)
    )
    settings = {"criteria": [{"key": "prevalensi", "weight": 1.0}], "top_n": len(codes),
                "adjustments": [{"code": codes[-1], "action": "add", "reason": "ditambahkan: banjir"}]}  # fmt: skip
    return Scenario(DISTRICT, year, f"{year}-08", name, "weighted", settings, villages, "perencana")


def test_store080_save_reopen_update_and_list(store: Store) -> None:
    saved = store.save_scenario(_scenario("Usulan Bappeda", ["52.91.01.2001", "52.91.02.2003", "52.91.01.2002"]))
    assert saved.id is not None and saved.created_at is not None and not saved.is_final
    again = store.scenario(saved.id)
    assert again == saved
    assert again.villages[2].reason == "ditambahkan: banjir" and again.settings["top_n"] == 3
    changed = store.save_scenario(Scenario(**{**saved.__dict__, "name": "Usulan Bappeda v2"}))
    assert changed.id == saved.id and changed.name == "Usulan Bappeda v2"
    store.save_scenario(_scenario("Tahun lalu", ["52.91.01.2001"], year=2024))
    assert [s.name for s in store.scenarios(DISTRICT)] == ["Usulan Bappeda v2", "Tahun lalu"]
    assert [s.name for s in store.scenarios(DISTRICT, 2024)] == ["Tahun lalu"]
    with pytest.raises(ScenarioError) as refused:
        store.save_scenario(_scenario("   ", ["52.91.01.2001"]))
    assert refused.value.key == "scenario.name_required"


def test_store081_final_is_read_only_and_one_per_year(store: Store) -> None:
    first = store.save_scenario(_scenario("A", ["52.91.01.2001", "52.91.01.2002"]))
    second = store.save_scenario(_scenario("B", ["52.91.01.2003"]))
    assert first.id is not None and second.id is not None
    final = store.finalise_scenario(first.id)
    assert final.is_final
    with pytest.raises(ScenarioError) as read_only:
        store.save_scenario(Scenario(**{**final.__dict__, "name": "A diubah"}))
    assert read_only.value.key == "scenario.final_read_only"
    assert store.scenario(first.id) == final  # unchanged
    with pytest.raises(ScenarioError) as taken:
        store.finalise_scenario(second.id)
    assert taken.value.key == "scenario.final_exists" and taken.value.params["name"] == "A"
    copy = store.save_scenario(final.copy_as("A (salinan)", "kepala bappeda"))
    assert not copy.is_final and copy.codes == final.codes and copy.author == "kepala bappeda"
    assert compare(final.codes, second.codes).added == ["52.91.01.2003"]
