"""The partners' register from a sheet: its template, the check of every row, and the all-or-nothing import.

The template's columns are ``mitra, sektor, kegiatan, kode_desa, periode_mulai, periode_selesai, anggaran``
(CSV or XLSX). ``kode_desa`` holds the villages reached, Kemendagri codes dotted or not, separated by ``;`` or
``,``; ``sektor`` accepts the labels offices write ("Perguruan Tinggi", "CSR", "LSM"...). Every row is checked
before anything is written; then all rows are written in one transaction, or none, with a list of problems that
names the file, the row and the column and says what to fix.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from openpyxl import Workbook

from dashboard.auth.roles import Actor
from dashboard.core.codes import try_normalise_code
from dashboard.core.periods import PeriodError, parse_period
from dashboard.data.accounts import Accounts
from dashboard.data.commitments import CommitmentError, parse_rupiah
from dashboard.data.importers.indicators import TableError, read_table
from dashboard.data.programmes import Programme, ProgrammeDraft, ProgrammeError, Programmes, Sector
from dashboard.data.store import Store

__all__ = [
    "MAX_SHEET_BYTES",
    "SHEET_COLUMNS",
    "ProgrammeSheetError",
    "SheetProblem",
    "blank_template_csv",
    "blank_template_xlsx",
    "import_programmes",
    "parse_sector",
    "read_programme_sheet",
    "split_codes",
]

log = logging.getLogger(__name__)

SHEET_COLUMNS = ("mitra", "sektor", "kegiatan", "kode_desa", "periode_mulai", "periode_selesai", "anggaran")
REQUIRED = ("mitra", "sektor", "kegiatan", "kode_desa", "periode_mulai")
MAX_SHEET_BYTES = 2 * 1024 * 1024  # a register of a few thousand programmes; larger files are refused
MAX_PROBLEMS = 50  # problems listed; the rest counted

# What offices write in the sector column, lower-cased and with spaces and punctuation squeezed, to a sector.
_SECTOR_WORDS: dict[str, Sector] = {
    "pemerintah": Sector.PEMERINTAH, "pemerintahan": Sector.PEMERINTAH, "government": Sector.PEMERINTAH,
    "opd": Sector.PEMERINTAH, "pemdes": Sector.PEMERINTAH, "pemerintahdesa": Sector.PEMERINTAH,
    "swasta": Sector.SWASTA, "csr": Sector.SWASTA, "dunia usaha": Sector.SWASTA, "duniausaha": Sector.SWASTA,
    "business": Sector.SWASTA, "bumn": Sector.SWASTA, "perusahaan": Sector.SWASTA,
    "perguruantinggi": Sector.PERGURUAN_TINGGI, "pt": Sector.PERGURUAN_TINGGI, "universitas": Sector.PERGURUAN_TINGGI,
    "kampus": Sector.PERGURUAN_TINGGI, "akademisi": Sector.PERGURUAN_TINGGI, "university": Sector.PERGURUAN_TINGGI,
    "universities": Sector.PERGURUAN_TINGGI, "media": Sector.MEDIA, "mediamassa": Sector.MEDIA,
    "masyarakat": Sector.MASYARAKAT, "lsm": Sector.MASYARAKAT, "ngo": Sector.MASYARAKAT, "ormas": Sector.MASYARAKAT,
    "komunitas": Sector.MASYARAKAT, "community": Sector.MASYARAKAT, "organisasimasyarakat": Sector.MASYARAKAT,
}  # fmt: skip


@dataclass(frozen=True)
class SheetProblem:
    """One problem of a sheet: the file, the spreadsheet row and column (None for the whole file), the i18n key
    of the message and its parameters."""

    file: str
    row: int | None
    column: str | None
    key: str
    params: dict[str, Any] = field(default_factory=dict)


class ProgrammeSheetError(ValueError):
    """A sheet refused as a whole: nothing was written. ``problems`` lists what to fix (at most
    :data:`MAX_PROBLEMS`), ``more`` how many were left out."""

    def __init__(self, problems: Sequence[SheetProblem], more: int = 0) -> None:
        super().__init__("; ".join(f"{p.file}:{p.row}:{p.column}:{p.key}" for p in problems[:5]))
        self.problems = tuple(problems)
        self.more = more


def _sector_word(text: str) -> Sector | None:
    squeezed = re.sub(r"[\s_.-]+", "", text.lower())
    if squeezed in set(Sector):
        return Sector(squeezed)
    return _SECTOR_WORDS.get(squeezed) or next((s for s in Sector if s.replace("_", "") == squeezed), None)


def parse_sector(text: object) -> Sector | None:
    """The sector a cell names, in any of the spellings offices use, or None.

    A cell may name its sector twice, as the template's own hint does ("Swasta (CSR)", "Swasta/CSR",
    "Masyarakat (LSM)"): every part must then name the same sector.

    >>> parse_sector("Perguruan Tinggi"), parse_sector("CSR"), parse_sector("LSM"), parse_sector("bank")
    (<Sector.PERGURUAN_TINGGI: 'perguruan_tinggi'>, <Sector.SWASTA: 'swasta'>, <Sector.MASYARAKAT: 'masyarakat'>, None)
    >>> parse_sector("Swasta (CSR)"), parse_sector("Masyarakat/LSM"), parse_sector("Swasta/Media")
    (<Sector.SWASTA: 'swasta'>, <Sector.MASYARAKAT: 'masyarakat'>, None)
    """
    whole = _sector_word(str(text or ""))
    if whole is not None:
        return whole
    parts = [part for part in re.split(r"[/(),;&+]|\bdan\b|\batau\b", str(text or "").lower()) if part.strip()]
    found = {_sector_word(part) for part in parts}
    return found.pop() if len(found) == 1 and None not in found else None


def split_codes(text: object) -> list[str]:
    """The village codes of a ``kode_desa`` cell, as written (``;`` or ``,`` between them, spaces ignored).

    >>> split_codes("99.01.01.2001; 9901012002,")
    ['99.01.01.2001', '9901012002']
    """
    return [part.strip() for part in re.split(r"[;,\n]", str(text or "")) if part.strip()]


def read_programme_sheet(
    content: bytes, file_name: str, known_codes: set[str], district_code: str
) -> list[tuple[int, ProgrammeDraft]]:
    """Every row of a sheet checked: ``[(spreadsheet row, draft)]`` with sectors, codes (dotted), periods and
    budgets normalised, ready for :meth:`Programmes.add`.

    Raises
    ------
    ProgrammeSheetError
        With every problem found (file, row, column, fix): a file too large or not a table, columns missing,
        no rows, and per cell an empty required value, an unknown sector, an unreadable or foreign village code,
        an unreadable period, an end before the start, an unreadable or negative budget.
    """
    name = str(file_name or "-")
    if len(content) > MAX_SHEET_BYTES:
        raise ProgrammeSheetError([SheetProblem(name, None, None, "programme_sheet.too_large",
                                                {"mb": MAX_SHEET_BYTES // (1024 * 1024)})])  # fmt: skip
    try:
        table = read_table(content, name)
    except TableError as error:
        raise ProgrammeSheetError([SheetProblem(name, None, None, error.key, dict(error.params))]) from None
    table.columns = [str(c).strip().lower() for c in table.columns]
    missing = [c for c in SHEET_COLUMNS if c not in table.columns and c in REQUIRED]
    if missing:
        raise ProgrammeSheetError([SheetProblem(name, None, None, "programme_sheet.missing_columns",
                                                {"columns": ", ".join(missing)})])  # fmt: skip
    if table.empty:
        raise ProgrammeSheetError([SheetProblem(name, None, None, "programme_sheet.empty")])
    problems: list[SheetProblem] = []
    drafts: list[tuple[int, ProgrammeDraft]] = []
    for row, cells in table.iterrows():
        found, draft = _row(name, int(str(row)), {str(k): v for k, v in cells.items()}, known_codes, district_code)
        problems.extend(found)
        if draft is not None:
            drafts.append((int(str(row)), draft))
    if problems:
        raise ProgrammeSheetError(problems[:MAX_PROBLEMS], max(0, len(problems) - MAX_PROBLEMS))
    return drafts


def _row(file: str, row: int, cells: dict[str, Any], known: set[str],
         district: str) -> tuple[list[SheetProblem], ProgrammeDraft | None]:  # fmt: skip
    """One row's problems, and its draft when it has none."""
    problems: list[SheetProblem] = []

    def problem(column: str, key: str, **params: object) -> None:
        problems.append(SheetProblem(file, row, column, key, dict(params)))

    def text(column: str) -> str:
        value = cells.get(column)
        return "" if value is None or pd.isna(value) else str(value).strip()  # pandas' string dtype: NaN

    for column in REQUIRED:
        if not text(column):
            problem(column, "programme_sheet.required")
    sector = parse_sector(text("sektor"))
    if text("sektor") and sector is None:
        problem("sektor", "programme_sheet.bad_sector", value=text("sektor")[:40])
    codes: list[str] = []
    for raw in split_codes(text("kode_desa")):
        code = try_normalise_code(raw)
        if code is None:
            problem("kode_desa", "programme_sheet.bad_code", value=raw[:40])
        elif code not in known:
            problem("kode_desa", "programme_sheet.unknown_code", value=code, district=district)
        else:
            codes.append(code)
    periods: dict[str, str] = {}
    for column in ("periode_mulai", "periode_selesai"):
        if text(column):
            try:
                periods[column] = parse_period(text(column))
            except PeriodError:
                problem(column, "programme_sheet.bad_period", value=text(column)[:40])
    start, end = periods.get("periode_mulai"), periods.get("periode_selesai")
    if start and end and _first_month(end, last=True) < _first_month(start, last=False):
        problem("periode_selesai", "programme_sheet.end_before_start", start=start, end=end)
    budget = 0
    if text("anggaran"):
        try:
            budget = parse_rupiah(text("anggaran"))
        except CommitmentError:
            problem("anggaran", "programme_sheet.bad_budget", value=text("anggaran")[:40])
    if problems or sector is None or start is None:
        return problems, None
    return [], ProgrammeDraft(text("mitra"), str(sector), text("kegiatan"), codes, start, end or "", budget)


