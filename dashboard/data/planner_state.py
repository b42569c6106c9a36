"""A signed-in user's work in progress on a page (weights, choices, changes by hand), kept on the server.

One JSON document per user, district and page (``lokus``, ``peta``), in the ``planner_state`` table: the page
restores it when it is rendered again (a language switch, a visit to another page, another browser), so a
planner's work never lives in a shared browser's storage. The user is always the :class:`~dashboard.auth.roles.Actor`
of the signed-in session, never an id a client sent; an anonymous visitor keeps nothing.

A document is at most :data:`MAX_BYTES` of JSON. On reading, only the fields the page declares (``fields``: a
name and a function that checks and converts the value, raising ``ValueError``/``TypeError``) are returned: a
field a later version renamed, or a value that no longer reads, is dropped rather than breaking the page.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from dashboard.auth.roles import Actor
from dashboard.data import schema
from dashboard.data.store import Store

__all__ = [
    "MAX_BYTES",
    "PAGE_LOKUS",
    "PAGE_MAP",
    "Fields",
    "PlannerStateError",
    "PlannerStates",
    "SavedState",
    "known_fields",
]

log = logging.getLogger(__name__)

MAX_BYTES = 64 * 1024  # a lokus page's state is ~2-6 KB (12 criteria, a few dozen changes by hand)
PAGE_LOKUS = "lokus"
PAGE_MAP = "peta"

# A field's name and the function that checks and converts its stored value (raises ValueError or TypeError).
Fields = Mapping[str, Callable[[Any], Any]]


class PlannerStateError(ValueError):
    """A document the store refuses: too large, not JSON, or an invalid page or district key."""


@dataclass(frozen=True)
class SavedState:
    """One stored document: whose, for which district and page, its fields, revision and time (UTC)."""

    user_id: int
    district_code: str
    page: str
    data: dict[str, Any]
    version: int
    updated_at: datetime


def known_fields(data: object, fields: Fields) -> dict[str, Any]:
    """The fields of ``data`` that ``fields`` declares and whose value its check accepts, converted.

    >>> known_fields({"top_n": "7", "renamed": 1, "min_score": [60]}, {"top_n": int, "min_score": float})
    {'top_n': 7}
    """
    if not isinstance(data, Mapping):
        return {}
    kept: dict[str, Any] = {}
    for name, check in fields.items():
        if name not in data:
            continue
        try:
            kept[name] = check(data[name])
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            log.info("planner state: field %r dropped (%s)", name, type(error).__name__)
    return kept


def _encoded(data: Mapping[str, Any]) -> str:
    try:
        text = json.dumps(dict(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as error:
        raise PlannerStateError(f"planner state is not plain JSON: {error}") from None
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise PlannerStateError(f"planner state of {size} bytes is over the limit of {MAX_BYTES}")
    return text


def _user(actor: Actor | None) -> int | None:
    """The account whose state is read or written; None (nothing kept) for the public and the command line."""
    if actor is None or actor.is_anonymous or actor.id is None:
        return None
    return int(actor.id)


def _where(user: int, district_code: str, page: str) -> tuple[Any, ...]:
    """The row of one user's document for a district and page."""
    if not isinstance(district_code, str) or len(district_code) > 32:
        raise PlannerStateError("invalid district code")
    if not isinstance(page, str) or not page or len(page) > 64:
        raise PlannerStateError("invalid page key")
    p = schema.planner_state
    return p.c.user_id == user, p.c.district_code == district_code, p.c.page == page


class PlannerStates:
    """Read and write users' page documents in the store; every method takes the acting user from its caller."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _row(self, row: Any, fields: Fields | None) -> SavedState:
        m = row._mapping
        data = m["data"] if isinstance(m["data"], dict) else {}
        updated = m["updated_at"]
        if updated.tzinfo is None:  # SQLite returns naive times; they were written in UTC
            updated = updated.replace(tzinfo=UTC)
        return SavedState(int(m["user_id"]), str(m["district_code"]), str(m["page"]),
                          dict(data) if fields is None else known_fields(data, fields), int(m["version"]),
                          updated)  # fmt: skip

    def load(
        self, actor: Actor | None, district_code: str, page: str, fields: Fields | None = None
    ) -> SavedState | None:
        """``actor``'s document for the district and page (only ``fields``, when given), or None.

        Returns None for an anonymous actor, or when nothing was saved.
        """
        user = _user(actor)
        if user is None:
            return None
        where = _where(user, district_code, page)
        with self.store._read() as conn:
            row = conn.execute(sa.select(schema.planner_state).where(*where)).first()
        return None if row is None else self._row(row, fields)

    def latest(self, actor: Actor | None, page: str, fields: Fields | None = None,
               districts: Callable[[str], bool] | None = None) -> SavedState | None:  # fmt: skip
        """``actor``'s most recently saved document for ``page`` among the districts ``districts`` accepts (all
        when None): the one a page reopens on. None for an anonymous actor or when nothing was saved."""
        user = _user(actor)
        if user is None:
            return None
        p = schema.planner_state
        with self.store._read() as conn:
            rows = conn.execute(
                sa.select(p).where(p.c.user_id == user, p.c.page == page).order_by(p.c.updated_at.desc())
            ).all()
        for row in rows:
            if districts is None or districts(str(row._mapping["district_code"])):
                return self._row(row, fields)
        return None

    def save(self, actor: Actor | None, district_code: str, page: str, data: Mapping[str, Any]) -> SavedState | None:
        """Write ``data`` as ``actor``'s document for the district and page; the revision goes up by one.

        Returns the stored document, or None for an anonymous actor (nothing is kept). Raises
        :class:`PlannerStateError` for a document over :data:`MAX_BYTES` or that is not plain JSON.
        """
        user = _user(actor)
        if user is None:
            return None
        where = _where(user, district_code, page)
        document = json.loads(_encoded(data))
        now = datetime.now(UTC)
        p = schema.planner_state
        with self.store._write() as conn:
            version = conn.execute(sa.select(p.c.version).where(*where)).scalar()
            if version is None:
                version = 1
                conn.execute(p.insert().values(user_id=user, district_code=district_code, page=page, data=document,
                                               version=version, updated_at=now))  # fmt: skip
            else:
                version = int(version) + 1
                conn.execute(p.update().where(*where).values(data=document, version=version, updated_at=now))
        return SavedState(user, district_code, page, document, version, now)

    def clear(self, actor: Actor | None, district_code: str, page: str) -> bool:
        """Forget ``actor``'s document for the district and page; whether there was one."""
        user = _user(actor)
        if user is None:
            return False
        where = _where(user, district_code, page)
        with self.store._write() as conn:
            result = conn.execute(schema.planner_state.delete().where(*where))
        return bool(result.rowcount)
