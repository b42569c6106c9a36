"""Rembuk stunting commitments (Aksi 3): what each lokus village of a scenario was promised, and the minutes' annex.

At the *rembuk stunting* (the district's stunting consultation, Aksi 3 of the convergence actions) the OPDs
(*organisasi perangkat daerah*, the district's agencies) and partners agree activities for each lokus village:
who does what, paid from which source (APBD, Dana Desa, CSR/partner, other), for how many rupiah, by when.
Planners of the scenario's district record, edit and delete them; leadership reads them. Every change, and
every refusal, is audited. The annex of the minutes is written as XLSX and PDF by :func:`commitments_xlsx`
and :func:`commitments_pdf`.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any
from xml.sax.saxutils import escape

import sqlalchemy as sa

from dashboard.auth.roles import Actor, Forbidden, Permission, can, covers
from dashboard.core.spreadsheet import neutralise
from dashboard.data import schema
from dashboard.data.accounts import Accounts
from dashboard.data.scenarios import Scenario
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import Store
from dashboard.i18n import fmt_int, t

__all__ = [
    "AnnexHeading",
    "Commitment",
    "CommitmentDraft",
    "CommitmentError",
    "Commitments",
    "Funding",
    "Status",
    "commitments_pdf",
    "commitments_xlsx",
    "parse_date",
    "parse_rupiah",
    "status_counts",
    "totals_by_funding",
]

log = logging.getLogger(__name__)

MAX_BUDGET = 10**15  # a thousand trillion rupiah: above any district's whole budget, so a typo, not a plan
_RUPIAH = re.compile(r"\d{1,3}(\.\d{3})+|\d+")


class Funding(StrEnum):
    """Where the money comes from."""

    APBD = "apbd"  # the district's own budget
    DANA_DESA = "dana_desa"  # the village fund
    CSR_MITRA = "csr_mitra"  # a company's CSR or a development partner
    LAINNYA = "lainnya"  # other


class Status(StrEnum):
    DIRENCANAKAN = "direncanakan"  # planned
    BERJALAN = "berjalan"  # under way
    SELESAI = "selesai"  # done
    BATAL = "batal"  # cancelled


class CommitmentError(ValueError):
    """A commitment refused; ``key`` and ``params`` give the message (i18n)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class CommitmentDraft:
    """What a planner typed: checked and normalised by :meth:`Commitments.add` and :meth:`Commitments.update`."""

    village_code: str
    activity: str
    responsible: str
    funding: str
    budget: str | int | None
    target_date: str | date | None
    status: str = Status.DIRENCANAKAN
    note: str = ""


@dataclass(frozen=True)
class Commitment:
    """One agreed activity for one lokus village of a scenario."""

    id: int
    scenario_id: int
    village_code: str
    activity: str
    responsible: str
    funding: Funding
    budget_rupiah: int
    target_date: date
    status: Status
    note: str
    author: str
    created_at: datetime
    updated_at: datetime


def parse_rupiah(value: str | int | None) -> int:
    """An amount in whole rupiah, written the Indonesian way or plain; raises :class:`CommitmentError`.

    >>> parse_rupiah("Rp 1.500.000"), parse_rupiah("1500000"), parse_rupiah("2.000.000,00"), parse_rupiah(0)
    (1500000, 1500000, 2000000, 0)
    """
    if isinstance(value, bool):
        raise CommitmentError("commitment.bad_budget", value=value)
    if isinstance(value, int):
        amount = value
    else:
        text = (value or "").strip()
        compact = re.sub(r"^rp\.?\s*", "", text, flags=re.IGNORECASE).replace(" ", "")
        compact = re.sub(r",0{1,2}$", "", compact)  # "2.000.000,00": sen written out, always zero
        if compact.startswith("-") and _RUPIAH.fullmatch(compact[1:]):
            raise CommitmentError("commitment.negative_budget")
        if not _RUPIAH.fullmatch(compact):
            raise CommitmentError("commitment.bad_budget", value=text or "-")
        amount = int(compact.replace(".", ""))
    if amount < 0:
        raise CommitmentError("commitment.negative_budget")
    if amount > MAX_BUDGET:
        raise CommitmentError("commitment.bad_budget", value=value)
    return amount


def parse_date(value: str | date | None) -> date:
    """A target date from ``YYYY-MM-DD`` (what the date picker sends); raises :class:`CommitmentError`."""
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    else:
        try:
            found = date.fromisoformat(str(value or "").strip()[:10])
        except ValueError:
            raise CommitmentError("commitment.bad_date", value=value or "-") from None
    if not 2000 <= found.year <= 2100:
        raise CommitmentError("commitment.bad_date", value=found.isoformat())
    return found


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _commitment(row: sa.RowMapping) -> Commitment:
    target = row["target_date"]
    return Commitment(
        id=int(row["id"]),
        scenario_id=int(row["scenario_id"]),
        village_code=str(row["village_code"]),
        activity=str(row["activity"]),
        responsible=str(row["responsible"]),
        funding=Funding(row["funding"]),
        budget_rupiah=int(row["budget_rupiah"]),
        target_date=target if isinstance(target, date) else date.fromisoformat(str(target)),
        status=Status(row["status"]),
        note=str(row["note"]),
        author=str(row["author"]),
        created_at=_utc(row["created_at"]),
        updated_at=_utc(row["updated_at"]),
    )


