"""Write geodata/kemendagri_desa_2025.csv.gz, the Kemendagri village codes and names, from the national boundary file.

    .venv/bin/python scripts/make_kemendagri_list.py [--source desa_indonesia.parquet] [--out FILE.csv.gz]

Reads only the code and name columns of ``../shared/data/boundaries/desa_indonesia.parquet`` (never its
geometry: Lokus ships codes and names, not polygons), sorts by code and writes a gzip whose header carries
no time or file name, so running it again gives the same bytes. Source and licence: ``geodata/README.md``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import logging
from pathlib import Path

import pyarrow.parquet as pq

from dashboard.config import REPO_ROOT
from dashboard.data.reference import KEMENDAGRI_LIST, KEMENDAGRI_LIST_COLUMNS

log = logging.getLogger("make_kemendagri_list")

SOURCE = REPO_ROOT.parent / "shared" / "data" / "boundaries" / "desa_indonesia.parquet"
# The file's column order: the village, its type, then kecamatan, kabupaten and province.
COLUMNS = ["kode", "nama", "jenis", "kode_kec", "nama_kec", "kode_kab", "nama_kab", "kode_prov", "nama_prov"]


def kemendagri_list_bytes(source: Path) -> tuple[bytes, int]:
    """The gzipped CSV and its row count; refuses a source whose codes repeat or whose columns are missing."""
    if sorted(COLUMNS) != sorted(KEMENDAGRI_LIST_COLUMNS):
        raise SystemExit("COLUMNS and dashboard.data.reference.KEMENDAGRI_LIST_COLUMNS must name the same columns")
    table = pq.read_table(source, columns=COLUMNS).to_pandas()
    table = table.sort_values("kode", kind="stable").reset_index(drop=True)
    if not table["kode"].is_unique:
        raise SystemExit(f"{source}: village codes repeat; not a list of villages")
    text = table.to_csv(index=False, lineterminator="\n")
    buffer = io.BytesIO()
    # filename="" and mtime=0: nothing in the gzip header changes from one run to the next.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as sink:
        sink.write(text.encode("utf-8"))
    return buffer.getvalue(), len(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help=f"national GeoParquet (default: {SOURCE})")
    parser.add_argument("--out", type=Path, default=KEMENDAGRI_LIST, help=f"file to write (default: {KEMENDAGRI_LIST})")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.source.is_file():
        log.error("%s not found (the real public data lives in ../shared/data)", args.source)
        return 2
    content, rows = kemendagri_list_bytes(args.source)
    args.out.write_bytes(content)
    log.info("%s: %d villages, %d bytes", args.out, rows, len(content))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
