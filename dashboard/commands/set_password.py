"""``python -m dashboard set-password NAME [--password-stdin]``: a new password; the account's sessions end."""

from __future__ import annotations

import argparse

from dashboard.auth.commandline import cli_actor, read_password
from dashboard.cli import account_refused
from dashboard.config import Settings
from dashboard.data.accounts import AccountError, Accounts
from dashboard.data.store import Store
from dashboard.i18n import t

NAME = "set-password"
HELP = "Ganti kata sandi akun: NAMA [--password-stdin] (semua sesi akun itu berakhir)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name")
    parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    lang = settings.language
    with Store.open(settings=settings) as store:
        accounts = Accounts(store)
        try:
            record = accounts.set_password(args.name, read_password(args.password_stdin))
        except AccountError as error:
            return account_refused(error, lang)
        accounts.audit(cli_actor(accounts, None), "password_set", target=record.username)
    print(t("auth.password.changed", lang))
    return 0
