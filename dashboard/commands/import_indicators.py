"""``python -m dashboard import-indicators PATH [--format auto|tidy|sigizi|mapped] [--year 2025] [--mapping M.json]
[--confirm NAMA=KODE ...] [--wilayah KODE] [--yes]``.

Reads an indicator file (the tidy template, or the Sigizi-Kesga routine report), matches village
names against the boundaries of the district ``--wilayah`` names (all districts when omitted, with
the aliases saved before), checks every row and commits in one transaction. Warnings against what is
already stored (a period few villages report, implausible values: :mod:`dashboard.data.assessment`)
are printed on stderr with the file's own and kept in the dataset's report.

``--yes`` accepts unambiguous near matches of village names (they are saved as aliases, so the next
file matches without asking). Ambiguous or unmatched names are listed with their candidates, and the
file is refused unless ``--skip-unmatched`` says to import the other rows without them, or ``--confirm
"NAMA=KODE"`` says which village a name means (as the data page's dropdowns do). ``--mapping`` reads a table
in its own layout with the columns the data page's mapping form would choose (``{"nama_desa": "Nama Desa",
"stunting.pembilang": "Jumlah balita pendek", ...}``). A refused
file exits 1 with its report on stderr and changes nothing; a file already imported exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from dashboard.auth.commandline import commit_from_cli
from dashboard.cli import account_refused
from dashboard.config import Settings
from dashboard.core.codes import try_normalise_code
from dashboard.data.accounts import AccountError
from dashboard.data.assessment import assess
from dashboard.data.importers.model import IndicatorBatch, Severity
from dashboard.data.importers.text_report import problem_lines, suggestion_lines
from dashboard.data.store import CommitResult, Store
from dashboard.i18n import t

NAME = "import-indicators"
HELP = "Impor data indikator (templat atau laporan Sigizi-Kesga) ke basis data: PATH [--wilayah KODE] [--yes]"

# The importer's layouts (dashboard.data.importers.indicators.FORMATS, spelled here so --help imports no pandas
# reader): scorecard is the Scorecard Konvergensi Desa, dana_desa the village funds sheet.
FORMATS = ("auto", "tidy", "sigizi", "mapped", "scorecard", "dana_desa")
EXIT_REFUSED = 1
EXIT_UNUSABLE = 2


def add_matching_arguments(parser: argparse.ArgumentParser) -> None:
    """``--wilayah``, ``--yes``, ``--skip-unmatched``, ``--user``: for every command that matches village names."""
    parser.add_argument("--wilayah", metavar="KODE", help="kabupaten/kota whose village names are matched (e.g. 64.74)")
    parser.add_argument("--yes", action="store_true", help="accept unambiguous near matches of village names")
    parser.add_argument(
        "--skip-unmatched", action="store_true", help="import the other rows when some names match no village"
    )
    parser.add_argument(
        "--confirm", action="append", default=[], metavar="NAMA=KODE",
        help="the village a name means, e.g. 'Ds. Sukamaju=52.03.01.2001' (repeatable; for ambiguous names)",
    )  # fmt: skip
    parser.add_argument(
        "--user", help="the Lokus account importing (default: the operating-system user, marked as command line)"
    )


def confirmed_names(pairs: list[str]) -> dict[str, str]:
    """``--confirm`` values as ``{name in the file: village code}``; :class:`ValueError` names a malformed pair.

    >>> confirmed_names(["Ds. Sukamaju=5203012001", "A=B=52.03.01.2002"])
    {'Ds. Sukamaju': '52.03.01.2001', 'A=B': '52.03.01.2002'}
    """
    found: dict[str, str] = {}
    for pair in pairs:
        name, _, raw = pair.rpartition("=")
        code = try_normalise_code(raw.strip())
        if not name.strip() or code is None or len(code.split(".")) != 4:
            raise ValueError(pair)
        found[name.strip()] = code
    return found


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="CSV or XLSX file")
    parser.add_argument("--format", choices=FORMATS, default="auto", help="file layout (default: detect)")
    parser.add_argument("--year", type=int, help="the year of a report whose months carry none (no Tahun column)")
    parser.add_argument(
        "--mapping", type=Path, metavar="FILE.json",
        help="a table in its own layout: JSON {field: column} as the data page's mapping form writes it",
    )  # fmt: skip
    add_matching_arguments(parser)


_VILLAGE_COLUMNS = ["code", "name", "kecamatan_code", "kecamatan_name", "district_code", "district_name"]


def _villages(store: Store, district: str | None) -> pd.DataFrame:
    codes = [district] if district else [d.code for d in store.districts()]
    frames = [pd.DataFrame(store.villages(code).drop(columns="geometry")) for code in codes]
    frames = [frame for frame in frames if len(frame)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=_VILLAGE_COLUMNS)


# (file bytes, file name, villages, saved aliases, district code or None) -> a checked batch
Prepare = Callable[[bytes, str, pd.DataFrame, dict[tuple[str, str], str], str | None], IndicatorBatch]
# (the batch, the commit's result, language) -> the one summary line printed on success
Summarise = Callable[[IndicatorBatch, CommitResult, str], str]


def import_rows(args: argparse.Namespace, prepare: Prepare, summarise: Summarise) -> int:
    """Check a file whose rows name villages, report on stderr, commit when it passes: the commands' common path."""
    settings = Settings.from_env()
    lang = settings.language
    path: Path = args.path
    if not path.is_file():
        print(t("store.cli.not_found", lang, path=path), file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        args.confirmed = confirmed_names(getattr(args, "confirm", []) or [])
    except ValueError as error:
        print(t("store.cli.bad_confirm", lang, value=str(error)), file=sys.stderr)
        return EXIT_UNUSABLE
    district = None
    if args.wilayah:
        district = try_normalise_code(args.wilayah)
        if district is None or len(district.split(".")) != 2:
            print(t("store.cli.bad_district", lang, value=args.wilayah), file=sys.stderr)
            return EXIT_UNUSABLE

    with Store.open(settings=settings) as store:
        villages = _villages(store, district)
        if district and villages.empty:
            print(t("store.cli.no_villages", lang, district=district), file=sys.stderr)
            return EXIT_REFUSED
        batch = prepare(path.read_bytes(), path.name, villages, store.aliases(district), district)
        if batch.ok:  # completeness and plausibility against what is stored: warnings, listed first and kept
            stored = {code: store.observations(code) for code in batch.districts}
            batch.problems[:0] = assess(batch, stored, villages, settings.min_completeness)
        for line in problem_lines(batch.problems, lang):
            print(line, file=sys.stderr)
        if batch.suggestions:
            describe = {
                str(code): f"{name} ({kecamatan})"
                for code, name, kecamatan in villages[["code", "name", "kecamatan_name"]].itertuples(index=False)
            }
            print(t("store.cli.suggestions", lang), file=sys.stderr)
            for line in suggestion_lines(batch.suggestions, describe, lang):
                print(line, file=sys.stderr)
        if not batch.ok:
            warnings = sum(p.severity is Severity.WARNING for p in batch.problems)
            print(
                t("store.cli.refused", lang, file=path.name, errors=len(batch.errors), warnings=warnings),
                file=sys.stderr,
            )
            return EXIT_REFUSED
        try:
            result = commit_from_cli(store, batch, args.user)
        except AccountError as error:
            return account_refused(error, lang, EXIT_UNUSABLE)
    if result.duplicate_of is not None:
        print(t("store.cli.duplicate", lang, file=path.name, id=result.duplicate_of))
        return 0
    for line in problem_lines(result.problems, lang):
        print(line, file=sys.stderr)
    print(summarise(batch, result, lang))
    return 0


def run(args: argparse.Namespace) -> int:
    from dashboard.data.importers.indicators import prepare_indicator_import

    mapping = None
    if args.mapping is not None:
        try:
            mapping = json.loads(args.mapping.read_text(encoding="utf-8"))
            if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
                raise ValueError("not an object of strings")
        except (OSError, ValueError) as error:
            print(t("store.cli.bad_mapping", Settings.from_env().language, path=args.mapping, error=error),
                  file=sys.stderr)  # fmt: skip
            return EXIT_UNUSABLE

    def prepare(
        content: bytes, name: str, villages: pd.DataFrame, aliases: dict[tuple[str, str], str], district: str | None
    ) -> IndicatorBatch:
        return prepare_indicator_import(content, name, villages, aliases, format=args.format, district_code=district,
                                        accept_near=args.yes, skip_unmatched=args.skip_unmatched,
                                        year=args.year, mapping=mapping, confirmed=args.confirmed)  # fmt: skip

    def summarise(batch: IndicatorBatch, result: CommitResult, lang: str) -> str:
        return t(
            "store.cli.indicators_ok", lang, file=args.path.name, id=result.dataset_id, rows=result.rows,
            read=batch.rows_read, skipped=batch.skipped_rows, aliases=result.aliases_saved, replaced=result.replaced,
        )  # fmt: skip

    return import_rows(args, prepare, summarise)
