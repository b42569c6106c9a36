"""``python -m dashboard withdraw ID --alasan TEKS [--user ADMIN]``: withdraw a publication, audited.

The snapshot stays in the database with who withdrew it, when and why; the public pages then show the
district's latest standing snapshot (or none). Exit 0 withdrawn, 1 refused, 2 unknown account.
"""

from __future__ import annotations

import argparse

from dashboard.cli import publication_action
from dashboard.config import Settings
from dashboard.i18n import t

NAME = "withdraw"
HELP = "Tarik satu terbitan dari halaman publik: ID --alasan TEKS [--user ADMIN]"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("snapshot", type=int, help="the publication id, as `python -m dashboard publish` printed it")
    parser.add_argument("--alasan", required=True, metavar="TEKS", help="why it is withdrawn (recorded, shown)")
    parser.add_argument("--user", help="the administrator account withdrawing")


def run(args: argparse.Namespace) -> int:
    snapshot, status = publication_action(
        args.user, lambda publications, actor: publications.withdraw(actor, args.snapshot, args.alasan)
    )
    if snapshot is None:
        return status
    print(t("publication.cli.withdrawn", Settings.from_env().language, id=snapshot.id, reason=snapshot.withdraw_reason))
    return 0
