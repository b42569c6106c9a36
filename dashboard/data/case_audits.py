"""Stunting case audits (audit kasus stunting): findings per village and period, never a child's identity.

A district's case-audit team (BKKBN, *Petunjuk Teknis Audit Kasus Stunting*, 2023) reviews cases of stunted
children, pregnant women and brides-to-be at risk, and records what caused them and what should be done.
Lokus keeps only the findings a planner needs to see where and why: the village, the period, the cause
categories, the recommended action and its follow-up. No name, NIK, birth date, address or phone number is
ever stored: free text that holds one (a 16-digit number, a phone number, a date) is refused with the field
to fix. Planners (and admins) of the district record, edit and delete findings; every change and refusal is
audited (action ``case_audit_*``).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa

from dashboard.auth.roles import Actor, Forbidden, Permission, can, covers
from dashboard.core.periods import PeriodError, implausible_period, parse_period
from dashboard.data import schema
from dashboard.data.registers import AuditedRegister, RegisterError
from dashboard.data.source import DEMO_DISTRICT_CODE

__all__ = [
    "CaseAudit",
    "CaseAuditDraft",
    "CaseAuditError",
    "CaseAudits",
    "Cause",
    "FollowUp",
    "audits_per_village",
    "identifying_text",
]

log = logging.getLogger(__name__)

MAX_TEXT = 1000


class Cause(StrEnum):
    """Cause categories of a case audit's findings (the direct and underlying causes of the national strategy)."""

    ASUPAN_GIZI = "asupan_gizi"  # inadequate diet, complementary feeding
    PENYAKIT_INFEKSI = "penyakit_infeksi"  # infections, diarrhoea, TB, worms
    POLA_ASUH = "pola_asuh"  # parenting and feeding practices
    KEHAMILAN_BERISIKO = "kehamilan_berisiko"  # pregnancy at risk: anaemia, KEK, "4 terlalu"
    BBLR_PREMATUR = "bblr_prematur"  # low birth weight, preterm birth
    AIR_SANITASI = "air_sanitasi"  # unsafe water, sanitation
    AKSES_LAYANAN = "akses_layanan"  # health services not reached (posyandu, immunisation, ANC)
    EKONOMI = "ekonomi"  # poverty, food insecurity, social protection not received
    LAINNYA = "lainnya"


class FollowUp(StrEnum):
    BELUM = "belum"  # not started
    BERJALAN = "berjalan"  # under way
    SELESAI = "selesai"  # done


class CaseAuditError(RegisterError):
    """A finding refused; ``key`` and ``params`` give the message (i18n)."""


