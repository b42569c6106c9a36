"""``python -m dashboard import-puskesmas PATH [--wilayah KODE] [--user NAME]``: a puskesmas -> village list.

Reads the puskesmas list template (``kode_puskesmas, nama_puskesmas, kode_desa``; CSV or XLSX), checks every row
against the stored villages (of ``--wilayah`` when given) and commits in one transaction, replacing for each
district the file covers the list it had (figures imported per puskesmas stay). A refused file prints its report
on stderr (file, row, column, fix) and exits 1 with the database unchanged; a file already imported exits 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from dashboard.auth.commandline import cli_actor
from dashboard.cli import account_refused
from dashboard.config import Settings
from dashboard.core.codes import try_normalise_code
from dashboard.data.accounts import AccountError, Accounts
from dashboard.data.importers.model import Severity
from dashboard.data.importers.puskesmas import prepare_puskesmas_import
from dashboard.data.importers.text_report import problem_lines
from dashboard.data.levels import commit_puskesmas
from dashboard.data.store import Store
from dashboard.i18n import t

NAME = "import-puskesmas"
HELP = "Impor daftar puskesmas dan desa wilayah kerjanya (CSV/XLSX) ke basis data: PATH [--wilayah KODE]"

EXIT_REFUSED = 1
EXIT_UNUSABLE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="CSV or XLSX: kode_puskesmas, nama_puskesmas, kode_desa")
    parser.add_argument("--wilayah", metavar="KODE", help="kabupaten/kota every village must be in (e.g. 52.03)")
    parser.add_argument("--user", metavar="NAMA", help="the Lokus account importing (default: the system user)")


def _unusable(args: argparse.Namespace, lang: str) -> tuple[str | None, str | None]:
    """``(message, district)``: why the arguments cannot be used (a missing file, a code that is no kabupaten/kota),
    else None and the dotted ``--wilayah`` (None when not given)."""
    if not Path(args.path).is_file():
        return t("store.cli.not_found", lang, path=args.path), None
    if not args.wilayah:
        return None, None
    district = try_normalise_code(args.wilayah)
    if district is None or len(district.split(".")) != 2:
        return t("store.cli.bad_district", lang, value=args.wilayah), None
    return None, district


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    lang = settings.language
    message, district = _unusable(args, lang)
    if message is not None:
        print(message, file=sys.stderr)
        return EXIT_UNUSABLE
    path: Path = args.path
    with Store.open(settings=settings) as store:
        codes = [district] if district else [d.code for d in store.districts()]
        frames = [pd.DataFrame(store.villages(code)[["code", "district_code"]]) for code in codes]
        villages = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["code", "district_code"])
        batch = prepare_puskesmas_import(path.read_bytes(), path.name, villages, district_code=district)
        for line in problem_lines(batch.problems, lang):
            print(line, file=sys.stderr)
        if not batch.ok:
            warnings = sum(p.severity is Severity.WARNING for p in batch.problems)
            print(t("store.cli.refused", lang, file=path.name, errors=len(batch.errors), warnings=warnings),
                  file=sys.stderr)  # fmt: skip
            return EXIT_REFUSED
        accounts = Accounts(store)
        try:
            actor = cli_actor(accounts, args.user)
        except AccountError as error:
            return account_refused(error, lang, EXIT_UNUSABLE)
        result = commit_puskesmas(store, batch, actor.label)
        accounts.record_import(actor, batch.file_name, result)
    if result.duplicate_of is not None:
        print(t("store.cli.duplicate", lang, file=path.name, id=result.duplicate_of))
        return 0
    for line in problem_lines(result.problems, lang):
        print(line, file=sys.stderr)
    print(t("store.cli.puskesmas_ok", lang, file=path.name, id=result.dataset_id, puskesmas=len(batch.puskesmas),
            villages=result.rows, districts=", ".join(result.districts)))  # fmt: skip
    return 0
