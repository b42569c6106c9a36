"""The sign-in pages: ``/login`` (rate-limited, refusals audited), ``POST /logout`` and ``/akun/sandi``.

Plain server-rendered HTML in the reader's language (``?lang=en``), no Dash bundles: a sign-in works on a poor
link and before any script loads. Texts in :mod:`dashboard.i18n.auth` (``auth.*``).
"""

from __future__ import annotations

import hmac
import html
from typing import Any
from urllib.parse import quote

import flask
from flask import Response, redirect, request, session
from flask_limiter import Limiter
from flask_login import login_user, logout_user

from dashboard.auth.roles import ANONYMOUS
from dashboard.auth.session import (
    SessionUser,
    client_address,
    csrf_token,
    current_actor_of_request,
    page_lang,
    safe_next,
)
from dashboard.config import Settings
from dashboard.data.accounts import AccountError, Accounts
from dashboard.i18n import t

__all__ = ["install_sign_in"]


def _page(title: str, body: str, lang: str) -> Response:
    document = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · Lokus</title>
<link rel="stylesheet" href="/assets/bootstrap.min.css"><link rel="stylesheet" href="/assets/lokus.css">
<link rel="stylesheet" href="/assets/print.css"></head>
<body class="auth-page"><main class="container auth-box">
<h1 class="h3 my-4"><a href="/" class="brand-name text-decoration-none">Lokus</a> · {html.escape(title)}</h1>
{body}</main></body></html>"""
    return Response(document, mimetype="text/html")


def _switch(path: str, lang: str) -> str:
    """The link to the same page in the other language (``path`` carries its own query, if any)."""
    other = "en" if lang != "en" else "id"
    joiner = "&amp;" if "?" in path else "?"
    label = html.escape(t("auth.language", lang))
    return f'<p class="text-end small"><a href="{path}{joiner}lang={other}" hreflang="{other}">{label}</a></p>'


def _login_form(lang: str, next_path: str, message: str = "", status: int = 200) -> Response:
    alert = f'<div class="alert alert-danger" role="alert">{html.escape(message)}</div>' if message else ""
    switch = _switch(f"/login?next={quote(next_path)}", lang)
    body = f"""{switch}{alert}<p>{html.escape(t("auth.login.intro", lang))}</p>
<form method="post" action="/login?lang={lang}" class="auth-form">
<input type="hidden" name="next" value="{html.escape(next_path)}">
<div class="mb-3"><label class="form-label" for="username">{html.escape(t("auth.username", lang))}</label>
<input class="form-control" id="username" name="username" autocomplete="username" required autofocus></div>
<div class="mb-3"><label class="form-label" for="password">{html.escape(t("auth.password", lang))}</label>
<input class="form-control" id="password" name="password" type="password" autocomplete="current-password" required>
</div><button class="btn btn-primary" type="submit" id="login-submit">{html.escape(t("auth.login", lang))}</button>
</form>"""
    response = _page(t("auth.login", lang), body, lang)
    response.status_code = status
    return response


def _password_form(lang: str, message: str = "", ok: bool = False, status: int = 200) -> Response:
    colour = "success" if ok else "danger"
    alert = f'<div class="alert alert-{colour}" role="alert">{html.escape(message)}</div>' if message else ""
    token = html.escape(csrf_token())

    def field(name: str, label: str, auto: str) -> str:
        return (f'<div class="mb-3"><label class="form-label" for="{name}">{html.escape(t(label, lang))}</label>'
                f'<input class="form-control" id="{name}" name="{name}" type="password" autocomplete="{auto}" '
                'required></div>')  # fmt: skip

    # The form posts back in the page's language: the answer ("changed", "wrong password") is read in it.
    body = f"""{_switch("/akun/sandi", lang)}{alert}<form method="post" action="/akun/sandi?lang={lang}">
