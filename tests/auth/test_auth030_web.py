"""The web server as an attacker meets it: sign-in, cookies, CSRF, headers, uploads, the path-traversal token."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from dash import Dash

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store
from dashboard.ids import ID
from tests.auth_helpers import PASSWORD, add_user, sign_in_client


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "instance", max_upload_mb=1, login_rate_limit="5 per minute")


@pytest.fixture
def app(settings: Settings) -> Dash:
    application = create_app(settings)
    add_user(settings, "rina", "perencana", ("99.01",))
    add_user(settings, "bupati", "pimpinan", ("99.01",))
    return application


def _receive_body(token: dict[str, Any]) -> dict[str, Any]:
    """The data page's callback that previews an upload, as the renderer posts it."""
    outputs = [
        (ID.UPLOAD_INFO, "children"), (ID.PREVIEW, "children"), (ID.MAPPING, "children"), (ID.REPORT, "children"),
        (ID.RESULT, "children"), (ID.CHECK, "disabled"), (ID.COMMIT, "disabled"), (ID.UPLOAD_CANCEL, "disabled"),
    ]  # fmt: skip
    key = "..".join(f"{i}.{p}" + ("@" if i in (ID.REPORT, ID.RESULT, ID.COMMIT) else "") for i, p in outputs)
    return {
        "output": key,
        "outputs": [{"id": i, "property": p} for i, p in outputs],
        "inputs": [
            {"id": ID.UPLOAD_TOKEN, "property": "data", "value": token},
            {"id": ID.IMPORT_KIND, "property": "value", "value": "tidy"},
        ],
        "state": [{"id": ID.LANGUAGE, "property": "value", "value": "id"}],
        "changedPropIds": [f"{ID.UPLOAD_TOKEN}.data"],
    }


def _receive_key(app: Dash) -> str:
    [key] = [k for k in app.callback_map if k.startswith(f"..{ID.UPLOAD_INFO}.children")]
    return key


def test_auth030_the_path_traversal_token_reads_nothing(app: Dash) -> None:
    client = sign_in_client(app, "rina")
    for forged in ("../../../../../../etc/passwd", "/etc/passwd", "..%2f..%2fetc%2fpasswd"):
        body = _receive_body({"id": forged, "name": "passwd", "size": 1, "sha256": forged})
        body["output"] = _receive_key(app)
        response = client.post("/_dash-update-component", json=body)
        text = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "root:" not in text and "/bin/" not in text
        assert "kedaluwarsa" in text  # the upload is "gone", never read


def test_auth031_anonymous_callbacks_are_refused_and_cross_origin_posts_too(app: Dash) -> None:
    anonymous = app.server.test_client()
    anonymous.get("/")
    token = anonymous.get_cookie("_csrf_token").value
    body = _receive_body({"id": "x" * 32, "name": "a.csv", "size": 1})
    body["output"] = _receive_key(app)
    assert anonymous.post("/_dash-update-component", json=body, headers={"X-CSRFToken": token}).status_code == 401
    planner = sign_in_client(app, "rina")
    # A page on http://localhost posting to this server (127.0.0.1 in a browser, localhost here) is refused.
    refused = planner.post("/_dash-update-component", json=body, headers={"Origin": "http://127.0.0.1:9"})
    assert refused.status_code == 403
    no_token = app.server.test_client()
    no_token.post("/login", data={"username": "rina", "password": PASSWORD})
    assert no_token.post("/_dash-update-component", json=body).status_code == 403  # no X-CSRFToken


