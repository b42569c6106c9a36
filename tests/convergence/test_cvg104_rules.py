"""The new indicators under the figure rules: lokus criteria (from the enclosing quarter or year), the minimum of
children measured, and small-number protection (rupiah and yes/no village facts are no small numbers)."""

from __future__ import annotations

import pandas as pd

from dashboard.core.publication import cells_frame
from dashboard.core.scoring import FEW_CHILDREN, criterion_periods, criterion_values, default_criteria, ranking_input
from dashboard.views.lokus_page.model import criterion_label

A, B, C = "99.01.01.2001", "99.01.01.2002", "99.01.02.2001"
VILLAGES = pd.DataFrame({"code": [A, B, C], "name": ["Satu", "Dua", "Tiga"], "kecamatan_code": ["99.01.01"] * 2
                         + ["99.01.02"], "kecamatan_name": ["Kec A"] * 2 + ["Kec B"], "district_code": "99.01",
                         "district_name": "Kabupaten Uji"})  # fmt: skip


def _rows(indicator: str, period: str, values: list[tuple[str, float, float]]) -> pd.DataFrame:
    frame = pd.DataFrame(values, columns=["code", "numerator", "denominator"])
    return frame.assign(period=period, indicator=indicator)[["code", "period", "indicator", "numerator", "denominator"]]


OBS = pd.concat(
    [
        _rows("stunting", "2025-08", [(A, 3, 40), (B, 1, 4), (C, 6, 30)]),
        _rows("vitamin_a", "2025-08", [(A, 30, 40), (B, 2, 4), (C, 27, 30)]),  # B: 4 children, below the minimum
        # Dana Desa per year: A 250 of 1.250 million (20%, the target: gap 0), B 50 of 1.000 million (5%: gap 15).
        _rows("dana_desa_stunting", "2025", [(A, 250e6, 1250e6), (B, 50e6, 1000e6)]),
        # The scorecard per quarter: services received of due, small numbers of services.
        _rows("konvergensi_desa", "2025-Q3", [(A, 6, 8), (B, 2, 4), (C, 9, 9)]),
        _rows("kpm_aktif", "2025", [(A, 1, 1), (B, 0, 1), (C, 1, 1)]),
        _rows("kpm_aktif", "2024", [(A, 0, 1)]),
    ],
    ignore_index=True,
)


def test_cvg130_a_month_ranks_with_its_quarter_and_year() -> None:
    assert criterion_periods(OBS, "2025-08") == {"stunting": "2025-08", "vitamin_a": "2025-08",
                                                 "konvergensi_desa": "2025-Q3", "dana_desa_stunting": "2025",
                                                 "kpm_aktif": "2025"}  # fmt: skip
    values = criterion_values(OBS, "2025-08", [A, B, C])
    assert values.loc[A, "gap:dana_desa_stunting"] == 0.0 and values.loc[B, "gap:dana_desa_stunting"] == 15.0
    assert values["gap:dana_desa_stunting"].isna().tolist() == [False, False, True]
    assert values.loc[A, "gap:konvergensi_desa"] == 25.0  # 100 - 6/8
    assert list(values["gap:kpm_aktif"]) == [0.0, 100.0, 0.0]
    assert criterion_label("gap:dana_desa_stunting", "id").count("Dana Desa untuk stunting") == 1
    # offered as a criterion, switched off until the planner chooses it (cvg160)
    assert any(c.key == "gap:dana_desa_stunting" and not c.enabled for c in default_criteria(list(values.columns)))
    # A quarter is a ranking period too: its scorecard and its year's funds, no month's stunting.
    quarter = set(criterion_values(OBS, "2025-Q3", [A, B, C]).columns)
    assert quarter == {"gap:konvergensi_desa", "gap:dana_desa_stunting", "gap:kpm_aktif"}
    assert criterion_periods(OBS, "2024-03") == {"kpm_aktif": "2024"}


def test_cvg131_the_minimum_of_children_leaves_out_child_rates_only() -> None:
    ranked = ranking_input(OBS, "2025-08", [A, B, C], min_measured=10)
    left = ranked.left_out[ranked.left_out["reason"] == FEW_CHILDREN]
    # B's 4 children: prevalence and vitamin A left out; its 4 services, 1 village and rupiah are not children.
    assert sorted(set(left["criterion"])) == ["gap:vitamin_a", "prevalensi", "prevalensi_mentah"]
    assert set(left["code"]) == {B}
    assert ranked.values.loc[B, "gap:konvergensi_desa"] == 50.0 and ranked.values.loc[B, "gap:kpm_aktif"] == 100.0


def test_cvg132_rupiah_and_village_facts_are_never_small_numbers() -> None:
    cells = cells_frame(VILLAGES, OBS, ["2025", "2025-Q3"], ["dana_desa_stunting", "kpm_aktif", "konvergensi_desa"],
                        min_denominator=10)  # fmt: skip
    kpm = cells[(cells["indikator"] == "kpm_aktif") & (cells["tingkat"] == "desa")].set_index("kode")
    assert list(kpm["status"]) == ["tampil"] * 3 and list(kpm["label"]) == ["1", "0", "1"]
    assert list(kpm["prevalensi"]) == [100.0, 0.0, 100.0]
    funds = cells[(cells["indikator"] == "dana_desa_stunting") & (cells["tingkat"] == "kabupaten")].iloc[0]
    assert (funds["status"], funds["pembilang"], funds["penyebut"]) == ("tampil", 300_000_000, 2_250_000_000)
    # Services are people's: 4 services due in B stay protected, the kabupaten's 21 are shown.
    services = cells[cells["indikator"] == "konvergensi_desa"].set_index("kode")
    assert services.loc[B, "status"] == "n_kecil" and services.loc["99.01", "status"] == "tampil"
    assert services.loc["99.01", "label"] == "17"  # 6 + 2 + 9 of 8 + 4 + 9


def test_cvg160_other_offices_criteria_offered_but_off_by_default() -> None:
    """A ranking's defaults do not change when another office's figures arrive: their gaps are offered, switched
    off; the health services' gaps stay on."""
    from dashboard.core.scoring import default_criteria

    keys = ["prevalensi", "jumlah_stunting", "gap:vitamin_a", "gap:konvergensi_desa", "gap:kpm_aktif",
            "gap:kader_terlatih", "gap:dana_desa_stunting", "gap:pendampingan_krs"]  # fmt: skip
    used = {c.key: c.enabled for c in default_criteria(keys)}
    assert used == {"prevalensi": True, "jumlah_stunting": True, "gap:vitamin_a": True, "gap:konvergensi_desa": False,
                    "gap:kpm_aktif": False, "gap:kader_terlatih": False, "gap:dana_desa_stunting": False,
                    "gap:pendampingan_krs": True}  # fmt: skip
