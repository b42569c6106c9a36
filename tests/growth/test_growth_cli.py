"""``python -m dashboard zscores IN OUT``: a round trip on a synthetic CSV."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.commands.zscores import OUTPUT
from dashboard.core.growth import zscores

ROWS = [
    # id, sex, birth_date, measure_date, height_cm, weight_kg, position
    ("a", "L", "2024-02-01", "2025-02-01", "75,2", "9,5", "Terlentang"),
    ("b", "P", "15/01/2023", "20/01/2025", "80.1", "10.2", "H"),
    ("c", "2", "2023-01-15", "2025-01-15", "80.1", "10.2", "L"),  # 731 days lying: -0.7 cm
    ("d", "M", "2024-06-01", "2024-09-01", "", "6.1", ""),  # weight only
    ("e", "X", "2023-01-15", "2025-01-20", "80.1", "10.2", "H"),  # bad sex
    ("f", "1", "kemarin", "2025-01-20", "abc", "10.2", "duduk"),  # bad date, height, position
    ("g", "F", "2018-01-01", "2025-01-20", "100", "15", "H"),  # over 59 months
]


def _write(path: Path, separator: str = ";") -> Path:
    header = ["id", "sex", "birth_date", "measure_date", "height_cm", "weight_kg", "position"]
    path.write_text("\n".join(separator.join(row) for row in [header, *ROWS]) + "\n", encoding="utf-8")
    return path


def test_gro060_round_trip(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    source, target = _write(tmp_path / "in.csv"), tmp_path / "out.csv"
    with caplog.at_level(logging.WARNING):
        assert main(["zscores", str(source), str(target)]) == 0
    out = pd.read_csv(target, dtype={"id": str})
    assert list(out.columns) == [
        "id",
        "sex",
        "birth_date",
        "measure_date",
        "height_cm",
        "weight_kg",
        "position",
        *OUTPUT,
    ]
    assert out["id"].tolist() == ["a", "b", "c", "d", "e", "f", "g"]
    assert out["age_days"].iloc[:4].tolist() == [366, 736, 731, 92]
    expected = zscores(["L", "P", "P", "L"], [366, 736, 731, 92], [75.2, 80.1, 80.1, np.nan], [9.5, 10.2, 10.2, 6.1],
                       ["L", "H", "L", None])  # fmt: skip
    for index in ("haz", "waz", "whz"):
        np.testing.assert_allclose(out[index].iloc[:4], expected[index], atol=1e-4)
        assert out[index].iloc[4:].isna().all()
    assert out["flag_haz"].iloc[:3].tolist() == [0, 0, 0]
    assert np.isnan(out["flag_haz"].iloc[3])  # no height: no z-score, no flag
    messages = caplog.text
    for where in ("baris 6, kolom sex", "baris 7, kolom birth_date", "baris 7, kolom height_cm",
                  "baris 7, kolom position", "baris 8, kolom birth_date"):  # fmt: skip
        assert where in messages


def test_gro061_unreadable_input_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    assert main(["zscores", str(tmp_path / "missing.csv"), str(target)]) == 2
    (tmp_path / "few.csv").write_text("sex,birth_date\nL,2024-01-01\n", encoding="utf-8")
    assert main(["zscores", str(tmp_path / "few.csv"), str(target)]) == 2
    assert not target.exists()


def test_gro062_runs_as_a_module(tmp_path: Path) -> None:
    source, target = _write(tmp_path / "in.csv", ","), tmp_path / "out.csv"
    rows_ok = [row for row in ROWS if "," not in row[4] and "," not in row[5]]
    source.write_text(
        "id,sex,birth_date,measure_date,height_cm,weight_kg,position\n" + "\n".join(",".join(r) for r in rows_ok) + "\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "zscores", str(source), str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(pd.read_csv(target)) == len(rows_ok)


@pytest.mark.parametrize("separator", ["/", "-", "."])
def test_gro063_us_locale_dates_are_read_month_first(tmp_path: Path, separator: str) -> None:
    # Saved by an Excel set to a US locale: 01/25/2023 proves month first; 02/03/2025 is then 3 February.
    s = separator
    rows = [("id", "sex", "birth_date", "measure_date", "height_cm", "weight_kg", "position"),
            ("a", "L", f"01{s}25{s}2023", f"02{s}03{s}2025", "85", "11", "H"),
            ("b", "P", f"12{s}31{s}2022", f"02{s}03{s}2025", "86", "11", "H")]  # fmt: skip
    source, target = tmp_path / "us.csv", tmp_path / "out.csv"
    source.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    assert main(["zscores", str(source), str(target)]) == 0
    out = pd.read_csv(target)
    born = [pd.Timestamp("2023-01-25"), pd.Timestamp("2022-12-31")]
    measured = pd.Timestamp("2025-02-03")  # not 2 March
    assert out["age_days"].tolist() == [(measured - b).days for b in born]