def test_auth032_session_cookie_flags_headers_and_logout(app: Dash, settings: Settings) -> None:
    client = app.server.test_client()
    response = client.post("/login", data={"username": "rina", "password": PASSWORD, "next": "//evil.example/x"})
    assert response.status_code == 302 and response.headers["Location"] == "/"  # no open redirect
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("lokus_session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    page = client.get("/")
    csp = page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "blob:" in csp
    assert "http" not in csp.replace("'self'", "")  # no other host
    assert page.headers["X-Frame-Options"] == "DENY"
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "same-origin"
    assert (settings.data_dir / "secret_key").stat().st_mode & 0o077 == 0
    client.post("/logout", headers={"Origin": "http://localhost"})
    client.get("/")
    client.environ_base["HTTP_X_CSRFTOKEN"] = client.get_cookie("_csrf_token").value
    body = _receive_body({"id": "x" * 32, "name": "a.csv", "size": 1})
    body["output"] = _receive_key(app)
    assert client.post("/_dash-update-component", json=body).status_code == 401
    with Store.open(settings=settings) as store:
        actions = list(Accounts(store).audit_entries()["action"])
    assert actions[:2] == ["logout", "login"]


def test_auth033_login_attempts_are_limited_and_failures_logged(app: Dash, settings: Settings) -> None:
    client = app.server.test_client()
    codes = [client.post("/login", data={"username": "rina", "password": "salah-salah"}).status_code for _ in range(7)]
    assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]
    assert client.post("/login", data={"username": "rina", "password": PASSWORD}).status_code == 429
    with Store.open(settings=settings) as store:
        log = Accounts(store).audit_entries()
    log = log[log["action"] != "publish"]  # the demo's publication on first start
    assert list(log["outcome"])[::-1] == ["refused"] * 5 + ["rate_limited"] * 3 and set(log["target"]) == {"rina"}
    page = client.post("/login", data={"username": "rina", "password": PASSWORD}).get_data(as_text=True)
    assert "Terlalu banyak percobaan" in page and 'name="username"' in page  # the form, in Indonesian


def test_auth033b_successful_sign_ins_do_not_use_up_the_limit(app: Dash) -> None:
    client = app.server.test_client()
    for _ in range(8):  # a planner signing in and out all day is not an attack
        assert client.post("/login", data={"username": "rina", "password": PASSWORD}).status_code == 302
        client.post("/logout")
    assert client.post("/login", data={"username": "rina", "password": "salah-salah"}).status_code == 401


@pytest.mark.parametrize(
    "target",
    ["//evil.example", "/%09/evil.example", "/\t/evil.example", "/\\evil.example", "https://evil.example",
     "/\n/evil.example", "/\r\nSet-Cookie:x=1", "javascript:alert(1)", " /x"],
)  # fmt: skip
def test_auth033c_sign_in_never_redirects_off_site(app: Dash, target: str) -> None:
    from urllib.parse import unquote

    client = app.server.test_client()
    response = client.post("/login", data={"username": "rina", "password": PASSWORD, "next": unquote(target)})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    page = app.server.test_client().get("/login", query_string={"next": unquote(target)})
    assert page.status_code == 200 and "evil" not in page.get_data(as_text=True)


def test_auth034_password_change_ends_other_sessions(app: Dash) -> None:
    first = sign_in_client(app, "bupati")
    second = sign_in_client(app, "bupati")
    token = second.get_cookie("_csrf_token").value
    form = {"current": PASSWORD, "new": PASSWORD + "-2", "repeat": PASSWORD + "-2", "csrf_token": token}
    changed = second.post("/akun/sandi", data=form)
    assert changed.status_code == 200 and "Kata sandi diganti" in changed.get_data(as_text=True)
    assert second.get("/akun/sandi").status_code == 200  # this session continues
    assert first.get("/akun/sandi").status_code == 302  # the other one has ended


def test_auth035_upload_route_streams_caps_and_needs_the_import_role(app: Dash, settings: Settings) -> None:
    folder = settings.data_dir / "uploads"
    leader = sign_in_client(app, "bupati")
    assert leader.post("/unggah", data=b"a,b\n", headers={"X-File-Name": "a.csv"}).status_code == 403
    planner = sign_in_client(app, "rina")
    too_big = planner.post("/unggah", data=b"x" * (1024 * 1024 + 10), headers={"X-File-Name": "besar.csv"})
    assert too_big.status_code == 413 and "1 MB" in json.loads(too_big.get_data())["error"]
    assert list(folder.iterdir()) == []
    ok = planner.post("/unggah", data=b"kode_wilayah,periode\n", headers={"X-File-Name": "..%2F..%2Fx.csv"})
    answer = json.loads(ok.get_data())
    assert ok.status_code == 201 and answer["name"] == "x.csv" and set(answer) == {"id", "name", "size"}
    assert [p.name for p in folder.iterdir()] == [answer["id"]]
    # Only the server's user reads uploads (e-PPGBM files name children) and the database (password hashes).
    assert folder.stat().st_mode & 0o777 == 0o700 and (folder / answer["id"]).stat().st_mode & 0o777 == 0o600
    assert (settings.data_dir / "lokus.sqlite").stat().st_mode & 0o077 == 0
    # A callback request carries choices, never a file: a 5 MB body is refused before Dash reads it.
    huge = planner.post("/_dash-update-component", data=b"{" + b" " * (5 * 1024 * 1024) + b"}",
                        content_type="application/json")  # fmt: skip
    assert huge.status_code == 413


