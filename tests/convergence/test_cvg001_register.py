"""The partners' register and case audits: written only by planners of the area, audited, read by its readers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dashboard.auth.roles import Actor, Forbidden, Role
from dashboard.core.periods import (
    PeriodError,
    implausible_period,
    parse_period,
    period_kind,
    period_label,
    previous_period,
)
from dashboard.data.accounts import Accounts
from dashboard.data.case_audits import CaseAuditDraft, CaseAuditError, CaseAudits, audits_per_village
from dashboard.data.programmes import Programme, ProgrammeDraft, ProgrammeError, Programmes, villages_without_programme
from dashboard.data.store import Store

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
PLANNER = Actor(7, "perencana.uji", Role.PERENCANA, ("99.01",))
OTHER_PLANNER = Actor(8, "perencana.lain", Role.PERENCANA, ("64.74",))
LEADER = Actor(9, "pimpinan.uji", Role.PIMPINAN, ("99.01",))


@pytest.fixture
def demo(store_url: str) -> Iterator[Store]:
    store = Store.open(store_url)
    store.ensure_demo(GEODATA)
    try:
        yield store
    finally:
        store.close()


def _codes(store: Store) -> list[str]:
    return sorted(store.villages("99.01")["code"].astype(str))


def _ours(programmes: list[Programme]) -> list[Programme]:
    """The programmes a test recorded, without the demo's own register (author ``demo``)."""
    return [p for p in programmes if p.author != "demo"]


def _audit_actions(store: Store) -> list[tuple[str, str]]:
    entries = Accounts(store).audit_entries()
    return [(str(a), str(o)) for a, o in zip(entries["action"], entries["outcome"], strict=True)]


def test_cvg001_programme_round_trip_and_no_partner_villages(demo: Store) -> None:
    codes = _codes(demo)
    register = Programmes(demo, Accounts(demo))
    draft = ProgrammeDraft("PT Sumber Air", "swasta", "PMT lokal", codes[:2], "2025-Q1", "2025-Q4", "Rp 25.000.000")
    added = register.add(PLANNER, "99.01", draft)
    assert (added.villages, added.budget_rupiah, added.period_start, added.period_end) == (
        tuple(codes[:2]), 25_000_000, "2025-Q1", "2025-Q4")  # fmt: skip
    register.add(PLANNER, "99.01", ProgrammeDraft("Univ. Contoh", "perguruan_tinggi", "KKN", [codes[2]], "2026"))
    found = _ours(register.of_district(LEADER, "99.01"))
    assert [p.partner for p in found] == ["PT Sumber Air", "Univ. Contoh"]
    assert villages_without_programme(codes, found) == codes[3:]
    assert villages_without_programme(codes, found, "2026-03") == [c for c in codes if c != codes[2]]
    updated = register.update(PLANNER, added.id, ProgrammeDraft("PT Sumber Air", "swasta", "PMT", [codes[4]], "2025"))
    assert updated.villages == (codes[4],) and updated.author == PLANNER.label
    assert [p.id for p in register.of_village(LEADER, codes[4])] == [added.id]
    register.delete(PLANNER, added.id)
    assert [p.partner for p in _ours(register.of_district(LEADER, "99.01"))] == ["Univ. Contoh"]
    actions = _audit_actions(demo)
    for action in ("programme_add", "programme_update", "programme_delete"):
        assert (action, "ok") in actions


@pytest.mark.parametrize("actor", [LEADER, OTHER_PLANNER], ids=["pimpinan", "other-area"])
def test_cvg002_programme_refused_outside_role_or_area(demo: Store, actor: Actor) -> None:
    register = Programmes(demo, Accounts(demo))
    with pytest.raises(ProgrammeError, match=r"programme\.forbidden"):
        register.add(actor, "99.01", ProgrammeDraft("PT A", "swasta", "PMT", _codes(demo)[:1], "2025"))
    assert ("programme_add", "refused") in _audit_actions(demo)
    assert _ours(register.of_district(LEADER, "99.01")) == []


