"""The actor of the work in progress (a callback, a route, a background job), as a context variable.

Set only by the guard around callbacks and by the routes, from the signed-in session; read by the
scoped data source and the handlers. Outside any request (the command line, unit tests) it is unset
and the code that needs an actor is given one explicitly.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from dashboard.auth.roles import Actor

__all__ = ["acting_as", "current_actor"]

_ACTOR: ContextVar[Actor | None] = ContextVar("lokus_actor", default=None)


def current_actor() -> Actor | None:
    """The actor set by :func:`acting_as`, or None outside a guarded request or job."""
    return _ACTOR.get()


@contextmanager
def acting_as(actor: Actor) -> Iterator[Actor]:
    token = _ACTOR.set(actor)
    try:
        yield actor
    finally:
        _ACTOR.reset(token)
