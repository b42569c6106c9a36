"""Unknown kabupaten codes and names are refused with file, row, column; a refused import changes nothing."""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa

from dashboard.data import schema
from dashboard.data.importers.model import ImportRefused
from dashboard.data.importers.puskesmas import prepare_puskesmas_import
from dashboard.data.levels import commit_puskesmas
from dashboard.data.store import Store
from tests.levels.helpers import check, csv_bytes, import_kabupaten

HEADER = "kode_wilayah,nama_wilayah,periode,indikator,pembilang,penyebut"


def _snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    tables = (schema.datasets, schema.observations, schema.estimates, schema.puskesmas, schema.puskesmas_villages)
    with store._read() as conn:
        return {t.name: sorted(map(tuple, conn.execute(sa.select(t)).all()), key=repr) for t in tables}


def test_lev050_unknown_kabupaten_code_and_names_refused_with_file_row_column(store: Store) -> None:
    import_kabupaten(store)
    lines = [
        HEADER,
        ",Kab. Lombok Timur,2024,stunting,790,3251",  # fine
        "52.99,,2024,stunting,1,10",  # no such kabupaten in the boundaries
        ",Kabupaten Sumbawa,2024,stunting,1,10",  # not imported
        ",Bima,2024,stunting,1,10",  # Kota Bima or Kabupaten Bima: never guessed
    ]
    batch = check(store, lines, "seri.csv")
    found = [(p.file, p.row, p.column, p.value, p.key) for p in batch.errors]
    assert found == [
        ("seri.csv", 3, "kode_wilayah", "52.99", "levels.unknown_region"),
        ("seri.csv", 4, "nama_wilayah", "Kabupaten Sumbawa", "levels.name_unmatched"),
        ("seri.csv", 5, "nama_wilayah", "Bima", "levels.name_ambiguous"),
    ]
    ambiguous = batch.errors[2]
    assert "Kabupaten Bima (52.06)" in ambiguous.message("en") and "Kota Bima (52.72)" in ambiguous.message("en")
    assert "Kota Bima" in ambiguous.fix("id")
    assert "52.99" in batch.errors[0].message("id") and "kabupaten/kota" in batch.errors[0].reason("id")


def test_lev051_a_refused_import_changes_nothing(store: Store) -> None:
    import_kabupaten(store)
    good = check(store, [HEADER, ",Kota Bima,2023,stunting,101,640"], "lama.csv")
    store.commit(good)
    before = _snapshot(store)
    bad = check(store, [HEADER, ",Kota Bima,2024,stunting,95,655", "52.99,,2024,stunting,1,10"], "baru.csv")
    with pytest.raises(ImportRefused):
        store.commit(bad)
    listing = prepare_puskesmas_import(csv_bytes(["kode_puskesmas,nama_puskesmas,kode_desa", "P1,Satu,52.72.01.1001"]),
                                       "pkm.csv", pd.DataFrame({"code": [], "district_code": []}))  # fmt: skip
    assert not listing.ok
    with pytest.raises(ImportRefused):
        commit_puskesmas(store, listing)
    assert _snapshot(store) == before
