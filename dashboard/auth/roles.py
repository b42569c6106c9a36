"""Who may do what, where: roles, permissions and areas, as pure rules with no web or database.

Roles (DESIGN.md, "Who sees what"):

========== ==========================================================================================
publik     anonymous visitors: published snapshots only (until publication exists, the login page)
pimpinan   leadership: reads everything of its areas, drafts and unpublished figures included; changes
           nothing
perencana  planners: imports and removes imports, ranks, saves and deletes its own draft scenarios, records
           partners' programmes and case audits, in its areas
admin      users, finalising and reopening scenarios, publishing, the audit log; every area
========== ==========================================================================================

An *area* is a kabupaten/kota code (``52.03``) or a province code (``52``, all its districts). Admins
are bound to no area and see every district.

>>> planner = Actor(id=2, username="rina", role=Role.PERENCANA, areas=("52.03",))
>>> can(planner, Permission.IMPORT), can(planner, Permission.FINALISE)
(True, False)
>>> covers(planner, "52.03"), covers(planner, "52.04")
(True, False)
>>> covers(Actor(3, "budi", Role.PIMPINAN, ("52",)), "52.04")
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "ANONYMOUS",
    "Actor",
    "AreaCodeError",
    "Forbidden",
    "Permission",
    "Role",
    "actor_name",
    "can",
    "covers",
    "normalise_areas",
    "require",
    "require_area",
]


class Role(StrEnum):
    PUBLIK = "publik"
    PIMPINAN = "pimpinan"
    PERENCANA = "perencana"
    ADMIN = "admin"


class Permission(StrEnum):
    PUBLIC = "public"  # anyone, signed in or not: the frame, the login page
    VIEW = "view"  # figures and drafts of one's areas
    IMPORT = "import"  # upload, check and commit files
    REMOVE_IMPORT = "remove_import"
    SAVE_SCENARIO = "save_scenario"  # save, update, duplicate and delete one's own drafts
    FINALISE = "finalise"  # mark a scenario final, reopen a final
    MANAGE_USERS = "manage_users"
    READ_AUDIT = "read_audit"
    PUBLISH = "publish"  # publish and withdraw snapshots for the public, set districts' targets
    RECORD_PROGRAMMES = "record_programmes"  # partners' programmes, case audits: add, edit, delete, import


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.PUBLIK: frozenset({Permission.PUBLIC}),
    Role.PIMPINAN: frozenset({Permission.PUBLIC, Permission.VIEW}),
    Role.PERENCANA: frozenset(
        {
            Permission.PUBLIC,
            Permission.VIEW,
            Permission.IMPORT,
            Permission.REMOVE_IMPORT,
            Permission.SAVE_SCENARIO,
            Permission.RECORD_PROGRAMMES,
        }
    ),
    Role.ADMIN: frozenset(Permission),
}


class AreaCodeError(ValueError):
    """A code that is neither a province nor a kabupaten/kota code; ``code`` is the text as given."""

    def __init__(self, code: str) -> None:
        super().__init__(f"{code!r} is not a province (2 digits) or kabupaten/kota (4 digits) code")
        self.code = code


class Forbidden(Exception):
    """An actor asked for something its role or areas do not allow; ``status`` is 401 for anonymous, else 403."""

    def __init__(self, actor: Actor, what: str) -> None:
        super().__init__(f"{actor.username or 'anonymous'} may not {what}")
        self.status = 401 if actor.is_anonymous else 403


@dataclass(frozen=True)
class Actor:
    """The person behind a request or a command: an account, or the anonymous public (``id`` None)."""

    id: int | None
    username: str
    role: Role
    areas: tuple[str, ...] = ()
    via_cli: bool = False  # a command-line actor: shell access to the server is already an administrator's
    address: str | None = None  # where the request came from, for the audit log

    @property
    def is_anonymous(self) -> bool:
        return self.id is None and not self.via_cli

    @property
    def label(self) -> str:
        """How the audit log and the dataset list name this actor."""
        return f"{self.username}{_CLI_SUFFIX}" if self.via_cli else self.username


ANONYMOUS = Actor(id=None, username="", role=Role.PUBLIK)

_CLI_SUFFIX = " (baris perintah)"


def actor_name(stored: str | None, lang: str = "id") -> str:
    """A stored actor label (:attr:`Actor.label`, kept in Indonesian in the log) in the reader's language:
    ``"sistem (baris perintah)"`` reads ``"system (command line)"`` in English. Account names are kept as they are."""
    from dashboard.i18n import t  # the texts never import roles; kept local all the same

    name = stored or ""
    via_cli = name.endswith(_CLI_SUFFIX)
    if via_cli:
        name = name[: -len(_CLI_SUFFIX)]
    if name == "sistem":
        name = t("actor.system", lang)
    return t("actor.cli", lang, name=name) if via_cli else name


def can(actor: Actor, permission: Permission) -> bool:
    """Whether the actor's role grants ``permission`` (areas are checked apart, by :func:`covers`)."""
    return permission in _GRANTS[actor.role]


def covers(actor: Actor, district_code: str) -> bool:
    """Whether ``district_code`` (``PP.KK``, or any longer code inside it) lies in the actor's areas.

    Admins and command-line actors cover everything; the public covers nothing unpublished.
    """
    if actor.role is Role.ADMIN or actor.via_cli:
        return True
    if actor.role is Role.PUBLIK:
        return False
    code = district_code.strip()
    return any(code == area or code.startswith(area + ".") for area in actor.areas)


def require(actor: Actor, permission: Permission) -> None:
    """Raise :class:`Forbidden` unless the role grants ``permission``."""
    if not can(actor, permission):
        raise Forbidden(actor, str(permission))


def require_area(actor: Actor, district_code: str) -> None:
    """Raise :class:`Forbidden` unless ``district_code`` is in the actor's areas."""
    if not covers(actor, district_code):
        raise Forbidden(actor, f"read or change {district_code}")


def normalise_areas(codes: Iterable[str]) -> tuple[str, ...]:
    """Area codes as stored: dotted province (``52``) or district (``52.03``) codes, sorted, unique.

    Raises :class:`AreaCodeError` (a ``ValueError``) naming the code that is neither (a village code, ``5203x``).

    >>> normalise_areas(["5203", "52.03", "64"])
    ('52.03', '64')
    """
    result: set[str] = set()
    for raw in codes:
        digits = raw.strip().replace(".", "")
        if not digits.isdigit() or len(digits) not in (2, 4):
            raise AreaCodeError(raw)
        result.add(digits if len(digits) == 2 else f"{digits[:2]}.{digits[2:]}")
    # A province already covers its districts.
    provinces = {code for code in result if len(code) == 2}
    return tuple(sorted(code for code in result if len(code) == 2 or code[:2] not in provinces))
