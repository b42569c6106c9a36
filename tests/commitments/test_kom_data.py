"""Commitments saved, reopened, edited, deleted, removed with their scenario, validated, refused and audited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from dashboard.auth.roles import Actor, Forbidden, Role
from dashboard.data.accounts import Accounts
from dashboard.data.commitments import (
    CommitmentDraft,
    CommitmentError,
    Commitments,
    Funding,
    Status,
    parse_rupiah,
    status_counts,
    totals_by_funding,
)
from dashboard.data.scenarios import Scenario, ScenarioVillage
from dashboard.data.store import Store

PLANNER = Actor(7, "rina", Role.PERENCANA, ("99.01",))
OTHER_PLANNER = Actor(8, "budi", Role.PERENCANA, ("64.74",))
LEADER = Actor(9, "kepala", Role.PIMPINAN, ("99.01",))
VILLAGES = ("99.01.01.2001", "99.01.01.2002")


def _scenario(store: Store) -> int:
    villages = tuple(ScenarioVillage(code, i + 1, 80.0 - i, 30.0, 12.0, "") for i, code in enumerate(VILLAGES))
    saved = store.save_scenario(Scenario("99.01", 2026, "2025-08", "Rembuk 2026", "weighted", {}, villages, "rina"))
    assert saved.id is not None
    return saved.id


def _draft(**changes: object) -> CommitmentDraft:
    values: dict[str, object] = {
        "village_code": VILLAGES[0],
        "activity": "Kelas ibu hamil",
        "responsible": "Dinas Kesehatan",
        "funding": "apbd",
        "budget": "1.500.000",
        "target_date": "2026-06-30",
    }
    values.update(changes)
    return CommitmentDraft(**values)  # type: ignore[arg-type]


@pytest.fixture
def opened(store_url: str) -> Iterator[tuple[Store, Commitments, int]]:
    store = Store.open(store_url)
    try:
        yield store, Commitments(store, Accounts(store)), _scenario(store)
    finally:
        store.close()


def test_kom001_saved_and_reopened_by_a_new_store(store_url: str, opened: tuple[Store, Commitments, int]) -> None:
    _, commitments, scenario_id = opened
    first = commitments.add(PLANNER, scenario_id, _draft())
    commitments.add(PLANNER, scenario_id, _draft(village_code=VILLAGES[1], funding="dana_desa", budget=250_000_000,
                                                 status="berjalan", note="=HYPERLINK(1)"))  # fmt: skip
    assert (first.budget_rupiah, first.funding, first.status, first.author) == (
        1_500_000, Funding.APBD, Status.DIRENCANAKAN, "rina",
    )  # fmt: skip
    assert first.target_date == date(2026, 6, 30)
    with Store.open(store_url) as again:
        rows = Commitments(again).of_scenario(LEADER, scenario_id)
    assert rows == commitments.of_scenario(PLANNER, scenario_id)
    assert [(r.village_code, r.budget_rupiah, r.note) for r in rows] == [
        (VILLAGES[0], 1_500_000, ""), (VILLAGES[1], 250_000_000, "=HYPERLINK(1)"),
    ]  # fmt: skip


def test_kom002_edited_status_and_deleted(opened: tuple[Store, Commitments, int]) -> None:
    _, commitments, scenario_id = opened
    added = commitments.add(PLANNER, scenario_id, _draft())
    edited = commitments.update(PLANNER, added.id, _draft(budget="2.000.000", responsible="DP3AP2KB"))
    assert (edited.budget_rupiah, edited.responsible, edited.created_at) == (2_000_000, "DP3AP2KB", added.created_at)
    assert commitments.set_status(PLANNER, added.id, "selesai").status is Status.SELESAI
    assert commitments.delete(PLANNER, added.id).id == added.id
    assert commitments.of_scenario(PLANNER, scenario_id) == []
    with pytest.raises(CommitmentError) as missing:
        commitments.delete(PLANNER, added.id)
    assert missing.value.key == "commitment.not_found"


def test_kom003_removed_with_their_scenario(opened: tuple[Store, Commitments, int]) -> None:
    store, commitments, scenario_id = opened
    added = commitments.add(PLANNER, scenario_id, _draft())
    store.delete_scenario(scenario_id)
    assert commitments.commitment(added.id) is None


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"funding": "hibah"}, "commitment.bad_funding"),
        ({"budget": "-5.000"}, "commitment.negative_budget"),
        ({"budget": -5}, "commitment.negative_budget"),
        ({"budget": "1,5 juta"}, "commitment.bad_budget"),
        ({"village_code": "99.01.02.2009"}, "commitment.village_not_in_scenario"),
        ({"target_date": "30/06/2026"}, "commitment.bad_date"),
        ({"activity": "  "}, "commitment.activity_required"),
        ({"status": "ditunda"}, "commitment.bad_status"),
    ],
)
def test_kom004_invalid_commitments_refused_with_a_message(
    opened: tuple[Store, Commitments, int], changes: dict[str, object], key: str
) -> None:
    _, commitments, scenario_id = opened
    with pytest.raises(CommitmentError) as refused:
        commitments.add(PLANNER, scenario_id, _draft(**changes))
    assert refused.value.key == key
    assert commitments.of_scenario(PLANNER, scenario_id) == []


def test_kom005_another_district_and_leadership_may_not_write_and_are_audited(
    opened: tuple[Store, Commitments, int],
) -> None:
    store, commitments, scenario_id = opened
    added = commitments.add(PLANNER, scenario_id, _draft())
    for actor in (OTHER_PLANNER, LEADER):
        with pytest.raises(CommitmentError) as refused:
            commitments.add(actor, scenario_id, _draft())
        assert refused.value.key == "commitment.forbidden"
        with pytest.raises(CommitmentError):
            commitments.delete(actor, added.id)
    commitments.set_status(PLANNER, added.id, "berjalan")
    commitments.delete(PLANNER, added.id)
    log = Accounts(store).audit_entries()
    mine = log[log["action"].str.startswith("commitment_")]
    got = sorted(zip(mine["action"], mine["username"], mine["outcome"], strict=True))
    assert got == sorted(
        [
            ("commitment_add", "rina", "ok"),
            ("commitment_add", "budi", "refused"),
            ("commitment_add", "kepala", "refused"),
            ("commitment_delete", "budi", "refused"),
            ("commitment_delete", "kepala", "refused"),
            ("commitment_update", "rina", "ok"),
            ("commitment_delete", "rina", "ok"),
        ]
    )
    assert set(mine["target"]) == {str(scenario_id)}


def test_kom006_rupiah_in_indonesian_format_and_totals() -> None:
    assert parse_rupiah("1.500.000") == parse_rupiah("Rp1500000") == 1_500_000
    with pytest.raises(CommitmentError):
        parse_rupiah("1.50.000")  # a misplaced dot is a typo, not fifteen thousand
    assert totals_by_funding([]) == dict.fromkeys(Funding, 0)


def test_kom007_the_final_list_of_a_year_and_its_commitments_for_the_annual_review(
    opened: tuple[Store, Commitments, int],
) -> None:
    store, commitments, scenario_id = opened
    assert commitments.of_final(LEADER, "99.01", 2026) == (None, [])
    commitments.add(PLANNER, scenario_id, _draft(status="selesai"))
    commitments.add(PLANNER, scenario_id, _draft(village_code=VILLAGES[1], funding="csr_mitra", budget="3.000.000"))
    store.finalise_scenario(scenario_id)
    final, rows = commitments.of_final(LEADER, "99.01", 2026)
    assert final is not None and final.id == scenario_id and len(rows) == 2
    assert status_counts(rows) == {Status.DIRENCANAKAN: 1, Status.BERJALAN: 0, Status.SELESAI: 1, Status.BATAL: 0}
    assert totals_by_funding(rows)[Funding.CSR_MITRA] == 3_000_000
    outsider = Actor(3, "luar", Role.PIMPINAN, ("64.74",))
    assert len(commitments.of_final(outsider, "99.01", 2026)[1]) == 2  # the fictional demo is everyone's to read
    village = ScenarioVillage("52.03.01.2001", 1, 80.0, 30.0, 12.0, "")
    real = store.save_scenario(Scenario("52.03", 2026, "2025-08", "Nyata", "weighted", {}, (village,), "x"))
    with pytest.raises(Forbidden):
        commitments.of_scenario(outsider, real.id or 0)
