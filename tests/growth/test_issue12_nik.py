"""Issue 12, point 9c: one NIK, two children (another sex, birth date or name) are never merged, and are counted."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.prevalence import child_keys, nik_collisions
from dashboard.data.importers.eppgbm import read_measurements

VILLAGE = "99.01.01.2001"
NIK = "9901010101250007"


def _keys(sex: list[int], born: list[str], name: list[str | None], nik: list[str]) -> list[int]:
    niks = pd.Series(nik)
    keys, identified = child_keys(niks, pd.Series(name), pd.to_datetime(pd.Series(born)), salt="0" * 16, sex=sex)
    assert identified.all()
    return keys.tolist()


@pytest.mark.parametrize(
    ("other", "same"),
    [
        ({"sex": 2}, False),
        ({"born": "2023-05-18"}, False),
        ({"born": "2024-05-17"}, False),
        ({"name": "Budi Santoso"}, False),
        ({"name": " ANAK  satu "}, True),  # case and spaces aside, the same name
        ({"name": None}, True),  # no name to tell them apart
        ({"nik": NIK + ".0"}, True),  # the NIK through a float column
        ({"nik": "9901-0101-0125-0007"}, True),
    ],
)
def test_i12n001_a_nik_is_one_child_only_with_the_same_sex_birth_and_name(other: dict[str, object], same: bool) -> None:
    first: dict[str, object] = {"sex": 1, "born": "2023-05-17", "name": "Anak Satu", "nik": NIK}
    rows = pd.DataFrame([first, first | other])
    born = pd.to_datetime(rows["born"])
    keys = _keys(rows["sex"].tolist(), rows["born"].tolist(), rows["name"].tolist(), rows["nik"].tolist())
    assert (keys[0] == keys[1]) is same
    collided = nik_collisions(rows["nik"], rows["name"], born, rows["sex"].to_numpy())
    assert collided.tolist() == [not same, not same]


def _file(path: Path) -> Path:
    lines = ["NIK;Nama;JK;Tgl Lahir;kode_wilayah;Posyandu;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur"]
    rows = [
        (NIK, "Anak Satu", "L", "17/05/2023", "03/02/2025", "78,0"),  # child 1, first visit
        (NIK, "Anak Satu", "L", "17/05/2023", "20/02/2025", "82,0"),  # child 1, latest visit
        (NIK, "Anak Dua", "P", "28/11/2024", "20/02/2025", "55,0"),  # a sibling under the same NIK
        (NIK, "Anak Tiga", "L", "17/05/2023", "20/02/2025", "79,0"),  # same NIK, sex and birth, another name
        ("9901010101250008", "Anak Empat", "P", "13/01/2024", "20/02/2025", "74,0"),
    ]
    for nik, name, sex, born, measured, height in rows:
        lines.append(f"{nik};{name};{sex};{born};{VILLAGE};Melati;{measured};10,0;{height};")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_i12n002_the_importer_counts_them_apart_and_reports_counts_only(tmp_path: Path) -> None:
    batch = read_measurements(_file(tmp_path / "nik.csv"), today=date(2025, 3, 1))
    assert batch.ok, [p.message() for p in batch.problems]
    assert batch.extra["children"] == 4  # the two visits of child 1 merge; the sibling and namesake do not
    stunting = batch.observations.set_index("indicator").loc["stunting"]
    assert stunting["denominator"] == 4
    assert batch.extra["nik_collision_rows"] == 4
    village = next(q for q in batch.extra["quality"] if q["posyandu"] is None)
    assert village["nik_collisions"] == 4
    warning = [p for p in batch.problems if p.key == "growth.nik_collision"]
    assert len(warning) == 1 and dict(warning[0].params) == {"rows": 4} and warning[0].value is None
    shown = " ".join(p.message() + p.message("en") for p in batch.problems)
    stored = json.dumps(batch.extra, default=str) + batch.observations.to_csv()
    for secret in (NIK, "9901010101250008", "Anak", "17/05/2023", "2023-05-17"):
        assert secret not in shown and secret not in stored
