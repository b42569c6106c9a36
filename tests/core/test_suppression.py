"""Small-number protection of published figures: "<5", "n kecil", complementary suppression, the LP audit."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from dashboard.core.suppression import Leak, Status, audit, protect

KAB = "99.01"
Desa = tuple[str, int, int]  # (desa serial, pembilang, penyebut)


def district(spec: dict[str, list[Desa]], periode: str = "2025-08", indikator: str = "stunting") -> pd.DataFrame:
    """The cells of one kabupaten: ``spec`` maps a kecamatan serial to its desa; totals are their sums."""
    below: list[tuple[str, str, str, int, int]] = []
    for kecamatan, villages in spec.items():
        code = f"{KAB}.{kecamatan}"
        below.append(("kecamatan", code, KAB, sum(v[1] for v in villages), sum(v[2] for v in villages)))
        below += [("desa", f"{code}.{serial}", code, k, n) for serial, k, n in villages]
    totals = [row for row in below if row[0] == "kecamatan"]
    top = ("kabupaten", KAB, "", sum(row[3] for row in totals), sum(row[4] for row in totals))
    cells = pd.DataFrame([top, *below], columns=["tingkat", "kode", "induk", "pembilang", "penyebut"])
    cells.insert(0, "indikator", indikator)
    cells.insert(0, "periode", periode)
    return cells


def labels(published: pd.DataFrame) -> dict[str, str]:
    return dict(zip(published["kode"], published["label_pembilang"], strict=True))


def publish(cells: pd.DataFrame, hidden: dict[str, Status]) -> pd.DataFrame:
    """A hand-made publication: the cells in ``hidden`` with their status, every other cell shown."""
    status = cells["kode"].map(lambda code: hidden.get(code, Status.SHOWN))
    shown = (status == Status.SHOWN).to_numpy()
    return cells.assign(status=status, pembilang_publik=cells["pembilang"].astype("Int64").where(shown))


# A "<5" desa in kecamatan 01; a zero and an "n kecil" desa in kecamatan 03.
DISTRICT = {
    "01": [("2001", 3, 40), ("2002", 6, 50), ("2003", 12, 60), ("2004", 20, 80)],
    "02": [("2001", 30, 100), ("2002", 25, 90), ("2003", 40, 120)],
    "03": [("2001", 0, 30), ("2002", 15, 70), ("2003", 2, 7)],
}
# Kecamatan 03 has 3 stunted children in all: its total is "<5" too.
SMALL_KECAMATAN = {
    "01": [("2001", 30, 100), ("2002", 25, 90), ("2003", 45, 110)],
    "02": [("2001", 12, 60), ("2002", 8, 50), ("2003", 9, 55)],
    "03": [("2001", 3, 8), ("2002", 0, 30), ("2003", 0, 40)],
    "04": [("2001", 50, 150), ("2002", 35, 110)],
}


def test_sup001_small_count_hides_the_smallest_siblings_and_keeps_the_totals() -> None:
    published = protect(district(DISTRICT))
    assert labels(published) == {
        "99.01": "153",
        "99.01.01": "41", "99.01.01.2001": "<5", "99.01.01.2002": "—", "99.01.01.2003": "—", "99.01.01.2004": "20",
        "99.01.02": "95", "99.01.02.2001": "30", "99.01.02.2002": "25", "99.01.02.2003": "40",
        "99.01.03": "17", "99.01.03.2001": "0", "99.01.03.2002": "—", "99.01.03.2003": "n kecil",
    }  # fmt: skip
    row = published.set_index("kode")
    assert row.loc["99.01.01.2001", "status"] == Status.SMALL_COUNT
    # The smallest sibling (6 of 50) alone would leave it 41 - 20 - 12 - 6 = 3; the next smallest (12 of 60) is
    # hidden too, or the totals would pin the 6 to 5..8 (41 - 32 less a "<5").
    assert list(row.loc[["99.01.01.2002", "99.01.01.2003"], "status"]) == [Status.COMPLEMENTARY] * 2
    assert row.loc["99.01.01", "prevalensi_publik"] == pytest.approx(100 * 41 / 230)
    assert row.loc["99.01", "pembilang_publik"] == 153
    assert row.loc["99.01.01.2004", "prevalensi_publik"] == 25.0
    assert audit(published) == []


def test_sup002_small_denominator_is_n_kecil_and_the_denominator_stays_published() -> None:
    published = protect(district(DISTRICT)).set_index("kode")
    cell = published.loc["99.01.03.2003"]
    assert (cell["status"], cell["label_pembilang"], cell["penyebut"]) == (Status.SMALL_DENOMINATOR, "n kecil", 7)
    assert cell["pembilang_publik"] is pd.NA
    assert pd.isna(cell["prevalensi_publik"])
    # 7 stunted of 9 measured is not a small count, but 9 children is too few to publish a rate of.
    nine = protect(district({"01": [("2001", 7, 9), ("2002", 30, 100), ("2003", 25, 90)]})).set_index("kode")
    assert nine.loc["99.01.01.2001", "label_pembilang"] == "n kecil"
    assert nine.loc["99.01.01.2001", "penyebut"] == 9
    # DASHBOARD_PUBLIC_MIN_DENOMINATOR=5: 2 of 7 is then an ordinary small count.
    five = protect(district(DISTRICT), min_denominator=5).set_index("kode")
    assert five.loc["99.01.03.2003", "label_pembilang"] == "<5"


def test_sup003_zero_count_over_enough_children_is_shown() -> None:
    published = protect(district(DISTRICT)).set_index("kode")
    cell = published.loc["99.01.03.2001"]
    assert (cell["status"], cell["label_pembilang"], cell["pembilang_publik"]) == (Status.SHOWN, "0", 0)
    assert cell["prevalensi_publik"] == 0.0


def test_sup004_kecamatan_of_one_desa() -> None:
    large = {"01": [("2001", 30, 100), ("2002", 25, 90)], "03": [("2001", 40, 120), ("2002", 22, 80)]}
    # 31 of 80: nothing to hide, though the desa *is* the kecamatan.
    fine = protect(district({**large, "02": [("2001", 31, 80)]}))
    assert set(fine["status"]) == {Status.SHOWN}
    assert labels(fine)["99.01.02.2001"] == labels(fine)["99.01.02"] == "31"
    # 3 of 40: a "<5" on either would say the other is 1..4, so both are "—"; at the kabupaten level the smallest
    # kecamatan (55) goes with it, and one of its desa so it cannot be summed back.
    small = protect(district({**large, "02": [("2001", 3, 40)], "04": [("2001", 50, 150), ("2002", 35, 110)]}))
    assert labels(small) == {
        "99.01": "205",
        "99.01.01": "—", "99.01.01.2001": "30", "99.01.01.2002": "—",
        "99.01.02": "—", "99.01.02.2001": "—",
        "99.01.03": "62", "99.01.03.2001": "40", "99.01.03.2002": "22",
        "99.01.04": "85", "99.01.04.2001": "50", "99.01.04.2002": "35",
    }  # fmt: skip
    assert audit(small) == []


def test_sup005_small_kecamatan_total_is_protected_at_the_kabupaten_level() -> None:
    published = protect(district(SMALL_KECAMATAN))
    assert labels(published) == {
        "99.01": "217",
        "99.01.01": "100", "99.01.01.2001": "30", "99.01.01.2002": "25", "99.01.01.2003": "45",
        "99.01.02": "—", "99.01.02.2001": "12", "99.01.02.2002": "—", "99.01.02.2003": "9",
        "99.01.03": "<5", "99.01.03.2001": "n kecil", "99.01.03.2002": "—", "99.01.03.2003": "0",
        "99.01.04": "—", "99.01.04.2001": "50", "99.01.04.2002": "—",
    }  # fmt: skip
    status = published.set_index("kode")["status"]
    assert status["99.01.03"] == Status.SMALL_COUNT
    assert status["99.01.02"] == status["99.01.04"] == Status.COMPLEMENTARY
    assert audit(published) == []


def test_sup006_audit_finds_what_the_totals_reveal() -> None:
    cells = district(DISTRICT)
    # Only the "<5" desa hidden: 41 - 6 - 12 - 20 gives it back exactly.
    alone = audit(publish(cells, {"99.01.01.2001": Status.SMALL_COUNT, "99.01.03.2003": Status.SMALL_DENOMINATOR,
                                  "99.01.03.2002": Status.COMPLEMENTARY}))  # fmt: skip
    assert alone == [Leak("2025-08", "stunting", "desa", "99.01.01.2001", 3.0, 3.0)]
    # With the smallest sibling hidden as well, the "<5" is safe, but the sibling is pinned to 41 - 32 - (1..4).
    pair = audit(publish(cells, {"99.01.01.2001": Status.SMALL_COUNT, "99.01.01.2002": Status.COMPLEMENTARY,
                                 "99.01.03.2003": Status.SMALL_DENOMINATOR,
                                 "99.01.03.2002": Status.COMPLEMENTARY}))  # fmt: skip
    assert pair == [Leak("2025-08", "stunting", "desa", "99.01.01.2002", 5.0, 8.0)]


def test_sup007_two_level_leak_caught_by_the_audit_and_fixed_by_protect() -> None:
    cells = district(SMALL_KECAMATAN)
    # Suppression that only looks at siblings: the "<5" kecamatan has two hidden sibling kecamatan and its
    # "n kecil" desa a hidden sibling desa. Every equation has two hidden cells or more...
    naive = publish(cells, {
        "99.01.03": Status.SMALL_COUNT, "99.01.02": Status.COMPLEMENTARY, "99.01.04": Status.COMPLEMENTARY,
        "99.01.03.2001": Status.SMALL_DENOMINATOR, "99.01.03.2002": Status.COMPLEMENTARY,
    })  # fmt: skip
    # ...but kecamatan 02 and 04 are the sums of their shown desa, and then 03 is 217 - 100 - 29 - 85.
    leaks = {leak.kode: (leak.lower, leak.upper) for leak in audit(naive)}
    assert leaks == {
        "99.01.02": (29.0, 29.0), "99.01.03": (3.0, 3.0), "99.01.04": (85.0, 85.0),
        "99.01.03.2001": (0.0, 3.0), "99.01.03.2002": (0.0, 3.0),
    }  # fmt: skip
    published = protect(cells)
    assert audit(published) == []
    hidden = set(published.loc[published["status"] != Status.SHOWN, "kode"])
    assert hidden > set(naive.loc[naive["status"] != Status.SHOWN, "kode"])
    assert {"99.01.02.2002", "99.01.04.2002"} <= hidden  # one desa each, so neither kecamatan sums back


def test_sup008_periods_and_indicators_are_protected_separately() -> None:
    january = district(DISTRICT, periode="2025-01")
    february = district({"01": [("2001", 30, 100), ("2002", 25, 90)], "02": [("2001", 40, 120)]}, periode="2025-02")
    wasting = district(DISTRICT, indikator="wasting").assign(pembilang=lambda f: f["pembilang"] * 0)
    together = protect(pd.concat([january, february, wasting], ignore_index=True))
    alone = pd.concat([protect(january), protect(february), protect(wasting)], ignore_index=True)
    pd.testing.assert_frame_equal(together, alone)
    assert set(together.loc[together["periode"] == "2025-02", "status"]) == {Status.SHOWN}
    assert list(together.index) == list(range(len(together)))  # the caller's order and index are kept


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: f.drop(columns="induk"), "lack the column.*induk"),
        (lambda f: pd.concat([f, f.iloc[[2]]]), r"desa 99\.01\.01\.2001 \(2025-08, stunting\) appears twice"),
        (lambda f: f.assign(tingkat=f["tingkat"].replace("desa", "kelurahan")), "'kelurahan'"),
        (lambda f: f.assign(pembilang=f["pembilang"].where(f.index != 2, -1)), "negative pembilang"),
        (lambda f: f.assign(pembilang=f["pembilang"].where(f.index != 2, 41)), "pembilang above its penyebut"),
        (lambda f: f.assign(penyebut=f["penyebut"].astype(float).where(f.index != 2, np.nan)), "not a whole number"),
        (lambda f: f.assign(pembilang=f["pembilang"].where(f.index != 2, 4)),
         r"kecamatan 99\.01\.01 \(2025-08, stunting\): pembilang 41 is not the sum of the cells below it \(42\)"),
    ],
)  # fmt: skip
def test_sup009_invalid_cells_are_refused_with_the_cell_named(
    change: Callable[[pd.DataFrame], pd.DataFrame], message: str
) -> None:
    cells = change(district(DISTRICT))
    with pytest.raises(ValueError, match=message):
        protect(cells)


@st.composite
def districts(draw: st.DrawFn) -> pd.DataFrame:
    """1-5 kecamatan of 1-8 desa; denominators 0-80, counts from 0 to the denominator, often small."""
    spec: dict[str, list[Desa]] = {}
    for kecamatan in range(draw(st.integers(1, 5))):
        villages = []
        for serial in range(draw(st.integers(1, 8))):
            measured = draw(st.integers(0, 80))
            count = draw(st.one_of(st.integers(0, min(measured, 5)), st.integers(0, measured)))
            villages.append((f"{2001 + serial}", count, measured))
        spec[f"{kecamatan + 1:02d}"] = villages
    return district(spec)


@settings(max_examples=60, deadline=None)
@given(districts())
def test_sup010_protect_leaves_nothing_for_the_audit_to_find(cells: pd.DataFrame) -> None:
    published = protect(cells)
    assert audit(published) == []
    hidden = (published["status"] != Status.SHOWN).to_numpy()
    small = (published["pembilang"].between(1, 4) | (published["penyebut"] < 10)).to_numpy()
    assert not (small & ~hidden).any()
    assert (published["penyebut"] == cells["penyebut"]).all()
    assert (published["pembilang_publik"].isna().to_numpy() == hidden).all()
    assert (published["prevalensi_publik"].isna().to_numpy() == hidden).all()
    assert (published.loc[hidden, "label_pembilang"].isin(["<5", "n kecil", "—"])).all()


def test_sup011_demo_district_latest_period_passes_the_audit() -> None:
    from dashboard.data.demo import generate_demo

    observations = generate_demo().observations
    latest = observations[observations["periode"] == observations["periode"].max()]
    desa = latest.rename(columns={"kode_wilayah": "kode"}).assign(tingkat="desa")
    desa["induk"] = desa["kode"].str[:8]
    levels = [desa]
    for tingkat, width in (("kecamatan", 5), ("kabupaten", 0)):
        below = levels[-1]
        totals = below.groupby(["periode", "indikator", "induk"], as_index=False)[["pembilang", "penyebut"]].sum()
        totals = totals.rename(columns={"induk": "kode"}).assign(tingkat=tingkat)
        totals["induk"] = totals["kode"].str[:width]
        levels.append(totals)
    cells = pd.concat(levels, ignore_index=True)
    published = protect(cells)
    assert audit(published) == []
    hidden = published["status"] != Status.SHOWN
    assert not (published["pembilang"].between(1, 4) & ~hidden).any()
    assert (published["status"] == Status.SMALL_COUNT).any() and (published["status"] == Status.COMPLEMENTARY).any()
    assert published["penyebut"].equals(cells["penyebut"])


def reference_leaks(published: pd.DataFrame) -> list[tuple[str, float, float]]:
    """The leak definition read literally: two LPs per hidden cell over its whole group, from public columns only."""
    above = {"desa": "kecamatan", "kecamatan": "kabupaten"}
    leaks = []
    for _, cells in published.groupby(["periode", "indikator"]):
        group = cells.reset_index(drop=True)
        status = group["status"].map(Status)
        hidden = [i for i in group.index if status[i] != Status.SHOWN]
        column = {i: k for k, i in enumerate(hidden)}
        where = {(t, k): i for i, (t, k) in enumerate(zip(group["tingkat"], group["kode"], strict=True))}
        families: dict[int, list[int]] = {}
        for i, (tingkat, induk) in enumerate(zip(group["tingkat"], group["induk"], strict=True)):
            if (parent := where.get((above.get(tingkat, ""), induk))) is not None:
                families.setdefault(parent, []).append(i)
        rows, rhs = [], []
        for parent, children in families.items():
            row, value = np.zeros(len(hidden)), 0.0
            for member, sign in [(parent, -1.0), *((c, 1.0) for c in children)]:
                if member in column:
                    row[column[member]] += sign
                else:
                    value -= sign * float(group["pembilang_publik"][member])
            rows.append(row)
            rhs.append(value)
        measured = group["penyebut"]
        for i in hidden:
            bounds = [(1, min(4, measured[j])) if status[j] == Status.SMALL_COUNT else (0, measured[j]) for j in hidden]
            bounds[column[i]] = (0, measured[i])
            objective = np.eye(len(hidden))[column[i]]
            lp = {"A_eq": np.array(rows), "b_eq": rhs} if rows else {}
            lower = linprog(objective, bounds=bounds, method="highs", **lp).fun
            upper = -linprog(-objective, bounds=bounds, method="highs", **lp).fun
            if upper - lower < min(4, measured[i]) - 1e-6:
                leaks.append((group["kode"][i], round(lower, 6), round(upper, 6)))
    return leaks


@settings(max_examples=25, deadline=None)
@given(districts(), st.data())
def test_sup012_audit_agrees_with_the_definition_read_literally(cells: pd.DataFrame, data: st.DataObject) -> None:
    # Any truthful labelling: "<5" only on counts of 1..4, "—" and "n kecil" anywhere; most of them leak.
    anywhere = [Status.SHOWN, Status.COMPLEMENTARY, Status.SMALL_DENOMINATOR]
    statuses = [
        data.draw(st.sampled_from([*anywhere, Status.SMALL_COUNT] if 1 <= count <= 4 else anywhere))
        for count in cells["pembilang"]
    ]
    published = publish(cells, dict(zip(cells["kode"], statuses, strict=True)))
    found = [(leak.kode, leak.lower, leak.upper) for leak in audit(published)]
    assert sorted(found) == sorted(reference_leaks(published))
