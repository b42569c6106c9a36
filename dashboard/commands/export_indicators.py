"""``python -m dashboard export-indicators OUT.csv``: every current observation in the tidy template.

Columns ``kode_wilayah,periode,indikator,pembilang,penyebut`` with dotted codes: the file imports
back unchanged with ``import-indicators``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.config import Settings
from dashboard.core.codes import try_normalise_code
from dashboard.data.store import Store
from dashboard.i18n import t

NAME = "export-indicators"
HELP = "Ekspor semua nilai indikator ke CSV templat (kode_wilayah, periode, indikator, pembilang, penyebut): OUT.csv"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("output", type=Path, help="CSV file to write")
    parser.add_argument("--wilayah", metavar="KODE", help="only this kabupaten/kota (e.g. 64.74)")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    district = None
    if args.wilayah:
        district = try_normalise_code(args.wilayah)
        if district is None or len(district.split(".")) != 2:
            print(t("store.cli.bad_district", settings.language, value=args.wilayah), file=sys.stderr)
            return 2
    with Store.open(settings=settings) as store:
        rows = store.export_observations(args.output, district)
    print(t("store.cli.exported", settings.language, rows=rows, path=args.output))
    return 0
