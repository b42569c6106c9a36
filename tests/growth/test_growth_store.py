"""``import-measurements`` end to end on SQLite and PostgreSQL: counts stored, names matched, nothing personal kept."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from conftest import Child, height_at, invented_child, write_eppgbm

from dashboard.cli import main
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store
from tests.store.helpers import DISTRICT, villages_frame
from tests.store.helpers import write as write_boundaries

MEASURED = date(2025, 2, 12)
VILLAGE_1, VILLAGE_2 = f"{DISTRICT}.01.2001", f"{DISTRICT}.01.2002"


def _child(i: int, haz: float, age: int, village: str, **changes: object) -> Child:
    """An invented child of Kecamatan 1 named by village, not by code (as most e-PPGBM exports are)."""
    fields = {"village": village, "code": "", "extra": {"Kec": "Kecamatan 1"}}
    return invented_child(100 + i, haz, age, MEASURED, **(fields | changes))


def _children() -> list[Child]:
    """Desa 1-1: 4 children measured, 2 stunted (1 severely); 'Sukamaju Lestary': 3, 1 stunted.

    'Sukamaju Lestary' is a near match of Sukamaju Lestari (Desa 1-2 renamed for the test).
    """
    again = _child(0, -2.5, 400, "Desa 1-1", measured=date(2025, 2, 3))
    return [
        again,  # stunted at the first visit; the later visit below counts instead
        replace(again, measured=MEASURED, height=round(height_at(-1.0, 1, 409), 1)),
        _child(1, -2.4, 700, "Desa 1-1"),  # stunted
        _child(2, -3.4, 1000, "DESA 1-1"),  # severely stunted
        _child(3, 0.3, 1500, "Desa 1-1"),
        _child(4, -2.2, 200, "Sukamaju Lestary"),  # stunted
        _child(5, 0.0, 900, "Sukamaju Lestary"),
        _child(6, 1.0, 1300, "Sukamaju Lestary"),
    ]


def _stunting(store: Store) -> dict[tuple[str, str], tuple[float, float]]:
    obs = store.observations(DISTRICT)
    rows = obs[obs["indicator"].isin(["stunting", "stunting_berat"])]
    return {
        (code, indicator): (float(numerator), float(denominator))
        for code, indicator, numerator, denominator in rows[
            ["code", "indicator", "numerator", "denominator"]
        ].itertuples(index=False)
    }


def _everything_stored(url: str) -> str:
    """Every cell of every table, as text: what a database administrator could read."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            tables = sa.inspect(conn).get_table_names()
            return "\n".join(pd.read_sql_table(table, conn).to_csv() for table in tables)
    finally:
        engine.dispose()


def test_gro080_import_measurements_end_to_end(
    cli_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    boundaries = villages_frame()
    boundaries.loc[boundaries["kode"] == VILLAGE_2, "nama"] = "Sukamaju Lestari"
    assert main(["import-boundaries", str(write_boundaries(boundaries, tmp_path, "geojson"))]) == 0
    children = _children()
    path = write_eppgbm(tmp_path / "eppgbm_februari.csv", children)
    capsys.readouterr()

    # The near match 'Sukamaju Lestary' needs a person's yes: without --yes the file is refused and nothing is written.
    with caplog.at_level(logging.DEBUG):
        assert main(["import-measurements", str(path), "--wilayah", DISTRICT.replace(".", "")]) == 1
    refused = capsys.readouterr()
    assert "Sukamaju Lestary" in refused.err and "Sukamaju Lestari" in refused.err
    assert "basis data tidak berubah" in refused.err
    with Store.open(cli_url) as store:
        assert [d.kind for d in store.datasets()] == ["boundaries"]

    with Store.open(cli_url) as store:
        Accounts(store).create_user("bidan", "kata-sandi-panjang", "perencana", [DISTRICT])
    with caplog.at_level(logging.DEBUG):
        assert main(["import-measurements", str(path), "--wilayah", DISTRICT, "--yes", "--user", "bidan"]) == 0
    done = capsys.readouterr()
    assert done.out.startswith("eppgbm_februari.csv: dataset 2")
    with Store.open(cli_url) as store:
        assert _stunting(store) == {
            (VILLAGE_1, "stunting"): (2, 4),
            (VILLAGE_1, "stunting_berat"): (1, 4),
            (VILLAGE_2, "stunting"): (1, 3),
            (VILLAGE_2, "stunting_berat"): (0, 3),
        }
        assert store.periods(DISTRICT) == ["2025-02"]
        info = store.dataset(2)
        assert info is not None and info.user == "bidan (baris perintah)"
        report = info.report or {}
        counts = {c["code"]: c for c in report["extra"]["counts"]}
        assert counts[VILLAGE_1]["children"] == 4 and counts[VILLAGE_1]["measured"] == 4
        quality = [q for q in report["extra"]["quality"] if q["code"] == VILLAGE_1 and q["posyandu"] == "Mawar"]
        assert quality[0]["rows"] == 5  # every measurement row, the repeat visit included
        assert store.aliases(DISTRICT) == {(DISTRICT, "sukamaju lestary"): VILLAGE_2}

    # The same file again changes nothing; the saved alias now matches without --yes.
    assert main(["import-measurements", str(path), "--wilayah", DISTRICT]) == 0
    assert "sudah diimpor" in capsys.readouterr().out

    stored = _everything_stored(cli_url)
    shown = done.out + done.err + refused.err + caplog.text
    for child in children:
        words = [part for part in child.name.split() if len(part) > 3]
        for secret in (child.nik, child.name, *words, child.born.strftime("%d/%m/%Y")):
            assert secret not in stored, secret
            assert secret not in shown, secret