def _first_month(period: str, *, last: bool) -> str:
    """The first (or last) month a period covers, ``YYYY-MM``, so periods of different kinds compare."""
    if len(period) == 4:
        return f"{period}-{12 if last else 1:02d}"
    if period[5] == "Q":
        quarter = int(period[6])
        return f"{period[:4]}-{quarter * 3 if last else quarter * 3 - 2:02d}"
    return period


def import_programmes(store: Store, accounts: Accounts | None, actor: Actor, district_code: str, content: bytes,
                      file_name: str) -> list[Programme]:  # fmt: skip
    """Check a sheet, then write all its programmes in one transaction (or none) for ``district_code``.

    The actor must record programmes in the district (checked, and a refusal audited, before the file is read);
    one ``programme_import`` audit entry names the file, the rows and the new ids.

    Raises
    ------
    ProgrammeError
        ``programme.forbidden`` for an actor who may not record in the district.
    ProgrammeSheetError
        The sheet's problems; nothing was written.
    """
    audited = Programmes(store, accounts)
    audited._require_writer(actor, district_code, "programme_import")
    known = set(store.villages(district_code)["code"].astype(str))
    drafts = read_programme_sheet(content, file_name, known, district_code)
    # Inside the transaction the register writes without its own audit entries: on SQLite a second writer (the
    # audit log's) would wait for this transaction's lock until the busy timeout. One entry follows the commit.
    quiet = Programmes(store)
    added: list[Programme] = []
    with store._write() as conn:
        for row, draft in drafts:
            try:
                added.append(quiet.add(actor, district_code, draft, conn=conn))
            except ProgrammeError as error:  # a rule the sheet check does not repeat: the whole sheet is refused
                raise ProgrammeSheetError([SheetProblem(file_name, row, None, error.key, dict(error.params))]) from None
    if accounts is not None:
        accounts.audit(actor, "programme_import", target=district_code,
                       detail={"file": file_name[:120], "rows": len(added), "ids": [p.id for p in added]})  # fmt: skip
    log.info("programmes imported: %d rows into %s", len(added), district_code)
    return added


