"""Who acts from the command line (an account by `--user`, else the operating-system user), and passwords."""

from __future__ import annotations

import getpass
import sys

from dashboard.auth.roles import Actor, Role
from dashboard.data.accounts import AccountError, Accounts
from dashboard.data.importers.model import BoundaryBatch, IndicatorBatch
from dashboard.data.store import CommitResult, Store
from dashboard.i18n import t

__all__ = ["cli_actor", "commit_from_cli", "import_detail", "read_password", "refused"]


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


def commit_from_cli(store: Store, batch: BoundaryBatch | IndicatorBatch, user: str | None,
                    lang: str) -> CommitResult | None:  # fmt: skip
    """Commit a checked batch as the command line's actor and audit it; None (message on stderr) when
    ``--user`` names no account."""
    accounts = Accounts(store)
    try:
        actor = cli_actor(accounts, user)
    except AccountError as error:
        print(t(error.key, lang, **error.params), file=sys.stderr)  # noqa: T201 - the command line's output
        return None
    result = store.commit(batch, actor.label)
    accounts.audit(actor, "import", target=batch.file_name, detail=import_detail(result))
    return result


def import_detail(result: CommitResult) -> dict[str, object]:
    """What the audit log keeps of an import: ids, counts and district codes, nothing personal."""
    return {
        "dataset": result.dataset_id,
        "rows": result.rows,
        "districts": list(result.districts),
        "duplicate_of": result.duplicate_of,
    }


def refused(error: AccountError, lang: str) -> int:
    """Print an account error for the command line (stderr) and return the exit status 1."""
    print(t(error.key, lang, **error.params), file=sys.stderr)  # noqa: T201 - the command line's output
    return 1
