"""Server memory with every district of Indonesia opened one after another (issue 15, point 3: RSS <= 500 MB).

Imports all 83,402 villages (``desa_indonesia.parquet``) into a temporary SQLite store through the project's own
import path, one province per batch (``prepare_boundary_import`` then ``Store.commit_boundaries``), with
generated stunting counts for two weighing months per village (``prepare_indicator_import``, tidy format). The
import runs in a child process, so its own peak does not count. Then, in this process, the app is created on
that store (every page's modules loaded, as a server has them) and each of the 514 districts is opened as the
main page opens it: the prepared GeoJSON, villages, observations, completeness and default period, plausibility
flags and the headline, through :class:`~dashboard.services.Services` and its bounded caches. The process RSS
is printed every 50 districts and at the end, with the time per district.

Run (after bash scripts/setup.sh; needs ../shared/data):

    .venv/bin/python benchmarks/bench_memory.py [--districts N] [--cache-mb 64] [--boundaries PATH] [--database FILE]

``--database FILE`` keeps the imported SQLite file: imported when absent, reused as it is when present.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.config import Settings

COMMAND = ".venv/bin/python benchmarks/bench_memory.py"
NATIONAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "boundaries" / "desa_indonesia.parquet"
PERIODS = ("2025-02", "2025-08")  # the national weighing months
GOAL_MB = 500


def rss_mb() -> float:
    """This process's resident set size now (Linux ``/proc/self/status``), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def tidy_counts(codes: pd.Series, seed: int) -> bytes:
    """The tidy template for ``codes``: stunted over measured children in each of :data:`PERIODS`."""
    rng = np.random.default_rng(seed)
    rows = []
    for period in PERIODS:
        measured = rng.integers(20, 400, len(codes))
        stunted = (measured * rng.uniform(0.05, 0.4, len(codes))).astype(int)
        columns = {"kode_wilayah": codes.to_numpy(), "periode": period, "indikator": "stunting"}
        rows.append(pd.DataFrame({**columns, "pembilang": stunted, "penyebut": measured}))
    return pd.concat(rows).to_csv(index=False).encode()


def import_all(boundaries: Path, url: str) -> None:
    """The child process: every province's villages, then their counts, each batch in its own transaction."""
    from dashboard.data.importers.boundary_files import prepare_boundary_import
    from dashboard.data.importers.indicators import prepare_indicator_import
    from dashboard.data.store import Store

    store = Store.open(url)
    national = gpd.read_parquet(boundaries)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lokus-bench-prov-") as tmp:
        for number, (province, frame) in enumerate(national.groupby("kode_prov", sort=True)):
            path = Path(tmp) / f"desa_prov{province}.parquet"
            frame.to_parquet(path)
            batch = prepare_boundary_import(path)
            if not batch.ok:
                raise SystemExit("\n".join(p.message("en") for p in batch.errors[:20]))
            result = store.commit_boundaries(batch, "benchmark")
            villages = pd.concat(
                [pd.DataFrame(store.villages(code).drop(columns="geometry")) for code in sorted(result.districts)]
            )
            counts = prepare_indicator_import(
                tidy_counts(villages["code"], number), f"stunting_{province}.csv", villages, {}, format="tidy"
            )
            if not counts.ok:
                raise SystemExit("\n".join(p.message("en") for p in counts.errors[:20]))
            store.commit_indicators(counts, "benchmark")
            print(
                f"  province {province}: {len(batch.villages):>6,} villages, {len(result.districts):>3} districts, "
                f"{len(counts.observations):>7,} observations  ({time.perf_counter() - start:6.0f} s)",
                flush=True,
            )
    store.close()


