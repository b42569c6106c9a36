"""``python -m dashboard withdraw ID --alasan TEKS [--user ADMIN]``: withdraw a publication, audited.

The snapshot stays in the database with who withdrew it, when and why; the public pages then show the
district's latest standing snapshot (or none). Exit 0 withdrawn, 1 refused, 2 unknown account.
"""

from __future__ import annotations

import argparse
import sys

from dashboard.auth.commandline import cli_actor
from dashboard.cli import account_refused
from dashboard.config import Settings
from dashboard.data.accounts import AccountError, Accounts
from dashboard.data.publications import PublicationError, Publications
from dashboard.data.store import Store
from dashboard.i18n import t

NAME = "withdraw"
HELP = "Tarik satu terbitan dari halaman publik: ID --alasan TEKS [--user ADMIN]"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("snapshot", type=int, help="the publication id, as `python -m dashboard publish` printed it")
    parser.add_argument("--alasan", required=True, metavar="TEKS", help="why it is withdrawn (recorded, shown)")
    parser.add_argument("--user", help="the administrator account withdrawing")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    lang = settings.language
    with Store.open(settings=settings) as store:
        accounts = Accounts(store)
        try:
            actor = cli_actor(accounts, args.user)
        except AccountError as error:
            return account_refused(error, lang, status=2)
        try:
            snapshot = Publications(store, accounts).withdraw(actor, args.snapshot, args.alasan)
        except PublicationError as error:
            print(t(error.key, lang, **error.params), file=sys.stderr)
            return 1
    print(t("publication.cli.withdrawn", lang, id=snapshot.id, reason=snapshot.withdraw_reason))
    return 0
