"""What the district's registers (partners' programmes, case audits) share: who may write, and the audit trail."""

from __future__ import annotations

from typing import ClassVar

from dashboard.auth.roles import Actor, Permission, can, covers
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store

__all__ = ["AuditedRegister", "RegisterError"]


class RegisterError(ValueError):
    """A change refused; ``key`` and ``params`` give the message (i18n)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class AuditedRegister:
    """A register a district's planners write (``Permission.RECORD_PROGRAMMES`` in the district's area), every
    change and every refusal audited under the district's code. Subclasses name their error and its
    ``forbidden`` key."""

    error: ClassVar[type[RegisterError]] = RegisterError
    forbidden_key: ClassVar[str] = "register.forbidden"

    def __init__(self, store: Store, accounts: Accounts | None = None) -> None:
        self.store = store
        self.accounts = accounts

    def _audit(self, actor: Actor, action: str, district: str, outcome: str = "ok", **detail: object) -> None:
        if self.accounts is not None:
            self.accounts.audit(actor, action, target=district, detail=detail, outcome=outcome)

    def _require_writer(self, actor: Actor, district_code: str, action: str) -> None:
        """Raise (and audit the refusal) unless ``actor`` may record in ``district_code``: decided here, on the
        server, from the session's actor, whatever the page showed."""
        if not can(actor, Permission.RECORD_PROGRAMMES) or not covers(actor, district_code):
            self._audit(actor, action, district_code, "refused")
            raise self.error(self.forbidden_key)