def open_every_district(url: str, data_dir: Path, cache_mb: int, limit: int | None) -> None:
    """Open the districts one after another as the main page does; print RSS and time per district."""
    from dashboard.application import create_app
    from dashboard.data.store import Store
    from dashboard.services import AreaScopedSource, CachedStoreSource, Services

    settings = Settings(data_dir=data_dir, database_url=url, cache_mb=cache_mb)
    print(f"\n2. open every district (DASHBOARD_CACHE_MB={cache_mb})")
    print(f"  RSS before the app: {rss_mb():6.0f} MB")
    create_app(settings)  # every page's modules, the demo district and its publication, as a server holds them
    services = Services.from_store(settings, Store.open(settings=settings))
    districts = [d for d in services.source.districts() if not d.is_demo][:limit]
    print(f"  RSS with the app:   {rss_mb():6.0f} MB; {len(districts)} districts")
    times: list[float] = []
    peak = rss_mb()
    for index, district in enumerate(districts, start=1):
        start = time.perf_counter()
        services.geojson.get(district.code)  # the map's GeoJSON route
        services.source.villages(district.code)
        services.source.observations(district.code)
        services.default_period(district.code)  # completeness per period
        services.flags(district.code)
        services.headline(district.code)
        times.append(time.perf_counter() - start)
        peak = max(peak, rss_mb())
        if index % 50 == 0 or index == len(districts):
            print(
                f"  {index:>4} districts  RSS {rss_mb():6.0f} MB  (peak {peak:4.0f})  last 50: "
                f"mean {np.mean(times[-50:]) * 1000:6.0f} ms, max {max(times[-50:]) * 1000:6.0f} ms",
                flush=True,
            )
    source = services.source.inner if isinstance(services.source, AreaScopedSource) else services.source
    kept = source.cache.bytes if isinstance(source, CachedStoreSource) else 0
    print(f"  cached: GeoJSON {services.geojson.cache.bytes / 2**20:.1f} MiB, district data {kept / 2**20:.1f} MiB")
    print(
        f"  per district: median {np.median(times) * 1000:.0f} ms, 95th percentile "
        f"{np.percentile(times, 95) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms; total {sum(times):.0f} s"
    )
    verdict = "within" if peak <= GOAL_MB else "OVER"
    print(f"  RSS at the end {rss_mb():.0f} MB, peak {peak:.0f} MB: {verdict} the goal of {GOAL_MB} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boundaries", type=Path, default=NATIONAL, help="village file (default: the national one)")
    parser.add_argument("--districts", type=int, help="open only the first N districts (default: all)")
    parser.add_argument(
        "--cache-mb", type=int, default=Settings().cache_mb, help="DASHBOARD_CACHE_MB (default: the app's)"
    )
    parser.add_argument(
        "--database", type=Path, help="SQLite file to import into once and reuse (default: a temporary one)"
    )
    parser.add_argument("--import-into", help=argparse.SUPPRESS)  # the child process's database URL
    args = parser.parse_args()
    if args.import_into:
        import_all(args.boundaries, args.import_into)
        return
    if not args.boundaries.is_file():
        raise SystemExit(f"{args.boundaries} not found: the benchmark needs ../shared/data")
    print(f"Lokus memory benchmark: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="lokus-bench-") as tmp:
        database = args.database.resolve() if args.database else Path(tmp) / "lokus.sqlite"
        url = f"sqlite:///{database}"
        if database.exists():
            print(f"\n1. reuse {database} (delete it to import again)")
        else:
            print(f"\n1. import {args.boundaries.name}, one province per batch (child process)")
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, __file__, "--import-into", url, "--boundaries", str(args.boundaries)],
                check=True,
                env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
            )
            print(f"  imported in {time.perf_counter() - start:.0f} s")
        open_every_district(url, Path(tmp), args.cache_mb, args.districts)
    rerun = f"{COMMAND} --cache-mb {args.cache_mb}" + (f" --districts {args.districts}" if args.districts else "")
    rerun += f" --database {args.database}" if args.database else ""
    print(f"\nrerun: {rerun}")


if __name__ == "__main__":
    main()
