"""The public site and open data: ``/publik`` pages, ``/unduh`` downloads and the ``/api/v1`` JSON API, no login.

Everything here reads only standing publication snapshots' protected content
(:mod:`dashboard.data.publications`, content format in :mod:`dashboard.core.publication`); nothing reaches
observations, drafts or Dash callbacks. :func:`register` adds both blueprints to the app's Flask server.
"""

from __future__ import annotations

import logging
from functools import partial

from dash import Dash

from dashboard.caching import asset_url
from dashboard.components import lokus_map
from dashboard.public.api import PublicApi
from dashboard.public.routes import PublicPages
from dashboard.services import Services

__all__ = ["map_library_url", "register"]

log = logging.getLogger(__name__)


def register(app: Dash, services: Services) -> None:
    """Serve the public pages, downloads and API from ``app``'s server (nothing when it has no database)."""
    if services.publications is None:
        log.info("no database: the public site is not served")
        return
    # Stylesheets linked with their modification time, so that readers' browsers keep them (dashboard.caching).
    pages = PublicPages(
        services.publications, services.settings, partial(asset_url, app), partial(map_library_url, app)
    )
    app.server.register_blueprint(pages.blueprint())
    app.server.register_blueprint(PublicApi(services.publications, pages.reader).blueprint())


def map_library_url(app: Dash, name: str) -> str:
    """The URL of one of the map component's files (``lokus_map_core.min.js``, ...) as Dash serves it, by content hash.

    Dash answers ``/_dash-component-suites/`` without a session and marks a fingerprinted name immutable
    (:mod:`dashboard.caching`), so anonymous readers fetch the files once a version.
    """
    prefix = app.config.requests_pathname_prefix
    return f"{prefix}_dash-component-suites/{lokus_map.__name__}/{lokus_map.fingerprinted(name)}"