def test_auth036_sessions_expire_and_the_audit_log_exports_as_safe_csv(app: Dash, settings: Settings) -> None:
    from dashboard.views import audit_page

    client = app.server.test_client()
    response = client.post("/login", data={"username": '=HYPERLINK("http://x")', "password": "salah-salah"})
    assert response.status_code == 401
    response = client.post("/login", data={"username": "rina", "password": PASSWORD})
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("lokus_session="))
    assert "Expires=" in cookie  # a sign-in ends (DASHBOARD_SESSION_HOURS), it is not a browser-lifetime cookie
    add_user(settings, "admin", "admin")
    admin = sign_in_client(app, "admin")
    [key] = [k for k in app.callback_map if k.startswith(f"..{ID.AUDIT_DOWNLOAD}") or k == f"{ID.AUDIT_DOWNLOAD}.data"]
    body = {
        "output": key,
        "outputs": {"id": ID.AUDIT_DOWNLOAD, "property": "data"},
        "inputs": [{"id": ID.AUDIT_EXPORT, "property": "n_clicks", "value": 1}],
        "state": [{"id": ID.MAP_STATE, "property": "data", "value": None}],
        "changedPropIds": [f"{ID.AUDIT_EXPORT}.n_clicks"],
    }
    answer = admin.post("/_dash-update-component", json=body)
    assert answer.status_code == 200
    import base64

    download = answer.get_json()["response"][ID.AUDIT_DOWNLOAD]["data"]
    text = base64.b64decode(download["content"]).decode("utf-8-sig")
    log = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    assert log.columns.tolist() == list(audit_page.COLUMNS)
    # Times carry the zone they are read in (the demo district's WIT, UTC+9), never a bare local time.
    assert log["at"].str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00").all()
    refused = log[(log["action"] == "login") & (log["outcome"] == "refused")]
    assert refused["target"].tolist() == ['\'=HYPERLINK("http://x")']  # neutralised, never a formula
    assert ((log["action"] == "login") & (log["target"] == "rina") & (log["outcome"] == "ok")).sum() == 1
    assert sign_in_client(app, "rina").post("/_dash-update-component", json=body).status_code == 403


def test_auth037_behind_https_cookies_are_secure_and_http_is_redirected(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance", https=True)
    app = create_app(settings)
    add_user(settings, "rina", "perencana", ("99.01",))
    plain = app.server.test_client()
    assert plain.get("/login").status_code in (301, 302)  # to https://
    client = app.server.test_client()
    response = client.post("/login", data={"username": "rina", "password": PASSWORD}, base_url="https://localhost")
    cookies = response.headers.getlist("Set-Cookie")
    session_cookie = next(c for c in cookies if c.startswith("lokus_session="))
    assert "Secure" in session_cookie and "HttpOnly" in session_cookie
    assert "max-age" in response.headers["Strict-Transport-Security"]


def test_auth038_a_cookie_from_before_sign_out_no_longer_signs_in(app: Dash) -> None:
    """A callback answered after sign-out re-sends the old cookie; it must not sign the user back in."""
    client = sign_in_client(app, "rina")
    old_cookie = client.get_cookie("lokus_session").value
    client.post("/logout")
    client.set_cookie("lokus_session", old_cookie)  # what a late callback response would put back
    assert client.get("/akun/sandi").status_code == 302  # to the sign-in page
    body = _receive_body({"id": "x" * 32, "name": "a.csv", "size": 1})
    body["output"] = _receive_key(app)
    assert client.post("/_dash-update-component", json=body).status_code == 401