_EXAMPLE = ("# contoh: Universitas Contoh", "Perguruan Tinggi", "KKN tematik stunting", "99.01.01.2001; 99.01.01.2002",
            "2025-Q1", "2025-Q4", "25.000.000")  # fmt: skip


def blank_template_csv() -> bytes:
    """The template as CSV: the header and one comment row showing an example (the importer skips it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SHEET_COLUMNS)
    writer.writerow(_EXAMPLE)
    return out.getvalue().encode("utf-8")


def blank_template_xlsx() -> bytes:
    """The template as XLSX: a ``data`` sheet (header, an example comment row, text columns so codes and periods
    keep their form) and a ``petunjuk`` sheet explaining the columns and the sectors."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = "data"
    sheet.append(list(SHEET_COLUMNS))
    sheet.append(list(_EXAMPLE))
    for column in "ABCDEFG":
        sheet.column_dimensions[column].number_format = "@"
        sheet.column_dimensions[column].width = 22
    notes = book.create_sheet("petunjuk")
    for line in (
        "mitra: nama mitra (wajib)",
        "sektor: Pemerintah, Swasta (CSR), Perguruan Tinggi, Media, atau Masyarakat (LSM) (wajib)",
        "kegiatan: kegiatan program (wajib)",
        "kode_desa: kode Kemendagri desa yang dijangkau, mis. 99.01.01.2001; 99.01.01.2002 (wajib)",
        "periode_mulai, periode_selesai: 2025, 2025-03 atau 2025-Q1 (selesai boleh kosong: sama dengan mulai)",
        "anggaran: rupiah tanpa desimal, mis. 25.000.000 (boleh kosong)",
        "Baris yang diawali # tidak diimpor.",
    ):
        notes.append([line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
