"""``python -m dashboard create-user NAME --role ROLE [--wilayah KODE ...] [--password-stdin]``: a new account.

Roles: ``pimpinan`` (reads its areas), ``perencana`` (imports and drafts in its areas), ``admin``
(everything). Non-admins need at least one ``--wilayah`` (a kabupaten/kota code such as ``64.74``, or a
province code such as ``64`` for all its districts). Without ``--password-stdin`` a random password is
generated and printed once.
"""

from __future__ import annotations

import argparse
import secrets

from dashboard.auth.commandline import cli_actor, read_password
from dashboard.cli import account_refused
from dashboard.config import Settings
from dashboard.data.accounts import AccountError, Accounts
from dashboard.data.store import Store

NAME = "create-user"
HELP = "Buat akun: NAMA --role pimpinan|perencana|admin [--wilayah KODE ...] [--password-stdin]"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="user name (lower-case letters, digits, . _ -)")
    parser.add_argument("--role", required=True, choices=["pimpinan", "perencana", "admin"])
    parser.add_argument("--wilayah", action="append", default=[], metavar="KODE",
                        help="district (64.74) or province (64) code; repeat for several")  # fmt: skip
    parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    lang = settings.language
    with Store.open(settings=settings) as store:
        accounts = Accounts(store)
        generated = not args.password_stdin
        try:
            password = secrets.token_urlsafe(12) if generated else read_password(True)
            record = accounts.create_user(args.name, password, args.role, args.wilayah)
        except AccountError as error:
            return account_refused(error, lang)
        actor = cli_actor(accounts, None)
        accounts.audit(actor, "user_create", target=record.username,
                       detail={"role": str(record.role), "areas": list(record.areas)})  # fmt: skip
    print(f"{record.username} ({record.role}; {', '.join(record.areas) or '*'})")
    if generated:
        print(f"kata sandi / password: {password}")
    return 0