def totals_by_funding(commitments: Sequence[Commitment]) -> dict[Funding, int]:
    """The budget per funding source (every source, zero when unused); cancelled commitments count for nothing."""
    totals = dict.fromkeys(Funding, 0)
    for commitment in commitments:
        if commitment.status is not Status.BATAL:
            totals[commitment.funding] += commitment.budget_rupiah
    return totals


class Commitments:
    """Record, edit, delete and read a scenario's commitments; every change (and refusal) audited."""

    def __init__(self, store: Store, accounts: Accounts | None = None) -> None:
        self.store = store
        self.accounts = accounts

    # ------------------------------------------------------------------------------ checks

    def _audit(self, actor: Actor, action: str, scenario_id: int, outcome: str = "ok", **detail: object) -> None:
        if self.accounts is not None:
            self.accounts.audit(actor, action, target=str(scenario_id), detail=detail, outcome=outcome)

    def _writable(self, actor: Actor, scenario_id: int, action: str) -> Scenario:
        """The scenario, when ``actor`` may change its commitments: a planner (or admin) of its district."""
        scenario = self.store.scenario(int(scenario_id))
        if scenario is None:
            raise CommitmentError("commitment.scenario_not_found", id=scenario_id)
        if not can(actor, Permission.SAVE_SCENARIO) or not covers(actor, scenario.district_code):
            self._audit(actor, action, int(scenario_id), "refused", district=scenario.district_code)
            raise CommitmentError("commitment.forbidden")
        return scenario

    @staticmethod
    def _values(scenario: Scenario, draft: CommitmentDraft) -> dict[str, Any]:
        village = (draft.village_code or "").strip()
        if village not in scenario.codes:
            raise CommitmentError("commitment.village_not_in_scenario", village=village or "-", name=scenario.name)
        activity, responsible, note = draft.activity.strip(), draft.responsible.strip(), (draft.note or "").strip()
        if not activity:
            raise CommitmentError("commitment.activity_required")
        if not responsible:
            raise CommitmentError("commitment.responsible_required")
        if draft.funding not in set(Funding):
            raise CommitmentError("commitment.bad_funding", value=draft.funding or "-")
        if draft.status not in set(Status):
            raise CommitmentError("commitment.bad_status", value=draft.status or "-")
        return {
            "village_code": village,
            "activity": activity[:500],
            "responsible": responsible[:200],
            "funding": str(Funding(draft.funding)),
            "budget_rupiah": parse_rupiah(draft.budget),
            "target_date": parse_date(draft.target_date),
            "status": str(Status(draft.status)),
            "note": note[:1000],
        }

    # ------------------------------------------------------------------------------ changes

    def add(self, actor: Actor, scenario_id: int, draft: CommitmentDraft, now: datetime | None = None) -> Commitment:
        """Record a commitment for one of the scenario's lokus villages; raises :class:`CommitmentError`."""
        scenario = self._writable(actor, scenario_id, "commitment_add")
        values = self._values(scenario, draft)
        when = _utc(now or datetime.now(UTC)).replace(microsecond=0)
        with self.store._write() as conn:
            inserted = conn.execute(
                schema.commitments.insert().values(
                    scenario_id=int(scenario_id), author=actor.label, created_at=when, updated_at=when, **values
                )
            ).inserted_primary_key
        new_id = int(inserted[0]) if inserted is not None else 0
        self._audit(actor, "commitment_add", int(scenario_id), id=new_id, village=values["village_code"],
                    funding=values["funding"], budget=values["budget_rupiah"], status=values["status"])  # fmt: skip
        log.info("commitment %d added to scenario %d", new_id, scenario_id)
        found = self.commitment(new_id)
        assert found is not None
        return found

    def _existing(self, actor: Actor, commitment_id: int, action: str) -> Commitment:
        found = self.commitment(int(commitment_id))
        if found is None:
            raise CommitmentError("commitment.not_found", id=commitment_id)
        self._writable(actor, found.scenario_id, action)
        return found

    def update(self, actor: Actor, commitment_id: int, draft: CommitmentDraft) -> Commitment:
        """Replace a commitment's fields (status included); the author and creation time stay."""
        before = self._existing(actor, commitment_id, "commitment_update")
        scenario = self.store.scenario(before.scenario_id)
        assert scenario is not None
        values = self._values(scenario, draft)
        c = schema.commitments
        with self.store._write() as conn:
            conn.execute(
                c.update().where(c.c.id == before.id).values(updated_at=datetime.now(UTC).replace(microsecond=0),
                                                             **values)
            )  # fmt: skip
        changed = sorted(key for key, value in values.items() if value != getattr(before, key))
        self._audit(actor, "commitment_update", before.scenario_id, id=before.id, changed=changed,
                    status=values["status"], budget=values["budget_rupiah"])  # fmt: skip
        after = self.commitment(before.id)
        assert after is not None
        return after

    def set_status(self, actor: Actor, commitment_id: int, status: str) -> Commitment:
        """Only the status changed (the table's quick edit)."""
        before = self.commitment(int(commitment_id))
        if before is None:
            raise CommitmentError("commitment.not_found", id=commitment_id)
        draft = CommitmentDraft(before.village_code, before.activity, before.responsible, before.funding,
                                before.budget_rupiah, before.target_date, status, before.note)  # fmt: skip
        return self.update(actor, commitment_id, draft)

    def delete(self, actor: Actor, commitment_id: int) -> Commitment:
        found = self._existing(actor, commitment_id, "commitment_delete")
        c = schema.commitments
        with self.store._write() as conn:
            conn.execute(c.delete().where(c.c.id == found.id))
        self._audit(actor, "commitment_delete", found.scenario_id, id=found.id, village=found.village_code,
                    budget=found.budget_rupiah)  # fmt: skip
        return found

    # ------------------------------------------------------------------------------ reading

    def commitment(self, commitment_id: int) -> Commitment | None:
        c = schema.commitments
        with self.store._read() as conn:
            row = conn.execute(sa.select(c).where(c.c.id == int(commitment_id))).mappings().first()
        return None if row is None else _commitment(row)

    def of_scenario(self, actor: Actor, scenario_id: int) -> list[Commitment]:
        """A scenario's commitments by village and target date, for a reader of its district (or of the demo).

        Raises :class:`~dashboard.auth.roles.Forbidden` for anyone else (the callbacks' guard answers nothing).
        """
        scenario = self.store.scenario(int(scenario_id))
        if scenario is None:
            return []
        # The fictional demo is everyone's to read, as its figures are (dashboard.services.Services.readable).
        readable = covers(actor, scenario.district_code) or scenario.district_code == DEMO_DISTRICT_CODE
        if not can(actor, Permission.VIEW) or not readable:
            raise Forbidden(actor, f"read the commitments of scenario {scenario_id}")
        c = schema.commitments
        query = sa.select(c).where(c.c.scenario_id == int(scenario_id))
        with self.store._read() as conn:
            rows = conn.execute(query.order_by(c.c.village_code, c.c.target_date, c.c.id)).mappings().all()
        return [_commitment(row) for row in rows]

    def of_final(self, actor: Actor, district_code: str, year: int) -> tuple[Scenario | None, list[Commitment]]:
        """The year's final lokus list and its commitments (what the annual review shows); (None, []) when the
        district has no final list for ``year``. Raises :class:`~dashboard.auth.roles.Forbidden` as
        :meth:`of_scenario` does."""
        final = next((s for s in self.store.scenarios(district_code, int(year)) if s.is_final), None)
        if final is None or final.id is None:
            return None, []
        return final, self.of_scenario(actor, final.id)


