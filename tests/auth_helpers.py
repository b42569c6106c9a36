"""Accounts for tests: create one in an app's database, sign in through the real login form or a test client."""

from __future__ import annotations

from typing import Any

from dash import Dash

from dashboard.application import create_app
from dashboard.auth.context import current_actor
from dashboard.auth.roles import Actor
from dashboard.config import Settings
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store

PASSWORD = "Tujuh-Bintang-2025"  # holds none of the tests' user names (the policy refuses that)


def add_user(settings: Settings, name: str, role: str, areas: tuple[str, ...] = ()) -> str:
    """Create ``name`` with ``role`` in the database ``settings`` names; returns the password."""
    with Store.open(settings=settings) as store:
        Accounts(store).create_user(name, PASSWORD, role, list(areas))
    return PASSWORD


def sign_in_browser(dash_duo: Any, name: str, password: str = PASSWORD, next_path: str = "/") -> None:
    """Sign in through the plain HTML form, as a person (or a password manager) does."""
    dash_duo.driver.get(f"{dash_duo.server_url}/login?next={next_path}")
    dash_duo.wait_for_element("#username").send_keys(name)
    dash_duo.find_element("#password").send_keys(password)
    dash_duo.find_element("#login-submit").click()
    dash_duo.wait_for_element("#account-menu .account-name", timeout=20)


def start_signed_in(dash_duo: Any, settings: Settings, role: str = "admin", areas: tuple[str, ...] = (),
                    name: str = "uji", next_path: str = "/") -> Dash:  # fmt: skip
    """Start the app on ``settings``, add an account and sign in as it; returns the app."""
    app = create_app(settings)
    add_user(settings, name, role, areas)
    dash_duo.start_server(app)
    sign_in_browser(dash_duo, name, next_path=next_path)
    return app


def sign_in_client(app: Dash, name: str, password: str = PASSWORD) -> Any:
    """A Flask test client signed in as ``name``, with the CSRF header Dash's renderer would send."""
    client = app.server.test_client()
    client.get("/login")
    response = client.post("/login", data={"username": name, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    client.get("/")
    token = client.get_cookie("_csrf_token").value
    client.environ_base["HTTP_X_CSRFTOKEN"] = token
    return client


def router_request(path: str, lang: str = "id") -> dict[str, Any]:
    """The body of the router's callback request for ``path``, as Dash's renderer posts it."""
    from dashboard.ids import ID

    return {
        "output": f"..{ID.PAGE}.children...{ID.NAV}.children...brand-tagline.children...{ID.ACCOUNT}.children..",
        "outputs": [
            {"id": ID.PAGE, "property": "children"},
            {"id": ID.NAV, "property": "children"},
            {"id": "brand-tagline", "property": "children"},
            {"id": ID.ACCOUNT, "property": "children"},
        ],
        "inputs": [
            {"id": ID.ROUTE, "property": "data", "value": path},
            {"id": ID.LANGUAGE, "property": "value", "value": lang},
        ],
        "state": [{"id": ID.MAP_STATE, "property": "data", "value": None}],
        "changedPropIds": [f"{ID.ROUTE}.data"],
    }


def callback_request(app: Dash, output: str, values: dict[str, Any], changed: list[str]) -> dict[str, Any]:
    """The body of the callback whose outputs include ``output`` ("id.property") as Dash's renderer posts it: every
    input and state from ``values`` (by id), ``changed`` the ids whose ``value`` changed."""
    key, spec = next((k, v) for k, v in app.callback_map.items() if output in k)
    return {
        "output": key,
        "outputs": [
            {"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]} for part in key.strip(".").split("...")
        ],
        "inputs": [{**i, "value": values[i["id"]]} for i in spec["inputs"]],
        "state": [{**s, "value": values[s["id"]]} for s in spec["state"]],
        "changedPropIds": [f"{i}.value" for i in changed],
    }


def acting_admin(services: Any) -> Any:
    """Context manager: act as an administrator of ``services`` (its account created on first use)."""
    from dashboard.auth.context import acting_as

    accounts = services.require_accounts()
    record = accounts.user_by_name("admin-uji") or accounts.create_user("admin-uji", PASSWORD, "admin")
    return acting_as(record.actor)


def signed_in_actor() -> Actor:
    """The actor a test is acting as (see the ``as_admin_when_services`` fixture)."""
    actor = current_actor()
    assert actor is not None
    return actor
