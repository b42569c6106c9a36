"""Every callback and every route, anonymously and as each role that may not use it: refused, nothing changed.

Runs on SQLite and PostgreSQL. The callbacks come from ``/_dash-dependencies`` (what a browser, or an
attacker, sees), the routes from Flask's ``url_map``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from dash import Dash

from dashboard.application import create_app
from dashboard.auth.roles import Actor, Role, can
from dashboard.config import Settings
from dashboard.data import schema
from dashboard.data.store import Store
from tests.auth_helpers import add_user, sign_in_client

ROLES = {"pimpinan": Role.PIMPINAN, "perencana": Role.PERENCANA}
PUBLIC_ROUTES = {"/login", "/_dash-layout", "/_dash-dependencies", "/", "/<path:path>", "/_reload-hash"}


def _snapshot(settings: Settings) -> dict[str, Any]:
    """Every table but the audit log, and the upload folder, as comparable values."""
    with Store.open(settings=settings) as store, store._read() as conn:
        tables = {
            table.name: sorted(map(repr, conn.execute(sa.select(table)).all()))
            for table in schema.metadata.sorted_tables
            if table.name != "audit_log"
        }
    folder = settings.data_dir / "uploads"
    files = sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()) if folder.exists() else []
    return {"tables": tables, "uploads": files}


def _body(callback: dict[str, Any]) -> dict[str, Any]:
    def spec(item: dict[str, Any]) -> dict[str, Any]:
        return {"id": item["id"], "property": item["property"], "value": 1}

    outputs = [
        {"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1].rstrip("@")}
        for part in callback["output"].strip(".").split("...")
    ]
    return {
        "output": callback["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": [spec(i) for i in callback["inputs"]],
        "state": [spec(s) for s in callback["state"]],
        "changedPropIds": [f"{callback['inputs'][0]['id']}.{callback['inputs'][0]['property']}"]
        if callback["inputs"]
        else [],
    }


@pytest.fixture
def app_and_settings(store_url: str, tmp_path: Path) -> tuple[Dash, Settings]:
    settings = Settings(data_dir=tmp_path / "instance", database_url=store_url)
    app = create_app(settings)
    for name in ROLES:
        add_user(settings, name, name, ("99.01",))
    return app, settings


def test_auth040_every_callback_refuses_who_may_not_use_it(app_and_settings: tuple[Dash, Settings]) -> None:
    app, settings = app_and_settings
    anonymous = app.server.test_client()
    anonymous.get("/")
    anonymous.environ_base["HTTP_X_CSRFTOKEN"] = anonymous.get_cookie("_csrf_token").value
    clients = {"anonymous": (anonymous, Actor(None, "", Role.PUBLIK))}
    for name, role in ROLES.items():
        clients[name] = (sign_in_client(app, name), Actor(1, name, role, ("99.01",)))
    callbacks = anonymous.get("/_dash-dependencies").get_json()
    secured = app.server.view_functions  # the guard table lives on the SecuredApp; read it through the app
    assert len(callbacks) >= 20
    before = _snapshot(settings)
    refused = 0
    for callback in callbacks:
        if callback.get("clientside_function"):
            continue
        permission = _permission_of(app, callback["output"])
        assert permission is not None, f"callback {callback['output']} has no permission"
        for who, (client, actor) in clients.items():
            if can(actor, permission):
                continue
            response = client.post("/_dash-update-component", json=_body(callback))
            expected = 401 if who == "anonymous" else 403
            assert response.status_code == expected, (who, callback["output"], response.status_code)
            refused += 1
    assert refused >= len(callbacks)  # every callback is refused to at least the public
    assert _snapshot(settings) == before
    assert secured  # the server has routes at all


def _permission_of(app: Dash, output: str) -> Any:
    from dashboard.auth import web

    guard = web.guard_of(app)
    return guard.required(output)


def test_auth041_every_route_refuses_anonymous_writes_and_reads(app_and_settings: tuple[Dash, Settings]) -> None:
    app, settings = app_and_settings
    client = app.server.test_client()
    client.get("/")
    token = client.get_cookie("_csrf_token").value
    before = _snapshot(settings)
    for rule in app.server.url_map.iter_rules():
        path = rule.rule
        if rule.endpoint == "static" or path.startswith("/assets") or path.startswith("/_dash-component-suites"):
            continue
        concrete = path.replace("<path:path>", "lokus").replace("<version>", "v").replace("<district>", "99.01")
        concrete = concrete.replace("<string:package_name>", "dash").replace("<path:fingerprinted_path>", "x.js")
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            response = client.open(concrete, method=method, headers={"X-CSRFToken": token}, data=b"{}")
            if method == "POST" and path not in ("/login",):
                assert response.status_code in (400, 401, 403, 404, 405, 302), (method, path, response.status_code)
    assert _snapshot(settings) == before


def test_auth042_no_callback_answers_with_another_areas_figures(store_url: str, tmp_path: Path) -> None:
    """Leadership and planners of 64.74 ask every callback about district 52.91 (which has data): no answer
    carries a figure or a scenario of 52.91."""
    from dashboard.data.importers.boundary_files import prepare_boundary_import
    from dashboard.data.importers.indicators import prepare_indicator_import
    from dashboard.data.scenarios import Scenario, ScenarioVillage
    from tests.store.helpers import DISTRICT, village_codes, villages_frame, write

    settings = Settings(data_dir=tmp_path / "instance", database_url=store_url)
    app = create_app(settings)
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "uji")
        codes = village_codes()
        rows = [f"{c},2025-08,stunting,{i + 1007},{i + 9091}" for i, c in enumerate(codes)]
        table = ("kode_wilayah,periode,indikator,pembilang,penyebut\n" + "\n".join(rows) + "\n").encode()
        villages = store.villages(DISTRICT).drop(columns="geometry")
        store.commit(prepare_indicator_import(table, "uji.csv", villages, {}, district_code=DISTRICT), "uji")
        village = ScenarioVillage(codes[0], 1, 91.5, 7.7, 7.0, "")
        store.save_scenario(Scenario(DISTRICT, 2025, "2025-08", "Daftar Rahasia", "weighted", {}, (village,), "x"))
    for name, role in (("luar-pimpinan", "pimpinan"), ("luar-perencana", "perencana")):
        add_user(settings, name, role, ("64.74",))
    add_user(settings, "dalam-pimpinan", "pimpinan", (DISTRICT,))
    anonymous = app.server.test_client()
    callbacks = anonymous.get("/_dash-dependencies").get_json()
    seen_inside = set()
    for name in ("dalam-pimpinan", "luar-pimpinan", "luar-perencana"):
        client = sign_in_client(app, name)
        for callback in callbacks:
            body = _body(callback)
            for item in [*body["inputs"], *body["state"]]:
                item["value"] = _plausible(str(item["id"]), DISTRICT)
            response = client.post("/_dash-update-component", json=body)
            text = response.get_data(as_text=True)
            # Counts as any page formats them (1.007 of 9.091 children), and the scenario's name.
            secrets = [s for s in ("Daftar Rahasia", "1.007", "9.091", "6.057", "54.561") if s in text]
            if name.startswith("dalam"):
                seen_inside.update(secrets)
            else:
                assert secrets == [] or response.status_code != 200, (name, callback["output"], secrets)
    # The same requests from inside the area do carry them: the sweep can see a leak when there is one.
    assert "Daftar Rahasia" in seen_inside and seen_inside & {"1.007", "9.091", "6.057", "54.561"}


def _plausible(component: str, district: str) -> Any:
    """A value a page would send for ``component``, aimed at ``district``."""
    for part, value in (
        ("district", district),
        ("period", "2025-08"),
        ("language", "id"),
        ("indicator", "stunting"),
        ("scheme", "quantiles"),
        ("classes", 5),
        ("scenario", 1),
        ("compare", 1),
        ("kecamatan", None),
    ):
        if part in component:
            return value
    return 1
