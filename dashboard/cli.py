"""The command line: ``python -m dashboard <command> ...`` for administrators and scripts."""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from dashboard import commands
from dashboard.config import Settings
from dashboard.data.accounts import AccountError
from dashboard.data.store import StoreBusy
from dashboard.i18n import t

if TYPE_CHECKING:
    from dashboard.auth.roles import Actor
    from dashboard.data.publications import Publications

R = TypeVar("R")

__all__ = ["EXIT_BUSY", "account_refused", "build_parser", "main", "publication_action"]

EXIT_BUSY = 75  # sysexits' EX_TEMPFAIL: the database stayed locked by another process; nothing changed, try again


def _command_modules() -> list[ModuleType]:
    found = pkgutil.iter_modules(commands.__path__)
    return [importlib.import_module(f"{commands.__name__}.{info.name}") for info in sorted(found, key=lambda i: i.name)]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Lokus: dasbor stunting desa.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress in detail")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in _command_modules():
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        status: int = args.run(args)
    except StoreBusy as error:  # every command that writes: one clear line, never a traceback
        logging.getLogger(__name__).debug("database locked: %s", error)
        print(t("data.busy", Settings.from_env().language), file=sys.stderr)
        return EXIT_BUSY
    return status


def account_refused(error: AccountError, lang: str, status: int = 1) -> int:
    """Print an account error for the person at the terminal (stderr) and return the exit ``status``."""
    print(t(error.key, lang, **error.params), file=sys.stderr)
    return status


def publication_action(user: str | None, act: Callable[[Publications, Actor], R]) -> tuple[R | None, int]:
    """Run ``act`` on the publications as the command line's actor (``--user`` or the OS user, see ``cli_actor``).

    Returns ``(result, 0)``; ``(None, 2)`` for an unknown account and ``(None, 1)`` for a refusal
    (``PublicationError``), each reason printed on stderr in the settings' language.
    """
    from dashboard.auth.commandline import cli_actor
    from dashboard.data.accounts import Accounts
    from dashboard.data.publications import PublicationError, Publications
    from dashboard.data.store import Store

    settings = Settings.from_env()
    with Store.open(settings=settings) as store:
        accounts = Accounts(store)
        try:
            actor = cli_actor(accounts, user)
        except AccountError as error:
            return None, account_refused(error, settings.language, status=2)
        try:
            return act(Publications(store, accounts), actor), 0
        except PublicationError as error:
            print(t(error.key, settings.language, **error.params), file=sys.stderr)
            return None, 1