def status_counts(commitments: Sequence[Commitment]) -> dict[Status, int]:
    """How many commitments stand at each status (every status, zero when none)."""
    counts = dict.fromkeys(Status, 0)
    for commitment in commitments:
        counts[commitment.status] += 1
    return counts


# ---------------------------------------------------------------------------------- the minutes' annex


@dataclass(frozen=True)
class AnnexHeading:
    """What the annex names above its table: the district, the year, the scenario, and whether it is the demo."""

    district_name: str
    district_code: str
    year: int
    scenario_name: str
    is_demo: bool = False


_COLUMNS = ("no", "village", "activity", "responsible", "funding", "budget", "target_date", "status", "note")


def _heading_lines(heading: AnnexHeading, lang: str) -> list[str]:
    lines = [
        t("commitment.annex.title", lang),
        t("commitment.annex.district", lang, name=heading.district_name, code=heading.district_code),
        t("commitment.annex.year", lang, year=heading.year),
        t("commitment.annex.scenario", lang, name=heading.scenario_name),
    ]
    if heading.is_demo:
        lines.append(t("commitment.annex.demo", lang))
    return lines


def _row(number: int, commitment: Commitment, names: dict[str, str], lang: str) -> list[object]:
    village = names.get(commitment.village_code, "")
    return [
        number,
        f"{village} ({commitment.village_code})" if village else commitment.village_code,
        commitment.activity,
        commitment.responsible,
        t(f"commitment.funding.{commitment.funding}", lang),
        commitment.budget_rupiah,
        commitment.target_date,
        t(f"commitment.status.{commitment.status}", lang),
        commitment.note,
    ]


