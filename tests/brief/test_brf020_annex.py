"""The decree annex ready to print: XLSX page setup, header and signature blocks, the same as a PDF, from the page."""

from __future__ import annotations

import base64
import io

import pytest
from openpyxl import load_workbook

from dashboard.data.annex import AnnexTitle, Decree, annex_pdf, annex_table, annex_xlsx, authority_of
from dashboard.services import Services
from dashboard.views import lokus_page
from dashboard.views.lokus_page.decree import AnnexField, decree_values
from dashboard.views.lokus_page.export import export_download
from tests.brief.conftest import pages, poppler

TITLE = AnnexTitle("Kabupaten Contoh", 2025, "Usulan Bappeda", "2025-08")
DECREE = Decree("Bupati Contoh", "188.45/12/KPTS/2026", "5 Januari 2026", "Bupati Contoh", "Drs. Budi Santoso", "")


def _rows(n: int) -> list[dict[str, object]]:
    return [
        {"kecamatan": f"Kecamatan {i % 4}", "desa": f"Desa Nomor {i}", "kode": f"99.01.0{i % 4 + 1}.2{i:03d}",
         "prevalensi": 20.0 + i / 10, "jumlah_stunting": 30 + i, "skor": 1.5, "alasan": "Peringkat tinggi"}
        for i in range(1, n + 1)
    ]  # fmt: skip


def _texts(data: bytes) -> dict[str, str]:
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return {cell.coordinate: str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None}


def test_brf020_xlsx_prints_on_a4_landscape_one_page_wide_with_the_header_row_repeated() -> None:
    data = annex_xlsx(annex_table(_rows(60)), TITLE, "id", DECREE)
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    setup = sheet.page_setup
    assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9)  # 9 = A4
    assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)  # one page wide, as many down as needed
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.print_title_rows == "$8:$8"  # the header row, on every printed page
    assert [sheet.cell(row=8, column=c).value for c in (1, 3, 4)] == ["No", "Desa/Kelurahan", "Kode wilayah"]
    assert "&P" in sheet.oddFooter.center.text


def test_brf021_header_and_signature_blocks_carry_the_typed_fields_or_dotted_lines() -> None:
    texts = list(_texts(annex_xlsx(annex_table(_rows(3)), TITLE, "id", DECREE)).values())
    assert "Lampiran Keputusan Bupati Contoh" in texts
    assert "Nomor: 188.45/12/KPTS/2026" in texts and "Tanggal: 5 Januari 2026" in texts
    assert "Bupati Contoh," in texts and "Drs. Budi Santoso" in texts and "NIP. …………………" in texts
    blank = list(_texts(annex_xlsx(annex_table(_rows(3)), TITLE, "id")).values())
    assert "Nomor: …………………" in blank and "Tanggal: …………………" in blank
    assert authority_of("Kota Bontang") == "Wali Kota Bontang"
    assert authority_of("Kabupaten Contoh", "en") == "Regent of Contoh"


def test_brf022_the_same_annex_as_pdf_header_block_and_columns_on_every_page(services: Services) -> None:
    villages = services.source.villages("99.01")
    rows = _rows(70)
    for row, code in zip(rows, villages["code"], strict=False):
        row["kode"] = str(code)
    pdf = annex_pdf(annex_table(rows), TITLE, "id", DECREE, villages, added={rows[2]["kode"]})  # type: ignore[arg-type]
    text = poppler("pdftotext", pdf)
    assert "Lampiran Keputusan Bupati Contoh" in text
    assert "Nomor: 188.45/12/KPTS/2026" in text and "Tanggal: 5 Januari 2026" in text
    assert "Drs. Budi Santoso" in text and "Desa Nomor 70" in text
    # Each row carries its number, the one the map writes on the village (it was blank in the PDF).
    first_rows = [line.split()[0] for line in poppler("pdftotext", pdf, "-layout", "-f", "1", "-l", "1").splitlines()
                  if "Desa Nomor" in line]  # fmt: skip
    assert first_rows[:3] == ["1", "2", "3"]
    count = pages(pdf)
    assert count >= 3  # 70 rows over two pages or more, then the map on a page of its own
    for page in range(1, count):  # every page of the table starts with the column headers
        assert "Kode wilayah" in poppler("pdftotext", pdf, "-f", str(page), "-l", str(page))
    assert "Kode wilayah" not in poppler("pdftotext", pdf, "-f", str(count), "-l", str(count))


@pytest.mark.parametrize("kind", ["xlsx", "pdf"])
def test_brf023_the_lokus_page_exports_with_the_decree_fields(services: Services, kind: str) -> None:
    current = {"state": lokus_page.default_state(services), "scenario": "Usulan"}
    typed = decree_values("188/7/2026", "12 Februari 2026", "", "Siti Aminah", "19700101 199003 2 001")
    assert typed == {"number": "188/7/2026", "date": "12 Februari 2026", "signer_name": "Siti Aminah",
                     "signer_nip": "19700101 199003 2 001"}  # fmt: skip
    trigger = AnnexField.EXPORT_PDF if kind == "pdf" else "lokus-export-xlsx"
    download = export_download(services, trigger, current, None, "id", typed)
    assert str(download["filename"]).endswith(f"_data_contoh_fiktif.{kind}")
    content = base64.b64decode(download["content"])
    text = poppler("pdftotext", content) if kind == "pdf" else "\n".join(_texts(content).values())
    assert "Lampiran Keputusan Bupati Contoh" in text and "Nomor: 188/7/2026" in text
    assert "Siti Aminah" in text and "NIP. 19700101 199003 2 001" in text
    assert "Bupati Contoh," in text  # the signer's title defaults to who decrees
    assert "data contoh (fiktif)" in text
