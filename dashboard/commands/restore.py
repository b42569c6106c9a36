"""``python -m dashboard restore IN [--yes]``: replace the database's content with a backup, all or nothing, audited.

The file is checked before anything changes (a Lokus backup of the same database kind, a schema no newer than
the code; :mod:`dashboard.backups`). Since every table is replaced, it asks for confirmation at a terminal and
needs ``--yes`` otherwise. The restore is recorded in the restored database's audit log as the operating-system
user at the command line. Exit 0 restored, 1 refused or failed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from dashboard.auth.commandline import cli_actor
from dashboard.backups import BackupError, backup_version, restore_database
from dashboard.config import Settings
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store
from dashboard.i18n import t

NAME = "restore"
HELP = "Pulihkan basis data dari cadangan (mengganti semua data): IN --yes"

log = logging.getLogger(__name__)

_YES = {"ya", "y", "yes"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", type=Path, metavar="IN", help="a file written by `python -m dashboard backup`")
    parser.add_argument("--yes", action="store_true", help="replace every table without asking")


def _confirmed(args: argparse.Namespace, lang: str) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print(t("ops.restore.needs_yes", lang), file=sys.stderr)
        return False
    answer = input(t("ops.restore.confirm", lang, file=args.backup.name))
    if answer.strip().lower() not in _YES:
        print(t("ops.restore.cancelled", lang), file=sys.stderr)
        return False
    return True


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    lang = settings.language
    url = settings.effective_database_url
    try:
        backup_version(args.backup)  # refuse a wrong file before asking anything
        if not _confirmed(args, lang):
            return 1
        info = restore_database(url, args.backup)
    except BackupError as error:
        print(t(error.key, lang, **error.params), file=sys.stderr)
        return 1
    with Store.open(url) as store:  # an older backup's schema is upgraded here
        accounts = Accounts(store)
        accounts.audit(cli_actor(accounts, None), "database_restore", target=info.path.name,
                       detail={"schema_version": info.schema_version, "bytes": info.size})  # fmt: skip
    log.info("database restored (%s, schema version %d)", info.dialect, info.schema_version)
    print(t("ops.restore.done", lang, file=info.path.name, version=info.schema_version))
    return 0
