"""``python -m dashboard first-admin``: on a new installation, an administrator with a random password.

Does nothing when an administrator exists. Otherwise creates ``admin`` with a random password and
prints, once, how to sign in; the password is never stored in clear or logged. ``scripts/run.sh``
calls it before serving, so the first run stays one command and there is never a default password.
"""

from __future__ import annotations

import argparse
import secrets

from dashboard.auth.commandline import cli_actor
from dashboard.config import Settings
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store

NAME = "first-admin"
HELP = "Buat administrator pertama dengan kata sandi acak bila belum ada (dicetak sekali)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", default="admin", help="user name of the first administrator (default: admin)")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    with Store.open(settings=settings) as store:
        accounts = Accounts(store)
        if accounts.has_admin():
            return 0
        password = secrets.token_urlsafe(12)
        record = accounts.create_user(args.name, password, "admin")
        accounts.audit(cli_actor(accounts, None), "user_create", target=record.username, detail={"role": "admin"})
    url = f"http://{settings.host}:{settings.port}/login"
    print("")
    print("=" * 72)
    print("Administrator Lokus dibuat / Lokus administrator created (shown only once):")
    print(f"  alamat / address:   {url}")
    print(f"  nama / user name:   {record.username}")
    print(f"  kata sandi / pass:  {password}")
    print("Ganti kata sandi setelah masuk (/akun/sandi) / change it after signing in.")
    print("Akun lain / more accounts: .venv/bin/python -m dashboard create-user NAMA --role perencana --wilayah KODE")
    print("=" * 72)
    print("")
    return 0
