"""Import times: the national boundary file (83,402 villages), a generated 1,000,000-row tidy file, and the
refusal of a file of 100,000 columns (issue 12: it took 102 s and 1 GB before the width was checked first).

Each into a fresh database (SQLite in a temporary folder unless ``--database`` names another, e.g. a
PostgreSQL URL), reading/checking timed apart from the commit. Targets on a 2-core machine: the
national boundaries under 60 s, the 1,000,000-row file under 30 s.

Run (after bash scripts/setup.sh):

    .venv/bin/python benchmarks/bench_import.py [--boundaries PATH] [--rows 1000000] [--database URL]
    .venv/bin/python benchmarks/bench_import.py --wide-only [--columns 100000]   # no ../shared/data needed
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

from dashboard.core.indicators import CATALOGUE
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.indicators import prepare_indicator_import
from dashboard.data.importers.model import IndicatorBatch
from dashboard.data.store import Store

COMMAND = ".venv/bin/python benchmarks/bench_import.py"
NATIONAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "boundaries" / "desa_indonesia.parquet"

T = TypeVar("T")


def timed(label: str, action: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    print(f"  {label:<44} {seconds:8.2f} s", flush=True)
    return result, seconds


def tidy_file(codes: list[str], rows: int, folder: Path) -> Path:
    """``rows`` lines of the tidy template: villages x months x indicators, undotted codes as offices write them."""
    indicators = list(CATALOGUE)[:5]
    months = [f"{year}-{month:02d}" for year in (2024, 2025) for month in range(1, 13)]
    per_village = len(indicators) * len(months)
    villages = np.array(codes[: -(-rows // per_village)], dtype=object)
    rng = np.random.default_rng(3)
    grid = pd.MultiIndex.from_product([villages, months, indicators], names=["kode_wilayah", "periode", "indikator"])
    frame = grid.to_frame(index=False).iloc[:rows]
    frame["kode_wilayah"] = frame["kode_wilayah"].str.replace(".", "", regex=False)
    frame["penyebut"] = rng.integers(20, 400, len(frame))
    frame["pembilang"] = (frame["penyebut"] * rng.uniform(0.05, 0.6, len(frame))).astype(int)
    path = folder / f"tidy_{rows}.csv"
    frame[["kode_wilayah", "periode", "indikator", "pembilang", "penyebut"]].to_csv(path, index=False)
    return path


def parse_tidy(path: Path, store: Store, district_codes: list[str]) -> IndicatorBatch:
    """The indicator importer as the command line runs it: codes checked against every stored village."""
    villages = pd.concat(
        [pd.DataFrame(store.villages(code).drop(columns="geometry")) for code in district_codes], ignore_index=True
    )
    return prepare_indicator_import(path.read_bytes(), path.name, villages, {}, format="tidy")


def wide_refusal(columns: int) -> None:
    """Time and peak Python memory to refuse a CSV of ``columns`` columns (and an XLSX as wide as Excel allows)."""
    print(f"\n3. a file of {columns:,} columns (refused before it is parsed)")
    rows = [",".join(f"kolom_{i}" for i in range(columns)), ",".join("1" for _ in range(columns))]
    content = ("\n".join(rows) + "\n").encode()
    print(f"  {len(content) / 1e6:.1f} MB of CSV")
    empty = pd.DataFrame(columns=["code", "name", "kecamatan_code", "kecamatan_name", "district_code", "district_name"])
    tracemalloc.start()
    batch, _ = timed("read and refuse the CSV", lambda: prepare_indicator_import(content, "lebar.csv", empty, {}))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"  peak Python memory {peak / 1e6:.0f} MB; problems: {[p.key for p in batch.problems]}")
    from openpyxl import Workbook  # 16,384 columns: the most an XLSX sheet can hold

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append([f"kolom_{i}" for i in range(16_384)])
    sheet.append([1] * 16_384)
    buffer = io.BytesIO()
    book.save(buffer)
    batch, _ = timed("read and refuse a 16,384-column XLSX", lambda: prepare_indicator_import(
        buffer.getvalue(), "lebar.xlsx", empty, {}))  # fmt: skip
    print(f"  problems: {[p.key for p in batch.problems]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boundaries", type=Path, default=NATIONAL, help="boundary file (default: the national file)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the generated tidy file")
    parser.add_argument("--database", help="database URL (default: a fresh SQLite file in a temporary folder)")
    parser.add_argument("--columns", type=int, default=100_000, help="columns of the generated wide file")
    parser.add_argument("--wide-only", action="store_true", help="only the wide-file refusal (no boundaries)")
    args = parser.parse_args()
    if args.wide_only:
        wide_refusal(args.columns)
        print(f"\nrerun: {COMMAND} --wide-only --columns {args.columns}")
        return
    if not args.boundaries.is_file():
        raise SystemExit(f"{args.boundaries} not found: the benchmark needs ../shared/data")

    print(f"Lokus import benchmark: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="lokus-bench-") as tmp:
        folder = Path(tmp)
        url = args.database or f"sqlite:///{folder / 'lokus.sqlite'}"
        store = Store.open(url)
        print(f"database: {store.url}")

        print(f"\n1. boundaries: {args.boundaries.name} ({args.boundaries.stat().st_size / 1e6:.0f} MB)")
        batch, read_s = timed(
            "read, check, reproject, dissolve outlines", lambda: prepare_boundary_import(args.boundaries)
        )
        if not batch.ok:
            raise SystemExit("\n".join(p.message("en") for p in batch.errors[:20]))
        result, commit_s = timed("commit (one transaction)", lambda: store.commit_boundaries(batch, "benchmark"))
        outlines = 0 if batch.outlines is None else len(batch.outlines)
        districts = sorted(result.districts)
        print(
            f"  {len(batch.villages):,} villages, {outlines:,} kecamatan/kabupaten outlines, {len(districts)} districts"
        )
        print(f"  total {read_s + commit_s:.1f} s (target < 60 s)")

        print(f"\n2. tidy file: {args.rows:,} rows")
        path, _ = timed(
            "generate the CSV (not part of the import)",
            lambda: tidy_file(sorted(batch.villages["code"]), args.rows, folder),
        )
        print(f"  {path.stat().st_size / 1e6:.0f} MB")
        tidy, parse_s = timed("read villages, read and check the file", lambda: parse_tidy(path, store, districts))
        print(f"  {len(tidy.observations):,} observations, {len(tidy.errors)} errors")
        if not tidy.ok:
            raise SystemExit("\n".join(p.message("en") for p in tidy.errors[:20]))
        committed, commit_tidy_s = timed("commit (one transaction)", lambda: store.commit_indicators(tidy, "benchmark"))
        print(f"  {committed.rows:,} observations stored")
        print(f"  total {parse_s + commit_tidy_s:.1f} s (target < 30 s)")
        timed("read back one district's observations", lambda: store.observations(districts[0]))
        store.close()
    wide_refusal(args.columns)
    print(f"\nrerun: {COMMAND} --rows {args.rows}" + (f" --database {args.database}" if args.database else ""))


if __name__ == "__main__":
    main()
