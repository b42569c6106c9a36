"""The blank templates hold only the app's own text (no user input): no cell a spreadsheet would evaluate."""

from __future__ import annotations

from dashboard.data.importers.indicators import blank_template_csv, blank_template_xlsx
from tests.injection import csv_cells, formula_like, xlsx_cells


def test_ind090_blank_templates_have_no_formula() -> None:
    assert not any(formula_like(cell) for row in csv_cells(blank_template_csv()) for cell in row)
    cells = list(xlsx_cells(blank_template_xlsx()))
    assert cells  # the header and the indicator sheet
    for where, value, kind in cells:
        assert kind != "f", where
        assert not (isinstance(value, str) and formula_like(value)), where