# What identifies a person in free text: a NIK or KK (16 digits, perhaps spaced), a phone number, a date.
_IDENTITY = re.compile(r"(?<!\d)(?:\d[\s.-]?){15}\d(?!\d)")
_PHONE = re.compile(r"(?<!\d)(?:\+?62|0)[\s-]?8\d(?:[\s-]?\d){6,11}(?!\d)")
_DATE = re.compile(r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")


def identifying_text(text: str) -> str | None:
    """What in ``text`` could identify a child or parent: ``"nik"``, ``"phone"``, ``"date"``, or None.

    >>> identifying_text("PMT 90 hari, kunjungan rumah"), identifying_text("anak NIK 3201 2345 6789 0001")
    (None, 'nik')
    >>> identifying_text("hubungi 0812-3456-7890"), identifying_text("lahir 12/03/2023")
    ('phone', 'date')
    """
    if _IDENTITY.search(text):
        return "nik"
    if _PHONE.search(text):
        return "phone"
    if _DATE.search(text):
        return "date"
    return None


@dataclass(frozen=True)
class CaseAuditDraft:
    """What a planner typed: checked and normalised by :meth:`CaseAudits.add` and :meth:`CaseAudits.update`."""

    village_code: str
    period: str
    causes: Sequence[str]
    recommendation: str
    follow_up: str = FollowUp.BELUM
    note: str = ""


@dataclass(frozen=True)
class CaseAudit:
    """One village's findings of one audit."""

    id: int
    district_code: str
    village_code: str
    period: str
    causes: tuple[Cause, ...]
    recommendation: str
    follow_up: FollowUp
    note: str
    author: str
    created_at: datetime
    updated_at: datetime


def audits_per_village(audits: Iterable[CaseAudit], period: str | None = None) -> dict[str, int]:
    """How many findings each village has (in ``period`` when given): ``{village code: count}``, zero absent."""
    return dict(Counter(a.village_code for a in audits if period is None or a.period == period))


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class CaseAudits(AuditedRegister):
    """Record, edit, delete and read a district's case-audit findings; every change (and refusal) audited."""

    error = CaseAuditError
    forbidden_key = "case_audit.forbidden"

    def _values(self, draft: CaseAuditDraft) -> dict[str, Any]:
        village = (draft.village_code or "").strip()
        district = village[:5]
        if village not in set(self.store.villages(district)["code"].astype(str)):
            raise CaseAuditError("case_audit.unknown_village", village=village[:40] or "-")
        try:
            period = parse_period(draft.period)
        except PeriodError:
            raise CaseAuditError("case_audit.bad_period", value=str(draft.period or "-")[:40]) from None
        if implausible_period(period) is not None:
            raise CaseAuditError("case_audit.bad_period", value=period)
        causes = tuple(dict.fromkeys(str(c) for c in draft.causes))
        if not causes:
            raise CaseAuditError("case_audit.causes_required")
        unknown = [c for c in causes if c not in set(Cause)]
        if unknown:
            raise CaseAuditError("case_audit.bad_cause", value=unknown[0][:40], causes=", ".join(Cause))
        if draft.follow_up not in set(FollowUp):
            raise CaseAuditError("case_audit.bad_follow_up", value=str(draft.follow_up or "-")[:40])
        recommendation, note = (draft.recommendation or "").strip(), (draft.note or "").strip()
        if not recommendation:
            raise CaseAuditError("case_audit.recommendation_required")
        for field, text in (("rekomendasi", recommendation), ("catatan", note)):
            if (found := identifying_text(text)) is not None:
                raise CaseAuditError("case_audit.identifying", field=field, kind=found)
        return {"district_code": district, "village_code": village, "period": period,
                "causes": [str(Cause(c)) for c in causes], "recommendation": recommendation[:MAX_TEXT],
                "follow_up": str(FollowUp(draft.follow_up)), "note": note[:MAX_TEXT]}  # fmt: skip

    def add(self, actor: Actor, draft: CaseAuditDraft) -> CaseAudit:
        """Record a finding for a village of the actor's area; raises :class:`CaseAuditError`."""
        district = (draft.village_code or "").strip()[:5]
        self._require_writer(actor, district, "case_audit_add")
        values = self._values(draft)
        when = datetime.now(UTC).replace(microsecond=0)
        with self.store._write() as conn:
            inserted = conn.execute(
                schema.case_audits.insert().values(author=actor.label, created_at=when, updated_at=when, **values)
            ).inserted_primary_key
        new_id = int(inserted[0]) if inserted is not None else 0
        self._audit(actor, "case_audit_add", district, id=new_id, village=values["village_code"],
                    period=values["period"], causes=values["causes"])  # fmt: skip
        found = self.case_audit(new_id)
        assert found is not None
        return found

    def _existing(self, actor: Actor, audit_id: int, action: str) -> CaseAudit:
        found = self.case_audit(int(audit_id))
        if found is None:
            raise CaseAuditError("case_audit.not_found", id=audit_id)
        self._require_writer(actor, found.district_code, action)
        return found

    def update(self, actor: Actor, audit_id: int, draft: CaseAuditDraft) -> CaseAudit:
        before = self._existing(actor, audit_id, "case_audit_update")
        if (draft.village_code or "").strip()[:5] != before.district_code:
            self._require_writer(actor, (draft.village_code or "").strip()[:5], "case_audit_update")
        values = self._values(draft)
        a = schema.case_audits
        with self.store._write() as conn:
            conn.execute(a.update().where(a.c.id == before.id)
                         .values(updated_at=datetime.now(UTC).replace(microsecond=0), **values))  # fmt: skip
        self._audit(actor, "case_audit_update", before.district_code, id=before.id, follow_up=values["follow_up"])
        after = self.case_audit(before.id)
        assert after is not None
        return after

    def delete(self, actor: Actor, audit_id: int) -> CaseAudit:
        found = self._existing(actor, audit_id, "case_audit_delete")
        a = schema.case_audits
        with self.store._write() as conn:
            conn.execute(a.delete().where(a.c.id == found.id))
        self._audit(actor, "case_audit_delete", found.district_code, id=found.id, village=found.village_code)
        return found

    # ------------------------------------------------------------------------------ reading

    def case_audit(self, audit_id: int) -> CaseAudit | None:
        found = self._select(schema.case_audits.c.id == int(audit_id))
        return found[0] if found else None

    def _select(self, *conditions: sa.ColumnElement[bool]) -> list[CaseAudit]:
        a = schema.case_audits
        with self.store._read() as conn:
            rows = conn.execute(sa.select(a).where(*conditions).order_by(a.c.period.desc(), a.c.village_code, a.c.id))
            found = rows.mappings().all()
        return [
            CaseAudit(int(r["id"]), str(r["district_code"]), str(r["village_code"]), str(r["period"]),
                      tuple(Cause(c) for c in r["causes"]), str(r["recommendation"]), FollowUp(r["follow_up"]),
                      str(r["note"]), str(r["author"]), _utc(r["created_at"]), _utc(r["updated_at"]))
            for r in found
        ]  # fmt: skip

    def of_district(self, actor: Actor, district_code: str) -> list[CaseAudit]:
        """A district's findings (newest period first), for a reader of its area or of the demo; raises
        :class:`~dashboard.auth.roles.Forbidden` for anyone else."""
        readable = covers(actor, district_code) or district_code == DEMO_DISTRICT_CODE
        if not can(actor, Permission.VIEW) or not readable:
            raise Forbidden(actor, f"read the case audits of {district_code}")
        return self._select(schema.case_audits.c.district_code == district_code)

    def of_village(self, actor: Actor, village_code: str) -> list[CaseAudit]:
        return [a for a in self.of_district(actor, village_code[:5]) if a.village_code == village_code]
