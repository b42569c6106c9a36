"""``python -m dashboard remove-dataset ID [--user NAME]``: remove an import and what it brought, audited.

The fictional demo cannot be removed. The actor is ``--user`` (an existing account) or the
operating-system user, marked as command line.
"""

from __future__ import annotations

import argparse
import sys

from dashboard.auth.commandline import cli_actor
from dashboard.cli import account_refused
from dashboard.config import Settings
from dashboard.data.accounts import AccountError, Accounts
from dashboard.data.importers.model import DatasetKind
from dashboard.data.store import Store
from dashboard.i18n import t

NAME = "remove-dataset"
HELP = "Hapus satu impor (dan nilai yang dibawanya): ID [--user NAMA]"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dataset", type=int, help="the dataset id, as the data page lists it")
    parser.add_argument("--user", help="the Lokus account removing (default: the operating-system user)")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    lang = settings.language
    with Store.open(settings=settings) as store:
        accounts = Accounts(store)
        try:
            actor = cli_actor(accounts, args.user)
        except AccountError as error:
            return account_refused(error, lang)
        dataset = store.dataset(args.dataset)
        if dataset is None:
            print(t("store.cli.no_dataset", lang, id=args.dataset), file=sys.stderr)
            return 2
        if dataset.kind == DatasetKind.DEMO:
            accounts.audit(actor, "dataset_remove", target=str(dataset.id), outcome="refused")
            print(t("import.demo_refused", lang), file=sys.stderr)
            return 1
        store.remove_dataset(dataset.id)
        accounts.audit(actor, "dataset_remove", target=str(dataset.id),
                       detail={"file": dataset.file_name, "districts": list(dataset.districts)})  # fmt: skip
    print(t("data.datasets.removed", lang, id=dataset.id))
    return 0
