"""Building the Dash app: settings, data, pages and callbacks, with nothing done at import."""

from __future__ import annotations

import logging

import diskcache
from dash import CeleryManager, Dash, DiskcacheManager

from dashboard import caching, health, presentation, public
from dashboard.auth import web
from dashboard.auth.guard import SecuredApp
from dashboard.auth.roles import Permission
from dashboard.config import REPO_ROOT, Settings
from dashboard.data.publications import ensure_demo_publication
from dashboard.data.source import RegionSource
from dashboard.data.store import Store
from dashboard.i18n import t
from dashboard.services import Services
from dashboard.views import (
    audit_page,
    brief_route,
    data_page,
    gaps_page,
    geojson_route,
    layers_route,
    lokus_page,
    map_page,
    programme_page,
    publication_page,
    region_page,
    shell,
    units_route,
    village_page,
)
from dashboard.views.bundles import LokusDash

__all__ = ["create_app"]

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, source: RegionSource | None = None) -> Dash:
    """A ready app. Without arguments: settings from ``DASHBOARD_*`` and the database they name.

    The database is created or upgraded on start and the embedded demo district imported into it
    when absent or changed; uploads past their time are deleted. A ``source`` replaces the database
    (tests, read-only displays): the data page then says it cannot import, and nobody can sign in.

    Every callback is registered through :class:`~dashboard.auth.guard.SecuredApp` with the permission
    it needs, and the server checks sign-in, CSRF and the callback's permission on every request
    (:mod:`dashboard.auth.web`).
    """
    settings = settings or Settings.from_env()
    if source is None:
        store = Store.open(settings=settings)
        store.ensure_demo(settings.geodata_dir)
        services = Services.from_store(settings, store)
        services.require_uploads().purge()
        ensure_demo_publication(services.require_publications(), settings.min_completeness,
                                settings.public_min_denominator, settings.public_licence)  # fmt: skip
    else:
        services = Services(settings, source)
    app = LokusDash(  # Dash, each heavy script fetched where a page needs it (views/bundles.py)
        __name__,
        title=t("app.title", settings.language),
        assets_folder=str(REPO_ROOT / "assets"),
        assets_path_ignore=["paparan", "public"],  # files linked by their own pages only (slides, public site)
        serve_locally=True,
        suppress_callback_exceptions=True,  # pages are rendered by the router, not present at start
        update_title="",
        background_callback_manager=_background_manager(settings),  # kept by Dash as app._background_manager
    )
    # <html lang> from the start (screen readers, hyphenation); the shell's clientside callback follows the switch.
    app.index_string = app.index_string.replace("<html>", f'<html lang="{settings.language}">', 1)
    app.layout = shell.layout(services)
    secured = SecuredApp(app)
    shell.register(secured, services)
    # Each page's callbacks need the page's permission unless they name a stricter one; handlers check
    # areas and actions (save, finalise, remove) again on the server.
    map_page.register(secured.page(Permission.VIEW), services)
    data_page.register(secured.page(Permission.IMPORT), services)
    lokus_page.register(secured.page(Permission.VIEW), services)
    gaps_page.register(secured.page(Permission.VIEW), services)
    programme_page.register(secured.page(Permission.VIEW), services)
    region_page.register(secured.page(Permission.VIEW), services)
    audit_page.register(secured.page(Permission.READ_AUDIT), services)
    publication_page.register(secured.page(Permission.PUBLISH), services)
    village_page.register(secured.page(Permission.VIEW), services)  # /desa; /unduh/profil-desa/<kode>.pdf readers
    geojson_route.register(app, services)
    units_route.register(app, services)  # a district's kecamatan and puskesmas areas, its readers
    layers_route.register(
        app, services
    )  # /lokus-geo/<v>/<level>/<within>.geojson, /lokus-tiles/...: readers of the area
    brief_route.register(app, services)  # /unduh/ringkasan/<kode>.pdf|png: the one-page brief, readers of the area
    presentation.register(app, services)  # /paparan/<kode>: the briefing room's slides, readers of the area
    public.register(app, services)  # /publik, /unduh, /api/v1: server-rendered, no login
    health.install(app, services)  # /healthz for a process supervisor; JSON request logs (request id, account id)
    web.install(app, secured, settings, services)
    caching.install(app)  # fingerprinted files kept a year, public answers without cookies
    _compress(app)
    log.info("Lokus app created (data: %s)", type(services.source).__name__)
    return app


def _background_manager(settings: Settings) -> CeleryManager | DiskcacheManager:
    """Where long imports run: a Celery worker when ``DASHBOARD_CELERY_BROKER`` is set (several app servers, see
    :mod:`dashboard.worker`), else a process of this machine, progress and results passing through a disk cache."""
    if settings.celery_broker:
        from dashboard.worker import make_celery

        return CeleryManager(make_celery(settings))
    return DiskcacheManager(diskcache.Cache(str(settings.data_dir / "callbacks")))


def _compress(app: Dash) -> None:
    """gzip/brotli every text response the browser accepts compressed (flask-compress): Dash's bundles, callback
    answers, GeoJSON. A response already compressed (the public site's own) is left as it is."""
    from flask_compress import Compress

    app.server.config.update(
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_MIMETYPES=[
            "text/html",
            "text/css",
            "text/plain",
            "text/csv",
            "application/javascript",
            "text/javascript",
            "application/json",
            "application/geo+json",
        ],
        COMPRESS_MIN_SIZE=1024,
        # Brotli 5 rather than flask-compress's 4: plotly.js travels in 1.29 MB instead of 1.41 MB (0.6 s at
        # 1.6 Mbit/s) for 0.26 s of server time instead of 0.21; levels above 9 take 13 s and more.
        COMPRESS_BR_LEVEL=5,
    )
    Compress(app.server)
