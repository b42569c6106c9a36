"""The lokus page's work kept per signed-in user on the server (issue 16, point 5): restored on render, written
by the page's callback for the session's user only, flagged when not saved as a scenario, reset to defaults."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dash.exceptions import PreventUpdate

from dashboard.application import create_app
from dashboard.auth.context import acting_as
from dashboard.auth.roles import ANONYMOUS, Actor
from dashboard.config import Settings
from dashboard.data.accounts import Accounts
from dashboard.data.planner_state import PAGE_LOKUS, PlannerStates
from dashboard.data.store import Store
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.lokus_page.state import kept_state, reset_values, restored_state, unsaved
from tests.auth_helpers import PASSWORD, add_user, callback_request, sign_in_client

GEODATA = Path(__file__).resolve().parents[2] / "geodata"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        yield Services.from_store(settings, store)


def _planner(services: Services, name: str) -> Actor:
    accounts = Accounts(services.store)  # type: ignore[arg-type]
    record = accounts.user_by_name(name) or accounts.create_user(name, PASSWORD, "perencana", ["99.01"])
    return record.actor


def _weighted(state: dict[str, Any], weight: float) -> dict[str, Any]:
    changed = dict(state)
    changed["criteria"] = [{**c, "weight": weight} if i == 0 else c for i, c in enumerate(state["criteria"])]
    return changed


def test_lok200_a_kept_weight_and_change_by_hand_are_restored_for_their_user_only(services: Services) -> None:
    a, b = _planner(services, "perencana.satu"), _planner(services, "perencana.dua")
    with acting_as(a):
        start, opened = restored_state(services)
        assert opened is None and start["district"] == "99.01"
        state = _weighted(start, 7.5)
        state["adjustments"] = [{"code": "99.01.01.2001", "action": "add", "reason": "banjir"}]
        state["top_n"] = 12
        revision, note, flag = kept_state(services, {"state": state}, None, "id")
        assert revision is not None and flag == "1" and "belum disimpan" in note
        again, _ = restored_state(services)
    assert again["criteria"][0]["weight"] == 7.5
    assert again["top_n"] == 12
    assert again["adjustments"] == [{"code": "99.01.01.2001", "action": "add", "reason": "banjir"}]
    with acting_as(b):
        theirs, _ = restored_state(services)
    assert theirs["criteria"][0]["weight"] != 7.5 and theirs["adjustments"] == [] and theirs["top_n"] == 10
    with acting_as(ANONYMOUS):
        public, _ = restored_state(services)
        with pytest.raises(PreventUpdate):  # a visitor reads no district's drafts, and keeps nothing
            kept_state(services, {"state": state}, None, "id")
    assert public["top_n"] == 10


def test_lok201_a_stale_document_never_breaks_the_page(services: Services) -> None:
    c = _planner(services, "perencana.tiga")
    assert services.store is not None
    stale = {"period": "1999-01", "method": "tidak-ada", "bobot": {"x": 1}, "top_n": -3, "criteria": "rusak",
             "adjustments": [{"code": 5}], "opened": {"id": 999999, "name": "hilang", "final": False},
             "light_prevalence": 20.0}  # fmt: skip
    PlannerStates(services.store).save(c, "99.01", PAGE_LOKUS, stale)
    with acting_as(c):
        state, opened = restored_state(services)
    assert opened is None  # a scenario that no longer exists is not reopened
    assert state["period"] == "2025-08" and state["method"] == "weighted" and state["top_n"] == 10
    assert state["adjustments"] == [] and len(state["criteria"]) > 1
    assert state["light_prevalence"] == 20.0  # the one field that still reads is kept


def test_lok202_unsaved_compares_with_the_defaults_or_the_opened_scenario(services: Services) -> None:
    d = _planner(services, "perencana.empat")
    with acting_as(d):
        state, _ = restored_state(services)
    assert not unsaved(services, state, None)
    assert not unsaved(services, {**state, "min_score": 60.0}, None)  # the score is not the list's rule
    assert unsaved(services, _weighted(state, 4.0), None)
    assert not unsaved(services, _weighted(state, 4.0), {"id": 1, "name": "x", "final": True})  # final: read-only


def test_lok203_reset_gives_the_defaults_and_is_audited(services: Services) -> None:
    e = _planner(services, "perencana.lima")
    assert services.accounts is not None
    with acting_as(e):
        values = reset_values(services, "99.01", "2025-08", None, "id")
    method, by, top_n, _min_score, prevalence, _stunted, flagged, _rows, adjustments, message = values
    assert (method, by, top_n, prevalence, flagged, adjustments) == ("weighted", "top_n", 10, 14.0, False, [])
    assert message == "Pengaturan dikembalikan ke bawaan."
    log = services.accounts.audit_entries()
    last = log[log["action"] == "lokus_reset"].iloc[-1]
    assert last["username"] == "perencana.lima" and last["target"] == "99.01"
    assert t("audit.action.lokus_reset", "id") == "pengaturan lokus dikembalikan ke bawaan"  # the audit page's label
    with acting_as(e), pytest.raises(PreventUpdate):
        reset_values(services, "99.01", "2025-08", {"id": 1, "name": "final", "final": True}, "id")


def test_lok204_a_client_cannot_write_another_users_state(tmp_path: Path) -> None:
    """The page's saving callback takes its user from the session: whatever the request carries, the document is
    written under the signed-in user, and a visitor without a session is refused."""
    settings = Settings(data_dir=tmp_path / "instance")
    app = create_app(settings)
    add_user(settings, "perencana.a", "perencana", ("99.01",))
    add_user(settings, "perencana.b", "perencana", ("99.01",))
    with Store.open(settings=settings) as store:
        accounts = Accounts(store)
        a, b = accounts.user_by_name("perencana.a"), accounts.user_by_name("perencana.b")
        assert a is not None and b is not None
        state = {"district": "99.01", "period": "2025-08", "method": "weighted", "by": "top_n", "top_n": 3,
                 "user_id": b.id, "username": "perencana.b"}  # fmt: skip
        values: dict[str, Any] = {ID.LOKUS_CURRENT: {"state": state, "user_id": b.id}, ID.LOKUS_OPENED: None,
                                  ID.LANGUAGE: "id"}  # fmt: skip
        body = callback_request(app, f"{ID.LOKUS_STATE_SAVED}.data", values, [ID.LOKUS_CURRENT])
        client = sign_in_client(app, "perencana.a")
        assert client.post("/_dash-update-component", json=body).status_code == 200
        states = PlannerStates(store)
        assert states.load(b.actor, "99.01", PAGE_LOKUS) is None
        kept = states.load(a.actor, "99.01", PAGE_LOKUS)
        assert kept is not None and kept.data["top_n"] == 3 and "user_id" not in kept.data
        anonymous = app.server.test_client()
        anonymous.get("/")
        token = anonymous.get_cookie("_csrf_token")
        headers = {"X-CSRFToken": token.value} if token else {}
        assert anonymous.post("/_dash-update-component", json=body, headers=headers).status_code in (401, 403)
        assert states.load(b.actor, "99.01", PAGE_LOKUS) is None
