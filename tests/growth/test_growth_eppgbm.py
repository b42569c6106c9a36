"""e-PPGBM exports and posyandu registers into village counts: hand counts, refusals, privacy."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import INVENTED_NAMES, Child, born_days_before, height_at, invented_nik, weight_at, write_eppgbm

from dashboard.data.importers.eppgbm import parse_dates, parse_numbers, prepare_measurement_import, read_measurements
from dashboard.data.importers.model import DatasetKind, IndicatorBatch, Severity

TODAY = date(2025, 3, 1)
FEB = date(2025, 2, 12)
VILLAGE_A, VILLAGE_B = "99.01.01.2001", "99.01.01.2002"


def _child(i: int, haz: float, age: int, code: str = VILLAGE_A, **changes: object) -> Child:
    rng = np.random.default_rng(i)
    sex = 1 + i % 2
    lying = age < 731
    child = Child(
        nik=invented_nik(rng),
        name=INVENTED_NAMES[i % len(INVENTED_NAMES)] + f" {chr(65 + i)}",
        sex="L" if sex == 1 else "P",
        born=born_days_before(FEB, age),
        measured=FEB,
        weight=round(weight_at(0.0, sex, age), 2),
        height=round(height_at(haz, sex, age), 1),
        position="Terlentang" if lying else "Berdiri",
        code=code,
        posyandu="Mawar" if code == VILLAGE_A else "Kenanga",
    )
    return replace(child, **changes)  # type: ignore[arg-type]


def _children() -> list[Child]:
    """Village A: 8 children counted; village B: 2; and 3 rows refused. Stunting by hand below."""
    twice = _child(0, -1.0, 400)
    first_visit = replace(twice, measured=date(2025, 2, 3), height=round(height_at(-2.5, 1, 391), 1))
    return [
        first_visit,  # stunted at the first visit of the month: replaced by the later visit
        twice,  # the latest visit: not stunted
        _child(1, -2.5, 200),  # stunted
        _child(2, -2.6, 900),  # stunted
        _child(3, -3.5, 1200),  # severely stunted
        _child(4, -0.5, 60),
        _child(5, 0.5, 1500),
        _child(6, -7.0, 700),  # flagged: out of measured
        _child(7, -1.0, 1000, weight=None),  # height only
        _child(8, -2.5, 500, code=VILLAGE_B),  # stunted
        _child(9, 0.0, 800, code=VILLAGE_B),
        _child(10, 0.0, 300, measured=date(2025, 3, 5)),  # refused: measured after today
        _child(11, 0.0, 1827),  # refused: 60 months
        _child(12, 0.0, 300, sex=""),  # refused: sex missing
    ]  # fmt: skip


def _import(path: Path, **options: object) -> IndicatorBatch:
    return read_measurements(path, today=TODAY, **options)  # type: ignore[arg-type]


def _stunting(batch: IndicatorBatch, code: str, indicator: str = "stunting") -> tuple[float, float]:
    obs = batch.observations
    row = obs[(obs["code"] == code) & (obs["indicator"] == indicator) & (obs["period"] == "2025-02")]
    assert len(row) == 1
    return float(row["numerator"].iloc[0]), float(row["denominator"].iloc[0])


def test_gro040_eppgbm_counts_match_hand_counts(tmp_path: Path) -> None:
    batch = _import(write_eppgbm(tmp_path / "eppgbm.csv", _children()))
    assert batch.ok, [p.message() for p in batch.errors]
    assert batch.kind is DatasetKind.MEASUREMENTS
    # A: 8 children; the flagged one leaves 7 measured; stunted: children 1, 2, 3 (the twice-measured one is not)
    assert _stunting(batch, VILLAGE_A) == (3, 7)
    assert _stunting(batch, VILLAGE_A, "stunting_berat") == (1, 7)
    assert _stunting(batch, VILLAGE_B) == (1, 2)
    obs = batch.observations
    underweight_a = obs[(obs["code"] == VILLAGE_A) & (obs["indicator"] == "underweight")]
    assert underweight_a["denominator"].tolist() == [7]  # 8 children, one without weight
    assert batch.rows_read == 14
    assert batch.skipped_rows == 3
    assert batch.extra["children"] == 10
    assert batch.extra["measurements"] == 11
    # The HAZ -7 child has a median weight for age on a very short length: heavy for length, WHZ > 5 too.
    assert batch.extra["flagged"] == {"haz": 1, "waz": 0, "whz": 1}
    counts = {(c["code"], c["period"]): c for c in batch.extra["counts"]}  # type: ignore[attr-defined]
    assert counts[(VILLAGE_A, "2025-02")]["flagged_haz"] == 1


def test_gro041_refused_rows_are_reported_and_the_rest_imported(tmp_path: Path) -> None:
    batch = _import(write_eppgbm(tmp_path / "eppgbm.csv", _children()))
    refused = {(p.row, p.key) for p in batch.problems if p.key.startswith("growth.") and p.severity is Severity.WARNING}
    assert {
        (13, "growth.measure_date_future"),
        (14, "growth.age_over_59_months"),
        (15, "growth.sex_missing"),
    } <= refused
    assert (9, "growth.flagged") in refused
    age = next(p for p in batch.problems if p.key == "growth.age_over_59_months")
    assert "60" in age.message("id") and age.column == "Tgl Lahir"
    assert batch.extra["refused"] == {
        "growth.measure_date_future": 1, "growth.age_over_59_months": 1, "growth.sex_missing": 1
    }  # fmt: skip


def test_gro042_nothing_personal_leaves_the_importer(tmp_path: Path) -> None:
    children = _children()
    batch = _import(write_eppgbm(tmp_path / "eppgbm.csv", children))
    text = "\n".join(
        [
            batch.observations.to_csv(),
            json.dumps(batch.extra, default=str),
            *(json.dumps(p.as_record(lang), default=str) for p in batch.problems for lang in ("id", "en")),
            repr(batch),
        ]
    )
    for child in children:
        for secret in (
            child.nik,
            child.name,
            f"Ibu {child.name}",
            f"Jalan {child.name}",
            *(part for part in child.name.split() if len(part) > 3),
        ):
            assert secret not in text
    assert batch.problems  # the report is not empty: it just names no child


def test_gro043_separators_decimals_and_xlsx_agree(tmp_path: Path) -> None:
    children = _children()
    semicolon = _import(write_eppgbm(tmp_path / "a.csv", children, ";", ","))
    comma = _import(write_eppgbm(tmp_path / "b.csv", children, ",", "."))
    frame = pd.read_csv(tmp_path / "b.csv", dtype=str, keep_default_na=False)
    frame["Tgl Lahir"] = pd.to_datetime(frame["Tgl Lahir"], format="%d/%m/%Y")  # real date cells
    frame["Berat"] = pd.to_numeric(frame["Berat"])
    frame.to_excel(tmp_path / "c.xlsx", index=False)
    xlsx = _import(tmp_path / "c.xlsx")
    for batch in (comma, xlsx):
        pd.testing.assert_frame_equal(batch.observations, semicolon.observations)


def test_gro044_latin1_and_excel_dashes(tmp_path: Path) -> None:
    children = [_child(1, -2.5, 200, village="Désa Contoh"), _child(2, 0.0, 300, weight=None)]
    path = write_eppgbm(tmp_path / "latin.csv", children)
    path.write_bytes(path.read_text(encoding="utf-8").replace(";;", ";-;").encode("latin-1"))
    batch = _import(path)
    assert batch.ok
    assert _stunting(batch, VILLAGE_A) == (1, 2)


def test_gro045_village_code_problems_refuse_the_file(tmp_path: Path) -> None:
    bad = _import(write_eppgbm(tmp_path / "bad.csv", [_child(1, 0, 200), _child(2, 0, 300, code="99.01.01")]))
    assert not bad.ok
    assert [(p.row, p.key, p.value) for p in bad.errors] == [(3, "growth.bad_code", "99.01.01")]
    outside = _import(write_eppgbm(tmp_path / "out.csv", [_child(1, 0, 200, code="98.01.01.2001")]), wilayah="99.01")
    assert [p.key for p in outside.errors] == ["growth.outside_wilayah"]
    inside = _import(write_eppgbm(tmp_path / "in.csv", [_child(1, 0, 200)]), wilayah="9901")
    assert inside.ok


def test_gro046_village_names_need_a_matcher(tmp_path: Path) -> None:
    path = write_eppgbm(
        tmp_path / "names.csv", [_child(1, -2.5, 200, code=""), _child(2, 0, 300, code="", village="Ujung")]
    )
    assert [p.key for p in _import(path).errors] == ["growth.no_village_code"]

    def matcher(names: pd.DataFrame) -> pd.Series:
        return names["village"].map({"Sukamaju": VILLAGE_A})

    batch = _import(path, matcher=matcher)
    assert [(p.key, p.value, p.row) for p in batch.errors] == [("growth.village_unmatched", "Ujung", 3)]
    assert _stunting(batch, VILLAGE_A) == (1, 1)


def _register(path: Path) -> Path:
    """A posyandu register: identity columns, then JANUARI and FEBRUARI 2025 blocks of five columns."""
    head = ["No", "NIK", "NAMA ANAK", "TANGGAL LAHIR", "JENIS KELAMIN"]
    sub = ["TGL UKUR", "UMUR", "BERAT", "TINGGI", "CARA UKUR"]
    rows = [
        [*head, "JANUARI 2025", "", "", "", "", "FEBRUARI 2025", "", "", "", ""],
        ["", "", "", "", "", *sub, *sub],
    ]
    born = [date(2024, 1, 5), date(2023, 6, 1), date(2022, 2, 20)]
    hazs = [(-2.5, -2.4), (0.0, 0.1), (-1.0, None)]
    for i, (birth, (jan, feb)) in enumerate(zip(born, hazs, strict=True)):
        sex = 1 + i % 2
        row = [str(i + 1), "99" + f"{i:014d}", INVENTED_NAMES[i], birth.strftime("%d/%m/%Y"), "L" if sex == 1 else "P"]
        for when, haz in ((date(2025, 1, 14), jan), (date(2025, 2, 11), feb)):
            if haz is None:
                row += ["", "", "", "", ""]
                continue
            age = (when - birth).days
            height = f"{height_at(haz, sex, age):.1f}".replace(".", ",")
            weight = f"{weight_at(0, sex, age):.1f}".replace(".", ",")
            row += [str(when.day), f"{age // 30} bln", weight, height, "Terlentang" if age < 731 else "Berdiri"]
        rows.append(row)
    path.write_text("\n".join(";".join(row) for row in rows) + "\n", encoding="utf-8")
    return path


def test_gro047_posyandu_register_months_across(tmp_path: Path) -> None:
    batch = _import(_register(tmp_path / "register.csv"), village_code=VILLAGE_A, posyandu="Mawar")
    assert batch.ok, [p.message() for p in batch.problems]
    assert batch.extra["layout"] == "register"
    obs = batch.observations[batch.observations["indicator"] == "stunting"].set_index("period")
    assert obs.loc["2025-01", ["numerator", "denominator"]].tolist() == [1, 3]
    assert obs.loc["2025-02", ["numerator", "denominator"]].tolist() == [1, 2]
    assert batch.extra["measurements"] == 5
    text = batch.observations.to_csv() + json.dumps(batch.extra, default=str)
    assert not any(name in text for name in INVENTED_NAMES[:3])
    unplaced = _import(_register(tmp_path / "register2.csv"))
    assert [p.key for p in unplaced.errors] == ["growth.register_no_village"]


def test_gro048_files_that_cannot_be_imported(tmp_path: Path) -> None:
    (tmp_path / "other.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert [p.key for p in _import(tmp_path / "other.csv").errors] == ["growth.unknown_layout"]
    (tmp_path / "few.csv").write_text(
        "NIK;JK;Tgl Lahir;Tanggal Pengukuran\n1;L;01/01/2024;01/02/2025\n", encoding="utf-8"
    )
    missing = _import(tmp_path / "few.csv").errors
    assert [p.key for p in missing] == ["growth.missing_columns"]
    assert "Berat/Tinggi" in missing[0].message() and "Desa/Kel" in missing[0].message()
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    assert [p.key for p in _import(tmp_path / "broken.xlsx").errors] == ["growth.unreadable_file"]
    only_refused = _import(write_eppgbm(tmp_path / "r.csv", [_child(1, 0, 300, sex="")]))
    assert "growth.no_rows" in [p.key for p in only_refused.errors]


def test_gro049_quality_report_per_village_and_posyandu(tmp_path: Path) -> None:
    batch = _import(write_eppgbm(tmp_path / "eppgbm.csv", _children()))
    quality = pd.DataFrame(batch.extra["quality"])
    village = quality[(quality["code"] == VILLAGE_A) & quality["posyandu"].isna()].iloc[0]
    posyandu = quality[(quality["code"] == VILLAGE_A) & (quality["posyandu"] == "Mawar")].iloc[0]
    assert village["rows"] == posyandu["rows"] == 9  # 9 accepted rows in A, one of them a repeat visit
    assert village["refused"] == 3
    assert village["flagged_haz_pct"] == pytest.approx(100 / 9)
    assert village["missing_weight_pct"] == pytest.approx(100 / 9)
    assert quality["posyandu"].isna().sum() == 2  # one village row each for A and B


def test_gro050_cell_parsing() -> None:
    dates = parse_dates(pd.Series(["05/03/2023", "2023-03-05", "05-03-2023", "05.03.2023", "2023-03-05 00:00:00",
                                   "44990", "31/02/2023", "", None]))  # fmt: skip
    assert dates.iloc[:6].dt.strftime("%Y-%m-%d").tolist() == ["2023-03-05"] * 6
    assert dates.iloc[6:].isna().all()
    numbers, bad = parse_numbers(pd.Series(["11,4", "84.5", " 9 ", "-", "", "abc", "12 kg", None]))
    assert numbers.iloc[:3].tolist() == [11.4, 84.5, 9.0]
    assert numbers.iloc[6] == 12.0
    assert bad.tolist() == [False, False, False, False, False, True, False, False]


def test_gro051_upload_bytes_matched_by_exact_village_names(tmp_path: Path) -> None:
    villages = pd.DataFrame(
        {
            "code": [VILLAGE_A, "99.01.02.2001", VILLAGE_B],
            "name": ["SUKAMAJU", "Sukamaju", "Ujung"],
            "kecamatan_name": ["Kecamatan Contoh", "Kecamatan Lain", "Kecamatan Contoh"],
        }
    )
    children = [
        _child(1, -2.5, 200, code=""),  # Sukamaju in Kecamatan Contoh: A, not its namesake
        _child(2, 0.0, 300, code="", village="Desa Ujung"),
        _child(3, 0.0, 300, code="", village="Tidak Ada"),
    ]
    content = write_eppgbm(tmp_path / "upload.csv", children).read_bytes()
    batch = prepare_measurement_import(content, "upload.csv", villages, {}, district_code="99.01")
    assert batch.file_name == "upload.csv"
    assert [(p.key, p.row) for p in batch.errors] == [("names.unmatched", 4)]
    confirmed = prepare_measurement_import(
        content, "upload.csv", villages, {}, district_code="99.01", confirmed={"Tidak Ada": VILLAGE_B}
    )
    assert confirmed.ok
    assert _stunting(confirmed, VILLAGE_A) == (1, 1)
    assert _stunting(confirmed, VILLAGE_B) == (0, 2)
