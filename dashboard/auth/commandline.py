"""Who acts from the command line (an account by `--user`, else the operating-system user), and passwords."""

from __future__ import annotations

import getpass
import sys

from dashboard.auth.roles import Actor, Role
from dashboard.data.accounts import AccountError, Accounts
from dashboard.data.importers.model import BoundaryBatch, IndicatorBatch
from dashboard.data.store import CommitResult, Store

__all__ = ["cli_actor", "commit_from_cli", "read_password"]


def cli_actor(accounts: Accounts, user: str | None) -> Actor:
    """``--user NAME`` must name an existing, active account; without it, the operating-system user.

    Either way the actor is marked as command line (shell access to the server is already an
    administrator's, so it is not limited to areas). Raises :class:`AccountError` for an unknown name.
    """
    if user:
        record = accounts.user_by_name(user)
        if record is None or not record.active:
            raise AccountError("account.not_found", name=user)
        return Actor(record.id, record.username, record.role, record.areas, via_cli=True)
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "cli"
    return Actor(None, name, Role.ADMIN, (), via_cli=True)


def read_password(from_stdin: bool) -> str:
    """A password from standard input (one line, for scripts) or asked twice at the terminal."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Kata sandi / password: ")
    second = getpass.getpass("Ulangi / repeat: ")
    if first != second:
        raise AccountError("auth.password.mismatch")
    return first


def commit_from_cli(store: Store, batch: BoundaryBatch | IndicatorBatch, user: str | None) -> CommitResult:
    """Commit a checked batch as the command line's actor (see :func:`cli_actor`) and audit it.

    Raises :class:`AccountError` when ``--user`` names no account; nothing is written then.
    """
    accounts = Accounts(store)
    actor = cli_actor(accounts, user)
    result = store.commit(batch, actor.label)
    accounts.record_import(actor, batch.file_name, result)
    return result
