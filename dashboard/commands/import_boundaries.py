"""``python -m dashboard import-boundaries PATH [--code-column COL] [--crosswalk FILE | --match-names]``: boundaries.

Reads GeoJSON, a zipped Shapefile, GeoPackage or GeoParquet in any CRS, checks every feature and
commits in one transaction. A refused file prints its report on stderr and exits 1 with the database
unchanged; a file already imported (same sha256) changes nothing and exits 0. A file whose codes are BPS codes
is refused unless ``--crosswalk`` names a CSV of ``kode_bps,kode_kemendagri`` to translate them through, or
``--match-names`` matches each village by its name (and kecamatan name, when the file has them) against the
official Kemendagri 2025 list Lokus ships, within the kabupaten the BPS codes' first four digits give: exact,
unambiguous names only, any other is an error of its row.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.auth.commandline import commit_from_cli
from dashboard.cli import account_refused
from dashboard.config import Settings
from dashboard.data.accounts import AccountError
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.model import Severity
from dashboard.data.importers.text_report import problem_lines
from dashboard.data.store import Store
from dashboard.i18n import t

NAME = "import-boundaries"
HELP = (
    "Impor batas desa (GeoJSON, Shapefile .zip, GeoPackage, GeoParquet) ke basis data: "
    "PATH [--code-column KOLOM] [--crosswalk FILE | --match-names]"
)

EXIT_REFUSED = 1
EXIT_NOT_FOUND = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="boundary file: .geojson, .zip (Shapefile), .gpkg or .parquet")
    parser.add_argument(
        "--code-column", metavar="COL", help="column holding the Kemendagri codes (detected if omitted)"
    )
    bps = parser.add_mutually_exclusive_group()
    bps.add_argument(
        "--crosswalk",
        metavar="FILE",
        type=Path,
        help="CSV with the columns kode_bps,kode_kemendagri: the code column holds BPS codes, translate them",
    )
    bps.add_argument(
        "--match-names",
        action="store_true",
        help="the code column holds BPS codes: find each village's Kemendagri code by its name (and kecamatan) "
        "in the official Kemendagri 2025 list, within the kabupaten of its BPS code; exact names only",
    )
    parser.add_argument(
        "--user", help="the Lokus account importing (default: the operating-system user, marked as command line)"
    )


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    lang = settings.language
    path: Path = args.path
    if not path.is_file():
        print(t("store.cli.not_found", lang, path=path), file=sys.stderr)
        return EXIT_NOT_FOUND
    crosswalk: Path | None = args.crosswalk
    if crosswalk is not None and not crosswalk.is_file():
        print(t("store.cli.not_found", lang, path=crosswalk), file=sys.stderr)
        return EXIT_NOT_FOUND
    batch = prepare_boundary_import(
        path, code_column=args.code_column, crosswalk=crosswalk, match_names=args.match_names
    )
    for line in problem_lines(batch.problems, lang):
        print(line, file=sys.stderr)
    if not batch.ok:
        warnings = sum(p.severity is Severity.WARNING for p in batch.problems)
        print(
            t("store.cli.refused", lang, file=path.name, errors=len(batch.errors), warnings=warnings), file=sys.stderr
        )
        return EXIT_REFUSED
    with Store.open(settings=settings) as store:
        try:
            result = commit_from_cli(store, batch, args.user)
        except AccountError as error:
            return account_refused(error, lang, EXIT_NOT_FOUND)
    if result.duplicate_of is not None:
        print(t("store.cli.duplicate", lang, file=path.name, id=result.duplicate_of))
        return 0
    for line in problem_lines(result.problems, lang):
        print(line, file=sys.stderr)
    summary = t(
        "store.cli.boundaries_ok", lang, file=path.name, id=result.dataset_id, villages=result.rows,
        districts=len(result.districts), repaired=batch.repaired, appeared=len(result.appeared),
        disappeared=len(result.disappeared),
    )  # fmt: skip
    print(summary)
    return 0
