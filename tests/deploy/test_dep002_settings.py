"""Which background manager and how many gunicorn processes the DASHBOARD_* variables choose."""

from __future__ import annotations

from pathlib import Path

import pytest
from dash import CeleryManager, DiskcacheManager
from dash.background_callback.managers import BaseBackgroundCallbackManager

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.source import DemoSource


# Apps built earlier in the process left their callbacks with Dash, which registers them again with a new manager.
@pytest.mark.filterwarnings("ignore::celery.exceptions.DuplicateTaskNameWarning")
def test_dep002_a_broker_sends_background_callbacks_to_celery(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"DASHBOARD_DATA_DIR": str(tmp_path), "DASHBOARD_CELERY_BROKER": "redis://127.0.0.1:1/0"}
    )
    assert settings.effective_celery_backend == "redis://127.0.0.1:1/0"  # results beside the jobs by default
    manager = create_app(settings, DemoSource(settings.geodata_dir))._background_manager
    try:
        assert isinstance(manager, CeleryManager)
        assert manager.handle.conf.broker_url == "redis://127.0.0.1:1/0"
        # The app's two background callbacks (check, commit) are Celery tasks the worker knows by the same names.
        assert len([name for name in manager.handle.tasks if name.startswith("background_callback_")]) == 2
    finally:
        # Dash registers every later app's callbacks with every manager alive: this one must not outlive the test.
        BaseBackgroundCallbackManager.managers.remove(manager)


def test_dep002_without_a_broker_one_machine_keeps_its_disk_cache(tmp_path: Path) -> None:
    settings = Settings.from_env({"DASHBOARD_DATA_DIR": str(tmp_path)})
    assert settings.celery_broker is None and settings.effective_celery_backend is None
    app = create_app(settings, DemoSource(settings.geodata_dir))
    assert isinstance(app._background_manager, DiskcacheManager)
    assert (tmp_path / "callbacks").is_dir()


def test_dep002_gunicorn_processes_and_threads_from_the_environment() -> None:
    chosen = Settings.from_env({"DASHBOARD_WORKERS": "3", "DASHBOARD_THREADS": "16", "DASHBOARD_CELERY_BACKEND": "x"})
    assert (chosen.workers, chosen.threads, chosen.effective_celery_backend) == (3, 16, None)  # no broker, no Celery
    assert 2 <= Settings.from_env({}).workers <= 8