<input type="hidden" name="csrf_token" value="{token}">
{field("current", "auth.password.current", "current-password")}
{field("new", "auth.password.new", "new-password")}
{field("repeat", "auth.password.repeat", "new-password")}
<button class="btn btn-primary" type="submit">{html.escape(t("auth.password.change", lang))}</button>
<a class="btn btn-link" href="/">{html.escape(t("auth.back", lang))}</a></form>"""
    response = _page(t("auth.password.change", lang), body, lang)
    response.status_code = status
    return response


def install_sign_in(server: flask.Flask, settings: Settings, accounts: Accounts | None, limiter: Limiter) -> None:
    """Add ``/login``, ``/logout`` and ``/akun/sandi`` to ``server``, and the page answering a rate-limited sign-in."""

    def login_page() -> Response:
        lang = page_lang()
        next_path = safe_next(request.values.get("next"))
        if request.method == "GET":
            if current_actor_of_request() is not ANONYMOUS:
                return redirect(next_path)  # type: ignore[return-value]
            return _login_form(lang, next_path)
        username = (request.form.get("username") or "").strip()
        password = request.form.get("password") or ""
        if accounts is None:
            return _login_form(lang, next_path, t("auth.login.failed", lang), status=401)
        record = accounts.verify(username, password) if username and password else None
        if record is None:
            accounts.audit(None, "login", target=username[:64] or None, address=client_address(), outcome="refused")
            return _login_form(lang, next_path, t("auth.login.failed", lang), status=401)
        session.clear()  # a new session on sign-in (OWASP Session Management: no fixation)
        session.permanent = True  # ends after DASHBOARD_SESSION_HOURS without activity
        login_user(SessionUser(record))
        csrf_token()
        accounts.audit(record.actor, "login", target=record.username, address=client_address())
        return redirect(next_path)  # type: ignore[return-value]

    # Only refused attempts count (a planner signing in ten times is not an attack); each refusal by the
    # limiter is audited like a refused password.
    def refused_attempt(response: Response) -> bool:
        return response.status_code != 302

    def breached(limit: Any) -> None:
        if accounts is not None:
            name = (request.form.get("username") or "").strip()[:64] or None
            accounts.audit(None, "login", target=name, address=client_address(), outcome="rate_limited",
                           detail={"limit": str(limit.limit)})  # fmt: skip

    login_view = limiter.limit(settings.login_rate_limit, methods=["POST"], deduct_when=refused_attempt,
                               on_breach=breached)(login_page)  # fmt: skip
    server.add_url_rule("/login", "lokus_login", login_view, methods=["GET", "POST"])

    def logout() -> Response:
        actor = current_actor_of_request()
        if actor is not ANONYMOUS and accounts is not None:
            # Sessions live in a signed cookie: a callback still running when the user signs out would send the
            # old cookie back and sign them in again. Moving the account's session generation on makes every
            # earlier cookie of the account worthless (this signs the account out on its other devices too).
            accounts.end_sessions(actor.username)
            accounts.audit(actor, "logout", target=actor.username, address=client_address())
        logout_user()
        session.clear()
        return redirect("/login")  # type: ignore[return-value]

    server.add_url_rule("/logout", "lokus_logout", logout, methods=["POST"])

    def change_password() -> Response:
        lang = page_lang()
        actor = current_actor_of_request()
        if actor is ANONYMOUS or accounts is None:
            return redirect("/login?next=/akun/sandi")  # type: ignore[return-value]
        if request.method == "GET":
            return _password_form(lang)
        sent = request.form.get("csrf_token", "")
        if not hmac.compare_digest(sent, str(session.get("csrf", ""))):
            return Response("missing or wrong CSRF token", status=403)
        new = request.form.get("new") or ""
        if new != (request.form.get("repeat") or ""):
            return _password_form(lang, t("auth.password.mismatch", lang), status=400)
        if accounts.verify(actor.username, request.form.get("current") or "") is None:
            accounts.audit(actor, "password_change", target=actor.username, address=client_address(),
                           outcome="refused")  # fmt: skip
            return _password_form(lang, t("auth.password.wrong", lang), status=400)
        try:
            record = accounts.set_password(actor.username, new)
        except AccountError as error:
            return _password_form(lang, t(error.key, lang, **error.params), status=400)
        accounts.audit(actor, "password_change", target=actor.username, address=client_address())
        login_user(SessionUser(record))  # this session continues; every other one has ended
        return _password_form(lang, t("auth.password.changed", lang), ok=True)

    server.add_url_rule("/akun/sandi", "lokus_password", change_password, methods=["GET", "POST"])

    @server.errorhandler(429)
    def too_many(_error: Exception) -> Response:
        lang = page_lang()
        return _login_form(lang, safe_next(request.values.get("next")), t("auth.login.too_many", lang), status=429)
