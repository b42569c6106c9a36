"""Formula-injection payloads and readers for the export tests: what a hostile name looks like, and how to spot one.

Shared by the spreadsheet core tests and the tests beside each exporter (annex, zscores, export-indicators).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from openpyxl import load_workbook

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
HYPERLINK = '=HYPERLINK("http://x","y")'
# Every trigger in front of a few bodies, plus well-known payloads written out in full.
DANGEROUS = tuple(
    dict.fromkeys(
        [
            *(
                trigger + body
                for trigger in TRIGGERS
                for body in ("1+1", 'HYPERLINK("http://x","y")', "cmd|' /C calc'!A0")
            ),
            HYPERLINK,
            "=cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "+62 812-3456-7890",
            "=",
            "-",
            "\t=1+1",
            "\r=1+1",
        ]
    )
)
# Text no spreadsheet evaluates: a trigger that is not first, or a leading space (Excel does not evaluate " =1").
HARMLESS = ("Sukamaju", "Desa-Baru", "Kp. @Baru", "A=B", " =1", "  +1", " -x", "'=already quoted", "")
_PLAIN_NUMBER = re.compile(r"-?\d[\d.,]*")


def formula_like(cell: str) -> bool:
    """True when a spreadsheet would read this CSV cell as a formula (a plain number such as ``-1,5`` is not)."""
    return cell.startswith(TRIGGERS) and not _PLAIN_NUMBER.fullmatch(cell)


def written(text: str) -> str:
    """What an exporter writes for ``text``: a leading quote when a trigger is first, carriage returns as line feeds."""
    quoted = "'" + text if text.startswith(TRIGGERS) else text
    return quoted.replace("\r\n", "\n").replace("\r", "\n")


def csv_cells(data: bytes | str, separator: str = ",") -> list[list[str]]:
    """A CSV's cells as text, exactly as written (no type guessing)."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))


def xlsx_cells(data: bytes) -> Iterator[tuple[str, object, str]]:
    """Every non-empty cell of every sheet: (coordinate, value, openpyxl data type, ``f`` for a formula)."""
    book = load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield f"{sheet.title}!{cell.coordinate}", cell.value, cell.data_type