def test_cvg003_programme_fields_checked(demo: Store) -> None:
    register = Programmes(demo)
    code = _codes(demo)[0]
    cases = {
        "programme.bad_sector": ProgrammeDraft("PT A", "bank", "PMT", [code], "2025"),
        "programme.unknown_villages": ProgrammeDraft("PT A", "swasta", "PMT", ["99.01.09.2999"], "2025"),
        "programme.end_before_start": ProgrammeDraft("PT A", "swasta", "PMT", [code], "2025-06", "2025-Q1"),
        "programme.bad_period": ProgrammeDraft("PT A", "swasta", "PMT", [code], "bulan depan"),
        "programme.villages_required": ProgrammeDraft("PT A", "swasta", "PMT", [], "2025"),
        "commitment.negative_budget": ProgrammeDraft("PT A", "swasta", "PMT", [code], "2025", "", "-5"),
    }
    for key, draft in cases.items():
        with pytest.raises(ProgrammeError) as raised:
            register.add(PLANNER, "99.01", draft)
        assert raised.value.key == key
    with pytest.raises(Forbidden):
        register.of_district(LEADER, "64.74")


@pytest.mark.parametrize(
    "text", ["NIK 3201234567890001", "KK 3201 2345 6789 0001", "ibu: 0812-3456-7890", "lahir 03/04/2023",
             "tgl 2023-04-03", "+62 812 3456 7890"],
)  # fmt: skip
def test_cvg004_case_audit_refuses_identifying_text(demo: Store, text: str) -> None:
    audits = CaseAudits(demo, Accounts(demo))
    draft = CaseAuditDraft(_codes(demo)[0], "2025-Q2", ["asupan_gizi"], "PMT dan kunjungan rumah", note=text)
    with pytest.raises(CaseAuditError) as raised:
        audits.add(PLANNER, draft)
    assert raised.value.key == "case_audit.identifying"
    assert audits.of_district(LEADER, "99.01") == []


def test_cvg005_case_audits_counted_per_village_and_audited(demo: Store) -> None:
    codes = _codes(demo)
    audits = CaseAudits(demo, Accounts(demo))
    for code, period in ((codes[0], "2025-Q2"), (codes[0], "2025-Q3"), (codes[1], "2025-Q3")):
        audits.add(PLANNER, CaseAuditDraft(code, period, ["pola_asuh", "air_sanitasi"], "Kelas pengasuhan"))
    found = audits.of_district(LEADER, "99.01")
    assert audits_per_village(found) == {codes[0]: 2, codes[1]: 1}
    assert audits_per_village(found, "2025-Q3") == {codes[0]: 1, codes[1]: 1}
    with pytest.raises(CaseAuditError, match=r"case_audit\.forbidden"):
        audits.add(LEADER, CaseAuditDraft(codes[2], "2025-Q3", ["lainnya"], "x"))
    first = found[0]
    done = audits.update(
        PLANNER, first.id, CaseAuditDraft(first.village_code, first.period, ["pola_asuh"], "Kelas", "selesai")
    )
    assert str(done.follow_up) == "selesai"
    audits.delete(PLANNER, done.id)
    assert len(audits.of_district(LEADER, "99.01")) == 2
    actions = _audit_actions(demo)
    assert {("case_audit_add", "ok"), ("case_audit_add", "refused"), ("case_audit_update", "ok"),
            ("case_audit_delete", "ok")} <= set(actions)  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2025-Q1", "2025-Q1"), ("Q2 2025", "2025-Q2"), ("2025 Q3", "2025-Q3"), ("Triwulan IV 2025", "2025-Q4"),
     ("TW 2 2025", "2025-Q2"), ("tw2-2025", "2025-Q2"), ("Kuartal 3 2025", "2025-Q3"), ("triwulan iii 2025", "2025-Q3"),
     ("Q1-2026", "2026-Q1"), ("2025-03", "2025-03"), ("2025", "2025")],
)  # fmt: skip
def test_cvg010_quarters_read_in_their_spellings(raw: str, expected: str) -> None:
    assert parse_period(raw) == expected


def test_cvg011_quarters_ordered_labelled_and_plausible() -> None:
    assert period_kind("2025-Q2") == "quarter" and period_kind("2025-02") == "month" and period_kind("2025") == "year"
    assert period_label("2025-Q2") == "Triwulan II 2025" and period_label("2025-Q2", "en") == "Q2 2025"
    available = ["2024-Q4", "2025-01", "2025-Q1", "2025-Q2", "2025-02"]
    assert previous_period("2025-Q2", available) == "2025-Q1"
    assert previous_period("2025-Q1", available) == "2024-Q4"
    assert previous_period("2025-02", available) == "2025-01"
    today = date(2026, 4, 2)
    assert implausible_period("2026-Q2", today) is None and implausible_period("2026-Q3", today) == "future"
    for bad in ("2025-Q5", "2025-Q0"):
        with pytest.raises(PeriodError):
            period_kind(bad)
    with pytest.raises(PeriodError):
        parse_period("Q5 2025")
