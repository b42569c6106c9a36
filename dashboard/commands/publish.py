"""``python -m dashboard publish --wilayah KODE --periode P [--periode P ...] [--judul T] [--user ADMIN]``.

Freezes the district's protected figures for the periods as a new publication snapshot (Aksi 7): the
public pages and the open-data API show it until the next one; later imports change nothing public.
Only an administrator publishes: ``--user`` must name an admin account (without it, the operating-system
user, marked as command line). Exit 0 published, 1 refused (the reason on stderr), 2 unknown account.
"""

from __future__ import annotations

import argparse
import sys

from dashboard.auth.commandline import cli_actor
from dashboard.cli import account_refused
from dashboard.config import Settings
from dashboard.core.indicators import STUNTING
from dashboard.data.accounts import AccountError, Accounts
from dashboard.data.publications import PublicationError, Publications
from dashboard.data.store import Store
from dashboard.i18n import t

NAME = "publish"
HELP = "Terbitkan angka terlindungi satu kabupaten/kota untuk publik: --wilayah KODE --periode P [...] [--judul T]"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wilayah", required=True, metavar="KODE", help="district code, e.g. 52.03")
    parser.add_argument("--periode", required=True, action="append", metavar="P", help="period YYYY-MM (repeatable)")
    parser.add_argument("--indikator", action="append", metavar="KUNCI", help=f"indicator key (default {STUNTING})")
    parser.add_argument("--judul", default="", metavar="T", help="title shown on the public page")
    parser.add_argument("--catatan", default="", metavar="TEKS", help="note shown under the title")
    parser.add_argument("--user", help="the administrator account publishing")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    lang = settings.language
    with Store.open(settings=settings) as store:
        accounts = Accounts(store)
        try:
            actor = cli_actor(accounts, args.user)
        except AccountError as error:
            return account_refused(error, lang, status=2)
        publications = Publications(store, accounts)
        try:
            snapshot = publications.publish(
                actor,
                args.wilayah.strip(),
                args.periode,
                indicators=args.indikator or (STUNTING,),
                title=args.judul,
                note=args.catatan,
                min_denominator=settings.public_min_denominator,
                min_completeness=settings.min_completeness,
                licence=settings.public_licence,
            )
        except PublicationError as error:
            accounts.audit(actor, "publish", target=args.wilayah, detail={"key": error.key}, outcome="refused")
            print(t(error.key, lang, **error.params), file=sys.stderr)
            return 1
    print(
        t(
            "publication.cli.published",
            lang,
            id=snapshot.id,
            district=snapshot.district_code,
            periods=", ".join(snapshot.periods),
            publisher=snapshot.publisher,
            when=snapshot.published_at.isoformat(timespec="minutes"),
        )
    )
    return 0
