"""The partners' register (pentahelix): which partner runs which programme in which villages, when, for how much.

Stunting convergence counts on the *pentahelix*: government, business (CSR), universities, media and the
community (Perpres 72/2021, Pasal 4). A district keeps one register of their programmes: partner, sector,
activity, the villages reached, the first and last period (``YYYY``, ``YYYY-MM`` or ``YYYY-Qn``) and the
budget in rupiah. Planners (and admins) of the district record, edit and delete them; leadership reads them.
Every change, and every refusal, is audited (action ``programme_*``). The rules are the server's: the actor
comes from the session, never from the page.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa

from dashboard.auth.roles import Actor, Forbidden, Permission, can, covers
from dashboard.core.periods import PeriodError, parse_period
from dashboard.data import schema
from dashboard.data.commitments import CommitmentError, parse_rupiah
from dashboard.data.registers import AuditedRegister, RegisterError
from dashboard.data.source import DEMO_DISTRICT_CODE

__all__ = [
    "Programme",
    "ProgrammeDraft",
    "ProgrammeError",
    "Programmes",
    "Sector",
    "villages_without_programme",
]

log = logging.getLogger(__name__)

MAX_TEXT = 500  # characters kept of a partner's name or an activity


class Sector(StrEnum):
    """The five sectors of the pentahelix."""

    PEMERINTAH = "pemerintah"  # government (OPD, village government)
    SWASTA = "swasta"  # business: CSR
    PERGURUAN_TINGGI = "perguruan_tinggi"  # universities (KKN tematik, research)
    MEDIA = "media"
    MASYARAKAT = "masyarakat"  # community: NGOs, religious and women's organisations


class ProgrammeError(RegisterError):
    """A programme refused; ``key`` and ``params`` give the message (i18n)."""


@dataclass(frozen=True)
class ProgrammeDraft:
    """What a planner typed or a sheet row held: checked and normalised by :meth:`Programmes.add`."""

    partner: str
    sector: str
    activity: str
    villages: Sequence[str]
    period_start: str
    period_end: str = ""  # empty: the same as the start
    budget: str | int | None = 0


@dataclass(frozen=True)
class Programme:
    """One partner's programme in one district; ``villages`` are village codes, sorted."""

    id: int
    district_code: str
    partner: str
    sector: Sector
    activity: str
    villages: tuple[str, ...]
    period_start: str
    period_end: str
    budget_rupiah: int
    author: str
    created_at: datetime
    updated_at: datetime
    dataset_id: int | None = None

    def active_in(self, period: str) -> bool:
        """True when ``period`` (any kind) falls within the programme's first and last period, by year and month."""
        return _start_key(self.period_start) <= _end_key(period) and _start_key(period) <= _end_key(self.period_end)


def _start_key(period: str) -> str:
    """The first month of a period, ``YYYY-MM``: periods of different kinds compare by the months they cover."""
    if len(period) == 4:
        return f"{period}-01"
    if period[5] == "Q":
        return f"{period[:4]}-{(int(period[6]) - 1) * 3 + 1:02d}"
    return period


def _end_key(period: str) -> str:
    if len(period) == 4:
        return f"{period}-12"
    if period[5] == "Q":
        return f"{period[:4]}-{int(period[6]) * 3:02d}"
    return period


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _period(value: str, field: str) -> str:
    try:
        return parse_period(value)
    except PeriodError:
        raise ProgrammeError("programme.bad_period", field=field, value=str(value or "-")[:40]) from None


def villages_without_programme(village_codes: Iterable[str], programmes: Iterable[Programme],
                               period: str | None = None) -> list[str]:  # fmt: skip
    """The villages no programme reaches (in ``period`` when given; any period otherwise), in the given order.

    >>> p = Programme(1, "99.01", "PT A", Sector.SWASTA, "PMT", ("99.01.01.2001",), "2025", "2025", 0, "a",
    ...               datetime(2025, 1, 1), datetime(2025, 1, 1))
    >>> villages_without_programme(["99.01.01.2001", "99.01.01.2002"], [p])
    ['99.01.01.2002']
    >>> villages_without_programme(["99.01.01.2001"], [p], "2026-Q1")
    ['99.01.01.2001']
    """
    reached = {code for p in programmes if period is None or p.active_in(period) for code in p.villages}
    return [code for code in village_codes if code not in reached]


