"""The data page's services over a database holding one district's villages, for the level tests of /data."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.store import Store
from dashboard.services import Services
from tests.store.helpers import villages_frame, write


@contextmanager
def district_services(tmp_path: Path) -> Iterator[Services]:
    """Services (as the page has them) over a fresh database with the test district's villages, committed as the
    page commits."""
    settings = Settings(data_dir=tmp_path / "instance")
    boundaries = prepare_boundary_import(write(villages_frame(), tmp_path, "geojson"))
    with Store.open(settings=settings) as store:
        services = Services.from_store(settings, store)
        services.commit(boundaries, "test")
        yield services
