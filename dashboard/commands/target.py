"""``python -m dashboard target --wilayah KODE --tahun Y --target PERSEN --sumber TEKS [--user ADMIN]``.

Sets a district's own stunting target for a year (e.g. from its RPJMD), shown beside the national 14% on
the public pages and in the briefing room; the next publication carries it. Audited.
"""

from __future__ import annotations

import argparse

from dashboard.cli import publication_action
from dashboard.config import Settings
from dashboard.i18n import fmt_number, t

NAME = "target"
HELP = "Tetapkan target stunting daerah per tahun: --wilayah KODE --tahun Y --target PERSEN --sumber TEKS"


def _percent(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a percentage: {text!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wilayah", required=True, metavar="KODE", help="district code, e.g. 52.03")
    parser.add_argument("--tahun", required=True, type=int, metavar="Y", help="year, e.g. 2026")
    parser.add_argument("--target", required=True, type=_percent, metavar="PERSEN", help="percent, e.g. 12,5")
    parser.add_argument("--sumber", required=True, metavar="TEKS", help="source, e.g. 'RPJMD 2025-2029'")
    parser.add_argument("--user", help="the administrator account")


def run(args: argparse.Namespace) -> int:
    target, status = publication_action(args.user, lambda publications, actor: publications.set_target(
        actor, args.wilayah.strip(), args.tahun, args.target, args.sumber))  # fmt: skip
    if target is None:
        return status
    lang = Settings.from_env().language
    print(t("publication.cli.target_set", lang, district=target.district_code, year=target.year,
            target=fmt_number(target.target, lang, target.decimals), source=target.source))  # fmt: skip
    return 0
