"""Building the Dash app: settings, data source, pages and callbacks, with nothing done at import."""

from __future__ import annotations

import logging

from dash import Dash

from dashboard.config import REPO_ROOT, Settings
from dashboard.data.source import DemoSource, RegionSource
from dashboard.i18n import t
from dashboard.services import Services
from dashboard.views import geojson_route, map_page, shell

__all__ = ["create_app"]

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, source: RegionSource | None = None) -> Dash:
    """A ready app. Without arguments: settings from ``DASHBOARD_*`` and the embedded demo district."""
    settings = settings or Settings.from_env()
    source = source or DemoSource(settings.geodata_dir)
    services = Services(settings, source)
    app = Dash(
        __name__,
        title=t("app.title", settings.language),
        assets_folder=str(REPO_ROOT / "assets"),
        serve_locally=True,
        suppress_callback_exceptions=True,  # pages are rendered by the router, not present at start
        update_title="",
    )
    app.layout = shell.layout(services)
    shell.register(app, services)
    map_page.register(app, services)
    geojson_route.register(app, services)
    log.info("Lokus app created (data: %s)", type(source).__name__)
    return app
