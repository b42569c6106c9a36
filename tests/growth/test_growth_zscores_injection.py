"""``zscores IN OUT`` with hostile text in the input: it passes through as text, the z-scores stay numbers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dashboard.cli import main
from tests.injection import DANGEROUS, HARMLESS, HYPERLINK, csv_cells, formula_like, written

HEADER = ["id", "sex", "birth_date", "measure_date", "height_cm", "weight_kg", "catatan", HYPERLINK]
# A stunted boy (about -2.9 SD): his HAZ is written as a negative number, without a quote.
CHILD = ["L", "2024-02-01", "2025-02-01", "68,0", "8,1"]
TEXTS = (*DANGEROUS, *(text for text in HARMLESS if text.strip()))


def _input(path: Path, separator: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow(HEADER)
        for i, text in enumerate(TEXTS):
            writer.writerow([text, *CHILD, text, f"-{i}"])
    return path


@pytest.mark.parametrize("separator", [";", ","])
def test_gro090_pass_through_text_is_quoted(tmp_path: Path, separator: str) -> None:
    source, target = _input(tmp_path / "in.csv", separator), tmp_path / "out.csv"
    assert main(["zscores", str(source), str(target)]) == 0
    cells = csv_cells(target.read_bytes())
    header, rows = cells[0], cells[1:]
    assert len(rows) == len(TEXTS)
    assert not any(formula_like(cell) for row in cells for cell in row)
    assert header[-8:-7] == [written(HYPERLINK)] and header[:7] == HEADER[:7]
    column = {name: i for i, name in enumerate(header)}
    # The reader strips each cell (" =1" arrives as "=1"), so what is written is the stripped text, made safe.
    expected = [written(text.strip()) for text in TEXTS]
    assert [row[column["id"]] for row in rows] == expected
    assert [row[column["catatan"]] for row in rows] == expected
    for text, row in zip(TEXTS, rows, strict=True):
        if text.strip() and not text.strip().startswith(("=", "+", "-", "@")):
            assert row[column["id"]] == text.strip()  # ordinary names unchanged
    # The input is read as text, so a negative number typed in a pass-through column is text and gets the
    # quote like any other (OWASP's rule has no exception); the z-scores computed here are numbers and do not.
    assert [row[column[written(HYPERLINK)]] for row in rows][:3] == ["'-0", "'-1", "'-2"]
    haz = [float(row[column["haz"]]) for row in rows]
    assert all(value < -2 for value in haz)
    assert all(row[column["haz"]].startswith("-") for row in rows)  # numbers: no quote
    assert [row[column["flag_haz"]] for row in rows] == ["0"] * len(rows)
