"""The rembuk minutes' annex: XLSX print settings, inert text and totals per funding source; the PDF's title."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dashboard.data.commitments import AnnexHeading, Commitment, Funding, Status, commitments_pdf, commitments_xlsx

WHEN = datetime(2026, 3, 1, tzinfo=UTC)
HEADING = AnnexHeading("Kabupaten Contoh", "99.01", 2026, "Rembuk 2026", is_demo=True)
NAMES = {"99.01.01.2001": "Sukamaju"}


def _commitment(number: int, funding: Funding, budget: int, status: Status = Status.DIRENCANAKAN,
                activity: str = "Kelas ibu hamil") -> Commitment:  # fmt: skip
    return Commitment(number, 1, "99.01.01.2001", activity, "Dinas Kesehatan", funding, budget,
                      date(2026, 6, 30), status, "", "rina", WHEN, WHEN)  # fmt: skip


ROWS = [
    _commitment(1, Funding.APBD, 1_500_000),
    _commitment(2, Funding.APBD, 2_000_000),
    _commitment(3, Funding.DANA_DESA, 250_000_000, activity='=HYPERLINK("http://x")'),
    _commitment(4, Funding.CSR_MITRA, 9_000_000, Status.BATAL),  # cancelled: not in the totals
]


def test_kom010_xlsx_prints_one_page_wide_with_totals_per_funding_source() -> None:
    sheet = load_workbook(io.BytesIO(commitments_xlsx(ROWS, HEADING, NAMES, "id"))).active
    assert sheet is not None
    column_a = [sheet.cell(row=r, column=1).value for r in range(1, 6)]
    assert column_a == ["Notulen Rembuk Stunting — Lampiran Komitmen", "Kabupaten/kota: Kabupaten Contoh (99.01)",
                        "Tahun: 2026", "Skenario lokus: Rembuk 2026", "data contoh (fiktif)"]  # fmt: skip
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.print_title_rows == "$7:$7" and sheet.cell(row=7, column=3).value == "Kegiatan"
    assert sheet.cell(row=10, column=3).value == '\'=HYPERLINK("http://x")'  # shown as text, never run
    assert sheet.cell(row=10, column=6).value == 250_000_000  # a number cell stays a number
    totals = {
        sheet.cell(row=r, column=2).value: sheet.cell(row=r, column=6).value for r in range(14, sheet.max_row + 1)
    }
    assert totals == {"APBD": 3_500_000, "Dana Desa": 250_000_000, "CSR/mitra": 0, "Lainnya": 0,
                      "Jumlah": 253_500_000}  # fmt: skip


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_kom011_pdf_has_the_title_heading_and_totals(tmp_path: Path) -> None:
    pdf = tmp_path / "lampiran.pdf"
    pdf.write_bytes(commitments_pdf(ROWS, HEADING, NAMES, "id"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Notulen Rembuk Stunting — Lampiran Komitmen" in text
    assert "data contoh (fiktif)" in text and "Sukamaju" in text  # the cell wraps before the code
    assert "253.500.000" in text and "3.500.000" in text
