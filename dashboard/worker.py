"""The Celery application that runs Dash's background callbacks (checking and committing imports) for every app server.

Started with the same ``DASHBOARD_*`` variables as the app servers, ``DASHBOARD_CELERY_BROKER`` among them::

    celery -A dashboard.worker worker --loglevel=INFO --concurrency=2

``celery -A dashboard.worker`` asks this module for ``app``; the first such request builds the whole Dash app
(:func:`dashboard.application.create_app`), so every background callback is registered as a Celery task here under
the same name as in the app servers (Dash names a task by its callback's id and source), and returns the Celery
application of the app's :class:`dash.CeleryManager`. Building is lazy so that the app servers may import
:func:`make_celery` without building a second app.

The user travels with each job: Dash sends the callback context to the task, ``custom_data`` included, where
:mod:`dashboard.auth.guard` put the actor the request was authorised for; the task sets that actor again before
the import runs, so the dataset and its audit record name the signed-in account.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from celery import Celery

from dashboard.config import Settings

__all__ = ["make_celery"]

log = logging.getLogger(__name__)


def make_celery(settings: Settings) -> Celery:
    """The Celery application of ``settings``'s broker and result backend, for Dash's ``CeleryManager``.

    Parameters
    ----------
    settings : Settings
        ``celery_broker`` must be set; results and progress go to ``effective_celery_backend``.

    Returns
    -------
    Celery
        JSON messages only (a job carries the callback's inputs and context, never pickled objects); a worker
        process takes one job at a time, so a long import does not hold a queued one back.

    Raises
    ------
    ValueError
        When ``settings`` names no broker.
    """
    if not settings.celery_broker:
        raise ValueError("DASHBOARD_CELERY_BROKER is not set: background callbacks run on this machine (diskcache)")
    celery = Celery("lokus", broker=settings.celery_broker, backend=settings.effective_celery_backend)
    celery.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        worker_prefetch_multiplier=1,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
    )
    return celery


@functools.cache
def _celery_of_app() -> Celery:
    """Build the Dash app from ``DASHBOARD_*`` and return the Celery application its background callbacks use."""
    from dash import CeleryManager

    from dashboard.application import create_app

    settings = Settings.from_env()
    dash_app = create_app(settings)
    manager = dash_app._background_manager
    if not isinstance(manager, CeleryManager):
        raise RuntimeError("DASHBOARD_CELERY_BROKER is not set: the app runs its background callbacks itself")
    log.info("Celery worker app built: %d background callbacks", len(manager.func_registry))
    return manager.handle


def __getattr__(name: str) -> Any:
    """``app`` and ``celery``, the names ``celery -A dashboard.worker`` looks for, built on first use."""
    if name in ("app", "celery"):
        return _celery_of_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