class Programmes(AuditedRegister):
    """Record, edit, delete and read a district's partners' programmes; every change (and refusal) audited."""

    error = ProgrammeError
    forbidden_key = "programme.forbidden"

    def _values(self, district_code: str, draft: ProgrammeDraft) -> tuple[dict[str, Any], tuple[str, ...]]:
        partner, activity = (draft.partner or "").strip(), (draft.activity or "").strip()
        if not partner:
            raise ProgrammeError("programme.partner_required")
        if not activity:
            raise ProgrammeError("programme.activity_required")
        if draft.sector not in set(Sector):
            raise ProgrammeError("programme.bad_sector", value=str(draft.sector or "-")[:40],
                                 sectors=", ".join(Sector))  # fmt: skip
        start = _period(draft.period_start, "periode_mulai")
        end = _period(draft.period_end, "periode_selesai") if (draft.period_end or "").strip() else start
        if _end_key(end) < _start_key(start):
            raise ProgrammeError("programme.end_before_start", start=start, end=end)
        villages = tuple(sorted({str(code).strip() for code in draft.villages if str(code).strip()}))
        if not villages:
            raise ProgrammeError("programme.villages_required")
        known = set(self.store.villages(district_code)["code"].astype(str))
        unknown = [code for code in villages if code not in known]
        if unknown:
            raise ProgrammeError("programme.unknown_villages", codes=", ".join(unknown[:5]), district=district_code)
        try:
            budget = parse_rupiah(draft.budget if draft.budget not in (None, "") else 0)
        except CommitmentError as error:
            raise ProgrammeError(error.key, **error.params) from None
        values = {"partner": partner[:MAX_TEXT], "sector": str(Sector(draft.sector)), "activity": activity[:MAX_TEXT],
                  "period_start": start, "period_end": end, "budget_rupiah": budget}  # fmt: skip
        return values, villages

    # ------------------------------------------------------------------------------ changes

    def add(self, actor: Actor, district_code: str, draft: ProgrammeDraft, *, dataset_id: int | None = None,
            conn: sa.Connection | None = None) -> Programme:  # fmt: skip
        """Record a programme; raises :class:`ProgrammeError` (refused, or a field to fix).

        ``conn`` writes inside a caller's transaction (a sheet's rows are one transaction: all or none); the caller
        then writes the audit entry after its commit (:func:`dashboard.data.importers.programmes.import_programmes`).
        """
        self._require_writer(actor, district_code, "programme_add")
        values, villages = self._values(district_code, draft)
        when = datetime.now(UTC).replace(microsecond=0)
        row = {"district_code": district_code, "author": actor.label, "created_at": when, "updated_at": when,
               "dataset_id": dataset_id, **values}  # fmt: skip
        if conn is None:
            with self.store._write() as own:
                new_id = self._insert(own, row, villages)
        else:
            new_id = self._insert(conn, row, villages)
        if conn is not None:
            # Inside the caller's transaction: an audit entry written now would wait on that transaction's lock
            # (SQLite) and record a row that may yet be rolled back. The caller audits once it has committed.
            return Programme(new_id, district_code, values["partner"], Sector(values["sector"]), values["activity"],
                             villages, values["period_start"], values["period_end"], values["budget_rupiah"],
                             actor.label, when, when, dataset_id)  # fmt: skip
        self._audit(actor, "programme_add", district_code, id=new_id, sector=values["sector"], villages=len(villages),
                    budget=values["budget_rupiah"])  # fmt: skip
        found = self.programme(new_id)
        assert found is not None
        return found

    @staticmethod
    def _insert(conn: sa.Connection, row: dict[str, Any], villages: Sequence[str]) -> int:
        inserted = conn.execute(schema.partner_programmes.insert().values(**row)).inserted_primary_key
        new_id = int(inserted[0]) if inserted is not None else 0
        conn.execute(schema.partner_programme_villages.insert(),
                     [{"programme_id": new_id, "village_code": code} for code in villages])  # fmt: skip
        return new_id

    def _existing(self, actor: Actor, programme_id: int, action: str) -> Programme:
        found = self.programme(int(programme_id))
        if found is None:
            raise ProgrammeError("programme.not_found", id=programme_id)
        self._require_writer(actor, found.district_code, action)
        return found

    def update(self, actor: Actor, programme_id: int, draft: ProgrammeDraft) -> Programme:
        """Replace a programme's fields and villages; the author and creation time stay."""
        before = self._existing(actor, programme_id, "programme_update")
        values, villages = self._values(before.district_code, draft)
        p, pv = schema.partner_programmes, schema.partner_programme_villages
        with self.store._write() as conn:
            conn.execute(p.update().where(p.c.id == before.id)
                         .values(updated_at=datetime.now(UTC).replace(microsecond=0), **values))  # fmt: skip
            conn.execute(pv.delete().where(pv.c.programme_id == before.id))
            conn.execute(pv.insert(), [{"programme_id": before.id, "village_code": code} for code in villages])
        changed = sorted(key for key, value in values.items() if value != getattr(before, key))
        if villages != before.villages:
            changed.append("villages")
        self._audit(actor, "programme_update", before.district_code, id=before.id, changed=changed)
        after = self.programme(before.id)
        assert after is not None
        return after

    def delete(self, actor: Actor, programme_id: int) -> Programme:
        found = self._existing(actor, programme_id, "programme_delete")
        p, pv = schema.partner_programmes, schema.partner_programme_villages
        with self.store._write() as conn:
            conn.execute(pv.delete().where(pv.c.programme_id == found.id))  # SQLite may run without foreign keys
            conn.execute(p.delete().where(p.c.id == found.id))
        self._audit(actor, "programme_delete", found.district_code, id=found.id, partner_sector=str(found.sector))
        return found

    # ------------------------------------------------------------------------------ reading

    def programme(self, programme_id: int) -> Programme | None:
        found = self._select(schema.partner_programmes.c.id == int(programme_id))
        return found[0] if found else None

    def _select(self, *conditions: sa.ColumnElement[bool]) -> list[Programme]:
        p, pv = schema.partner_programmes, schema.partner_programme_villages
        with self.store._read() as conn:
            query = sa.select(p).where(*conditions).order_by(p.c.period_start, p.c.partner, p.c.id)
            rows = conn.execute(query).mappings().all()
            ids = [int(row["id"]) for row in rows]
            reached: dict[int, list[str]] = {i: [] for i in ids}
            if ids:
                links = conn.execute(sa.select(pv.c.programme_id, pv.c.village_code)
                                     .where(pv.c.programme_id.in_(ids))).all()  # fmt: skip
                for programme_id, code in links:
                    reached[int(programme_id)].append(str(code))
        return [
            Programme(int(row["id"]), str(row["district_code"]), str(row["partner"]), Sector(row["sector"]),
                      str(row["activity"]), tuple(sorted(reached[int(row["id"])])), str(row["period_start"]),
                      str(row["period_end"]), int(row["budget_rupiah"]), str(row["author"]), _utc(row["created_at"]),
                      _utc(row["updated_at"]), None if row["dataset_id"] is None else int(row["dataset_id"]))
            for row in rows
        ]  # fmt: skip

    def of_district(self, actor: Actor, district_code: str) -> list[Programme]:
        """A district's programmes (by first period, partner), for a reader of its area or of the demo.

        Raises :class:`~dashboard.auth.roles.Forbidden` for anyone else.
        """
        readable = covers(actor, district_code) or district_code == DEMO_DISTRICT_CODE
        if not can(actor, Permission.VIEW) or not readable:
            raise Forbidden(actor, f"read the partners' programmes of {district_code}")
        return self._select(schema.partner_programmes.c.district_code == district_code)

    def of_village(self, actor: Actor, village_code: str) -> list[Programme]:
        """The programmes reaching one village (``PP.KK.CC.DDDD``); the reader's area is checked as above."""
        district = village_code[:5]
        return [p for p in self.of_district(actor, district) if village_code in p.villages]
