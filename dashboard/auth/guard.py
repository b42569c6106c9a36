"""The guard around every Dash callback: each declares the permission it needs, checked on the server.

Pages register callbacks through :class:`SecuredApp`, whose ``callback`` requires a ``permission``;
a callback registered without one does not exist (a ``TypeError`` at start, never a silent default).
Each request to ``/_dash-update-component`` is then checked twice:

1. in the request, before Dash runs anything (:meth:`SecuredApp.authorise`): the callback is found by
   its output key in the table built at registration; an unknown key or a role without the
   permission is answered 401 (anonymous) or 403, so no background job is ever started for it;
2. around the callback function itself, in the request or in the background worker: the actor the
   request was authorised for travels with the job (Dash's ``custom_data``, filled on the server),
   is set as the current actor for the scoped data source and the handlers, and its permission is
   checked again. A handler that finds the actor outside the district it asks about raises
   :class:`~dashboard.auth.roles.Forbidden`, which becomes a no-op (Dash's ``PreventUpdate``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

import dash
from dash import Dash, ctx
from dash.exceptions import PreventUpdate

from dashboard.auth.context import acting_as
from dashboard.auth.roles import ANONYMOUS, Actor, Forbidden, Permission, Role, can

__all__ = ["ACTOR_NAMESPACE", "SecuredApp", "actor_from_context", "actor_payload", "install_actor_hook"]

log = logging.getLogger(__name__)

ACTOR_NAMESPACE = "lokus_actor"


def actor_payload(actor: Actor) -> dict[str, Any]:
    return {"id": actor.id, "username": actor.username, "role": str(actor.role), "areas": list(actor.areas),
            "address": actor.address}  # fmt: skip


def _actor_from_payload(payload: object) -> Actor:
    if not isinstance(payload, dict) or payload.get("id") is None:
        return ANONYMOUS
    return Actor(int(payload["id"]), str(payload["username"]), Role(payload["role"]), tuple(payload["areas"]),
                 address=payload.get("address"))  # fmt: skip


def actor_from_context() -> Actor:
    """The actor the current callback was authorised for (anonymous when none)."""
    try:
        data = ctx.custom_data
    except Exception:  # outside a callback: no context at all
        return ANONYMOUS
    return _actor_from_payload((data or {}).get(ACTOR_NAMESPACE))


def install_actor_hook(resolve: Callable[[], Actor]) -> None:
    """Have Dash put the request's actor into every callback's context (background jobs included).

    Dash's hooks are process-wide; ``resolve`` reads only the current request (Flask-Login's
    session), so one hook serves every app of the process. Registered once.
    """
    existing = dash.hooks.get_hooks("custom_data")
    if any((hook.data or {}).get("namespace") == ACTOR_NAMESPACE for hook in existing):
        return

    def payload(_context: Any) -> dict[str, Any]:
        return actor_payload(resolve())

    dash.hooks.custom_data(ACTOR_NAMESPACE)(payload)


class SecuredApp:
    """A Dash app whose ``callback`` needs a permission; everything else is the app's own."""

    def __init__(self, app: Dash, default: Permission | None = None,
                 permissions: dict[str, Permission] | None = None) -> None:  # fmt: skip
        self.app = app
        self.default = default
        self.permissions: dict[str, Permission] = {} if permissions is None else permissions

    def __getattr__(self, name: str) -> Any:
        return getattr(self.app, name)

    def page(self, default: Permission) -> SecuredApp:
        """The same app for one page whose callbacks all need ``default`` unless they name another."""
        return SecuredApp(self.app, default, self.permissions)

    def callback(self, *args: Any, permission: Permission | None = None,
                 **kwargs: Any) -> Callable[[Callable[..., Any]], Any]:  # fmt: skip
        """``app.callback`` with the permission the caller's role must grant (the page's default if None)."""
        permission = permission or self.default
        if not isinstance(permission, Permission):
            raise TypeError(f"callback permission must be a Permission, not {permission!r}")

        def decorator(function: Callable[..., Any]) -> Any:
            before = len(self.app._callback_list)
            registered = self.app.callback(*args, **kwargs)(_guarded(function, permission))
            for spec in self.app._callback_list[before:]:
                self.permissions[str(spec["output"])] = permission
            return registered

        return decorator

    def required(self, output_key: str) -> Permission | None:
        """The permission a callback needs, by the output key a request names; None for no such callback."""
        return self.permissions.get(output_key)

    def authorise(self, output_key: str, actor: Actor) -> int | None:
        """None when ``actor`` may run the callback, else the HTTP status to answer (401 or 403)."""
        permission = self.required(output_key)
        if permission is None:
            return 403 if not actor.is_anonymous else 401
        if can(actor, permission):
            return None
        return 401 if actor.is_anonymous else 403


def _guarded(function: Callable[..., Any], permission: Permission) -> Callable[..., Any]:
    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        actor = actor_from_context()
        if not can(actor, permission):
            log.warning("callback %s refused for account %s", function.__name__, actor.id or "anonymous")  # no names
            raise PreventUpdate
        with acting_as(actor):
            try:
                return function(*args, **kwargs)
            except Forbidden as refused:
                log.warning("callback %s: %s", function.__name__, refused)
                raise PreventUpdate from None

    return run
