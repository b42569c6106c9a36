"""``python -m dashboard generate-demo [--out DIR] [--seed N]``: rewrite the fictional demo district.

The files in `geodata/` are exactly what this command writes with the default seed; run it after
changing the generator and commit the result (a test checks they agree).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dashboard.config import REPO_ROOT
from dashboard.data.demo import DEFAULT_SEED, write_demo

NAME = "generate-demo"
HELP = "Buat ulang kabupaten contoh fiktif (batas desa + indikator) di geodata/: [--out DIR] [--seed N]"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "geodata", help="folder to write (default: geodata/)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default: {DEFAULT_SEED})")


def run(args: argparse.Namespace) -> int:
    boundaries, indicators = write_demo(args.out, args.seed)
    print(f"ditulis / written: {boundaries} , {indicators}")
    return 0
