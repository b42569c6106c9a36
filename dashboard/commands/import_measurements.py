"""``python -m dashboard import-measurements PATH [--wilayah KODE] [--yes] [--skip-unmatched] [--user U]``.

Reads an e-PPGBM export or a posyandu register (see :mod:`dashboard.data.importers.eppgbm`), computes
WHO z-scores, counts each child once per village and month, and commits the counts in one transaction.
Village codes are checked against the boundaries of ``--wilayah`` (all districts when omitted), and
village names are matched to them with the aliases saved before.

``--yes`` accepts unambiguous near matches of village names (saved as aliases). Ambiguous or
unmatched names are listed with their candidates, and the file is refused unless ``--skip-unmatched``
says to import the other rows without them. Exit status as ``import-indicators``: a refused file
exits 1 with its report on stderr and changes nothing, a missing file or a bad ``--wilayah`` exits 2,
a file already imported exits 0. The report names rows, never a child.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from dashboard.commands.import_indicators import EXIT_REFUSED, EXIT_UNUSABLE, add_matching_arguments, import_rows
from dashboard.data.importers.model import IndicatorBatch
from dashboard.data.store import CommitResult
from dashboard.i18n import t

__all__ = ["EXIT_REFUSED", "EXIT_UNUSABLE", "HELP", "NAME", "add_arguments", "run"]

NAME = "import-measurements"
HELP = "Impor pengukuran anak (ekspor e-PPGBM atau register posyandu) ke basis data: PATH [--wilayah KODE] [--yes]"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="e-PPGBM export or posyandu register, CSV or XLSX")
    add_matching_arguments(parser)


def _flagged(extra: dict[str, object]) -> int:
    flagged = extra.get("flagged")
    return sum(int(v) for v in flagged.values()) if isinstance(flagged, dict) else 0


def run(args: argparse.Namespace) -> int:
    from dashboard.data.importers.eppgbm import prepare_measurement_import

    def prepare(
        content: bytes, name: str, villages: pd.DataFrame, aliases: dict[tuple[str, str], str], district: str | None
    ) -> IndicatorBatch:
        return prepare_measurement_import(content, name, villages, aliases, district_code=district,
                                          accept_near=args.yes, skip_unmatched=args.skip_unmatched,
                                          confirmed=args.confirmed)  # fmt: skip

    def summarise(batch: IndicatorBatch, result: CommitResult, lang: str) -> str:
        return t(
            "growth.cli.measurements_ok", lang, file=args.path.name, id=result.dataset_id, rows=result.rows,
            measurements=batch.extra.get("measurements", 0), children=batch.extra.get("children", 0),
            skipped=batch.skipped_rows, flagged=_flagged(batch.extra), aliases=result.aliases_saved,
            replaced=result.replaced,
        )  # fmt: skip

    return import_rows(args, prepare, summarise)
