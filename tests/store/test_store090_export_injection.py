"""``export-indicators`` with hostile text in the store: every cell of the CSV is text a spreadsheet will not run.

The importers only let through normalised codes, periods and catalogue keys, so this text can reach the store
only around them (a future importer, a hand-edited database); the export is the last line of defence. A batch
with a period that is not one is refused by the store itself, so those rows are written by hand here.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from dashboard.cli import main
from dashboard.data import schema
from dashboard.data.store import Store
from tests.injection import HYPERLINK, csv_cells, formula_like, written
from tests.store.helpers import indicator_batch, village_codes

# Periods are at most 7 characters in the schema; codes and indicator keys take the long payloads.
HOSTILE = [
    (HYPERLINK, "2025-08", "stunting", 1, 12),
    ("-2+3+cmd|' /C calc'!A0", "2025-08", "stunting", 2, 12),
    (village_codes()[1], "=1+1", "stunting", 3, 12),
    (village_codes()[1], "@x", "stunting", 4, 12),
    (village_codes()[1], "\t=1", "stunting", 5, 12),
    (village_codes()[1], "2025-08", "+cmd|' /C calc'!A0", 6, 12),
    (village_codes()[1], "2025-08", "\r=HYPERLINK(1)", 7, 12),
    (village_codes()[1], "2025-08", "banjir\r=1+1", 8, 12),
]
ORDINARY = (village_codes()[0], "2025-08", "wasting", 1, 12)


def test_store090_export_indicators_quotes_hostile_text(cli_url: str, tmp_path: Path) -> None:
    by_hand = [row for row in HOSTILE if row[1] != "2025-08"]
    with Store.open(cli_url) as store:
        dataset = store.commit_indicators(indicator_batch([row for row in [*HOSTILE, ORDINARY] if row not in by_hand]))
    engine = sa.create_engine(cli_url)
    with engine.begin() as conn:  # a hand-edited database
        conn.execute(
            schema.observations.insert(),
            [dict(zip(("code", "period", "indicator", "numerator", "denominator"), row, strict=True))
             | {"dataset_id": dataset.dataset_id} for row in by_hand],
        )  # fmt: skip
    engine.dispose()
    out = tmp_path / "semua.csv"
    assert main(["export-indicators", str(out)]) == 0
    cells = csv_cells(out.read_bytes())
    assert cells[0] == ["kode_wilayah", "periode", "indikator", "pembilang", "penyebut"]
    rows = cells[1:]
    assert len(rows) == len(HOSTILE) + 1  # one line each: no carriage return split a row
    assert not any(formula_like(cell) for row in cells for cell in row)
    expected = sorted(
        [written(code), written(period), written(key), str(numerator), str(denominator)]
        for code, period, key, numerator, denominator in [*HOSTILE, ORDINARY]
    )
    assert sorted(rows) == expected
    # Ordinary values (dotted codes, periods, keys, whole counts) are written exactly as before.
    assert [ORDINARY[0], "2025-08", "wasting", "1", "12"] in rows