def commitments_xlsx(
    commitments: Sequence[Commitment], heading: AnnexHeading, names: dict[str, str], lang: str
) -> bytes:
    """The annex as a workbook: heading, one row per commitment, totals per funding source; A4 landscape, one
    page wide, the header row repeated. Text typed by planners is made inert (no cell runs as a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.page import PageMargins

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("commitment.annex.sheet", lang)[:31]
    lines = _heading_lines(heading, lang)
    for line, text in enumerate(lines, start=1):
        sheet.cell(row=line, column=1, value=neutralise(text)).font = Font(bold=line == 1, size=13 if line == 1 else 10)
    header_row = len(lines) + 2
    for column, key in enumerate(_COLUMNS, start=1):
        cell = sheet.cell(row=header_row, column=column, value=t(f"commitment.column.{key}", lang))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    row = header_row
    for number, commitment in enumerate(commitments, start=1):
        row = header_row + number
        for column, value in enumerate(_row(number, commitment, names, lang), start=1):
            cell = sheet.cell(row=row, column=column, value=neutralise(value))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if _COLUMNS[column - 1] == "budget":
                cell.number_format = "#,##0"
            elif _COLUMNS[column - 1] == "target_date":
                cell.number_format = "yyyy-mm-dd"
    row += 2
    sheet.cell(row=row, column=1, value=t("commitment.annex.totals", lang)).font = Font(bold=True)
    totals = totals_by_funding(commitments)
    for offset, funding in enumerate(Funding, start=1):
        sheet.cell(row=row + offset, column=2, value=t(f"commitment.funding.{funding}", lang))
        sheet.cell(row=row + offset, column=6, value=totals[funding]).number_format = "#,##0"
    total_row = row + len(Funding) + 1
    sheet.cell(row=total_row, column=2, value=t("commitment.annex.total", lang)).font = Font(bold=True)
    total = sheet.cell(row=total_row, column=6, value=sum(totals.values()))
    total.number_format, total.font = "#,##0", Font(bold=True)
    for letter, width in zip("ABCDEFGHI", (5, 28, 40, 26, 18, 16, 12, 14, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def commitments_pdf(
    commitments: Sequence[Commitment], heading: AnnexHeading, names: dict[str, str], lang: str
) -> bytes:
    """The annex as a PDF to attach to the signed minutes: the same heading, table and totals, A4 landscape,
    the header row repeated on every page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from dashboard.brief.pdf import REGULAR, style

    page = landscape(A4)
    margin = 14 * mm
    buffer = io.BytesIO()
    lines = _heading_lines(heading, lang)
    document = SimpleDocTemplate(buffer, pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin,
                                 bottomMargin=margin, title=lines[0], author="Lokus")  # fmt: skip
    body, bold = style("commitment.body", 8), style("commitment.bold", 8, bold=True)

    def cell(value: object) -> Paragraph:
        if isinstance(value, int):
            text = fmt_int(value, lang) if not isinstance(value, bool) else str(value)
        elif isinstance(value, date):
            text = value.isoformat()
        else:
            text = str(value)
        return Paragraph(escape(text), body)

    rows: list[list[Any]] = [[Paragraph(escape(t(f"commitment.column.{key}", lang)), bold) for key in _COLUMNS]]
    rows += [[cell(v) for v in _row(n, c, names, lang)] for n, c in enumerate(commitments, start=1)]
    widths_mm = (9, 40, 55, 38, 24, 25, 20, 20)
    widths = [w * mm for w in widths_mm]
    widths.append(page[0] - 2 * margin - sum(widths))
    grid = Table(rows, colWidths=widths, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ]
        )
    )
    totals = totals_by_funding(commitments)
    total_rows = [[cell(t(f"commitment.funding.{f}", lang)), cell(totals[f])] for f in Funding]
    total_rows.append([Paragraph(escape(t("commitment.annex.total", lang)), bold),
                       Paragraph(escape(fmt_int(sum(totals.values()), lang)), bold)])  # fmt: skip
    total_table = Table(total_rows, colWidths=[50 * mm, 35 * mm], hAlign="LEFT")
    total_table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888"))]))
    story: list[Any] = [Paragraph(escape(lines[0]), style("commitment.title", 12, bold=True))]
    story += [Paragraph(escape(line), body) for line in lines[1:]]
    story += [Spacer(1, 4 * mm), grid, Spacer(1, 6 * mm)]
    story += [Paragraph(escape(t("commitment.annex.totals", lang)), bold), Spacer(1, 2 * mm), total_table]
    document.build(story)
    return buffer.getvalue()
