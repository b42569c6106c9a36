"""``python -m dashboard backup OUT``: a consistent backup of the database while the app runs, audited.

SQLite: a SQLite file made with the online backup API; PostgreSQL: a ``pg_dump`` custom-format archive
(:mod:`dashboard.backups`). Recorded in the audit log as the operating-system user at the command line.
Exit 0 written, 1 refused or failed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from dashboard.auth.commandline import cli_actor
from dashboard.backups import BackupError, backup_database
from dashboard.config import Settings
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store
from dashboard.i18n import fmt_number, t

NAME = "backup"
HELP = "Cadangkan basis data ke satu file (aman saat aplikasi berjalan): OUT"

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, help="the backup file to write (replaced if it exists)")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    lang = settings.language
    url = settings.effective_database_url
    try:
        info = backup_database(url, args.out)
    except BackupError as error:
        print(t(error.key, lang, **error.params), file=sys.stderr)
        return 1
    with Store.open(url) as store:
        accounts = Accounts(store)
        accounts.audit(cli_actor(accounts, None), "database_backup", target=info.path.name,
                       detail={"schema_version": info.schema_version, "bytes": info.size})  # fmt: skip
    log.info("backup written (%s, schema version %d, %d bytes)", info.dialect, info.schema_version, info.size)
    print(t("ops.backup.done", lang, file=info.path, version=info.schema_version,
            size=fmt_number(info.size / 1_000_000, lang, decimals=1)))  # fmt: skip
    return 0
