"""Permission rules as plain functions: what each role may do, and where."""

from __future__ import annotations

import pytest

from dashboard.auth.roles import ANONYMOUS, Actor, Forbidden, Permission, Role, can, covers, normalise_areas, require

P = Permission
EXPECTED: dict[Role, set[Permission]] = {
    Role.PUBLIK: {P.PUBLIC},
    Role.PIMPINAN: {P.PUBLIC, P.VIEW},
    Role.PERENCANA: {P.PUBLIC, P.VIEW, P.IMPORT, P.REMOVE_IMPORT, P.SAVE_SCENARIO, P.RECORD_PROGRAMMES},
    Role.ADMIN: set(P),
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", list(Permission))
def test_auth001_each_role_has_exactly_its_permissions(role: Role, permission: Permission) -> None:
    actor = Actor(1, "x", role, ("52.03",)) if role is not Role.PUBLIK else ANONYMOUS
    assert can(actor, permission) is (permission in EXPECTED[role])


def test_auth002_leadership_changes_nothing_and_planners_do_not_finalise() -> None:
    leader = Actor(3, "bupati", Role.PIMPINAN, ("52.03",))
    planner = Actor(2, "rina", Role.PERENCANA, ("52.03",))
    for permission in (P.IMPORT, P.REMOVE_IMPORT, P.SAVE_SCENARIO, P.FINALISE, P.MANAGE_USERS):
        with pytest.raises(Forbidden) as refused:
            require(leader, permission)
        assert refused.value.status == 403
    for permission in (P.FINALISE, P.MANAGE_USERS, P.READ_AUDIT):
        assert not can(planner, permission)
    with pytest.raises(Forbidden) as anonymous:
        require(ANONYMOUS, P.VIEW)
    assert anonymous.value.status == 401


@pytest.mark.parametrize(
    ("areas", "code", "inside"),
    [
        (("52.03",), "52.03", True),
        (("52.03",), "52.03.01.2001", True),
        (("52.03",), "52.031", False),  # a prefix of text is not a prefix of codes
        (("52.03",), "52.04", False),
        (("52",), "52.04", True),
        (("52",), "53.01", False),
        (("52",), "5", False),
        ((), "52.03", False),
    ],
)
def test_auth003_areas_cover_their_districts_and_villages(areas: tuple[str, ...], code: str, inside: bool) -> None:
    for role in (Role.PIMPINAN, Role.PERENCANA):
        assert covers(Actor(1, "x", role, areas), code) is inside
    assert covers(Actor(1, "x", Role.ADMIN, ()), code)
    assert not covers(ANONYMOUS, code)


def test_auth004_area_codes_are_normalised_or_refused() -> None:
    assert normalise_areas(["5203", " 52.03 ", "64.74", "64"]) == ("52.03", "64")
    for bad in ("52.03.01", "5203012001", "abc", "", "5"):
        with pytest.raises(ValueError, match="province"):
            normalise_areas([bad])
